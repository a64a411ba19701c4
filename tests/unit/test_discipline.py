"""Incidents within the rule's range, versioned schedule, appeals, dismissal proposals, month lock, export."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from frontdesk import clock
from frontdesk.clock import now
from frontdesk.db.models import FineRule, Incident
from frontdesk.domain.fines import RuleSpec, Unit
from frontdesk.errors import PermissionDenied, ValidationError
from frontdesk.services.core import audit
from frontdesk.services.core.listing import ListQuery
from frontdesk.services.discipline import fine_rules, fine_sheet
from frontdesk.services.discipline import incidents as discipline
from frontdesk.services.discipline.incidents import IncidentInput

# dates in these tests are fixed or counted from a frozen clock, so they pass at any real date
pytestmark = pytest.mark.usefixtures("frozen_clock")

WHEN = datetime(2026, 10, 12, 10, 30)


def record(actor, staff, code="R06", amount="30", **kw) -> list[str]:  # noqa: ANN001, ANN003
    data = IncidentInput(staff_uuids=staff if isinstance(staff, list) else [staff], rule_code=code,
                         occurred_at=kw.pop("occurred_at", WHEN), amount=Decimal(amount), description="测试", **kw)
    return discipline.record_incident(actor, data)


def test_amount_must_lie_in_the_rules_range(manager, staff_actor) -> None:  # noqa: ANN001
    with pytest.raises(ValidationError) as err:
        record(manager, staff_actor.uuid, "R05", "99")
    assert "100–200" in err.value.fields["amount"]
    with pytest.raises(ValidationError):
        record(manager, staff_actor.uuid, "R05", "200.50")
    with pytest.raises(ValidationError) as err:
        record(manager, staff_actor.uuid, "R99", "10")
    assert "rule_code" in err.value.fields
    [uuid] = record(manager, staff_actor.uuid, "R05", "150")
    incident = Incident.get(Incident.uuid == uuid)
    assert incident.amount == Decimal("150.00") and incident.status == "pending" and incident.number.startswith("S01-WJ-")
    with pytest.raises(ValidationError):
        record(manager, staff_actor.uuid, "W08", "40", quantity=1)
    record(manager, staff_actor.uuid, "W08", "40", quantity=2)


def test_per_person_rule_records_one_incident_each(manager, staff_actor, make_actor) -> None:  # noqa: ANN001
    other = make_actor(name="客服小张")
    uuids = record(manager, [staff_actor.uuid, other.uuid], "W03", "10")
    assert len(uuids) == 2 and {Incident.get(Incident.uuid == u).staff_uuid for u in uuids} == {staff_actor.uuid, other.uuid}
    with pytest.raises(ValidationError) as err:
        record(manager, [staff_actor.uuid, other.uuid], "R01", "5")
    assert "按人" in err.value.fields["staff_uuids"]


def test_schedule_versioning_keeps_old_incidents(manager, staff_actor) -> None:  # noqa: ANN001
    [old] = record(manager, staff_actor.uuid, "R06", "50", occurred_at=now() - timedelta(hours=1))
    spec = RuleSpec("R06", "规章制度", "不服从分配，顶撞经理、上司", Decimal(30), Decimal(80))
    with pytest.raises(ValidationError) as err:
        fine_rules.save_version(manager, spec, clock.today() - timedelta(days=1))
    assert "effective_from" in err.value.fields
    with pytest.raises(PermissionDenied):
        fine_rules.save_version(staff_actor, spec, clock.today())
    fine_rules.save_version(manager, spec, clock.today() + timedelta(days=1), "上调")
    assert Incident.get(Incident.uuid == old).amount == Decimal("50.00")
    today = {r["code"]: r for r in fine_rules.current_rules(manager)}
    assert today["R06"]["max_amount"] == Decimal("50.00")
    tomorrow = {r["code"]: r for r in fine_rules.current_rules(manager, clock.today() + timedelta(days=1))}
    assert tomorrow["R06"]["max_amount"] == Decimal("80.00") and tomorrow["R06"]["range_text"] == "30–80"
    assert len(fine_rules.rule_history(manager, "R06")) == 2
    with pytest.raises(ValidationError):  # the old incident is still judged by its own version
        discipline.confirm(manager, old, Decimal("60"))
    discipline.confirm(manager, old, Decimal("45"))
    assert Incident.get(Incident.uuid == old).amount == Decimal("45.00")
    assert audit.history(manager, "R06")[0]["action"] == "new_version"


def test_appeal_flow_and_own_records_only(manager, staff_actor, make_actor) -> None:  # noqa: ANN001
    other = make_actor(name="客服小张")
    [mine] = record(manager, staff_actor.uuid, confirm_now=True)
    [theirs] = record(manager, other.uuid)
    page = discipline.list_incidents(staff_actor, ListQuery(filters={"staff_uuid": other.uuid}))
    assert [r["uuid"] for r in page.rows] == [mine]
    with pytest.raises(PermissionDenied):
        discipline.get_incident(staff_actor, theirs)
    with pytest.raises(PermissionDenied):
        discipline.appeal(staff_actor, theirs, "不是我")
    with pytest.raises(ValidationError):
        discipline.appeal(staff_actor, mine, " ")
    discipline.appeal(staff_actor, mine, "当时在处理客户投诉，并非顶撞")
    assert discipline.get_incident(staff_actor, mine)["status"] == "appealed"
    with pytest.raises(PermissionDenied):
        discipline.decide_appeal(staff_actor, mine, True, "自己批准")
    with pytest.raises(ValidationError):
        discipline.decide_appeal(manager, mine, False, "维持", Decimal("10"))  # below the range
    discipline.decide_appeal(manager, mine, False, "维持处罚，减为 20 元", Decimal("20"))
    got = discipline.get_incident(manager, mine)
    assert got["status"] == "confirmed" and got["amount"] == Decimal("20.00")
    discipline.appeal(staff_actor, mine, "再次申诉")
    discipline.decide_appeal(manager, mine, True, "经核实属实，撤销")
    assert discipline.get_incident(manager, mine)["status"] == "revoked"
    actions = [h["action"] for h in audit.history(manager, mine)]
    assert actions == ["create", "appeal", "appeal_rejected", "appeal", "appeal_upheld"]
    with pytest.raises(PermissionDenied):
        audit.history(staff_actor, mine)


def test_dismissal_flagged_rules_raise_a_proposal(manager, staff_actor) -> None:  # noqa: ANN001
    record(manager, staff_actor.uuid, "R05", "120")  # serious not ticked
    assert discipline.list_dismissals(manager) == []
    record(manager, staff_actor.uuid, "R05", "200", serious=True)
    record(manager, staff_actor.uuid, "R10", "200")
    proposals = discipline.list_dismissals(manager)
    assert sorted(p["rule_code"] for p in proposals) == ["R05", "R10"]
    discipline.decide_dismissal(manager, proposals[0]["uuid"], False, "给予警告")
    assert len(discipline.list_dismissals(manager)) == 1
    with pytest.raises(PermissionDenied):
        discipline.list_dismissals(staff_actor)


def test_month_sheet_sign_off_locks_and_reopen_needs_reason(manager, staff_actor, make_actor, tmp_path) -> None:  # noqa: ANN001
    other = make_actor(name="客服小张")
    [a] = record(manager, staff_actor.uuid, "R06", "30")
    record(manager, staff_actor.uuid, "R01", "5", confirm_now=True)
    record(manager, other.uuid, "R07", "20", confirm_now=True)
    with pytest.raises(ValidationError) as err:
        fine_sheet.sign_off(manager, "2026-10")
    assert "待确认" in err.value.fields["month"]
    discipline.confirm(manager, a)
    sheet = fine_sheet.sheet(manager, "2026-10")
    assert sheet["total"] == Decimal("55.00") and [r["amount"] for r in sheet["rows"]] == [Decimal("35.00"), Decimal("20.00")]
    assert fine_sheet.sheet(staff_actor, "2026-10")["total"] == Decimal("35.00")
    with pytest.raises(PermissionDenied):
        fine_sheet.sign_off(staff_actor, "2026-10")
    fine_sheet.sign_off(manager, "2026-10")
    assert fine_sheet.sheet(manager, "2026-10")["locked"]
    with pytest.raises(ValidationError):
        record(manager, staff_actor.uuid, "R01", "5")
    with pytest.raises(ValidationError):
        discipline.revoke(manager, a, "弄错了")
    with pytest.raises(ValidationError):
        fine_sheet.reopen(manager, "2026-10", "")
    with pytest.raises(PermissionDenied):
        fine_sheet.reopen(staff_actor, "2026-10", "想改")
    fine_sheet.reopen(manager, "2026-10", "补录遗漏的违纪")
    discipline.revoke(manager, a, "弄错了")
    assert [h["action"] for h in fine_sheet.month_history(manager, "2026-10")] == ["sign_off", "reopen"]

    path = tmp_path / "fines.xlsx"
    with pytest.raises(PermissionDenied):
        fine_sheet.export_sheet(staff_actor, "2026-10", path)
    assert fine_sheet.export_sheet(manager, "2026-10", path) == 3
    wb = load_workbook(path)
    summary = wb.worksheets[0]
    assert summary["A1"].value == "工号" and summary.cell(summary.max_row, 1).value == "合计"
    assert Decimal(str(summary.cell(summary.max_row, 4).value)) == Decimal("25")


def test_manager_only_services_refused_to_staff(staff_actor, manager) -> None:  # noqa: ANN001
    [uuid] = record(manager, staff_actor.uuid)
    rule = FineRule.get(FineRule.code == "R01")
    calls = [
        lambda: record(staff_actor, staff_actor.uuid),
        lambda: discipline.confirm(staff_actor, uuid),
        lambda: discipline.revoke(staff_actor, uuid, "x"),
        lambda: discipline.decide_appeal(staff_actor, uuid, True, "x"),
        lambda: discipline.decide_dismissal(staff_actor, uuid, True, "x"),
        lambda: fine_rules.save_version(staff_actor, fine_rules.spec_of(rule), clock.today()),
        lambda: fine_sheet.sign_off(staff_actor, "2026-10"),
        lambda: fine_sheet.reopen(staff_actor, "2026-10", "x"),
        lambda: fine_sheet.export_sheet(staff_actor, "2026-10", "/tmp/x.xlsx"),
        lambda: fine_sheet.month_history(staff_actor, "2026-10"),
        lambda: audit.history(staff_actor, uuid),
    ]
    for call in calls:
        with pytest.raises(PermissionDenied):
            call()
    assert fine_rules.spec_of(rule).unit is Unit.ONCE
