"""Exact and near-duplicate detection and passage reuse (wire copy).

* :mod:`~storydiff.dedup.shingles`: normalised word / character shingles as 32-bit ints;
* :mod:`~storydiff.dedup.minhash`: batched MinHash signatures;
* :mod:`~storydiff.dedup.lsh`: LSH banding with pluggable storage;
* :mod:`~storydiff.dedup.lead`: lead keys, containment candidates for briefs of longer stories;
* :mod:`~storydiff.dedup.verify`: exact Jaccard / containment, union-find grouping;
* :mod:`~storydiff.dedup.rules`: keys, candidate kinds and verdicts shared by the stage and the Dask job;
* :mod:`~storydiff.dedup.align`: shared passages with offsets and small edits;
* :mod:`~storydiff.dedup.stage`: the pipeline stage and the queries on its index.
"""

from storydiff.dedup.align import align
from storydiff.dedup.lead import LeadIndex
from storydiff.dedup.lsh import LSH, LSHBackend, MemoryBackend, optimal_params
from storydiff.dedup.minhash import MinHasher
from storydiff.dedup.shingles import shingle_set, shingle_sets
from storydiff.dedup.stage import DedupStage, DuplicateGroup, GroupMember, Reuse, compare_texts, duplicate_groups
from storydiff.dedup.verify import UnionFind, groups, similarity

__all__ = [
    "LSH",
    "DedupStage",
    "DuplicateGroup",
    "GroupMember",
    "LSHBackend",
    "LeadIndex",
    "MemoryBackend",
    "MinHasher",
    "Reuse",
    "UnionFind",
    "align",
    "compare_texts",
    "duplicate_groups",
    "groups",
    "optimal_params",
    "shingle_set",
    "shingle_sets",
    "similarity",
]
