from __future__ import annotations

from datetime import UTC, datetime

from storydiff.model import Article, canonical_url, content_hash


def test_same_record_same_id() -> None:
    a = Article(text="Mehr als 3000 Demonstranten seien festgenommen worden.", url="https://a.test/x?utm_source=rss")
    b = Article(text="Mehr als 3000 Demonstranten seien festgenommen worden.", url="https://a.test/x")
    assert a.id == b.id
    assert a.id.startswith("sd")


def test_same_text_two_urls_two_articles_one_hash() -> None:
    text = "„Ich habe den Befehl gegeben“, sagte Tokajew."
    a = Article(text=text, url="https://one.test/1")
    b = Article(text=text.replace("„", '"').replace("“", '"'), url="https://two.test/1")
    assert a.id != b.id
    assert a.content_hash == b.content_hash


def test_external_id_identity_without_url() -> None:
    a = Article(text="eins", external_id="42", source="afp")
    b = Article(text="zwei", external_id="42", source="afp")
    c = Article(text="eins", external_id="42", source="dpa")
    assert a.id == b.id
    assert a.id != c.id
    assert a.label == "42"


def test_text_identity_without_url_or_id() -> None:
    assert Article(text="Ein  Text").id == Article(text="ein text").id
    assert Article(text="Ein Text").id != Article(text="Ein anderer Text").id


def test_canonical_url_drops_tracking_and_fragment() -> None:
    assert canonical_url("HTTPS://News.Test/a?utm_campaign=x&id=3&fbclid=y#top") == "https://news.test/a?id=3"


def test_content_hash_ignores_spacing_before_punctuation() -> None:
    assert content_hash("Er sagte , es sei gut .") == content_hash("Er sagte, es sei gut.")


def test_with_changes_recomputes_id() -> None:
    a = Article(text="x", url="https://a.test/1", published=datetime(2022, 1, 7, tzinfo=UTC))
    b = a.with_changes(url="https://a.test/2")
    assert b.id != a.id and b.published == a.published
