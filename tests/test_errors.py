"""Errors have stable codes and one JSON shape, shared by raised errors and batch failures."""

from __future__ import annotations

import pytest

from newsaudit import errors
from newsaudit.errors import Failure, NewsauditError

#: The codes are public (the CLI, batches and the HTTP API report them): never rename one.
CODES = {
    "NewsauditError": "error",
    "InputError": "input_invalid",
    "InputNotFound": "input_not_found",
    "EmptyInput": "input_empty",
    "BinaryInput": "input_binary",
    "InputTooLarge": "input_too_large",
    "DecodingError": "input_undecodable",
    "MalformedInput": "input_malformed",
    "SettingsError": "settings_invalid",
    "ModelError": "model_unavailable",
    "StoreUnavailable": "store_unavailable",
    "FetchError": "fetch_failed",
    "AddressRefused": "fetch_refused",
    "RobotsDisallowed": "fetch_robots",
    "FetchTimeout": "fetch_timeout",
    "FetchTooLarge": "fetch_too_large",
    "HTTPStatusError": "fetch_status",
}
EXIT_CODES = {"NewsauditError": 1, "ModelError": 3, "StoreUnavailable": 5}


#: The server's own errors (newsaudit.web.errors), answered by the HTTP API only.
WEB_CODES = {
    "WebError": "bad_request",
    "Unauthorized": "unauthorized",
    "Forbidden": "forbidden",
    "NotFound": "not_found",
    "MethodNotAllowed": "method_not_allowed",
    "AuditTimeout": "audit_timeout",
    "Busy": "busy",
    "RemoteError": "error",
}


def _all(cls: type[NewsauditError], module: str = "newsaudit.errors"
         ) -> list[type[NewsauditError]]:
    """``cls`` and its subclasses defined in ``module`` (other modules, such as the web
    app's, add their own subclasses once imported)."""
    mine = [cls] if cls.__module__ == module else []
    return mine + [c for sub in cls.__subclasses__() for c in _all(sub, module)]


def test_every_error_has_its_pinned_code():
    assert {cls.__name__: cls.code for cls in _all(NewsauditError)} == CODES


def test_exit_codes_follow_the_hierarchy():
    assert {cls.__name__: cls.exit_code for cls in _all(NewsauditError)} == {
        name: EXIT_CODES.get(name, 2) for name in CODES
    }


def test_the_web_errors_codes_are_pinned_and_distinct_from_the_librarys():
    import newsaudit.web.errors  # noqa: F401  (defines the subclasses)

    web = {cls.__name__: cls.code for cls in _all(NewsauditError, "newsaudit.web.errors")}
    assert web == WEB_CODES
    assert not (set(web.values()) - {"error"}) & set(CODES.values())


@pytest.mark.parametrize("name", sorted(CODES))
def test_to_dict_is_code_message_source(name):
    err = getattr(errors, name)("file is empty", source="a.txt")
    assert err.to_dict() == {"code": CODES[name], "message": "file is empty", "source": "a.txt"}
    assert str(err) == "a.txt: file is empty"


def test_a_recorded_failure_serialises_as_the_error_did():
    err = errors.InputTooLarge("input is too large", source="big.txt")
    failure = Failure.of(err, "big.txt")
    assert failure.code == "input_too_large"
    assert failure.to_dict() == err.to_dict()


def test_an_error_without_source():
    assert errors.ModelError("no model").to_dict() == {
        "code": "model_unavailable", "message": "no model", "source": None,
    }
