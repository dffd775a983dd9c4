"""Language identification per article (py3langid: offline, deterministic, BSD licensed)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

__all__ = ["detect_language"]


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


#: characters classified first; a text the sample leaves unsure is classified on ``_MAX_CHARS``
_SAMPLE_CHARS = 1000
_MAX_CHARS = 5000


def _head(text: str, limit: int) -> str:
    """The first ``limit`` characters of ``text``, cut back to a space when one is near."""
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", limit - 100, limit)
    return text[: cut if cut > 0 else limit]


def detect_language(text: str, *, min_chars: int = 20) -> str | None:
    """ISO 639-1 code of ``text``'s language, or ``None`` when too short or unsure.

    The identifier walks its byte n-gram automaton in Python (~1 µs a byte), so the first
    1,000 characters are classified; only when that leaves the best language below 0.5
    probability is the first 5,000 classified instead.

    >>> detect_language("Die Regierung hat am Freitag den Ausnahmezustand verhängt.")
    'de'
    """
    sample = _head(text, _SAMPLE_CHARS)
    if len(sample.strip()) < min_chars:
        return None
    ident = _identifier()
    lang, prob = ident.classify(sample)
    if prob < 0.5 and len(text) > len(sample):
        lang, prob = ident.classify(_head(text, _MAX_CHARS))
    return str(lang) if prob >= 0.5 else None
