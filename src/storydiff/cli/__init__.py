"""The ``storydiff`` command: find what news outlets share, add and contradict.

Each command group lives in its own module with a ``register(subparsers)`` function;
no command holds logic of its own beyond formatting. Exit codes: 0 all went well,
1 some inputs failed, a lookup found nothing or the store cannot be used (locked,
read-only, corrupt: one line on stderr, no traceback), 2 usage errors.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import IO, cast

from storydiff import __version__
from storydiff.cli import articles as articles_cmd
from storydiff.cli import batch as batch_cmd
from storydiff.cli import compare as compare_cmd
from storydiff.cli import dedup as dedup_cmd
from storydiff.cli import serve as serve_cmd
from storydiff.cli import stories as stories_cmd
from storydiff.cli.common import CommandContext, TerminalSafe
from storydiff.errors import StorydiffError
from storydiff.settings import Settings, default_db_path

__all__ = ["build_parser", "main"]

#: command modules, each with ``register(subparsers)``
COMMAND_MODULES = [articles_cmd, dedup_cmd, serve_cmd, compare_cmd, stories_cmd, batch_cmd]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"{self.prog}: error: {message}", file=sys.stderr)
        raise SystemExit(2)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="storydiff",
        description="Find what news outlets share, add and contradict when they rewrite the same story.",
    )
    parser.add_argument("--version", action="version", version=f"storydiff {__version__}")
    parser.add_argument("--db", type=Path, default=None, help="SQLite store (default $STORYDIFF_DB or ./storydiff.db)")
    parser.add_argument("--quiet", "-q", action="store_true", help="no progress bars")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True
    for module in COMMAND_MODULES:
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    settings = Settings(db_path=args.db or default_db_path(), progress=not args.quiet)
    # every stream a command writes is a TextIOBase, which is what IO[str] promises
    out, err = cast(IO[str], TerminalSafe(sys.stdout)), cast(IO[str], TerminalSafe(sys.stderr))
    ctx = CommandContext(settings=settings, out=out, err=err)
    try:
        code: int = args.handler(ctx, args)
    except StorydiffError as exc:
        print(f"storydiff: error: {exc}", file=sys.stderr)
        return 1
    except sqlite3.Error as exc:  # locked by another writer, read-only, disk full, corrupt page ...
        print(f"storydiff: error: {settings.db_path}: store: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 0
    finally:
        ctx.close()
    return code


if __name__ == "__main__":
    raise SystemExit(main())
