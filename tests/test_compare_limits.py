"""Comparison reads a bounded prefix of each article: facts past ``max_article_chars`` are not
reported, offsets of the rest are those of the whole text."""

from storydiff.compare import compare_articles
from storydiff.model import Article
from storydiff.settings import CompareSettings

_HEAD = "Die Polizei nahm am Samstag mehr als {} Demonstranten fest. "
_FILLER = "Der Verkehr in der Stadt lief am Nachmittag wieder normal. " * 20


def _pair(first: str, second: str) -> list[Article]:
    return [Article(text=first, language="de", external_id="a"), Article(text=second, language="de", external_id="b")]


def test_a_conflict_inside_the_cap_is_found_with_offsets_into_the_whole_text() -> None:
    arts = _pair(_HEAD.format(3000) + _FILLER, _FILLER + _HEAD.format(3800))
    comp = compare_articles(arts, CompareSettings(max_article_chars=5000))
    values = [v for c in comp.conflicts for v in c.values]
    assert {v.text for v in values} == {"mehr als 3000 Demonstranten", "mehr als 3800 Demonstranten"}
    texts = {a.label: a.text for a in arts}
    assert all(texts[v.article][v.start : v.end] == v.text for v in values)


def test_a_figure_past_the_cap_is_not_compared() -> None:
    arts = _pair(_HEAD.format(3000) + _FILLER, _FILLER + _HEAD.format(3800))
    comp = compare_articles(arts, CompareSettings(max_article_chars=len(_FILLER)))
    assert not comp.conflicts
    assert comp.articles == ["a", "b"]  # the articles keep their ids
