"""Weekly hot topics by word segmentation at 1,000,000 contacts: the month's request texts grouped in SQL,
segmented by rjieba with the site dictionary, and the whole weekly analysis over a month, each ≤ 1 s.

    .venv/bin/python tests/benchmarks/bench_hot_topics.py [--rows 1000000]
"""

from __future__ import annotations

import argparse
import sys
from datetime import date, timedelta

import pytest
from bench_common import NOT_A_UI_PATH, best_of, demo_database, print_timings

TARGET_MS = 1000.0


def run(rows: int) -> list[tuple[str, float, float]]:
    from frontdesk.domain.report import month_period
    from frontdesk.paths import data_paths
    from frontdesk.services.core import auth, system
    from frontdesk.services.reports import weekly, weekly_words
    from frontdesk.settings import Settings

    folder = demo_database(rows)
    system.start(data_paths(folder), Settings(), backup_on_start=False)
    actor = auth.login("admin", "admin123")
    last = date.today().replace(day=1) - timedelta(days=1)
    month = month_period(last.year, last.month)
    texts = list(weekly._requests(month))
    contacts = sum(n for _t, n in texts)
    print(f"  last month: {contacts:,} contacts, {len(texts):,} distinct request texts")
    segmenter = weekly_words.current_segmenter()
    # the worst case: every contact's text different (demo texts repeat; a real desk's mostly do not)
    distinct = [f"{text}，第{i}次来电" for i, (text, n) in enumerate(texts) for _ in range(n)]
    cases = [
        (f"request texts grouped in SQL {NOT_A_UI_PATH}", lambda: list(weekly._requests(month))),
        (f"segmenting them {NOT_A_UI_PATH}", lambda: segmenter.count(texts)),
        (f"segmenting {len(distinct):,} distinct texts {NOT_A_UI_PATH}", lambda: segmenter.count(distinct)),
        ("weekly analysis over a month", lambda: weekly.weekly_analysis(actor, month)),
    ]
    results = [(name, *best_of(fn, repeat=3)) for name, fn in cases]
    system.stop()
    return results


def report(rows: int) -> bool:
    return print_timings(f"Hot topics at {rows:,} contacts, median of 3", run(rows), TARGET_MS)


@pytest.mark.benchmark
def test_hot_topics_speed() -> None:
    assert report(1_000_000)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    sys.exit(0 if report(parser.parse_args().rows) else 1)
