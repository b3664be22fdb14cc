"""What ``newsaudit serve`` runs with, and the rule that guards where it listens.

A server on the loopback interface is reachable only from this machine: writes (storing
an audit, ingesting) need no token unless a token file is given. On any other address it
is reachable from the network, so it refuses to start without a token file, and every
write must carry ``Authorization: Bearer <token>`` with one of the file's tokens.
"""

from __future__ import annotations

import hmac
import ipaddress
import os
from dataclasses import dataclass, field
from pathlib import Path

from newsaudit.errors import SettingsError

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
#: A request's audit may run this long in a worker before it is stopped (the worker is
#: killed and replaced). The example page takes 0.3 s; a 1,000,000-character dump about 60.
DEFAULT_AUDIT_TIMEOUT = 60.0
#: Requests beyond the busy workers that may wait for one; past that, 503 + Retry-After.
DEFAULT_QUEUE = 16
#: Tokens shorter than this are refused: a token is a password a script sends.
MIN_TOKEN_CHARS = 16


def default_workers() -> int:
    """One audit worker per CPU this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def is_loopback(host: str) -> bool:
    """True for 127.0.0.0/8, ::1 and ``localhost``: addresses no other machine reaches."""
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def read_tokens(path: str | Path) -> frozenset[str]:
    """The tokens in ``path``: one per line; blank lines and ``#`` comments are skipped."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise SettingsError(f"cannot read the token file ({err})", source=str(path)) from None
    tokens = frozenset(
        line.strip() for line in text.splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    )
    if not tokens:
        raise SettingsError("the token file holds no token", source=str(path))
    short = [tok for tok in tokens if len(tok) < MIN_TOKEN_CHARS or any(c.isspace() for c in tok)]
    if short:
        raise SettingsError(
            f"every token must be at least {MIN_TOKEN_CHARS} characters with no spaces "
            f"({len(short)} is not)", source=str(path),
        )
    return tokens


@dataclass(frozen=True)
class WebConfig:
    """The server's options (``newsaudit serve``'s, one to one)."""

    db: str | None = None
    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT
    tokens: frozenset[str] = field(default_factory=frozenset)
    workers: int = field(default_factory=default_workers)
    queue: int = DEFAULT_QUEUE
    max_bytes: int | None = None
    audit_timeout: float = DEFAULT_AUDIT_TIMEOUT
    model: str | None = None
    config: str | None = None
    #: Directories whose files ``POST /api/ingest`` may read; none: URLs only.
    ingest_dirs: tuple[Path, ...] = ()

    def __post_init__(self) -> None:
        if not self.tokens and not is_loopback(self.host):
            raise SettingsError(
                f"listening on {self.host} makes the server reachable from the network: "
                "give --token-file so that writes need a token (or listen on 127.0.0.1)",
                source="--host",
            )
        for name, value in (("--workers", self.workers), ("--port", self.port)):
            if value < 1 and not (name == "--port" and value == 0):
                raise SettingsError(f"must be at least 1, not {value}", source=name)
        if self.queue < 0:
            raise SettingsError(f"must be 0 or more, not {self.queue}", source="--queue")
        if self.audit_timeout <= 0:
            raise SettingsError("must be more than 0 seconds", source="--audit-timeout")
        for d in self.ingest_dirs:
            if not d.is_dir():
                raise SettingsError("not a directory", source=str(d))

    @property
    def writes_need_token(self) -> bool:
        return bool(self.tokens)

    def token_ok(self, token: str | None) -> bool:
        """Whether ``token`` is one of the tokens (compared in constant time)."""
        if token is None:
            return False
        given = token.encode("utf-8")
        return any(hmac.compare_digest(given, t.encode("utf-8")) for t in self.tokens)
