"""Complaint stages and deadlines (SLA), recomputed from the case's event log on every read."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from frontdesk.domain.sla_policy import DEFAULT_POLICY, SPECS, SlaPolicy, Unit
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


class Measure(StrEnum):
    """How a budget's time is counted."""

    WORKING = "working"  # whole working days (WorkCalendar)
    SERVICE = "service"  # the site's service hours (SlaPolicy.hours)
    WALL = "wall"  # wall-clock time (a promised datetime)


@dataclass(frozen=True)
class Budget:
    """Time allowed, in working time, service time or wall-clock time."""

    amount: timedelta
    measure: Measure

    @classmethod
    def workdays(cls, n: int) -> Budget:
        return cls(timedelta(days=n), Measure.WORKING)

    @classmethod
    def hours(cls, h: float) -> Budget:
        return cls(timedelta(hours=h), Measure.SERVICE)

    @classmethod
    def of(cls, policy: SlaPolicy, key: str) -> Budget | None:
        """The policy's budget ``key`` (None when that clock does not apply)."""
        value = policy.budget(key)
        if value is None:
            return None
        return cls.workdays(value) if SPECS[key].unit is Unit.WORKDAYS else cls.hours(value)


STAGE_KEYS = {Stage.ACCEPT: "stage_accept", Stage.VERIFY: "stage_verify", Stage.PLAN: "stage_plan",
              Stage.FEEDBACK: "stage_feedback", Stage.ARCHIVE: "stage_archive"}
# EXECUTE: from the promise on the event that entered it (promised_at, else the remedy's hours)
REMEDY_KEYS = {Remedy.REFUND: "remedy_refund", Remedy.EXCHANGE: "remedy_exchange"}
ANSWER_WORKDAYS = {s: DEFAULT_POLICY.budget(f"answer_{s.value}") for s in Severity}  # the seeds' (reports)
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
    def next_clock(self) -> Clock | None:
        """The running clock due first: the due time shown for the case, and which clock it is."""
        return min((c for c in self.clocks if c.done_at is None), key=lambda c: c.due, default=None)

    @property
    def next_due(self) -> datetime | None:
        """The earliest deadline still running (for sorting a case list)."""
        nxt = self.next_clock
        return nxt.due if nxt else None


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


@dataclass(frozen=True)
class _Ctx:
    r: _Replay
    now: datetime
    cal: WorkCalendar
    policy: SlaPolicy


def _clock(kind: ClockKind, budget: Budget, start: datetime, done_at: datetime | None, x: _Ctx) -> Clock:
    """Spend ``budget`` over the unpaused parts of [start, done_at or now]; project the rest from the end."""
    end = done_at or x.now
    measure: Callable[[datetime, datetime], timedelta]
    advance: Callable[[datetime, timedelta], datetime]
    if budget.measure is Measure.WORKING:
        measure, advance = x.cal.working_time, x.cal.add_working_time
    elif budget.measure is Measure.SERVICE:
        hours = x.policy.hours
        measure = lambda a, b: hours.measure(a, b, x.cal)  # noqa: E731
        advance = lambda t, d: hours.advance(t, d, x.cal)  # noqa: E731
    else:
        measure, advance = _wall, _wall_add
    used, due = timedelta(0), None
    for a, b in active_intervals(start, end, x.r.pauses):
        m = measure(a, b)
        if due is None and used + m >= budget.amount:
            due = advance(a, budget.amount - used)
        used += m
    remaining = budget.amount - used
    if due is None:
        due = advance(end, remaining) if remaining > timedelta(0) else end
    return Clock(kind, due, remaining, done_at, done_at is None and x.now > due)


def _wall(a: datetime, b: datetime) -> timedelta:
    return b - a


def _wall_add(t: datetime, d: timedelta) -> datetime:
    return t + d


def _stage_budget(stage: Stage, r: _Replay, policy: SlaPolicy) -> Budget | None:
    if not policy.use_stages:
        return None
    if stage is not Stage.EXECUTE:
        return Budget.of(policy, STAGE_KEYS[stage]) if stage in STAGE_KEYS else None
    ev = r.entry_events[Stage.EXECUTE]
    if ev.promised_at is not None:
        return Budget(max(ev.promised_at - ev.at, timedelta(0)), Measure.WALL)
    if ev.remedy in REMEDY_KEYS:
        return Budget.of(policy, REMEDY_KEYS[ev.remedy])
    return None


def compute_status(
    opened_at: datetime,
    severity: Severity | str,
    level: Priority | int,
    events: Iterable[CaseEvent],
    now: datetime,
    calendar: WorkCalendar,
    policy: SlaPolicy = DEFAULT_POLICY,
) -> CaseClock:
    """Replay ``events`` (those up to ``now``) and derive every deadline; raises CaseFlowError on a bad log.

    The case starts in 受理 at ``opened_at``. Each stage's clock starts when the stage is entered.
    Working-day budgets count whole working days; hour budgets count the policy's service hours, so
    an "immediately" stage entered at night starts counting when the desk opens. Pauses stop all
    clocks. While paused, deadlines are projected as if the clock resumed now. Services can validate
    a new event by calling this with it appended.
    """
    severity, level = Severity(severity), Priority(level)
    r = _replay(opened_at, events, now)
    x = _Ctx(r, now, calendar, policy)

    def clock(kind: ClockKind, budget: Budget | None, start: datetime, stop: Stage | None) -> Clock | None:
        if budget is None:
            return None
        return _clock(kind, budget, start, r.entered.get(stop) if stop else None, x)

    levels = policy.use_levels
    answer = clock(ClockKind.ANSWER, Budget.of(policy, f"answer_{severity.value}"), opened_at, ANSWERED_ON)
    assert answer is not None  # the answer clock always applies
    return CaseClock(
        now=now,
        stage=r.stage,
        stage_entered_at=r.entered[r.stage],
        is_paused=r.paused_since is not None,
        paused_since=r.paused_since,
        stage_clock=clock(ClockKind.STAGE, _stage_budget(r.stage, r, policy), r.entered[r.stage], None),
        answer=answer,
        respond=clock(ClockKind.RESPOND, Budget.of(policy, f"respond_{level.value}") if levels else None,
                      opened_at, RESPONDED_ON),
        resolve=clock(ClockKind.RESOLVE, Budget.of(policy, f"resolve_{level.value}") if levels else None,
                      opened_at, RESOLVED_ON),
    )


@dataclass(frozen=True)
class StageSpan:
    """One stage a case has entered: when, its deadline (None if it had none) and when it was left."""

    stage: Stage
    entered_at: datetime
    clock: Clock | None
    left_at: datetime | None


def stage_history(
    opened_at: datetime, events: Iterable[CaseEvent], now: datetime, calendar: WorkCalendar,
    policy: SlaPolicy = DEFAULT_POLICY,
) -> list[StageSpan]:
    """Every stage entered so far, in order, with the deadline it had (pauses excluded) and when it ended."""
    r = _replay(opened_at, events, now)
    x = _Ctx(r, now, calendar, policy)
    entered = [s for s in Stage if s in r.entered]
    spans = []
    for i, stage in enumerate(entered):
        left = r.entered[entered[i + 1]] if i + 1 < len(entered) else None
        budget = _stage_budget(stage, r, policy)
        clock = _clock(ClockKind.STAGE, budget, r.entered[stage], left, x) if budget else None
        spans.append(StageSpan(stage, r.entered[stage], clock, left))
    return spans
