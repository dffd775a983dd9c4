"""Lead keys: LSH candidates for containment (a brief cut from the start of a longer story).

LSH on whole-text MinHash targets Jaccard, so a text that is the first third of a longer
one (Jaccard about 0.33, containment 1.0) is rarely a candidate, and a text short
enough to be character-shingled is never compared with a word-shingled long one.

Method: every article whose normalised text has at least ``chars`` characters gets a
second, small MinHash (``bands * rows`` one-permutation positions) over the
``char_size``-character shingles of exactly its first ``chars`` normalised characters,
banded with many rows (default 6 bands of 6 rows: candidate probability 0.84 at lead
Jaccard 0.8, 1.0 at 1.0 and under 1e-4 at 0.2). A truncation of a story keeps the
story's lead, so the two leads are equal whatever the two lengths and shingle kinds;
light edits in the lead still collide in one band. Lead keys have bit 31 set
(:data:`LEAD_KEY_BASE`; whole-text keys are 31-bit), so the two key spaces never meet and
whether a shared key is a lead key is read off the key itself (:func:`is_lead_key`), on
either side of a pair. Candidates found only this way whose texts are shingled differently
(characters vs words) skip the Jaccard prefilter and are verified exactly on character
shingles of both (:func:`pair_similarity`).

Cost: 6 band keys per article (about 110 B of index); one extra OPH pass over about
150 shingles.

>>> lead = LeadIndex()
>>> story = "Die Regierung hat am Freitag den Ausnahmezustand verhängt. " * 3 + "Weitere Sätze folgen hier. " * 20
>>> brief = story[:200]
>>> keys = lead.keys([normalize(story), normalize(brief), normalize("Zu kurz.")])
>>> bool((keys[0] == keys[1]).all()), bool((keys[2] == -1).all()), bool(is_lead_key(keys[0]).all())
(True, True, True)
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from storydiff.dedup.lsh import LSH
from storydiff.dedup.minhash import MinHasher
from storydiff.dedup.shingles import char_shingles, shingle_normalized
from storydiff.dedup.verify import similarity
from storydiff.settings import DedupSettings
from storydiff.text.normalize import normalize

__all__ = ["LEAD_KEY_BASE", "LeadIndex", "is_lead_key", "pair_similarity", "shingle_texts"]

Keys = npt.NDArray[np.int64]
U32 = npt.NDArray[np.uint32]

#: lead keys are ``LEAD_KEY_BASE + k`` for a 31-bit ``k``; whole-text keys are below it
LEAD_KEY_BASE = 1 << 31


def is_lead_key(keys: Keys | int) -> npt.NDArray[np.bool_]:
    """Whether each key is a lead key (as opposed to a whole-text band key or the -1 of no key)."""
    return np.asarray(keys) >= LEAD_KEY_BASE


class LeadIndex:
    """Band keys over the first ``chars`` normalised characters of each text."""

    def __init__(self, chars: int = 150, bands: int = 6, rows: int = 6, char_size: int = 5, seed: int = 7) -> None:
        if chars < char_size:
            raise ValueError("chars must be at least char_size")
        self.chars = chars
        self.char_size = char_size
        self.hasher = MinHasher(bands * rows, seed)
        self.lsh = LSH(0.8, bands * rows, params=(bands, rows), salt=1)

    @property
    def bands(self) -> int:
        return self.lsh.bands

    def keys(self, normalized: Sequence[str]) -> Keys:
        """``(n, bands)`` lead keys of already normalised texts; rows of texts shorter than ``chars`` are -1."""
        sets = [char_shingles(t[: self.chars], self.char_size) if len(t) >= self.chars
                else np.empty(0, dtype=np.uint32) for t in normalized]
        keys = self.lsh.keys(self.hasher.signatures(sets))
        keys[keys >= 0] += LEAD_KEY_BASE
        return keys


def pair_similarity(norm_a: str, set_a: U32, char_a: bool, norm_b: str, set_b: U32, char_b: bool,
                    settings: DedupSettings) -> tuple[float, float]:
    """``(jaccard, containment)`` of two texts whose shingle sets may be of different kinds.

    Sets of one kind are compared as they are; when one text is character-shingled (short)
    and the other word-shingled, both are character-shingled first.
    """
    if char_a == char_b:
        return similarity(set_a, set_b)
    k = settings.char_shingle_size
    return similarity(char_shingles(norm_a, k), char_shingles(norm_b, k))


def shingle_texts(texts: Sequence[str], settings: DedupSettings,
                  cache: dict[str, int] | None = None) -> tuple[list[str], list[U32], list[bool]]:
    """Normalised texts, shingle sets and set kinds (True = character shingles) of ``texts``."""
    norms = [normalize(t) for t in texts]
    cache = {} if cache is None else cache
    done = [shingle_normalized(n, settings, cache=cache) for n in norms]
    return norms, [d[0] for d in done], [d[1] for d in done]
