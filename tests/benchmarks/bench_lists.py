"""Reception list at 1,000,000 contacts: open, page, sort by each column, search — each ≤ 100 ms."""

from __future__ import annotations

import argparse
import sys

import pytest
from bench_common import best_of, demo_database, print_timings

TARGET_MS = 100.0


def run(rows: int, database: str = "") -> list[tuple[str, float, float]]:
    """The cases on the demo site of ``rows`` contacts: its SQLite file, or ``database`` (a server URL holding it)."""
    from frontdesk.paths import data_paths
    from frontdesk.services.core import auth, system
    from frontdesk.services.core.listing import ListQuery
    from frontdesk.services.reception import contacts as reception
    from frontdesk.settings import Settings

    folder = demo_database(rows)
    system.start(data_paths(folder), Settings(database=database), backup_on_start=False)
    actor = auth.login("admin", "admin123")
    sample = reception.list_contacts(actor, ListQuery(page=1234, page_size=50)).rows[7]
    from frontdesk.services.core.listing import cursor

    deep = reception.list_contacts(actor, ListQuery(page=10_000)).rows
    cases: list[tuple[str, ListQuery]] = [
        ("open page (newest first)", ListQuery()),
        ("next page", ListQuery(page=1)),
        ("next page from page 10,000", ListQuery(page=10_001, after=cursor(deep[-1]))),
        ("previous page from page 10,000", ListQuery(page=9_999, before=cursor(deep[0]))),
        ("jump to page 10,000 (no UI path)", ListQuery(page=10_000)),
        ("last page", ListQuery(page=10**9)),
    ]
    for key in reception.CONTACT_SORT:
        cases.append((f"sort by {key} ↑", ListQuery(sort_key=key)))
        cases.append((f"sort by {key} ↓", ListQuery(sort_key=key, descending=True)))
    cases += [
        ("search number", ListQuery(search=sample["number"])),
        ("search phone", ListQuery(search=sample["phone"] or "13800138000")),
        ("search name (2 chars)", ListQuery(search="王芳")),
        ("search surname (1 char)", ListQuery(search="王")),
        ("search text 2 chars (退款)", ListQuery(search="退款")),
        ("search text 4 chars (停车场收)", ListQuery(search="停车场收")),
        ("search text, rare (压缩机)", ListQuery(search="压缩机")),
        ("search + sort by phone", ListQuery(search="投诉", sort_key="phone")),
        ("filter category + status", ListQuery(filters={"category": "complaint", "status": "open"})),
        ("filter today", ListQuery(filters={"date_from": sample["received_at"].date(),
                                            "date_to": sample["received_at"].date()})),
    ]
    results = []
    for name, query in cases:
        median, best = best_of(lambda q=query: reception.list_contacts(actor, q))
        results.append((name, median, best))
    system.stop()
    return results


def report(rows: int) -> bool:
    return print_timings(f"Reception list at {rows:,} contacts, median of 5", run(rows), TARGET_MS)


@pytest.mark.benchmark
def test_reception_list_speed() -> None:
    assert report(1_000_000)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    sys.exit(0 if report(parser.parse_args().rows) else 1)
