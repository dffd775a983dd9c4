"""Story clustering benchmark: dev-set quality (with a held-out check) and assignment throughput.

Quality: the dev set (``../shared/dev/articles.jsonl``, read in place) through the real
pipeline (:func:`storydiff.cluster.evaluate.evaluate_gold`). Held-out check: the
threshold is chosen on half of the stories (even positions in sorted order) and
reported on the other half, next to the default's figure on that half.

Throughput: a synthetic stream built from the real articles (each round drops a random
fifth of every text's words and shifts all dates by a week, so stories are many) is
indexed with 10k, 100k (and, without ``--quick``, 1M) articles; then 1,000 more are
timed. Memory per indexed article is the growth of the process's resident size.

Restart (``--restart N``): N synthetic articles are ingested into a temporary store
through the cluster stage alone; then a new stage opens the store and the time to load the
saved state is compared with a full replay of the assignments (``--no-replay`` skips it).

Last line: ``f1_de=X f1_en=X f1_cross=X articles_per_s=X bytes_per_article=X``.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from storydiff.cluster.evaluate import GoldSet, evaluate_articles, read_gold
from storydiff.cluster.metrics import score_clustering
from storydiff.cluster.online import OnlineClusterer
from storydiff.model import Article
from storydiff.settings import Settings

DEV = Path(__file__).resolve().parents[2] / "shared" / "dev" / "articles.jsonl"


def rss_bytes() -> int:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * 4096


def held_out(gold: GoldSet, settings: Settings) -> str:
    stories = sorted(set(gold.stories.values()))
    halves = [set(stories[0::2]), set(stories[1::2])]
    _, pred_default = evaluate_articles(gold, settings)
    best = (-1.0, settings.cluster.threshold)
    preds = {}
    for th in (0.10, 0.125, 0.15, 0.175, 0.2, 0.25, 0.3):
        s = settings.with_changes(cluster=replace(settings.cluster, threshold=th))
        _, pred = evaluate_articles(gold, s)
        preds[th] = pred
        tune = {a: g for a, g in gold.stories.items() if g in halves[0]}
        f1 = score_clustering(tune, {a: pred[a] for a in tune}).pairwise.f1
        best = max(best, (f1, th))
    test = {a: g for a, g in gold.stories.items() if g in halves[1]}
    f_tuned = score_clustering(test, {a: preds[best[1]][a] for a in test}).pairwise.f1
    f_default = score_clustering(test, {a: pred_default[a] for a in test}).pairwise.f1
    return (f"held-out: threshold tuned on half A = {best[1]} (F1_A {best[0]:.3f}); half B F1 with it"
            f" {f_tuned:.3f}, with the default {settings.cluster.threshold} {f_default:.3f}")


def synthetic(base: list[Article], n: int, seed: int = 1) -> list[Article]:
    rng = random.Random(seed)
    out: list[Article] = []
    start = datetime(2015, 1, 1, tzinfo=UTC)
    round_ = 0
    while len(out) < n:
        for a in base:
            words = a.text.split()
            kept = [w for w in words if rng.random() > 0.2]
            when = (a.published or start) + timedelta(days=7 * round_, hours=rng.random() * 12)
            out.append(Article(text=" ".join(kept), title=a.title, url=f"{a.url}#r{round_}", source=a.source,
                               language=a.language, published=when))
            if len(out) >= n:
                break
        round_ += 1
    out.sort(key=lambda a: (a.published, a.id))
    return out


def throughput(base: list[Article], sizes: list[int], settings: Settings) -> tuple[float, float]:
    rate = 0.0
    per_article = 0.0
    for size in sizes:
        stream = synthetic(base, size + 1000)
        before = rss_bytes()
        c = OnlineClusterer(settings.cluster)
        t0 = time.perf_counter()
        for a in stream[:size]:
            c.add(a)
        index_s = time.perf_counter() - t0
        grown = rss_bytes() - before
        t1 = time.perf_counter()
        for a in stream[size:]:
            c.add(a)
        rate = 1000 / (time.perf_counter() - t1)
        per_article = grown / size
        print(f"indexed {size}: {size / index_s:.0f} art/s while indexing, next 1000 at {rate:.0f} art/s, "
              f"{len(c.stories)} stories, {len(c.df)} features, ~{per_article:.0f} bytes/article", flush=True)
        del c, stream
    return rate, per_article


def restart(base: list[Article], n: int, settings: Settings, replay: bool) -> None:
    import tempfile

    from storydiff.cluster.stage import ClusterStage
    from storydiff.pipeline import Pipeline
    from storydiff.store import Store

    # one distinct id per article (a URL fragment does not make a new article)
    stream = [replace(a, url=f"https://bench.test/{i}", id="") for i, a in enumerate(synthetic(base, n))]
    with tempfile.TemporaryDirectory(prefix="storydiff-restart-") as tmp:
        db = Path(tmp) / "r.db"
        t0 = time.perf_counter()
        with Store.open(db) as store:
            Pipeline(store, settings, stages=[ClusterStage(settings.cluster)]).ingest(stream)
        print(f"restart: ingested {n} articles in {time.perf_counter() - t0:.1f}s "
              f"({db.stat().st_size / n:.0f} store bytes/article)", flush=True)
        with Store.open(db) as store:
            stage = ClusterStage(settings.cluster)
            t1 = time.perf_counter()
            stage._ensure(store)
            load_s = time.perf_counter() - t1
            assert not stage.replayed
            print(f"restart: load saved state {load_s:.2f}s ({load_s / n * 1e3:.3f} ms/article)", flush=True)
            if replay:
                t2 = time.perf_counter()
                stage.rebuild(store)
                replay_s = time.perf_counter() - t2
                print(f"restart: full replay {replay_s:.2f}s ({replay_s / n * 1e3:.3f} ms/article)", flush=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--quick", action="store_true", help="skip the 1M run")
    ap.add_argument("--sizes", type=int, nargs="*", default=None)
    ap.add_argument("--restart", type=int, default=0, help="measure a restart with this many stored articles")
    ap.add_argument("--no-replay", action="store_true", help="with --restart: skip timing the full replay")
    args = ap.parse_args()
    if not DEV.exists():
        print(f"{DEV} not found", file=sys.stderr)
        return 1
    settings = Settings(progress=False)
    gold = read_gold(DEV, settings)
    if args.restart:
        restart(gold.articles, args.restart, settings, not args.no_replay)
        return 0
    t0 = time.perf_counter()
    score, _ = evaluate_articles(gold, settings)
    print(f"dev: {score.articles} articles in {time.perf_counter() - t0:.1f}s; pairwise P/R/F1 "
          f"{score.pairwise.precision:.3f}/{score.pairwise.recall:.3f}/{score.pairwise.f1:.3f}, "
          f"B3 F1 {score.bcubed.f1:.3f}, ARI {score.ari:.3f}, stories {score.predicted_stories}/{score.true_stories}")
    for lang, prf in score.per_language.items():
        if prf.true_pairs:
            print(f"  {lang}: P {prf.precision:.3f} R {prf.recall:.3f} F1 {prf.f1:.3f} ({prf.true_pairs} pairs)")
    cross = score.cross_language
    assert cross is not None
    print(f"  cross: P {cross.precision:.3f} R {cross.recall:.3f} F1 {cross.f1:.3f} ({cross.true_pairs} pairs)")
    print(held_out(gold, settings))
    sizes = args.sizes or ([10_000, 100_000] if args.quick else [10_000, 100_000, 1_000_000])
    rate, per_article = throughput(gold.articles, sizes, settings)
    print(f"f1_de={score.per_language['de'].f1:.3f} f1_en={score.per_language['en'].f1:.3f} f1_cross={cross.f1:.3f} "
          f"articles_per_s={rate:.0f} bytes_per_article={per_article:.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
