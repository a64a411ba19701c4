"""Repair work orders (维修工单): intake, workflow steps, customer notifications, pickup, rework, close."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

import peewee

from frontdesk.clock import now
from frontdesk.db.connection import transaction
from frontdesk.db.models import RepairEvent, RepairOrder, Staff
from frontdesk.db.numbering import next_number
from frontdesk.domain.phones import normalize_phone
from frontdesk.domain.repairs import (
    REWORK_FROM,
    WAITING,
    EventKind,
    IllegalTransition,
    NotifyMethod,
    NotifyResult,
    RepairInput,
    RepairStatus,
    check_transition,
    repair_problems,
)
from frontdesk.domain.returns import parse_money
from frontdesk.domain.roles import Actor, Permission
from frontdesk.errors import Message, NotFound, T, ValidationError
from frontdesk.services.aftersales import policy as aftersales_settings
from frontdesk.services.core import attachments
from frontdesk.services.core.permissions import require

MODULE_CODE = "WX"
NOTE_MAX = 500


@dataclass(frozen=True)
class SavedRepair:
    uuid: str
    number: str


def _note_problem(note: str, required: bool, what: str | None = None) -> str | None:
    what = what or T("errors", "说明")
    if required and not note.strip():
        return T("errors", "请填写{0}").format(what)
    if len(note) > NOTE_MAX:
        return T("errors", "{0}不超过 {1} 字").format(what, NOTE_MAX)
    return None


def create_repair(actor: Actor, data: RepairInput) -> SavedRepair:
    """Take an item in (已受理); the intake itself is the first line of the order's history."""
    require(actor, Permission.DESK_WORK)
    moment = now()
    errors = repair_problems(data, moment.date())
    bad = [p for p in data.photos if not attachments.is_stored_name(p)]
    if bad:
        errors["photos"] = T("errors", "照片须通过“添加照片”选择")
    if errors:
        raise ValidationError(errors)
    with transaction():
        order = RepairOrder.create(
            number=next_number(MODULE_CODE, moment.date()), received_at=moment,
            customer_name=data.customer_name.strip(), phone=normalize_phone(data.phone), item=data.item.strip(),
            brand_model=data.brand_model.strip(), serial_no=data.serial_no.strip(), fault=data.fault.strip(),
            accessories="、".join(a.strip() for a in data.accessories if a.strip())[:300],
            appearance=data.appearance.strip()[:300], warranty=data.warranty, estimated_date=data.estimated_date,
            estimated_cost=parse_money(data.estimated_cost) or Decimal("0.00"), pickup_mode=data.pickup_mode,
            address=data.address.strip()[:200], photos="\n".join(dict.fromkeys(data.photos)),
            status=RepairStatus.ACCEPTED.value, status_since=moment, received_by=actor.uuid,
        )
        _log(actor, order, EventKind.STATUS, "", RepairStatus.ACCEPTED.value, moment, "收件登记")
        return SavedRepair(order.uuid, order.number)


def _order(uuid: str, revision: int | None = None) -> RepairOrder:
    """The live order; with ``revision`` (the one the dialog loaded) its next save is revision-checked."""
    order = RepairOrder.live().where(RepairOrder.uuid == uuid).first()
    if order is None:
        raise NotFound(T("errors", "该维修工单不存在或已删除"))
    return order.expect_revision(revision)


def _log(actor: Actor, order: RepairOrder, kind: EventKind, from_status: str, to_status: str, at: datetime,
         note: str = "", method: str = "", result: str = "") -> RepairEvent:
    return RepairEvent.create(
        repair=order.uuid, kind=kind.value, from_status=from_status, to_status=to_status, at=at,
        actor_uuid=actor.uuid, actor_name=actor.name, note=note.strip(), method=method, result=result,
    )


def _move(actor: Actor, order: RepairOrder, target: RepairStatus, note: str, kind: EventKind = EventKind.STATUS,
          **extra: str) -> None:
    moment = now()
    _log(actor, order, kind, order.status, target.value, moment, note, **extra)
    order.status = target.value
    order.status_since = moment
    if target is RepairStatus.CLOSED:
        order.closed_at = moment


def advance(actor: Actor, uuid: str, target: str, note: str = "", revision: int | None = None) -> None:
    """One workflow step (送修, 开始维修, 已修好 / 无法修复, 关闭); an illegal jump is refused."""
    require(actor, Permission.DESK_WORK)
    problem = _note_problem(note, required=target == RepairStatus.UNREPAIRABLE.value, what=T("errors", "说明"))
    if problem:
        raise ValidationError({"note": problem})
    if target in (RepairStatus.NOTIFIED.value, RepairStatus.PICKED_UP.value):
        raise ValidationError({"status": T("errors", "通知取件和取件请分别使用“通知客户”和“取件验收”")})
    with transaction():
        order = _order(uuid, revision)
        try:
            to = check_transition(order.status, target)
        except (IllegalTransition, ValueError) as exc:
            raise ValidationError({"status": getattr(exc, "message", "请选择下一步状态")}) from exc
        _move(actor, order, to, note)
        order.save()


def notify(actor: Actor, uuid: str, method: str, result: str, note: str = "", revision: int | None = None) -> str:
    """Log a notification to the customer; reaching them (or leaving a message) moves 已修好/无法修复 to 已通知取件."""
    require(actor, Permission.DESK_WORK)
    errors = {}
    if method not in {m.value for m in NotifyMethod}:
        errors["method"] = T("errors", "请选择通知方式")
    if result not in {r.value for r in NotifyResult}:
        errors["result"] = T("errors", "请选择通知结果")
    problem = _note_problem(note, required=False)
    if problem:
        errors["note"] = problem
    if errors:
        raise ValidationError(errors)
    with transaction():
        order = _order(uuid, revision)
        if order.status not in (RepairStatus.REPAIRED.value, RepairStatus.UNREPAIRABLE.value,
                                RepairStatus.NOTIFIED.value):
            raise ValidationError({"method": T("errors", "维修结果出来（已修好或无法修复）后才能通知客户取件")})
        if result != NotifyResult.NO_ANSWER.value and order.status != RepairStatus.NOTIFIED.value:
            _move(actor, order, RepairStatus.NOTIFIED, note, EventKind.NOTIFY, method=method, result=result)
        else:
            _log(actor, order, EventKind.NOTIFY, order.status, order.status, now(), note, method, result)
        order.save()
        return order.status


def pick_up(actor: Actor, uuid: str, inspection: str, accepted: bool, note: str = "", revision: int | None = None) -> str:
    """At pickup: the inspection and the customer's acceptance; not accepted reopens the order as rework."""
    require(actor, Permission.DESK_WORK)
    errors = {}
    problem = _note_problem(inspection, required=True, what=T("errors", "取件检查结果"))
    if problem:
        errors["inspection"] = problem
    problem = _note_problem(note, required=not accepted, what=T("errors", "客户不满意的原因"))
    if problem:
        errors["note"] = problem
    if errors:
        raise ValidationError(errors)
    with transaction():
        order = _order(uuid, revision)
        if order.status != RepairStatus.NOTIFIED.value:
            raise ValidationError({"inspection": T("errors", "工单当前为「{0}」，通知取件后才能取件").format(Message("enum", RepairStatus(order.status).label))})
        order.pickup_inspection = inspection.strip()[:300]
        order.customer_accepted = bool(accepted)
        if accepted:
            _move(actor, order, RepairStatus.PICKED_UP, note or inspection, EventKind.PICKUP, result="accepted")
            order.picked_up_at = order.status_since
        else:
            _rework(actor, order, f"取件检查：{inspection.strip()}；{note.strip()}")
        order.save()
        return order.status


def _rework(actor: Actor, order: RepairOrder, note: str) -> None:
    _move(actor, order, RepairStatus.ACCEPTED, note, EventKind.REWORK)
    order.rework_count += 1
    order.closed_at = None


def rework(actor: Actor, uuid: str, note: str, revision: int | None = None) -> None:
    """返修: the customer is not satisfied; the order reopens at 已受理 and keeps all its history."""
    require(actor, Permission.DESK_WORK)
    problem = _note_problem(note, required=True, what=T("errors", "返修原因"))
    if problem:
        raise ValidationError({"note": problem})
    with transaction():
        order = _order(uuid, revision)
        if RepairStatus(order.status) not in REWORK_FROM:
            raise ValidationError({"note": T("errors", "工单当前为「{0}」，还不能返修").format(Message("enum", RepairStatus(order.status).label))})
        _rework(actor, order, note)
        order.save()


def add_note(actor: Actor, uuid: str, note: str) -> None:
    require(actor, Permission.DESK_WORK)
    problem = _note_problem(note, required=True, what=T("errors", "备注"))
    if problem:
        raise ValidationError({"note": problem})
    with transaction():
        order = _order(uuid)
        _log(actor, order, EventKind.NOTE, order.status, order.status, now(), note)


def is_stuck(status: str, since: datetime, at: datetime | None = None, days: int | None = None) -> bool:
    limit = days if days is not None else aftersales_settings.stuck_days()
    return status in WAITING and ((at or now()) - since).total_seconds() > limit * 86400


def get_repair(actor: Actor, uuid: str) -> dict[str, Any]:
    """An order with its receiver's name, photos as a list and its whole history (oldest first)."""
    require(actor, Permission.DESK_WORK)
    row = (
        RepairOrder.select(RepairOrder, Staff.name.alias("received_by_name"))
        .join(Staff, peewee.JOIN.LEFT_OUTER, on=(RepairOrder.received_by == Staff.uuid))
        .where((RepairOrder.uuid == uuid) & (RepairOrder.deleted == False))  # noqa: E712
        .dicts()
        .first()
    )
    if row is None:
        raise NotFound(T("errors", "该维修工单不存在或已删除"))
    row["photo_list"] = [p for p in row["photos"].splitlines() if p]
    row["stuck"] = is_stuck(row["status"], row["status_since"])
    row["events"] = list(
        RepairEvent.select(RepairEvent.kind, RepairEvent.from_status, RepairEvent.to_status, RepairEvent.at,
                           RepairEvent.actor_name, RepairEvent.note, RepairEvent.method, RepairEvent.result)
        .where((RepairEvent.repair == uuid) & (RepairEvent.deleted == False))  # noqa: E712
        .order_by(RepairEvent.at, RepairEvent.id)
        .dicts()
    )
    return row
