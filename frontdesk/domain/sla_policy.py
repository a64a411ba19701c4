"""A site's SLA policy (时限标准): which complaint clocks apply, their budgets, and the service hours they count."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Any

from frontdesk.domain.workdays import WorkCalendar
from frontdesk.errors import QT_TRANSLATE_NOOP, T


class Unit(StrEnum):
    """How a budget is counted: whole working days (workdays calendar) or hours (the site's service hours)."""

    WORKDAYS = "workdays"
    HOURS = "hours"


class ServiceDays(StrEnum):
    """Which days the desk serves: every day, or only working days (weekends and holidays skipped)."""

    ALL = "all"
    WORKDAYS = "workdays"


@dataclass(frozen=True)
class BudgetSpec:
    """One editable budget: its unit, the seeds' default, and whether a site may leave it unset (no clock)."""

    key: str
    label: str
    unit: Unit
    default: int | None
    optional: bool = False


# seed 001 (answer days, stage days), seed 000 template 2 (stages, remedies), seed 003 (level clocks)
BUDGETS: tuple[BudgetSpec, ...] = (
    BudgetSpec("answer_general", QT_TRANSLATE_NOOP("sla", "答复时限：一般投诉"), Unit.WORKDAYS, 5),
    BudgetSpec("answer_major", QT_TRANSLATE_NOOP("sla", "答复时限：重大投诉"), Unit.WORKDAYS, 10),
    BudgetSpec("stage_accept", QT_TRANSLATE_NOOP("sla", "受理（即时）"), Unit.HOURS, 1),
    BudgetSpec("stage_verify", QT_TRANSLATE_NOOP("sla", "核实"), Unit.WORKDAYS, 2),
    BudgetSpec("stage_plan", QT_TRANSLATE_NOOP("sla", "方案"), Unit.WORKDAYS, 1),
    BudgetSpec("stage_feedback", QT_TRANSLATE_NOOP("sla", "反馈（即时）"), Unit.HOURS, 1),
    BudgetSpec("stage_archive", QT_TRANSLATE_NOOP("sla", "归档总结"), Unit.WORKDAYS, 3),
    BudgetSpec("remedy_refund", QT_TRANSLATE_NOOP("sla", "执行：退款到账"), Unit.HOURS, 24),
    BudgetSpec("remedy_exchange", QT_TRANSLATE_NOOP("sla", "执行：换货发出"), Unit.HOURS, 48),
    BudgetSpec("respond_1", QT_TRANSLATE_NOOP("sla", "1级（一般）响应"), Unit.HOURS, None, True),
    BudgetSpec("resolve_1", QT_TRANSLATE_NOOP("sla", "1级（一般）解决"), Unit.HOURS, 24, True),
    BudgetSpec("respond_2", QT_TRANSLATE_NOOP("sla", "2级（紧急）响应"), Unit.HOURS, 12, True),
    BudgetSpec("resolve_2", QT_TRANSLATE_NOOP("sla", "2级（紧急）解决"), Unit.HOURS, 48, True),
    BudgetSpec("respond_3", QT_TRANSLATE_NOOP("sla", "3级（重大）响应"), Unit.HOURS, 2, True),
    BudgetSpec("resolve_3", QT_TRANSLATE_NOOP("sla", "3级（重大）解决"), Unit.HOURS, None, True),
)
SPECS = {b.key: b for b in BUDGETS}
MAX = {Unit.WORKDAYS: 60, Unit.HOURS: 720}


def _defaults() -> dict[str, int | None]:
    return {b.key: b.default for b in BUDGETS}


@dataclass(frozen=True)
class SlaPolicy:
    """Budgets by key (None: that clock does not apply), which clock groups apply, and the service hours.

    The answer clock always applies (seed 001). ``service_start``/``service_end`` None means the desk
    is open all day; hour budgets count only service time, on every day or on working days only.
    """

    budgets: Mapping[str, int | None] = field(default_factory=_defaults)
    use_stages: bool = True
    use_levels: bool = True
    service_start: time | None = None
    service_end: time | None = None
    service_days: ServiceDays = ServiceDays.WORKDAYS

    def budget(self, key: str) -> int | None:
        return self.budgets.get(key, SPECS[key].default)

    @property
    def hours(self) -> ServiceHours:
        return ServiceHours(self.service_start, self.service_end, self.service_days)

    def with_(self, **changes: Any) -> SlaPolicy:
        """A copy with some fields or budgets (by key) changed."""
        budgets = dict(self.budgets)
        for key in [k for k in changes if k in SPECS]:
            budgets[key] = changes.pop(key)
        return replace(self, budgets=budgets, **changes)


DEFAULT_POLICY = SlaPolicy()
"""The seeds' budgets; hour clocks run all day on working days only, until a site sets its service hours."""
WALL_CLOCK = SlaPolicy(service_days=ServiceDays.ALL)
"""The seeds' budgets with hour clocks in plain wall-clock time (a desk open 24 h every day)."""


def policy_problems(policy: SlaPolicy) -> dict[str, str]:
    """Why a policy cannot be saved, by field (budget key, ``service_start``, ``service_end``); empty if it can."""
    errors: dict[str, str] = {}
    for spec in BUDGETS:
        value = policy.budgets.get(spec.key, spec.default)
        if value is None:
            if not spec.optional:
                errors[spec.key] = T("errors", "请填写该时限")
            continue
        if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
            errors[spec.key] = T("errors", "时限必须是大于 0 的整数")
        elif value > MAX[spec.unit]:
            errors[spec.key] = T("errors", "时限不能超过 {0}").format(MAX[spec.unit])
    start, end = policy.service_start, policy.service_end
    if (start is None) != (end is None):
        errors["service_end" if end is None else "service_start"] = T("errors", "请同时填写服务开始和结束时间")
    elif start is not None and end is not None and end <= start:
        errors["service_end"] = T("errors", "服务结束时间必须晚于开始时间")
    return errors


# --- storage: one JSON text per version ---------------------------------------------------------


def to_json(policy: SlaPolicy) -> str:
    def hhmm(t: time | None) -> str:
        return t.strftime("%H:%M") if t else ""

    return json.dumps({"budgets": {b.key: policy.budget(b.key) for b in BUDGETS}, "use_stages": policy.use_stages,
                       "use_levels": policy.use_levels, "service_start": hhmm(policy.service_start),
                       "service_end": hhmm(policy.service_end), "service_days": policy.service_days.value},
                      ensure_ascii=False, sort_keys=True)


def parse_hhmm(text: str) -> time | None:
    """"08:00" → 08:00, "" → None; ValueError for anything else."""
    text = (text or "").strip()
    return time.fromisoformat(text) if text else None


def from_json(text: str) -> SlaPolicy:
    """A stored version; keys it does not name take the seeds' defaults (a budget added later)."""
    data = json.loads(text or "{}")
    budgets = _defaults()
    budgets.update({k: v for k, v in (data.get("budgets") or {}).items() if k in SPECS})
    return SlaPolicy(budgets, bool(data.get("use_stages", True)), bool(data.get("use_levels", True)),
                     parse_hhmm(data.get("service_start", "")), parse_hhmm(data.get("service_end", "")),
                     ServiceDays(data.get("service_days", ServiceDays.WORKDAYS.value)))


# --- service-time arithmetic --------------------------------------------------------------------


def _at(d: date, t: time, like: datetime) -> datetime:
    return datetime.combine(d, t, tzinfo=like.tzinfo)


@dataclass(frozen=True)
class ServiceHours:
    """The desk's open time: a daily window (None: all day) on every day or on working days only."""

    start: time | None
    end: time | None
    days: ServiceDays

    def _open(self, d: date, cal: WorkCalendar) -> bool:
        return self.days is ServiceDays.ALL or cal.is_workday(d)

    def _window(self, d: date, like: datetime) -> tuple[datetime, datetime]:
        if self.start is None or self.end is None:
            return _at(d, time(), like), _at(d + timedelta(days=1), time(), like)
        return _at(d, self.start, like), _at(d, self.end, like)

    def _overlap(self, a: datetime, b: datetime, cal: WorkCalendar) -> timedelta:
        """Service time in [a, b) when both fall on the same date."""
        if not self._open(a.date(), cal):
            return timedelta(0)
        lo, hi = self._window(a.date(), a)
        return max(min(b, hi) - max(a, lo), timedelta(0))

    def measure(self, a: datetime, b: datetime, cal: WorkCalendar) -> timedelta:
        """Service time in [a, b) (0 when b <= a)."""
        if b <= a:
            return timedelta(0)
        if self.start is None:
            return b - a if self.days is ServiceDays.ALL else cal.working_time(a, b)
        da, db = a.date(), b.date()
        if da == db:
            return self._overlap(a, b, cal)
        first = self._overlap(a, _at(da + timedelta(days=1), time(), a), cal)
        last = self._overlap(_at(db, time(), b), b, cal)
        between = (db - da).days - 1 if self.days is ServiceDays.ALL else cal.workdays_between(
            da + timedelta(days=1), db)
        lo, hi = self._window(da, a)
        return first + last + between * (hi - lo)

    def advance(self, t: datetime, amount: timedelta, cal: WorkCalendar) -> datetime:
        """The earliest instant by which ``amount`` of service time has passed since ``t``.

        Started outside service time (at night, on a day the desk is closed), counting begins at the
        start of the next service period.
        """
        if amount <= timedelta(0):
            return t
        if self.start is None:
            return t + amount if self.days is ServiceDays.ALL else cal.add_working_time(t, amount)
        day, left = t.date(), amount
        while True:
            if self._open(day, cal):
                lo, hi = self._window(day, t)
                begin = max(t, lo)
                if begin < hi:
                    if left <= hi - begin:
                        return begin + left
                    left -= hi - begin
            day += timedelta(days=1)
