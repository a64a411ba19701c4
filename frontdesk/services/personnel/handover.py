"""Shift handover (交接班记录): open items listed automatically, events, notes, password acknowledgment."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

import peewee

from frontdesk.clock import now
from frontdesk.db import dialect
from frontdesk.db.connection import database, transaction
from frontdesk.db.models import Complaint, Contact, Handover, Shift, ShiftType, Staff
from frontdesk.domain.reception import ContactStatus
from frontdesk.domain.roles import Actor, Permission
from frontdesk.domain.sla import Stage
from frontdesk.errors import QT_TRANSLATE_NOOP, NotFound, PermissionDenied, T, ValidationError
from frontdesk.services.core import audit, auth
from frontdesk.services.core.list_spec import ColumnKind, ListExport, ListSpec, col
from frontdesk.services.core.listing import ListQuery, Page
from frontdesk.services.core.permissions import require
from frontdesk.services.personnel import duties
from frontdesk.services.reception import contacts

ITEM_LIMIT = 100  # per kind; the count says how many more there are
# kinds of open item (stored in the snapshot as these Chinese words; the UI translates them in "handover")
KINDS = (QT_TRANSLATE_NOOP("handover", "接待登记"), QT_TRANSLATE_NOOP("handover", "承诺答复到期"),
         QT_TRANSLATE_NOOP("handover", "跟进到期"), QT_TRANSLATE_NOOP("handover", "投诉"),
         QT_TRANSLATE_NOOP("handover", "维修工单"), QT_TRANSLATE_NOOP("handover", "退换货"))
# modules that may or may not be installed: (kind label, table, statuses that are finished)
OPTIONAL_TABLES = (
    ("维修工单", "repair_order", ("closed", "picked_up")),
    ("退换货", "return_order", ("completed", "refused")),
)


@dataclass
class HandoverInput:
    day: date
    shift_type_uuid: str | None
    incoming_uuid: str | None
    events: list[dict[str, str]] = field(default_factory=list)  # {what, who, when, result}
    notes: str = ""


def _item(kind: str, number: str, who: str, summary: str, since: datetime | None, status: str) -> dict[str, Any]:
    return {"kind": kind, "number": number, "customer": who, "summary": (summary or "")[:80],
            "since": since.strftime("%Y-%m-%d %H:%M") if since else "", "status": status}


def open_items(actor: Actor) -> dict[str, Any]:
    """What is still open at the desk now: contacts, complaints, and repair/return orders if installed."""
    require(actor, Permission.DESK_WORK)
    items: list[dict[str, Any]] = []
    counts: dict[str, int] = {}
    open_contacts = Contact.select().where(
        (Contact.deleted == False) & Contact.status.in_([ContactStatus.OPEN.value, ContactStatus.TRANSFERRED.value])  # noqa: E712
    )
    counts["接待登记"] = open_contacts.count()
    for c in open_contacts.order_by(Contact.received_at.desc()).limit(ITEM_LIMIT):
        items.append(_item("接待登记", c.number, c.customer_name, c.request, c.received_at, c.status))
    today = now().date()
    counts["承诺答复到期"] = contacts.due_count(actor, "reply", today)  # due today or overdue, still open
    for c in contacts.due_contacts(actor, "reply", ITEM_LIMIT, today):
        items.append(_item("承诺答复到期", c["number"], c["customer_name"], c["request"], c["promised_reply_at"],
                           c["status"]))
    counts["跟进到期"] = contacts.due_count(actor, "follow_up", today)
    for c in contacts.due_contacts(actor, "follow_up", ITEM_LIMIT, today):
        due = datetime.combine(c["follow_up_due"], datetime.min.time())
        who = f"（{c['follow_up_owner_name']}）" if c["follow_up_owner_name"] else ""
        items.append(_item("跟进到期", c["number"], c["customer_name"], c["follow_up"] + who, due, c["status"]))
    open_cases = Complaint.select().where((Complaint.deleted == False) & (Complaint.stage != Stage.CLOSED.value))  # noqa: E712
    counts["投诉"] = open_cases.count()
    for c in open_cases.order_by(Complaint.opened_at.desc()).limit(ITEM_LIMIT):
        items.append(_item("投诉", c.number, c.customer_name, c.subject, c.opened_at, c.stage))
    db = database.obj
    for kind, table, finished in OPTIONAL_TABLES:
        if not db.table_exists(table):
            continue
        marks = ", ".join("?" * len(finished))
        where = f"FROM {table} WHERE deleted = ? AND status NOT IN ({marks})"
        params = (False, *finished)
        counts[kind] = dialect.execute(f"SELECT COUNT(*) {where}", params).fetchone()[0]
        rows = dialect.execute(f"SELECT number, customer_name, item, received_at, status {where} "
                               f"ORDER BY received_at DESC LIMIT {ITEM_LIMIT}", params)
        for number, customer, item, received, status in rows:
            since = datetime.fromisoformat(str(received)) if received else None
            items.append(_item(kind, number, customer, item, since, status))
    return {"items": items, "counts": counts}


def undone_duties(actor: Actor, day: date, shift_type_uuid: str | None) -> list[dict[str, Any]]:
    """The shift's duty checklist lines not ticked yet, as the handover form shows them."""
    require(actor, Permission.DESK_WORK)
    return duties.undone(day, shift_type_uuid) if shift_type_uuid else []


def _check_events(events: list[dict[str, str]]) -> dict[str, str]:
    for event in events:
        if not (event.get("what") or "").strip():
            return {"events": "每条重大事件须写明事件内容"}
        if not (event.get("who") or "").strip() or not (event.get("result") or "").strip():
            return {"events": "重大事件须写明处理人和处理结果"}
    return {}


def hand_over(actor: Actor, data: HandoverInput) -> str:
    """The outgoing clerk's record for one shift; open items are snapshotted from the database now."""
    require(actor, Permission.DESK_WORK)
    errors = _check_events(data.events)
    if data.incoming_uuid == actor.uuid:
        errors["incoming_uuid"] = T("errors", "接班人不能是交班人本人")
    if len(data.notes) > 2000:
        errors["notes"] = T("errors", "备注不超过 2000 字")
    if errors:
        raise ValidationError(errors)
    with transaction():
        clash = Handover.live().where((Handover.day == data.day) & (Handover.shift_type == data.shift_type_uuid)
                                      & (Handover.outgoing == actor.uuid))
        if data.shift_type_uuid and clash.exists():
            raise ValidationError({"shift_type_uuid": T("errors", "本班次已有您的交接班记录")})
        snapshot = open_items(actor)
        # the shift's duty checklist lines still unticked (seed 002): listed for the manager with the handover
        snapshot["duties"] = duties.undone(data.day, data.shift_type_uuid) if data.shift_type_uuid else []
        row = Handover.create(day=data.day, shift_type=data.shift_type_uuid or None, outgoing=actor.uuid,
                              incoming=data.incoming_uuid or None, handed_at=now(),
                              open_items=json.dumps(snapshot, ensure_ascii=False),
                              events=json.dumps(data.events, ensure_ascii=False), notes=data.notes.strip())
        audit.record(actor, "handover", row.uuid, "hand_over", None,
                     {"day": data.day, "incoming": data.incoming_uuid, "open": sum(snapshot["counts"].values()),
                      "duties_undone": len(snapshot["duties"])})
        return row.uuid


def acknowledge(actor: Actor, uuid: str, incoming_uuid: str, password: str) -> None:
    """The incoming clerk confirms with their own password (any clerk if none was named)."""
    require(actor, Permission.DESK_WORK)
    _check_acknowledgeable(uuid, incoming_uuid)
    auth.check_password(incoming_uuid, password, "acknowledge")  # outside the transaction: a failure stays counted
    with transaction():
        row = _check_acknowledgeable(uuid, incoming_uuid)  # again, in case another desk confirmed meanwhile
        row.incoming, row.acknowledged_at = incoming_uuid, now()
        row.save()
        audit.record(actor, "handover", row.uuid, "acknowledge", None, {"incoming": incoming_uuid})


def _check_acknowledgeable(uuid: str, incoming_uuid: str) -> Handover:
    row = Handover.live().where(Handover.uuid == uuid).first()
    if row is None:
        raise NotFound(T("errors", "交接班记录不存在"))
    if row.acknowledged_at is not None:
        raise ValidationError({"password": T("errors", "该交接班已确认接班")})
    if row.incoming_uuid and row.incoming_uuid != incoming_uuid:
        raise PermissionDenied(T("errors", "只有指定的接班人可以确认"))
    if incoming_uuid == row.outgoing_uuid:
        raise ValidationError({"incoming_uuid": T("errors", "交班人不能自己确认接班")})
    return row


def get_handover(actor: Actor, uuid: str) -> dict[str, Any]:
    require(actor, Permission.DESK_WORK)
    row = Handover.live().where(Handover.uuid == uuid).first()
    if row is None:
        raise NotFound(T("errors", "交接班记录不存在"))
    names = {s.uuid: s.name for s in Staff.select(Staff.uuid, Staff.name).where(
        Staff.uuid.in_([row.outgoing_uuid, row.incoming_uuid or ""]))}
    kind = ShiftType.get_or_none(ShiftType.uuid == row.shift_type_uuid) if row.shift_type_uuid else None
    return {"uuid": row.uuid, "day": row.day, "shift_name": kind.name if kind else "",
            "outgoing": names.get(row.outgoing_uuid, ""), "incoming": names.get(row.incoming_uuid, ""),
            "incoming_uuid": row.incoming_uuid, "handed_at": row.handed_at, "acknowledged_at": row.acknowledged_at,
            "open": json.loads(row.open_items or "{}"), "events": json.loads(row.events or "[]"), "notes": row.notes}


_OUTGOING, _INCOMING = Staff.alias("outgoing"), Staff.alias("incoming")
HANDOVERS = ListSpec(T("columns", "交接班记录"), (
    col("day", T("columns", "日期"), ColumnKind.DATE, Handover.day, sort=True),
    col("shift_name", T("columns", "班次"), ColumnKind.TEXT, ShiftType.name),
    col("outgoing_name", T("columns", "交班人"), ColumnKind.TEXT, _OUTGOING.name),
    col("incoming_name", T("columns", "接班人"), ColumnKind.TEXT, _INCOMING.name),
    col("handed_at", T("columns", "交班时间"), ColumnKind.DATETIME, Handover.handed_at, sort=True),
    col("acknowledged_at", T("columns", "接班确认"), ColumnKind.DATETIME, Handover.acknowledged_at),
    col("notes", T("columns", "交接备注"), ColumnKind.LONG_TEXT, Handover.notes),
), default_order=(Handover.handed_at, True), tiebreak=Handover.id)
SORT = HANDOVERS.sort_fields


def _handover_filters(query: ListQuery) -> list[Any]:
    where = [Handover.deleted == False]  # noqa: E712
    if query.filters.get("unacknowledged"):
        where.append(Handover.acknowledged_at.is_null())
    return where


def _handovers(fields: list[Any], where: list[Any]) -> Any:
    return (Handover.select(*fields)
            .join(ShiftType, join_type=peewee.JOIN.LEFT_OUTER, on=(Handover.shift_type == ShiftType.uuid))
            .switch(Handover).join(_OUTGOING, on=(Handover.outgoing == _OUTGOING.uuid))
            .switch(Handover).join(_INCOMING, join_type=peewee.JOIN.LEFT_OUTER,
                                   on=(Handover.incoming == _INCOMING.uuid))
            .where(*where))


def list_handovers(actor: Actor, query: ListQuery) -> Page:
    require(actor, Permission.DESK_WORK)
    where = _handover_filters(query)
    select = _handovers(HANDOVERS.list_fields(Handover.uuid, Handover.incoming.alias("incoming_uuid")), where)
    return HANDOVERS.page(select, query, count_select=Handover.select(Handover.id).where(*where))


def export_handovers(actor: Actor, query: ListQuery) -> ListExport:
    """The handover list as filtered, every row, for Excel."""
    require(actor, Permission.DESK_WORK)
    where = _handover_filters(query)
    total = Handover.select(Handover.id).where(*where).count()
    return HANDOVERS.export(actor, lambda fields: _handovers(fields, where), query, total)


def missing_handovers(actor: Actor, days: int = 7, moment: datetime | None = None) -> list[dict[str, Any]]:
    """Shifts (day + shift type) that ended in the last ``days`` days with nobody handing over."""
    require(actor, Permission.DESK_WORK)
    moment = moment or now()
    slots = (
        Shift.select(Shift.day, Shift.shift_type.alias("type_uuid"), ShiftType.name, Shift.end_at)
        .join(ShiftType, on=(Shift.shift_type == ShiftType.uuid))
        .where((Shift.deleted == False) & (Shift.end_at <= moment)  # noqa: E712
               & (Shift.end_at > moment - timedelta(days=days)))
        .distinct().dicts()
    )
    done = {(h.day, h.shift_type_uuid) for h in Handover.live().where(Handover.day >= (moment - timedelta(days=days + 1)).date())}
    seen: set[tuple[date, str]] = set()
    out = []
    for slot in sorted(slots, key=lambda s: s["end_at"], reverse=True):
        key = (slot["day"], slot["type_uuid"])
        if key not in done and key not in seen:
            seen.add(key)
            out.append({"day": slot["day"], "shift_type_uuid": slot["type_uuid"], "shift_name": slot["name"],
                        "ended_at": slot["end_at"]})
    return out
