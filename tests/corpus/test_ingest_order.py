"""The writer stores pages in input order whatever order the batches went out in, and a
run stopped with Ctrl-C is recorded as interrupted (an engine scripted here: no spaCy)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import sqlalchemy as sa

from corpus_pages import outcome, report_dict, synthetic_records
from newsaudit.corpus.adapter import Outcome
from newsaudit.corpus.run import ingest
from newsaudit.fetch import Fetched
from newsaudit.ingest.raw import RawPage
from newsaudit.store import queries
from newsaudit.store import schema as t


class Scripted:
    """An engine that "audits" a page into a report built by hand, and records what it
    was given; with ``stop_at``, Ctrl-C arrives as that batch is taken."""

    name = "local"

    def __init__(self, workers: int, stop_at: int | None = None,
                 on_batch: Callable[[], None] = lambda: None) -> None:
        self.workers = workers
        self.stop_at = stop_at
        self.on_batch = on_batch
        self.given: list[list[str]] = []

    def map(self, batches: Iterable[list[RawPage]]) -> Iterator[list[Outcome]]:
        for k, batch in enumerate(batches):
            if k == self.stop_at:
                raise KeyboardInterrupt
            self.on_batch()
            self.given.append([p.source for p in batch])
            yield [outcome(report_dict(_text(p), source=p.source, outlet=p.outlet,
                                       published=p.published, url=p.url)) for p in batch]

    def close(self) -> None:
        pass


def _text(page: RawPage) -> str:
    return page.data.decode() if isinstance(page.data, bytes) else page.data


def records_with_copies() -> list[dict]:
    """Short stories; a long one near the end (it goes out early); an exact copy under
    another id and a wire copy of an undated story (which the store links to the first)."""
    records = synthetic_records(30)
    records[27]["text"] = "\n\n".join([records[27]["text"]] * 4)
    records.append(dict(records[3], id="copy-of-3"))
    wire = records[5]["text"].rsplit("\n\n", 1)[0] + "\n\nThe agency contributed."
    records.append(dict(records[5], id="wire-5", text=wire, published=None,
                        outlet="Coast Wire"))
    records[5]["published"] = None
    return records


def stored_in_order(store) -> list[tuple]:
    p = t.pages.c
    with store.engine.connect() as conn:
        rows = conn.execute(sa.select(p.source, p.duplicate_of, p.duplicate_kind)
                            .order_by(p.seq)).all()
    return [tuple(r) for r in rows]


def test_pages_sent_out_of_order_are_stored_in_input_order(store, tmp_path: Path):
    records = records_with_copies()
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in records))
    engine = Scripted(workers=2)
    summary = ingest([str(src)], store, engine=engine, batch_chars=2000, group=False)
    sent = [s for batch in engine.given for s in batch]
    assert sorted(sent) == sorted(r["id"] for r in records)
    assert sent.index("story-027") < sent.index("story-026")    # the long page went early
    assert (summary.stored, summary.duplicates) == (31, 2)    # stored: 30 + the wire copy
    ids = {p.source: p.id for p in queries.pages(store)}
    written = stored_in_order(store)
    assert [r[0] for r in written] == [r["id"] for r in records if r["id"] != "copy-of-3"]
    # the exact copy is an input of story-003's page; the wire copy points at story 5
    assert ("wire-5", ids["story-005"], "syndication") in written
    assert all(dup is None for source, dup, _ in written if source != "wire-5")


def test_ctrl_c_ends_the_run_as_interrupted_with_what_was_written(store, tmp_path: Path):
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in synthetic_records(20)))
    engine = Scripted(workers=1, stop_at=2)
    summary = ingest([str(src)], store, engine=engine, batch_chars=2000, group=False)
    done = sum(len(b) for b in engine.given)
    assert summary.interrupted
    assert (summary.stored, len(queries.pages(store))) == (done, done)
    assert [r.status for r in queries.runs(store)] == ["interrupted"]


class Counting:
    """A fetcher that serves a short story at every URL and counts the requests."""

    def __init__(self) -> None:
        self.fetched = 0
        self.records = synthetic_records(40)

    def fetch(self, url: str) -> Fetched:
        self.fetched += 1
        record = self.records[int(url.rsplit("/", 1)[1])]
        body = record["title"] + "\n\n" + record["text"]
        return Fetched(url, 200, "text/plain", body.encode())

    def close(self) -> None:
        pass


def test_the_first_batch_goes_out_after_a_few_pages_are_fetched(store, tmp_path: Path):
    """Fetching is slow (one request a second per host): workers start on the first
    pages, not once a few hundred are in."""
    urls = tmp_path / "urls.txt"
    urls.write_text("".join(f"http://news.test/{i}\n" for i in range(40)))
    fetcher = Counting()
    when: list[int] = []
    engine = Scripted(workers=2, on_batch=lambda: when.append(fetcher.fetched))
    summary = ingest([str(urls)], store, engine=engine, fetcher_factory=lambda: fetcher,
                     batch_chars=2000, group=False)
    assert summary.stored == 40
    assert when[0] <= 8 and when[1] <= 8
