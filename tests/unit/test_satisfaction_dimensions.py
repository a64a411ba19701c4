"""Satisfaction in three dimensions: at close and on return visits, the overall value derived as the worst of
them, partial or unknown values refused at the field with nothing saved, and the monthly report's rows."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from frontdesk.db.models import Complaint, ReturnVisit
from frontdesk.domain import satisfaction as three
from frontdesk.domain.complaints import ComplaintInput
from frontdesk.domain.report import Period
from frontdesk.domain.sla import Stage
from frontdesk.domain.visits import VisitInput
from frontdesk.errors import ValidationError
from frontdesk.services.complaints import cases as complaints
from frontdesk.services.core.listing import ListQuery
from frontdesk.services.reception import visits
from frontdesk.services.reports import monthly

FLOW = [Stage.VERIFY, Stage.PLAN, Stage.FEEDBACK, Stage.EXECUTE, Stage.ARCHIVE]


def _archived(clerk, manager) -> str:  # noqa: ANN001
    uuid = complaints.open_complaint(clerk, ComplaintInput(
        customer_name="王女士", phone="13800138000", subject="停车场多收费 10 元")).uuid
    for stage in FLOW:
        by = manager if stage in (Stage.PLAN, Stage.FEEDBACK) else clerk
        complaints.advance(by, uuid, stage, "处理", remedy="refund" if stage is Stage.EXECUTE else None)
    return uuid


def _dims(speed: str, result: str, communication: str) -> dict[str, str]:
    return {"sat_speed": speed, "sat_result": result, "sat_communication": communication}


@pytest.mark.parametrize(("values", "overall"), [
    (("satisfied", "satisfied", "satisfied"), "satisfied"),
    (("satisfied", "basic", "satisfied"), "basic"),
    (("basic", "unsatisfied", "satisfied"), "unsatisfied"),
])
def test_overall_is_the_worst_of_three(values, overall):
    assert three.derive_overall(_dims(*values)) == overall


def test_close_with_three_dimensions_derives_the_overall(frozen_clock, staff_actor, manager):
    uuid = _archived(staff_actor, manager)
    complaints.close_complaint(manager, uuid, None, True, "已退款", dimensions=_dims("satisfied", "basic", "satisfied"))
    row = complaints.get_complaint(manager, uuid)
    assert (row["sat_speed"], row["sat_result"], row["sat_communication"]) == ("satisfied", "basic", "satisfied")
    assert row["satisfaction"] == "basic" and row["stage"] == "closed"


@pytest.mark.parametrize(("dims", "fields"), [
    (_dims("", "", ""), {"sat_speed", "sat_result", "sat_communication"}),
    (_dims("satisfied", "", "basic"), {"sat_result"}),
    (_dims("satisfied", "happy", "basic"), {"sat_result"}),
])
def test_close_refuses_missing_or_unknown_dimensions_at_the_field(frozen_clock, staff_actor, manager, dims, fields):
    uuid = _archived(staff_actor, manager)
    with pytest.raises(ValidationError) as info:
        complaints.close_complaint(manager, uuid, "satisfied", True, "总结", dimensions=dims)
    assert set(info.value.fields) == fields
    case = Complaint.get(Complaint.uuid == uuid)
    assert case.stage == "archive" and case.satisfaction == "" and case.sat_speed == ""


def test_close_without_dimensions_still_asks_the_overall(frozen_clock, staff_actor, manager):
    uuid = _archived(staff_actor, manager)
    complaints.close_complaint(manager, uuid, "satisfied", True, "总结")  # the older call: overall only
    case = Complaint.get(Complaint.uuid == uuid)
    assert case.satisfaction == "satisfied" and case.sat_speed == case.sat_result == case.sat_communication == ""


def _visit(**changes) -> VisitInput:  # noqa: ANN003
    values = dict(customer_name="赵女士", phone="13900001111", result="问题已解决", visited_at=datetime(2026, 11, 17, 10))
    values.update(changes)
    return VisitInput(**values)


def test_visit_three_dimensions_optional_and_derived(frozen_clock, staff_actor):
    uuid = visits.record_visit(staff_actor, _visit(satisfaction="satisfied", **_dims("basic", "satisfied", "basic")))
    row = visits.get_visit(staff_actor, uuid)
    assert row["satisfaction"] == "basic" and row["sat_speed"] == "basic"  # the hand-picked overall gives way
    plain = visits.record_visit(staff_actor, _visit(satisfaction="satisfied"))
    assert visits.get_visit(staff_actor, plain)["satisfaction"] == "satisfied"
    assert visits.to_input(row).sat_communication == "basic"
    listed = visits.list_visits(staff_actor, ListQuery(page_size=10)).rows
    assert {r["sat_result"] for r in listed} == {"satisfied", ""}


def test_visit_with_some_dimensions_is_refused_and_nothing_saved(frozen_clock, staff_actor):
    with pytest.raises(ValidationError) as info:
        visits.record_visit(staff_actor, _visit(**_dims("satisfied", "", "")))
    assert set(info.value.fields) == {"sat_result", "sat_communication"}
    with pytest.raises(ValidationError) as info:
        visits.record_visit(staff_actor, _visit(**_dims("satisfied", "ok", "basic")))
    assert set(info.value.fields) == {"sat_result"}
    assert ReturnVisit.select().count() == 0


def test_monthly_report_shows_each_dimension(frozen_clock, staff_actor, manager):
    uuid = _archived(staff_actor, manager)
    complaints.close_complaint(manager, uuid, None, True, "总结", dimensions=_dims("unsatisfied", "satisfied", "basic"))
    visits.record_visit(staff_actor, _visit(**_dims("satisfied", "satisfied", "satisfied")))
    visits.record_visit(staff_actor, _visit(satisfaction="basic"))
    today = frozen_clock.at.date()
    period = Period(date(today.year, today.month, 1), today)
    report = monthly.service_quality(manager, period)
    table = next(t for t in report.tables if t.key == "satisfaction_dimensions")
    rows = {(r[0], r[1]): r[2:] for r in table.rows}
    assert rows[("结案投诉", "处理速度")][:4] == [0, 0, 1, 0]
    assert rows[("结案投诉", "沟通态度")][:4] == [0, 1, 0, 0]
    assert rows[("回访", "处理结果")][:4] == [1, 0, 0, 1]  # the visit rated overall only is unrated here
    overall = next(t for t in report.tables if t.key == "satisfaction")
    assert overall.rows[0][3] == 1  # the closed case counts 不满意 overall, the worst of its three
