"""Complaint stages and deadlines (SLA), recomputed from the case's event log on every read."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from frontdesk.domain.stages import CaseFlowError, Priority, Remedy, Severity, Stage, check_move
from frontdesk.domain.stages import IllegalStageMove as IllegalStageMove  # re-exported
from frontdesk.domain.stages import can_move as can_move  # re-exported
from frontdesk.domain.workdays import Interval, WorkCalendar, active_intervals
from frontdesk.errors import QT_TRANSLATE_NOOP, T


class EventKind(StrEnum):
    """Kinds of entries in a case's event log."""

    STAGE = "stage"
    PAUSE = "pause"
    RESUME = "resume"

    @property
    def label(self) -> str:
        return {
            EventKind.STAGE: QT_TRANSLATE_NOOP("enum", "转阶段"),
            EventKind.PAUSE: QT_TRANSLATE_NOOP("enum", "暂停计时"),
            EventKind.RESUME: QT_TRANSLATE_NOOP("enum", "恢复计时"),
        }[self]


class ClockKind(StrEnum):
    """The deadlines tracked for a case."""

    STAGE = "stage"
    ANSWER = "answer"
    RESPOND = "respond"
    RESOLVE = "resolve"

    @property
    def label(self) -> str:
        return {
            ClockKind.STAGE: QT_TRANSLATE_NOOP("enum", "阶段时限"),
            ClockKind.ANSWER: QT_TRANSLATE_NOOP("enum", "答复时限"),
            ClockKind.RESPOND: QT_TRANSLATE_NOOP("enum", "响应时限"),
            ClockKind.RESOLVE: QT_TRANSLATE_NOOP("enum", "解决时限"),
        }[self]


@dataclass(frozen=True)
class Budget:
    """Time allowed: working time (whole working days, see WorkCalendar) or wall-clock time."""

    amount: timedelta
    working: bool

    @classmethod
    def workdays(cls, n: int) -> Budget:
        return cls(timedelta(days=n), working=True)

    @classmethod
    def hours(cls, h: float) -> Budget:
        return cls(timedelta(hours=h), working=False)


IMMEDIATE = Budget.hours(1)
"""'Immediately' (受理, 反馈) needs a finite limit to be checkable: one wall-clock hour."""
STAGE_BUDGETS: dict[Stage, Budget] = {
    Stage.ACCEPT: IMMEDIATE,
    Stage.VERIFY: Budget.workdays(2),
    Stage.PLAN: Budget.workdays(1),
    Stage.FEEDBACK: IMMEDIATE,
    Stage.ARCHIVE: Budget.workdays(3),
}  # EXECUTE: from the promise on the event that entered it (promised_at, else REMEDY_HOURS)
REMEDY_HOURS = {Remedy.REFUND: 24, Remedy.EXCHANGE: 48}
ANSWER_WORKDAYS = {Severity.GENERAL: 5, Severity.MAJOR: 10}
RESPOND_HOURS = {Priority.URGENT: 12, Priority.MAJOR: 2}
RESOLVE_HOURS = {Priority.NORMAL: 24, Priority.URGENT: 48}
RESPONDED_ON = Stage.VERIFY  # responded once the case leaves 受理
ANSWERED_ON = Stage.EXECUTE  # answered once 反馈 is done (the customer has the plan and replied)
RESOLVED_ON = Stage.ARCHIVE  # resolved once 执行 is done


@dataclass(frozen=True)
class CaseEvent:
    """One log entry: a move to ``stage``, or a pause / resume of all clocks.

    A move to EXECUTE may carry ``remedy`` and/or ``promised_at`` (a promised datetime wins).
    """

    kind: EventKind
    at: datetime
    stage: Stage | None = None
    remedy: Remedy | None = None
    promised_at: datetime | None = None

    def __post_init__(self) -> None:
        if (self.kind is EventKind.STAGE) != (self.stage is not None):
            raise ValueError("a stage event needs a stage; pause/resume events must not have one")

    @classmethod
    def move(
        cls, at: datetime, stage: Stage, remedy: Remedy | None = None, promised_at: datetime | None = None
    ) -> CaseEvent:
        return cls(EventKind.STAGE, at, stage, remedy, promised_at)

    @classmethod
    def pause(cls, at: datetime) -> CaseEvent:
        return cls(EventKind.PAUSE, at)

    @classmethod
    def resume(cls, at: datetime) -> CaseEvent:
        return cls(EventKind.RESUME, at)


@dataclass(frozen=True)
class Clock:
    """One deadline as of ``now``; ``remaining`` is in the budget's measure (working or wall time)."""

    kind: ClockKind
    due: datetime
    remaining: timedelta  # negative once the budget is used up; frozen while paused or when done
    done_at: datetime | None  # when the goal was met (clock stopped), else None
    overdue: bool  # still running and now > due

    @property
    def late(self) -> bool:
        """Met, but after the deadline (for reports)."""
        return self.done_at is not None and self.done_at > self.due


@dataclass(frozen=True)
class CaseClock:
    """Where a complaint stands at ``now`` and which deadlines apply."""

    now: datetime
    stage: Stage
    stage_entered_at: datetime
    is_paused: bool
    paused_since: datetime | None
    stage_clock: Clock | None  # None when closed, or in EXECUTE with nothing promised
    answer: Clock
    respond: Clock | None  # only for levels with a respond limit
    resolve: Clock | None  # only for levels with a resolve limit

    @property
    def stage_deadline(self) -> datetime | None:
        return self.stage_clock.due if self.stage_clock else None

    @property
    def answer_deadline(self) -> datetime:
        return self.answer.due

    @property
    def remaining(self) -> timedelta | None:
        """Time left in the current stage (working time for working-day stages)."""
        return self.stage_clock.remaining if self.stage_clock else None

    @property
    def clocks(self) -> list[Clock]:
        return [c for c in (self.stage_clock, self.answer, self.respond, self.resolve) if c is not None]

    @property
    def overdue_clocks(self) -> list[ClockKind]:
        return [c.kind for c in self.clocks if c.overdue]

    @property
    def overdue(self) -> bool:
        """Whether any running deadline has passed."""
        return bool(self.overdue_clocks)

    @property
    def next_due(self) -> datetime | None:
        """The earliest deadline still running (for sorting a case list)."""
        return min((c.due for c in self.clocks if c.done_at is None), default=None)


@dataclass
class _Replay:
    stage: Stage
    entered: dict[Stage, datetime]
    entry_events: dict[Stage, CaseEvent]
    pauses: list[Interval]
    paused_since: datetime | None


def _replay(opened_at: datetime, events: Iterable[CaseEvent], now: datetime) -> _Replay:
    """Walk the log up to ``now`` (stable by time), validating it; a move while paused ends the pause."""
    r = _Replay(Stage.ACCEPT, {Stage.ACCEPT: opened_at}, {}, [], None)
    for ev in sorted((e for e in events if e.at <= now), key=lambda e: e.at):
        if ev.at < opened_at:
            raise CaseFlowError(T("errors", "事件时间早于投诉受理时间"))
        if r.stage is Stage.CLOSED:
            raise CaseFlowError(T("errors", "案件已结案，不能再记录事件"))
        if ev.kind is EventKind.PAUSE:
            if r.paused_since is not None:
                raise CaseFlowError(T("errors", "案件已在暂停计时中"))
            r.paused_since = ev.at
            continue
        if r.paused_since is not None:
            r.pauses.append((r.paused_since, ev.at))
            r.paused_since = None
        elif ev.kind is EventKind.RESUME:
            raise CaseFlowError(T("errors", "案件未暂停计时，无需恢复"))
        if ev.kind is EventKind.STAGE:
            assert ev.stage is not None
            check_move(r.stage, ev.stage)
            r.stage, r.entered[ev.stage], r.entry_events[ev.stage] = ev.stage, ev.at, ev
    if r.paused_since is not None:
        r.pauses.append((r.paused_since, None))
    return r


def _clock(
    kind: ClockKind,
    budget: Budget,
    start: datetime,
    done_at: datetime | None,
    r: _Replay,
    now: datetime,
    cal: WorkCalendar,
) -> Clock:
    """Spend ``budget`` over the unpaused parts of [start, done_at or now]; project the rest from the end."""
    end = done_at or now
    measure: Callable[[datetime, datetime], timedelta] = cal.working_time if budget.working else _wall
    advance: Callable[[datetime, timedelta], datetime] = cal.add_working_time if budget.working else _wall_add
    used, due = timedelta(0), None
    for a, b in active_intervals(start, end, r.pauses):
        m = measure(a, b)
        if due is None and used + m >= budget.amount:
            due = advance(a, budget.amount - used)
        used += m
    remaining = budget.amount - used
    if due is None:
        due = advance(end, remaining)
    return Clock(kind, due, remaining, done_at, done_at is None and now > due)


def _wall(a: datetime, b: datetime) -> timedelta:
    return b - a


def _wall_add(t: datetime, d: timedelta) -> datetime:
    return t + d


def _execute_budget(r: _Replay) -> Budget | None:
    ev = r.entry_events[Stage.EXECUTE]
    if ev.promised_at is not None:
        return Budget(max(ev.promised_at - ev.at, timedelta(0)), working=False)
    if ev.remedy in REMEDY_HOURS:
        return Budget.hours(REMEDY_HOURS[ev.remedy])
    return None


def compute_status(
    opened_at: datetime,
    severity: Severity | str,
    level: Priority | int,
    events: Iterable[CaseEvent],
    now: datetime,
    calendar: WorkCalendar,
) -> CaseClock:
    """Replay ``events`` (those up to ``now``) and derive every deadline; raises CaseFlowError on a bad log.

    The case starts in 受理 at ``opened_at``. Each stage's clock starts when the stage is entered.
    Pauses stop all clocks; a paused working interval pushes working-day deadlines later by its
    working time, hour deadlines by its wall time. While paused, deadlines are projected as if
    the clock resumed now. Services can validate a new event by calling this with it appended.
    """
    severity, level = Severity(severity), Priority(level)
    r = _replay(opened_at, events, now)

    def clock(kind: ClockKind, budget: Budget, start: datetime, stop: Stage | None) -> Clock:
        return _clock(kind, budget, start, r.entered.get(stop) if stop else None, r, now, calendar)

    stage_budget = _execute_budget(r) if r.stage is Stage.EXECUTE else STAGE_BUDGETS.get(r.stage)
    return CaseClock(
        now=now,
        stage=r.stage,
        stage_entered_at=r.entered[r.stage],
        is_paused=r.paused_since is not None,
        paused_since=r.paused_since,
        stage_clock=clock(ClockKind.STAGE, stage_budget, r.entered[r.stage], None)
        if stage_budget is not None
        else None,
        answer=clock(ClockKind.ANSWER, Budget.workdays(ANSWER_WORKDAYS[severity]), opened_at, ANSWERED_ON),
        respond=(
            clock(ClockKind.RESPOND, Budget.hours(RESPOND_HOURS[level]), opened_at, RESPONDED_ON)
            if level in RESPOND_HOURS
            else None
        ),
        resolve=(
            clock(ClockKind.RESOLVE, Budget.hours(RESOLVE_HOURS[level]), opened_at, RESOLVED_ON)
            if level in RESOLVE_HOURS
            else None
        ),
    )


@dataclass(frozen=True)
class StageSpan:
    """One stage a case has entered: when, its deadline (None if it had none) and when it was left."""

    stage: Stage
    entered_at: datetime
    clock: Clock | None
    left_at: datetime | None


def stage_history(
    opened_at: datetime, events: Iterable[CaseEvent], now: datetime, calendar: WorkCalendar
) -> list[StageSpan]:
    """Every stage entered so far, in order, with the deadline it had (pauses excluded) and when it ended."""
    r = _replay(opened_at, events, now)
    entered = [s for s in Stage if s in r.entered]
    spans = []
    for i, stage in enumerate(entered):
        left = r.entered[entered[i + 1]] if i + 1 < len(entered) else None
        budget = _execute_budget(r) if stage is Stage.EXECUTE else STAGE_BUDGETS.get(stage)
        clock = _clock(ClockKind.STAGE, budget, r.entered[stage], left, r, now, calendar) if budget else None
        spans.append(StageSpan(stage, r.entered[stage], clock, left))
    return spans
