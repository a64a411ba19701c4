"""Working-day calendar over real dates: National Day 2025, Spring Festival 2026, fallback years."""

from datetime import date, timedelta
from datetime import datetime as dt

import chinese_calendar
import pytest

from frontdesk.domain.workdays import WorkCalendar, active_intervals


@pytest.fixture
def cal() -> WorkCalendar:
    return WorkCalendar()


# Truth as published in chinesecalendar 1.11.0 (printed, not guessed).
# National Day + Mid-Autumn 2025: Oct 1–8 off; make-up workdays Sun Sep 28 and Sat Oct 11.
# Spring Festival 2026: Feb 15 (Sun) – Feb 23 (Mon) off; make-up workdays Sat Feb 14 and Sat Feb 28.
@pytest.mark.parametrize(
    ("day", "workday"),
    [
        (date(2025, 9, 26), True),  # Fri
        (date(2025, 9, 27), False),  # Sat, ordinary weekend
        (date(2025, 9, 28), True),  # Sun, make-up workday
        (date(2025, 9, 30), True),
        *((date(2025, 10, d), False) for d in range(1, 9)),
        (date(2025, 10, 9), True),
        (date(2025, 10, 11), True),  # Sat, make-up workday
        (date(2025, 10, 12), False),  # Sun
        (date(2026, 2, 13), True),  # Fri
        (date(2026, 2, 14), True),  # Sat, make-up workday
        *((date(2026, 2, d), False) for d in range(15, 24)),
        (date(2026, 2, 24), True),
        (date(2026, 2, 28), True),  # Sat, make-up workday
        (date(2026, 3, 1), False),  # Sun
    ],
)
def test_is_workday_follows_the_package(cal: WorkCalendar, day: date, workday: bool) -> None:
    assert cal.is_workday(day) is workday
    assert cal.is_workday(dt.combine(day, dt.min.time())) is workday
    assert cal.fallback_years == set()


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        (dt(2025, 9, 26, 10), 1, dt(2025, 9, 28, 10)),  # Fri → Sun make-up workday
        (dt(2025, 9, 28, 9, 30), 1, dt(2025, 9, 29, 9, 30)),  # starts on a make-up workday
        (dt(2025, 9, 30, 10), 1, dt(2025, 10, 9, 10)),  # across National Day
        (dt(2025, 9, 30, 10), 2, dt(2025, 10, 10, 10)),
        (dt(2025, 10, 11, 9), 1, dt(2025, 10, 13, 9)),  # Sat make-up workday → Mon
        # start on a day off: counting begins at 00:00 of the next workday, ends at its end
        (dt(2025, 9, 27, 15), 1, dt(2025, 9, 29, 0)),  # Sat → whole of Sun Sep 28
        (dt(2025, 10, 4, 15), 1, dt(2025, 10, 10, 0)),  # holiday → whole of Thu Oct 9
        (dt(2025, 10, 4, 15), 3, dt(2025, 10, 12, 0)),  # Oct 9, 10, 11 (Sat make-up)
        # a start at 00:00 on a workday counts that whole day
        (dt(2025, 9, 30, 0), 1, dt(2025, 10, 1, 0)),
        (dt(2025, 10, 10, 0), 1, dt(2025, 10, 11, 0)),
        (dt(2026, 2, 13, 10), 1, dt(2026, 2, 14, 10)),  # Fri → Sat make-up workday
        (dt(2026, 2, 14, 10), 1, dt(2026, 2, 24, 10)),  # across Spring Festival
        (dt(2026, 2, 14, 10), 2, dt(2026, 2, 25, 10)),
        (dt(2026, 2, 15, 8), 1, dt(2026, 2, 25, 0)),  # inside the holiday → end of Feb 24
        (dt(2026, 2, 12, 16), 5, dt(2026, 2, 26, 16)),  # Feb 13, 14, 24, 25, 26
        (dt(2025, 10, 4, 15), 0, dt(2025, 10, 4, 15)),  # n = 0 leaves start alone
    ],
)
def test_add_workdays(cal: WorkCalendar, start: dt, n: int, expected: dt) -> None:
    assert cal.add_workdays(start, n) == expected
    assert cal.working_time(start, expected) == timedelta(days=n)


def test_add_workdays_rejects_negative(cal: WorkCalendar) -> None:
    with pytest.raises(ValueError):
        cal.add_workdays(dt(2025, 9, 30, 10), -1)
    with pytest.raises(ValueError):
        cal.add_working_time(dt(2025, 9, 30, 10), timedelta(hours=-1))


def test_add_workdays_from_midnight_matches_workdays_between(cal: WorkCalendar) -> None:
    day = date(2025, 9, 1)
    while day < date(2026, 3, 31):
        if cal.is_workday(day):
            for n in (1, 2, 5, 10):
                end = cal.add_workdays(dt.combine(day, dt.min.time()), n)
                assert end.time() == dt.min.time()
                assert cal.workdays_between(day, end.date()) == n
                assert cal.is_workday(end.date() - timedelta(days=1))
        day += timedelta(days=1)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (date(2025, 9, 27), date(2025, 10, 13), 6),  # Sep 28, 29, 30, Oct 9, 10, 11
        (date(2025, 10, 1), date(2025, 10, 9), 0),
        (date(2025, 10, 10), date(2025, 9, 29), -3),  # reversed: -(Sep 29, Sep 30, Oct 9)
        (date(2026, 2, 1), date(2026, 3, 1), 16),
        (date(2025, 1, 1), date(2026, 1, 1), 248),
        (date(2025, 5, 5), date(2025, 5, 5), 0),
    ],
)
def test_workdays_between(cal: WorkCalendar, a: date, b: date, expected: int) -> None:
    assert cal.workdays_between(a, b) == expected


def test_workdays_between_agrees_with_package() -> None:
    cal = WorkCalendar()
    starts = [date(2025, 1, 1) + timedelta(days=k) for k in range(0, 700, 37)]
    for a in starts:
        for length in (1, 6, 30, 90, 400):
            b = min(a + timedelta(days=length), date(2026, 12, 31))
            truth = len(chinese_calendar.get_workdays(a, b - timedelta(days=1))) if b > a else 0
            assert cal.workdays_between(a, b) == truth, (a, b)


def test_working_time_counts_only_working_days(cal: WorkCalendar) -> None:
    assert cal.working_time(dt(2025, 9, 30, 18), dt(2025, 10, 9, 9)) == timedelta(hours=15)
    assert cal.working_time(dt(2025, 10, 2, 8), dt(2025, 10, 2, 20)) == timedelta(0)
    assert cal.working_time(dt(2025, 10, 9, 8), dt(2025, 10, 9, 20)) == timedelta(hours=12)
    assert cal.working_time(dt(2025, 10, 9, 9), dt(2025, 9, 30, 18)) == -timedelta(hours=15)


def test_elapsed_working_time_excludes_pauses(cal: WorkCalendar) -> None:
    a, b = dt(2025, 9, 29, 9), dt(2025, 10, 9, 9)  # 15 + 24 + 9 = 48 h of working time
    assert cal.elapsed_working_time(a, b) == timedelta(hours=48)
    # paused Sep 30 10:00–14:00 (4 h) and again, overlapping, 12:00–16:00 → 6 h paused in all
    paused = [(dt(2025, 9, 30, 10), dt(2025, 9, 30, 14)), (dt(2025, 9, 30, 12), dt(2025, 9, 30, 16))]
    assert cal.elapsed_working_time(a, b, paused) == timedelta(hours=42)
    # a pause over the holiday only removes its working part (Sep 30 20:00–24:00)
    assert cal.elapsed_working_time(a, b, [(dt(2025, 9, 30, 20), dt(2025, 10, 8, 20))]) == timedelta(hours=44)
    # a still-open pause runs to b
    assert cal.elapsed_working_time(a, b, [(dt(2025, 9, 30, 0), None)]) == timedelta(hours=15)
    assert cal.elapsed_working_time(b, a) == timedelta(0)


@pytest.mark.parametrize(
    ("paused", "expected"),
    [
        ([], [(0, 10)]),
        ([(2, 4)], [(0, 2), (4, 10)]),
        ([(5, 7), (2, 4)], [(0, 2), (4, 5), (7, 10)]),
        ([(2, 6), (3, 4)], [(0, 2), (6, 10)]),  # nested
        ([(-5, 2), (8, 20)], [(2, 8)]),  # sticking out on both sides
        ([(3, None)], [(0, 3)]),  # still open
        ([(0, 10)], []),
        ([(6, 4)], [(0, 10)]),  # malformed (end before start) ignored
    ],
)
def test_active_intervals(paused: list, expected: list) -> None:
    t0 = dt(2025, 9, 29, 0)

    def at(h: int | None) -> dt | None:
        return None if h is None else t0 + timedelta(hours=h)

    got = active_intervals(at(0), at(10), [(at(s), at(e)) for s, e in paused])
    assert got == [(at(s), at(e)) for s, e in expected]


def test_uncovered_year_falls_back_to_monday_to_friday_and_is_recorded(cal: WorkCalendar) -> None:
    assert cal.covers(2026) and cal.covers(2004)
    assert not cal.covers(2031) and not cal.covers(2003)
    assert cal.fallback_years == set() and cal.fallback_warning() is None
    # 2031-01-01 is a Wednesday: in reality New Year's Day, but there is no data for 2031
    assert cal.is_workday(date(2031, 1, 1))
    assert not cal.is_workday(date(2031, 1, 4))  # Sat
    assert cal.add_workdays(dt(2031, 1, 3, 10), 1) == dt(2031, 1, 6, 10)  # Fri → Mon
    assert cal.fallback_years == {2031}
    warning = cal.fallback_warning()
    assert warning is not None and "2031" in warning


def test_fallback_across_the_year_boundary(cal: WorkCalendar) -> None:
    # Thu 2026-12-31 (package data) → Fri 2027-01-01 (no data: treated as an ordinary Friday)
    assert cal.add_workdays(dt(2026, 12, 31, 10), 1) == dt(2027, 1, 1, 10)
    assert cal.workdays_between(date(2026, 12, 28), date(2027, 1, 5)) == 6
    assert cal.fallback_years == {2027}


def test_overrides_win_over_package_and_fallback() -> None:
    cal = WorkCalendar(
        {
            date(2025, 10, 8): True,  # holiday made a workday
            date(2025, 9, 28): False,  # make-up workday made a day off
            date(2031, 1, 1): False,  # fallback year: New Year's Day entered by a manager
            dt(2031, 1, 4, 12): True,  # datetime keys are taken by their date (a Saturday)
        }
    )
    assert cal.is_workday(date(2025, 10, 8))
    assert not cal.is_workday(date(2025, 9, 28))
    assert not cal.is_workday(date(2031, 1, 1))
    assert cal.is_workday(date(2031, 1, 4))
    assert cal.add_workdays(dt(2025, 9, 26, 10), 1) == dt(2025, 9, 29, 10)
    assert cal.add_workdays(dt(2025, 9, 30, 10), 1) == dt(2025, 10, 8, 10)
    assert cal.add_workdays(dt(2030, 12, 31, 10), 1) == dt(2031, 1, 2, 10)
    assert cal.next_workday(date(2031, 1, 3)) == date(2031, 1, 4)
    assert cal.fallback_years == {2030, 2031}


def test_each_year_is_computed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[date] = []
    real = chinese_calendar.is_workday

    def counting(d: date) -> bool:
        calls.append(d)
        return real(d)

    monkeypatch.setattr(chinese_calendar, "is_workday", counting)
    cal = WorkCalendar()
    cal.add_workdays(dt(2025, 1, 2, 9), 200)
    first = len(calls)
    assert first <= 366 + 1  # one pass over 2025 (+ the coverage probe)
    cal.add_workdays(dt(2025, 3, 2, 9), 100)
    cal.workdays_between(date(2025, 1, 1), date(2025, 12, 31))
    assert len(calls) == first
