"""Near-duplicate detection benchmark on a synthetic corpus made from real articles.

Corpus: sentences of the real articles (``shared/dev/articles.jsonl``, read in place)
are drawn into random base documents; each base gets a family of 1-5 variants made with
known edit rates (word substitutions, sentence insertions, deletions and swaps), so
every true near-duplicate pair lies inside a family. Truth is the exact Jaccard of the
5-word shingle sets, computed by brute force over all intra-family pairs, plus every
LSH candidate and a random sample of cross-family pairs (whose maximum is reported).

Measured in one run, per corpus size:

* signature throughput of :class:`MinHasher` against datasketch's fastest path
  (``MinHash.bulk`` with every scheme, same shingle integers, same ``num_perm``),
  best of 3, and the mean absolute error of both estimates against exact Jaccard;
* LSH alone (in-memory backend) tuned to 0.5 and 0.8: candidate recall and precision;
* the shipped system (LSH + exact verification) through the real :class:`Pipeline`
  into a real SQLite file: recall and precision of the stored pairs at J >= 0.5 / 0.8,
  articles/s end to end (ingest + full-text index + dedup), index bytes per article: the
  file-size delta after dropping the dedup tables (signatures, band keys, pairs) plus the
  in-memory band index (:class:`~storydiff.dedup.bandindex.BandIndex`), and the seconds a
  restarted stage takes to build that index from the store (``restart_s``).

* containment: 5 % of the corpus are briefs, the first 30-60 % of the words of a base text;
  recall of the stored pairs over the (base, brief) pairs with exact containment >= 0.8
  (those under 40 words compared on character shingles), overall and for short briefs;
  ``--no-lead`` runs without the lead keys of :mod:`storydiff.dedup.lead` for comparison.

The LAST line is machine-readable. ``--quick`` runs the 10k size alone; ``--system-only`` skips
the signature and LSH-alone comparisons (for sizes such as 1M, where the dict-based LSH
reference would need gigabytes).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import random
import re
import sqlite3
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np

from storydiff.dedup.lead import pair_similarity, shingle_texts
from storydiff.dedup.lsh import LSH, MemoryBackend
from storydiff.dedup.minhash import MinHasher
from storydiff.dedup.shingles import shingle_sets
from storydiff.dedup.stage import DedupStage
from storydiff.dedup.verify import similarity
from storydiff.model import Article
from storydiff.pipeline import Pipeline
from storydiff.settings import DedupSettings, IngestSettings, Settings
from storydiff.store import Store

DATA = Path(__file__).resolve().parents[2] / "shared" / "dev" / "articles.jsonl"
_SENT = re.compile(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ\"„])")


def sentence_pool(path: Path) -> list[str]:
    pool: list[str] = []
    for line in path.open(encoding="utf-8"):
        text = json.loads(line)["text"]
        pool += [s.strip() for s in _SENT.split(text.replace("\n", " ")) if len(s.split()) >= 6]
    return pool


def make_corpus(n: int, pool: list[str], seed: int = 42, base_noise: float = 0.3) -> tuple[list[str], list[int]]:
    """``n`` texts and the family of each.

    A base document is 8-16 pool sentences with each word replaced by a random
    vocabulary word with probability ``base_noise``: the pool holds only a few thousand
    sentences, and without the noise every sentence would recur in about one base in
    ``len(pool) / 12`` at any corpus size, so unrelated documents would share ever more
    verbatim sentences as the corpus grows, which no news corpus does.
    """
    rng = random.Random(seed)
    vocab = sorted({w for s in pool for w in s.split()})
    texts: list[str] = []
    family: list[int] = []
    fam = 0
    while len(texts) < n:
        base = [" ".join(rng.choice(vocab) if rng.random() < base_noise else w for w in sent.split())
                for sent in rng.sample(pool, rng.randint(8, 16))]
        texts.append(" ".join(base))
        family.append(fam)
        for _ in range(rng.randint(0, 4)):
            if len(texts) >= n:
                break
            sub, ins, dele, swap = rng.choice([(0.0, 0, 0, 0), (0.01, 0, 0, 1), (0.03, 1, 0, 0), (0.05, 0, 1, 1),
                                               (0.08, 1, 1, 1), (0.12, 2, 1, 2), (0.2, 1, 2, 0), (0.02, 4, 3, 0)])
            sents = list(base)
            for _ in range(dele):
                if len(sents) > 3:
                    sents.pop(rng.randrange(len(sents)))
            for _ in range(ins):
                sents.insert(rng.randrange(len(sents) + 1), rng.choice(pool))
            for _ in range(swap):
                i = rng.randrange(len(sents) - 1)
                sents[i], sents[i + 1] = sents[i + 1], sents[i]
            words = " ".join(sents).split()
            words = [rng.choice(vocab) if rng.random() < sub else w for w in words]
            texts.append(" ".join(words))
            family.append(fam)
        fam += 1
    return texts, family


def add_truncations(texts: list[str], family: list[int], count: int, seed: int = 7) -> list[tuple[int, int]]:
    """Append ``count`` briefs: the first 30-60 % of the words of a random base text (its family's
    first member); returns the ``(base, brief)`` index pairs."""
    rng = random.Random(seed)
    first: dict[int, int] = {}
    for i, f in enumerate(family):
        first.setdefault(f, i)
    bases = sorted(first.values())
    pairs: list[tuple[int, int]] = []
    for _ in range(count):
        b = rng.choice(bases)
        words = texts[b].split()
        cut = max(1, round(len(words) * rng.uniform(0.3, 0.6)))
        texts.append(" ".join(words[:cut]))
        family.append(family[b])
        pairs.append((b, len(texts) - 1))
    return pairs


def best_of(fn: Callable[[], Any], repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def truth_pairs(sets: list[np.ndarray], family: list[int]) -> dict[tuple[int, int], float]:
    members: dict[int, list[int]] = {}
    for i, f in enumerate(family):
        members.setdefault(f, []).append(i)
    truth: dict[tuple[int, int], float] = {}
    for group in members.values():
        for x in range(len(group)):
            for y in range(x + 1, len(group)):
                i, j = group[x], group[y]
                truth[(i, j)] = similarity(sets[i], sets[j])[0]
    return truth


def signature_bench(sets: list[np.ndarray], truth: dict[tuple[int, int], float], num_perm: int) -> dict[str, float]:
    from datasketch import MinHash

    ours = MinHasher(num_perm, seed=1)
    t_ours = best_of(lambda: ours.signatures(sets))
    sig = ours.signatures(sets)
    sample = list(truth.items())[:5000]
    mae_ours = float(np.mean([abs(float(np.mean(sig[i] == sig[j])) - jac) for (i, j), jac in sample]))
    lists = [s.tolist() for s in sets]
    res: dict[str, float] = {"ours_per_s": len(sets) / t_ours, "mae_ours": mae_ours}
    best_ds = 0.0
    for scheme in ("affine32", "affine64", "legacy"):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            def bulk(s: str = scheme) -> Any:
                return MinHash.bulk(lists, num_perm=num_perm, hashfunc=int, scheme=s)

            t_ds = best_of(bulk)
            mhs = MinHash.bulk(lists, num_perm=num_perm, hashfunc=int, scheme=scheme)
        rate = len(sets) / t_ds
        res[f"ds_{scheme}_per_s"] = rate
        res[f"mae_ds_{scheme}"] = float(np.mean([abs(mhs[i].jaccard(mhs[j]) - jac) for (i, j), jac in sample]))
        best_ds = max(best_ds, rate)
    res["ds_best_per_s"] = best_ds
    res["speedup"] = res["ours_per_s"] / best_ds
    return res


def lsh_bench(sig: np.ndarray, sets: list[np.ndarray], truth: dict[tuple[int, int], float],
              threshold: float) -> tuple[float, float, int]:
    """Candidate recall and precision of LSH alone, and how many cross-family candidates were true."""
    lsh = LSH(threshold, sig.shape[1], weights=(0.2, 0.8))  # as the stage does (lsh_recall_weight)
    keys = lsh.keys(sig)
    mem = MemoryBackend()
    mem.insert(list(range(len(sets))), keys)
    cands = {(min(i, j), max(i, j)) for i, found in enumerate(mem.query_many(keys)) for j in found if j != i}
    jac = {p: truth[p] if p in truth else similarity(sets[p[0]], sets[p[1]])[0] for p in cands}
    extra = sum(1 for p, v in jac.items() if p not in truth and v >= threshold)
    for p, v in jac.items():
        if p not in truth and v >= threshold:
            truth[p] = v
    positives = {p for p, v in truth.items() if v >= threshold}
    hits = sum(1 for p in cands if p in positives)
    return hits / max(1, len(positives)), hits / max(1, len(cands)), extra


def pipeline_bench(texts: list[str], truth: dict[tuple[int, int], float], settings: DedupSettings,
                   briefs: list[tuple[int, int]], lead: bool = True) -> dict[str, float]:
    t0 = datetime(2022, 1, 1, tzinfo=UTC)
    arts = [Article(text=t, source="synth", external_id=f"s{i}", language="de", published=t0 + timedelta(seconds=i))
            for i, t in enumerate(texts)]
    index_of = {a.id: i for i, a in enumerate(arts)}
    res: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        cfg = Settings(db_path=db, dedup=settings, ingest=IngestSettings(detect_language=False), progress=False)
        with Store.open(db) as store:
            t = time.perf_counter()
            stage = DedupStage(dataclasses.replace(settings, lead_keys=lead))
            Pipeline(store, cfg, stages=[stage]).ingest(arts)  # ingest + dedup only
            res["articles_per_s"] = len(arts) / (time.perf_counter() - t)
            stored: dict[tuple[int, int], float] = {}
            for dp in store.dedup.pairs():
                i, j = sorted((index_of[dp.a], index_of[dp.b]))
                stored[(i, j)] = dp.jaccard
            res["row_bytes_per_article"] = store.dedup.index_bytes() / len(arts)
            res["memory_bytes_per_article"] = stage.band_index(store).nbytes / len(arts)
            t = time.perf_counter()
            restarted = DedupStage(settings).band_index(store)
            res["restart_s"] = time.perf_counter() - t
            assert len(restarted) == len(stage.band_index(store))
        # containment: (base, brief) pairs whose exact containment (one shingle kind) is >= the threshold
        cut = settings.containment_threshold
        contained = [p for p in briefs if _containment(texts[p[0]], texts[p[1]], settings) >= cut]
        res["containment_pairs"] = len(contained)
        res["containment_recall"] = sum(p in stored for p in contained) / max(1, len(contained))
        short = [p for p in contained if len(texts[p[1]].split()) < settings.short_text_words]
        res["containment_recall_short"] = sum(p in stored for p in short) / max(1, len(short))
        for p, v in stored.items():
            truth.setdefault(p, v)  # cross-family pairs found by the system (exactly verified)
        for thr in (0.5, 0.8):
            positives = {p for p, v in truth.items() if v >= thr}
            found = {p for p, v in stored.items() if v >= thr}
            res[f"recall_{thr}"] = len(found & positives) / max(1, len(positives))
            res[f"precision_{thr}"] = len(found & positives) / max(1, len(found))
        conn = sqlite3.connect(db)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("VACUUM")
        before = db.stat().st_size
        for table in ("dedup_pairs", "dedup_signatures"):
            conn.execute(f"DROP TABLE {table}")
        conn.execute("VACUUM")
        conn.close()
        res["file_bytes_per_article"] = (before - db.stat().st_size) / len(arts)
        res["index_bytes_per_article"] = res["file_bytes_per_article"] + res["memory_bytes_per_article"]
    return res


def _containment(text_a: str, text_b: str, settings: DedupSettings) -> float:
    norms, sets, kinds = shingle_texts([text_a, text_b], settings)
    return pair_similarity(norms[0], sets[0], kinds[0], norms[1], sets[1], kinds[1], settings)[1]


def run(n: int, pool: list[str], num_perm: int, lead: bool = True, base_noise: float = 0.3,
        system_only: bool = False) -> dict[str, float]:
    texts, family = make_corpus(n - n // 20, pool, base_noise=base_noise)
    briefs = add_truncations(texts, family, n // 20)
    t = time.perf_counter()
    sets = shingle_sets(texts)
    shingle_rate = n / (time.perf_counter() - t)
    truth = truth_pairs(sets, family)
    rng = random.Random(1)
    cross = [(rng.randrange(n), rng.randrange(n)) for _ in range(20000)]
    cross_max = max(similarity(sets[i], sets[j])[0] for i, j in cross if family[i] != family[j])
    out: dict[str, float] = {"n": n, "shingle_per_s": shingle_rate, "cross_max_j": cross_max}
    if not system_only:
        bench_sets = sets[: min(n, 10000)]
        out.update(signature_bench(bench_sets, {p: v for p, v in truth.items() if p[1] < len(bench_sets)}, num_perm))
        sig = MinHasher(num_perm, seed=1).signatures(sets)
        for thr in (0.5, 0.8):
            rec, prec, extra = lsh_bench(sig, sets, truth, thr)
            out[f"lsh_recall_{thr}"], out[f"lsh_precision_{thr}"], out[f"cross_true_{thr}"] = rec, prec, extra
    out["true_pairs_0.5"] = sum(v >= 0.5 for v in truth.values())
    out["true_pairs_0.8"] = sum(v >= 0.8 for v in truth.values())
    out.update(pipeline_bench(texts, truth, DedupSettings(num_perm=num_perm), briefs, lead))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="the 10k size alone")
    parser.add_argument("--sizes", type=int, nargs="*", default=None)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--num-perm", type=int, default=128)
    parser.add_argument("--no-lead", action="store_true", help="without the lead (containment) keys")
    parser.add_argument("--system-only", action="store_true",
                        help="only the shipped pipeline (no signature or LSH-alone comparison)")
    parser.add_argument("--base-noise", type=float, default=0.3,
                        help="share of words replaced in base documents (0: verbatim pool sentences)")
    args = parser.parse_args(argv)
    if not args.data.exists():
        print(f"benchmark data not found: {args.data}", file=sys.stderr)
        return 1
    sizes = args.sizes or ([10_000] if args.quick else [10_000, 30_000, 100_000])
    pool = sentence_pool(args.data)
    cols = ["n", "true_pairs_0.5", "true_pairs_0.8", "cross_max_j", "shingle_per_s", "ours_per_s",
            "ds_affine32_per_s", "ds_legacy_per_s", "speedup", "mae_ours", "mae_ds_affine32", "mae_ds_legacy",
            "lsh_recall_0.5", "lsh_precision_0.5", "lsh_recall_0.8", "lsh_precision_0.8", "recall_0.5",
            "precision_0.5", "recall_0.8", "precision_0.8", "row_bytes_per_article", "file_bytes_per_article",
            "memory_bytes_per_article", "index_bytes_per_article", "restart_s",
            "containment_pairs", "containment_recall", "containment_recall_short", "articles_per_s"]
    results = []
    for n in sizes:
        r = run(n, pool, args.num_perm, not args.no_lead, args.base_noise, args.system_only)
        results.append(r)
        print("  ".join(f"{c}={r.get(c, float('nan')):.4g}" for c in cols), flush=True)
    if len(results) > 1:
        first, last = results[0], results[-1]
        ratio = last["articles_per_s"] / first["articles_per_s"]
        print(f"scaling {first['n']:.0f}->{last['n']:.0f}: articles/s ratio {ratio:.2f} (1.0 = linear)")
    r = results[-1]
    print(f"containment (briefs = first 30-60 % of a text, C >= {DedupSettings().containment_threshold}): "
          f"pairs={r['containment_pairs']:.0f} recall={r['containment_recall']:.4f} "
          f"recall_short_briefs={r['containment_recall_short']:.4f}")
    print(f"speedup_vs_datasketch={r.get('speedup', float('nan')):.2f} recall_at_0.8={r['recall_0.8']:.4f} "
          f"precision_at_0.8={r['precision_0.8']:.4f} index_bytes_per_article={r['index_bytes_per_article']:.0f} "
          f"articles_per_s={r['articles_per_s']:.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
