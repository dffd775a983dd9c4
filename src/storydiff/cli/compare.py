"""``compare``: what a story's reports share, add and contradict.

``storydiff compare STORY`` compares a stored story; ``storydiff compare FILE FILE...``
treats the given article files as one story without touching the store.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from storydiff.cli.common import CommandContext, print_json
from storydiff.compare import Comparison, compare_articles
from storydiff.compare.html import render_html
from storydiff.errors import InputError, NotFoundError
from storydiff.ingest import read_paths
from storydiff.model import Article
from storydiff.settings import IngestSettings

__all__ = ["cmd_compare", "read_article_files", "register"]


def register(sub: Any) -> None:
    p = sub.add_parser("compare", help="compare a story's reports: shared, unique and conflicting facts")
    p.add_argument("inputs", nargs="+", metavar="STORY|FILE", help="a stored story id, or two or more article files")
    p.add_argument("--json", action="store_true", help="print the comparison as JSON")
    p.add_argument("--html", type=Path, metavar="FILE", help="also write a standalone HTML report")
    p.set_defaults(handler=cmd_compare)


def read_article_files(paths: Sequence[str], settings: IngestSettings) -> Iterator[Article | InputError]:
    """Articles from files (:func:`storydiff.ingest.read_paths`); one without an id is labelled by its file stem."""
    for item in read_paths(paths, settings):
        if isinstance(item, Article) and not item.external_id and item.origin:
            stem = Path(item.origin.split(":")[0].split("#")[0]).name.split(".")[0]
            item = item.with_changes(external_id=stem)
        yield item


def _load(ctx: CommandContext, inputs: Sequence[str]) -> list[Article]:
    if len(inputs) == 1 and not Path(inputs[0]).exists():
        story = ctx.store.stories.get(inputs[0])
        if story is None:
            article = ctx.store.articles.get(inputs[0])
            owner = ctx.store.stories.story_of(article.id) if article is not None else None
            story = ctx.store.stories.get(owner) if owner is not None else None
        if story is None:
            raise NotFoundError(f"no story or article with id {inputs[0]!r} (and no such file)")
        arts = [ctx.store.articles.get(aid) for aid in story.article_ids]
        return [a for a in arts if a is not None]
    articles: list[Article] = []
    for item in read_article_files(inputs, ctx.settings.ingest):
        if isinstance(item, InputError):
            print(f"storydiff: {item}", file=ctx.err)
        else:
            articles.append(item)
    return articles


def print_text(ctx: CommandContext, comp: Comparison) -> None:
    out = ctx.out
    out.write(f"articles: {', '.join(comp.articles)}\n\nSUMMARY\n")
    for item in comp.summary:
        out.write(f"  - {item['text']}  [{', '.join(item['sources'])}]\n")
    out.write(f"\nCONFLICTS ({len(comp.conflicts)})\n")
    for c in comp.conflicts:
        vals = " | ".join(f"{v.article}: {v.text}" for v in c.values)
        out.write(f"  {c.kind:9s} {c.fact}: {vals}\n")
    out.write(f"\nMORE PRECISE ({len(comp.refinements)})\n")
    for c in comp.refinements:
        out.write(f"  {c.fact}: {c.why}\n")
    out.write(f"\nSHARED ({len(comp.shared)} groups)\n")
    for g in comp.shared:
        out.write(f"  [{', '.join(s.article for s in g)}] {g[0].text}\n")
    out.write("\nUNIQUE\n")
    for art, spans in comp.unique.items():
        out.write(f"  {art}: {len(spans)} sentences only here\n")
        for s in spans:
            out.write(f"    + {s.text}\n")


def cmd_compare(ctx: CommandContext, args: argparse.Namespace) -> int:
    articles = _load(ctx, args.inputs)
    if len(articles) < 2:
        print("storydiff: error: need at least two readable articles to compare", file=ctx.err)
        return 1
    comp = compare_articles(articles, ctx.settings.compare)
    if args.html:
        args.html.write_text(render_html(comp, {a.label: a for a in articles}), encoding="utf-8")
    if args.json:
        print_json(ctx, comp.to_json())
    else:
        print_text(ctx, comp)
    return 0
