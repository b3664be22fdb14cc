"""The REST API, driven over HTTP against the real server (uvicorn on a free port).

Store-backed behaviour runs on SQLite and on PostgreSQL (``db_url``). Expectations come
from the library itself where they can (the API's report is the library's report of the
same page; a filter by check returns exactly the pages whose reports hold that check), so
these tests hold the web layer to adding nothing and losing nothing.
"""

from __future__ import annotations

import time
from contextlib import ExitStack, contextmanager

import httpx
import pytest

from contract import assert_contract
from live_server import live_app
from local_web import serve as serve_web
from paths import PAGES, REPO

FERRY = (REPO / "tests" / "fixtures" / "web" / "ferry.txt").read_text(encoding="utf-8")
ECONOMY = (PAGES / "economy.txt").read_text(encoding="utf-8")
TOKEN = "s3cret-token-for-the-tests"


@contextmanager
def client(db_url: str, pool, **options):
    with serve_web() as (port, _hits), live_app(db_url, pool, web_port=port, **options) as base:
        with httpx.Client(base_url=base, timeout=180) as c:
            yield c


@pytest.fixture
def web(db_url, audit_pool):
    with client(db_url, audit_pool) as c:
        yield c


@pytest.fixture
def sqlite_web(tmp_path, audit_pool):
    with client(f"sqlite:///{tmp_path / 'web.db'}", audit_pool) as c:
        yield c


def error_of(response: httpx.Response) -> str:
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}, body
    assert body["error"]["message"]
    return body["error"]["code"]


def wait_job(c: httpx.Client, location: str, seconds: float = 300) -> dict:
    deadline = time.monotonic() + seconds
    while True:
        job = c.get(location).json()
        if job["status"] not in ("queued", "running"):
            return job
        assert time.monotonic() < deadline, f"job still {job['status']}: {job}"
        time.sleep(0.2)


# ---------------------------------------------------------------------- audits


def test_the_audit_is_the_librarys_report(sqlite_web):
    from newsaudit import audit

    r = sqlite_web.post("/api/audit", json={"text": FERRY})
    assert r.status_code == 200 and r.headers["content-type"] == "application/json"
    got = r.json()
    assert_contract(got)
    assert got["document"]["text"] == FERRY
    assert got["findings"], "the ferry page has findings to show"
    expected = audit(FERRY, source=got["document"]["source"], fmt="text").to_dict()
    assert got == expected


def test_html_is_read_as_html_with_its_title(sqlite_web):
    page = ("<html><head><title>Bridge reopens</title></head><body><article><h1>Bridge "
            "reopens</h1><p>The bridge reopened on Monday after repairs, the council said. "
            "About 3,000 cars cross it each day.</p></article></body></html>")
    d = sqlite_web.post("/api/audit", json={"html": page, "outlet": "River Gazette"}).json()
    assert d["document"]["format"] == "html"
    assert d["document"]["title"] == "Bridge reopens"
    assert d["document"]["outlet"] == "River Gazette"
    assert "<p>" not in d["document"]["text"]


def test_the_checks_asked_for_are_the_checks_run(sqlite_web):
    every = sqlite_web.post("/api/audit", json={"text": FERRY}).json()["findings"]
    one = every[0]["check"]
    only = sqlite_web.post("/api/audit", json={"text": FERRY, "checks": [one]}).json()
    assert only["findings"] and {f["check"] for f in only["findings"]} == {one}
    assert sqlite_web.post("/api/audit", json={"text": FERRY, "checks": []}).json()[
        "findings"] == []
    bad = sqlite_web.post("/api/audit", json={"text": FERRY, "checks": ["no_such_check"]})
    assert bad.status_code == 422 and error_of(bad) == "input_invalid"
    assert "no_such_check" in bad.json()["error"]["message"]


@pytest.mark.parametrize("body", [
    {}, {"text": "a", "url": "http://news.test/page"}, {"text": 12}, {"text": "a", "extra": 1},
    {"text": "a", "store": "maybe"}, [], "text",
])
def test_a_request_that_is_not_one_page_is_invalid(sqlite_web, body):
    r = sqlite_web.post("/api/audit", json=body)
    assert r.status_code == 422 and error_of(r) == "input_invalid"


def test_accept_html_answers_the_html_report_under_a_strict_policy(sqlite_web):
    r = sqlite_web.post("/api/audit", json={"text": FERRY}, headers={"Accept": "text/html"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    policy = r.headers["content-security-policy"]
    assert "default-src 'none'" in policy and "unsafe-inline" not in policy
    assert "script-src 'sha256-" in policy
    report = sqlite_web.post("/api/audit", json={"text": FERRY}).json()
    for f in report["findings"]:
        assert f'data-finding="{f["id"]}"' in r.text
    assert '<mark class="ev' in r.text


@pytest.mark.parametrize("accept, html", [
    ("text/html", True), ("application/json", False), ("", False), ("*/*", False),
    ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", True),
    ("application/json, text/html;q=0.5", False), ("text/html;q=0.2, application/json;q=0.1", True),
    ("text/html;q=oops", False),
])
def test_content_negotiation(accept, html):
    from newsaudit.web.api import wants_html

    assert wants_html(accept) is html


# ---------------------------------------------------------------------- the corpus


def test_a_stored_page_has_a_permanent_address(web):
    r = web.post("/api/audit", json={"text": FERRY, "store": True, "outlet": "Lake Post"})
    assert r.status_code == 201
    report = r.json()
    page_id = report["document"]["id"]
    assert r.headers["location"] == f"/api/pages/{page_id}"
    assert web.get(r.headers["location"]).json() == report
    findings = web.get(f"/api/pages/{page_id}/findings").json()
    assert findings == {"page": page_id, "findings": report["findings"]}
    listed = web.get("/api/pages").json()
    assert listed["total"] == 1 and [p["id"] for p in listed["pages"]] == [page_id]
    assert listed["pages"][0]["outlet"] == "Lake Post"
    by_check: dict[str, int] = {}
    for f in report["findings"]:
        by_check[f["check"]] = by_check.get(f["check"], 0) + 1
    assert listed["pages"][0]["findings"] == dict(sorted(by_check.items()))
    again = web.post("/api/audit", json={"text": FERRY, "store": True, "outlet": "Lake Post"})
    assert again.status_code == 201 and again.headers["location"] == r.headers["location"]
    assert web.get("/api/pages").json()["total"] == 1


def test_pages_are_filtered_as_asked(web):
    metas = [
        ({"text": FERRY, "outlet": "Lake Post", "published": "2024-05-02"}, "ferry"),
        ({"text": ECONOMY, "outlet": "Harbour Times", "published": "2024-06-10"}, "economy"),
        ({"html": "<html><head><title>Parade</title></head><body><p>The parade drew about "
                  "5,000 people on Sunday, organisers said.</p></body></html>"}, "parade"),
    ]
    ids, reports = {}, {}
    for body, name in metas:
        r = web.post("/api/audit", json={**body, "store": True})
        assert r.status_code == 201, r.text
        ids[name], reports[name] = r.json()["document"]["id"], r.json()

    def listed(**params) -> list[str]:
        got = web.get("/api/pages", params=params).json()
        assert got["total"] == len(got["pages"])
        names = {v: k for k, v in ids.items()}
        return sorted(names[p["id"]] for p in got["pages"])

    assert listed() == ["economy", "ferry", "parade"]
    assert listed(outlet="lake post") == ["ferry"]
    assert listed(since="2024-06-01") == ["economy"]
    assert listed(until="2024-05-02") == ["ferry"]
    assert listed(since="2024-05-01", until="2024-06-30") == ["economy", "ferry"]
    assert listed(q="Aurelia") == ["ferry"]
    assert listed(q="aurelia SENNA") == ["ferry"]
    assert listed(q="Aurelia nosuchword") == []
    # % and _ are the characters they are, not LIKE's wildcards
    assert listed(q="Aurelia%Senna") == [] and listed(q="A_relia") == []
    assert listed(q="3.1%") == ["economy"]
    assert listed(q="parade") == ["parade"]
    assert listed(language="en") == ["economy", "ferry", "parade"]
    assert listed(language="fr") == []
    checks = {f["check"] for r in reports.values() for f in r["findings"]}
    for check in checks:
        holding = sorted(n for n, r in reports.items()
                         if any(f["check"] == check for f in r["findings"]))
        assert listed(check=check) == holding, check
    rank = {"info": 0, "warning": 1, "problem": 2}
    for severity in rank:
        holding = sorted(n for n, r in reports.items()
                         if any(rank[f["severity"]] >= rank[severity] for f in r["findings"]))
        assert listed(severity=severity) == holding, severity
    first = web.get("/api/pages", params={"limit": 2}).json()
    rest = web.get("/api/pages", params={"limit": 2, "offset": 2}).json()
    assert first["total"] == rest["total"] == 3
    assert len(first["pages"]) == 2 and len(rest["pages"]) == 1
    bad = web.get("/api/pages", params={"since": "last week"})
    assert bad.status_code == 422 and error_of(bad) == "input_invalid"
    assert web.get("/api/pages", params={"severity": "dire"}).status_code == 422
    assert web.get("/api/pages", params={"limit": 0}).status_code == 422


def test_what_is_not_there_is_404_in_the_one_shape(sqlite_web):
    for path in ("/api/pages/sha256:" + "0" * 64, "/api/pages/nope/findings", "/api/jobs/nope",
                 "/api/no-such-route"):
        r = sqlite_web.get(path)
        assert r.status_code == 404 and error_of(r) == "not_found", path
    r = sqlite_web.delete("/api/pages")
    assert r.status_code == 405 and error_of(r) == "method_not_allowed"


def test_checks_come_from_the_registry(sqlite_web):
    from newsaudit.checks import registry

    got = sqlite_web.get("/api/checks").json()
    assert [c["name"] for c in got] == list(registry())
    for c in got:
        info = registry()[c["name"]]
        assert c["summary"] == info.summary and c["severities"] == list(info.severities)


def test_health(sqlite_web, audit_pool):
    h = sqlite_web.get("/api/health").json()
    assert h["status"] == "ok" and h["workers"] == audit_pool.workers
    assert h["store"] == "sqlite" and h["writes_need_token"] is False


# ---------------------------------------------------------------------- ingest


def test_ingest_runs_in_the_background_and_reports_progress(db_url, audit_pool, tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "ferry.txt").write_text(FERRY, encoding="utf-8")
    (inbox / "economy.txt").write_text(ECONOMY, encoding="utf-8")
    (inbox / "empty.txt").write_text("   \n", encoding="utf-8")
    with client(db_url, audit_pool, ingest_dirs=(inbox,)) as c:
        r = c.post("/api/ingest", json={"sources": [str(inbox), "http://news.test/page",
                                                    "http://intranet.test/page"]})
        assert r.status_code == 202, r.text
        assert r.headers["location"] == f"/api/jobs/{r.json()['id']}"
        job = wait_job(c, r.headers["location"])
        assert job["status"] == "finished" and job["kind"] == "ingest"
        assert job["counts"]["stored"] == 3 and job["counts"]["failed"] == 2, job
        assert isinstance(job["run"], int)
        pages = c.get("/api/pages").json()["pages"]
        assert {p["source"] for p in pages} == {
            str(inbox / "ferry.txt"), str(inbox / "economy.txt"), "http://news.test/page"}
        outside = c.post("/api/ingest", json={"sources": [str(tmp_path)]})
        assert outside.status_code == 403 and error_of(outside) == "forbidden"
        sneaky = c.post("/api/ingest", json={"sources": [str(inbox / ".." / "other")]})
        assert sneaky.status_code == 403


def test_without_an_ingest_dir_only_urls_are_ingested(sqlite_web, tmp_path):
    r = sqlite_web.post("/api/ingest", json={"sources": ["/etc"]})
    assert r.status_code == 403 and error_of(r) == "forbidden"
    assert sqlite_web.post("/api/ingest", json={"sources": []}).status_code == 422


# ---------------------------------------------------------------------- safety


def test_writes_need_a_token_when_the_server_has_tokens(tmp_path, audit_pool):
    url = f"sqlite:///{tmp_path / 'web.db'}"
    with client(url, audit_pool, tokens=frozenset({TOKEN})) as c:
        assert c.post("/api/audit", json={"text": FERRY}).status_code == 200
        bare = c.post("/api/audit", json={"text": FERRY, "store": True})
        assert bare.status_code == 401 and error_of(bare) == "unauthorized"
        assert bare.headers["www-authenticate"].startswith("Bearer")
        wrong = c.post("/api/audit", json={"text": FERRY, "store": True},
                       headers={"Authorization": "Bearer " + TOKEN[:-1] + "x"})
        assert wrong.status_code == 401
        ingest = c.post("/api/ingest", json={"sources": ["http://news.test/page"]})
        assert ingest.status_code == 401
        assert c.get("/api/pages").json()["total"] == 0
        ok = c.post("/api/audit", json={"text": FERRY, "store": True},
                    headers={"Authorization": f"Bearer {TOKEN}"})
        assert ok.status_code == 201
        assert c.get("/api/health").json()["writes_need_token"] is True


def test_a_full_server_answers_503_with_retry_after(sqlite_web, audit_pool):
    with ExitStack() as held:
        for _ in range(audit_pool.capacity):
            held.enter_context(audit_pool.slot())
        r = sqlite_web.post("/api/audit", json={"text": FERRY})
        assert r.status_code == 503 and error_of(r) == "busy"
        assert int(r.headers["retry-after"]) >= 1
    assert sqlite_web.post("/api/audit", json={"text": FERRY}).status_code == 200


@pytest.mark.slow
def test_an_audit_over_the_time_limit_is_stopped_and_the_server_goes_on(sqlite_web, audit_pool):
    limit = audit_pool.timeout
    audit_pool.timeout = 0.05
    try:
        r = sqlite_web.post("/api/audit", json={"text": FERRY * 20})
    finally:
        audit_pool.timeout = limit
    assert r.status_code == 422 and error_of(r) == "audit_timeout"
    assert sqlite_web.post("/api/audit", json={"text": FERRY}).status_code == 200


@pytest.mark.parametrize("host, loopback", [
    ("127.0.0.1", True), ("127.8.9.1", True), ("localhost", True), ("::1", True),
    ("[::1]", True), ("0.0.0.0", False), ("::", False), ("192.168.1.4", False),
    ("example.org", False),
])
def test_which_hosts_are_loopback(host, loopback):
    from newsaudit.web.config import is_loopback

    assert is_loopback(host) is loopback


def test_other_hosts_refuse_to_start_without_tokens(tmp_path, capsys):
    from newsaudit.cli import main
    from newsaudit.errors import SettingsError
    from newsaudit.web.config import WebConfig

    with pytest.raises(SettingsError, match="--token-file"):
        WebConfig(host="0.0.0.0")
    assert WebConfig(host="0.0.0.0", tokens=frozenset({TOKEN})).writes_need_token
    assert not WebConfig(host="::1").writes_need_token
    db = tmp_path / "never.db"
    assert main(["serve", "--host", "0.0.0.0", "--db", str(db)]) == 2
    assert "--token-file" in capsys.readouterr().err
    weak = tmp_path / "tokens.txt"
    weak.write_text("# the team's tokens\nshort\n", encoding="utf-8")
    assert main(["serve", "--host", "0.0.0.0", "--token-file", str(weak), "--db", str(db)]) == 2
    assert "at least 16 characters" in capsys.readouterr().err
    assert main(["serve", "--token-file", str(tmp_path / "missing.txt"), "--db", str(db)]) == 2
    assert not db.exists(), "nothing is opened before the options hold"


def test_token_file_format(tmp_path):
    from newsaudit.web.config import read_tokens

    path = tmp_path / "tokens.txt"
    path.write_text(f"# editors\n{TOKEN}\n\n  {TOKEN}-two  \n", encoding="utf-8")
    assert read_tokens(path) == frozenset({TOKEN, TOKEN + "-two"})


def test_serve_stops_before_listening_when_the_store_cannot_be_opened(capsys):
    from newsaudit.cli import main

    assert main(["serve", "--db", "postgresql://nobody@127.0.0.1:1/none", "--port", "1"]) == 5
    assert "cannot open the store" in capsys.readouterr().err


@pytest.mark.slow
def test_serve_stops_before_listening_when_the_model_cannot_load(tmp_path, capsys):
    from newsaudit.cli import main

    code = main(["serve", "--db", str(tmp_path / "web.db"), "--model", "no_such_model",
                 "--workers", "1", "--port", "1"])
    assert code == 3
    assert "no_such_model" in capsys.readouterr().err
