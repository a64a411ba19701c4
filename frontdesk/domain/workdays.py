"""Working-day calendar for mainland China: statutory holidays, make-up workdays and local overrides."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime, time, timedelta
from itertools import accumulate

import chinese_calendar

from frontdesk.errors import Message, T

ONE_DAY = timedelta(days=1)
Interval = tuple[datetime, datetime | None]
"""A (start, end) pair; ``end=None`` means "still open" (runs to the end of whatever span is measured)."""


def _as_date(d: date) -> date:
    return d.date() if isinstance(d, datetime) else d


def _midnight(d: date, like: datetime) -> datetime:
    """00:00 of ``d`` with the same tzinfo as ``like``."""
    return datetime.combine(d, time(), tzinfo=like.tzinfo)


def active_intervals(
    a: datetime, b: datetime, paused: Iterable[Interval] = ()
) -> list[tuple[datetime, datetime]]:
    """The parts of ``[a, b]`` not covered by any paused interval, in order (overlapping pauses allowed)."""
    cuts = sorted((max(s, a), min(e or b, b)) for s, e in paused)
    out: list[tuple[datetime, datetime]] = []
    cursor = a
    for s, e in cuts:
        if e <= max(s, cursor) or s >= b:
            continue
        if s > cursor:
            out.append((cursor, s))
        cursor = max(cursor, e)
    if cursor < b:
        out.append((cursor, b))
    return out


def gap_warning(years: Iterable[int]) -> Message | None:
    """The warning shown while deadlines of ``years`` are counted Monday–Friday for want of holiday data."""
    missing = sorted(set(years))
    if not missing:
        return None
    return T("warnings", "{0} 年的法定节假日数据缺失，工作日暂按周一至周五计算；"
                         "请主管在“节假日设置”中导入放假安排文件，或逐日录入放假和调休日期。").format(
        "、".join(str(y) for y in missing))


class WorkCalendar:
    """Which days are working days, and working-time arithmetic over them.

    Precedence for a date: ``overrides`` (True = workday, False = day off) win; then the
    ``chinesecalendar`` package (statutory holidays and 调休 make-up workdays); for a year the package
    does not cover, Monday–Friday. A year in ``schedule_years`` has its whole statutory schedule in the
    overrides (imported from a holiday file), so it is covered; any other year the package lacks is added
    to :attr:`fallback_years` when first consulted.

    Working time is counted in whole calendar days: every instant of a working day counts (a working
    day is 24 h of working time, not office hours), no instant of a day off counts. Intervals are
    half-open, so a deadline at 00:00 means "by the end of the previous day". Datetimes are local
    wall-clock time (naive, or aware with a fixed offset; China has no DST).
    """

    def __init__(self, overrides: Mapping[date, bool] | None = None, schedule_years: Iterable[int] = ()) -> None:
        self._overrides = {_as_date(d): bool(v) for d, v in (overrides or {}).items()}
        self.schedule_years = frozenset(schedule_years)
        self._years: dict[int, tuple[bytes, list[int]]] = {}
        self._covers: dict[int, bool] = {}
        self.fallback_years: set[int] = set()

    # --- days -------------------------------------------------------------------------------

    def covers(self, year: int) -> bool:
        """Whether ``year``'s holidays are known: from the package, or imported into the overrides."""
        return year in self.schedule_years or self.package_covers(year)

    def package_covers(self, year: int) -> bool:
        """Whether the ``chinesecalendar`` package has holiday data for ``year``."""
        if year not in self._covers:
            try:
                chinese_calendar.is_workday(date(year, 1, 1))
            except NotImplementedError:
                self._covers[year] = False
            else:
                self._covers[year] = True
        return self._covers[year]

    def fallback_warning(self) -> Message | None:
        """A message for the UI when some consulted year was computed Monday–Friday, else None."""
        return gap_warning(self.fallback_years)

    def _year(self, year: int) -> tuple[bytes, list[int]]:
        """Per-year cache: one flag per day of the year and running workday counts (prefix sums)."""
        cached = self._years.get(year)
        if cached is None:
            in_package = self.package_covers(year)
            if not self.covers(year):
                self.fallback_years.add(year)
            first = date(year, 1, 1)
            days = (first + timedelta(days=i) for i in range((date(year + 1, 1, 1) - first).days))
            flags = bytes(self._decide(d, in_package) for d in days)
            cached = self._years[year] = (flags, [0, *accumulate(flags)])
        return cached

    def _decide(self, d: date, covered: bool) -> bool:
        if d in self._overrides:
            return self._overrides[d]
        if covered:
            return chinese_calendar.is_workday(d)
        return d.weekday() < 5

    def is_workday(self, d: date) -> bool:
        """Whether ``d`` (a date, or the date part of a datetime) is a working day."""
        d = _as_date(d)
        return bool(self._year(d.year)[0][d.timetuple().tm_yday - 1])

    def workdays_between(self, a: date, b: date) -> int:
        """Number of working days in ``[a, b)`` (``a`` counted, ``b`` not); negative when ``b < a``."""
        a, b = _as_date(a), _as_date(b)
        if b < a:
            return -self.workdays_between(b, a)
        total = 0
        for year in range(a.year, b.year + 1):
            _, prefix = self._year(year)
            lo = a.timetuple().tm_yday - 1 if year == a.year else 0
            hi = b.timetuple().tm_yday - 1 if year == b.year else len(prefix) - 1
            total += prefix[hi] - prefix[lo]
        return total

    def next_workday(self, d: date) -> date:
        """The first working day strictly after ``d``."""
        d = _as_date(d) + ONE_DAY
        while not self.is_workday(d):
            d += ONE_DAY
        return d

    # --- working time -----------------------------------------------------------------------

    def working_time(self, a: datetime, b: datetime) -> timedelta:
        """Working time between two instants (the parts of ``[a, b)`` on working days); negative if b < a."""
        if b < a:
            return -self.working_time(b, a)
        da, db = a.date(), b.date()
        if da == db:
            return b - a if self.is_workday(da) else timedelta(0)
        total = timedelta(0)
        if self.is_workday(da):
            total += _midnight(da + ONE_DAY, a) - a
        total += ONE_DAY * self.workdays_between(da + ONE_DAY, db)
        if self.is_workday(db):
            total += b - _midnight(db, b)
        return total

    def elapsed_working_time(self, a: datetime, b: datetime, paused: Iterable[Interval] = ()) -> timedelta:
        """Working time in ``[a, b)`` minus the working time inside ``paused`` intervals (0 if b <= a).

        Paused intervals may overlap each other or stick out of ``[a, b)``; an interval with
        ``end=None`` is still open and counts as paused up to ``b``.
        """
        return sum((self.working_time(s, e) for s, e in active_intervals(a, b, paused)), start=timedelta(0))

    def add_working_time(self, start: datetime, amount: timedelta) -> datetime:
        """The earliest instant ``t`` with ``working_time(start, t) == amount`` (``amount`` >= 0).

        Time on days off is skipped, so a start on a day off begins counting at 00:00 of the next
        working day, and a result that exactly fills a working day is 00:00 of the following day.
        """
        if amount < timedelta(0):
            raise ValueError("amount must not be negative")
        if not amount:
            return start
        cursor, left = start, amount
        while True:
            day_end = _midnight(cursor.date() + ONE_DAY, cursor)
            if self.is_workday(cursor):
                if left <= day_end - cursor:
                    return cursor + left
                left -= day_end - cursor
            cursor = day_end

    def add_workdays(self, start: datetime, n: int) -> datetime:
        """Deadline ``n`` working days after ``start``, keeping the time of day.

        - ``start`` on a working day at time T: T on the n-th working day after ``start``'s date
          (Fri 10:00 + 1 → next working day 10:00; holidays and weekends skipped, 调休 days counted).
        - ``start`` on a day off: counting begins at 00:00 of the next working day W, so the
          result is 00:00 of the day after the n-th working day counted from W inclusive — i.e. the
          end of that working day (received on Saturday, 1 working day → end of Monday = Tue 00:00).
        - ``n == 0`` returns ``start`` unchanged; negative ``n`` raises ValueError.

        This equals ``add_working_time(start, n days)``: n × 24 h of working time.
        """
        if n < 0:
            raise ValueError("n must not be negative")
        return self.add_working_time(start, timedelta(days=n))
