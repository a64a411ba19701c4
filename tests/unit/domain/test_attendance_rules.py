"""Attendance and fine rules: shift edges, midnight shifts, grace period, tiers, ranges, swaps, phone leave."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from decimal import Decimal

import pytest

from frontdesk.domain import attendance as rules
from frontdesk.domain import fines
from frontdesk.domain.attendance import AttendanceStatus as S

DAY = date(2026, 3, 10)
START, END = rules.shift_window(DAY, time(8), time(16))


def at(hour: int, minute: int = 0, day: date = DAY) -> datetime:
    return datetime.combine(day, time(hour, minute))


def test_day_shift_window_and_midnight_shifts() -> None:
    assert (START, END) == (at(8), at(16))
    night = rules.shift_window(DAY, time(22), time(6))
    assert night == (at(22), at(6, day=DAY + timedelta(days=1)))
    until_midnight = rules.shift_window(DAY, time(16), time(0))
    assert until_midnight[1] == datetime(2026, 3, 11, 0, 0)


@pytest.mark.parametrize(
    ("clock_in", "clock_out", "status", "late", "early"),
    [
        (at(8), at(16), S.NORMAL, 0, 0),
        (at(7, 40), at(16, 30), S.NORMAL, 0, 0),  # early in, late out: fine
        (at(8, 5), at(16), S.NORMAL, 5, 0),  # exactly the grace period
        (at(8, 6), at(16), S.LATE, 6, 0),  # one minute past it
        (at(8), at(15, 59), S.EARLY, 0, 1),
        (at(8, 20), at(15, 30), S.LATE, 20, 30),  # late wins, both minutes kept
    ],
)
def test_status_around_the_edges(clock_in, clock_out, status, late, early) -> None:  # noqa: ANN001
    outcome = rules.compute_status(START, END, clock_in, clock_out, at(17), grace_minutes=5)
    assert (outcome.status, outcome.late_minutes, outcome.early_minutes) == (status, late, early)


def test_grace_period_setting_changes_the_verdict() -> None:
    assert rules.compute_status(START, END, at(8, 10), at(16), at(17), grace_minutes=0).status is S.LATE
    assert rules.compute_status(START, END, at(8, 10), at(16), at(17), grace_minutes=10).status is S.NORMAL


def test_no_clock_in_is_pending_until_the_shift_ends_then_absent() -> None:
    assert rules.compute_status(START, END, None, None, at(15, 59)).status is S.SCHEDULED
    assert rules.compute_status(START, END, None, None, at(16)).status is S.ABSENT
    missing = rules.compute_status(START, END, at(8), None, at(17))
    assert missing.status is S.NORMAL and missing.missing_out


def test_midnight_shift_status() -> None:
    start, end = rules.shift_window(DAY, time(22), time(6))
    next_day = DAY + timedelta(days=1)
    ok = rules.compute_status(start, end, at(21, 55), at(6, 0, next_day), at(7, 0, next_day))
    assert ok.status is S.NORMAL
    late = rules.compute_status(start, end, at(0, 15, next_day), at(6, 0, next_day), at(7, 0, next_day))
    assert (late.status, late.late_minutes) == (S.LATE, 135)
    early = rules.compute_status(start, end, at(22), at(5, 40, next_day), at(7, 0, next_day))
    assert (early.status, early.early_minutes) == (S.EARLY, 20)
    assert rules.compute_status(start, end, None, None, at(23, 59)).status is S.SCHEDULED
    assert rules.compute_status(start, end, None, None, at(6, 0, next_day)).status is S.ABSENT


def test_leave_swap_and_phone_leave() -> None:
    assert rules.compute_status(START, END, None, None, at(17), on_leave=True).status is S.LEAVE
    assert rules.compute_status(START, END, at(8), at(16), at(17), swapped=True).status is S.SWAPPED
    assert rules.compute_status(START, END, at(8, 30), at(16), at(17), swapped=True).status is S.LATE
    assert rules.compute_status(START, END, None, None, at(17), on_leave=True, absent_by_leave=True).status is S.ABSENT
    deadline = at(9)
    assert not rules.phone_leave_absent(deadline, False, at(8, 59))
    assert rules.phone_leave_absent(deadline, False, at(9))
    assert not rules.phone_leave_absent(deadline, True, at(12))


def test_swap_needs_one_shift_ahead_and_clock_checks() -> None:
    assert rules.swap_problem(START, END, at(0)) is None  # exactly one 8-hour shift ahead
    assert rules.swap_problem(START, END, at(0, 1)) is not None
    assert rules.clock_problem(START, END, at(5, 59), None) is not None
    assert rules.clock_problem(START, END, at(8), at(7)) is not None
    assert rules.clock_problem(START, END, None, at(16)) is not None
    assert rules.clock_problem(START, END, at(8), at(16)) is None
    assert rules.can_clock_in_window(START, END, at(6)) and not rules.can_clock_in_window(START, END, at(16))


def test_lateness_tiers() -> None:
    tiers = fines.LATENESS_TIERS
    assert fines.tier_amount(tiers, 1) == Decimal(10)
    assert fines.tier_amount(tiers, 15) == Decimal(10)
    assert fines.tier_amount(tiers, 16) == Decimal(20)
    assert fines.tier_amount(tiers, 60) == Decimal(50)
    assert fines.tier_amount(tiers, 61) is None  # beyond the last tier: 旷工
    assert fines.parse_tiers(fines.tiers_text(tiers)) == tiers
    assert fines.parse_tiers("15：10，30:20") == ((15, Decimal(10)), (30, Decimal(20)))


def test_amount_ranges_per_rule() -> None:
    by_code = {r.code: r for r in fines.DEFAULT_RULES}
    assert {f"R{i:02d}" for i in range(1, 12)} | {f"W{i:02d}" for i in range(1, 9)} | {
        f"L{i:02d}" for i in range(1, 7)} == set(by_code)
    r05 = by_code["R05"]
    assert fines.amount_problem(r05, Decimal(100)) is None and fines.amount_problem(r05, Decimal(200)) is None
    assert "100–200" in fines.amount_problem(r05, Decimal(99))
    assert fines.amount_problem(r05, Decimal("200.01")) is not None
    assert fines.amount_problem(by_code["R01"], Decimal(6)) is not None
    w08 = by_code["W08"]
    assert fines.amount_problem(w08, Decimal(60), quantity=3) is None
    assert fines.amount_problem(w08, Decimal(20), quantity=3) is not None
    assert fines.amount_problem(r05, Decimal(200), quantity=2) is not None  # not counted per time
    assert by_code["R10"].dismissal is fines.Dismissal.ALWAYS and by_code["W03"].unit is fines.Unit.PER_PERSON
    assert by_code["R05"].range_text == "100–200" and by_code["W03"].range_text == "10/人"
