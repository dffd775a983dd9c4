"""A standalone HTML report of a comparison: inline CSS, no JavaScript, every text escaped.

Article text is untrusted, so everything taken from it goes through :func:`html.escape`.

>>> from storydiff.compare.report import Comparison
>>> "&lt;script&gt;" in render_html(Comparison(articles=["<script>"]), {})
True
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape

from storydiff.compare.report import Comparison
from storydiff.model import Article

__all__ = ["render_html"]

_CSS = """
body{font-family:system-ui,sans-serif;max-width:70em;margin:2em auto;padding:0 1em;color:#222;line-height:1.45}
h1{font-size:1.5em}h2{font-size:1.2em;border-bottom:1px solid #ccc;margin-top:2em}
.src{color:#666;font-size:.85em}
.conflict{background:#fff3f0;border-left:4px solid #d33;
padding:.4em .8em;margin:.6em 0}
.refine{background:#f3f8ff;border-left:4px solid #36c;padding:.4em .8em;margin:.6em 0}
mark{background:#ffe08a}table{border-collapse:collapse}
td{vertical-align:top;padding:.2em .6em;border-top:1px solid #eee}
.unique li{margin:.3em 0}
"""


def _conflict_block(cls: str, c: object) -> str:
    from storydiff.model import Conflict

    assert isinstance(c, Conflict)
    rows = "".join(f"<li><b>{escape(v.article)}</b>: <mark>{escape(v.text)}</mark></li>" for v in c.values)
    return (
        f'<div class="{cls}"><b>{escape(c.kind)}</b> · {escape(c.fact)}<br>'
        f'<span class="src">{escape(c.why)}</span><ul>{rows}</ul></div>'
    )


def render_html(comp: Comparison, articles: Mapping[str, Article]) -> str:
    """The whole report as one HTML document."""
    parts = [
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>storydiff comparison</title>",
        f"<style>{_CSS}</style></head><body><h1>Comparison of {len(comp.articles)} reports</h1><ul>",
    ]
    for label in comp.articles:
        art = articles.get(label)
        title = art.title or art.source or "" if art else ""
        parts.append(f"<li><b>{escape(label)}</b> {escape(title or '')}</li>")
    parts.append("</ul><h2>Summary</h2><ul>")
    for s in comp.summary:
        parts.append(f"<li>{escape(s['text'])} <span class='src'>[{escape(', '.join(s['sources']))}]</span></li>")
    parts.append(f"</ul><h2>Conflicts ({len(comp.conflicts)})</h2>")
    parts.extend(_conflict_block("conflict", c) for c in comp.conflicts)
    parts.append(f"<h2>More precise ({len(comp.refinements)})</h2>")
    parts.extend(_conflict_block("refine", c) for c in comp.refinements)
    parts.append(f"<h2>Shared ({len(comp.shared)})</h2><table>")
    for g in comp.shared:
        cells = "".join(f"<li><b>{escape(s.article)}</b>: {escape(s.text)}</li>" for s in g)
        parts.append(f"<tr><td>{len(g)}</td><td><ul>{cells}</ul></td></tr>")
    parts.append("</table><h2>Only in one report</h2>")
    for label, spans in comp.unique.items():
        items = "".join(f"<li>{escape(s.text)}</li>" for s in spans)
        parts.append(f"<h3>{escape(label)}</h3><ul class='unique'>{items}</ul>")
    parts.append("</body></html>\n")
    return "".join(parts)
