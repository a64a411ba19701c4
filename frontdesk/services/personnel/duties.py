"""Venue desk duties (seed 002 值守清单): the site's per-shift checklist, ticking items with their readings during the
shift, the items left undone at shift end for the manager, who raises the W08 incident for one in a single step."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

import peewee

from frontdesk.clock import now
from frontdesk.db.connection import transaction
from frontdesk.db.models import DutyCheck, DutyItem, Shift, ShiftType, Staff
from frontdesk.domain.attendance import shift_window
from frontdesk.domain.duty import (
    CHECK_LABELS,
    CHECK_NOTE_MAX,
    W08,
    CheckStatus,
    DutyItemInput,
    item_problems,
    parse_reading,
)
from frontdesk.domain.labels import labeller
from frontdesk.domain.roles import Actor, Permission
from frontdesk.errors import Message, NotFound, PermissionDenied, T, ValidationError
from frontdesk.services.core import audit
from frontdesk.services.core.list_spec import ColumnKind, ListExport, ListSpec, col
from frontdesk.services.core.listing import ListQuery, Page
from frontdesk.services.core.permissions import require
from frontdesk.services.discipline import fine_rules, incidents

DUTY_SOURCE = "duty"  # Incident.source of a W08 raised from a missed duty
MISSED_DAYS = 7
_ITEM_NOT_FOUND = T("errors", "该值守事项不存在或已删除")


# --- the checklist (managers configure it) -------------------------------------------------------


def _shift_names() -> dict[str, str]:
    return {t.uuid: t.name for t in ShiftType.select(ShiftType.uuid, ShiftType.name)}


def _item_row(item: DutyItem, shift_names: dict[str, str]) -> dict[str, Any]:
    return {"uuid": item.uuid, "name": item.name, "shift_type_uuid": item.shift_type_uuid,
            "shift_name": shift_names.get(item.shift_type_uuid, ""), "due_time": item.due_time,
            "needs_reading": item.needs_reading, "unit": item.unit, "note": item.note, "position": item.position,
            "active": item.active}


def list_items(actor: Actor, include_inactive: bool = False) -> list[dict[str, Any]]:
    """The checklist lines in order (every desk user reads them)."""
    require(actor, Permission.DESK_WORK)
    select = DutyItem.live()
    if not include_inactive:
        select = select.where(DutyItem.active == True)  # noqa: E712
    names = _shift_names()
    return [_item_row(i, names) for i in select.order_by(DutyItem.position, DutyItem.due_time, DutyItem.id)]


def save_item(actor: Actor, data: DutyItemInput, uuid: str | None = None) -> str:
    """Add or change a checklist line (managers); a ValidationError names each bad field and nothing is saved."""
    require(actor, Permission.MANAGE_REFERENCE)
    data = data.cleaned()
    errors: dict[str, Any] = dict(item_problems(data))
    if data.shift_type_uuid and not ShiftType.live().where(ShiftType.uuid == data.shift_type_uuid).exists():
        errors["shift_type_uuid"] = T("errors", "请选择班次（或“每个班次”）")
    with transaction():
        if "name" not in errors:
            clash = DutyItem.live().where(DutyItem.name == data.name, DutyItem.shift_type_uuid == data.shift_type_uuid)
            if uuid:
                clash = clash.where(DutyItem.uuid != uuid)
            if clash.exists():
                errors["name"] = T("errors", "该班次已有同名值守事项")
        if errors:
            raise ValidationError(errors)
        if uuid:
            item = DutyItem.live().where(DutyItem.uuid == uuid).first()
            if item is None:
                raise NotFound(_ITEM_NOT_FOUND)
            old: dict[str, Any] | None = _item_row(item, {})
        else:
            last = DutyItem.select(peewee.fn.MAX(DutyItem.position)).scalar()
            item, old = DutyItem(position=(last or 0) + 1), None
        item.name, item.shift_type_uuid, item.due_time = data.name, data.shift_type_uuid, data.due_time
        item.needs_reading, item.unit, item.note, item.active = data.needs_reading, data.unit, data.note, data.active
        item.save()
        audit.record(actor, "duty_item", item.uuid, "update" if old else "create", old, _item_row(item, {}))
        return item.uuid


def delete_item(actor: Actor, uuid: str) -> None:
    """Remove a checklist line (a tombstone; ticks already made keep its name through the list)."""
    require(actor, Permission.MANAGE_REFERENCE)
    with transaction():
        item = DutyItem.live().where(DutyItem.uuid == uuid).first()
        if item is None:
            raise NotFound(_ITEM_NOT_FOUND)
        item.deleted = True
        item.save()
        audit.record(actor, "duty_item", uuid, "delete", {"name": item.name}, None)


# --- one shift's checklist -----------------------------------------------------------------------


def _hm(text: str) -> time:
    return time(int(text[:2]), int(text[3:5]))


def current_shift(actor: Actor, moment: datetime | None = None) -> tuple[date, str]:
    """The (day, shift type) the desk is working now, by the shift types' hours (a night shift that began
    yesterday counts as yesterday's); the first type when none covers the moment."""
    require(actor, Permission.DESK_WORK)
    moment = moment or now()
    types = list(ShiftType.live().where(ShiftType.active == True).order_by(ShiftType.position))  # noqa: E712
    for day in (moment.date(), moment.date() - timedelta(days=1)):
        for t in types:
            begin, end = shift_window(day, _hm(t.start), _hm(t.end))
            if begin <= moment < end:
                return day, t.uuid
    return moment.date(), types[0].uuid if types else ""


def _applies(item: DutyItem, shift_type_uuid: str) -> bool:
    return not item.shift_type_uuid or item.shift_type_uuid == shift_type_uuid


def _items_for(shift_type_uuid: str) -> list[DutyItem]:
    select = DutyItem.live().where(DutyItem.active == True,  # noqa: E712
                                   (DutyItem.shift_type_uuid == "") | (DutyItem.shift_type_uuid == shift_type_uuid))
    return list(select.order_by(DutyItem.position, DutyItem.due_time, DutyItem.id))


def _checks(day: date, shift_type_uuid: str) -> dict[str, DutyCheck]:
    rows = DutyCheck.live().where(DutyCheck.day == day, DutyCheck.shift_type_uuid == shift_type_uuid)
    return {c.item_uuid: c for c in rows}


def checklist(actor: Actor, day: date, shift_type_uuid: str) -> list[dict[str, Any]]:
    """The shift's lines, each with its tick (who, when, the reading) or its missed record, if any."""
    require(actor, Permission.DESK_WORK)
    checks = _checks(day, shift_type_uuid)
    names = _shift_names()
    out = []
    for item in _items_for(shift_type_uuid):
        row = _item_row(item, names)
        check = checks.get(item.uuid)
        row.update({"check_uuid": check.uuid if check else "", "status": check.status if check else "",
                    "done_at": check.done_at if check else None, "staff_name": check.staff_name if check else "",
                    "reading": check.reading if check else None, "check_note": check.note if check else "",
                    "incident_uuid": check.incident_uuid if check else ""})
        out.append(row)
    return out


def undone(day: date, shift_type_uuid: str) -> list[dict[str, Any]]:
    """The shift's lines with no tick: what the handover lists (read inside the caller's permission check)."""
    checks = _checks(day, shift_type_uuid)
    return [{"uuid": i.uuid, "name": i.name, "due_time": i.due_time}
            for i in _items_for(shift_type_uuid) if checks.get(i.uuid) is None
            or checks[i.uuid].status != CheckStatus.DONE.value]


def tick(actor: Actor, day: date, shift_type_uuid: str, item_uuid: str, reading: str = "", note: str = "") -> str:
    """Mark a line done on this shift now, with its reading when it asks for one; bad input is named at its field."""
    require(actor, Permission.DESK_WORK)
    errors: dict[str, Message] = {}
    item = DutyItem.live().where(DutyItem.uuid == item_uuid, DutyItem.active == True).first()  # noqa: E712
    if item is None or not _applies(item, shift_type_uuid):
        raise NotFound(_ITEM_NOT_FOUND)
    if day > now().date():
        errors["day"] = T("errors", "不能为以后的班次打勾")
    value = parse_reading(reading)
    if isinstance(value, Message):
        errors["reading"] = value
    elif value is None and item.needs_reading:
        errors["reading"] = T("errors", "请填写{0}读数").format(item.unit or "")
    note = note.strip()
    if len(note) > CHECK_NOTE_MAX:
        errors["note"] = T("errors", "备注不超过 {0} 字").format(CHECK_NOTE_MAX)
    with transaction():
        existing = _checks(day, shift_type_uuid).get(item_uuid)
        if existing is not None:
            errors["item_uuid"] = (T("errors", "该事项本班已完成（{0}）").format(existing.staff_name)
                                   if existing.status == CheckStatus.DONE.value
                                   else T("errors", "该事项已记为漏做并登记违纪"))
        if errors:
            raise ValidationError(errors)
        check = DutyCheck.create(item_uuid=item_uuid, day=day, shift_type_uuid=shift_type_uuid,
                                 status=CheckStatus.DONE.value, done_at=now(), staff_uuid=actor.uuid,
                                 staff_name=actor.name, reading=value if item.needs_reading else None, note=note)
        audit.record(actor, "duty_check", check.uuid, "tick", None,
                     {"item": item.name, "day": day, "reading": check.reading})
        return check.uuid


def untick(actor: Actor, check_uuid: str) -> None:
    """Take back a tick made by mistake: the clerk who made it, or a manager."""
    require(actor, Permission.DESK_WORK)
    with transaction():
        check = DutyCheck.live().where(DutyCheck.uuid == check_uuid).first()
        if check is None or check.status != CheckStatus.DONE.value:
            raise NotFound(T("errors", "没有可撤销的打勾记录"))
        if check.staff_uuid != actor.uuid and not actor.can(Permission.MANAGE_PERSONNEL):
            raise PermissionDenied(T("errors", "只能撤销自己的打勾"))
        check.deleted = True
        check.save()
        audit.record(actor, "duty_check", check_uuid, "untick", {"reading": check.reading}, None)


# --- missed items at shift end, W08 in one step ----------------------------------------------------


def missed(actor: Actor, days: int = MISSED_DAYS, moment: datetime | None = None) -> list[dict[str, Any]]:
    """Lines left undone on the shifts that ended in the last ``days`` days (scheduled shifts), newest first,
    each with the staff who worked it; a line already raised as W08 names its incident."""
    require(actor, Permission.MANAGE_PERSONNEL)
    moment = moment or now()
    slots = (Shift.select(Shift.uuid, Shift.day, Shift.shift_type, Shift.end_at, Shift.staff, Staff.name)
             .join(Staff, on=(Shift.staff == Staff.uuid))
             .where(Shift.deleted == False, Shift.end_at <= moment,  # noqa: E712
                    Shift.end_at > moment - timedelta(days=days))
             .order_by(Shift.end_at.desc(), Staff.staff_no).dicts())
    by_slot: dict[tuple[date, str], dict[str, Any]] = {}
    for s in slots:
        slot = by_slot.setdefault((s["day"], s["shift_type"]), {"ended_at": s["end_at"], "staff": []})
        slot["staff"].append((s["staff"], s["name"], s["uuid"]))
    names = _shift_names()
    items = list(DutyItem.live().where(DutyItem.active == True).order_by(DutyItem.position))  # noqa: E712
    out = []
    for (day, type_uuid), slot in by_slot.items():
        checks = _checks(day, type_uuid)
        for item in items:
            if not _applies(item, type_uuid):
                continue
            check = checks.get(item.uuid)
            if check is not None and check.status == CheckStatus.DONE.value:
                continue
            out.append({"day": day, "shift_type_uuid": type_uuid, "shift_name": names.get(type_uuid, ""),
                        "ended_at": slot["ended_at"], "item_uuid": item.uuid, "item_name": item.name,
                        "due_time": item.due_time, "staff": [(u, n) for u, n, _s in slot["staff"]],
                        "shift_uuids": {u: s for u, _n, s in slot["staff"]},
                        "incident_uuid": check.incident_uuid if check else ""})
    return out


def raise_w08(actor: Actor, day: date, shift_type_uuid: str, item_uuid: str, staff_uuid: str,
              amount: Decimal | None = None) -> str:
    """The manager's one step for a missed line: the W08 incident (its fine the rule's lowest, unless given)
    against the clerk on that shift, and the line recorded as missed with it. Returns the incident's uuid."""
    require(actor, Permission.MANAGE_PERSONNEL)
    item = DutyItem.live().where(DutyItem.uuid == item_uuid).first()
    if item is None:
        raise NotFound(_ITEM_NOT_FOUND)
    if not staff_uuid:
        raise ValidationError({"staff_uuid": T("errors", "请选择当班员工")})
    with transaction():
        existing = _checks(day, shift_type_uuid).get(item_uuid)
        if existing is not None:
            raise ValidationError({"item_uuid": T("errors", "该事项本班已完成（{0}）").format(existing.staff_name)
                                   if existing.status == CheckStatus.DONE.value
                                   else T("errors", "该事项已记为漏做并登记违纪")})
        kind = ShiftType.get_or_none(ShiftType.uuid == shift_type_uuid)
        shift = Shift.live().where(Shift.day == day, Shift.shift_type == shift_type_uuid,
                                   Shift.staff == staff_uuid).first()
        at = datetime.combine(day, _hm(item.due_time)) if item.due_time else (shift.end_at if shift else None)
        if at is None and kind is not None:
            at = shift_window(day, _hm(kind.start), _hm(kind.end))[1]
        at = min(at or now(), now())
        if kind is not None and item.due_time and at < datetime.combine(day, _hm(kind.start)):
            at += timedelta(days=1)  # a due time after midnight on a shift that began the day before
            at = min(at, now())
        rule = fine_rules.rule_for(W08, at.date())
        if amount is None and rule is not None:
            amount = fine_rules.spec_of(rule).min_amount
        description = T("errors", "漏做值守事项：{0}（{1} {2}）").format(item.name, day.isoformat(),
                                                                    kind.name if kind else "")
        uuids = incidents.record_incident(actor, incidents.IncidentInput(
            staff_uuids=[staff_uuid], rule_code=W08, occurred_at=at, amount=amount, description=str(description),
            source=DUTY_SOURCE, shift_uuid=shift.uuid if shift else ""))
        check = DutyCheck.create(item_uuid=item_uuid, day=day, shift_type_uuid=shift_type_uuid,
                                 status=CheckStatus.MISSED.value, staff_uuid=staff_uuid,
                                 staff_name=Staff.get(Staff.uuid == staff_uuid).name, incident_uuid=uuids[0])
        audit.record(actor, "duty_check", check.uuid, "missed", None, {"item": item.name, "incident": uuids[0]})
        return uuids[0]


# --- the record of ticks and readings (exported) ---------------------------------------------------


_ITEM = DutyItem.alias("item")
CHECKS = ListSpec(T("columns", "值守记录"), (
    col("day", T("columns", "日期"), ColumnKind.DATE, DutyCheck.day, sort=True),
    col("shift_name", T("columns", "班次"), ColumnKind.TEXT, ShiftType.name),
    col("item_name", T("columns", "值守事项"), ColumnKind.TEXT, _ITEM.name, sort=True),
    col("status", T("columns", "状态"), ColumnKind.ENUM, DutyCheck.status, labels=labeller(CHECK_LABELS)),
    col("done_at", T("columns", "完成时间"), ColumnKind.DATETIME, DutyCheck.done_at, sort=True),
    col("staff_name", T("columns", "当班员工"), ColumnKind.TEXT, DutyCheck.staff_name, sort=True),
    col("reading", T("columns", "读数"), ColumnKind.MONEY, DutyCheck.reading),
    col("unit", T("columns", "单位"), ColumnKind.TEXT, _ITEM.unit),
    col("note", T("columns", "备注"), ColumnKind.TEXT, DutyCheck.note),
), default_order=(DutyCheck.day, True), tiebreak=DutyCheck.id)


def _check_filters(query: ListQuery) -> list[Any]:
    f = query.filters
    where: list[Any] = [DutyCheck.deleted == False]  # noqa: E712
    if f.get("readings"):
        where.append(DutyCheck.reading.is_null(False))
    if f.get("status"):
        where.append(DutyCheck.status == f["status"])
    if f.get("item_uuid"):
        where.append(DutyCheck.item_uuid == f["item_uuid"])
    if f.get("from"):
        where.append(DutyCheck.day >= f["from"])
    if f.get("to"):
        where.append(DutyCheck.day <= f["to"])
    return where


def _check_select(fields: list[Any], where: list[Any]) -> Any:
    return (DutyCheck.select(*fields)
            .join(_ITEM, join_type=peewee.JOIN.LEFT_OUTER, on=(DutyCheck.item_uuid == _ITEM.uuid))
            .switch(DutyCheck)
            .join(ShiftType, join_type=peewee.JOIN.LEFT_OUTER, on=(DutyCheck.shift_type_uuid == ShiftType.uuid))
            .where(*where))


def list_checks(actor: Actor, query: ListQuery) -> Page:
    """Ticks and missed lines, newest day first; filter to the readings, a line, a status or a period."""
    require(actor, Permission.DESK_WORK)
    where = _check_filters(query)
    select = _check_select(CHECKS.list_fields(DutyCheck.uuid, DutyCheck.incident_uuid), where)
    return CHECKS.page(select, query, count_select=DutyCheck.select(DutyCheck.id).where(*where))


def export_checks(actor: Actor, query: ListQuery) -> ListExport:
    """The record as filtered (the meter readings with ``readings``), for Excel."""
    require(actor, Permission.DESK_WORK)
    where = _check_filters(query)
    total = DutyCheck.select(DutyCheck.id).where(*where).count()
    return CHECKS.export(actor, lambda fields: _check_select(fields, where), query, total)
