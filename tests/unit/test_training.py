"""Training records: managers record sessions with attendance and scores, staff read their own history; bad
input refused at the field with nothing saved; the list and its export; the 业务知识 evidence of assessments."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from frontdesk.db.models import AuditLog, TrainingAttendance, TrainingSession
from frontdesk.domain.assessment_seed import DEFAULT_UUID
from frontdesk.domain.roles import Role
from frontdesk.domain.training import AttendeeInput, SessionInput
from frontdesk.errors import PermissionDenied, ValidationError
from frontdesk.services.assessments import runs as assessments
from frontdesk.services.core import list_exports
from frontdesk.services.core.listing import ListQuery
from frontdesk.services.personnel import training

pytestmark = pytest.mark.usefixtures("frozen_clock")  # 2026-11-18


def _session(people, **changes) -> SessionInput:  # noqa: ANN001, ANN003
    values = dict(kind="periodic", title="收费政策与文明用语", held_on=date(2026, 11, 10), hours="2",
                  trainer="主管老李", pass_score="60",
                  attendees=[AttendeeInput(p.uuid, "present", "85") for p in people])
    values.update(changes)
    return SessionInput(**values)


def test_manager_records_and_corrects_a_session_staff_read_their_own(manager, staff_actor, make_actor):
    other = make_actor(Role.STAFF, "客服小张")
    uuid = training.save_session(manager, _session([staff_actor, other]))
    row = training.get_session(manager, uuid)
    assert row["hours"] == Decimal("2.00") and row["pass_score"] == Decimal("60.00")
    assert [(a["staff_name"], a["status"], a["score"]) for a in row["attendees"]] == [
        ("客服小王", "present", Decimal("85.00")), ("客服小张", "present", Decimal("85.00"))]
    data = training.to_input(row)
    data.attendees[1] = AttendeeInput(other.uuid, "absent", "")
    data.attendees[0].score = "55.5"
    data.hours = "1.5"
    training.save_session(manager, data, uuid)
    mine = training.history(staff_actor, staff_actor.uuid)
    assert [(h["title"], h["score"], h["passed"], h["hours"]) for h in mine] == [
        ("收费政策与文明用语", Decimal("55.50"), False, Decimal("1.50"))]
    assert training.history(other, other.uuid)[0]["status"] == "absent"
    with pytest.raises(PermissionDenied):
        training.history(staff_actor, other.uuid)
    with pytest.raises(PermissionDenied):
        training.save_session(staff_actor, _session([staff_actor]))
    with pytest.raises(PermissionDenied):
        training.list_sessions(staff_actor, ListQuery())
    data.attendees = data.attendees[:1]  # 客服小张 taken off the list: a tombstone
    training.save_session(manager, data, uuid)
    assert training.history(other, other.uuid) == []
    assert TrainingAttendance.select().where(TrainingAttendance.deleted == True).count() == 1  # noqa: E712
    training.delete_session(manager, uuid)
    assert training.history(staff_actor, staff_actor.uuid) == []
    actions = [a.action for a in AuditLog.select().where(AuditLog.entity == "training_session").order_by(AuditLog.id)]
    assert actions == ["create", "update", "update", "delete"]


@pytest.mark.parametrize(("changes", "field"), [
    ({"kind": "weekly"}, "kind"),
    ({"title": " "}, "title"),
    ({"title": "长" * 61}, "title"),
    ({"held_on": None}, "held_on"),
    ({"held_on": date(2026, 11, 19)}, "held_on"),
    ({"hours": ""}, "hours"),
    ({"hours": "0"}, "hours"),
    ({"hours": "25"}, "hours"),
    ({"hours": "两小时"}, "hours"),
    ({"pass_score": "120"}, "pass_score"),
    ({"trainer": "名" * 31}, "trainer"),
    ({"attendees": []}, "attendees"),
])
def test_bad_session_is_refused_at_the_field(manager, staff_actor, changes, field):
    with pytest.raises(ValidationError) as info:
        training.save_session(manager, _session([staff_actor], **changes))
    assert field in info.value.fields
    assert TrainingSession.select().count() == 0 and TrainingAttendance.select().count() == 0


@pytest.mark.parametrize(("attendee", "words"), [
    (AttendeeInput("", "present", "80"), "员工不存在"),
    (AttendeeInput("me", "absent", "80"), "未出勤"),
    (AttendeeInput("me", "present", "101"), "0–100"),
    (AttendeeInput("me", "late", ""), "出勤情况"),
])
def test_bad_attendee_line_names_the_person(manager, staff_actor, attendee, words):
    if attendee.staff_uuid == "me":
        attendee.staff_uuid = staff_actor.uuid
    with pytest.raises(ValidationError) as info:
        training.save_session(manager, _session([], attendees=[attendee]))
    assert words in info.value.fields["attendees"]
    assert TrainingSession.select().count() == 0


def test_a_score_without_a_test_is_refused(manager, staff_actor):
    with pytest.raises(ValidationError) as info:
        training.save_session(manager, _session([staff_actor], pass_score=""))
    assert "没有考试" in info.value.fields["attendees"]
    training.save_session(manager, _session([], pass_score="", attendees=[AttendeeInput(staff_actor.uuid)]))
    assert training.history(staff_actor, staff_actor.uuid)[0]["passed"] is None


def test_list_filters_searches_and_exports(manager, staff_actor, tmp_path):
    training.save_session(manager, _session([staff_actor]))
    training.save_session(manager, _session([staff_actor], kind="induction", title="新员工岗前培训",
                                            held_on=date(2026, 3, 2), trainer="人事部"))
    page = training.list_sessions(manager, ListQuery(page_size=10))
    assert [r["title"] for r in page.rows] == ["收费政策与文明用语", "新员工岗前培训"]  # newest first
    assert page.rows[0]["present"] == 1 and page.rows[0]["absent"] == 0
    assert [r["title"] for r in training.list_sessions(manager, ListQuery(filters={"kind": "induction"})).rows] == [
        "新员工岗前培训"]
    assert [r["title"] for r in training.list_sessions(manager, ListQuery(search="人事")).rows] == ["新员工岗前培训"]
    export = list_exports.export_list("training", manager, ListQuery(filters={"kind": "periodic"}))
    path = tmp_path / "training.xlsx"
    assert export.write(path) == 1
    sheet = load_workbook(path).active
    values = [c.value for row in sheet.iter_rows() for c in row]
    assert "收费政策与文明用语" in values and "新员工岗前培训" not in values


def test_training_is_evidence_for_the_knowledge_dimension(manager, staff_actor):
    training.save_session(manager, _session([staff_actor]))  # 2026-11-10, 85
    training.save_session(manager, _session([staff_actor], title="投诉处理专项", kind="special",
                                            held_on=date(2026, 11, 12), hours="3",
                                            attendees=[AttendeeInput(staff_actor.uuid, "present", "50")]))
    training.save_session(manager, _session([staff_actor], title="十月例会", held_on=date(2026, 10, 31),
                                            attendees=[AttendeeInput(staff_actor.uuid, "absent", "")]))
    found = training.evidence(staff_actor.uuid, date(2026, 11, 1), date(2026, 12, 1))
    assert (found["trainings"], found["training_missed"], found["training_hours"], found["training_score"],
            found["training_failed"]) == (2, 0, Decimal("5.00"), Decimal("67.5"), 1)
    run = assessments.create_run(manager, assessments.RunInput("adhoc", 0, 0, [staff_actor.uuid], DEFAULT_UUID,
                                                               start=date(2026, 10, 1), end=date(2026, 11, 17)))
    form = assessments.get_assessment(manager, assessments.team(manager, run)[0]["uuid"])
    assert (form["evidence"]["trainings"], form["evidence"]["training_missed"]) == (2, 1)
    assert len(form["evidence"]["training_lines"]) == 3
