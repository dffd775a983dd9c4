"""The dedup pipeline stage and the queries built on its index.

:class:`DedupStage` runs inside each ingest batch's transaction: it shingles the new or
changed articles, MinHashes them all at once, replaces their LSH entries in the store,
queries the index for candidates, filters candidates by the stored 8-bit signatures
(estimated Jaccard/containment within a safety margin) and verifies the rest exactly on
shingle sets recomputed from the stored texts. Exact duplicates (equal
``content_hash``) are recorded without verification. Verified pairs are persisted;
:func:`duplicate_groups` turns them into groups with a canonical article.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import numpy as np

from storydiff.dedup.align import align
from storydiff.dedup.lsh import LSH
from storydiff.dedup.minhash import MinHasher, compact, estimate_compact
from storydiff.dedup.shingles import shingle_set
from storydiff.dedup.verify import canonical, groups, is_near_duplicate, passes_prefilter, similarity
from storydiff.model import Article, DuplicatePair, Passage
from storydiff.settings import DedupSettings
from storydiff.store import Store

__all__ = ["DedupStage", "DuplicateGroup", "GroupMember", "Reuse", "compare_texts", "duplicate_groups"]

#: candidates whose estimated similarity is this far below both thresholds are not verified
#: (about 3 standard errors of an 8-bit, 128-permutation estimate)


class DedupStage:
    """Keeps the near-duplicate index and the verified pairs up to date."""

    name = "dedup"

    def __init__(self, settings: DedupSettings | None = None) -> None:
        self.settings = settings or DedupSettings()
        self.hasher = MinHasher(self.settings.num_perm, self.settings.seed)
        w = self.settings.lsh_recall_weight
        self.lsh = LSH(self.settings.threshold, self.settings.num_perm, weights=(1.0 - w, w))

    def process(self, store: Store, articles: list[Article]) -> None:
        """Index ``articles`` and record their verified near-duplicate pairs (call inside a transaction)."""
        latest = {a.id: a for a in articles}
        rowid_of = store.dedup.rowids(list(latest))
        batch = [a for a in latest.values() if a.id in rowid_of]
        if not batch:
            return
        s = self.settings
        cache: dict[str, int] = {}
        sets = [shingle_set(a.text, s, cache=cache) for a in batch]
        sigs = self.hasher.signatures(sets)
        keys = self.lsh.keys(sigs)
        rowids = [rowid_of[a.id] for a in batch]
        store.dedup.remove_pairs([a.id for a in batch])
        store.dedup.put(rowids, [len(x) for x in sets], compact(sigs), keys)
        found = store.dedup.query(keys)

        pairs: dict[tuple[str, str], DuplicatePair] = {}
        for a in batch:
            for other in store.articles.same_content(a.content_hash):
                if other != a.id:
                    x, y = sorted((a.id, other))
                    pairs[(x, y)] = DuplicatePair(x, y, 1.0, 1.0, exact=True)

        cands: list[tuple[int, int]] = []  # (batch index, candidate rowid)
        for i, row in enumerate(keys):
            near: set[int] = set()
            for k in row.tolist():
                near |= found.get(k, set())
            near.discard(rowids[i])
            cands.extend((i, r) for r in sorted(near))
        if cands:
            self._verify(store, batch, sets, rowids, cands, pairs)
        store.dedup.put_pairs(pairs[k] for k in sorted(pairs))

    def _verify(self, store: Store, batch: list[Article], sets: list[np.typing.NDArray[np.uint32]],
                rowids: list[int], cands: list[tuple[int, int]], pairs: dict[tuple[str, str], DuplicatePair]) -> None:
        s = self.settings
        sig_of = store.dedup.signatures(sorted({r for _, r in cands} | set(rowids)))
        id_of = store.dedup.ids(sorted({r for _, r in cands}))
        keep: list[tuple[int, int]] = []
        for i, r in cands:
            if r not in sig_of or r not in id_of or rowids[i] not in sig_of:
                continue
            pair = tuple(sorted((batch[i].id, id_of[r])))
            if pair in pairs:
                continue
            (na, sa), (nb, sb) = sig_of[rowids[i]], sig_of[r]
            if passes_prefilter(float(estimate_compact(sa, sb)), na, nb, s):
                keep.append((i, r))
        in_batch = {rid: i for i, rid in enumerate(rowids)}
        need = sorted({id_of[r] for _, r in keep if r not in in_batch})
        cache: dict[str, int] = {}
        other_sets = {a.id: shingle_set(a.text, s, cache=cache) for a in store.articles.get_many(need)}
        for i, r in keep:
            other = id_of[r]
            theirs = sets[in_batch[r]] if r in in_batch else other_sets.get(other)
            if theirs is None:
                continue
            jac, con = similarity(sets[i], theirs)
            if is_near_duplicate(jac, con, s):
                x, y = sorted((batch[i].id, other))
                pairs[(x, y)] = DuplicatePair(x, y, round(jac, 6), round(con, 6))

    def remove(self, store: Store, article_ids: list[str]) -> None:
        """Forget the index entries and pairs of ``article_ids`` (call before deleting them)."""
        store.dedup.remove(list(store.dedup.rowids(article_ids).values()))
        store.dedup.remove_pairs(article_ids)


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
                jac, con = similarity(shingle_set(ca.text, s), shingle_set(am.text, s))
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
    cache: dict[str, int] = {}
    jac, con = similarity(shingle_set(text_a, s, cache=cache), shingle_set(text_b, s, cache=cache))
    return Reuse(round(jac, 6), round(con, 6), tuple(align(text_a, text_b)))


