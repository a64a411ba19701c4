"""Ad-hoc assessments (不定期专项考核): a run on chosen dates, template and people; evidence for exactly those
dates; in the person's history and their own list, never in a period's ranking; bad dates refused at the field."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest

from frontdesk.db.models import Assessment, AssessmentRun, FineRule, Incident
from frontdesk.domain.assessment_seed import DEFAULT_UUID
from frontdesk.domain.roles import Role
from frontdesk.errors import PermissionDenied, ValidationError
from frontdesk.services.assessments import results
from frontdesk.services.assessments import runs as assessments
from frontdesk.services.assessments.runs import RunInput

pytestmark = pytest.mark.usefixtures("frozen_clock")  # 2026-11-18


def _adhoc(actor, people, start=date(2026, 11, 2), end=date(2026, 11, 13), **kw) -> str:  # noqa: ANN001, ANN003
    return assessments.create_run(actor, RunInput("adhoc", 0, 0, [p.uuid for p in people], DEFAULT_UUID,
                                                  start=start, end=end, **kw))


def _score_all(manager, run: str, value: int = 4) -> None:  # noqa: ANN001
    for row in assessments.team(manager, run):
        form = assessments.get_assessment(manager, row["uuid"])
        assessments.score(manager, row["uuid"], {i.key: Decimal(value) for i in form["spec"].items if not i.auto})


def _incident(staff: str, at: datetime) -> None:
    rule = FineRule.get(FineRule.code == "W05")
    Incident.create(number=f"T-{at:%Y%m%d%H%M%S}", staff=staff, occurred_at=at, month=f"{at:%Y-%m}", rule=rule.uuid,
                    rule_code="W05", amount=Decimal("20"), status="confirmed")


def test_adhoc_run_takes_evidence_for_its_dates_and_stays_out_of_rankings(manager, staff_actor, make_actor):
    other = make_actor(Role.STAFF, "客服小张")
    _incident(staff_actor.uuid, datetime(2026, 11, 1, 23, 59))  # the day before: out
    _incident(staff_actor.uuid, datetime(2026, 11, 13, 23, 59))  # the last day, included: in
    _incident(staff_actor.uuid, datetime(2026, 11, 14, 0, 0))  # the day after: out
    monthly = assessments.create_run(manager, RunInput("month", 2026, 10, [staff_actor.uuid, other.uuid], DEFAULT_UUID))
    _score_all(manager, monthly)
    run = _adhoc(manager, [staff_actor], name="春运窗口服务专项考核")
    again = _adhoc(manager, [staff_actor, other], start=date(2026, 11, 2), end=date(2026, 11, 5))  # any number
    stored = AssessmentRun.get(AssessmentRun.uuid == run)
    assert (stored.period_kind, stored.period_key, stored.period_start, stored.period_end) == (
        "adhoc", "2026-11-02", date(2026, 11, 2), date(2026, 11, 14))
    assert stored.name == "春运窗口服务专项考核"
    assert AssessmentRun.get(AssessmentRun.uuid == again).name.startswith("2026-11-02至2026-11-05专项")  # default
    assert assessments.team(manager, run)[0]["incidents"] == 1
    _score_all(manager, run, 2)
    _score_all(manager, again, 5)
    assert results.periods(manager) == ["2026-10"]  # the ad-hoc runs are not a period
    assert [r["staff_name"] for r in results.ranking(manager, "2026-10")] == ["客服小王", "客服小张"]
    assert results.ranking(manager, "2026-11-02") == []
    history = results.history(staff_actor, staff_actor.uuid)
    assert [(h["period_kind"], h["period_key"]) for h in history] == [
        ("month", "2026-10"), ("adhoc", "2026-11-02"), ("adhoc", "2026-11-02")]
    assert "春运窗口服务专项考核" in {h["run_name"] for h in history}
    assert len(assessments.my_assessments(staff_actor)) == 3


@pytest.mark.parametrize(("start", "end", "field"), [
    (None, date(2026, 11, 10), "start"),
    (date(2026, 11, 10), None, "end"),
    (date(2026, 11, 19), date(2026, 11, 19), "start"),  # not begun
    (date(2026, 11, 10), date(2026, 11, 19), "end"),  # runs past today
    (date(2026, 11, 10), date(2026, 11, 9), "end"),  # ends before it starts
    (date(2025, 11, 1), date(2026, 11, 10), "end"),  # longer than a year
])
def test_bad_adhoc_dates_are_refused_at_the_field(manager, staff_actor, start, end, field):
    with pytest.raises(ValidationError) as info:
        _adhoc(manager, [staff_actor], start=start, end=end)
    assert field in info.value.fields
    assert AssessmentRun.select().count() == 0 and Assessment.select().count() == 0


def test_adhoc_needs_people_template_and_a_manager(manager, staff_actor):
    with pytest.raises(ValidationError) as info:
        assessments.create_run(manager, RunInput("adhoc", 0, 0, [], "", start=date(2026, 11, 2), end=date(2026, 11, 3),
                                                 name="长" * 61))
    assert set(info.value.fields) == {"staff_uuids", "template_uuid", "name"}
    with pytest.raises(ValidationError) as info:
        assessments.create_run(manager, RunInput("weekly", 2026, 1, [staff_actor.uuid], DEFAULT_UUID))
    assert set(info.value.fields) == {"period_kind"}
    with pytest.raises(PermissionDenied):
        _adhoc(staff_actor, [staff_actor])
    assert AssessmentRun.select().count() == 0
