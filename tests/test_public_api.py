from __future__ import annotations

import importlib

import pytest

import storydiff
from storydiff import errors

MODULES = ["storydiff", "storydiff.errors", "storydiff.model", "storydiff.settings", "storydiff.pipeline", "storydiff.serialize",
           "storydiff.ingest", "storydiff.dedup", "storydiff.cluster", "storydiff.compare", "storydiff.api",
           "storydiff.store", "storydiff.text.normalize", "storydiff.text.tokens", "storydiff.text.language"]


@pytest.mark.parametrize("name", MODULES)
def test_all_names_exist(name: str) -> None:
    module = importlib.import_module(name)
    assert module.__all__, f"{name} exports nothing"
    for attr in module.__all__:
        assert hasattr(module, attr), f"{name}.__all__ names missing {attr}"


def test_exception_tree_matches_docstring() -> None:
    doc = errors.__doc__ or ""
    for name in errors.__all__:
        assert name in doc, f"{name} is not drawn in the errors docstring"
        cls = getattr(errors, name)
        assert issubclass(cls, errors.StorydiffError)
    assert issubclass(errors.EncodingError, errors.InputError)
    assert issubclass(errors.SchemaVersionError, errors.StoreError)


def test_input_error_names_place() -> None:
    err = errors.FormatError("feed.xml:12", "not well-formed")
    assert str(err) == "feed.xml:12: not well-formed"
    assert err.where == "feed.xml:12"


def test_version() -> None:
    assert storydiff.__version__.count(".") == 2
