"""Comparing a story's reports: what they share, what each adds, where they disagree.

Entry point: :func:`compare_articles` (see :mod:`storydiff.compare.report`).
"""

from __future__ import annotations

from storydiff.compare.report import Comparison, Span, compare_articles

__all__ = ["Comparison", "Span", "compare_articles"]
