"""Complaint handling by role (seed 000 template 2), reclassification after opening, and the versioned SLA policy."""

from __future__ import annotations

from datetime import date, time, timedelta
from datetime import datetime as dt

import pytest

from frontdesk.db.models import Complaint, ComplaintEvent, SlaPolicy
from frontdesk.domain.complaints import ComplaintInput
from frontdesk.domain.reception import Category, Channel, ContactInput
from frontdesk.domain.roles import Role
from frontdesk.domain.sla import ClockKind, Stage
from frontdesk.domain.sla_policy import DEFAULT_POLICY, ServiceDays
from frontdesk.errors import PermissionDenied, ValidationError
from frontdesk.services.complaints import case_list, handling
from frontdesk.services.complaints import cases as complaints
from frontdesk.services.complaints import sla_policy as policies
from frontdesk.services.core import staff as staff_service
from frontdesk.services.core.listing import ListQuery
from frontdesk.services.reception import contacts as reception

Classification = handling.Classification


@pytest.fixture
def clock(frozen_clock):  # noqa: ANN001, ANN201
    frozen_clock.set(dt(2026, 11, 16, 9, 0))  # a Monday
    return frozen_clock


@pytest.fixture
def people(make_actor):  # noqa: ANN001, ANN201
    return {"clerk": make_actor(Role.STAFF, "客服小王"), "handler": make_actor(Role.STAFF, "专员小张"),
            "manager": make_actor(Role.MANAGER, "主管老李"), "leader": make_actor(Role.MANAGER, "经理老周")}


def open_case(actor, **kw) -> str:  # noqa: ANN001, ANN003
    data = dict(customer_name="王女士", phone="13800138000", subject="停车场多收费 10 元")
    data.update(kw)
    return complaints.open_complaint(actor, ComplaintInput(**data)).uuid


def stage_of(uuid: str) -> str:
    return Complaint.get(Complaint.uuid == uuid).stage


# (stage being finished, the move, who is refused, who may)
ROLE_TABLE = [
    (Stage.VERIFY, Stage.PLAN, ["clerk"], "handler"),  # 核实: a manager or the assigned handler
    (Stage.PLAN, Stage.FEEDBACK, ["clerk", "handler"], "manager"),  # 方案: approved by a manager
]


@pytest.mark.parametrize(("at", "to", "refused", "allowed"), ROLE_TABLE)
def test_each_stage_refuses_the_wrong_role(people, clock, at, to, refused, allowed):
    uuid = open_case(people["clerk"])
    handling.reclassify(people["manager"], uuid, Classification(handler_uuid=people["handler"].uuid))
    complaints.advance(people["clerk"], uuid, Stage.VERIFY, "已记录并安抚客户")  # 受理: the clerk
    if at is Stage.PLAN:
        complaints.advance(people["handler"], uuid, Stage.PLAN, "核实属实")
    events = ComplaintEvent.select().count()
    for name in refused:
        with pytest.raises(PermissionDenied):
            complaints.advance(people[name], uuid, to, "越权推进")
    assert stage_of(uuid) == at.value and ComplaintEvent.select().count() == events
    complaints.advance(people[allowed], uuid, to, "按职责推进")
    assert stage_of(uuid) == to.value


def test_archive_is_closed_by_a_manager_only(people, clock):
    uuid = open_case(people["clerk"])
    for stage, who in [(Stage.VERIFY, "clerk"), (Stage.PLAN, "manager"), (Stage.FEEDBACK, "manager"),
                       (Stage.EXECUTE, "clerk"), (Stage.ARCHIVE, "clerk")]:
        complaints.advance(people[who], uuid, stage, "处理", remedy="refund" if stage is Stage.EXECUTE else None)
    for name in ("clerk", "handler"):
        with pytest.raises(PermissionDenied):
            complaints.close_complaint(people[name], uuid, "satisfied", True, "总结")
    complaints.close_complaint(people["manager"], uuid, "satisfied", True, "总结：加强收费员培训")
    assert stage_of(uuid) == "closed"


def test_major_plan_needs_a_second_approval_and_an_escalation(people, clock):
    uuid = open_case(people["clerk"], severity="major", level=3)
    complaints.advance(people["clerk"], uuid, Stage.VERIFY, "受理")
    complaints.advance(people["manager"], uuid, Stage.PLAN, "核实")
    with pytest.raises(ValidationError) as info:
        complaints.advance(people["manager"], uuid, Stage.FEEDBACK, "方案：退还 10 元并致歉")
    assert set(info.value.fields) == {"approval", "escalation"}
    with pytest.raises(PermissionDenied):
        handling.approve_plan(people["clerk"], uuid)
    handling.approve_plan(people["manager"], uuid, "同意")
    with pytest.raises(ValidationError) as info:  # the manager's own approval is not the second one
        complaints.advance(people["manager"], uuid, Stage.FEEDBACK, "方案")
    assert "approval" in info.value.fields
    handling.approve_plan(people["leader"], uuid, "分管领导同意")
    with pytest.raises(ValidationError) as info:
        handling.escalate(people["manager"], uuid, "  ")
    assert "reported_to" in info.value.fields
    with pytest.raises(PermissionDenied):
        handling.escalate(people["clerk"], uuid, "公司分管副总")
    handling.escalate(people["manager"], uuid, "公司分管副总 张总", "电话报告")
    complaints.advance(people["manager"], uuid, Stage.FEEDBACK, "方案：退还 10 元并致歉")
    row = complaints.get_complaint(people["clerk"], uuid)
    kinds = [(e["kind"], e["actor_name"]) for e in row["events"]]
    assert ("approve", "经理老周") in kinds and ("escalate", "主管老李") in kinds
    assert [e["new_value"] for e in row["events"] if e["kind"] == "escalate"] == ["公司分管副总 张总"]


def test_reception_born_case_is_reclassified_with_history_and_new_deadlines(people, clock):
    dept = staff_service.save_department(people["manager"], "收费管理部")
    saved = reception.save_contact(people["clerk"], ContactInput(
        channel=Channel.PHONE.value, category=Category.COMPLAINT.value, customer_name="李先生",
        phone="13900139000", request="收费员态度恶劣"))
    case = Complaint.get(Complaint.contact == saved.uuid)
    assert (case.category, case.severity, case.level, case.department_uuid, case.handler_uuid) == (
        "other", "general", 1, None, None)
    with pytest.raises(PermissionDenied):
        handling.reclassify(people["clerk"], case.uuid, Classification(severity="major"))
    before = complaints.get_complaint(people["clerk"], case.uuid)["clock"]
    changed = handling.reclassify(people["manager"], case.uuid, Classification(
        category="attitude", severity="major", level=2, department_uuid=dept, handler_uuid=people["handler"].uuid),
        "电话回访后确认")
    assert changed == 5
    row = complaints.get_complaint(people["clerk"], case.uuid)
    assert (row["category"], row["severity"], row["level"], row["department_name"], row["handler_name"]) == (
        "attitude", "major", 2, "收费管理部", "专员小张")
    log = [(e["field"], e["old_value"], e["new_value"], e["actor_name"]) for e in row["events"]]
    assert ("severity", "general", "major", "主管老李") in log and ("handler_uuid", "", "专员小张", "主管老李") in log
    assert row["clock"].answer_deadline > before.answer_deadline and row["clock"].respond is not None
    assert row["due_at"] == row["clock"].next_due
    # the handler may correct the category, nothing else
    handling.reclassify(people["handler"], case.uuid, Classification(category="price"))
    with pytest.raises(PermissionDenied):
        handling.reclassify(people["handler"], case.uuid, Classification(level=3))
    assert handling.reclassify(people["manager"], case.uuid, Classification(level=2)) == 0  # unchanged: no entry
    with pytest.raises(ValidationError) as info:
        handling.reclassify(people["manager"], case.uuid, Classification(level=7, handler_uuid="nobody"))
    assert set(info.value.fields) == {"level", "handler_uuid"}


def test_a_contact_recategorised_as_complaint_opens_its_case_once(people, clock):
    data = ContactInput(channel=Channel.WALK_IN.value, category=Category.CONSULT.value, customer_name="赵女士",
                        request="询问停车收费标准")
    saved = reception.save_contact(people["clerk"], data)
    assert Complaint.select().count() == 0
    data.category = Category.COMPLAINT.value
    reception.save_contact(people["clerk"], data, saved.uuid)
    reception.save_contact(people["clerk"], data, saved.uuid)  # saved again: still one case
    assert [c.contact_uuid for c in Complaint.select()] == [saved.uuid]


def test_policy_versions_apply_to_cases_opened_after_them(people, clock):
    old = open_case(people["clerk"], level=2)
    desk = DEFAULT_POLICY.with_(service_start=time(8), service_end=time(22), service_days=ServiceDays.ALL,
                                answer_general=3)
    with pytest.raises(PermissionDenied):
        policies.save_policy(people["clerk"], desk)
    policies.save_policy(people["manager"], desk, note="服务台 8:00–22:00")
    new = open_case(people["clerk"], level=2)
    old_row, new_row = (complaints.get_complaint(people["clerk"], u) for u in (old, new))
    assert old_row["policy"] == DEFAULT_POLICY and new_row["policy"] == desk
    assert old_row["clock"].answer_deadline == dt(2026, 11, 23, 9, 0)  # 5 working days: unchanged
    assert new_row["clock"].answer_deadline == dt(2026, 11, 19, 9, 0)  # 3 working days
    assert new_row["clock"].respond.due == dt(2026, 11, 16, 21, 0)  # 12 service hours from 09:00
    assert policies.current_policy(people["clerk"])["policy"] == desk
    later = desk.with_(answer_general=4)
    policies.save_policy(people["manager"], later, date(2026, 12, 1))
    assert policies.current_policy(people["clerk"])["policy"] == desk
    assert policies.current_policy(people["clerk"], date(2026, 12, 1))["policy"] == later
    assert [v["policy"] for v in policies.policy_history(people["clerk"])] == [later, desk]


@pytest.mark.parametrize(
    ("changes", "field"),
    [({"stage_verify": 0}, "stage_verify"), ({"respond_3": -2}, "respond_3"),
     ({"service_start": time(22), "service_end": time(8)}, "service_end")],
)
def test_bad_policy_is_refused_and_nothing_changes(people, clock, changes, field):
    with pytest.raises(ValidationError) as info:
        policies.save_policy(people["manager"], DEFAULT_POLICY.with_(**changes))
    assert field in info.value.fields
    with pytest.raises(ValidationError) as info:
        policies.save_policy(people["manager"], DEFAULT_POLICY, clock.at.date() - timedelta(days=1))
    assert "effective_from" in info.value.fields
    assert SlaPolicy.select().count() == 0


def test_list_names_the_clock_due_first(people, clock):
    uuid = open_case(people["clerk"])  # level 1: resolve within 24 h (of working days)
    complaints.advance(people["clerk"], uuid, Stage.VERIFY, "受理完毕")  # 核实: 2 working days
    row = case_list.list_complaints(people["clerk"], ListQuery()).rows[0]
    assert row["due_clock"] == ClockKind.RESOLVE.value and row["due_at"] == dt(2026, 11, 17, 9, 0)
    actions = handling.actions_for(people["clerk"], row)
    assert actions["advance"] and actions["approve"] and actions["classify"]
    assert handling.actions_for(people["manager"], row)["advance"] is None
