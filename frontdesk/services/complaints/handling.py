"""Case handling after opening: reclassify and assign (logged old → new), plan approval, escalation to leaders."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from frontdesk.db.connection import transaction
from frontdesk.db.models import Department, Staff
from frontdesk.domain import case_roles
from frontdesk.domain.complaints import ComplaintCategory, LogKind, note_problem
from frontdesk.domain.roles import Actor, Permission
from frontdesk.domain.sla import Priority, Severity, Stage
from frontdesk.errors import PermissionDenied, T, ValidationError
from frontdesk.services.complaints import cases
from frontdesk.services.core.permissions import require


@dataclass(frozen=True)
class Classification:
    """The fields a case may be reclassified by; None leaves a field as it is ("" clears a department/handler)."""

    category: str | None = None
    severity: str | None = None
    level: int | None = None
    department_uuid: str | None = None
    handler_uuid: str | None = None


def _check_values(data: Classification) -> dict[str, str]:
    errors: dict[str, str] = {}
    if data.category is not None and data.category not in {c.value for c in ComplaintCategory}:
        errors["category"] = T("errors", "请选择投诉类别")
    if data.severity is not None and data.severity not in {s.value for s in Severity}:
        errors["severity"] = T("errors", "请选择严重程度")
    if data.level is not None and data.level not in {p.value for p in Priority}:
        errors["level"] = T("errors", "处理等级只能是 1–3 级")
    if data.department_uuid and not Department.live().where(Department.uuid == data.department_uuid).exists():
        errors["department_uuid"] = T("errors", "责任部门不存在")
    if data.handler_uuid and not Staff.live().where(
            (Staff.uuid == data.handler_uuid) & (Staff.active == True)).exists():  # noqa: E712
        errors["handler_uuid"] = T("errors", "承办人不存在或已停用")
    return errors


def _name(model: type[Department] | type[Staff], uuid: str | None) -> str:
    if not uuid:
        return ""
    row = model.select(model.name).where(model.uuid == uuid).first()
    return row.name if row else uuid


def reclassify(actor: Actor, uuid: str, data: Classification, note: str = "", revision: int | None = None) -> int:
    """Change category / severity / level / department / handler; one log entry per changed field.

    A manager may change every field, the assigned handler only the category. Deadlines are
    recomputed from the log with the new severity and level. Returns how many fields changed.
    """
    require(actor, Permission.DESK_WORK)
    problem = note_problem(note, required=False)
    errors = {"note": problem} if problem else {}
    with transaction():
        case = cases._case(uuid, revision)
        if case.stage == Stage.CLOSED.value:
            raise ValidationError({"stage": T("errors", "案件已结案，不能再修改分类")})
        errors.update(_check_values(data))
        if errors:
            raise ValidationError(errors)
        current = {"category": case.category, "severity": case.severity, "level": case.level,
                   "department_uuid": case.department_uuid or "", "handler_uuid": case.handler_uuid or ""}
        wanted = {k: v for k, v in vars(data).items() if v is not None and v != current[k]}
        who = cases.who(actor, case)
        for field in wanted:
            refused = case_roles.classify_problem(field, who)
            if refused:
                raise PermissionDenied(refused)
        for field, value in wanted.items():
            old, new = current[field], value
            if field == "department_uuid":
                old, new = _name(Department, old), _name(Department, value)
                case.department = value or None
            elif field == "handler_uuid":
                old, new = _name(Staff, old), _name(Staff, value)
                case.handler = value or None
            else:
                setattr(case, field, value)
            cases._append(actor, case, LogKind.CLASSIFY, field, note, change=(field, str(old), str(new)))
        return len(wanted)


def approve_plan(actor: Actor, uuid: str, note: str = "", revision: int | None = None) -> None:
    """方案审批: a manager approves the plan of a case in 方案 (a 重大 case needs a second manager's)."""
    require(actor, Permission.MANAGE_COMPLAINTS)
    problem = note_problem(note, required=False)
    if problem:
        raise ValidationError({"note": problem})
    with transaction():
        case = cases._case(uuid, revision)
        if case.stage != Stage.PLAN.value:
            raise ValidationError({"stage": T("errors", "只有处于「方案」阶段的案件可以审批方案")})
        if any(e.kind == LogKind.APPROVE.value and e.actor_uuid == actor.uuid for e in cases._log(uuid)):
            raise ValidationError({"approval": T("errors", "您已审批过该方案")})
        cases._append(actor, case, LogKind.APPROVE, "approval", note)


def escalate(actor: Actor, uuid: str, reported_to: str, note: str = "", revision: int | None = None) -> None:
    """报公司领导: record whom a case was reported to (a manager or the case's handler)."""
    require(actor, Permission.DESK_WORK)
    errors = {}
    whom = reported_to.strip()
    if not whom:
        errors["reported_to"] = T("errors", "请填写上报对象（如：公司分管副总 张总）")
    elif len(whom) > 60:
        errors["reported_to"] = T("errors", "上报对象不能超过 60 个字")
    problem = note_problem(note, required=False)
    if problem:
        errors["note"] = problem
    if errors:
        raise ValidationError(errors)
    with transaction():
        case = cases._case(uuid, revision)
        who = cases.who(actor, case)
        if not (who.manager or who.handler):
            raise PermissionDenied(T("errors", "上报领导须由主管或本案承办人记录"))
        cases._append(actor, case, LogKind.ESCALATE, "reported_to", note, change=("reported_to", "", whom))


def actions_for(actor: Actor, row: dict[str, Any]) -> dict[str, str | None]:
    """For the UI: each case action → None when the actor may do it now, else why not (a message)."""
    stage = Stage(row["stage"])
    who = cases.who(actor, row)
    finish = case_roles.finish_problem(stage, who)
    manager = None if who.manager else T("errors", "只有主管可以进行此操作")
    classify = None if (who.manager or who.handler) else case_roles.classify_problem("severity", who)
    return {
        "advance": finish if stage is not Stage.ARCHIVE else T("errors", "请使用“结案”"),
        "close": finish if stage is Stage.ARCHIVE else T("errors", "推进到「归档总结」后才能结案"),
        "approve": manager if stage is Stage.PLAN else T("errors", "只有处于「方案」阶段的案件可以审批方案"),
        "escalate": None if (who.manager or who.handler) else T("errors", "上报领导须由主管或本案承办人记录"),
        "classify": classify,
    }

