"""Dashboard and reports at 1,000,000 contacts: the 工作台 figures and each monthly report compute ≤ 1 s.

    .venv/bin/python tests/benchmarks/bench_reports.py [--rows 1000000]
"""

from __future__ import annotations

import argparse
import sys
from datetime import date, timedelta

import pytest
from bench_common import best_of, demo_database, print_timings

TARGET_MS = 1000.0


def run(rows: int) -> list[tuple[str, float, float]]:
    from frontdesk.domain.report import Period, month_period, week_period
    from frontdesk.paths import data_paths
    from frontdesk.services.core import auth, system
    from frontdesk.services.reports import daily as reports_daily
    from frontdesk.services.reports import dashboard as reports_dashboard
    from frontdesk.services.reports import monthly as reports_monthly
    from frontdesk.services.reports import personnel as reports_personnel
    from frontdesk.services.reports import weekly as reports_weekly
    from frontdesk.settings import Settings

    folder = demo_database(rows)
    system.start(data_paths(folder), Settings(), backup_on_start=False)
    actor = auth.login("admin", "admin123")
    today = date.today()
    last = today.replace(day=1) - timedelta(days=1)
    month = month_period(last.year, last.month)
    cases = [
        ("dashboard (工作台)", lambda: reports_dashboard.dashboard(actor)),
        ("daily summary, today", lambda: reports_daily.daily_summary(actor, Period(today, today))),
        ("daily summary, last month", lambda: reports_daily.daily_summary(actor, month)),
        ("weekly analysis, last week", lambda: reports_weekly.weekly_analysis(actor, week_period(today - timedelta(7)))),
        ("weekly analysis over a month", lambda: reports_weekly.weekly_analysis(actor, month)),
        ("monthly service quality", lambda: reports_monthly.service_quality(actor, month)),
    ]
    if reports_personnel.fines_available():
        cases.append(("monthly fines table", lambda: reports_personnel.fines_table(actor, month)))
    if reports_personnel.assessments_available():
        cases.append(("assessment results, last month", lambda: reports_personnel.assessment_results(actor, month)))
    results = [(name, *best_of(fn, repeat=3)) for name, fn in cases]
    system.stop()
    return results


def report(rows: int) -> bool:
    return print_timings(f"Dashboard and reports at {rows:,} contacts, median of 3", run(rows), TARGET_MS)


@pytest.mark.benchmark
def test_reports_speed() -> None:
    assert report(1_000_000)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    sys.exit(0 if report(parser.parse_args().rows) else 1)
