"""The HTTP edge of newsaudit's errors: one JSON shape, the right status, and the few
errors only a server has.

Every error the API answers is ``{"error": {"code": ..., "message": ...}}``. The codes are
the library's (:mod:`newsaudit.errors`: ``input_binary``, ``fetch_refused``, ...) plus
the server's own below, drawn as subclasses of the same base so that they carry a code
and a reason the same way:

    WebError                  (NewsauditError)
    ├── Unauthorized          a write without a valid Bearer token        401 unauthorized
    ├── Forbidden             a cross-site form post, an unknown Host      403 forbidden
    ├── NotFound              no such page, job or route                   404 not_found
    ├── MethodNotAllowed      the route exists, not with this method       405 method_not_allowed
    ├── AuditTimeout          the audit ran over the per-request limit     422 audit_timeout
    └── Busy                  every audit worker and queue slot is taken  503 busy

The status of a library error follows from its code (:data:`STATUS`). Fetch errors are
422, not 502/504: the URL the client gave cannot be audited, which is the client's to
change; the server itself is fine.
"""

from __future__ import annotations

from typing import Any, ClassVar

from newsaudit.errors import NewsauditError

#: HTTP status for each library error code; codes not listed are 422.
STATUS: dict[str, int] = {
    "input_too_large": 413,
    "fetch_too_large": 413,
    "input_binary": 415,
    "input_malformed": 400,
    "input_not_found": 404,
    "settings_invalid": 422,
    "model_unavailable": 500,
    "store_unavailable": 503,
}


class WebError(NewsauditError):
    """An error only the server raises; ``status`` is its HTTP status."""

    status: ClassVar[int] = 400
    code = "bad_request"
    #: Response headers the status calls for (``WWW-Authenticate``, ``Retry-After``).
    headers: dict[str, str]

    def __init__(self, reason: str, *, headers: dict[str, str] | None = None) -> None:
        super().__init__(reason)
        self.headers = dict(headers or {})


class Unauthorized(WebError):
    status = 401
    code = "unauthorized"

    def __init__(self, reason: str) -> None:
        super().__init__(reason, headers={"WWW-Authenticate": 'Bearer realm="newsaudit"'})


class Forbidden(WebError):
    status = 403
    code = "forbidden"


class NotFound(WebError):
    status = 404
    code = "not_found"


class MethodNotAllowed(WebError):
    status = 405
    code = "method_not_allowed"


class AuditTimeout(WebError):
    status = 422
    code = "audit_timeout"


class Busy(WebError):
    status = 503
    code = "busy"

    def __init__(self, reason: str, *, retry_after: int) -> None:
        super().__init__(reason, headers={"Retry-After": str(max(1, retry_after))})


class RemoteError(NewsauditError):
    """An error raised in an audit worker, carried back by its code (exceptions do not
    cross the process boundary intact)."""

    def __init__(self, code: str, reason: str, source: str | None = None) -> None:
        super().__init__(reason, source=source)
        self.remote_code = code


def code_of(err: NewsauditError) -> str:
    return err.remote_code if isinstance(err, RemoteError) else err.code


def status_of(err: NewsauditError) -> int:
    if isinstance(err, WebError):
        return err.status
    return STATUS.get(code_of(err), 422)


def body(code: str, message: str) -> dict[str, Any]:
    """The one JSON shape of an API error."""
    return {"error": {"code": code, "message": message}}


#: Every code the API may answer with, and its meaning: the README's table and the
#: OpenAPI description are made from it.
WEB_CODES = {cls.code: cls.status for cls in (Unauthorized, Forbidden, NotFound,
                                               MethodNotAllowed, AuditTimeout, Busy)}
