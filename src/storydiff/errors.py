"""Exceptions raised by storydiff.

Every error a user can meet is a :class:`StorydiffError`; the tree::

    StorydiffError
    ├── InputError              bad input: the message names the file and the place
    │   ├── EncodingError       bytes that decode as no supported text encoding
    │   ├── FormatError         malformed JSON, CSV, HTML, XML, WARC ...
    │   ├── EmptyInputError     nothing to read (empty file, no text)
    │   └── InputTooLargeError  over the configured size cap
    ├── StoreError              the store cannot be opened, migrated or written
    │   ├── StoreBusyError      another process holds the store's lock past the timeout
    │   └── SchemaVersionError  the store was written by a newer storydiff
    ├── NotFoundError           no article or story with that id
    └── ConfigError             an invalid setting or option

Readers never raise for one bad record inside a file: they yield an
:class:`InputError` in its place (see :mod:`storydiff.ingest`) so the batch goes on.
"""

from __future__ import annotations

__all__ = [
    "ConfigError",
    "EmptyInputError",
    "EncodingError",
    "FormatError",
    "InputError",
    "InputTooLargeError",
    "NotFoundError",
    "SchemaVersionError",
    "StoreBusyError",
    "StoreError",
    "StorydiffError",
]


class StorydiffError(Exception):
    """Base of every storydiff exception."""


class InputError(StorydiffError):
    """An input (file, record, request body) could not be read.

    ``where`` names the file and, when known, the line, record or byte offset.
    """

    def __init__(self, where: str, message: str) -> None:
        super().__init__(f"{where}: {message}")
        self.where = where
        self.message = message


class EncodingError(InputError):
    """The bytes decode as no supported text encoding (or look binary)."""


class FormatError(InputError):
    """The input is not valid in its format (JSON, CSV, HTML, XML, WARC)."""


class EmptyInputError(InputError):
    """The input holds nothing to read."""


class InputTooLargeError(InputError):
    """The input is larger than the configured cap."""


class StoreError(StorydiffError):
    """The store cannot be opened, migrated or written."""


class StoreBusyError(StoreError):
    """Another process holds the store's lock past the busy timeout: try again later (HTTP 503)."""


class SchemaVersionError(StoreError):
    """The store's schema is newer than this version of storydiff understands."""


class NotFoundError(StorydiffError):
    """No article or story has the given id."""


class ConfigError(StorydiffError):
    """A setting or option has an invalid value."""
