"""check compares audited records with their audit trail: a fine or a score rewritten or deleted with SQL is named."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import pytest

from frontdesk.db import dialect
from frontdesk.db.models import Incident
from frontdesk.domain.assessment_seed import DEFAULT_UUID
from frontdesk.services.assessments import runs as assessments
from frontdesk.services.assessments.runs import RunInput
from frontdesk.services.core import audit_match, system
from frontdesk.services.discipline import incidents as discipline
from frontdesk.services.discipline.incidents import IncidentInput

pytestmark = pytest.mark.usefixtures("frozen_clock")


def _fine_and_score(manager, staff_actor) -> tuple[str, str]:  # noqa: ANN001
    [incident] = discipline.record_incident(manager, IncidentInput(
        staff_uuids=[staff_actor.uuid], rule_code="R06", occurred_at=datetime(2026, 10, 12, 10, 30),
        amount=Decimal("30"), description="测试"))
    discipline.confirm(manager, incident, Decimal("45"))  # changed through the service: audited, so it matches
    run = assessments.create_run(manager, RunInput("quarter", 2026, 1, [staff_actor.uuid], DEFAULT_UUID))
    [row] = assessments.team(manager, run)
    form = assessments.get_assessment(manager, row["uuid"])
    assessments.score(manager, row["uuid"], {i.key: Decimal(4) for i in form["spec"].items if not i.auto})
    return incident, row["uuid"]


def test_records_changed_through_the_services_match(manager, staff_actor):
    _fine_and_score(manager, staff_actor)
    assert audit_match.problems() == [] and system.check().problems == []


def test_a_fine_rewritten_with_sql_is_named(manager, staff_actor):
    incident, _ = _fine_and_score(manager, staff_actor)
    number = Incident.get(Incident.uuid == incident).number
    dialect.execute("UPDATE incident SET amount = 0 WHERE uuid = ?", (incident,))
    (problem,) = system.check().problems
    assert f"incident {number} 的 amount 现为 0.00" in problem and "记为 45" in problem
    assert not system.check().healthy


def test_a_scored_assessment_deleted_with_sql_is_named(manager, staff_actor):
    _, scored = _fine_and_score(manager, staff_actor)
    dialect.execute("DELETE FROM assessment WHERE uuid = ?", (scored,))
    (problem,) = system.check().problems
    assert "记录被删除" in problem and scored in problem


def test_a_rewritten_score_is_named_and_many_problems_are_counted(manager, staff_actor, monkeypatch):
    _, scored = _fine_and_score(manager, staff_actor)
    dialect.execute("UPDATE assessment SET total = 9999, grade = 'excellent' WHERE uuid = ?", (scored,))
    found = audit_match.problems()
    assert len(found) == 2 and all(scored in p for p in found)
    monkeypatch.setattr(audit_match, "SHOWN", 1)
    assert audit_match.problems()[-1].endswith("另有 1 处记录与审计不符")
