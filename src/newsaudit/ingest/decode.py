"""Bytes to text: the one place where a page's encoding is decided.

Offsets in the report index the decoded text, so decoding must be deterministic and
change nothing but line endings. The order of trust is: a byte-order mark, then strict
UTF-8, then Windows-1252 when every non-ASCII character it yields is a Latin letter or
typographic punctuation (the encoding of most legacy English-language news sites, and
one statistical detectors confuse with its Central European cousin on short texts),
then charset-normalizer's best guess.
"""

from __future__ import annotations

import os
import sys
import unicodedata

from newsaudit.errors import (
    BinaryInput,
    DecodingError,
    EmptyInput,
    InputNotFound,
    InputTooLarge,
)

DEFAULT_MAX_BYTES = 10_000_000

#: Leading bytes of file formats people feed by mistake (images, documents, archives).
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a Word/Excel file)"),
    (b"\x1f\x8b", "a gzip-compressed file"),
    (b"BZh", "a bzip2-compressed file"),
    (b"\xfd7zXZ\x00", "an xz-compressed file"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\x28\xb5\x2f\xfd", "a zstd-compressed file"),
    (b"\x7fELF", "a program (ELF binary)"),
    (b"MZ", "a Windows program"),
    (b"RIFF", "a RIFF media file"),
    (b"OggS", "an Ogg media file"),
    (b"ID3", "an MP3 audio file"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"wOFF", "a web font"),
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)

#: Non-ASCII characters that make a Windows-1252 reading plausible for English text.
_CP1252_OK = frozenset(
    "\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u017d"
    "\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178"
    "\u00a0\u00a3\u00a7\u00a9\u00ab\u00ae\u00b0\u00b1\u00b2\u00b3\u00b4\u00b5\u00b7\u00bb"
    "\u00bc\u00bd\u00be\u00bf\u00a2\u00a5\u00ba\u00aa"
)
_CONTROL_OK = frozenset("\t\n\r\f\v")
#: A text may hold a few stray control characters (scraped junk); a binary file is full
#: of them. Calibrated so that random bytes and office files fail and long pages with a
#: handful of escape codes pass.
_MAX_CONTROL_RATIO = 0.02


def read_source(path: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[bytes, str]:
    """Read a page's bytes from a path, or from standard input when ``path`` is "-".

    The size limit is checked before the whole file is read, so a mistaken multi-gigabyte
    path fails at once instead of filling memory.
    """
    if path == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise InputTooLarge(_too_large(max_bytes), source="-")
        return data, "-"
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise InputNotFound("no such file", source=path) from None
    except PermissionError:
        raise InputNotFound("permission denied", source=path) from None
    except OSError as err:
        raise InputNotFound(f"cannot open the file ({err.strerror or err})", source=path) from None
    if os.path.isdir(path):
        raise InputNotFound("is a directory, not a file", source=path)
    if st.st_size > max_bytes:
        raise InputTooLarge(_too_large(max_bytes, st.st_size), source=path)
    try:
        with open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except PermissionError:
        raise InputNotFound("permission denied", source=path) from None
    except OSError as err:
        raise InputNotFound(f"cannot read the file ({err.strerror or err})", source=path) from None
    if len(data) > max_bytes:  # a file that grew, or a device with no size
        raise InputTooLarge(_too_large(max_bytes), source=path)
    return data, path


def _too_large(limit: int, size: int | None = None) -> str:
    have = f"{size:,} bytes" if size is not None else "more"
    return f"input is too large ({have}; the limit is {limit:,} bytes, see --max-bytes)"


def _empty_reason(source: str) -> str:
    return "input is empty" if source in ("-", "<string>") else "file is empty"


def decode(data: bytes, *, source: str, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Decode a page's bytes to text with ``\\n`` line endings, or raise a typed error."""
    if len(data) > max_bytes:
        raise InputTooLarge(_too_large(max_bytes, len(data)), source=source)
    if not data:
        raise EmptyInput(_empty_reason(source), source=source)
    text = _decode_bytes(data, source)
    text = normalise_newlines(text)
    _check_controls(text, source)
    if not text.strip():
        raise EmptyInput(_empty_reason(source) + " (only whitespace)", source=source)
    return text


def normalise_newlines(text: str) -> str:
    """``\\r\\n`` and lone ``\\r`` become ``\\n``; a leading BOM character is dropped."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def _decode_bytes(data: bytes, source: str) -> str:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(codec)
            except UnicodeDecodeError:
                name = codec.upper()
                raise DecodingError(
                    f"starts with a {name} byte-order mark but is not valid {name}", source=source
                ) from None
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise BinaryInput(f"is binary data ({what}), not a text or HTML page", source=source)
    if b"\x00" in data:
        text = _bom_less_utf16(data)
        if text is None:
            raise BinaryInput("is binary data (it contains NUL bytes), not text", source=source)
        return text
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = _declared_charset(data)
    if declared:
        try:
            return data.decode(declared)
        except (UnicodeDecodeError, LookupError):
            pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = None
    if text is not None and all(_latin_plausible(ch) for ch in set(text)):
        return text
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise DecodingError("cannot be decoded as text in any known encoding", source=source)
    return str(best)


def _latin_plausible(ch: str) -> bool:
    if ch < "\x80" or ch in _CP1252_OK:
        return True
    return ch <= "\u00ff" and unicodedata.category(ch)[0] == "L"


def _bom_less_utf16(data: bytes) -> str | None:
    """UTF-16 without a byte-order mark: NULs in every other byte of ASCII-range text."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    for zeros, codec in ((odd, "utf-16-le"), (even, "utf-16-be")):
        if zeros.count(0) >= 0.9 * len(zeros):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                return None
    return None


def _declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its first 2 KB (``<meta charset=...>``)."""
    head = data[:2048].lower()
    idx = head.find(b"charset=")
    if idx < 0:
        return None
    rest = head[idx + 8 : idx + 48].lstrip(b"\"' ")
    name = bytearray()
    for byte in rest:
        if chr(byte).isalnum() or chr(byte) in "-_":
            name.append(byte)
        else:
            break
    if not name:
        return None
    import codecs

    try:
        return codecs.lookup(name.decode("ascii")).name
    except LookupError:
        return None


def _check_controls(text: str, source: str) -> None:
    sample = text[:100_000]
    bad = sum(1 for ch in sample if ch < " " and ch not in _CONTROL_OK)
    bad += sample.count("\ufffd")
    if sample and bad / len(sample) > _MAX_CONTROL_RATIO:
        raise BinaryInput("is binary data (mostly control characters), not text", source=source)
