"""Transfers (转办): hand a contact to a department with a due time, record its reply, chase the overdue."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any

from frontdesk.clock import now
from frontdesk.db.connection import transaction
from frontdesk.db.models import Contact, Department, Staff, Transfer
from frontdesk.domain.reception import ContactStatus, TransferStatus, label
from frontdesk.domain.roles import Actor, Permission
from frontdesk.errors import NotFound, T, ValidationError
from frontdesk.services.core.list_spec import ColumnKind, ListExport, ListSpec, col
from frontdesk.services.core.listing import ListQuery, Page
from frontdesk.services.core.permissions import require


def transfer_contact(
    actor: Actor, contact_uuid: str, department_uuid: str | None, due_at: datetime | None, instructions: str = ""
) -> str:
    """Transfer a contact; its first-ask owner does not change (首问负责制)."""
    require(actor, Permission.DESK_WORK)
    errors: dict[str, str] = {}
    if not department_uuid:
        errors["department_uuid"] = T("errors", "请选择承办部门")
    if due_at is None:
        errors["due_at"] = T("errors", "请填写办理期限")
    elif due_at <= now():
        errors["due_at"] = T("errors", "办理期限必须晚于现在")
    if len(instructions) > 500:
        errors["instructions"] = T("errors", "转办说明不超过 500 字")
    if errors:
        raise ValidationError(errors)
    with transaction():
        contact = Contact.live().where(Contact.uuid == contact_uuid).first()
        if contact is None:
            raise NotFound(T("errors", "该接待记录不存在或已删除"))
        if contact.status not in (ContactStatus.OPEN.value, ContactStatus.TRANSFERRED.value):
            raise ValidationError({"department_uuid": T("errors", "已办结的记录不能再转办")})
        if not Department.live().where(Department.uuid == department_uuid).exists():
            raise ValidationError({"department_uuid": T("errors", "部门不存在")})
        transfer = Transfer.create(
            contact=contact.uuid,
            department=department_uuid,
            transferred_by=actor.uuid,
            transferred_at=now(),
            due_at=due_at,
            instructions=instructions.strip(),
        )
        contact.status = ContactStatus.TRANSFERRED.value
        contact.save(only=[Contact.status])
        return transfer.uuid


def _pending(uuid: str) -> Transfer:
    transfer = Transfer.live().where(Transfer.uuid == uuid).first()
    if transfer is None:
        raise NotFound(T("errors", "该转办记录不存在"))
    return transfer


def record_reply(actor: Actor, transfer_uuid: str, reply: str, result: str = "") -> None:
    """The department's answer and the result."""
    require(actor, Permission.DESK_WORK)
    if not reply.strip():
        raise ValidationError({"reply": T("errors", "请填写部门答复")})
    with transaction():
        transfer = _pending(transfer_uuid)
        if transfer.status == TransferStatus.FINISHED.value:
            raise ValidationError({"reply": T("errors", "该转办已关闭")})
        transfer.reply = reply.strip()
        transfer.result = result.strip()
        transfer.replied_at = now()
        transfer.status = TransferStatus.REPLIED.value
        transfer.save()


def chase(actor: Actor, transfer_uuid: str) -> int:
    """Record one more reminder (催办) to the department; returns how many so far."""
    require(actor, Permission.DESK_WORK)
    with transaction():
        transfer = _pending(transfer_uuid)
        if transfer.status != TransferStatus.PENDING.value:
            raise ValidationError({"reply": T("errors", "该转办已答复，无需催办")})
        transfer.chase_count += 1
        transfer.last_chased_at = now()
        transfer.save(only=[Transfer.chase_count, Transfer.last_chased_at])
        return transfer.chase_count


def transfers_of(actor: Actor, contact_uuid: str) -> list[dict[str, Any]]:
    require(actor, Permission.DESK_WORK)
    rows = (
        Transfer.select(Transfer, Department.name.alias("department_name"))
        .join(Department, on=(Transfer.department == Department.uuid))
        .where((Transfer.contact == contact_uuid) & (Transfer.deleted == False))  # noqa: E712
        .order_by(Transfer.transferred_at)
        .dicts()
    )
    return [dict(r, overdue=_is_overdue(r)) for r in rows]


def _is_overdue(row: dict[str, Any], moment: datetime | None = None) -> bool:
    return row["status"] == TransferStatus.PENDING.value and row["due_at"] < (moment or now())


_OWNER = Staff.alias("owner")
_TIME = ColumnKind.DATETIME
TRANSFERS = ListSpec(T("columns", "转办督办"), (
    col("contact_number", T("columns", "接待编号"), ColumnKind.TEXT, Contact.number),
    col("customer_name", T("columns", "客户"), ColumnKind.TEXT, Contact.customer_name),
    col("request", T("columns", "核心诉求"), ColumnKind.LONG_TEXT, Contact.request),
    col("department_name", T("columns", "承办部门"), ColumnKind.TEXT, Department.name),
    col("transferred_at", T("columns", "转办时间"), _TIME, Transfer.transferred_at, sort=True),
    col("due_at", T("columns", "办理期限"), _TIME, Transfer.due_at, sort=True),
    col("status", T("columns", "状态"), ColumnKind.ENUM, Transfer.status, sort=True, labels=label),
    col("chase_count", T("columns", "催办次数"), ColumnKind.INT, Transfer.chase_count, sort=True),
    col("instructions", T("columns", "转办说明"), ColumnKind.TEXT, Transfer.instructions),
    col("reply", T("columns", "部门答复"), ColumnKind.LONG_TEXT, Transfer.reply),
    col("result", T("columns", "结果"), ColumnKind.TEXT, Transfer.result),
    col("replied_at", T("columns", "答复时间"), _TIME, Transfer.replied_at, listed=False),
    col("owner_name", T("columns", "首问负责人"), ColumnKind.TEXT, _OWNER.name),
), default_order=(Transfer.due_at, False), tiebreak=Transfer.id)
TRANSFER_SORT = TRANSFERS.sort_fields


def transfer_filters(query: ListQuery) -> list:
    """The list's WHERE terms (shared with its Excel export)."""
    where = [Transfer.deleted == False]  # noqa: E712
    f = query.filters
    if f.get("overdue"):
        where += [Transfer.status == TransferStatus.PENDING.value, Transfer.due_at < now()]
    if f.get("due_today"):  # still waiting for a reply that is due before midnight (工作台)
        today = datetime.combine(now().date(), time.min)
        where += [Transfer.status == TransferStatus.PENDING.value, Transfer.due_at >= today,
                  Transfer.due_at < today + timedelta(days=1)]
    if f.get("status"):
        where.append(Transfer.status == f["status"])
    if f.get("department_uuid"):
        where.append(Transfer.department == f["department_uuid"])
    return where


def list_transfers(actor: Actor, query: ListQuery) -> Page:
    """Transfers with their contact; filter ``overdue`` lists those past due without a reply (监督检查)."""
    require(actor, Permission.DESK_WORK)
    where = transfer_filters(query)
    select = _transfers(TRANSFERS.list_fields(Transfer.uuid, Transfer.last_chased_at,
                                              Contact.uuid.alias("contact_uuid")), where)
    count = Transfer.select(Transfer.id).where(*where)
    page = TRANSFERS.page(select, query, count_select=count)
    moment = now()
    for row in page.rows:
        row["overdue"] = _is_overdue(row, moment)
    return page


def export_transfers(actor: Actor, query: ListQuery) -> ListExport:
    """The transfer list as filtered, every row, for Excel."""
    require(actor, Permission.DESK_WORK)
    where = transfer_filters(query)
    total = Transfer.select(Transfer.id).where(*where).count()
    return TRANSFERS.export(actor, lambda fields: _transfers(fields, where), query, total)


def _transfers(fields: list[Any], where: list[Any]) -> Any:
    return (Transfer.select(*fields)
            .join(Department, on=(Transfer.department == Department.uuid)).switch(Transfer)
            .join(Contact, on=(Transfer.contact == Contact.uuid)).join(_OWNER, on=(Contact.owner == _OWNER.uuid))
            .where(*where))


def overdue_count(actor: Actor) -> int:
    require(actor, Permission.DESK_WORK)
    return (
        Transfer.select()
        .where(
            (Transfer.status == TransferStatus.PENDING.value)
            & (Transfer.due_at < now())
            & (Transfer.deleted == False)  # noqa: E712
        )
        .count()
    )
