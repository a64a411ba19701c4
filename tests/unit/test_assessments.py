"""Assessments: evidence for exactly the period, template versions, scoring, acknowledgment, ranking, permissions."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from frontdesk.db.models import (
    Assessment,
    AuditLog,
    Complaint,
    FineRule,
    Incident,
    ReturnVisit,
    Shift,
    ShiftType,
)
from frontdesk.domain import selfcheck as check_rules
from frontdesk.domain.assessment_seed import DEFAULT_UUID
from frontdesk.domain.roles import Role
from frontdesk.errors import PermissionDenied, ValidationError
from frontdesk.services.assessments import evidence, results, templates
from frontdesk.services.assessments import runs as assessments
from frontdesk.services.assessments.runs import RunInput
from frontdesk.services.personnel import selfchecks

# dates in these tests are fixed or counted from a frozen clock, so they pass at any real date
pytestmark = pytest.mark.usefixtures("frozen_clock")

Q1 = (date(2026, 1, 1), date(2026, 4, 1))


def incident(staff: str, at: datetime, amount: str = "20", status: str = "confirmed") -> None:
    rule = FineRule.get(FineRule.code == "W05")
    Incident.create(number=f"T-{at:%Y%m%d%H%M%S}-{amount}-{status}", staff=staff, occurred_at=at,
                    month=f"{at:%Y-%m}", rule=rule.uuid, rule_code="W05", amount=Decimal(amount), status=status)


def shift(staff: str, day: date, status: str) -> None:
    kind = ShiftType.select().first()
    start = datetime(day.year, day.month, day.day, 8)
    Shift.create(staff=staff, shift_type=kind.uuid, day=day, start_at=start, end_at=start + timedelta(hours=8),
                 status=status)


def complaint(n: int, staff: str, opened: datetime, closed: datetime | None = None, sat: str = "") -> str:
    return Complaint.create(number=f"C-{n}", opened_at=opened, subject=f"投诉{n}", staff=staff, opened_by=staff,
                            closed_at=closed, satisfaction=sat).uuid


def test_evidence_is_pulled_for_exactly_the_period(manager, staff_actor) -> None:  # noqa: ANN001
    me = staff_actor.uuid
    incident(me, datetime(2025, 12, 31, 23, 59, 59), "5")  # the day before: out
    incident(me, datetime(2026, 1, 1, 0, 0, 0), "10")  # first instant: in
    incident(me, datetime(2026, 3, 31, 23, 59, 59), "20")  # last instant: in
    incident(me, datetime(2026, 4, 1, 0, 0, 0), "50")  # the day after: out
    incident(me, datetime(2026, 2, 1, 9), "100", status="revoked")  # revoked: not evidence
    shift(me, date(2025, 12, 31), "late")
    shift(me, date(2026, 1, 1), "late")
    shift(me, date(2026, 3, 31), "absent")
    shift(me, date(2026, 4, 1), "early")
    complaint(1, me, datetime(2025, 12, 31, 23, 0))
    complaint(2, me, datetime(2026, 1, 1, 0, 0), datetime(2026, 1, 3), "satisfied")
    c3 = complaint(3, me, datetime(2026, 3, 31, 22, 0), datetime(2026, 4, 1, 0, 0), "unsatisfied")  # closed after
    ReturnVisit.create(customer_name="王女士", complaint=c3, visited_at=datetime(2026, 3, 30, 10), method="phone",
                       satisfaction="basic", visitor=manager.uuid)
    ReturnVisit.create(customer_name="王女士", complaint=c3, visited_at=datetime(2026, 4, 1, 0, 0), method="phone",
                       satisfaction="unsatisfied", visitor=manager.uuid)
    found = evidence.gather(me, *Q1, "daily")
    assert (found["incidents"], found["fines"]) == (2, Decimal("30.00"))
    assert (found["late"], found["early"], found["absent"]) == (1, 0, 1)
    assert found["complaints"] == 2
    assert (found["satisfied"], found["basic"], found["unsatisfied"], found["satisfaction_rate"]) == (
        1, 1, 0, Decimal("100.0"))
    march = evidence.gather(me, date(2026, 3, 1), date(2026, 4, 1), "daily")
    assert (march["incidents"], march["fines"], march["complaints"]) == (1, Decimal("20.00"), 1)


def test_evidence_without_the_discipline_tables(manager, staff_actor, monkeypatch) -> None:  # noqa: ANN001
    real = evidence._has
    monkeypatch.setattr(evidence, "_has", lambda table: False if table in ("incident", "shift") else real(table))
    found = evidence.gather(staff_actor.uuid, *Q1, "weekly")
    assert found["available"] is False and found["incidents"] == 0 and found["checks_expected"] == 14  # Mon 29 Dec … Mon 30 Mar


def _template_input(**kw) -> templates.TemplateInput:  # noqa: ANN003
    base = dict(name="月度考核", weights={"attitude": "40", "knowledge": "20", "skill": "20", "discipline": "20"},
                items=[("attitude", "热情主动", ""), ("knowledge", "业务知识", ""), ("skill", "接待", ""),
                       ("discipline", "考勤", "")],
                thresholds={"excellent": "90", "good": "80", "pass": "60"}, scale_max=5)
    base.update(kw)
    return templates.TemplateInput(**base)


def test_template_weights_must_sum_to_100_and_versions_are_kept(manager) -> None:  # noqa: ANN001
    with pytest.raises(ValidationError) as err:
        templates.save_template(manager, _template_input(weights={"attitude": "40", "knowledge": "20",
                                                                  "skill": "20", "discipline": "19.5"}))
    assert err.value.fields["weights"] == "各维度权重之和须为 100%，现为 99.5%"
    first = templates.save_template(manager, _template_input())
    row = templates.get_template(manager, first)
    second = templates.save_template(manager, _template_input(family=row["family"], scale_max=10, note="改为10分制"))
    versions = templates.versions(manager, row["family"])
    assert [v["version"] for v in versions] == [2, 1] and [v["current"] for v in versions] == [True, False]
    assert templates.get_template(manager, first)["scale_max"] == 5  # the old version unchanged
    assert templates.get_template(manager, second)["spec"].scale_max == 10
    assert AuditLog.select().where(AuditLog.entity == "assessment_template").count() == 2


def _run(manager, people, number=1, template=DEFAULT_UUID) -> str:  # noqa: ANN001
    return assessments.create_run(manager, RunInput("quarter", 2026, number, [p.uuid for p in people], template))


def _full_marks(form: dict, value: int = 5) -> dict[str, Decimal]:
    return {i.key: Decimal(value) for i in form["spec"].items if not i.auto}


def test_run_score_acknowledge_keeps_the_template_version(manager, staff_actor, make_actor) -> None:  # noqa: ANN001
    other = make_actor(Role.STAFF, "客服小张")
    run = _run(manager, [staff_actor, other])
    rows = assessments.team(manager, run)
    assert [r["staff_name"] for r in rows] == ["客服小王", "客服小张"] and rows[0]["status"] == "draft"
    with pytest.raises(ValidationError):  # the same person twice in one period
        _run(manager, [staff_actor])
    form = assessments.get_assessment(manager, rows[0]["uuid"])
    assert form["template_version"] == 1 and form["period_end"] == date(2026, 4, 1)
    # the template changes after the run: the assessment keeps version 1
    templates.save_template(manager, _template_input(family=form["spec"] and templates.get_row(DEFAULT_UUID).family))
    with pytest.raises(ValidationError) as err:
        assessments.score(manager, rows[0]["uuid"], {})
    assert "A1" in err.value.fields
    result = assessments.score(manager, rows[0]["uuid"], _full_marks(form, 4), "继续保持")
    # no self-checks were expected from a person without shifts? weekdays are expected: self-check item 0/5
    assert result["grade"] in ("good", "pass", "fail")
    stored = Assessment.get(Assessment.uuid == rows[0]["uuid"])
    assert stored.template_uuid == DEFAULT_UUID and stored.status == "scored"
    with pytest.raises(PermissionDenied):
        assessments.acknowledge(other, rows[0]["uuid"], "不是我的")
    assessments.acknowledge(staff_actor, rows[0]["uuid"], "收到，会改进")
    with pytest.raises(ValidationError):
        assessments.score(manager, rows[0]["uuid"], _full_marks(form))
    mine = assessments.my_assessments(staff_actor)
    assert len(mine) == 1 and mine[0]["status"] == "acknowledged" and mine[0]["staff_comment"] == "收到，会改进"
    actions = [a.action for a in AuditLog.select().where(AuditLog.entity_uuid == rows[0]["uuid"]).order_by(AuditLog.id)]
    assert actions == ["create", "score", "acknowledge"]


def test_self_checks_feed_the_attitude_item(manager, staff_actor, monkeypatch) -> None:  # noqa: ANN001
    answers = {k: (True, "") for k in check_rules.ITEM_KEYS}
    answers["B2"] = (False, "放慢语速")
    days = [date(2026, 1, 5), date(2026, 1, 6)]
    monkeypatch.setattr(evidence, "work_days", lambda *a: set(days))
    for day in days:
        selfchecks.submit(staff_actor, answers if day == days[0] else {k: (True, "") for k in answers}, day)
    found = evidence.gather(staff_actor.uuid, *Q1, "daily")
    assert (found["checks_expected"], found["checks_done"], found["check_answers"], found["check_no"]) == (2, 2, 18, 1)
    run = _run(manager, [staff_actor])
    form = assessments.get_assessment(manager, assessments.team(manager, run)[0]["uuid"])
    assert form["auto"] == {"A5": Decimal("4.72")}  # 5 × 17/18
    assessments.score(manager, form["uuid"], _full_marks(form))
    row = Assessment.get(Assessment.uuid == form["uuid"])
    assert row.total == Decimal("99.66")  # 30 × (4×5 + 4.72)/25 + 70 and row.grade == "excellent" and row.follow_up == "reward"


def test_repeated_failures_escalate_the_follow_up(manager, staff_actor) -> None:  # noqa: ANN001
    follow = []
    for quarter in (1, 2, 3):
        run = _run(manager, [staff_actor], quarter)
        form = assessments.get_assessment(manager, assessments.team(manager, run)[0]["uuid"])
        follow.append(assessments.score(manager, form["uuid"], _full_marks(form, 1))["follow_up"])
    assert follow == ["training", "transfer", "dismissal"]
    history = results.history(staff_actor, staff_actor.uuid)
    assert [h["period_key"] for h in history] == ["2026-Q1", "2026-Q2", "2026-Q3"]


def test_ranking_shares_ranks_and_exports(manager, staff_actor, make_actor, tmp_path) -> None:  # noqa: ANN001
    people = [staff_actor, make_actor(Role.STAFF, "客服小张"), make_actor(Role.STAFF, "客服小赵")]
    run = _run(manager, people)
    for row, mark in zip(assessments.team(manager, run), (3, 5, 3), strict=True):
        form = assessments.get_assessment(manager, row["uuid"])
        assessments.score(manager, row["uuid"], _full_marks(form, mark))
    assert results.periods(manager) == ["2026-Q1"]
    ranked = results.ranking(manager, "2026-Q1")
    assert [r["rank"] for r in ranked] == [1, 2, 2] and ranked[0]["staff_name"] == "客服小张"
    path = tmp_path / "rank.xlsx"
    assert results.export_ranking(manager, "2026-Q1", path) == 3
    sheet = load_workbook(path).active
    assert sheet["A1"].value == "名次" and sheet["C2"].value == "客服小张"


def test_staff_are_refused_every_manager_service(manager, staff_actor, make_actor) -> None:  # noqa: ANN001
    other = make_actor(Role.STAFF, "客服小张")
    run = _run(manager, [other])
    uuid = assessments.team(manager, run)[0]["uuid"]
    refused = [
        lambda: templates.save_template(staff_actor, _template_input()),
        lambda: assessments.create_run(staff_actor, RunInput("month", 2026, 1, [staff_actor.uuid], DEFAULT_UUID)),
        lambda: assessments.list_runs(staff_actor),
        lambda: assessments.team(staff_actor, run),
        lambda: assessments.score(staff_actor, uuid, {}),
        lambda: assessments.get_assessment(staff_actor, uuid),
        lambda: results.ranking(staff_actor, "2026-Q1"),
        lambda: results.periods(staff_actor),
        lambda: results.assessed_staff(staff_actor),
        lambda: results.history(staff_actor, other.uuid),
        lambda: results.export_ranking(staff_actor, "2026-Q1", "/tmp/x.xlsx"),
        lambda: selfchecks.set_frequency(staff_actor, "weekly"),
        lambda: selfchecks.review(staff_actor, "x"),
    ]
    for call in refused:
        with pytest.raises(PermissionDenied):
            call()
    assert results.history(staff_actor, staff_actor.uuid) == []


def test_self_checks_are_own_only_and_reviewed_by_a_manager(manager, staff_actor, make_actor) -> None:  # noqa: ANN001
    from frontdesk.services.core.listing import ListQuery

    answers = {k: (True, "") for k in check_rules.ITEM_KEYS}
    with pytest.raises(ValidationError) as err:
        selfchecks.submit(staff_actor, dict(answers, C3=(False, "  ")))
    assert "改进措施" in err.value.fields["C3"]
    uuid = selfchecks.submit(staff_actor, answers)
    again = selfchecks.submit(staff_actor, dict(answers, C3=(False, "专注倾听")))  # corrected the same day
    assert again == uuid and selfchecks.my_check(staff_actor)["no_count"] == 1
    other = make_actor(Role.STAFF, "客服小张")
    with pytest.raises(PermissionDenied):
        selfchecks.get_check(other, uuid)
    assert selfchecks.list_checks(other, ListQuery()).total == 0
    assert selfchecks.list_checks(manager, ListQuery(filters={"unreviewed": True})).total == 1
    selfchecks.review(manager, uuid, "好")
    with pytest.raises(ValidationError):
        selfchecks.submit(staff_actor, answers)
    selfchecks.set_frequency(manager, "weekly")
    assert selfchecks.current_slot(date(2026, 3, 5)) == date(2026, 3, 2)
