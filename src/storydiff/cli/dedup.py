"""``dups`` and ``reuse``: near-duplicate groups and the passages two articles share."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from storydiff.cli.common import CommandContext, print_json, print_table
from storydiff.dedup.stage import compare_texts, duplicate_groups
from storydiff.errors import EmptyInputError, InputError, NotFoundError
from storydiff.ingest import read_paths
from storydiff.model import Passage
from storydiff.serialize import reuse_json
from storydiff.settings import Settings

__all__ = ["read_text_file", "register"]

_GREEN, _RED, _YELLOW, _RESET = "\x1b[32m", "\x1b[31m", "\x1b[33m", "\x1b[0m"


def register(sub: Any) -> None:
    p = sub.add_parser("dups", help="list groups of exact and near-duplicate articles")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_dups)

    p = sub.add_parser("reuse", help="show the passages two articles (ids or files) share, with small edits")
    p.add_argument("a", help="article id, external id, or a file")
    p.add_argument("b", help="article id, external id, or a file")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_reuse)


def cmd_dups(ctx: CommandContext, args: argparse.Namespace) -> int:
    found = duplicate_groups(ctx.store, ctx.settings.dedup)
    if args.json:
        print_json(ctx, [
            {"group": g.id, "canonical": g.canonical, "members": [
                {"id": m.id, "label": m.label, "jaccard": m.jaccard, "containment": m.containment, "exact": m.exact}
                for m in g.members]}
            for g in found])
        return 0
    rows = []
    for g in found:
        for n, m in enumerate(g.members):
            role = "canonical" if n == 0 else ("exact" if m.exact else "near")
            rows.append((g.id if n == 0 else "", m.label, role, f"{m.jaccard:.3f}", f"{m.containment:.3f}"))
    print_table(ctx, ["GROUP", "ARTICLE", "KIND", "JACCARD", "CONTAINMENT"], rows)
    return 0


def read_text_file(path: Path, settings: Settings) -> str:
    """The text of the first article in one file (any supported format)."""
    for item in read_paths([path], settings.ingest):
        if isinstance(item, InputError):
            raise item
        return item.text
    raise EmptyInputError(str(path), "no article in this file")


def _resolve(ctx: CommandContext, key: str) -> tuple[str, str]:
    path = Path(key)
    if path.is_file():
        return key, read_text_file(path, ctx.settings)
    article = ctx.store.articles.get(key)
    if article is None:
        raise NotFoundError(f"no article or file {key!r}")
    return article.id, article.text


def _marked(p: Passage, colour: bool) -> str:
    """The passage text with each edit shown as ``[A→B]`` (coloured on a terminal)."""
    out: list[str] = []
    pos = p.a_start
    for e in p.edits:
        out.append(p.text[pos - p.a_start : e.a_start - p.a_start])
        change = f"[{e.a_text or '∅'}→{e.b_text or '∅'}]"
        out.append(f"{_RESET}{_YELLOW}{change}{_RESET}{_GREEN}" if colour else change)
        pos = max(pos, e.a_end)
    out.append(p.text[pos - p.a_start :])
    body = "".join(out).replace("\n", " ")
    return f"{_GREEN}{body}{_RESET}" if colour else body


def cmd_reuse(ctx: CommandContext, args: argparse.Namespace) -> int:
    a_id, a_text = _resolve(ctx, args.a)
    b_id, b_text = _resolve(ctx, args.b)
    reuse = compare_texts(a_text, b_text, ctx.settings.dedup)
    if args.json:
        print_json(ctx, reuse_json(a_id, b_id, reuse.jaccard, reuse.containment, reuse.passages))
        return 0
    colour = ctx.out.isatty()
    ctx.out.write(f"{a_id} vs {b_id}: jaccard {reuse.jaccard:.3f}, containment {reuse.containment:.3f}, "
                  f"{len(reuse.passages)} shared passages\n")
    for n, p in enumerate(reuse.passages, 1):
        ctx.out.write(f"\n#{n}  A {p.a_start}-{p.a_end}  B {p.b_start}-{p.b_end}  {len(p.edits)} edits\n")
        ctx.out.write("  " + _marked(p, colour) + "\n")
        for e in p.edits:
            tag = f"{_RED}edit{_RESET}" if colour else "edit"
            ctx.out.write(f"  {tag}: {e.a_text or '∅'!r} → {e.b_text or '∅'!r}  (A {e.a_start}-{e.a_end}, "
                          f"B {e.b_start}-{e.b_end})\n")
    return 0
