"""newsaudit's exceptions, drawn once.

    NewsauditError                 base; ``str(err)`` is one line for the user    code
    ├── InputError                 the page cannot be read as a page (exit 2)     input_invalid
    │   ├── InputNotFound          missing or unreadable file                     input_not_found
    │   ├── EmptyInput             nothing but whitespace                         input_empty
    │   ├── BinaryInput            bytes that are not text (NULs, images, ...)    input_binary
    │   ├── InputTooLarge          over the size limit (``--max-bytes``)          input_too_large
    │   ├── DecodingError          bytes that decode under no plausible encoding  input_undecodable
    │   ├── MalformedInput         a container (JSONL, WARC, feed, a report dict)  input_malformed
    │   │                          that does not parse
    │   └── FetchError             the URL could not be fetched                   fetch_failed
    │       ├── AddressRefused     resolves to a non-public address, or not http  fetch_refused
    │       ├── RobotsDisallowed   robots.txt disallows it for our user agent     fetch_robots
    │       ├── FetchTimeout       no answer, or no complete body, in time        fetch_timeout
    │       ├── FetchTooLarge      body over the size cap                         fetch_too_large
    │       └── HTTPStatusError    the server answered with an error status       fetch_status
    ├── SettingsError              a settings file, variable or value is invalid  settings_invalid
    │                              (exit 2)
    ├── ModelError                 the spaCy model (or a trained artifact) cannot  model_unavailable
    │                              be loaded (exit 3)
    └── StoreUnavailable           the corpus database cannot be opened or        store_unavailable
                                   written (exit 5)

Each exception carries the ``source`` it is about (path, URL, setting or "-" for stdin), a
``reason`` in plain words and a stable ``code``; the CLI prints ``newsaudit: <source>:
<reason>``, and :meth:`NewsauditError.to_dict` is the one JSON shape of an error that a
batch (:class:`~newsaudit.pipeline.Failure`) and the HTTP API share. Codes are part of
the public interface: add new ones, never rename one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar


class NewsauditError(Exception):
    """Base class: everything newsaudit raises on purpose."""

    exit_code: ClassVar[int] = 1
    code: ClassVar[str] = "error"

    def __init__(self, reason: str, *, source: str | None = None) -> None:
        self.reason = reason
        self.source = source
        super().__init__(f"{source}: {reason}" if source else reason)

    def to_dict(self) -> dict[str, str | None]:
        """``{"code", "message", "source"}``: how every edge reports this error."""
        return error_dict(self.code, self.reason, self.source)


def error_dict(code: str, message: str, source: str | None) -> dict[str, str | None]:
    """The one JSON shape of an error, for exceptions and recorded failures alike."""
    return {"code": code, "message": message, "source": source}


class InputError(NewsauditError):
    """The input cannot be analysed as a page."""

    exit_code = 2
    code = "input_invalid"


class InputNotFound(InputError):
    """The file does not exist or cannot be opened."""

    code = "input_not_found"


class EmptyInput(InputError):
    """The input holds no text."""

    code = "input_empty"


class BinaryInput(InputError):
    """The input is binary data, not text."""

    code = "input_binary"


class InputTooLarge(InputError):
    """The input is over the size limit."""

    code = "input_too_large"


class DecodingError(InputError):
    """No plausible text encoding decodes the bytes."""

    code = "input_undecodable"


class MalformedInput(InputError):
    """A container format (JSONL, WARC, feed, a report read back) does not parse."""

    code = "input_malformed"


class SettingsError(NewsauditError):
    """A settings file, environment variable or setting value is invalid."""

    exit_code = 2
    code = "settings_invalid"


class ModelError(NewsauditError):
    """A spaCy pipeline or trained artifact cannot be loaded."""

    exit_code = 3
    code = "model_unavailable"


class StoreUnavailable(NewsauditError):
    """The corpus database cannot be opened or written."""

    exit_code = 5
    code = "store_unavailable"


class FetchError(InputError):
    """The URL could not be fetched (see :mod:`newsaudit.fetch`)."""

    code = "fetch_failed"


class AddressRefused(FetchError):
    """The URL's host is not a public internet address (or the scheme is not http/https)."""

    code = "fetch_refused"


class RobotsDisallowed(FetchError):
    """The site's robots.txt does not allow fetching this URL."""

    code = "fetch_robots"


class FetchTimeout(FetchError):
    """The server did not answer, or did not finish sending, in time."""

    code = "fetch_timeout"


class FetchTooLarge(FetchError):
    """The body is over the size cap."""

    code = "fetch_too_large"


class HTTPStatusError(FetchError):
    """The server answered with an error status."""

    code = "fetch_status"


@dataclass(frozen=True, slots=True)
class Failure:
    """A page of a batch that could not be analysed, and why; the batch goes on.

    It carries what the error carried (``code``, ``message``, ``source``) and serialises
    exactly as the error would, so a recorded failure and a raised one read the same.
    """

    source: str
    code: str
    message: str

    @classmethod
    def of(cls, err: NewsauditError, source: str) -> Failure:
        """The failure of the page ``source`` (the batch's name for it) that raised ``err``."""
        return cls(source=source, code=err.code, message=err.reason)

    def to_dict(self) -> dict[str, str | None]:
        return error_dict(self.code, self.message, self.source)
