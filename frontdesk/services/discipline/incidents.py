"""Discipline incidents (违纪记录): record within the rule's range, confirm, appeal, decide, revoke."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

from frontdesk.clock import now
from frontdesk.db.connection import transaction
from frontdesk.db.models import DismissalProposal, Incident, Staff
from frontdesk.db.numbering import next_number
from frontdesk.domain.attendance import RequestStatus
from frontdesk.domain.fines import (
    Dismissal,
    IncidentSource,
    IncidentStatus,
    Unit,
    amount_problem,
    label,
    money_problem,
)
from frontdesk.domain.meals import LEAVE_POST_RULES
from frontdesk.domain.roles import Actor, Permission
from frontdesk.errors import NotFound, PermissionDenied, T, ValidationError
from frontdesk.services.core import audit, site_filter
from frontdesk.services.core.list_spec import ColumnKind, ListExport, ListSpec, col
from frontdesk.services.core.listing import ListQuery, Page, like_pattern
from frontdesk.services.core.permissions import require
from frontdesk.services.discipline import fine_rules, fine_sheet
from frontdesk.services.personnel import shifts

MODULE_CODE = "WJ"


@dataclass
class IncidentInput:
    """The record form: one or more staff (more only for per-person rules such as W03)."""

    staff_uuids: list[str]
    rule_code: str
    occurred_at: datetime | None
    amount: Decimal | None  # per person, for ``quantity`` times
    description: str = ""
    quantity: int = 1
    evidence: str = ""
    serious: bool = False
    confirm_now: bool = False
    source: str = IncidentSource.MANUAL.value
    shift_uuid: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


def _snapshot(i: Incident) -> dict[str, Any]:
    return {"staff": i.staff_uuid, "rule": i.rule_code, "amount": i.amount, "status": i.status,
            "occurred_at": i.occurred_at, "description": i.description, "quantity": i.quantity}


def _validate(data: IncidentInput) -> tuple[dict[str, str], Any]:
    errors: dict[str, str] = {}
    rule = None
    if not data.staff_uuids:
        errors["staff_uuids"] = T("errors", "请选择违纪员工")
    if data.occurred_at is None:
        errors["occurred_at"] = T("errors", "请填写发生时间")
    elif data.occurred_at > now():
        errors["occurred_at"] = T("errors", "发生时间不能晚于现在")
    if len(data.description) > 500:
        errors["description"] = T("errors", "情况说明不超过 500 字")
    if data.occurred_at is not None:
        rule = fine_rules.rule_for(data.rule_code, data.occurred_at.date())
        if rule is None:
            errors["rule_code"] = T("errors", "请选择违纪条款（发生日期时有效的罚款标准）")
    if rule is not None and rule.code in LEAVE_POST_RULES and "occurred_at" not in errors and any(
            shifts.on_meal_break(u, data.occurred_at) for u in data.staff_uuids):
        errors["occurred_at"] = T("errors", "这个时间在该员工班次的用餐时间内，用餐不算离岗")
    if rule is not None:
        spec = fine_rules.spec_of(rule)
        if len(data.staff_uuids) > 1 and spec.unit is not Unit.PER_PERSON:
            errors["staff_uuids"] = T("errors", "{0} 不是按人计罚的条款，一次只能登记一名员工").format(rule.code)
        if data.amount is None:
            errors["amount"] = T("errors", "请填写罚款金额")
        else:
            problem = money_problem(data.amount) or amount_problem(spec, data.amount, data.quantity)
            if problem:
                errors["quantity" if "次数" in problem else "amount"] = problem
    return errors, rule


def record_incident(actor: Actor, data: IncidentInput) -> list[str]:
    """Record the incident (one per person); a dismissal-flagged rule raises a dismissal proposal."""
    require(actor, Permission.MANAGE_PERSONNEL)
    errors, rule = _validate(data)
    if errors:
        raise ValidationError(errors)
    return _create(actor, data, rule)


def _create(actor: Actor, data: IncidentInput, rule: Any) -> list[str]:
    uuids: list[str] = []
    with transaction():
        fine_sheet.ensure_open(fine_sheet.month_of(data.occurred_at.date()))
        spec = fine_rules.spec_of(rule)
        propose = spec.dismissal is Dismissal.ALWAYS or (spec.dismissal is Dismissal.SERIOUS and data.serious)
        for staff_uuid in dict.fromkeys(data.staff_uuids):
            if not Staff.live().where(Staff.uuid == staff_uuid).exists():
                raise ValidationError({"staff_uuids": T("errors", "员工不存在")})
            status = IncidentStatus.CONFIRMED if data.confirm_now else IncidentStatus.PENDING
            incident = Incident.create(
                number=next_number(MODULE_CODE, data.occurred_at.date()), staff=staff_uuid,
                occurred_at=data.occurred_at, month=fine_sheet.month_of(data.occurred_at.date()), rule=rule.uuid,
                rule_code=rule.code, description=data.description.strip(), quantity=data.quantity,
                amount=data.amount, evidence=data.evidence.strip()[:300], serious=data.serious,
                recorded_by=actor.uuid, recorded_by_name=actor.name, status=status.value, source=data.source,
                shift_uuid=data.shift_uuid,
            )
            audit.record(actor, "incident", incident.uuid, "create", None, _snapshot(incident))
            if propose:
                DismissalProposal.create(incident=incident.uuid, staff=staff_uuid)
                audit.record(actor, "incident", incident.uuid, "dismissal_proposal", None, {"rule": rule.code})
            uuids.append(incident.uuid)
    return uuids


def _get(uuid: str) -> Incident:
    incident = Incident.live().where(Incident.uuid == uuid).first()
    if incident is None:
        raise NotFound(T("errors", "该违纪记录不存在"))
    return incident


def _change(actor: Actor, uuid: str, allowed: tuple[IncidentStatus, ...], action: str, note: str,
            apply: Any, revision: int | None = None) -> None:
    """One decision on an incident; ``revision`` (the one the dialog loaded) makes it a revision-checked save."""
    with transaction():
        incident = _get(uuid)
        incident.expect_revision(revision)
        fine_sheet.ensure_open(incident.month)
        if incident.status not in {s.value for s in allowed}:
            raise ValidationError({"status": T("errors", "该记录当前状态不能进行此操作")})
        old = _snapshot(incident)
        apply(incident)
        incident.save()
        audit.record(actor, "incident", incident.uuid, action, old, _snapshot(incident), note)


def _check_amount(incident: Incident, amount: Decimal | None) -> None:
    if amount is None:
        return
    spec = fine_rules.spec_of(fine_rules.rule_by_uuid(incident.rule_uuid))  # the version it was recorded under
    problem = money_problem(amount) or amount_problem(spec, amount, incident.quantity)
    if problem:
        raise ValidationError({"amount": problem})
    incident.amount = amount


def confirm(actor: Actor, uuid: str, amount: Decimal | None = None, note: str = "", revision: int | None = None) -> None:
    """Confirm a 待确认 incident (an attendance proposal or a recorded one), optionally adjusting the fine."""
    require(actor, Permission.MANAGE_PERSONNEL)

    def apply(i: Incident) -> None:
        _check_amount(i, amount)
        i.status = IncidentStatus.CONFIRMED.value
        i.decided_by_name, i.decided_at = actor.name, now()

    _change(actor, uuid, (IncidentStatus.PENDING,), "confirm", note, apply, revision)


def revoke(actor: Actor, uuid: str, reason: str, revision: int | None = None) -> None:
    require(actor, Permission.MANAGE_PERSONNEL)
    if not reason.strip():
        raise ValidationError({"reason": T("errors", "请填写撤销原因")})

    def apply(i: Incident) -> None:
        i.status, i.decision_note = IncidentStatus.REVOKED.value, reason.strip()[:300]
        i.decided_by_name, i.decided_at = actor.name, now()

    _change(actor, uuid, (IncidentStatus.PENDING, IncidentStatus.CONFIRMED), "revoke", reason, apply, revision)


def appeal(actor: Actor, uuid: str, reason: str, revision: int | None = None) -> None:
    """The member of staff appeals their own incident with a reason (申诉)."""
    require(actor, Permission.READ_OWN_PERSONNEL)
    if not reason.strip():
        raise ValidationError({"reason": T("errors", "请填写申诉理由")})
    if _get(uuid).staff_uuid != actor.uuid:
        raise PermissionDenied(T("errors", "只能对本人的违纪记录提出申诉"))

    def apply(i: Incident) -> None:
        i.status, i.appeal_reason, i.appealed_at = IncidentStatus.APPEALED.value, reason.strip()[:300], now()

    _change(actor, uuid, (IncidentStatus.PENDING, IncidentStatus.CONFIRMED), "appeal", reason, apply, revision)


def decide_appeal(actor: Actor, uuid: str, upheld: bool, note: str, amount: Decimal | None = None, revision: int | None = None) -> None:
    """Upheld: the incident is revoked. Rejected: it stands (confirmed), possibly with a changed fine."""
    require(actor, Permission.MANAGE_PERSONNEL)
    if not note.strip():
        raise ValidationError({"note": T("errors", "请填写处理意见")})

    def apply(i: Incident) -> None:
        if not upheld:
            _check_amount(i, amount)
        i.status = (IncidentStatus.REVOKED if upheld else IncidentStatus.CONFIRMED).value
        i.decision_note, i.decided_by_name, i.decided_at = note.strip()[:300], actor.name, now()

    _change(actor, uuid, (IncidentStatus.APPEALED,), "appeal_upheld" if upheld else "appeal_rejected", note, apply, revision)


INCIDENTS = ListSpec(T("columns", "违纪记录"), (
    col("number", T("columns", "编号"), ColumnKind.TEXT, Incident.number, sort=True),
    col("occurred_at", T("columns", "发生时间"), ColumnKind.DATETIME, Incident.occurred_at, sort=True),
    col("staff_no", T("columns", "工号"), ColumnKind.TEXT, Staff.staff_no),
    col("staff_name", T("columns", "员工"), ColumnKind.TEXT, Staff.name),
    col("rule_code", T("columns", "条款"), ColumnKind.TEXT, Incident.rule_code, sort=True),
    col("description", T("columns", "违纪情况"), ColumnKind.LONG_TEXT, Incident.description),
    col("quantity", T("columns", "次数"), ColumnKind.INT, Incident.quantity),
    col("amount", T("columns", "罚款(元)"), ColumnKind.MONEY, Incident.amount, sort=True),
    col("status", T("columns", "状态"), ColumnKind.ENUM, Incident.status, sort=True, labels=label),
    col("source", T("columns", "来源"), ColumnKind.ENUM, Incident.source, labels=label),
    col("recorded_by_name", T("columns", "登记人"), ColumnKind.TEXT, Incident.recorded_by_name),
    col("appeal_reason", T("columns", "申诉理由"), ColumnKind.TEXT, Incident.appeal_reason),
    col("decision_note", T("columns", "处理意见"), ColumnKind.TEXT, Incident.decision_note),
    col("month", T("columns", "月份"), ColumnKind.TEXT, Incident.month),
), default_order=(Incident.occurred_at, True), tiebreak=Incident.id)
SORT = INCIDENTS.sort_fields


def _incident_filters(actor: Actor, query: ListQuery) -> list[Any]:
    """Managers see everyone's; staff only their own (filters cannot widen that)."""
    f = query.filters
    where = [Incident.deleted == False]  # noqa: E712
    if not actor.can(Permission.MANAGE_PERSONNEL):
        where.append(Incident.staff == actor.uuid)
    elif f.get("staff_uuid"):
        where.append(Incident.staff == f["staff_uuid"])
    if f.get("status"):
        where.append(Incident.status == f["status"])
    if f.get("month"):
        where.append(Incident.month == f["month"])
    if f.get("source"):
        where.append(Incident.source == f["source"])
    where += site_filter.site_terms(query, Incident.site_code)
    text = query.search.strip()
    if text:
        pattern = like_pattern(text)
        where.append((Incident.number ** pattern) | (Incident.description ** pattern) | (Staff.name ** pattern)
                     | (Incident.rule_code == text.upper()))
    return where


def _incidents(fields: list[Any], where: list[Any]) -> Any:
    return Incident.select(*fields).join(Staff, on=(Incident.staff == Staff.uuid)).where(*where)


def list_incidents(actor: Actor, query: ListQuery) -> Page:
    """Managers see everyone's; staff only their own (filters cannot widen that)."""
    require(actor, Permission.READ_OWN_PERSONNEL)
    where = _incident_filters(actor, query)
    select = _incidents(INCIDENTS.list_fields(Incident.uuid, Incident.evidence, Incident.staff.alias("staff_uuid"),
                                              Incident.revision),
                        where)
    return INCIDENTS.page(select, query, count_select=_incidents([Incident.id], where))


def export_incidents(actor: Actor, query: ListQuery) -> ListExport:
    """The incident list as filtered (staff: their own), every row, for Excel."""
    require(actor, Permission.READ_OWN_PERSONNEL)
    where = _incident_filters(actor, query)
    return INCIDENTS.export(actor, lambda fields: _incidents(fields, where), query)


def get_incident(actor: Actor, uuid: str) -> dict[str, Any]:
    require(actor, Permission.READ_OWN_PERSONNEL)
    incident = _get(uuid)
    if incident.staff_uuid != actor.uuid and not actor.can(Permission.MANAGE_PERSONNEL):
        raise PermissionDenied(T("errors", "只能查看本人的违纪记录"))
    rule = fine_rules.rule_by_uuid(incident.rule_uuid)
    return dict(_snapshot(incident), uuid=incident.uuid, number=incident.number, evidence=incident.evidence,
                appeal_reason=incident.appeal_reason, decision_note=incident.decision_note,
                offence=rule.offence, range_text=fine_rules.spec_of(rule).range_text, month=incident.month,
                revision=incident.revision)


def list_dismissals(actor: Actor, pending_only: bool = True) -> list[dict[str, Any]]:
    require(actor, Permission.MANAGE_PERSONNEL)
    select = (
        DismissalProposal.select(DismissalProposal.uuid, DismissalProposal.status, DismissalProposal.created_at,
                                 DismissalProposal.note, Staff.name.alias("staff_name"), Staff.staff_no,
                                 Incident.number, Incident.rule_code, Incident.description)
        .join(Incident, on=(DismissalProposal.incident == Incident.uuid))
        .switch(DismissalProposal).join(Staff, on=(DismissalProposal.staff == Staff.uuid))
        .where(DismissalProposal.deleted == False)  # noqa: E712
    )
    if pending_only:
        select = select.where(DismissalProposal.status == RequestStatus.PENDING.value)
    return list(select.order_by(DismissalProposal.created_at.desc()).dicts())


def decide_dismissal(actor: Actor, uuid: str, approve: bool, note: str) -> None:
    require(actor, Permission.MANAGE_PERSONNEL)
    with transaction():
        row = DismissalProposal.live().where(DismissalProposal.uuid == uuid).first()
        if row is None or row.status != RequestStatus.PENDING.value:
            raise ValidationError({"note": T("errors", "该辞退建议已处理")})
        row.status = (RequestStatus.APPROVED if approve else RequestStatus.REJECTED).value
        row.decided_by_name, row.decided_at, row.note = actor.name, now(), note.strip()[:200]
        row.save()
        audit.record(actor, "incident", row.incident_uuid, "dismissal_" + row.status, {"status": "pending"},
                     {"status": row.status}, note)
