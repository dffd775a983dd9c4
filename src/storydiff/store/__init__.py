"""The embedded SQLite store: the only package that speaks SQL."""

from storydiff.store.sqlite import Store

__all__ = ["Store"]
