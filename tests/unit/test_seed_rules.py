"""Small seed rules (issue 19 item 9): the 工号 in standard phrases, meal times in shift types, the printable
return-visit form and complaint summary report."""

import pytest

from frontdesk.domain.phrases import fill_staff_number
from frontdesk.services.reception import phrases

pytestmark = pytest.mark.usefixtures("frozen_clock")


def test_the_staff_number_fills_the_phrase_placeholder(admin, staff_actor):
    assert fill_staff_number("您好，我是××号，请问有什么可以帮您？", "1023") == "您好，我是1023号，请问有什么可以帮您？"
    assert fill_staff_number("请您与××部门联系，XX号为您服务", "7") == "请您与××部门联系，7号为您服务"
    assert fill_staff_number("我是××号", "") == "我是××号"
    book = {situation: texts for situation, _label, texts in phrases.phrase_book(staff_actor)}
    assert f"您好，{staff_actor.staff_no}号为您服务！" in book["greeting"]
    assert any("××部门" in t for t in book["wrong_number"])  # not a staff number: left for the clerk
    listed = [r["text"] for r in phrases.list_phrases(staff_actor, "greeting")]
    assert "您好，××号为您服务！" in listed  # the phrase book itself keeps the placeholder


def test_meal_window_of_day_and_night_shifts():
    from datetime import date, datetime

    from frontdesk.domain.meals import during_meal, meal_problems, meal_window

    day = date(2026, 12, 31)
    assert meal_window(day, "08:00", "16:00", "11:30", "12:00") == (datetime(2026, 12, 31, 11, 30),
                                                                    datetime(2026, 12, 31, 12, 0))
    night = meal_window(day, "22:00", "06:00", "02:00", "02:30")  # the night shift eats after midnight
    assert night == (datetime(2027, 1, 1, 2, 0), datetime(2027, 1, 1, 2, 30))
    assert during_meal(datetime(2027, 1, 1, 2, 0), night) and not during_meal(datetime(2027, 1, 1, 2, 30), night)
    assert meal_window(day, "08:00", "16:00", "", "") is None
    assert meal_problems("08:00", "16:00", "", "") == {}
    assert set(meal_problems("08:00", "16:00", "12", "")) == {"meal_start", "meal_end"}
    assert set(meal_problems("08:00", "16:00", "11:00", "13:00")) == {"meal_end"}  # over 90 minutes
    assert set(meal_problems("08:00", "16:00", "17:00", "17:30")) == {"meal_start"}  # outside the shift


def test_meal_time_in_shift_type_is_not_leaving_the_post(manager, staff_actor, frozen_clock):
    from datetime import datetime, timedelta
    from decimal import Decimal

    from frontdesk.db.models import Incident, ShiftType
    from frontdesk.errors import ValidationError
    from frontdesk.services.discipline import incidents
    from frontdesk.services.personnel import shifts

    with pytest.raises(ValidationError) as caught:
        shifts.save_shift_type(manager, "白班", "08:00", "16:00", meal_start="15:50", meal_end="16:30")
    assert set(caught.value.fields) == {"meal_start"}
    assert not ShiftType.select().where(ShiftType.name == "白班").exists()
    kind = shifts.save_shift_type(manager, "白班", "08:00", "16:00", meal_start="11:30", meal_end="12:00")
    assert {t["name"]: t["meal_start"] for t in shifts.list_shift_types(staff_actor)}["白班"] == "11:30"
    from frontdesk import clock

    today = clock.today() - timedelta(days=1)
    shifts.assign(manager, staff_actor.uuid, today, kind)
    lunch = datetime.combine(today, datetime.min.time()).replace(hour=11, minute=40)
    assert shifts.on_meal_break(staff_actor.uuid, lunch)
    assert not shifts.on_meal_break(staff_actor.uuid, lunch + timedelta(hours=1))
    for code in ("R03", "L05"):
        with pytest.raises(ValidationError) as caught:
            incidents.record_incident(manager, incidents.IncidentInput([staff_actor.uuid], code, lunch, Decimal("20")))
        assert "用餐" in caught.value.fields["occurred_at"]
    assert Incident.select().count() == 0
    incidents.record_incident(manager, incidents.IncidentInput([staff_actor.uuid], "R03", lunch + timedelta(hours=1),
                                                               Decimal("20")))
    incidents.record_incident(manager, incidents.IncidentInput([staff_actor.uuid], "R01", lunch, Decimal("5")))
    assert Incident.select().count() == 2  # another rule at lunch is still an offence


def _closed_case(staff_actor, manager, frozen_clock) -> str:  # noqa: ANN001
    from frontdesk.domain.complaints import ComplaintInput
    from frontdesk.domain.sla import Stage
    from frontdesk.services.complaints import cases as complaints

    uuid = complaints.open_complaint(staff_actor, ComplaintInput(
        customer_name="王女士", phone="13800138000", subject="停车场多收费 10 元")).uuid
    notes = {Stage.VERIFY: "已登记，安抚客户", Stage.PLAN: "查监控属实", Stage.FEEDBACK: "退还多收的 10 元",
             Stage.EXECUTE: "客户同意方案", Stage.ARCHIVE: "已退款"}
    for stage, note in notes.items():
        frozen_clock.advance(hours=1)
        by = manager if stage in (Stage.PLAN, Stage.FEEDBACK) else staff_actor
        complaints.advance(by, uuid, stage, note, remedy="refund" if stage is Stage.EXECUTE else None)
    frozen_clock.advance(hours=1)
    complaints.close_complaint(manager, uuid, "satisfied", True, "收费员培训，收费系统加提示")
    return uuid


def test_complaint_summary_report(staff_actor, manager, frozen_clock):
    from frontdesk.services.complaints import summary_report

    uuid = _closed_case(staff_actor, manager, frozen_clock)
    doc = summary_report.summary_report(staff_actor, uuid, "测试服务台")
    fields = {f.label: f.value for f in doc.fields}
    assert doc.title == "投诉处理总结报告" and doc.number.startswith("S01-TS-")
    assert fields["受理情况"] == "已登记，安抚客户" and fields["核实情况"] == "查监控属实"
    assert fields["处理方案"] == "退还多收的 10 元" and fields["归档总结"] == "收费员培训，收费系统加提示"
    assert fields["客户反馈"] == "客户同意方案" and fields["执行结果"] == "补救方式：退款；已退款" and fields["客户满意度"] == "满意" and fields["客户确认"] == "已确认"
    assert fields["处理用时"] == "6.0 小时" and "按时" in fields["时限执行"]
    assert doc.tables[0].title == "处理经过" and len(doc.tables[0].rows) == 6
    assert doc.signature_lines[:2] == ["经办人", "客服主管"]


def test_visit_form_filled_and_blank(staff_actor, manager, frozen_clock):
    from datetime import timedelta

    from frontdesk import clock
    from frontdesk.domain.visits import VisitInput
    from frontdesk.services.reception import visit_form, visits

    case = _closed_case(staff_actor, manager, frozen_clock)
    uuid = visits.record_visit(staff_actor, VisitInput(
        customer_name="王女士", phone="13800138000", visited_at=clock.now() - timedelta(minutes=5),
        opinions="处理及时", suggestions="收费处增加提示牌", result="客户满意", satisfaction="satisfied",
        complaint_uuid=case))
    doc = visit_form.visit_form(staff_actor, uuid, "测试服务台")
    fields = {f.label: f.value for f in doc.fields}
    assert doc.title == "客户回访表" and fields["回访事由"] == "停车场多收费 10 元" and fields["回访人"] == "客服小王"
    assert fields["客户建议"] == "收费处增加提示牌" and fields["客户满意度"] == "满意" and fields["回访方式"] == "电话"
    blank = visit_form.blank_form(staff_actor, {"customer_name": "李先生", "phone": "139", "complaint_uuid": case,
                                                "kind": "complaint"})
    fields = {f.label: f.value for f in blank.fields}
    assert fields["客户"] == "李先生" and fields["回访事由"] == "停车场多收费 10 元" and "□满意" in fields["客户满意度"]
