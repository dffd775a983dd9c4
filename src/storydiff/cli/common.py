"""What every command shares: the open store, output streams, JSON and table printing, progress."""

from __future__ import annotations

import io
import json
import os
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import IO, Any

from storydiff.settings import Settings
from storydiff.store import Store

__all__ = ["CommandContext", "TerminalSafe", "format_when", "parse_since", "print_json", "print_table",
           "progress_bar"]

#: C0 controls but tab, newline and carriage return, DEL, and the C1 controls (U+009B is a one-character
#: CSI): an article's escape sequences must not reach a terminal
_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f]")
#: controls that ``json.dumps`` leaves raw (it escapes only those below U+0020): only ever inside strings
_JSON_RAW = re.compile(r"[\x7f-\x9f]")


class TerminalSafe(io.TextIOBase):
    """A text stream that writes to ``raw`` with control characters shown as U+FFFD.

    Article text, titles and ids are untrusted: printed raw, an ESC sequence could rewrite
    the user's terminal. JSON output is unchanged (``json`` escapes every control character).

    >>> buf = io.StringIO()
    >>> _ = TerminalSafe(buf).write("Titel\\x1b[2J\\tmit Tab\\n")
    >>> buf.getvalue()
    'Titel\\ufffd[2J\\tmit Tab\\n'
    """

    def __init__(self, raw: IO[str]) -> None:
        super().__init__()
        self._raw = raw

    def write(self, text: str) -> int:
        self._raw.write(_UNSAFE.sub("\ufffd", text))
        return len(text)

    def writable(self) -> bool:
        return True

    def flush(self) -> None:
        self._raw.flush()

    def isatty(self) -> bool:
        return self._raw.isatty()


@dataclass
class CommandContext:
    settings: Settings
    out: IO[str]
    err: IO[str]
    _store: Store | None = field(default=None, repr=False)

    @property
    def store(self) -> Store:
        if self._store is None:
            self._store = Store.open(self.settings.db_path)
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None


def print_json(ctx: CommandContext, data: Any) -> None:
    """``data`` as JSON; DEL and C1 controls (which ``json`` leaves raw) as ``\\u`` escapes, so that
    :class:`TerminalSafe` finds nothing to replace and the data stay as stored."""
    text = json.dumps(data, ensure_ascii=False, indent=2, default=str)
    ctx.out.write(_JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n")


def _cell(value: Any) -> str:
    return "" if value is None else str(value).replace("\r\n", " ").replace("\n", " ").replace("\r", " ")


def print_table(ctx: CommandContext, headers: Sequence[str], rows: Sequence[Sequence[Any]], *,
                max_width: int = 60) -> None:
    """A plain aligned table: deterministic, no colours, cut cells end with '…'."""
    cells = [[_cell(v) for v in row] for row in rows]
    cells = [[c if len(c) <= max_width else c[: max_width - 1] + "…" for c in row] for row in cells]
    widths = [len(h) for h in headers]
    for row in cells:
        for i, c in enumerate(row):
            widths[i] = max(widths[i], len(c))
    line = "  ".join(h.ljust(widths[i]) for i, h in enumerate(headers)).rstrip()
    ctx.out.write(line + "\n")
    for row in cells:
        ctx.out.write("  ".join(c.ljust(widths[i]) for i, c in enumerate(row)).rstrip() + "\n")


def format_when(value: datetime | None) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M") if value else "-"


def parse_since(value: str) -> datetime:
    """ISO date or datetime (naive = UTC), e.g. ``2022-01-07`` or ``2022-01-07T12:00``."""
    parsed = datetime.fromisoformat(value)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def progress_bar(ctx: CommandContext, total: int | None, desc: str) -> Any:
    """A tqdm bar on stderr when it is a terminal and not in CI; otherwise a silent stand-in."""
    from tqdm import tqdm

    enabled = ctx.settings.progress and ctx.err.isatty() and not os.environ.get("CI")
    return tqdm(total=total, desc=desc, unit="art", file=ctx.err if ctx.err is not None else sys.stderr,
                disable=not enabled, leave=False)
