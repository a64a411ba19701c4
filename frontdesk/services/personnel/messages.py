"""Messages for absent colleagues (留言转告): left at the desk for a named colleague or the next shift, shown at
their login and on the handover page until acknowledged."""

from __future__ import annotations

from typing import Any

import peewee

from frontdesk.clock import now
from frontdesk.db.connection import transaction
from frontdesk.db.models import DeskMessage, Staff
from frontdesk.domain.duty import MessageInput, message_problems
from frontdesk.domain.roles import Actor, Permission
from frontdesk.errors import NotFound, PermissionDenied, T, ValidationError
from frontdesk.services.core import audit
from frontdesk.services.core.list_spec import ColumnKind, ListExport, ListSpec, col
from frontdesk.services.core.listing import ListQuery, Page, like_pattern
from frontdesk.services.core.permissions import require

PENDING_LIMIT = 50
_NOT_FOUND = T("errors", "该留言不存在或已删除")

MESSAGES = ListSpec(T("columns", "留言转告"), (
    col("left_at", T("columns", "留言时间"), ColumnKind.DATETIME, DeskMessage.left_at, sort=True),
    col("author_name", T("columns", "记录人"), ColumnKind.TEXT, DeskMessage.author_name, sort=True),
    col("recipient_name", T("columns", "转告给"), ColumnKind.TEXT, DeskMessage.recipient_name, sort=True),
    col("next_shift", T("columns", "给下一班"), ColumnKind.BOOL, DeskMessage.recipient_uuid == ""),
    col("caller", T("columns", "留言人"), ColumnKind.TEXT, DeskMessage.caller),
    col("caller_phone", T("columns", "联系电话"), ColumnKind.CUSTOMER_PHONE, DeskMessage.caller_phone),
    col("body", T("columns", "留言内容"), ColumnKind.LONG_TEXT, DeskMessage.body),
    col("urgent", T("columns", "紧急"), ColumnKind.BOOL, DeskMessage.urgent, sort=True),
    col("acknowledged_at", T("columns", "已阅时间"), ColumnKind.DATETIME, DeskMessage.acknowledged_at, sort=True),
    col("acknowledged_by_name", T("columns", "阅读人"), ColumnKind.TEXT, DeskMessage.acknowledged_by_name),
), default_order=(DeskMessage.left_at, True), tiebreak=DeskMessage.id)


def _for(actor: Actor) -> peewee.Expression:
    """Messages this actor should read: addressed to them, or to the next shift and left by someone else."""
    return (DeskMessage.recipient_uuid == actor.uuid) | (
        (DeskMessage.recipient_uuid == "") & (DeskMessage.author_uuid != actor.uuid))


def _filters(actor: Actor, query: ListQuery) -> list[peewee.Expression]:
    where: list[peewee.Expression] = [DeskMessage.deleted == False]  # noqa: E712
    if not actor.can(Permission.MANAGE_PERSONNEL):  # a clerk sees what is theirs to read and what they left
        where.append(_for(actor) | (DeskMessage.author_uuid == actor.uuid))
    f = query.filters
    if f.get("pending"):
        where.append(DeskMessage.acknowledged_at.is_null())
    if f.get("mine"):
        where.append(_for(actor))
    text = query.search.strip()
    if text:
        pattern = like_pattern(text)
        where.append(DeskMessage.body ** pattern | DeskMessage.caller ** pattern
                     | DeskMessage.recipient_name ** pattern | DeskMessage.author_name ** pattern)
    return where


def list_messages(actor: Actor, query: ListQuery) -> Page:
    """The message book: managers see every message, clerks theirs (to read or left by them)."""
    require(actor, Permission.DESK_WORK)
    where = _filters(actor, query)
    select = DeskMessage.select(*MESSAGES.list_fields(DeskMessage.uuid, DeskMessage.recipient_uuid,
                                                      DeskMessage.author_uuid)).where(*where)
    return MESSAGES.page(select, query)


def export_messages(actor: Actor, query: ListQuery) -> ListExport:
    """The messages as listed, for Excel (the caller's phone masked unless the actor may export customer data)."""
    require(actor, Permission.DESK_WORK)
    where = _filters(actor, query)
    return MESSAGES.export(actor, lambda fields: DeskMessage.select(*fields).where(*where), query)


def _row(m: DeskMessage) -> dict[str, Any]:
    return {"uuid": m.uuid, "left_at": m.left_at, "author_uuid": m.author_uuid, "author_name": m.author_name,
            "recipient_uuid": m.recipient_uuid, "recipient_name": m.recipient_name, "caller": m.caller,
            "caller_phone": m.caller_phone, "body": m.body, "urgent": m.urgent,
            "acknowledged_at": m.acknowledged_at, "acknowledged_by_name": m.acknowledged_by_name}


def pending_for(actor: Actor, limit: int = PENDING_LIMIT) -> list[dict[str, Any]]:
    """Unread messages for this actor, urgent first then oldest first: what the login and the handover show."""
    require(actor, Permission.DESK_WORK)
    rows = (DeskMessage.live().where(DeskMessage.acknowledged_at.is_null(), _for(actor))
            .order_by(DeskMessage.urgent.desc(), DeskMessage.left_at, DeskMessage.id).limit(limit))
    return [_row(m) for m in rows]


def pending_count(actor: Actor) -> int:
    require(actor, Permission.DESK_WORK)
    return DeskMessage.live().where(DeskMessage.acknowledged_at.is_null(), _for(actor)).count()


def leave_message(actor: Actor, data: MessageInput) -> str:
    """A message for a colleague (or the next shift); a ValidationError names each bad field, nothing saved."""
    require(actor, Permission.DESK_WORK)
    data = data.cleaned()
    errors: dict[str, Any] = dict(message_problems(data))
    recipient = None
    if data.recipient_uuid:
        recipient = Staff.live().where(Staff.uuid == data.recipient_uuid, Staff.active == True).first()  # noqa: E712
        if recipient is None:
            errors["recipient_uuid"] = T("errors", "请选择在职的同事，或选“下一班”")
        elif recipient.uuid == actor.uuid:
            errors["recipient_uuid"] = T("errors", "不能给自己留言转告")
    if errors:
        raise ValidationError(errors)
    with transaction():
        row = DeskMessage.create(author_uuid=actor.uuid, author_name=actor.name, recipient_uuid=data.recipient_uuid,
                                 recipient_name=recipient.name if recipient else "", caller=data.caller,
                                 caller_phone=data.caller_phone, body=data.body, urgent=data.urgent, left_at=now())
        audit.record(actor, "desk_message", row.uuid, "create", None,
                     {"recipient": data.recipient_uuid or "next_shift", "urgent": data.urgent})
        return row.uuid


def acknowledge(actor: Actor, uuid: str) -> None:
    """The recipient (anyone but its author for a next-shift message) confirms they have read it."""
    require(actor, Permission.DESK_WORK)
    with transaction():
        row = DeskMessage.live().where(DeskMessage.uuid == uuid).first()
        if row is None:
            raise NotFound(_NOT_FOUND)
        if row.acknowledged_at is not None:
            raise ValidationError({"acknowledged_at": T("errors", "该留言已由 {0} 阅读确认").format(
                row.acknowledged_by_name)})
        if row.recipient_uuid and row.recipient_uuid != actor.uuid:
            raise PermissionDenied(T("errors", "只有留言转告的对象本人可以确认已阅"))
        if not row.recipient_uuid and row.author_uuid == actor.uuid:
            raise PermissionDenied(T("errors", "留言人不能替下一班确认已阅"))
        row.acknowledged_at, row.acknowledged_by, row.acknowledged_by_name = now(), actor.uuid, actor.name
        row.save()
        audit.record(actor, "desk_message", row.uuid, "acknowledge", None, {"by": actor.uuid})


def acknowledge_all(actor: Actor, uuids: list[str]) -> int:
    """Acknowledge each of ``uuids`` still unread for this actor; the number acknowledged."""
    done = 0
    for uuid in uuids:
        try:
            acknowledge(actor, uuid)
            done += 1
        except (ValidationError, PermissionDenied, NotFound):
            continue
    return done
