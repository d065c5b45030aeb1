"""The one exception tree of sitreps.

    SitrepsError                  anything sitreps raises on purpose
    ├── InputError                a document that cannot be read (the run goes on without it)
    │   ├── EmptyInputError       empty or blank text
    │   ├── BinaryInputError      bytes that are not text
    │   ├── EncodingError         text in an encoding we cannot decode sensibly
    │   ├── TooLargeError         a document over the size limit
    │   ├── MalformedLineError    a JSON Lines line that is not a JSON object
    │   └── MissingFieldError     a JSON Lines object without a required field
    ├── EvidenceError             an evidence span that does not match the article text (a bug)
    └── UsageError                a command line that cannot be carried out
        └── StoreError            a store (--db) that cannot be opened, migrated or read

Each error carries where it happened (`source`: a path, or ``path:line``) so that the
one-line message a command prints names the document and the reason.
"""

from __future__ import annotations


class SitrepsError(Exception):
    """Base of every error sitreps raises on purpose."""

    def __init__(self, message: str, *, source: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.source = source

    def __str__(self) -> str:
        return f"{self.source}: {self.message}" if self.source else self.message


class InputError(SitrepsError):
    """A document that cannot be read; the batch records it and goes on."""


class EmptyInputError(InputError):
    """The document holds no text."""


class BinaryInputError(InputError):
    """The document is binary data, not text."""


class EncodingError(InputError):
    """The document's bytes cannot be decoded as text."""


class TooLargeError(InputError):
    """The document is over the size limit."""


class MalformedLineError(InputError):
    """A JSON Lines line is not a JSON object."""


class MissingFieldError(InputError):
    """A JSON Lines object lacks a required field."""


class EvidenceError(SitrepsError):
    """An evidence span does not quote the article text at its offsets."""


class UsageError(SitrepsError):
    """The command line asks for something that cannot be done."""


class StoreError(UsageError):
    """The store cannot be opened, migrated or read: a locked, foreign or newer database file.

    A kind of UsageError: the fix is on the command line (another --db, or closing the
    program that holds the file), not in the code.
    """
