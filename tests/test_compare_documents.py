"""Document conflicts: two reports name different kinds of document as what was sent, on real dev
articles (read in place, skipped when absent) and on own sentences."""

from collections.abc import Callable

import pytest

from storydiff.compare.align import prepare
from storydiff.compare.documents import document_objects, find_document_conflicts
from storydiff.compare.labels import fact_label
from storydiff.model import Article, Conflict

GoldHits = Callable[..., list[Conflict]]


def _objects(text: str, lang: str = "de") -> list[tuple[str, str]]:
    units = prepare([Article(text=text, language=lang)])[0]
    return [(o.text, o.kind) for u in units for o in document_objects(u)]


def test_the_object_of_a_transfer_verb_not_its_channel() -> None:
    assert _objects("Sie hat ein internes Papier von ihrer privaten E-Mail-Adresse aus verschickt.") == []
    assert _objects("Er hat den Bericht per E-Mail an die Redaktion geschickt.") == [("Bericht", "report")]
    assert _objects("The minister forwarded a confidential letter from her private email.", "en") == [
        ("letter", "letter")]
    assert _objects("Die Pressemitteilung wurde am Abend veröffentlicht.") == [("Pressemitteilung", "statement")]
    assert _objects("Er hat das Schreiben nicht unterzeichnet.") == []  # negated: nothing was sent


def test_a_report_naming_both_kinds_stays_silent() -> None:
    arts = [Article(text="Die Ministerin hat ein geheimes Dokument von ihrem privaten Handy verschickt. "
                         "Das Foto zeigte sie beim Empfang.", language="de"),
            Article(text="Die Ministerin hat ein geheimes Foto von ihrem privaten Handy verschickt.", language="de")]
    assert find_document_conflicts(prepare(arts)) == []
    arts[0] = Article(text="Die Ministerin hat ein geheimes Dokument von ihrem privaten Handy verschickt.",
                      language="de")
    assert len(find_document_conflicts(prepare(arts))) == 1
    # a letter is a document: the broader word is less precise, not different
    arts[1] = Article(text="Die Ministerin hat einen geheimen Brief von ihrem privaten Handy verschickt.", language="de")
    assert find_document_conflicts(prepare(arts)) == []


@pytest.mark.realdata
def test_statement_against_document_sent_from_a_private_mail(gold_hits: GoldHits) -> None:
    hits = gold_hits("d0158", "d0161", "statement:document")
    assert hits and hits[0].kind == "statement"
    assert {v.text for v in hits[0].values} == {"Statement", "Dokument"}


@pytest.mark.realdata
def test_reports_naming_one_kind_stay_silent(dev: tuple) -> None:
    arts, _ = dev
    # two reports that both say a document was sent or forwarded; a resignation letter e-mailed
    # (en) and the same letter (de) in another story
    for ids in (("d0159", "d0161", "d0162"), ("d0138", "d0139", "d0143", "d0144")):
        found = find_document_conflicts(prepare([arts[x] for x in ids if x in arts]))
        assert not found, [(a.value.text, b.value.text) for _, a, b, _, _ in found]


def test_a_document_takes_its_nearest_verb_and_a_comma_ends_a_channel() -> None:
    text = "Sie veröffentlichte am Montag ein Foto, nachdem sie zuvor den Brief verschickt hatte."
    units = prepare([Article(text=text, language="de")])[0]
    assert [(o.text, o.verb) for u in units for o in document_objects(u)] == [("Foto", "publish"), ("Brief", "send")]
    assert _objects("He complained of delays, a report was then sent to the board.", "en") == [("report", "report")]
    arts = [Article(text="Die Ministerin hat ein geheimes Foto auf ihrem privaten Konto veröffentlicht.", language="de"),
            Article(text="Die Ministerin hat ein geheimes Video auf ihrem privaten Konto veröffentlicht.", language="de")]
    assert [fact_label(a) for _, a, _, _, _ in find_document_conflicts(prepare(arts))] == ["what was published"]


def test_a_german_verb_names_no_document() -> None:
    # "schreiben" in lower case is the verb: the report does not name a letter, so the conflict stands
    a = Article(text="Die Ministerin hat ein geheimes Foto von ihrem privaten Handy verschickt. "
                     "Sie wollte darüber nichts schreiben.", language="de")
    b = Article(text="Die Ministerin hat ein geheimes Schreiben von ihrem privaten Handy verschickt.", language="de")
    assert [(x.value.text, y.value.text) for _, x, y, _, _ in find_document_conflicts(prepare([a, b]))] == [
        ("Foto", "Schreiben")]
