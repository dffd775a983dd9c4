"""Turn one article into the weighted features the story clusterer compares.

Method, per article:

* **terms**: Snowball stems of the content words (:class:`~storydiff.text.lemmas.Lemmatizer`;
  tokens folded by :func:`~storydiff.text.tokens.fold_token`, character bigrams in
  Chinese, Japanese and Thai, stems of one character dropped),
  sublinear term frequency ``1 + log(tf)``; the title and the lead (first sentence) are
  counted again with extra weight because they name the happening.
* **names** (``@`` + :func:`~storydiff.text.lemmas.name_key`): capitalised words that do
  not start a sentence and are not function words, plus each run of two capitalised
  words as one feature; a short lower-case ending after an apostrophe is cut off
  (Turkish "Rize'de", "AFAD'ın" are "Rize", "AFAD"). Keys are script- and transcription-insensitive, so names link
  articles across languages ("Selenskyj", "Zelensky" and "Зеленский" share one key).
  In German this also picks up every noun; the clusterer only lets a name link
  languages once it has been seen in two (:meth:`~storydiff.cluster.online.OnlineClusterer._linking`).
* **numbers** (``#`` + ASCII digits): separators removed and digits of every script folded,
  so "3.800", "3,800", "3800", "٣٨٠٠" and "３８００" agree
  across languages; weighted low on their own because most numbers are dates and counts.

Speed: one tokenisation pass per text (a single regex when the text has no script written
without spaces, :func:`~storydiff.text.tokens.word_spans` otherwise, same tokens) feeds
terms, names and numbers; name keys are cached per extractor.

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
from collections.abc import Iterable

from storydiff.settings import ClusterSettings
from storydiff.text.lemmas import Lemmatizer, name_key, stopwords
from storydiff.text.tokens import PLAIN_TOKEN, fold_token, token_pattern, unspaced_bigrams, word_spans

__all__ = ["FeatureExtractor", "is_shared"]

_SENTENCE_END = re.compile(r"[.!?:;\"'«»„“”()\[\]|•\n]")
_LEAD_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÄÖÜА-ЯЁ\"„«])")
_NON_DIGIT = re.compile(r"\D")
#: a case ending after an apostrophe (Turkish "Rize'de", "AFAD'ın", English "Kyiv's"): not part of the name
_NAME_SUFFIX = re.compile(r"['\u2019][^\W\d_]{1,5}$")


def is_shared(feature: str) -> bool:
    """True for language-independent features (names and numbers)."""
    return feature[:1] in ("@", "#")


#: a superset of the scripts written without spaces; texts without them take the fast path
_UNSPACED = re.compile(
    "[\u0e00-\u0fff\u1000-\u109f\u1780-\u17ff\u19e0-\u19ff\u2e80-\u2fff\u3040-\u30ff\u31c0-\u31ff"
    "\u3400-\u4dbf\u4e00-\u9fff\ua9e0-\ua9ff\uaa60-\uaa7f\uac00-\ud7af\uf900-\ufaff"
    "\U0001b000-\U0001b2ff\U00020000-\U0003ffff]"
)
_NAME_CACHE = 200_000


def _spans(text: str) -> tuple[list[tuple[int, int, str]], bool]:
    """:func:`~storydiff.text.tokens.word_spans` (case kept), one regex pass when no unspaced script occurs;
    and whether ``text`` is plain: no unspaced script and nothing :func:`~storydiff.text.tokens.fold_token`
    folds beyond ``str.casefold`` (then the plain token regex and ``casefold`` do)."""
    if _UNSPACED.search(text) is None:
        pattern = token_pattern(text)
        return [(m.start(), m.end(), m.group()) for m in pattern.finditer(text)], pattern is PLAIN_TOKEN
    return list(word_spans(text, lower=False)), False


class FeatureExtractor:
    """Computes raw feature weights of an article; see the module docstring for the method."""

    def __init__(self, settings: ClusterSettings) -> None:
        self.settings = settings
        self.lemmatizer = Lemmatizer()
        self._keys: dict[str, str] = {}

    def _key(self, token: str) -> str:
        key = self._keys.get(token)
        if key is None:
            if len(self._keys) >= _NAME_CACHE:
                self._keys.clear()
            key = self._keys[token] = name_key(token)
        return key

    def _names(self, text: str, spans: list[tuple[int, int, str]], stop: frozenset[str]) -> list[str]:
        keys: list[str] = []
        prev_end = 0
        prev_key: str | None = None
        for start, end, token in spans:
            gap = text[prev_end:start]
            initial = prev_end == 0 or (gap != " " and bool(_SENTENCE_END.search(gap)))
            prev_end = end
            if not token[0].isupper() or len(token) < 3 or initial:
                prev_key = None
                continue
            if token.casefold() in stop or (token.isupper() and len(token) > 5):
                prev_key = None
                continue
            suffix = _NAME_SUFFIX.search(token) if "'" in token or "\u2019" in token else None
            key = self._key(token[: suffix.start()] if suffix and token[suffix.start() + 1 :].islower() else token)
            if len(key) < 2:
                prev_key = None
                continue
            keys.append("@" + key)
            if prev_key is not None and gap == " ":
                keys.append("@" + prev_key + "_" + key)
            prev_key = key
        return keys

    def _terms(self, spans: list[tuple[int, int, str]], plain: bool, stop: frozenset[str], language: str | None
               ) -> list[str]:
        if plain:
            folded: Iterable[str] = (tok.casefold() for _, _, tok in spans)  # the common case, a third faster
        else:
            folded = map(fold_token, unspaced_bigrams(spans))
        toks = [t for t in folded if len(t) >= 2 and t not in stop and not t[0].isdigit()]
        return [t for t in self.lemmatizer.stem(toks, language) if len(t) >= 2]

    def extract(self, text: str, title: str | None, language: str | None) -> dict[str, float]:
        """Raw weights ``feature -> weight`` of one article (before IDF)."""
        s = self.settings
        stop = stopwords(language)
        body = text[: s.max_chars]
        spans, plain = _spans(body)
        counts: Counter[str] = Counter(self._terms(spans, plain, stop, language))
        weights: dict[str, float] = {t: 1.0 + math.log(c) for t, c in counts.items()}
        lead = _LEAD_END.split(body.strip(), maxsplit=1)[0][:400]
        head = f" {title}\n{lead}" if title and title.strip() not in lead else " " + lead
        head_spans, head_plain = _spans(head)
        # dict.fromkeys, not set: the order of the features (hence of float sums over them) must not
        # depend on the process's string hash seed, or two processes could score differently
        for t in dict.fromkeys(self._terms(head_spans, head_plain, stop, language)):
            weights[t] = weights.get(t, 0.0) + s.title_weight
        names = Counter(self._names(body, spans, stop))
        head_names = dict.fromkeys(self._names(head, head_spans, stop))
        for k, c in names.items():
            weights[k] = s.name_weight * (1.0 + math.log(c)) + (s.title_weight if k in head_names else 0.0)
        for k in head_names:
            if k not in names:
                weights[k] = s.name_weight + s.title_weight
        nums: Counter[str] = Counter()
        for _, _, tok in spans:
            if tok[0].isdigit():
                digits = _NON_DIGIT.sub("", fold_token(tok))
                if len(digits) >= 2:
                    nums["#" + digits] += 1
        for k, c in nums.items():
            weights[k] = s.number_weight * (1.0 + math.log(c))
        return weights
