"""``ingest``, ``articles``, ``show``, ``remove``, ``prune``, ``stats``: articles in, out, and looked at."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from storydiff.cli.common import CommandContext, format_when, parse_since, print_json, print_table, progress_bar
from storydiff.errors import NotFoundError
from storydiff.ingest import read_paths, read_stream
from storydiff.pipeline import Pipeline
from storydiff.serialize import article_json

__all__ = ["register"]


def register(sub: Any) -> None:
    p = sub.add_parser("ingest", help="read articles from files, directories, globs or '-' (JSONL on stdin)")
    p.add_argument("paths", nargs="+", help="files, directories (recursed), globs, or - for JSONL on stdin")
    p.add_argument("--format", choices=["auto", "txt", "jsonl", "csv", "html", "rss", "warc"], default="auto")
    p.add_argument("--field", action="append", default=[], metavar="OURS=THEIRS",
                   help="map a JSONL/CSV field, e.g. --field text=body --field published=pubDate")
    p.add_argument("--max-bytes", type=int, default=None, help="refuse files larger than this (default 20 MB)")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.set_defaults(handler=cmd_ingest)

    p = sub.add_parser("articles", help="list stored articles")
    p.add_argument("--search", help="full-text search in title and text")
    p.add_argument("--source")
    p.add_argument("--language")
    p.add_argument("--since", type=parse_since, help="published at or after (ISO date)")
    p.add_argument("--limit", type=int, default=None)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_articles)

    p = sub.add_parser("show", help="show one article by id or external id")
    p.add_argument("id")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_show)

    p = sub.add_parser("remove", help="delete articles (ids or external ids) and all that was derived from them")
    p.add_argument("ids", nargs="+")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_remove)

    p = sub.add_parser("prune", help="delete the articles published before a date (a retention window)")
    p.add_argument("--before", type=parse_since, required=True, help="ISO date or datetime (naive = UTC)")
    p.add_argument("--dry-run", action="store_true", help="only count what would be deleted")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_prune)

    p = sub.add_parser("stats", help="counts per source and language")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_stats)


def _field_map(pairs: list[str]) -> dict[str, str]:
    mapping: dict[str, str] = {}
    for pair in pairs:
        if "=" not in pair:
            raise SystemExit(f"storydiff: error: --field takes OURS=THEIRS, got {pair!r}")
        ours, theirs = pair.split("=", 1)
        mapping[ours.strip()] = theirs.strip()
    return mapping


def cmd_ingest(ctx: CommandContext, args: argparse.Namespace) -> int:
    ingest = ctx.settings.ingest
    changes: dict[str, Any] = {"field_map": _field_map(args.field)}
    if args.max_bytes is not None:
        changes["max_file_bytes"] = args.max_bytes
    from dataclasses import replace

    settings = ctx.settings.with_changes(ingest=replace(ingest, **changes))
    fmt = None if args.format == "auto" else args.format
    paths = [p for p in args.paths if p != "-"]
    pipeline = Pipeline(ctx.store, settings)

    def items() -> Any:
        if "-" in args.paths:
            yield from read_stream(sys.stdin.buffer, "<stdin>", fmt or "jsonl", settings.ingest)
        if paths:
            yield from read_paths(paths, settings.ingest, fmt=fmt)

    with progress_bar(ctx, None, "ingest") as bar:
        report = pipeline.ingest(
            items(),
            on_progress=bar.update,
            on_error=lambda e: print(f"storydiff: {e}", file=ctx.err),
        )
    if args.json:
        print_json(ctx, report.as_dict())
    else:
        ctx.out.write(report.summary() + "\n")
    return 1 if report.failed else 0


def cmd_articles(ctx: CommandContext, args: argparse.Namespace) -> int:
    found = ctx.store.articles.list(
        search=args.search, source=args.source, language=args.language, since=args.since, limit=args.limit
    )
    if args.json:
        print_json(ctx, [article_json(a) for a in found])
        return 0
    rows = [
        (a.label, format_when(a.published), a.source or "-", a.language or "-", a.title or a.text[:60])
        for a in found
    ]
    print_table(ctx, ["ID", "PUBLISHED", "SOURCE", "LANG", "TITLE"], rows)
    return 0


def cmd_show(ctx: CommandContext, args: argparse.Namespace) -> int:
    article = ctx.store.articles.get(args.id)
    if article is None:
        raise NotFoundError(f"no article with id {args.id!r}")
    if args.json:
        print_json(ctx, article_json(article, text=True))
        return 0
    out = ctx.out
    out.write(f"id:        {article.id}\n")
    if article.external_id:
        out.write(f"external:  {article.external_id}\n")
    out.write(f"title:     {article.title or '-'}\n")
    out.write(f"source:    {article.source or '-'}\n")
    out.write(f"url:       {article.url or '-'}\n")
    out.write(f"published: {format_when(article.published)}\n")
    out.write(f"language:  {article.language or '-'}\n")
    dups = [i for i in ctx.store.articles.same_content(article.content_hash) if i != article.id]
    if dups:
        out.write(f"same text: {', '.join(dups)}\n")
    out.write("\n" + article.text + "\n")
    return 0


def cmd_remove(ctx: CommandContext, args: argparse.Namespace) -> int:
    found = [ctx.store.articles.get(key) for key in args.ids]
    missing = [key for key, a in zip(args.ids, found, strict=True) if a is None]
    for key in missing:
        print(f"storydiff: no article with id {key!r}", file=ctx.err)
    ids = list(dict.fromkeys(a.id for a in found if a is not None))
    removed = Pipeline(ctx.store, ctx.settings).remove(ids)
    _report_removal(ctx, args, removed, len(missing))
    return 1 if missing else 0


def cmd_prune(ctx: CommandContext, args: argparse.Namespace) -> int:
    pipeline = Pipeline(ctx.store, ctx.settings)
    if args.dry_run:
        _report_removal(ctx, args, len(ctx.store.articles.ids_published_before(args.before)), 0, dry_run=True)
        return 0
    with progress_bar(ctx, None, "prune") as bar:
        removed = pipeline.prune(args.before, on_progress=bar.update)
    _report_removal(ctx, args, removed, 0)
    return 0


def _report_removal(ctx: CommandContext, args: argparse.Namespace, removed: int, missing: int,
                    dry_run: bool = False) -> None:
    if args.json:
        print_json(ctx, {"removed": 0 if dry_run else removed, "would_remove": removed if dry_run else 0,
                         "missing": missing, "remaining": ctx.store.articles.count()})
    else:
        verb = "would remove" if dry_run else "removed"
        ctx.out.write(f"{verb} {removed}, missing {missing}, remaining {ctx.store.articles.count()}\n")


def cmd_stats(ctx: CommandContext, args: argparse.Namespace) -> int:
    stats = ctx.store.articles.stats()
    if args.json:
        print_json(ctx, stats)
        return 0
    out = ctx.out
    out.write(f"articles: {stats['articles']}  (exact duplicates: {stats['exact_duplicate_articles']})\n")
    out.write(f"published: {stats['first_published'] or '-'} .. {stats['last_published'] or '-'}\n")
    out.write("per source:\n")
    for name, n in stats["sources"].items():
        out.write(f"  {n:6d}  {name}\n")
    out.write("per language:\n")
    for name, n in stats["languages"].items():
        out.write(f"  {n:6d}  {name}\n")
    return 0
