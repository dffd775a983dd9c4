"""Language identification per article (py3langid: offline, deterministic, BSD licensed)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

__all__ = ["detect_language"]


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str, *, min_chars: int = 20) -> str | None:
    """ISO 639-1 code of ``text``'s language, or ``None`` when too short or unsure.

    >>> detect_language("Die Regierung hat am Freitag den Ausnahmezustand verhängt.")
    'de'
    """
    sample = text[:5000]
    if len(sample.strip()) < min_chars:
        return None
    lang, prob = _identifier().classify(sample)
    return str(lang) if prob >= 0.5 else None
