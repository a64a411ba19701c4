"""SLA policy: budgets and which clocks apply, service hours over real dates (国庆 2026 with its make-up days)."""

from datetime import datetime as dt
from datetime import time, timedelta

import pytest

from frontdesk.domain.sla import CaseEvent, ClockKind, Stage, compute_status
from frontdesk.domain.sla_policy import (
    DEFAULT_POLICY,
    WALL_CLOCK,
    ServiceDays,
    SlaPolicy,
    from_json,
    policy_problems,
    to_json,
)
from frontdesk.domain.workdays import WorkCalendar

move = CaseEvent.move
DESK_EVERY_DAY = SlaPolicy(service_start=time(8), service_end=time(22), service_days=ServiceDays.ALL)
DESK_WORKDAYS = SlaPolicy(service_start=time(8), service_end=time(22), service_days=ServiceDays.WORKDAYS)


def status(opened: dt, events: list, now: dt, policy: SlaPolicy, severity: str = "general", level: int = 1):  # noqa: ANN201
    return compute_status(opened, severity, level, events, now, WorkCalendar(), policy)


# National Day 2026: Oct 1–7 off, Sat Oct 10 a make-up working day, Sun Oct 11 off
NATIONAL_DAY = dt(2026, 9, 30, 10, 0)  # a Wednesday


@pytest.mark.parametrize(
    ("policy", "overdue_on_oct_2", "resolve_due", "next_kind"),
    [
        (DEFAULT_POLICY, False, dt(2026, 10, 8, 10, 0), ClockKind.RESOLVE),  # 14 h on Sep 30 + 10 h on Oct 8
        (DESK_WORKDAYS, False, dt(2026, 10, 8, 20, 0), ClockKind.RESOLVE),  # 12 h on Sep 30 (08–22) + 12 h Oct 8
        (WALL_CLOCK, True, dt(2026, 10, 1, 10, 0), ClockKind.RESOLVE),  # the old behaviour: 24 wall-clock hours
    ],
)
def test_case_opened_before_national_day(policy, overdue_on_oct_2, resolve_due, next_kind):
    events = [move(NATIONAL_DAY + timedelta(minutes=30), Stage.VERIFY)]
    s = status(NATIONAL_DAY, events, dt(2026, 10, 2, 12, 0), policy)
    assert s.answer_deadline == dt(2026, 10, 13, 10, 0)  # Oct 8, 9, 10 (make-up), 12, 13
    assert s.stage_deadline == dt(2026, 10, 9, 10, 30)  # 核实: 2 working days
    assert s.resolve is not None and s.resolve.due == resolve_due
    assert s.overdue is overdue_on_oct_2
    assert s.next_clock is not None and s.next_clock.kind is next_kind and s.next_due == resolve_due


SATURDAY_NIGHT = dt(2026, 11, 21, 23, 30)


@pytest.mark.parametrize(
    ("policy", "accept_due", "respond_due"),
    [
        (DESK_EVERY_DAY, dt(2026, 11, 22, 9, 0), dt(2026, 11, 22, 10, 0)),  # from Sunday 08:00
        (DESK_WORKDAYS, dt(2026, 11, 23, 9, 0), dt(2026, 11, 23, 10, 0)),  # from Monday 08:00
        (DEFAULT_POLICY, dt(2026, 11, 23, 1, 0), dt(2026, 11, 23, 2, 0)),  # all day, working days only
        (WALL_CLOCK, dt(2026, 11, 22, 0, 30), dt(2026, 11, 22, 1, 30)),
    ],
)
def test_received_saturday_night(policy, accept_due, respond_due):
    s = status(SATURDAY_NIGHT, [], SATURDAY_NIGHT + timedelta(minutes=5), policy, level=3)
    assert s.stage_deadline == accept_due  # 受理 "immediately": one hour of service time
    assert s.respond is not None and s.respond.due == respond_due  # level 3: respond within 2 h
    assert s.next_clock is not None and s.next_clock.kind is ClockKind.STAGE


@pytest.mark.parametrize(
    ("policy", "opened", "level", "respond_due", "resolve_due"),
    [
        # Mon 20:00: 2 h on Monday, then 10 h from Tuesday 08:00
        (DESK_EVERY_DAY, dt(2026, 11, 16, 20, 0), 2, dt(2026, 11, 17, 18, 0), dt(2026, 11, 20, 12, 0)),
        # Sep 30 21:00: 1 h, then the holiday, then Oct 8 from 08:00
        (DESK_WORKDAYS, dt(2026, 9, 30, 21, 0), 2, dt(2026, 10, 8, 19, 0), dt(2026, 10, 12, 13, 0)),
        # the same desk open on every day: Oct 1 counts
        (DESK_EVERY_DAY, dt(2026, 9, 30, 21, 0), 2, dt(2026, 10, 1, 19, 0), dt(2026, 10, 4, 13, 0)),
    ],
)
def test_hour_clocks_count_service_hours(policy, opened, level, respond_due, resolve_due):
    s = status(opened, [], opened, policy, level=level)
    assert s.respond is not None and s.respond.due == respond_due
    assert s.resolve is not None and s.resolve.due == resolve_due


def test_feedback_received_after_hours_waits_for_the_make_up_saturday():
    opened = dt(2026, 10, 9, 9, 0)
    events = [move(opened + timedelta(minutes=i + 1), s) for i, s in enumerate([Stage.VERIFY, Stage.PLAN])]
    events.append(move(dt(2026, 10, 9, 23, 0), Stage.FEEDBACK))
    s = status(opened, events, dt(2026, 10, 9, 23, 5), DESK_WORKDAYS)
    assert s.stage is Stage.FEEDBACK and s.stage_deadline == dt(2026, 10, 10, 9, 0)  # Sat Oct 10 is worked


def test_a_pause_in_service_time_pushes_the_clock_by_that_service_time():
    opened = dt(2026, 11, 16, 10, 0)  # Monday; level 2 respond 12 h at 08–22 → Mon 22:00
    events = [CaseEvent.pause(dt(2026, 11, 16, 12, 0)), CaseEvent.resume(dt(2026, 11, 17, 9, 0))]
    s = status(opened, events, dt(2026, 11, 17, 9, 0), DESK_EVERY_DAY, level=2)
    assert s.respond is not None and s.respond.due == dt(2026, 11, 17, 19, 0)  # 10 h left from Tue 09:00


def test_clock_groups_can_be_switched_off_and_budgets_changed():
    opened = dt(2026, 11, 16, 10, 0)
    off = DEFAULT_POLICY.with_(use_levels=False, use_stages=False)
    s = status(opened, [], opened, off, level=2)
    assert s.respond is None and s.resolve is None and s.stage_clock is None
    assert [c.kind for c in s.clocks] == [ClockKind.ANSWER]
    longer = DEFAULT_POLICY.with_(answer_general=7, respond_2=None, stage_accept=3)
    s = status(opened, [], opened, longer, level=2)
    assert s.answer_deadline == dt(2026, 11, 25, 10, 0) and s.respond is None
    assert s.stage_deadline == dt(2026, 11, 16, 13, 0)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"answer_general": 0}, "answer_general"),
        ({"stage_verify": -1}, "stage_verify"),
        ({"respond_2": 0}, "respond_2"),
        ({"stage_accept": None}, "stage_accept"),  # only level clocks may be left unset
        ({"resolve_1": 10_000}, "resolve_1"),
        ({"service_start": time(22), "service_end": time(8)}, "service_end"),  # ends before it starts
        ({"service_start": time(8), "service_end": time(8)}, "service_end"),
        ({"service_start": time(8)}, "service_end"),
    ],
)
def test_bad_policies_name_the_field(changes, field):
    assert field in policy_problems(DEFAULT_POLICY.with_(**changes))


def test_defaults_are_valid_and_survive_storage():
    assert policy_problems(DEFAULT_POLICY) == {} and policy_problems(DESK_EVERY_DAY) == {}
    for policy in (DEFAULT_POLICY, DESK_EVERY_DAY, DEFAULT_POLICY.with_(respond_1=4, use_levels=False)):
        assert from_json(to_json(policy)) == policy
    assert from_json("{}") == DEFAULT_POLICY
