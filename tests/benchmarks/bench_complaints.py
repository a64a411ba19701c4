"""Complaint list at the 1,000,000-row demo size: open, page, sort, filter, search, overdue count — ≤ 100 ms.

    .venv/bin/python tests/benchmarks/bench_complaints.py [--rows 1000000 | --data-dir FOLDER]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pytest
from bench_common import best_of, demo_database, print_timings

TARGET_MS = 100.0


def run(folder: Path) -> tuple[int, list[tuple[str, float, float]]]:
    from frontdesk.paths import data_paths
    from frontdesk.services.complaints import case_list as complaint_list
    from frontdesk.services.core import auth, system
    from frontdesk.services.core.listing import ListQuery
    from frontdesk.settings import Settings

    system.start(data_paths(folder), Settings(), backup_on_start=False)
    actor = auth.login("admin", "admin123")
    first = complaint_list.list_complaints(actor, ListQuery(page=3))
    sample = first.rows[7] if len(first.rows) > 7 else {"number": "S01-TS", "phone": "13800138000"}
    cases: list[tuple[str, object]] = [
        ("open page (newest first)", ListQuery()),
        ("next page", ListQuery(page=1)),
        ("last page", ListQuery(page=10**9)),
    ]
    for key in complaint_list.SORT:
        cases.append((f"sort by {key} ↓", ListQuery(sort_key=key, descending=True)))
    cases += [
        ("filter open only", ListQuery(filters={"open_only": True})),
        ("filter overdue", ListQuery(filters={"overdue": True})),
        ("filter stage 核实", ListQuery(filters={"stage": "verify"})),
        ("filter major + level 3", ListQuery(filters={"severity": "major", "level": 3})),
        ("search number", ListQuery(search=sample["number"])),
        ("search phone", ListQuery(search=sample["phone"] or "13800138000")),
        ("search name (王)", ListQuery(search="王")),
        ("search subject (退款)", ListQuery(search="退款")),
    ]
    results = [(name, *best_of(lambda q=q: complaint_list.list_complaints(actor, q))) for name, q in cases]
    results.append(("overdue count (status bar)", *best_of(lambda: complaint_list.overdue_count(actor))))
    total = first.total
    system.stop()
    return total, results


def report(folder: Path) -> bool:
    total, results = run(folder)
    return print_timings(f"Complaint list, {total:,} cases in {folder}, median of 5", results, TARGET_MS)


@pytest.mark.benchmark
def test_complaint_list_speed() -> None:
    assert report(demo_database(1_000_000))


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--data-dir", type=Path)
    args = parser.parse_args()
    sys.exit(0 if report(args.data_dir or demo_database(args.rows)) else 1)
