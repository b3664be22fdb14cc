"""How pages are cut into batches for the workers: every worker starts at once, batches
stay under the volume cap, and the run's tail is cut fine so the workers finish together."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from newsaudit.corpus.schedule import (
    HTML_PAGE_CHARS,
    START_FRACTION,
    InOrder,
    cut,
    volume,
)
from newsaudit.ingest.raw import RawPage


def pages_of(sizes: list[int], fmt: str = "text") -> list[RawPage]:
    return [RawPage(f"p{i}", "x" * size, fmt) for i, size in enumerate(sizes)]


@pytest.mark.parametrize(("sizes", "workers", "max_chars"), [
    ([5000] * 40, 2, 20_000),
    ([1000] * 27 + [9000] + [1000] * 2, 2, 8000),
    ([300, 25_000, 40, 7000, 7000, 90_000, 2, 1200] * 9, 3, 30_000),
    ([100] * 500, 4, 5000),
    ([50_000], 2, 8000),
    ([], 2, 8000),
])
def test_every_page_goes_out_once_and_no_batch_passes_the_cap(sizes, workers, max_chars):
    batches = list(cut(pages_of(sizes), workers=workers, max_chars=max_chars, max_pages=16))
    positions = sorted(i for b in batches for i in b.positions)
    assert positions == list(range(len(sizes)))
    for b in batches:
        assert [p.source for p in b] == [f"p{i}" for i in b.positions]
        assert 1 <= len(b) <= 16
        assert b.volume <= max_chars or len(b) == 1


def test_each_worker_gets_a_small_batch_before_any_full_one():
    batches = list(cut(pages_of([1000] * 40), workers=2, max_chars=8000))
    assert [b.positions for b in batches[:3]] == [[0, 1], [2, 3], list(range(4, 12))]
    assert all(b.volume <= 8000 // START_FRACTION for b in batches[:2])


def test_the_first_batch_goes_out_as_soon_as_its_pages_are_read():
    """The cutter reads ahead to know the tail, but not before the workers have work."""
    read: list[int] = []

    def reader() -> Iterator[RawPage]:
        for page in pages_of([1000] * 200):
            read.append(1)
            yield page

    batches = cut(reader(), workers=2, max_chars=8000)
    assert next(batches).positions == [0, 1]
    assert len(read) == 2
    assert next(batches).positions == [2, 3]
    assert len(read) == 4


def test_the_tail_is_cut_finer_as_the_run_ends():
    batches = list(cut(pages_of([5000] * 40), workers=2, max_chars=20_000))
    # two small first batches, full batches while 80,000 characters are read ahead, then
    # batches of a quarter of what is left, down to single pages
    assert [len(b) for b in batches] == [1, 1, 4, 4, 4, 4, 4, 4, 3, 2, 2, 1, 1, 1, 1, 1, 1, 1]
    assert [i for b in batches for i in b.positions] == list(range(40))


def test_a_large_page_near_the_end_goes_out_before_the_smaller_pages_before_it():
    sizes = [1000] * 30
    sizes[27] = 9000
    batches = [b.positions for b in cut(pages_of(sizes), workers=2, max_chars=8000)]
    assert batches == [
        [0, 1], [2, 3], list(range(4, 12)),
        [27],                                  # more than the next batch: alone, first
        [12, 13, 14, 15], [16, 17, 18], [19, 20], [21, 22],
        [23], [24], [25], [26], [28], [29],
    ]


def test_a_large_page_in_the_steady_part_keeps_its_place():
    sizes = [1000] * 60
    sizes[10] = 30_000
    batches = [b.positions for b in cut(pages_of(sizes), workers=2, max_chars=8000)]
    assert [10] in batches
    flat = [i for b in batches for i in b]
    assert flat[:15] == list(range(15))


def test_one_worker_gets_every_page_in_order():
    sizes = [300, 25_000, 40, 7000, 7000, 2, 1200] * 5
    batches = list(cut(pages_of(sizes), workers=1, max_chars=10_000))
    assert sorted(i for b in batches for i in b.positions) == list(range(len(sizes)))


@pytest.mark.parametrize(("page", "expected"), [
    (RawPage("a.txt", "word " * 600, "text"), 3000),
    (RawPage("a.html", b"<html><body>" + b"x" * 300_000, "html"), HTML_PAGE_CHARS),
    (RawPage("a", "  <!DOCTYPE html><html>" + "x" * 90_000, None), HTML_PAGE_CHARS),
    (RawPage("a", b"\n<html>" + b"x" * 90_000, None), HTML_PAGE_CHARS),
    (RawPage("a.html", "<p>short</p>", "html"), 12),
    (RawPage("a", "Plain text, < 5 per cent " * 100, None), 2500),
])
def test_an_html_page_weighs_its_text_not_its_markup(page, expected):
    assert volume(page) == expected


def test_html_pages_are_batched_by_their_weight():
    html = [RawPage(f"h{i}.html", b"<html>" + b"x" * 200_000, "html") for i in range(40)]
    batches = list(cut(html, workers=1, max_chars=20_000))
    assert [len(b) for b in batches[:3]] == [2, 8, 8]


def test_in_order_gives_items_back_in_input_order():
    held: InOrder[str] = InOrder()
    held.put(2, "c")
    held.put(1, "b")
    assert list(held.ready()) == []
    held.put(0, "a")
    assert list(held.ready()) == ["a", "b", "c"]
    held.put(4, "e")
    assert (list(held.ready()), len(held)) == ([], 1)
    held.put(3, "d")
    assert list(held.ready()) == ["d", "e"]
    assert len(held) == 0
