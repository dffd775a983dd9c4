"""``stories``, ``story``, ``recluster`` and ``eval stories``: looking at and measuring story clusters."""

from __future__ import annotations

import argparse
from typing import Any

from storydiff.cli.common import CommandContext, format_when, parse_since, print_json, print_table
from storydiff.errors import NotFoundError
from storydiff.model import Story

__all__ = ["register", "story_json"]


def story_json(ctx: CommandContext, story: Story) -> dict[str, Any]:
    """A story as JSON, with the labels (external ids) and titles of its articles."""
    articles = ctx.store.articles.get_many(story.article_ids)
    return {
        "id": story.id,
        "headline": story.headline,
        "languages": story.languages,
        "sources": story.sources,
        "articles": len(story.article_ids),
        "first_seen": story.first_seen.isoformat() if story.first_seen else None,
        "last_seen": story.last_seen.isoformat() if story.last_seen else None,
        "labels": [a.label for a in articles],
        "members": [
            {"id": a.id, "label": a.label, "source": a.source, "language": a.language, "title": a.title,
             "published": a.published.isoformat() if a.published else None}
            for a in articles
        ],
    }


def register(sub: Any) -> None:
    p = sub.add_parser("stories", help="list stories, most recently active first")
    p.add_argument("--source")
    p.add_argument("--language")
    p.add_argument("--since", type=parse_since, help="active at or after (ISO date)")
    p.add_argument("--until", type=parse_since, help="first seen before (ISO date)")
    p.add_argument("--min-articles", type=int, default=1)
    p.add_argument("--limit", type=int, default=None)
    p.add_argument("--offset", type=int, default=0)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_stories)

    p = sub.add_parser("story", help="show one story and its articles")
    p.add_argument("id", help="story id, or an article id / external id to show its story")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_story)

    p = sub.add_parser("recluster", help="rebuild every story from scratch in time order")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_recluster)

    p = sub.add_parser("eval", help="measure quality against a gold file")
    kinds = p.add_subparsers(dest="eval_kind", metavar="KIND")
    kinds.required = True
    q = kinds.add_parser("stories", help="pairwise/B-cubed P/R/F1 and ARI of story clustering")
    q.add_argument("gold", help="JSONL (or any readable format) whose records have a 'story' field")
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=cmd_eval_stories)


def cmd_stories(ctx: CommandContext, args: argparse.Namespace) -> int:
    found = ctx.store.stories.list(
        source=args.source, language=args.language, since=args.since, until=args.until,
        min_articles=args.min_articles, limit=args.limit, offset=args.offset,
    )
    if args.json:
        print_json(ctx, [story_json(ctx, s) for s in found])
        return 0
    rows = []
    for s in found:
        labels = [a.label for a in ctx.store.articles.get_many(s.article_ids)]
        rows.append((s.id, len(s.article_ids), format_when(s.first_seen), format_when(s.last_seen),
                     ",".join(s.languages) or "-", len(s.sources), s.headline, " ".join(labels)))
    print_table(ctx, ["STORY", "N", "FIRST", "LAST", "LANG", "SRC", "HEADLINE", "ARTICLES"], rows)
    return 0


def _find(ctx: CommandContext, key: str) -> Story:
    story = ctx.store.stories.get(key)
    if story is None:
        article = ctx.store.articles.get(key)
        sid = ctx.store.stories.story_of(article.id) if article is not None else None
        story = ctx.store.stories.get(sid) if sid is not None else None
    if story is None:
        raise NotFoundError(f"no story with id {key!r} (nor an article in a story)")
    return story


def cmd_story(ctx: CommandContext, args: argparse.Namespace) -> int:
    story = _find(ctx, args.id)
    data = story_json(ctx, story)
    if args.json:
        print_json(ctx, data)
        return 0
    out = ctx.out
    out.write(f"story:     {story.id}\n")
    out.write(f"headline:  {story.headline}\n")
    out.write(f"seen:      {format_when(story.first_seen)} .. {format_when(story.last_seen)}\n")
    out.write(f"languages: {', '.join(story.languages) or '-'}\n")
    out.write(f"sources:   {', '.join(story.sources) or '-'}\n\n")
    rows = [(m["label"], (m["published"] or "-")[:16].replace("T", " "), m["source"] or "-", m["language"] or "-",
             m["title"] or "") for m in data["members"]]
    print_table(ctx, ["ARTICLE", "PUBLISHED", "SOURCE", "LANG", "TITLE"], rows)
    return 0


def cmd_recluster(ctx: CommandContext, args: argparse.Namespace) -> int:
    from storydiff.cluster.stage import recluster

    n = recluster(ctx.store, ctx.settings.cluster)
    stories = ctx.store.stories.count()
    if args.json:
        print_json(ctx, {"articles": n, "stories": stories})
    else:
        ctx.out.write(f"reclustered {n} articles into {stories} stories\n")
    return 0


def cmd_eval_stories(ctx: CommandContext, args: argparse.Namespace) -> int:
    from storydiff.cluster.evaluate import evaluate_gold

    score = evaluate_gold(args.gold, ctx.settings)
    if args.json:
        print_json(ctx, score.as_dict())
        return 0
    out = ctx.out
    out.write(f"articles {score.articles}, true stories {score.true_stories}, "
              f"predicted stories {score.predicted_stories}, ARI {score.ari:.3f}\n")
    rows: list[tuple[Any, ...]] = []
    for name, prf in [("pairwise", score.pairwise), ("b-cubed", score.bcubed)]:
        rows.append((name, f"{prf.precision:.3f}", f"{prf.recall:.3f}", f"{prf.f1:.3f}", prf.true_pairs or "-"))
    for lang, prf in score.per_language.items():
        rows.append((f"pairwise {lang}", f"{prf.precision:.3f}", f"{prf.recall:.3f}", f"{prf.f1:.3f}", prf.true_pairs))
    if score.cross_language is not None:
        c = score.cross_language
        rows.append(("pairwise cross", f"{c.precision:.3f}", f"{c.recall:.3f}", f"{c.f1:.3f}", c.true_pairs))
    print_table(ctx, ["MEASURE", "P", "R", "F1", "TRUE PAIRS"], rows)
    return 0
