"""newsaudit's exceptions, drawn once.

    NewsauditError                 base; ``str(err)`` is one line for the user
    ├── InputError                 the page cannot be read as a page (exit code 2)
    │   ├── InputNotFound          missing or unreadable file
    │   ├── EmptyInput             nothing but whitespace
    │   ├── BinaryInput            bytes that are not text (NULs, images, archives)
    │   ├── InputTooLarge          over the size limit (``--max-bytes``)
    │   ├── DecodingError          bytes that decode under no plausible encoding
    │   └── MalformedInput         a container (JSONL, WARC, feed) that does not parse
    └── ModelError                 the spaCy model (or a trained artifact) cannot be loaded (exit 3)

Each exception carries the ``source`` it is about (path, URL or "-" for stdin) and a
``reason`` in plain words; the CLI prints ``newsaudit: <source>: <reason>``.
"""

from __future__ import annotations


class NewsauditError(Exception):
    """Base class: everything newsaudit raises on purpose."""

    exit_code = 1

    def __init__(self, reason: str, *, source: str | None = None) -> None:
        self.reason = reason
        self.source = source
        super().__init__(f"{source}: {reason}" if source else reason)


class InputError(NewsauditError):
    """The input cannot be analysed as a page."""

    exit_code = 2


class InputNotFound(InputError):
    """The file does not exist or cannot be opened."""


class EmptyInput(InputError):
    """The input holds no text."""


class BinaryInput(InputError):
    """The input is binary data, not text."""


class InputTooLarge(InputError):
    """The input is over the size limit."""


class DecodingError(InputError):
    """No plausible text encoding decodes the bytes."""


class MalformedInput(InputError):
    """A container format (JSONL, WARC, feed) does not parse."""


class ModelError(NewsauditError):
    """A spaCy pipeline or trained artifact cannot be loaded."""

    exit_code = 3
