"""Complaint cases: stage flow, illegal jumps, pauses, working-day deadlines over real dates, holidays."""

from __future__ import annotations

from datetime import date, timedelta
from datetime import datetime as dt

import pytest

from frontdesk.clock import FrozenClock
from frontdesk.db.models import Complaint, ComplaintEvent
from frontdesk.domain.complaints import ComplaintInput
from frontdesk.domain.reception import Category, Channel, ContactInput
from frontdesk.domain.sla import Stage, stage_history
from frontdesk.errors import PermissionDenied, ValidationError
from frontdesk.services.calendar import edits as calendar_edits
from frontdesk.services.complaints import case_list as complaint_list
from frontdesk.services.complaints import cases as complaints
from frontdesk.services.core import holidays
from frontdesk.services.core.listing import ListQuery
from frontdesk.services.reception import contacts as reception

FLOW = [Stage.VERIFY, Stage.PLAN, Stage.FEEDBACK, Stage.EXECUTE, Stage.ARCHIVE]


@pytest.fixture
def clock(frozen_clock: FrozenClock) -> FrozenClock:
    """The program's clock, stopped on a Monday morning the tests' dates are counted from."""
    frozen_clock.set(dt(2025, 11, 3, 9, 0))
    return frozen_clock


def case(actor, opened: dt | None = None, **kw) -> str:  # noqa: ANN001, ANN003
    values = dict(customer_name="王女士", phone="13800138000", subject="停车场多收费 10 元", opened_at=opened)
    values.update(kw)
    return complaints.open_complaint(actor, ComplaintInput(**values)).uuid


def state(actor, uuid: str):  # noqa: ANN001, ANN201
    return complaints.get_complaint(actor, uuid)


def walk(uuid: str, clerk, manager, to: Stage = Stage.ARCHIVE) -> None:  # noqa: ANN001
    """Move a case on from 受理 up to ``to``, each stage by its role: 核实 and 方案 by the manager."""
    for stage in FLOW[: FLOW.index(to) + 1]:
        by = manager if stage in (Stage.PLAN, Stage.FEEDBACK) else clerk  # finishing 核实, 方案
        complaints.advance(by, uuid, stage, "处理", remedy="refund" if stage is Stage.EXECUTE else None)


def test_full_stage_flow_is_logged_and_closes(staff_actor, manager, clock):
    uuid = case(staff_actor)
    assert state(staff_actor, uuid)["number"].startswith("S01-TS-20251103-")
    for i, stage in enumerate(FLOW):
        clock.at += timedelta(hours=1)
        by = manager if stage in (Stage.PLAN, Stage.FEEDBACK) else staff_actor
        complaints.advance(by, uuid, stage, f"第{i + 1}步处理说明",
                           remedy="refund" if stage is Stage.EXECUTE else None)
    clock.at += timedelta(hours=1)
    complaints.close_complaint(manager, uuid, "satisfied", True, "已退款，客户电话确认")
    row = state(staff_actor, uuid)
    assert row["stage"] == "closed" and row["satisfaction"] == "satisfied" and row["customer_confirmed"]
    assert row["closed_at"] == clock.at and row["due_at"] is None
    assert [e["to_stage"] for e in row["events"]] == [*[s.value for s in FLOW], "closed"]
    assert [e["actor_name"] for e in row["events"]] == ["客服小王", "主管老李", "主管老李", "客服小王", "客服小王",
                                                        "主管老李"]
    assert row["events"][0]["note"] == "第1步处理说明"
    assert not row["clock"].overdue and complaint_list.overdue_count(staff_actor) == 0


@pytest.mark.parametrize(
    ("target", "note", "field"),
    [(Stage.PLAN, "跳过核实", "stage"), (Stage.ARCHIVE, "直接归档", "stage"), (Stage.ACCEPT, "回退", "stage"),
     (Stage.CLOSED, "结案", "stage"), (Stage.VERIFY, "  ", "note"), ("nonsense", "x", "stage")],
)
def test_illegal_moves_name_the_field_and_save_nothing(staff_actor, clock, target, note, field):
    uuid = case(staff_actor)
    with pytest.raises(ValidationError) as info:
        complaints.advance(staff_actor, uuid, target, note)
    assert field in info.value.fields
    assert ComplaintEvent.select().count() == 0 and state(staff_actor, uuid)["stage"] == "accept"


def test_close_needs_archive_stage_and_satisfaction(staff_actor, clock):
    uuid = case(staff_actor)
    with pytest.raises(ValidationError) as info:
        complaints.close_complaint(staff_actor, uuid, "satisfied", True, "总结")
    assert "归档总结" in info.value.fields["stage"]
    with pytest.raises(ValidationError) as info:
        complaints.close_complaint(staff_actor, uuid, None, True, "")
    assert set(info.value.fields) == {"satisfaction", "note"}


def test_bad_new_complaint_is_refused_field_by_field(staff_actor, clock):
    with pytest.raises(ValidationError) as info:
        complaints.open_complaint(staff_actor, ComplaintInput("", "12345", "", level=5, opened_at=clock.at + timedelta(1)))
    assert set(info.value.fields) == {"customer_name", "phone", "subject", "level", "opened_at"}
    assert Complaint.select().count() == 0


def test_pause_and_resume_are_logged_and_excluded_from_the_clock(staff_actor, clock):
    uuid = case(staff_actor, dt(2025, 11, 3, 9, 0), level=3)  # Monday; level 3 has no 24 h resolve limit
    clock.at = dt(2025, 11, 3, 10, 0)
    complaints.advance(staff_actor, uuid, Stage.VERIFY, "联系商户核实")
    assert state(staff_actor, uuid)["clock"].stage_deadline == dt(2025, 11, 5, 10, 0)  # 2 working days
    clock.at = dt(2025, 11, 4, 10, 0)
    complaints.pause(staff_actor, uuid, "等待客户提供购物小票")
    with pytest.raises(ValidationError) as info:
        complaints.pause(staff_actor, uuid, "再次暂停")
    assert "paused" in info.value.fields
    clock.at = dt(2025, 11, 10, 9, 0)  # long past the unpaused deadline, but the clock is stopped
    row = state(staff_actor, uuid)
    assert row["paused"] and row["clock"].is_paused and not row["clock"].overdue
    assert complaint_list.overdue_count(staff_actor) == 0
    clock.at = dt(2025, 11, 6, 10, 0)
    complaints.resume(staff_actor, uuid, "客户已提供小票")
    row = state(staff_actor, uuid)  # paused Tue 10:00 → Thu 10:00: two working days added
    assert row["clock"].stage_deadline == dt(2025, 11, 7, 10, 0) and not row["paused"]
    assert [e["kind"] for e in row["events"]] == ["stage", "pause", "resume"]
    assert row["events"][1]["note"] == "等待客户提供购物小票"
    with pytest.raises(ValidationError):
        complaints.resume(staff_actor, uuid)
    clock.at = dt(2025, 11, 7, 10, 1)
    assert complaint_list.overdue_count(staff_actor) == 1


@pytest.mark.parametrize(
    ("opened", "severity", "answer_due", "verify_at", "verify_due"),
    [
        # National Day 2025: Oct 1–8 off, Sun Sep 28 and Sat Oct 11 are make-up working days
        (dt(2025, 9, 30, 10, 0), "general", dt(2025, 10, 14, 10, 0), dt(2025, 9, 30, 11, 0), dt(2025, 10, 10, 11, 0)),
        (dt(2025, 9, 27, 15, 0), "general", dt(2025, 10, 11, 0, 0), dt(2025, 9, 27, 16, 0), dt(2025, 9, 30, 0, 0)),
        (dt(2025, 10, 10, 9, 0), "general", dt(2025, 10, 16, 9, 0), dt(2025, 10, 10, 9, 30), dt(2025, 10, 13, 9, 30)),
        # Spring Festival 2026: Feb 15–23 off, Sat Feb 14 and Sat Feb 28 worked
        (dt(2026, 2, 12, 9, 0), "major", dt(2026, 3, 4, 9, 0), dt(2026, 2, 13, 9, 0), dt(2026, 2, 24, 9, 0)),
        (dt(2026, 2, 20, 14, 0), "general", dt(2026, 3, 1, 0, 0), dt(2026, 2, 24, 8, 0), dt(2026, 2, 26, 8, 0)),
        # 2027: past the package's data, Monday–Friday (National Day not known)
        (dt(2027, 10, 1, 10, 0), "general", dt(2027, 10, 8, 10, 0), dt(2027, 10, 1, 11, 0), dt(2027, 10, 5, 11, 0)),
    ],
)
def test_deadlines_in_working_days(staff_actor, clock, opened, severity, answer_due, verify_at, verify_due):
    clock.at = opened
    uuid = case(staff_actor, opened, severity=severity)
    clock.at = verify_at
    complaints.advance(staff_actor, uuid, Stage.VERIFY, "核实中")
    row = state(staff_actor, uuid)
    assert row["clock"].answer_deadline == answer_due
    assert row["clock"].stage_deadline == verify_due
    assert row["due_at"] == min(c.due for c in row["clock"].clocks if c.done_at is None)


def test_uncovered_year_warns_and_manager_overrides_fix_it(staff_actor, manager, clock):
    clock.at = dt(2027, 9, 30, 10, 0)
    uuid = case(staff_actor, clock.at)  # Thursday; 5 working days Mon–Fri → Thu Oct 7
    assert state(staff_actor, uuid)["clock"].answer_deadline == dt(2027, 10, 7, 10, 0)
    assert "2027" in holidays.calendar_warning()
    for day in range(1, 8):
        calendar_edits.save_holiday(manager, date(2027, 10, day), False, "国庆节")
    calendar_edits.save_holiday(manager, date(2027, 10, 9), True, "国庆调休上班")
    row = state(staff_actor, uuid)  # Oct 8, Oct 9 (make-up), Oct 11, Oct 12, Oct 13
    assert row["clock"].answer_deadline == dt(2027, 10, 13, 10, 0)
    assert row["due_at"] == row["clock"].next_due  # the index was rewritten by the holiday change
    assert holidays.list_holidays(staff_actor, ListQuery(filters={"year": 2027})).total == 8


def test_staff_cannot_edit_holidays(staff_actor, manager, clock):
    with pytest.raises(PermissionDenied):
        calendar_edits.save_holiday(staff_actor, date(2027, 1, 1), False, "元旦")
    uuid = calendar_edits.save_holiday(manager, date(2027, 1, 1), False, "元旦")
    with pytest.raises(PermissionDenied):
        calendar_edits.delete_holiday(staff_actor, uuid)
    with pytest.raises(ValidationError) as info:
        calendar_edits.save_holiday(manager, date(2027, 1, 1), True)
    assert "date" in info.value.fields
    calendar_edits.delete_holiday(manager, uuid)
    assert holidays.list_holidays(staff_actor, ListQuery()).total == 0
    calendar_edits.save_holiday(manager, date(2027, 1, 1), False, "元旦")  # the date is free again
    assert holidays.work_calendar().is_workday(date(2027, 1, 1)) is False


def test_saving_a_complaint_contact_opens_a_linked_case(staff_actor):
    saved = reception.save_contact(staff_actor, ContactInput(
        channel=Channel.WALK_IN.value, category=Category.COMPLAINT.value, customer_name="李先生",
        phone="13900139000", request="投诉三楼商户拒绝退货\n要求店长道歉"))
    row = Complaint.get(Complaint.contact == saved.uuid)
    assert row.subject == "投诉三楼商户拒绝退货" and row.phone == "13900139000" and row.stage == "accept"
    assert row.number.split("-")[1] == "TS" and row.opened_by == staff_actor.uuid
    reception.save_contact(staff_actor, ContactInput(channel=Channel.WALK_IN.value, category=Category.CONSULT.value,
                                                     request="咨询营业时间"))
    assert Complaint.select().count() == 1
    assert state(staff_actor, row.uuid)["contact_number"] == saved.number


def test_overdue_listing_filters_search_and_paging(staff_actor, manager, clock):
    late = case(staff_actor, dt(2025, 11, 3, 9, 0), customer_name="赵先生", phone="13700137000")
    clock.at = dt(2025, 11, 3, 9, 30)
    fresh = case(staff_actor, customer_name="钱女士", severity="major", level=2)
    done = case(staff_actor, customer_name="孙女士")
    walk(done, staff_actor, manager)
    complaints.close_complaint(manager, done, "basic", False, "客户未接电话")
    clock.at = dt(2025, 11, 3, 10, 5)  # 受理 (1 h) has run out for the case opened at 09:00 only
    overdue = complaint_list.list_complaints(staff_actor, ListQuery(filters={"overdue": True}))
    assert [r["uuid"] for r in overdue.rows] == [late] and overdue.rows[0]["overdue"]
    assert complaint_list.overdue_count(staff_actor) == 1
    every = complaint_list.list_complaints(staff_actor, ListQuery(sort_key="due_at"))
    assert every.total == 3 and {r["uuid"]: r["overdue"] for r in every.rows} == {late: True, fresh: False, done: False}
    open_only = complaint_list.list_complaints(staff_actor, ListQuery(filters={"open_only": True}))
    assert {r["uuid"] for r in open_only.rows} == {late, fresh}
    by = complaint_list.list_complaints
    assert [r["uuid"] for r in by(staff_actor, ListQuery(filters={"severity": "major", "level": 2})).rows] == [fresh]
    assert [r["uuid"] for r in by(staff_actor, ListQuery(filters={"stage": "closed"})).rows] == [done]
    assert [r["uuid"] for r in by(staff_actor, ListQuery(search="赵")).rows] == [late]
    assert [r["uuid"] for r in by(staff_actor, ListQuery(search="13700137000")).rows] == [late]
    number = state(staff_actor, fresh)["number"]
    assert [r["uuid"] for r in by(staff_actor, ListQuery(search=number.lower())).rows] == [fresh]
    second = by(staff_actor, ListQuery(page=1, page_size=2))
    assert second.total == 3 and len(second.rows) == 1 and second.page_count == 2


def test_transfer_slip_and_stage_history(staff_actor, clock):
    uuid = case(staff_actor, description="顾客称停车 2 小时被收 20 元")
    clock.at += timedelta(hours=2)
    complaints.advance(staff_actor, uuid, Stage.VERIFY, "转收费管理部核实")
    slip = complaint_list.transfer_slip(staff_actor, uuid, "测试服务台")
    assert slip.title == "投诉转办处理单" and slip.number == state(staff_actor, uuid)["number"]
    assert ("投诉内容", "顾客称停车 2 小时被收 20 元") in [(f.label, f.value) for f in slip.fields]
    assert slip.tables[0].rows[0][1] == "转入“核实”"
    assert ("最近时限", "2025-11-04 09:00（解决时限）") in [(f.label, f.value) for f in slip.fields]  # level 1: 24 h
    row = state(staff_actor, uuid)
    spans = stage_history(row["opened_at"], row["case_events"], clock.at, holidays.work_calendar())
    assert [s.stage for s in spans] == [Stage.ACCEPT, Stage.VERIFY]
    assert spans[0].clock.late and spans[0].left_at == clock.at  # 受理 took 2 h of its 1 h
    assert spans[1].clock.due == dt(2025, 11, 5, 11, 0) and spans[1].left_at is None


def test_deadline_index_is_rebuilt_once_per_calendar_version(staff_actor, clock):
    uuid = case(staff_actor)
    Complaint.update(due_at=None).execute()  # as if computed with older holiday data
    complaints.ensure_deadline_index()
    assert state(staff_actor, uuid)["due_at"] == dt(2025, 11, 3, 10, 0)  # 受理: one hour
    Complaint.update(due_at=None).execute()
    complaints.ensure_deadline_index()  # same package version: nothing to do
    assert state(staff_actor, uuid)["due_at"] is None
