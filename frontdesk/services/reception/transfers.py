"""Transfers (转办): hand a contact to a department with a due time, record its reply, chase the overdue."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

import peewee

from frontdesk.clock import now
from frontdesk.db import search_index
from frontdesk.db.connection import transaction
from frontdesk.db.dialect import day_number
from frontdesk.db.models import Contact, Department, Staff, Transfer
from frontdesk.domain.reception import ContactStatus, ReplyOutcome, TransferStatus, label
from frontdesk.domain.roles import Actor, Permission
from frontdesk.errors import NotFound, T, ValidationError
from frontdesk.services.core import site_filter
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


def record_reply(
    actor: Actor, transfer_uuid: str, reply: str, result: str = "", outcome: str = ReplyOutcome.RECORD.value,
    follow_up: str = "", follow_up_owner_uuid: str | None = None, follow_up_due: date | None = None,
) -> None:
    """The department's answer and the result; ``outcome`` may also finish the transfer and either close
    the contact (the result becomes its 处理情况及结果) or keep it open with a follow-up (who, by when)."""
    require(actor, Permission.DESK_WORK)
    errors: dict[str, str] = {}
    if not reply.strip():
        errors["reply"] = T("errors", "请填写部门答复")
    if len(reply) > 2000:
        errors["reply"] = T("errors", "部门答复不超过 2000 字")
    if len(result) > 500:
        errors["result"] = T("errors", "处理结果不超过 500 字")
    if outcome not in {o.value for o in ReplyOutcome}:
        errors["outcome"] = T("errors", "请选择答复后如何处理")
    if outcome == ReplyOutcome.FOLLOW_UP.value:
        if not follow_up.strip():
            errors["follow_up"] = T("errors", "请填写跟进事项")
        elif len(follow_up.strip()) > 200:
            errors["follow_up"] = T("errors", "跟进事项不超过 200 字")
        if not follow_up_owner_uuid:
            errors["follow_up_owner_uuid"] = T("errors", "有跟进事项时须指定跟进人")
        if follow_up_due is None:
            errors["follow_up_due"] = T("errors", "请填写跟进期限")
        elif follow_up_due < now().date():
            errors["follow_up_due"] = T("errors", "跟进期限不能早于今天")
    if errors:
        raise ValidationError(errors)
    with transaction():
        transfer = _pending(transfer_uuid)
        if transfer.status == TransferStatus.FINISHED.value:
            raise ValidationError({"reply": T("errors", "该转办已关闭")})
        contact = Contact.live().where(Contact.uuid == transfer.contact_uuid).first()
        if contact is None:
            raise NotFound(T("errors", "该接待记录不存在或已删除"))
        finish = outcome != ReplyOutcome.RECORD.value
        if finish and contact.status in (ContactStatus.CLOSED.value, ContactStatus.VISITED.value):
            raise ValidationError({"outcome": T("errors", "该接待已办结，只能登记答复")})
        others = Transfer.live().where((Transfer.contact == contact.uuid) & (Transfer.id != transfer.id)
                                       & (Transfer.status == TransferStatus.PENDING.value))
        if outcome == ReplyOutcome.CLOSE.value and others.exists():
            raise ValidationError({"outcome": T("errors", "该接待还有其他部门未答复，暂不能办结")})
        if outcome == ReplyOutcome.FOLLOW_UP.value and not Staff.live().where(
                Staff.uuid == follow_up_owner_uuid).exists():
            raise ValidationError({"follow_up_owner_uuid": T("errors", "跟进人不存在")})
        transfer.reply = reply.strip()
        transfer.result = result.strip()
        transfer.replied_at = now()
        transfer.status = TransferStatus.FINISHED.value if finish else TransferStatus.REPLIED.value
        transfer.save()
        if finish:
            _after_reply(contact, transfer, outcome, follow_up.strip(), follow_up_owner_uuid, follow_up_due,
                         others.exists())


def _after_reply(contact: Contact, transfer: Transfer, outcome: str, follow_up: str, owner: str | None,
                 due: date | None, still_pending: bool) -> None:
    """The contact after its transfer finished: closed with the result, or open again with a follow-up."""
    old_texts = search_index.contact_texts(contact.number, contact.customer_name, contact.phone, contact.request,
                                           contact.handling)
    answer = transfer.result or transfer.reply
    contact.handling = f"{contact.handling}\n{answer}".strip() if answer not in contact.handling else contact.handling
    if outcome == ReplyOutcome.CLOSE.value:
        contact.status = ContactStatus.CLOSED.value
        contact.closed_at = now()
    else:
        contact.status = ContactStatus.TRANSFERRED.value if still_pending else ContactStatus.OPEN.value
        contact.follow_up, contact.follow_up_owner, contact.follow_up_due = follow_up, owner, due
    contact.save()
    search_index.replace(contact.id, old_texts, search_index.contact_texts(
        contact.number, contact.customer_name, contact.phone, contact.request, contact.handling))


def finish_for_closed_contact(contact_uuid: str) -> int:
    """When a contact is closed (办结) its transfers are finished too: nothing is owed on a closed contact."""
    open_ones = Transfer.live().where((Transfer.contact == contact_uuid)
                                      & (Transfer.status != TransferStatus.FINISHED.value))
    count = 0
    for transfer in open_ones:
        transfer.status = TransferStatus.FINISHED.value
        transfer.save(only=[Transfer.status])  # save() bumps the revision, so the change travels to head office
        count += 1
    return count


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
# The default order, one key so paging stays a keyset walk: those still waiting for a reply first, due
# soonest; then the answered ones, latest due first (last year's answers do not fill the first pages).
_PENDING_FIRST = peewee.Case(None, [(Transfer.status == TransferStatus.PENDING.value, day_number(Transfer.due_at))],
                             10_000_000 - day_number(Transfer.due_at))
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
), default_order=(_PENDING_FIRST, False), tiebreak=Transfer.id)
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
    return where + site_filter.site_terms(query, Transfer.site_code)


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
