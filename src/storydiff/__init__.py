"""storydiff: find what news outlets share, add and contradict when they rewrite the same story."""

from __future__ import annotations

from storydiff.errors import InputError, NotFoundError, StorydiffError
from storydiff.model import Article, Conflict, DuplicatePair, Edit, Fact, FactValue, Passage, Story
from storydiff.settings import Settings

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Conflict",
    "DuplicatePair",
    "Edit",
    "Fact",
    "FactValue",
    "InputError",
    "NotFoundError",
    "Passage",
    "Settings",
    "Story",
    "StorydiffError",
    "__version__",
]
