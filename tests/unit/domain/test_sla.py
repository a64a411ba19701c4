"""Complaint stage rules and deadlines recomputed from event logs, over real holiday dates.

Hour clocks here are those of a desk open 24 h every day (``WALL_CLOCK``); service hours and the
default policy's working-day hour clocks are in ``test_sla_policy.py``.
"""

from datetime import datetime as dt
from datetime import timedelta

import pytest

from frontdesk.domain.sla import (
    CaseClock,
    CaseEvent,
    CaseFlowError,
    ClockKind,
    EventKind,
    IllegalStageMove,
    Priority,
    Remedy,
    Severity,
    Stage,
    can_move,
    check_move,
    compute_status,
)
from frontdesk.domain.sla_policy import WALL_CLOCK
from frontdesk.domain.workdays import WorkCalendar
from frontdesk.errors import UserError

move, pause, resume = CaseEvent.move, CaseEvent.pause, CaseEvent.resume
ORDER = [Stage.ACCEPT, Stage.VERIFY, Stage.PLAN, Stage.FEEDBACK, Stage.EXECUTE, Stage.ARCHIVE, Stage.CLOSED]


def status(
    opened: dt, events: list[CaseEvent], now: dt, severity: str = "general", level: int = 1
) -> CaseClock:
    return compute_status(opened, severity, level, events, now, WorkCalendar(), WALL_CLOCK)


def through(stage: Stage, start: dt, step: timedelta = timedelta(minutes=10)) -> list[CaseEvent]:
    """Moves from VERIFY up to ``stage``, ``step`` apart starting at ``start``."""
    stages = ORDER[1 : ORDER.index(stage) + 1]
    return [move(start + i * step, s) for i, s in enumerate(stages)]


# --- vocabulary and stage moves -------------------------------------------------------------


def test_enums_have_ascii_codes_and_chinese_labels() -> None:
    assert list(Stage) == ORDER
    assert [s.label for s in ORDER] == ["受理", "核实", "方案", "反馈", "执行", "归档总结", "已结案"]
    assert Stage("verify") is Stage.VERIFY and Stage.VERIFY == "verify"
    assert (Severity.GENERAL.label, Severity.MAJOR.label) == ("一般", "重大")
    assert [Priority(n).label for n in (1, 2, 3)] == ["一般", "紧急", "重大"]
    assert (Remedy.REFUND.label, Remedy.EXCHANGE.label) == ("退款", "换货")
    for enum in (Stage, Severity, Remedy, ClockKind):
        assert all(m.value.isascii() and not m.label.isascii() for m in enum)


@pytest.mark.parametrize("src", ORDER)
@pytest.mark.parametrize("dst", ORDER)
def test_only_the_next_stage_is_allowed(src: Stage, dst: Stage) -> None:
    allowed = ORDER.index(dst) == ORDER.index(src) + 1
    assert can_move(src, dst) is allowed
    if allowed:
        check_move(src, dst)
    else:
        with pytest.raises(IllegalStageMove):
            check_move(src, dst)


@pytest.mark.parametrize(
    ("src", "dst", "words"),
    [
        (Stage.VERIFY, Stage.EXECUTE, ["核实", "执行", "下一步只能是「方案」"]),
        (Stage.PLAN, Stage.VERIFY, ["方案", "核实"]),
        (Stage.FEEDBACK, Stage.ARCHIVE, ["归档总结", "只能在「执行」完成之后"]),
        (Stage.CLOSED, Stage.ACCEPT, ["已结案"]),
    ],
)
def test_illegal_move_message_is_chinese(src: Stage, dst: Stage, words: list[str]) -> None:
    with pytest.raises(IllegalStageMove) as info:
        check_move(src, dst)
    assert isinstance(info.value, ValueError) and isinstance(info.value, UserError)
    assert all(w in info.value.message for w in words)


@pytest.mark.parametrize(
    ("events", "words"),
    [
        ([move(dt(2025, 9, 29, 9), Stage.PLAN)], "下一步只能是「核实」"),
        ([*through(Stage.FEEDBACK, dt(2025, 9, 29, 9)), move(dt(2025, 9, 29, 11), Stage.ARCHIVE)], "执行"),
        ([pause(dt(2025, 9, 29, 9)), pause(dt(2025, 9, 29, 10))], "已在暂停"),
        ([resume(dt(2025, 9, 29, 9))], "未暂停"),
        ([move(dt(2025, 9, 29, 7), Stage.VERIFY)], "早于"),
        ([*through(Stage.CLOSED, dt(2025, 9, 29, 9)), pause(dt(2025, 9, 29, 12))], "已结案"),
    ],
)
def test_bad_event_logs_are_refused(events: list[CaseEvent], words: str) -> None:
    with pytest.raises(CaseFlowError) as info:
        status(dt(2025, 9, 29, 8), events, dt(2025, 9, 30, 12))
    assert words in info.value.message


def test_stage_event_needs_a_stage() -> None:
    with pytest.raises(ValueError):
        CaseEvent(EventKind.PAUSE, dt(2025, 9, 29), Stage.VERIFY)
    with pytest.raises(ValueError):
        CaseEvent(EventKind.STAGE, dt(2025, 9, 29))


# --- stage deadlines over real calendars ----------------------------------------------------


@pytest.mark.parametrize(
    ("stage", "entered", "due"),
    [
        (Stage.ACCEPT, dt(2025, 10, 3, 10), dt(2025, 10, 3, 11)),  # immediately: 1 wall-clock hour
        (Stage.VERIFY, dt(2025, 9, 29, 9), dt(2025, 10, 9, 9)),  # 2 wd: Sep 30, Oct 9
        (Stage.VERIFY, dt(2025, 9, 30, 15), dt(2025, 10, 10, 15)),  # 2 wd: Oct 9, Oct 10
        (Stage.PLAN, dt(2026, 2, 13, 16), dt(2026, 2, 14, 16)),  # 1 wd: Sat Feb 14 make-up workday
        (Stage.PLAN, dt(2026, 2, 14, 16), dt(2026, 2, 24, 16)),  # across Spring Festival
        (Stage.FEEDBACK, dt(2026, 2, 16, 10), dt(2026, 2, 16, 11)),  # immediately, holiday or not
        (Stage.ARCHIVE, dt(2025, 10, 8, 11), dt(2025, 10, 12, 0)),  # from a holiday: Oct 9, 10, 11 whole
        (Stage.ARCHIVE, dt(2025, 10, 9, 11), dt(2025, 10, 13, 11)),  # Oct 10, 11, 13
    ],
)
def test_stage_deadline(stage: Stage, entered: dt, due: dt) -> None:
    if stage is Stage.ACCEPT:
        opened, events = entered, []
    else:  # earlier stages passed quickly; ``stage`` entered at ``entered``
        opened = entered - timedelta(hours=1)
        events = [*through(stage, opened, timedelta(0))[:-1], move(entered, stage)]
    s = status(opened, events, entered + timedelta(minutes=5))
    assert (s.stage, s.stage_entered_at, s.stage_deadline) == (stage, entered, due)
    assert s.stage_clock is not None and not s.stage_clock.overdue and not s.is_paused


@pytest.mark.parametrize(
    ("opened", "severity", "due"),
    [
        (dt(2025, 9, 26, 10), Severity.GENERAL, dt(2025, 10, 10, 10)),  # Sep 28, 29, 30, Oct 9, 10
        (dt(2025, 9, 26, 10), Severity.MAJOR, dt(2025, 10, 16, 10)),  # … Oct 11, 13, 14, 15, 16
        (dt(2026, 2, 12, 16), Severity.GENERAL, dt(2026, 2, 26, 16)),  # Feb 13, 14, 24, 25, 26
        (dt(2026, 2, 18, 9), Severity.GENERAL, dt(2026, 3, 1, 0)),  # in the holiday: Feb 24–28 (28 make-up)
    ],
)
def test_answer_deadline_by_severity(opened: dt, severity: Severity, due: dt) -> None:
    s = status(opened, [], opened + timedelta(minutes=30), severity=severity)
    assert s.answer_deadline == due


def test_execute_deadline_comes_from_the_promise() -> None:
    base = through(Stage.FEEDBACK, dt(2025, 9, 29, 9))
    at = dt(2025, 9, 30, 18)
    cases = {
        Remedy.REFUND: dt(2025, 10, 1, 18),  # 24 wall-clock hours, holiday or not
        Remedy.EXCHANGE: dt(2025, 10, 2, 18),
    }
    for remedy, due in cases.items():
        s = status(dt(2025, 9, 29, 8), [*base, move(at, Stage.EXECUTE, remedy=remedy)], at)
        assert s.stage_deadline == due
    promised = dt(2025, 10, 9, 12)
    s = status(dt(2025, 9, 29, 8), [*base, move(at, Stage.EXECUTE, Remedy.REFUND, promised_at=promised)], at)
    assert s.stage_deadline == promised
    s = status(dt(2025, 9, 29, 8), [*base, move(at, Stage.EXECUTE)], at)
    assert s.stage_clock is None and s.stage_deadline is None and s.remaining is None


@pytest.mark.parametrize(
    ("level", "respond_due", "resolve_due"),
    [
        (1, None, dt(2025, 9, 30, 8)),
        (2, dt(2025, 9, 29, 20), dt(2025, 10, 1, 8)),
        (3, dt(2025, 9, 29, 10), None),
    ],
)
def test_priority_limits(level: int, respond_due: dt | None, resolve_due: dt | None) -> None:
    s = status(dt(2025, 9, 29, 8), [], dt(2025, 9, 29, 9), level=level)
    assert (s.respond.due if s.respond else None) == respond_due
    assert (s.resolve.due if s.resolve else None) == resolve_due


# --- pauses -----------------------------------------------------------------------------------

OPENED = dt(2025, 9, 29, 8)
VERIFY_AT = dt(2025, 9, 29, 9)  # verify stage due Oct 9 09:00 when nothing pauses


@pytest.mark.parametrize(
    ("pauses", "stage_due", "answer_due"),
    [
        ([], dt(2025, 10, 9, 9), dt(2025, 10, 13, 8)),
        # 8 working hours paused on Tue Sep 30 → both working-day deadlines 8 h later
        ([(dt(2025, 9, 30, 9), dt(2025, 9, 30, 17))], dt(2025, 10, 9, 17), dt(2025, 10, 13, 16)),
        # paused over National Day: only Sep 30 20:00–24:00 was working time
        ([(dt(2025, 9, 30, 20), dt(2025, 10, 8, 20))], dt(2025, 10, 9, 13), dt(2025, 10, 13, 12)),
        # a pause entirely inside the holiday changes nothing
        ([(dt(2025, 10, 2, 9), dt(2025, 10, 6, 9))], dt(2025, 10, 9, 9), dt(2025, 10, 13, 8)),
        # two pauses of a whole working day each (Sep 30, Oct 9) → two working days later
        (
            [(dt(2025, 9, 30, 0), dt(2025, 10, 1, 0)), (dt(2025, 10, 9, 0), dt(2025, 10, 10, 0))],
            dt(2025, 10, 11, 9),
            dt(2025, 10, 15, 8),
        ),
    ],
)
def test_pauses_push_working_day_deadlines(
    pauses: list[tuple[dt, dt]], stage_due: dt, answer_due: dt
) -> None:
    events = [move(VERIFY_AT, Stage.VERIFY)]
    for start, end in pauses:
        events += [pause(start), resume(end)]
    s = status(OPENED, events, dt(2025, 10, 10, 8))
    assert (s.stage_deadline, s.answer_deadline) == (stage_due, answer_due)
    assert not s.is_paused


def test_pause_pushes_hour_deadlines_by_wall_time() -> None:
    events = [move(VERIFY_AT, Stage.VERIFY), pause(dt(2025, 9, 30, 20)), resume(dt(2025, 10, 8, 20))]
    s = status(OPENED, events, dt(2025, 10, 8, 21), level=2)
    assert s.resolve is not None and s.resolve.due == dt(2025, 10, 1, 8) + timedelta(days=8)
    assert not s.overdue


def test_open_pause_freezes_remaining_and_projects_from_now() -> None:
    events = [move(VERIFY_AT, Stage.VERIFY), pause(dt(2025, 9, 30, 9))]  # 15 + 9 = 24 h used
    for now, due in [
        (dt(2025, 9, 30, 12), dt(2025, 10, 9, 12)),  # 24 h left, counted from now
        (dt(2025, 10, 5, 12), dt(2025, 10, 10, 0)),  # now in the holiday: the whole of Oct 9
        (dt(2025, 10, 20, 12), dt(2025, 10, 21, 12)),  # weeks later: still not overdue
    ]:
        s = status(OPENED, events, now)
        assert s.is_paused and s.paused_since == dt(2025, 9, 30, 9)
        assert s.remaining == timedelta(days=1)
        assert s.stage_deadline == due
        assert s.stage_clock is not None and not s.stage_clock.overdue


def test_moving_on_while_paused_ends_the_pause() -> None:
    events = [
        move(VERIFY_AT, Stage.VERIFY),
        pause(dt(2025, 9, 29, 10)),
        move(dt(2025, 9, 30, 10), Stage.PLAN),
    ]
    s = status(OPENED, events, dt(2025, 9, 30, 11))
    assert not s.is_paused and s.stage is Stage.PLAN
    assert s.stage_deadline == dt(2025, 10, 9, 10)
    assert s.answer_deadline == dt(2025, 10, 14, 8)  # the paused Sep 29 10:00 → Sep 30 10:00 added


# --- overdue ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("now", "overdue", "remaining"),
    [
        (dt(2025, 10, 9, 8), False, timedelta(hours=1)),
        (dt(2025, 10, 9, 9), False, timedelta(0)),  # exactly at the deadline
        (dt(2025, 10, 9, 9, 1), True, -timedelta(minutes=1)),
        (dt(2025, 10, 12, 9), True, -timedelta(hours=63)),  # 15 h of Oct 9, Oct 10, Oct 11; Sun 12 off
    ],
)
def test_overdue_detection(now: dt, overdue: bool, remaining: timedelta) -> None:
    s = status(OPENED, [move(VERIFY_AT, Stage.VERIFY)], now, level=3)
    assert s.stage_clock is not None
    assert s.stage_clock.overdue is overdue and s.remaining == remaining
    assert (ClockKind.STAGE in s.overdue_clocks) is overdue


def test_late_before_a_pause_stays_overdue() -> None:
    events = [move(VERIFY_AT, Stage.VERIFY), pause(dt(2025, 10, 10, 9))]  # deadline was Oct 9 09:00
    s = status(OPENED, events, dt(2025, 10, 20, 9), level=3)
    assert s.is_paused and s.stage_deadline == dt(2025, 10, 9, 9)
    assert s.overdue and s.overdue_clocks == [ClockKind.STAGE]
    assert s.remaining == -timedelta(days=1)


def test_met_clocks_stop_and_record_lateness() -> None:
    events = [move(dt(2025, 9, 29, 11), Stage.VERIFY)]  # level 3 must respond within 2 h: 1 h late
    s = status(OPENED, events, dt(2025, 9, 29, 12), level=3)
    assert s.respond is not None and s.respond.done_at == dt(2025, 9, 29, 11)
    assert s.respond.late and not s.respond.overdue and not s.overdue


def test_closed_case_has_no_running_clock() -> None:
    events = through(Stage.CLOSED, dt(2025, 9, 29, 9))
    s = status(OPENED, events, dt(2026, 1, 1), severity="major", level=2)
    assert s.stage is Stage.CLOSED and s.stage_clock is None
    assert not s.overdue and s.next_due is None
    assert all(c.done_at is not None and not c.late for c in s.clocks)
    assert s.answer.done_at == dt(2025, 9, 29, 9, 30)  # when 反馈 ended (moved to 执行)


def test_events_after_now_are_ignored() -> None:
    events = [move(VERIFY_AT, Stage.VERIFY), move(dt(2025, 9, 30, 9), Stage.PLAN)]
    s = status(OPENED, events, dt(2025, 9, 29, 12))
    assert s.stage is Stage.VERIFY and s.stage_deadline == dt(2025, 10, 9, 9)
    assert s.next_due == dt(2025, 9, 30, 8)  # level 1: resolve within 24 h


def test_fallback_year_uses_monday_to_friday() -> None:
    cal = WorkCalendar()
    s = compute_status(dt(2031, 1, 3, 10), "general", 1, [], dt(2031, 1, 3, 11), cal)
    assert s.answer_deadline == dt(2031, 1, 10, 10)  # Mon 6 … Fri 10
    assert cal.fallback_years == {2031}
