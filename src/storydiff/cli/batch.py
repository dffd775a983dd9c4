"""``batch``: near-duplicate groups and stories of a large corpus on Dask, written as Parquet."""

from __future__ import annotations

import argparse
from typing import Any

from storydiff.cli.common import CommandContext, print_json

__all__ = ["register"]


def register(sub: Any) -> None:
    p = sub.add_parser("batch", help="run dedup and story clustering over JSONL/Parquet/WARC shards on Dask, "
                                         "write Parquet to --out")
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="files, directories, globs or fsspec URLs (s3://...)")
    p.add_argument("--out", required=True, help="output directory (local path or fsspec URL)")
    p.add_argument("--scheduler", default=None, help="join this Dask scheduler (tcp://host:8786)")
    p.add_argument("--workers", type=int, default=2, help="local worker processes when no --scheduler (default 2)")
    p.add_argument("--partitions", type=int, default=None, help="hash partitions of the shuffles (default: shards)")
    p.add_argument("--blocksize", type=int, default=32 << 20, help="bytes per JSONL partition (default 32 MiB)")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.set_defaults(handler=cmd_batch)


def cmd_batch(ctx: CommandContext, args: argparse.Namespace) -> int:
    try:
        from storydiff.distributed import run_batch
    except ImportError as exc:  # pragma: no cover - depends on the installed extras
        print(f"storydiff: error: batch mode needs the distributed extra (pip install 'storydiff[distributed]'): "
              f"{exc}", file=ctx.err)
        return 2
    if args.workers < 1:
        print("storydiff: error: --workers must be at least 1", file=ctx.err)
        return 2
    report = run_batch(list(args.inputs), args.out, ctx.settings, scheduler=args.scheduler, workers=args.workers,
                       partitions=args.partitions, blocksize=args.blocksize)
    for message in report.errors:
        print(f"storydiff: {message}", file=ctx.err)
    if args.json:
        print_json(ctx, report.as_dict())
    else:
        ctx.out.write(report.summary() + "\n")
    return 1 if report.failed else 0
