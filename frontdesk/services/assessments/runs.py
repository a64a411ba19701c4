"""Assessment runs: a period and a team, one form each with the period's evidence; scoring and acknowledgment."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from frontdesk import clock
from frontdesk.clock import now
from frontdesk.db.connection import transaction
from frontdesk.db.models import Assessment, AssessmentRun, Staff
from frontdesk.domain import assessment as rules
from frontdesk.domain.assessment import AutoItem, PeriodKind, Status, TemplateSpec
from frontdesk.domain.roles import Actor, Permission
from frontdesk.errors import NotFound, PermissionDenied, T, ValidationError
from frontdesk.services.assessments import evidence as evidence_of
from frontdesk.services.assessments import templates
from frontdesk.services.core import audit
from frontdesk.services.core.permissions import require
from frontdesk.services.personnel import selfchecks


@dataclass
class RunInput:
    period_kind: str
    year: int
    number: int  # month 1–12 or quarter 1–4
    staff_uuids: list[str]
    template_uuid: str
    name: str = ""
    start: date | None = None  # an ad-hoc run's first day
    end: date | None = None  # and its last day (included)


def _bounds(data: RunInput, errors: dict[str, str]) -> tuple[date, date, str, str]:
    """[start, end) of the run, its key and the default name's period part; problems go into ``errors``."""
    today = clock.today()
    if data.period_kind == PeriodKind.ADHOC:
        errors.update(rules.adhoc_problems(data.start, data.end, today))
        if "start" in errors or "end" in errors or data.start is None or data.end is None:
            return today, today, "", ""
        return (data.start, data.end + timedelta(days=1), rules.adhoc_key(data.start),
                f"{data.start:%Y-%m-%d}至{data.end:%Y-%m-%d}专项")
    if data.period_kind not in (PeriodKind.MONTH, PeriodKind.QUARTER):
        errors["period_kind"] = T("errors", "请选择考核周期")
        return today, today, "", ""
    try:
        start, end = rules.period_bounds(data.period_kind, data.year, data.number)
    except ValueError:
        errors["number"] = T("errors", "请选择考核期间")
        return today, today, "", ""
    if start > today:
        errors["number"] = T("errors", "考核期间尚未开始")
    label = f"{data.year}年{data.number}月" if data.period_kind == PeriodKind.MONTH else f"{data.year}年第{data.number}季度"
    return start, end, rules.period_key(data.period_kind, data.year, data.number), label


def create_run(actor: Actor, data: RunInput) -> str:
    """A run for the period (or an ad-hoc one for chosen dates): one draft assessment per person, evidence
    pulled for exactly its dates. A person has one assessment per month or quarter, any number of ad-hoc ones."""
    require(actor, Permission.MANAGE_PERSONNEL)
    errors: dict[str, str] = {}
    start, end, key, label = _bounds(data, errors)
    if not data.staff_uuids:
        errors["staff_uuids"] = T("errors", "请选择参加考核的员工")
    template = templates.get_row(data.template_uuid) if data.template_uuid else None
    if template is None:
        errors["template_uuid"] = T("errors", "请选择考核模板")
    if key and data.period_kind != PeriodKind.ADHOC:
        taken = [r.staff.name for r in Assessment.live().join(Staff, on=(Assessment.staff == Staff.uuid)).where(
            (Assessment.period_key == key) & Assessment.staff.in_(data.staff_uuids))]
        if taken:
            errors["staff_uuids"] = T("errors", "{0} 本期已有考核").format('、'.join(taken[:5]))
    if len(data.name.strip()) > 60:
        errors["name"] = T("errors", "名称不超过 60 字")
    if errors or template is None:
        raise ValidationError(errors)
    frequency = selfchecks.frequency()
    with transaction():
        run = AssessmentRun.create(name=(data.name.strip() or f"{label}{template.name}")[:60],
                                   period_kind=PeriodKind(data.period_kind).value, period_key=key,
                                   period_start=start, period_end=end, template=template.uuid,
                                   created_by_name=actor.name)
        for staff_uuid in dict.fromkeys(data.staff_uuids):
            if not Staff.live().where(Staff.uuid == staff_uuid).exists():
                raise ValidationError({"staff_uuids": T("errors", "员工不存在")})
            found = evidence_of.gather(staff_uuid, start, end, frequency)
            row = Assessment.create(run=run.uuid, staff=staff_uuid, template=template.uuid, period_key=key,
                                    period_start=start, evidence=json.dumps(evidence_of.to_json_ready(found),
                                                                            ensure_ascii=False))
            audit.record(actor, "assessment", row.uuid, "create", None,
                         {"run": run.name, "staff": staff_uuid, "template_version": template.version})
    return run.uuid


def list_runs(actor: Actor) -> list[dict[str, Any]]:
    require(actor, Permission.MANAGE_PERSONNEL)
    runs = AssessmentRun.live().order_by(AssessmentRun.period_start.desc(), AssessmentRun.id.desc())
    return [{"uuid": r.uuid, "name": r.name, "period_key": r.period_key, "period_kind": r.period_kind,
             "period_start": r.period_start, "period_end": r.period_end, "template_uuid": r.template_uuid}
            for r in runs]


def _get(uuid: str) -> Assessment:
    row = Assessment.live().where(Assessment.uuid == uuid).first()
    if row is None:
        raise NotFound(T("errors", "该考核不存在"))
    return row


def _earlier_grades(row: Assessment) -> list[str]:
    rows = (Assessment.live().where((Assessment.staff == row.staff_uuid) & (Assessment.period_start < row.period_start)
                                    & (Assessment.status != Status.DRAFT.value))
            .order_by(Assessment.period_start.desc()))
    return [r.grade for r in rows]


def auto_scores(spec: TemplateSpec, evidence: dict[str, Any]) -> dict[str, Decimal]:
    """Items scored from the evidence: the etiquette self-check item of the attitude dimension."""
    out: dict[str, Decimal] = {}
    for item in spec.items:
        if item.auto == AutoItem.SELF_CHECK.value:
            out[item.key] = rules.self_check_score(
                spec.scale_max, int(evidence.get("checks_expected", 0)), int(evidence.get("checks_done", 0)),
                int(evidence.get("check_answers", 0)), int(evidence.get("check_no", 0)))
    return out


def _live_evidence(row: Assessment) -> dict[str, Any]:
    run = AssessmentRun.get(AssessmentRun.uuid == row.run_uuid)
    return evidence_of.gather(row.staff_uuid, run.period_start, run.period_end, selfchecks.frequency())


def get_assessment(actor: Actor, uuid: str) -> dict[str, Any]:
    """The form: template version, evidence (current until acknowledged), scores and results."""
    require(actor, Permission.READ_OWN_PERSONNEL)
    row = _get(uuid)
    if row.staff_uuid != actor.uuid and not actor.can(Permission.MANAGE_PERSONNEL):
        raise PermissionDenied(T("errors", "只能查看本人的考核"))
    template = templates.get_row(row.template_uuid)
    spec = templates.spec_of(template)
    if row.status == Status.ACKNOWLEDGED.value or not actor.can(Permission.MANAGE_PERSONNEL):
        found = evidence_of.from_json(json.loads(row.evidence))
    else:
        found = _live_evidence(row)
    run = AssessmentRun.get(AssessmentRun.uuid == row.run_uuid)
    staff = Staff.get(Staff.uuid == row.staff_uuid)
    return {
        "uuid": row.uuid, "run_name": run.name, "period_key": row.period_key, "period_start": run.period_start,
        "period_end": run.period_end, "staff_uuid": row.staff_uuid, "staff_name": staff.name,
        "staff_no": staff.staff_no, "template_name": template.name, "template_version": template.version,
        "spec": spec, "evidence": found, "auto": auto_scores(spec, found),
        "scores": {k: Decimal(v) for k, v in json.loads(row.scores).items()},
        "dimensions": {rules.Dimension(k): Decimal(v) for k, v in json.loads(row.dimensions).items()},
        "total": row.total, "grade": row.grade, "follow_up": row.follow_up, "status": row.status,
        "assessor_name": row.assessor_name, "assessor_comment": row.assessor_comment, "scored_at": row.scored_at,
        "staff_comment": row.staff_comment, "acknowledged_at": row.acknowledged_at,
        "earlier_fails": rules.fails_in_a_row(_earlier_grades(row)),
    }


def _snapshot(row: Assessment) -> dict[str, Any]:
    return {"scores": row.scores, "total": row.total, "grade": row.grade, "follow_up": row.follow_up,
            "status": row.status, "assessor_comment": row.assessor_comment, "staff_comment": row.staff_comment}


def score(actor: Actor, uuid: str, scores: dict[str, Decimal | None], comment: str = "") -> dict[str, Any]:
    """Record the assessor's item scores; total, grade and follow-up are computed and stored."""
    require(actor, Permission.MANAGE_PERSONNEL)
    with transaction():
        row = _get(uuid)
        if row.status == Status.ACKNOWLEDGED.value:
            raise ValidationError({"status": T("errors", "员工已确认的考核不能再修改")})
        if row.staff_uuid == actor.uuid:
            raise PermissionDenied(T("errors", "不能为自己的考核评分"))
        spec = templates.spec_of(templates.get_row(row.template_uuid))
        found = _live_evidence(row)
        manual = {i.key: scores.get(i.key) for i in spec.items if not i.auto}
        all_scores = {**manual, **auto_scores(spec, found)}
        errors = rules.score_problems(spec, all_scores)
        if errors:
            raise ValidationError(errors)
        old = _snapshot(row)
        dims = rules.dimension_scores(spec, all_scores)
        row.total = rules.total_score(spec, all_scores)
        grade = rules.grade_for(row.total, spec.thresholds)
        row.grade = grade.value
        row.follow_up = rules.follow_up_for(grade, rules.fails_in_a_row(_earlier_grades(row))).value
        row.scores = json.dumps({k: str(v) for k, v in all_scores.items()})
        row.dimensions = json.dumps({d.value: str(v) for d, v in dims.items()})
        row.evidence = json.dumps(evidence_of.to_json_ready(found), ensure_ascii=False)
        row.status, row.scored_at = Status.SCORED.value, now()
        row.assessor_uuid, row.assessor_name, row.assessor_comment = actor.uuid, actor.name, comment.strip()[:300]
        row.save()
        audit.record(actor, "assessment", row.uuid, "score", old, _snapshot(row))
    return {"total": row.total, "grade": row.grade, "follow_up": row.follow_up}


def acknowledge(actor: Actor, uuid: str, comment: str = "") -> None:
    """The member of staff confirms having seen their scored assessment and may comment."""
    require(actor, Permission.READ_OWN_PERSONNEL)
    with transaction():
        row = _get(uuid)
        if row.staff_uuid != actor.uuid:
            raise PermissionDenied(T("errors", "只能确认本人的考核"))
        if row.status != Status.SCORED.value:
            raise ValidationError({"status": T("errors", "该考核尚未评分或已确认")})
        old = _snapshot(row)
        row.status, row.acknowledged_at, row.staff_comment = Status.ACKNOWLEDGED.value, now(), comment.strip()[:300]
        row.save()
        audit.record(actor, "assessment", row.uuid, "acknowledge", old, _snapshot(row))


def team(actor: Actor, run_uuid: str) -> list[dict[str, Any]]:
    """The run's people with their evidence columns and results (a team is tens of rows)."""
    require(actor, Permission.MANAGE_PERSONNEL)
    run = AssessmentRun.live().where(AssessmentRun.uuid == run_uuid).first()
    if run is None:
        raise NotFound(T("errors", "该考核批次不存在"))
    frequency = selfchecks.frequency()
    rows = []
    for a, staff in _pairs(run_uuid):
        found = (evidence_of.from_json(json.loads(a.evidence)) if a.status == Status.ACKNOWLEDGED.value
                 else evidence_of.gather(a.staff_uuid, run.period_start, run.period_end, frequency))
        rows.append({
            "uuid": a.uuid, "staff_uuid": a.staff_uuid, "staff_no": staff.staff_no, "staff_name": staff.name,
            "incidents": found.get("incidents", 0), "fines": found.get("fines", Decimal("0.00")),
            "attendance": found.get("late", 0) + found.get("early", 0) + found.get("absent", 0),
            "complaints": found.get("complaints", 0), "satisfaction_rate": found.get("satisfaction_rate"),
            "checks": f"{found.get('checks_done', 0)}/{found.get('checks_expected', 0)}",
            "check_no": found.get("check_no", 0), "total": a.total, "grade": a.grade, "follow_up": a.follow_up,
            "status": a.status,
        })
    return rows


def _pairs(run_uuid: str) -> list[tuple[Assessment, Staff]]:
    rows = (Assessment.select(Assessment, Staff).join(Staff, on=(Assessment.staff == Staff.uuid), attr="person")
            .where((Assessment.run == run_uuid) & (Assessment.deleted == False))  # noqa: E712
            .order_by(Staff.staff_no))
    return [(a, a.person) for a in rows]


def my_assessments(actor: Actor) -> list[dict[str, Any]]:
    """The actor's own assessments, newest period first (drafts not shown until scored)."""
    require(actor, Permission.READ_OWN_PERSONNEL)
    rows = (Assessment.select(Assessment, AssessmentRun.name.alias("run_name"))
            .join(AssessmentRun, on=(Assessment.run == AssessmentRun.uuid))
            .where((Assessment.staff == actor.uuid) & (Assessment.deleted == False)  # noqa: E712
                   & (Assessment.status != Status.DRAFT.value))
            .order_by(Assessment.period_start.desc()).dicts())
    return [{"uuid": r["uuid"], "run_name": r["run_name"], "period_key": r["period_key"], "total": r["total"],
             "grade": r["grade"], "follow_up": r["follow_up"], "status": r["status"],
             "assessor_name": r["assessor_name"], "staff_comment": r["staff_comment"]} for r in rows]

