"""Complaint cases: open (directly or from a 投诉 contact), advance, pause/resume, note, close."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import chinese_calendar
import peewee

from frontdesk.clock import now
from frontdesk.db.connection import transaction
from frontdesk.db.models import Complaint, ComplaintEvent, Contact, Department, Staff
from frontdesk.db.numbering import next_number
from frontdesk.domain import case_roles
from frontdesk.domain import satisfaction as three_dimensions
from frontdesk.domain.complaints import (
    ComplaintInput,
    LogKind,
    Satisfaction,
    complaint_problems,
    note_problem,
)
from frontdesk.domain.phones import normalize_phone
from frontdesk.domain.roles import Actor, Permission
from frontdesk.domain.sla import CaseClock, CaseEvent, CaseFlowError, Remedy, Stage, compute_status
from frontdesk.errors import Message, NotFound, PermissionDenied, T, ValidationError
from frontdesk.services.complaints import sla_policy
from frontdesk.services.core import holidays
from frontdesk.services.core.permissions import require
from frontdesk.services.core.site_settings import CALENDAR_STAMP

MODULE_CODE = "TS"


@dataclass(frozen=True)
class SavedComplaint:
    uuid: str
    number: str


# --- the log and the deadlines it implies ------------------------------------------------------


def case_events(rows: list[dict[str, Any]] | list[ComplaintEvent]) -> list[CaseEvent]:
    """The SLA view of stored log rows (notes do not move any clock)."""
    out: list[CaseEvent] = []
    for row in rows:
        get = row.get if isinstance(row, dict) else lambda key, r=row: getattr(r, key)
        kind = get("kind")
        if kind == LogKind.STAGE:
            remedy = get("remedy")
            out.append(CaseEvent.move(get("at"), Stage(get("to_stage")), Remedy(remedy) if remedy else None,
                                      get("promised_at")))
        elif kind == LogKind.PAUSE:
            out.append(CaseEvent.pause(get("at")))
        elif kind == LogKind.RESUME:
            out.append(CaseEvent.resume(get("at")))
    return out


def _log(uuid: str) -> list[ComplaintEvent]:
    return list(
        ComplaintEvent.select()
        .where((ComplaintEvent.complaint == uuid) & (ComplaintEvent.deleted == False))  # noqa: E712
        .order_by(ComplaintEvent.at, ComplaintEvent.id)
    )


def status_of(case: Complaint | dict[str, Any], events: list[CaseEvent], at: datetime | None = None) -> CaseClock:
    """The case's deadlines under the SLA policy version it was opened with (the seeds' when it has none)."""
    get = case.get if isinstance(case, dict) else lambda key: getattr(case, key, None)
    return compute_status(get("opened_at"), get("severity"), get("level"), events, at or now(),
                          holidays.work_calendar(), sla_policy.policy_of(get("policy_uuid")))


def index_due(clock: CaseClock) -> datetime | None:
    """The earliest deadline that can still pass: running clocks; while paused, only those already spent."""
    spent = timedelta(0)
    dues = [c.due for c in clock.clocks if c.done_at is None and (not clock.is_paused or c.remaining <= spent)]
    return min(dues, default=None)


def _reindex(case: Complaint, events: list[CaseEvent], at: datetime) -> CaseClock:
    clock = status_of(case, events, at)
    case.stage = clock.stage.value
    case.paused = clock.is_paused
    case.due_at = index_due(clock)
    return clock


def refresh_deadlines() -> int:
    """Rewrite the deadline index of every open case from its log (after a holiday change)."""
    moment, count = now(), 0
    for case in Complaint.live().where(Complaint.stage != Stage.CLOSED.value):
        before = (case.due_at, case.stage, case.paused)
        _reindex(case, case_events(_log(case.uuid)), moment)
        if (case.due_at, case.stage, case.paused) != before:
            Complaint.update(due_at=case.due_at, stage=case.stage, paused=case.paused).where(
                Complaint.id == case.id
            ).execute()
            count += 1
    return count


SLA_RULES = "sla 2"  # bumped when the deadline rules change (2: hour clocks count service hours / working days)


def ensure_deadline_index() -> None:
    """Re-index open cases once after the built-in holiday data or the deadline rules changed (an upgrade)."""
    stamp = f"chinesecalendar {chinese_calendar.__version__}; {SLA_RULES}"
    if CALENDAR_STAMP.get() == stamp:
        return
    with transaction():
        refresh_deadlines()
        CALENDAR_STAMP.put(stamp)


# --- opening ------------------------------------------------------------------------------------


def _check_refs(data: ComplaintInput) -> None:
    if data.department_uuid and not Department.live().where(Department.uuid == data.department_uuid).exists():
        raise ValidationError({"department_uuid": T("errors", "责任部门不存在")})
    if data.staff_uuid and not Staff.live().where(Staff.uuid == data.staff_uuid).exists():
        raise ValidationError({"staff_uuid": T("errors", "归责员工不存在")})


def _create(actor: Actor, data: ComplaintInput, opened: datetime, contact_uuid: str | None) -> Complaint:
    case = Complaint(
        number=next_number(MODULE_CODE, opened.date()),
        contact=contact_uuid,
        opened_at=opened,
        opened_by=actor.uuid,
        customer_name=data.customer_name.strip(),
        phone=normalize_phone(data.phone),
        subject=data.subject.strip(),
        description=data.description.strip(),
        category=data.category,
        department=data.department_uuid or None,
        staff=data.staff_uuid or None,
        severity=data.severity,
        level=int(data.level),
        stage=Stage.ACCEPT.value,
        policy_uuid=sla_policy.uuid_in_force(opened.date()),
    )
    _reindex(case, [], now())
    case.save()
    return case


def open_complaint(actor: Actor, data: ComplaintInput, contact_uuid: str | None = None) -> SavedComplaint:
    """Open a case in 受理 (stage clock starts at ``opened_at``, default now)."""
    require(actor, Permission.DESK_WORK)
    moment = now()
    errors = complaint_problems(data, moment)
    if errors:
        raise ValidationError(errors)
    with transaction():
        _check_refs(data)
        if contact_uuid and not Contact.live().where(Contact.uuid == contact_uuid).exists():
            raise ValidationError({"contact": T("errors", "关联的接待记录不存在")})
        case = _create(actor, data, data.opened_at or moment, contact_uuid)
        return SavedComplaint(case.uuid, case.number)


def open_from_contact(actor: Actor, contact: Contact) -> Complaint | None:
    """A 投诉 contact (new, or re-categorised as 投诉) opens a linked case, once (inside reception's transaction)."""
    if Complaint.select().where(Complaint.contact == contact.uuid).exists():
        return None
    first_line = (contact.request or "").strip().splitlines()[0] if contact.request.strip() else "投诉"
    data = ComplaintInput(
        customer_name=contact.customer_name or "匿名客户",
        phone=contact.phone,
        subject=first_line[:100],
        description=contact.request or "",
    )
    return _create(actor, data, min(contact.received_at, now()), contact.uuid)


# --- the workflow -------------------------------------------------------------------------------


def _case(uuid: str, revision: int | None = None) -> Complaint:
    """The live case; with ``revision`` (the one the dialog loaded) its next save is revision-checked."""
    case = Complaint.live().where(Complaint.uuid == uuid).first()
    if case is None:
        raise NotFound(T("errors", "该投诉案件不存在或已删除"))
    case.expect_revision(revision)
    return case


def who(actor: Actor, case: Complaint | dict[str, Any]) -> case_roles.Who:
    """The actor's part in the case: manager (MANAGE_COMPLAINTS) and/or its assigned handler."""
    handler = case.get("handler_uuid") if isinstance(case, dict) else case.handler_uuid
    return case_roles.Who(actor.uuid, actor.can(Permission.MANAGE_COMPLAINTS), bool(handler) and handler == actor.uuid)


def _may_finish(actor: Actor, case: Complaint) -> None:
    problem = case_roles.finish_problem(Stage(case.stage), who(actor, case))
    if problem:
        raise PermissionDenied(problem)


def _append(
    actor: Actor, case: Complaint, kind: LogKind, field: str, note: str = "", to_stage: Stage | None = None,
    remedy: str = "", promised_at: datetime | None = None, change: tuple[str, str, str] = ("", "", ""),
) -> ComplaintEvent:
    """Validate the new entry by replaying the log with it, then store it and re-index the case.

    ``change`` is (field, old, new) of a classification change or (reported_to, "", whom) of an escalation.
    """
    moment = now()
    rows = _log(case.uuid)
    event = ComplaintEvent(
        complaint=case.uuid, kind=kind.value, from_stage=case.stage, to_stage=to_stage.value if to_stage else "",
        at=max([moment, case.opened_at, *(r.at for r in rows)]), actor_uuid=actor.uuid, actor_name=actor.name,
        note=note.strip(), remedy=remedy or "", promised_at=promised_at,
        field=change[0], old_value=change[1][:60], new_value=change[2][:60],
    )
    try:
        _reindex(case, case_events([*rows, event]), event.at)
    except CaseFlowError as exc:
        raise ValidationError({field: exc.message}) from exc
    event.save()
    case.save()
    return event


def advance(
    actor: Actor, uuid: str, to_stage: Stage | str, note: str,
    remedy: Remedy | str | None = None, promised_at: datetime | None = None, revision: int | None = None,
) -> None:
    """Move a case to the next stage (only ever one step); to 执行 with the remedy promised."""
    require(actor, Permission.DESK_WORK)
    try:
        target = Stage(to_stage)
    except ValueError:
        raise ValidationError({"stage": T("errors", "请选择要转入的阶段")}) from None
    errors = {}
    problem = note_problem(note, required=True)
    if problem:
        errors["note"] = problem
    if target is Stage.CLOSED:
        errors["stage"] = T("errors", "结案请使用“结案”，并记录客户满意度")
    if promised_at is not None and promised_at <= now():
        errors["promised_at"] = T("errors", "承诺完成时间必须晚于现在")
    if remedy and remedy not in {r.value for r in Remedy}:
        errors["remedy"] = T("errors", "请选择处理方式")
    if errors:
        raise ValidationError(errors)
    with transaction():
        case = _case(uuid, revision)
        _may_finish(actor, case)
        if case.stage == Stage.PLAN.value and target is Stage.FEEDBACK:
            log = _log(uuid)
            approvers = {e.actor_uuid for e in log if e.kind == LogKind.APPROVE.value}
            escalated = any(e.kind == LogKind.ESCALATE.value for e in log)
            problems = case_roles.plan_problems(case.severity, actor.uuid, approvers, escalated)
            if problems:
                raise ValidationError(problems)
        _append(actor, case, LogKind.STAGE, "stage", note, target, str(remedy or ""),
                promised_at if target is Stage.EXECUTE else None)


def pause(actor: Actor, uuid: str, reason: str, revision: int | None = None) -> None:
    """Stop every clock (waiting on the customer or another department); the reason is required."""
    require(actor, Permission.DESK_WORK)
    problem = note_problem(reason, required=True, what=T("errors", "暂停原因"))
    if problem:
        raise ValidationError({"note": problem})
    with transaction():
        _append(actor, _case(uuid, revision), LogKind.PAUSE, "paused", reason)


def resume(actor: Actor, uuid: str, note: str = "", revision: int | None = None) -> None:
    require(actor, Permission.DESK_WORK)
    problem = note_problem(note, required=False)
    if problem:
        raise ValidationError({"note": problem})
    with transaction():
        _append(actor, _case(uuid, revision), LogKind.RESUME, "paused", note)


def add_note(actor: Actor, uuid: str, note: str, revision: int | None = None) -> None:
    require(actor, Permission.DESK_WORK)
    problem = note_problem(note, required=True, what=T("errors", "备注"))
    if problem:
        raise ValidationError({"note": problem})
    with transaction():
        case = _case(uuid, revision)
        _append(actor, case, LogKind.NOTE, "note", note)


def close_complaint(actor: Actor, uuid: str, satisfaction: str | None, confirmed: bool, note: str,
                    dimensions: dict[str, str | None] | None = None, revision: int | None = None) -> None:
    """归档总结 done: the case closes with the customer's satisfaction and confirmation.

    ``dimensions`` (sat_speed / sat_result / sat_communication): when passed, all three are required and
    the overall satisfaction is derived from them (domain.satisfaction); without them it is asked as before.
    """
    require(actor, Permission.DESK_WORK)
    errors = {}
    if dimensions is not None:
        errors.update(three_dimensions.dimension_problems(dimensions, required=True))
        dims, satisfaction = three_dimensions.resolve(dimensions, satisfaction)
    else:
        dims = {}
    if satisfaction not in {s.value for s in Satisfaction} and not errors:
        errors["satisfaction"] = T("errors", "请选择客户满意度")
    problem = note_problem(note, required=True, what=T("errors", "归档总结"))
    if problem:
        errors["note"] = problem
    if errors:
        raise ValidationError(errors)
    with transaction():
        case = _case(uuid, revision)
        if case.stage != Stage.ARCHIVE.value:
            raise ValidationError({"stage": T("errors", "案件当前为「{0}」，须推进到「归档总结」后才能结案").format(Message("enum", Stage(case.stage).label))})
        _may_finish(actor, case)
        event = _append(actor, case, LogKind.STAGE, "stage", note, Stage.CLOSED)
        case.satisfaction = satisfaction or ""
        for name, value in dims.items():
            setattr(case, name, value)
        case.customer_confirmed = bool(confirmed)
        case.closed_at = event.at
        case.save()


def get_complaint(actor: Actor, uuid: str) -> dict[str, Any]:
    """A case with its names, its log (oldest first) and the deadline status recomputed from it."""
    require(actor, Permission.DESK_WORK)
    dept, staff, opener, handler = Department.alias(), Staff.alias(), Staff.alias(), Staff.alias()
    row = (
        Complaint.select(Complaint, dept.name.alias("department_name"), staff.name.alias("staff_name"),
                         opener.name.alias("opened_by_name"), Contact.number.alias("contact_number"),
                         handler.name.alias("handler_name"))
        .join(dept, peewee.JOIN.LEFT_OUTER, on=(Complaint.department == dept.uuid))
        .switch(Complaint).join(staff, peewee.JOIN.LEFT_OUTER, on=(Complaint.staff == staff.uuid))
        .switch(Complaint).join(handler, peewee.JOIN.LEFT_OUTER, on=(Complaint.handler == handler.uuid))
        .switch(Complaint).join(opener, peewee.JOIN.LEFT_OUTER, on=(Complaint.opened_by == opener.uuid))
        .switch(Complaint).join(Contact, peewee.JOIN.LEFT_OUTER, on=(Complaint.contact == Contact.uuid))
        .where((Complaint.uuid == uuid) & (Complaint.deleted == False))  # noqa: E712
        .dicts()
        .first()
    )
    if row is None:
        raise NotFound(T("errors", "该投诉案件不存在或已删除"))
    row["contact_uuid"] = row.pop("contact")
    row["department_uuid"] = row.pop("department")
    row["staff_uuid"] = row.pop("staff")
    row["handler_uuid"] = row.pop("handler")
    log = _log(uuid)
    row["events"] = [
        {k: getattr(e, k) for k in ("kind", "from_stage", "to_stage", "at", "actor_uuid", "actor_name", "note",
                                    "remedy", "promised_at", "field", "old_value", "new_value")}
        for e in log
    ]
    row["policy"] = sla_policy.policy_of(row["policy_uuid"])
    row["case_events"] = case_events(log)
    row["clock"] = status_of(row, row["case_events"])
    return row
