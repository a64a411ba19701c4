"""Supervision (监督检查): inspection rounds and mystery-shopper visits with checklist and findings, a finding
raising a discipline incident or a coaching note, the recording referenced, public-opinion entries with follow-up,
bad input named at its field with nothing saved, roles, the exports."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal

import pytest

from frontdesk.db.models import Incident, Inspection, InspectionFinding, PublicOpinion
from frontdesk.domain.supervision import FindingInput, InspectionInput, OpinionInput
from frontdesk.errors import PermissionDenied, ValidationError
from frontdesk.services.core import list_exports
from frontdesk.services.core.listing import ListQuery
from frontdesk.services.personnel import supervision

AT = datetime(2026, 11, 18, 9, 30)  # half an hour before conftest's FROZEN_AT
RECORDING = r"\\nas\录音\2026-11-18\前台-0930.mp3"


def _visit(staff_uuid: str = "", **changes) -> InspectionInput:  # noqa: ANN003
    values = {"kind": "mystery", "at": AT, "inspector": "第三方暗访员 A", "staff_uuid": staff_uuid,
              "checklist": (("仪容仪表：工装、工牌、发型", True), ("服务态度：主动问好、微笑、耐心", False)),
              "summary": "进门 20 秒无人问好", "recording": RECORDING}
    values.update(changes)
    return InspectionInput(**values)


def test_a_visit_with_a_finding_raising_an_incident_and_one_a_coaching_note(frozen_clock, manager, staff_actor):
    uuid = supervision.save_inspection(manager, _visit(staff_actor.uuid))
    row = supervision.get_inspection(manager, uuid)
    assert (row["failed"], row["staff_name"], row["recording"]) == (1, "客服小王", RECORDING)
    assert [c["ok"] for c in row["checklist"]] == [True, False]
    supervision.add_finding(manager, uuid, FindingInput("见顾客未主动问好", staff_actor.uuid, "incident", "r07"))
    incident = Incident.get()
    assert (incident.rule_code, incident.staff_uuid, incident.occurred_at, incident.source, incident.evidence) == (
        "R07", staff_actor.uuid, AT, "inspection", RECORDING)
    assert incident.amount == Decimal("20.00")  # the rule's amount when none is given
    supervision.add_finding(manager, uuid, FindingInput("问好语气平淡", staff_actor.uuid, "coaching",
                                                        coaching="示范三声问好，下周复查"))
    supervision.add_finding(manager, uuid, FindingInput("台面有杂物"))
    findings = supervision.get_inspection(manager, uuid)["findings"]
    assert [(f["action"], bool(f["incident_uuid"]), f["coaching"]) for f in findings] == [
        ("incident", True, ""), ("coaching", False, "示范三声问好，下周复查"), ("note", False, "")]
    listed = supervision.list_inspections(manager, ListQuery()).rows
    assert (listed[0]["findings"], listed[0]["kind"]) == (3, "mystery")
    assert [r["uuid"] for r in supervision.list_inspections(staff_actor, ListQuery()).rows] == [uuid]  # their own


def test_clerks_cannot_record_inspections_or_findings(frozen_clock, manager, staff_actor):
    with pytest.raises(PermissionDenied):
        supervision.save_inspection(staff_actor, _visit())
    uuid = supervision.save_inspection(manager, _visit())
    with pytest.raises(PermissionDenied):
        supervision.add_finding(staff_actor, uuid, FindingInput("问题"))
    other = supervision.save_inspection(manager, _visit(kind="round"))
    assert supervision.list_inspections(staff_actor, ListQuery()).rows == []  # none about them
    assert len(supervision.list_inspections(manager, ListQuery(filters={"kind": "round"})).rows) == 1
    assert other


@pytest.mark.parametrize(("changes", "field"), [
    ({"kind": "phone"}, "kind"),
    ({"at": None}, "at"),
    ({"at": AT + timedelta(days=1)}, "at"),
    ({"inspector": " "}, "inspector"),
    ({"checklist": ()}, "checklist"),
    ({"summary": "长" * 501}, "summary"),
    ({"recording": "d:/" + "a" * 300}, "recording"),
    ({"staff_uuid": "nobody"}, "staff_uuid"),
])
def test_a_bad_inspection_names_the_field_and_saves_nothing(frozen_clock, manager, changes, field):
    with pytest.raises(ValidationError) as caught:
        supervision.save_inspection(manager, _visit(**changes))
    assert field in caught.value.fields
    assert Inspection.select().count() == 0


@pytest.mark.parametrize(("finding", "field"), [
    (FindingInput(" "), "text"),
    (FindingInput("问题", action="fire"), "action"),
    (FindingInput("问题", action="incident"), "staff_uuid"),
    (FindingInput("问题", "STAFF", action="incident"), "rule_code"),
    (FindingInput("问题", "STAFF", action="incident", rule_code="Z99"), "rule_code"),
    (FindingInput("问题", "STAFF", action="incident", rule_code="R07", amount=Decimal("999")), "amount"),
    (FindingInput("问题", "STAFF", action="coaching"), "coaching"),
])
def test_a_bad_finding_names_the_field_and_saves_nothing(frozen_clock, manager, staff_actor, finding, field):
    uuid = supervision.save_inspection(manager, _visit())
    if finding.staff_uuid == "STAFF":
        finding = FindingInput(finding.text, staff_actor.uuid, finding.action, finding.rule_code, finding.amount,
                               finding.coaching)
    with pytest.raises(ValidationError) as caught:
        supervision.add_finding(manager, uuid, finding)
    assert field in caught.value.fields
    assert InspectionFinding.select().count() == 0 and Incident.select().count() == 0


def test_opinions_are_logged_at_the_desk_and_followed_up_by_a_manager(frozen_clock, manager, staff_actor):
    uuid = supervision.log_opinion(staff_actor, OpinionInput("online", AT, "前台等了十分钟没人理", "大众点评", 2, "小鹿"))
    supervision.log_opinion(staff_actor, OpinionInput("comment_box", AT - timedelta(hours=1), "希望增加储物柜"))
    assert [r["platform"] for r in supervision.list_opinions(staff_actor, ListQuery(filters={"low": True})).rows] == [
        "大众点评"]
    with pytest.raises(PermissionDenied):
        supervision.follow_up(staff_actor, uuid, "已回复")
    with pytest.raises(ValidationError) as caught:
        supervision.follow_up(manager, uuid, "  ")
    assert "follow_up" in caught.value.fields
    supervision.follow_up(manager, uuid, "已在平台回复致歉，前台高峰加派一人", close=True)
    row = supervision.get_opinion(staff_actor, uuid)
    assert (row["status"], row["handler_name"], row["followed_up_at"]) == ("closed", "主管老李", frozen_clock())
    with pytest.raises(ValidationError):
        supervision.follow_up(manager, uuid, "再次跟进")
    open_ones = supervision.list_opinions(staff_actor, ListQuery(filters={"status": "open"})).rows
    assert [r["content"] for r in open_ones] == ["希望增加储物柜"]


@pytest.mark.parametrize(("data", "field"), [
    (OpinionInput("fax", AT, "内容"), "source"),
    (OpinionInput("comment_box", None, "内容"), "received_at"),
    (OpinionInput("comment_box", AT + timedelta(days=1), "内容"), "received_at"),
    (OpinionInput("comment_box", AT, "  "), "content"),
    (OpinionInput("comment_box", AT, "长" * 1001), "content"),
    (OpinionInput("online", AT, "内容", "大众点评", 6), "rating"),
    (OpinionInput("online", AT, "内容"), "platform"),
])
def test_a_bad_opinion_names_the_field_and_saves_nothing(frozen_clock, staff_actor, data, field):
    with pytest.raises(ValidationError) as caught:
        supervision.log_opinion(staff_actor, data)
    assert field in caught.value.fields
    assert PublicOpinion.select().count() == 0


def test_the_exports(frozen_clock, manager, staff_actor):
    supervision.save_inspection(manager, _visit(staff_actor.uuid))
    supervision.log_opinion(staff_actor, OpinionInput("online", AT, "很好", "美团", 5))
    inspections = list_exports.export_list("inspections", manager, ListQuery())
    opinions = list_exports.export_list("opinions", staff_actor, ListQuery())
    assert inspections.total == 1 and len(list(inspections.rows)) == 1
    rows = list(opinions.rows)
    assert opinions.total == 1 and rows[0][[c.key for c in opinions.specs].index("rating")] == 5
