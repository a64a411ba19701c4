"""Supervision (监督检查, seed 004 五 / seed 001): managers record inspection rounds and mystery-shopper visits with a
checklist, findings (each optionally a discipline incident or a coaching note) and the recording they rest on; the
desk logs public-opinion entries (online ratings, comment box, media), which managers follow up and close."""

from __future__ import annotations

import json
from typing import Any

import peewee

from frontdesk.clock import now
from frontdesk.db.connection import transaction
from frontdesk.db.models import Inspection, InspectionFinding, PublicOpinion, Staff
from frontdesk.domain.labels import labeller
from frontdesk.domain.roles import Actor, Permission
from frontdesk.domain.supervision import (
    DEFAULT_CHECKLIST,
    FOLLOW_UP_MAX,
    LABELS,
    FindingAction,
    FindingInput,
    InspectionInput,
    OpinionInput,
    OpinionStatus,
    finding_problems,
    inspection_problems,
    opinion_problems,
)
from frontdesk.errors import NotFound, T, ValidationError
from frontdesk.services.core import audit
from frontdesk.services.core.list_spec import ColumnKind, ListExport, ListSpec, col
from frontdesk.services.core.listing import ListQuery, Page, like_pattern
from frontdesk.services.core.permissions import require
from frontdesk.services.discipline import fine_rules, incidents

INSPECTION_SOURCE = "inspection"  # Incident.source of an incident raised by a finding
_NO_INSPECTION = T("errors", "该检查记录不存在或已删除")
_NO_OPINION = T("errors", "该舆情记录不存在或已删除")


def default_checklist() -> list[str]:
    """The lines a new inspection starts with (Chinese; the form translates them in "supervision")."""
    return list(DEFAULT_CHECKLIST)


# --- inspections ------------------------------------------------------------------------------------


_FINDINGS = (InspectionFinding.select(peewee.fn.COUNT(InspectionFinding.id))
             .where(InspectionFinding.inspection_uuid == Inspection.uuid, InspectionFinding.deleted == False))  # noqa: E712
INSPECTIONS = ListSpec(T("columns", "监督检查"), (
    col("at", T("columns", "检查时间"), ColumnKind.DATETIME, Inspection.at, sort=True),
    col("kind", T("columns", "检查方式"), ColumnKind.ENUM, Inspection.kind, sort=True, labels=labeller(LABELS)),
    col("inspector", T("columns", "检查人"), ColumnKind.TEXT, Inspection.inspector, sort=True),
    col("staff_name", T("columns", "被检查员工"), ColumnKind.TEXT, Inspection.staff_name, sort=True),
    col("failed", T("columns", "不合格项"), ColumnKind.INT, Inspection.failed, sort=True),
    col("findings", T("columns", "发现问题"), ColumnKind.INT, _FINDINGS),
    col("summary", T("columns", "检查小结"), ColumnKind.LONG_TEXT, Inspection.summary),
    col("recording", T("columns", "录音录像"), ColumnKind.TEXT, Inspection.recording),
    col("recorded_by_name", T("columns", "记录人"), ColumnKind.TEXT, Inspection.recorded_by_name),
), default_order=(Inspection.at, True), tiebreak=Inspection.id)


def _inspection_filters(actor: Actor, query: ListQuery) -> list[Any]:
    where: list[Any] = [Inspection.deleted == False]  # noqa: E712
    if not actor.can(Permission.MANAGE_PERSONNEL):  # a clerk sees the inspections of their own work
        where.append(Inspection.staff_uuid == actor.uuid)
    f = query.filters
    if f.get("kind"):
        where.append(Inspection.kind == f["kind"])
    if f.get("failed"):
        where.append(Inspection.failed > 0)
    text = query.search.strip()
    if text:
        pattern = like_pattern(text)
        where.append((Inspection.summary ** pattern) | (Inspection.staff_name ** pattern)
                     | (Inspection.inspector ** pattern))
    return where


def list_inspections(actor: Actor, query: ListQuery) -> Page:
    """Inspections newest first; clerks see those about themselves."""
    require(actor, Permission.READ_OWN_PERSONNEL)
    where = _inspection_filters(actor, query)
    select = Inspection.select(*INSPECTIONS.list_fields(Inspection.uuid)).where(*where)
    return INSPECTIONS.page(select, query, count_select=Inspection.select(Inspection.id).where(*where))


def export_inspections(actor: Actor, query: ListQuery) -> ListExport:
    """The inspections as listed, for Excel."""
    require(actor, Permission.READ_OWN_PERSONNEL)
    where = _inspection_filters(actor, query)
    return INSPECTIONS.export(actor, lambda fields: Inspection.select(*fields).where(*where), query)


def _staff_name(uuid: str, field: str) -> str:
    row = Staff.live().where(Staff.uuid == uuid).first()
    if row is None:
        raise ValidationError({field: T("errors", "员工不存在")})
    return row.name


def save_inspection(actor: Actor, data: InspectionInput) -> str:
    """Record an inspection round or a mystery-shopper visit (managers); bad fields named, nothing saved."""
    require(actor, Permission.MANAGE_PERSONNEL)
    data = data.cleaned()
    errors: dict[str, Any] = dict(inspection_problems(data, now()))
    name = ""
    if data.staff_uuid:
        try:
            name = _staff_name(data.staff_uuid, "staff_uuid")
        except ValidationError as exc:
            errors.update(exc.fields)
    if errors:
        raise ValidationError(errors)
    with transaction():
        row = Inspection.create(
            kind=data.kind, at=data.at, inspector=data.inspector, staff_uuid=data.staff_uuid, staff_name=name,
            checklist=json.dumps([{"item": line, "ok": ok} for line, ok in data.checklist], ensure_ascii=False),
            failed=sum(1 for _line, ok in data.checklist if not ok), summary=data.summary, recording=data.recording,
            recorded_by=actor.uuid, recorded_by_name=actor.name)
        audit.record(actor, "inspection", row.uuid, "create", None,
                     {"kind": data.kind, "staff": data.staff_uuid, "failed": row.failed})
        return row.uuid


def get_inspection(actor: Actor, uuid: str) -> dict[str, Any]:
    """One inspection with its checklist and findings."""
    require(actor, Permission.READ_OWN_PERSONNEL)
    row = Inspection.live().where(Inspection.uuid == uuid).first()
    if row is None or not actor.can(Permission.MANAGE_PERSONNEL) and row.staff_uuid != actor.uuid:
        raise NotFound(_NO_INSPECTION)
    findings = [{"uuid": f.uuid, "staff_uuid": f.staff_uuid, "staff_name": f.staff_name, "text": f.text,
                 "action": f.action, "rule_code": f.rule_code, "amount": f.amount, "incident_uuid": f.incident_uuid,
                 "coaching": f.coaching}
                for f in InspectionFinding.live().where(InspectionFinding.inspection_uuid == uuid)
                .order_by(InspectionFinding.id)]
    return {"uuid": row.uuid, "kind": row.kind, "at": row.at, "inspector": row.inspector,
            "staff_uuid": row.staff_uuid, "staff_name": row.staff_name, "checklist": json.loads(row.checklist),
            "failed": row.failed, "summary": row.summary, "recording": row.recording,
            "recorded_by_name": row.recorded_by_name, "findings": findings}


def add_finding(actor: Actor, inspection_uuid: str, data: FindingInput) -> str:
    """A finding of an inspection (managers): noted, or raising a discipline incident through the incident
    service (the inspection's time, its recording as evidence), or a coaching note. Nothing saved on bad input."""
    require(actor, Permission.MANAGE_PERSONNEL)
    data = data.cleaned()
    inspection = Inspection.live().where(Inspection.uuid == inspection_uuid).first()
    if inspection is None:
        raise NotFound(_NO_INSPECTION)
    errors: dict[str, Any] = dict(finding_problems(data))
    name = ""
    if data.staff_uuid:
        try:
            name = _staff_name(data.staff_uuid, "staff_uuid")
        except ValidationError as exc:
            errors.update(exc.fields)
    if errors:
        raise ValidationError(errors)
    amount = data.amount
    with transaction():
        incident_uuid = ""
        if data.action == FindingAction.INCIDENT:
            rule = fine_rules.rule_for(data.rule_code, inspection.at.date())
            if amount is None and rule is not None:
                amount = fine_rules.spec_of(rule).min_amount
            kind = LABELS.get(inspection.kind, inspection.kind)
            uuids = incidents.record_incident(actor, incidents.IncidentInput(
                staff_uuids=[data.staff_uuid], rule_code=data.rule_code, occurred_at=inspection.at, amount=amount,
                description=f"{kind}：{data.text}"[:500], evidence=inspection.recording, source=INSPECTION_SOURCE))
            incident_uuid = uuids[0]
        finding = InspectionFinding.create(
            inspection_uuid=inspection_uuid, staff_uuid=data.staff_uuid, staff_name=name, text=data.text,
            action=data.action, rule_code=data.rule_code if data.action == FindingAction.INCIDENT else "",
            amount=amount if data.action == FindingAction.INCIDENT else None, incident_uuid=incident_uuid,
            coaching=data.coaching if data.action == FindingAction.COACHING else "", recorded_by_name=actor.name)
        audit.record(actor, "inspection_finding", finding.uuid, "create", None,
                     {"inspection": inspection_uuid, "action": data.action, "incident": incident_uuid})
        return finding.uuid


# --- public opinion ------------------------------------------------------------------------------------


OPINIONS = ListSpec(T("columns", "舆情与意见"), (
    col("received_at", T("columns", "收到时间"), ColumnKind.DATETIME, PublicOpinion.received_at, sort=True),
    col("source", T("columns", "来源"), ColumnKind.ENUM, PublicOpinion.source, sort=True, labels=labeller(LABELS)),
    col("platform", T("columns", "平台"), ColumnKind.TEXT, PublicOpinion.platform),
    col("rating", T("columns", "评分"), ColumnKind.INT, PublicOpinion.rating, sort=True),
    col("author", T("columns", "发布人"), ColumnKind.TEXT, PublicOpinion.author),
    col("content", T("columns", "内容"), ColumnKind.LONG_TEXT, PublicOpinion.content),
    col("status", T("columns", "状态"), ColumnKind.ENUM, PublicOpinion.status, sort=True, labels=labeller(LABELS)),
    col("follow_up", T("columns", "跟进情况"), ColumnKind.LONG_TEXT, PublicOpinion.follow_up),
    col("followed_up_at", T("columns", "跟进时间"), ColumnKind.DATETIME, PublicOpinion.followed_up_at),
    col("handler_name", T("columns", "跟进人"), ColumnKind.TEXT, PublicOpinion.handler_name),
), default_order=(PublicOpinion.received_at, True), tiebreak=PublicOpinion.id)


def _opinion_filters(query: ListQuery) -> list[Any]:
    where: list[Any] = [PublicOpinion.deleted == False]  # noqa: E712
    f = query.filters
    if f.get("source"):
        where.append(PublicOpinion.source == f["source"])
    if f.get("status"):
        where.append(PublicOpinion.status == f["status"])
    if f.get("low"):
        where.append(PublicOpinion.rating <= 2)
    text = query.search.strip()
    if text:
        pattern = like_pattern(text)
        where.append((PublicOpinion.content ** pattern) | (PublicOpinion.platform ** pattern)
                     | (PublicOpinion.author ** pattern))
    return where


def list_opinions(actor: Actor, query: ListQuery) -> Page:
    """Public-opinion entries newest first; filter by source, status, low ratings; search the text."""
    require(actor, Permission.DESK_WORK)
    where = _opinion_filters(query)
    return OPINIONS.page(PublicOpinion.select(*OPINIONS.list_fields(PublicOpinion.uuid)).where(*where), query)


def export_opinions(actor: Actor, query: ListQuery) -> ListExport:
    """The entries as listed, for Excel."""
    require(actor, Permission.DESK_WORK)
    where = _opinion_filters(query)
    return OPINIONS.export(actor, lambda fields: PublicOpinion.select(*fields).where(*where), query)


def log_opinion(actor: Actor, data: OpinionInput) -> str:
    """Log an online rating, a comment-box slip or a media post (any desk user); bad fields named, nothing saved."""
    require(actor, Permission.DESK_WORK)
    data = data.cleaned()
    errors = opinion_problems(data, now())
    if errors:
        raise ValidationError(dict(errors))
    with transaction():
        row = PublicOpinion.create(source=data.source, platform=data.platform, received_at=data.received_at,
                                   rating=data.rating, author=data.author, content=data.content,
                                   recorded_by_name=actor.name)
        audit.record(actor, "public_opinion", row.uuid, "create", None, {"source": data.source, "rating": data.rating})
        return row.uuid


def get_opinion(actor: Actor, uuid: str) -> dict[str, Any]:
    require(actor, Permission.DESK_WORK)
    row = PublicOpinion.live().where(PublicOpinion.uuid == uuid).first()
    if row is None:
        raise NotFound(_NO_OPINION)
    return {k: getattr(row, k) for k in ("uuid", "source", "platform", "received_at", "rating", "author", "content",
                                         "status", "follow_up", "followed_up_at", "handler_name")}


def follow_up(actor: Actor, uuid: str, text: str, close: bool = False) -> None:
    """The manager's follow-up of an entry (what was done, replied or changed); ``close`` settles it."""
    require(actor, Permission.MANAGE_COMPLAINTS)
    text = text.strip()
    if not text:
        raise ValidationError({"follow_up": T("errors", "请填写跟进情况")})
    if len(text) > FOLLOW_UP_MAX:
        raise ValidationError({"follow_up": T("errors", "跟进情况不超过 {0} 字").format(FOLLOW_UP_MAX)})
    with transaction():
        row = PublicOpinion.live().where(PublicOpinion.uuid == uuid).first()
        if row is None:
            raise NotFound(_NO_OPINION)
        if row.status == OpinionStatus.CLOSED.value:
            raise ValidationError({"follow_up": T("errors", "该条已办结")})
        old = {"follow_up": row.follow_up, "status": row.status}
        row.follow_up, row.followed_up_at, row.handler_name = text, now(), actor.name
        if close:
            row.status = OpinionStatus.CLOSED.value
        row.save()
        audit.record(actor, "public_opinion", uuid, "follow_up", old, {"follow_up": text, "status": row.status})
