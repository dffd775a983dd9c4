"""Feature extraction and cross-language linking features of the story clusterer."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from storydiff.cluster.features import FeatureExtractor, _spans
from storydiff.cluster.online import OnlineClusterer
from storydiff.model import Article
from storydiff.settings import ClusterSettings
from storydiff.text.lemmas import name_key
from storydiff.text.tokens import word_spans, words

DEV = Path(__file__).resolve().parents[2] / "shared" / "dev" / "articles.jsonl"
T0 = datetime(2024, 5, 6, 8, tzinfo=UTC)

FIRE_DE = (
    "In der Altstadt von Lübeck ist in der Nacht ein Großbrand in einer Lagerhalle ausgebrochen. Die Feuerwehr "
    "rückte mit 120 Einsatzkräften aus, Anwohner mussten ihre Fenster geschlossen halten."
)
FIRE_EN = (
    "A large fire destroyed a warehouse in the old town of Lübeck overnight, with 120 firefighters deployed, "
    "German police said."
)


def test_fast_tokenizer_matches_word_spans_on_real_and_cjk_text() -> None:
    texts = ["北京大学 Peking 3.800 Tokajew's", "ข่าว Bangkok 2024"]
    if DEV.exists():
        with DEV.open(encoding="utf-8") as fh:
            texts += [json.loads(line)["text"] for line in fh]
    for text in texts:
        spans, plain = _spans(text)
        assert spans == list(word_spans(text, lower=False))
        if plain:  # the fast path of the terms: str.casefold is then the folding of every token
            assert [t.casefold() for _, _, t in spans] == words(text)


def test_names_and_numbers_are_script_independent() -> None:
    fx = FeatureExtractor(ClusterSettings())
    de = fx.extract("Präsident Selenskyj sprach in Kiew vor 3.800 Soldaten.", None, "de")
    ru = fx.extract("Президент Зеленский выступил в Киеве перед 3800 солдатами.", None, "ru")
    assert {"@" + name_key("Selenskyj"), "#3800"} <= de.keys() & ru.keys()


def test_only_names_seen_in_two_languages_link_languages() -> None:
    c = OnlineClusterer(ClusterSettings())
    c.add(Article(text=FIRE_DE, url="https://news.test/de", language="de", published=T0))
    # German capitalises every noun: before another language names them, none of them links
    assert not c._linking("@" + name_key("Lübeck"))
    c.add(Article(text=FIRE_EN, url="https://news.test/en", language="en", published=T0 + timedelta(hours=1)))
    assert c._linking("@" + name_key("Lübeck"))
    for noun in ("Altstadt", "Feuerwehr", "Anwohner", "Lagerhalle"):
        assert not c._linking("@" + name_key(noun)), noun
    assert c._linking("#120")


def test_follow_up_close_to_one_member_joins_through_member_similarity() -> None:
    texts = [
        "Großbrand in Lübeck: Eine Lagerhalle in der Altstadt stand in der Nacht in Flammen, 120 Feuerwehrleute "
        "waren im Einsatz.",
        "In Lübeck hat die Polizei nach dem Brand mehrere Straßen gesperrt; Busse fahren Umleitungen und der "
        "Hafen bleibt geschlossen, sagte eine Sprecherin der Stadt.",
        "Die Lübecker Polizei sperrte nach dem Brand mehrere Straßen, Busse fahren Umleitungen, der Hafen bleibt "
        "vorerst geschlossen.",
    ]
    scores = {}
    for weight in (0.0, 0.9):
        c = OnlineClusterer(ClusterSettings(member_weight=weight))
        first = c.add(Article(text=texts[0], url="https://news.test/0", language="de", published=T0))
        c.add_to(Article(text=texts[1], url="https://news.test/1", language="de", published=T0), first.story_id)
        probe = Article(text=texts[2], url="https://news.test/2", language="de", published=T0 + timedelta(hours=2))
        scores[weight] = c.add(probe).score
    assert scores[0.9] > scores[0.0]


@pytest.mark.realdata
def test_dev_cross_language_parts_meet_in_one_story() -> None:
    if not DEV.exists():
        pytest.skip(f"{DEV} not available")
    from storydiff.cluster.evaluate import read_gold
    from storydiff.settings import Settings

    gold = read_gold(DEV, Settings(progress=False))
    c = OnlineClusterer(Settings().cluster)
    pred = {a.id: c.add(a).story_id for a in gold.articles}
    pred = {k: c.resolve(v) for k, v in pred.items()}
    mixed = 0
    multilingual = 0
    for story in set(gold.stories.values()):
        members = [a for a in gold.articles if gold.stories[a.id] == story]
        if len({a.language for a in members}) < 2:
            continue
        multilingual += 1
        langs_by_pred: dict[str, set[str | None]] = {}
        for a in members:
            langs_by_pred.setdefault(pred[a.id], set()).add(a.language)
        mixed += any(len(v) >= 2 for v in langs_by_pred.values())
    assert multilingual >= 10
    assert mixed >= 0.7 * multilingual
