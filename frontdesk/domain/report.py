"""What a computed report holds (key figures, tables, chart data), independent of screen, paper or Excel."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Literal

from frontdesk.errors import T

CellKind = Literal["text", "int", "percent", "number", "money", "date"]
ChartKind = Literal["bar", "hbar", "line", "pie"]


@dataclass(frozen=True)
class Period:
    """Whole days ``first``..``last`` (both included): from ``first`` 00:00 to the midnight after ``last``.

    ``site``: one site's records only (head office, a site code), or None for every site in the database."""

    first: date
    last: date
    site: str | None = None

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise ValueError("a period ends on or after its first day")

    @property
    def start(self) -> datetime:
        return datetime.combine(self.first, time.min)

    @property
    def end(self) -> datetime:
        """The first moment after the period (exclusive bound)."""
        return datetime.combine(self.last + timedelta(days=1), time.min)

    @property
    def days(self) -> list[date]:
        return [self.first + timedelta(days=i) for i in range((self.last - self.first).days + 1)]

    def text(self) -> str:
        """The period as shown (a Message: 2026-11-01 至 2026-11-30)."""
        if self.first == self.last:
            return f"{self.first:%Y-%m-%d}"
        return T("reports", "{0} 至 {1}").format(f"{self.first:%Y-%m-%d}", f"{self.last:%Y-%m-%d}")


def month_period(year: int, month: int) -> Period:
    """The calendar month, first to last day (28–31 days)."""
    nxt = date(year + month // 12, month % 12 + 1, 1)
    return Period(date(year, month, 1), nxt - timedelta(days=1))


def week_period(day: date) -> Period:
    """Monday to Sunday of the week holding ``day``."""
    monday = day - timedelta(days=day.weekday())
    return Period(monday, monday + timedelta(days=6))


@dataclass(frozen=True)
class ReportColumn:
    """A column header and how its cells are shown (percent: a fraction 0–1; number: one decimal)."""

    header: str
    kind: CellKind = "text"


@dataclass
class ReportTable:
    """A titled table; ``key`` names its Excel sheet."""

    key: str
    title: str
    columns: list[ReportColumn]
    rows: list[list[Any]] = field(default_factory=list)
    note: str = ""


@dataclass
class Chart:
    """Chart data: category labels along one axis, one value list per series (pie: the first series); a line's
    values may stop before its last category (a month's days not yet come are not plotted)."""

    title: str
    kind: ChartKind
    categories: list[str]
    series: list[tuple[str, list[float]]]

    @property
    def empty(self) -> bool:
        return not self.categories or all(not any(values) for _name, values in self.series)


@dataclass
class Report:
    """A computed report: key figures first, then tables, then charts."""

    key: str
    title: str
    period: Period
    figures: list[tuple[str, str]] = field(default_factory=list)
    tables: list[ReportTable] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    anchored: bool = False  # a sheet managers sign: printed with the audit chain's head (its short code)

    def table(self, key: str) -> ReportTable:
        return next(t for t in self.tables if t.key == key)


def ratio(part: int, whole: int) -> Decimal | None:
    """``part / whole`` as a fraction rounded to 4 places; None when there is nothing to divide by."""
    if not whole:
        return None
    return (Decimal(part) / Decimal(whole)).quantize(Decimal("0.0001"), ROUND_HALF_UP)


def one_decimal(value: float | Decimal | None) -> Decimal | None:
    return None if value is None else Decimal(str(value)).quantize(Decimal("0.1"), ROUND_HALF_UP)


def cell_text(value: Any, kind: CellKind) -> str:
    """How a cell prints: percent with one decimal, numbers with one, money with two, '—' for None."""
    if value is None:
        return "—" if kind in ("percent", "number", "money") else ""
    if kind == "percent":
        return f"{Decimal(value) * 100:.1f}%"
    if kind == "number":
        return f"{Decimal(value):.1f}"
    if kind == "money":
        return f"{Decimal(value):,.2f}"
    if kind == "int":
        return f"{int(value):,}"
    if kind == "date" and isinstance(value, date):
        return f"{value:%Y-%m-%d}"
    return str(value)


def localize(report: Report, text: Callable[[str], str]) -> Report:
    """A copy of ``report`` with every text (title, figures, headers, text cells, charts, notes) put through
    ``text`` — the UI's translator of Messages, which leaves data (names, free text) as it is."""

    def tr(value: Any) -> Any:
        return text(value) if isinstance(value, str) else value

    tables = [ReportTable(t.key, tr(t.title), [ReportColumn(tr(c.header), c.kind) for c in t.columns],
                          [[tr(v) for v in row] for row in t.rows], tr(t.note)) for t in report.tables]
    charts = [Chart(tr(c.title), c.kind, [tr(x) for x in c.categories], [(tr(n), list(v)) for n, v in c.series])
              for c in report.charts]
    return Report(report.key, tr(report.title), report.period, [(tr(k), tr(v)) for k, v in report.figures],
                  tables, charts, [tr(n) for n in report.notes], report.anchored)
