"""Turn one article into the weighted features the story clusterer compares.

Method, per article:

* **terms**: Snowball stems of the content words (:class:`~storydiff.text.lemmas.Lemmatizer`),
  sublinear term frequency ``1 + log(tf)``; the title and the lead (first sentence) are
  counted again with extra weight because they name the happening.
* **names** (``@`` + :func:`~storydiff.text.lemmas.name_key`): capitalised words that do
  not start a sentence and are not function words, plus each run of two capitalised
  words as one feature. Keys are script- and transcription-insensitive, so names link
  articles across languages ("Selenskyj", "Zelensky" and "Зеленский" share one key).
* **numbers** (``#`` + digits): separators removed, so "3.800", "3,800" and "3800" agree
  across languages; weighted low on their own because most numbers are dates and counts.

The result is a raw weight per feature; the clusterer multiplies by its running IDF.
Features starting with ``@`` or ``#`` form the *shared* (language-independent) space.

>>> f = FeatureExtractor(ClusterSettings()).extract("Kanzler Scholz reiste am Montag nach Kiew.", None, "de")
>>> sorted(k for k in f if k.startswith("@"))
['@kv', '@sls']
"""

from __future__ import annotations

import math
import re
from collections import Counter

from storydiff.settings import ClusterSettings
from storydiff.text.lemmas import Lemmatizer, name_key, stopwords
from storydiff.text.tokens import word_spans

__all__ = ["FeatureExtractor", "is_shared"]

_SENTENCE_END = re.compile(r"[.!?:;\"'«»„“”()\[\]|•\n]")
_LEAD_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÄÖÜА-ЯЁ\"„«])")


def is_shared(feature: str) -> bool:
    """True for language-independent features (names and numbers)."""
    return feature[:1] in ("@", "#")


class FeatureExtractor:
    """Computes raw feature weights of an article; see the module docstring for the method."""

    def __init__(self, settings: ClusterSettings) -> None:
        self.settings = settings
        self.lemmatizer = Lemmatizer()

    def _names(self, text: str, language: str | None) -> list[str]:
        stop = stopwords(language)
        keys: list[str] = []
        prev_end = 0
        prev_key: str | None = None
        for start, end, token in word_spans(text, lower=False):
            gap = text[prev_end:start]
            initial = prev_end == 0 or bool(_SENTENCE_END.search(gap))
            prev_end = end
            if not token[0].isupper() or token[0].isdigit() or len(token) < 3 or initial:
                prev_key = None
                continue
            if token.casefold() in stop or (token.isupper() and len(token) > 5):
                prev_key = None
                continue
            key = name_key(token)
            if len(key) < 2:
                prev_key = None
                continue
            keys.append("@" + key)
            if prev_key is not None and gap == " ":
                keys.append("@" + prev_key + "_" + key)
            prev_key = key
        return keys

    def extract(self, text: str, title: str | None, language: str | None) -> dict[str, float]:
        """Raw weights ``feature -> weight`` of one article (before IDF)."""
        s = self.settings
        body = text[: s.max_chars]
        counts: Counter[str] = Counter(self.lemmatizer.terms(body, language))
        weights: dict[str, float] = {t: 1.0 + math.log(c) for t, c in counts.items()}
        lead = _LEAD_END.split(body.strip(), maxsplit=1)[0][:400]
        head = f"{title}\n{lead}" if title and title.strip() not in lead else lead
        for t in set(self.lemmatizer.terms(head, language)):
            weights[t] = weights.get(t, 0.0) + s.title_weight
        names = Counter(self._names(body, language))
        head_names = set(self._names(" " + head, language))
        for k, c in names.items():
            weights[k] = s.name_weight * (1.0 + math.log(c)) + (s.title_weight if k in head_names else 0.0)
        for k in head_names - names.keys():
            weights[k] = s.name_weight + s.title_weight
        nums: Counter[str] = Counter()
        for _, _, tok in word_spans(body):
            if tok[0].isdigit():
                digits = re.sub(r"\D", "", tok)
                if len(digits) >= 2:
                    nums["#" + digits] += 1
        for k, c in nums.items():
            weights[k] = s.number_weight * (1.0 + math.log(c))
        return weights
