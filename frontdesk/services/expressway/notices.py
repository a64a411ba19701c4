"""Outbound notices (公告, seed 001 (四)): publicity, outage and closure notices with their channel and reach."""

from __future__ import annotations

from typing import Any

import peewee

from frontdesk import clock
from frontdesk.db.connection import transaction
from frontdesk.db.models import OutboundNotice, Staff
from frontdesk.domain.expressway import (
    NoticeChannel,
    NoticeInput,
    NoticeKind,
    channel_label,
    choices,
    notice_kind_label,
    notice_problems,
)
from frontdesk.domain.roles import Actor, Permission
from frontdesk.errors import NotFound, T, ValidationError
from frontdesk.services.core import audit
from frontdesk.services.core.list_spec import ColumnKind, ListExport, ListSpec, col
from frontdesk.services.core.listing import ListQuery, Page
from frontdesk.services.core.permissions import require

_NOT_FOUND = T("errors", "该公告不存在或已删除")
_FIELDS = ("kind", "title", "content", "channel", "published_at", "reach", "valid_to", "note")

NOTICES = ListSpec(T("columns", "公告与宣传"), (
    col("published_at", T("columns", "发布时间"), ColumnKind.DATETIME, OutboundNotice.published_at, sort=True),
    col("kind", T("columns", "类型"), ColumnKind.ENUM, OutboundNotice.kind, sort=True, labels=notice_kind_label),
    col("title", T("columns", "标题"), ColumnKind.TEXT, OutboundNotice.title, sort=True),
    col("channel", T("columns", "发布渠道"), ColumnKind.ENUM, OutboundNotice.channel, sort=True, labels=channel_label),
    col("reach", T("columns", "覆盖人数"), ColumnKind.INT, OutboundNotice.reach, sort=True),
    col("valid_to", T("columns", "有效至"), ColumnKind.DATETIME, OutboundNotice.valid_to, sort=True),
    col("content", T("columns", "内容"), ColumnKind.LONG_TEXT, OutboundNotice.content),
    col("note", T("columns", "备注"), ColumnKind.TEXT, OutboundNotice.note, listed=False),
    col("recorded_by", T("columns", "登记人"), ColumnKind.TEXT, Staff.name),
), default_order=(OutboundNotice.published_at, True), tiebreak=OutboundNotice.id)


def kinds() -> list[tuple[str, str]]:
    return choices(NoticeKind)


def channels() -> list[tuple[str, str]]:
    return choices(NoticeChannel)


def _filters(query: ListQuery) -> list[peewee.Expression]:
    where: list[peewee.Expression] = [OutboundNotice.deleted == False]  # noqa: E712
    if query.filters.get("kind"):
        where.append(OutboundNotice.kind == query.filters["kind"])
    if query.filters.get("channel"):
        where.append(OutboundNotice.channel == query.filters["channel"])
    text = query.search.strip()
    if text:
        where.append(OutboundNotice.title.contains(text) | OutboundNotice.content.contains(text))
    return where


def _select(fields: list[peewee.Node], where: list[peewee.Expression]) -> peewee.ModelSelect:
    return (OutboundNotice.select(*fields)
            .join(Staff, peewee.JOIN.LEFT_OUTER, on=(OutboundNotice.recorded_by == Staff.uuid)).where(*where))


def list_notices(actor: Actor, query: ListQuery) -> Page:
    """The notice list: by kind and channel, searched in title and content; newest first."""
    require(actor, Permission.DESK_WORK)
    return NOTICES.page(_select(NOTICES.list_fields(OutboundNotice.uuid), _filters(query)), query)


def export_notices(actor: Actor, query: ListQuery) -> ListExport:
    require(actor, Permission.DESK_WORK)
    where = _filters(query)
    return NOTICES.export(actor, lambda fields: _select(fields, where), query)


def reach_total(actor: Actor, query: ListQuery) -> int:
    """The people reached by the notices listed (the page's footer)."""
    require(actor, Permission.DESK_WORK)
    return OutboundNotice.select(peewee.fn.SUM(OutboundNotice.reach)).where(*_filters(query)).scalar() or 0


def _row(notice: OutboundNotice) -> dict[str, Any]:
    return {name: getattr(notice, name) for name in _FIELDS}


def _live(uuid: str) -> OutboundNotice:
    notice = OutboundNotice.live().where(OutboundNotice.uuid == uuid).first()
    if notice is None:
        raise NotFound(_NOT_FOUND)
    return notice


def get_notice(actor: Actor, uuid: str) -> dict[str, Any]:
    require(actor, Permission.DESK_WORK)
    notice = _live(uuid)
    return {**_row(notice), "uuid": notice.uuid}


def save_notice(actor: Actor, data: NoticeInput, uuid: str | None = None) -> str:
    """Log a notice sent out (any desk user) or correct it; a ValidationError names each bad field."""
    require(actor, Permission.DESK_WORK)
    data = data.cleaned()
    errors = notice_problems(data, clock.now())
    if errors:
        raise ValidationError(errors)
    with transaction():
        if uuid:
            notice = _live(uuid)
            old = _row(notice)
        else:
            notice, old = OutboundNotice(recorded_by=actor.uuid), None
        for name in _FIELDS:
            setattr(notice, name, getattr(data, name))
        notice.save()
        audit.record(actor, "outbound_notice", notice.uuid, "update" if old else "create", old, _row(notice))
    return notice.uuid


def delete_notice(actor: Actor, uuid: str) -> None:
    """Remove a notice logged by mistake (managers)."""
    require(actor, Permission.MANAGE_REFERENCE)
    with transaction():
        notice = _live(uuid)
        notice.deleted = True
        notice.save()
        audit.record(actor, "outbound_notice", uuid, "delete", {"title": notice.title}, None)
