"""The dedup pipeline stage and the queries built on its index.

:class:`DedupStage` runs inside each ingest batch's transaction: it shingles the new or
changed articles, MinHashes them all at once, stores their signatures and band keys, adds
the keys to the in-memory :class:`~storydiff.dedup.bandindex.BandIndex` (built from the
stored keys when the stage first meets a store, and again whenever the store's index token
shows that another process or a rolled-back batch changed it), looks up candidates, filters
candidates by the stored 8-bit signatures (estimated Jaccard/containment within a safety
margin, all candidates of a batch in one numpy pass) and verifies the rest exactly on
shingle sets recomputed from the stored texts, all of a batch at once by
:func:`~storydiff.dedup.batchshingles.shingle_raw` (most texts need no normalising; the
sets are those of the per-text reference), an LRU cache keeping the sets of texts met
before. With ``DedupSettings.lead_keys`` (the default) the
lead keys of :mod:`storydiff.dedup.lead` add containment candidates (briefs cut from a
longer story), verified across shingle kinds. Keys, candidate kinds and the verification
decision are those of :mod:`storydiff.dedup.rules`, which the Dask batch job calls too.
Exact duplicates (equal ``content_hash``) are recorded without verification. Verified pairs
are persisted; :func:`duplicate_groups` turns them into groups with a canonical article.
"""

from __future__ import annotations

import hashlib
import time
from collections import OrderedDict
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from storydiff.dedup.align import align
from storydiff.dedup.bandindex import BandIndex
from storydiff.dedup.batchshingles import shingle_raw
from storydiff.dedup.lead import is_lead_key, pair_similarity, shingle_texts
from storydiff.dedup.minhash import compact
from storydiff.dedup.rules import U8, U32, IndexKeys, Keys, Shingled, needs_check, verdict
from storydiff.dedup.verify import canonical, groups
from storydiff.model import Article, DuplicatePair, Passage
from storydiff.settings import DedupSettings
from storydiff.store import Store
from storydiff.text.normalize import normalize

__all__ = ["DedupStage", "DuplicateGroup", "GroupMember", "Reuse", "compare_texts", "duplicate_groups"]

class DedupStage:
    """Keeps the near-duplicate index and the verified pairs up to date.

    With ``settings.lead_keys`` it also indexes :class:`~storydiff.dedup.lead.LeadIndex`
    keys, so that a brief cut from the start of a longer story is a candidate whatever its
    Jaccard. ``hasher``, ``lsh`` and ``lead`` are those of :attr:`keys`.
    """

    name = "dedup"

    #: shingled texts kept for verification, most recently used last (a wire story's copies
    #: are verified against the same stored articles again and again)
    CACHE_SIZE = 4096
    #: words whose ids are kept between batches (about 100 bytes each)
    WORD_IDS_SIZE = 500_000

    def __init__(self, settings: DedupSettings | None = None) -> None:
        self.settings = settings or DedupSettings()
        self.keys = IndexKeys(self.settings)
        self.hasher, self.lsh, self.lead = self.keys.hasher, self.keys.lsh, self.keys.lead
        #: (id, content hash) -> (text as stored, shingle set, kind)
        self._shingled: OrderedDict[tuple[str, str], tuple[str, U32, bool]] = OrderedDict()
        self._bands: BandIndex | None = None
        #: word -> 64-bit id (a pure function of the word, kept across batches; emptied when too large)
        self._word_ids: dict[str, int] = {}
        self._bands_of: tuple[int, str] = (0, "")  # (id of the store's connection, index token) it reflects
        #: seconds the last build of the band index from the store took (benchmarks)
        self.load_seconds = 0.0

    def band_index(self, store: Store) -> BandIndex:
        """The in-memory band index of ``store``: the one held, while the store's token still matches it."""
        token = store.dedup.token()
        if self._bands is not None and self._bands_of == (id(store.conn), token):
            return self._bands
        started = time.perf_counter()
        index = BandIndex.from_entries(store.dedup.key_entries())
        self._bands, self._bands_of = index, (id(store.conn), token)
        self.load_seconds = time.perf_counter() - started
        return index

    def _changed(self, store: Store) -> None:
        self._bands_of = (id(store.conn), store.dedup.new_token())

    def _remember(self, article_id: str, content_hash: str, text: str, shingles: U32, kind: bool) -> None:
        key = (article_id, content_hash)
        self._shingled[key] = (text, shingles, kind)
        self._shingled.move_to_end(key)
        while len(self._shingled) > self.CACHE_SIZE:
            self._shingled.popitem(last=False)

    def _stored_shingles(self, store: Store, ids: list[str]) -> dict[str, tuple[str, U32, bool]]:
        """``(text, shingles, kind)`` of stored articles, from the cache where their content is unchanged.

        The others are shingled in one :func:`~storydiff.dedup.batchshingles.shingle_raw` call,
        which mostly skips normalising them: :meth:`_verify` normalises a text only in the rare
        pair of two shingle kinds (the only verdict that reads it).
        """
        texts = store.articles.texts_of(ids)  # one query: the texts of cache hits cost less than a second one
        out: dict[str, tuple[str, U32, bool]] = {}
        found: list[str] = []
        for aid in sorted(texts):
            key = (aid, texts[aid][1])
            if key in self._shingled:
                self._shingled.move_to_end(key)
                out[aid] = self._shingled[key]
            else:
                found.append(aid)
        sets, kinds = shingle_raw([texts[aid][0] for aid in found], self.settings, self._word_ids)
        for j, aid in enumerate(found):
            out[aid] = (texts[aid][0], sets[j], kinds[j])
            self._remember(aid, texts[aid][1], *out[aid])
        return out

    def process(self, store: Store, articles: list[Article]) -> None:
        """Index ``articles`` and record their verified near-duplicate pairs (call inside a transaction)."""
        latest = {a.id: a for a in articles}
        rowid_of = store.dedup.rowids(list(latest))
        batch = [a for a in latest.values() if a.id in rowid_of]
        if not batch:
            return
        if len(self._word_ids) > self.WORD_IDS_SIZE:
            self._word_ids.clear()
        mine = Shingled.of([a.text for a in batch], self.settings, self._word_ids)
        sigs, keys = self.keys.index(mine)
        rowids = [rowid_of[a.id] for a in batch]
        bands = self.band_index(store)
        store.dedup.remove_pairs([a.id for a in batch])
        store.dedup.put(rowids, [len(x) for x in mine.sets], compact(sigs), keys, mine.kinds)
        bands.insert(rowids, keys)
        self._changed(store)

        pairs: dict[tuple[str, str], DuplicatePair] = {}
        same = store.dedup.same_content([a.content_hash for a in batch])
        for a in batch:
            for other in same.get(a.content_hash, ()):
                if other != a.id:
                    x, y = sorted((a.id, other))
                    pairs[(x, y)] = DuplicatePair(x, y, 1.0, 1.0, exact=True)

        cands = _candidates(bands, keys, rowids)
        if cands:
            self._verify(store, batch, mine, rowids, cands, pairs)
        store.dedup.put_pairs(pairs[k] for k in sorted(pairs))
        for j, a in enumerate(batch):
            self._remember(a.id, a.content_hash, a.text, mine.sets[j], mine.kinds[j])

    def _verify(self, store: Store, batch: list[Article], mine: Shingled, rowids: list[int],
                cands: list[tuple[int, int, bool]], pairs: dict[tuple[str, str], DuplicatePair]) -> None:
        s = self.settings
        sig_of = store.dedup.signatures(sorted({r for _, r, _ in cands} | set(rowids)))
        id_of = store.dedup.ids(sorted({r for _, r, _ in cands}))
        known = {x for pair in pairs for x in pair}  # ids in a pair found already (exact duplicates)
        todo = [(i, r, by_lead) for i, r, by_lead in cands
                if r in sig_of and r in id_of and rowids[i] in sig_of
                and not (id_of[r] in known and tuple(sorted((batch[i].id, id_of[r]))) in pairs)]
        lead = np.array([b for _, _, b in todo], dtype=np.bool_)
        checked = needs_check(lead, *_stack([sig_of[rowids[i]] for i, _, _ in todo]),
                                   *_stack([sig_of[r] for _, r, _ in todo]), s)
        keep = [(i, r) for (i, r, _), ok in zip(todo, checked.tolist(), strict=True) if ok]
        in_batch = {rid: i for i, rid in enumerate(rowids)}
        stored = self._stored_shingles(store, sorted({id_of[r] for _, r in keep if r not in in_batch}))
        for i, r in keep:
            other = id_of[r]
            if r in in_batch:
                j = in_batch[r]
                theirs = (mine.norms[j], mine.sets[j], mine.kinds[j])
            elif other in stored:
                text, shingles, kind = stored[other]
                # only a pair of two shingle kinds reads the texts (both character-shingled then)
                theirs = (normalize(text) if kind != mine.kinds[i] else "", shingles, kind)
            else:
                continue
            got = verdict(mine.norms[i], mine.sets[i], mine.kinds[i], *theirs, s)
            if got is not None:
                x, y = sorted((batch[i].id, other))
                pairs[(x, y)] = DuplicatePair(x, y, *got)

    def remove(self, store: Store, article_ids: list[str]) -> None:
        """Forget the index entries and pairs of ``article_ids`` (call before deleting them)."""
        gone = set(article_ids)
        for key in [k for k in self._shingled if k[0] in gone]:
            del self._shingled[key]
        rowids = list(store.dedup.rowids(article_ids).values())
        current = self._bands is not None and self._bands_of == (id(store.conn), store.dedup.token())
        store.dedup.remove(rowids)
        if current and self._bands is not None:  # keep the index held up to date
            self._bands.remove(rowids)
        self._changed(store)  # else: whoever holds an index of this store (we too) rebuilds it without them
        store.dedup.remove_pairs(article_ids)


def _candidates(bands: BandIndex, keys: Keys, rowids: list[int]) -> list[tuple[int, int, bool]]:
    """``(row, candidate id, found by lead keys only)`` for each row of ``keys`` (article ``rowids[row]``) and
    each other id sharing one of its keys, sorted by row then id (see :func:`~storydiff.dedup.rules.lead_only`)."""
    rows, shared, ids = bands.matches(keys)
    other = ids != np.asarray(rowids, dtype=np.int64)[rows]
    rows, shared, ids = rows[other], shared[other], ids[other]
    if not rows.size:
        return []
    order = np.lexsort((ids, rows))
    rows, ids, lead = rows[order], ids[order], is_lead_key(shared[order])
    starts = np.flatnonzero(np.r_[True, (rows[1:] != rows[:-1]) | (ids[1:] != ids[:-1])])
    only_lead = np.logical_and.reduceat(lead, starts)
    return list(zip(rows[starts].tolist(), ids[starts].tolist(), only_lead.tolist(), strict=True))


def _stack(sigs: list[tuple[int, U8, bool]]) -> tuple[npt.NDArray[np.int64], U8, npt.NDArray[np.bool_]]:
    """Shingle counts, compact signatures (one row each) and kinds of ``(count, signature, kind)`` triples."""
    width = len(sigs[0][1]) if sigs else 0
    return (np.array([n for n, _, _ in sigs], dtype=np.int64),
            np.array([g for _, g, _ in sigs], dtype=np.uint8).reshape(len(sigs), width),
            np.array([k for _, _, k in sigs], dtype=np.bool_))


def _text_similarity(text_a: str, text_b: str, settings: DedupSettings) -> tuple[float, float]:
    """``(jaccard, containment)`` of two texts (see :func:`~storydiff.dedup.lead.pair_similarity`)."""
    norms, sets, kinds = shingle_texts([text_a, text_b], settings)
    return pair_similarity(norms[0], sets[0], kinds[0], norms[1], sets[1], kinds[1], settings)


@dataclass(frozen=True, slots=True)
class GroupMember:
    """One article of a group and its similarity with the group's canonical article."""

    id: str
    label: str
    jaccard: float
    containment: float
    exact: bool


@dataclass(frozen=True, slots=True)
class DuplicateGroup:
    """Near-duplicate articles; ``members[0]`` is the canonical (earliest published) one."""

    id: str
    canonical: str
    members: tuple[GroupMember, ...]


def duplicate_groups(store: Store, settings: DedupSettings | None = None) -> list[DuplicateGroup]:
    """Every group of exact and verified near-duplicates, ordered by canonical publication."""
    s = settings or DedupSettings()
    known = {(p.a, p.b): p for p in store.dedup.pairs()}
    edges = list(known)
    for g in store.articles.exact_duplicate_groups():
        edges += [(g[0], m) for m in g[1:]]
    comps = groups(edges)
    arts = {a.id: a for a in store.articles.get_many(sorted({m for c in comps for m in c}))}
    out: list[DuplicateGroup] = []
    for comp in comps:
        comp = [m for m in comp if m in arts]
        if len(comp) < 2:
            continue
        canon = canonical(comp, lambda m: arts[m].published)
        ca = arts[canon]
        members = [GroupMember(canon, ca.label, 1.0, 1.0, False)]
        for m in sorted(set(comp) - {canon}, key=lambda m: (arts[m].published is None, arts[m].published or 0, m)):
            am = arts[m]
            pair = known.get((min(canon, m), max(canon, m)))
            if am.content_hash == ca.content_hash:
                members.append(GroupMember(m, am.label, 1.0, 1.0, True))
            elif pair is not None:
                members.append(GroupMember(m, am.label, pair.jaccard, pair.containment, pair.exact))
            else:
                jac, con = _text_similarity(ca.text, am.text, s)
                members.append(GroupMember(m, am.label, round(jac, 6), round(con, 6), False))
        gid = "g" + hashlib.blake2b(canon.encode(), digest_size=5).hexdigest()
        out.append(DuplicateGroup(gid, canon, tuple(members)))
    out.sort(key=lambda g: (arts[g.canonical].published is None, arts[g.canonical].published or 0, g.canonical))
    return out


@dataclass(frozen=True, slots=True)
class Reuse:
    """How much of two texts is shared, and where."""

    jaccard: float
    containment: float
    passages: tuple[Passage, ...]


def compare_texts(text_a: str, text_b: str, settings: DedupSettings | None = None) -> Reuse:
    """Shingle similarity of two texts and their shared passages (see :func:`~storydiff.dedup.align.align`)."""
    s = settings or DedupSettings()
    jac, con = _text_similarity(text_a, text_b, s)
    return Reuse(round(jac, 6), round(con, 6), tuple(align(text_a, text_b)))


