"""Shift types, the weekly schedule (排班) and shift swaps (调班) approved by a manager."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from frontdesk.clock import now
from frontdesk.db.connection import transaction
from frontdesk.db.models import Shift, ShiftSwap, ShiftType, Staff, current_site_code
from frontdesk.domain import attendance as rules
from frontdesk.domain.attendance import RequestStatus
from frontdesk.domain.meals import during_meal, meal_problems, meal_window
from frontdesk.domain.roles import Actor, Permission
from frontdesk.errors import NotFound, PermissionDenied, T, ValidationError
from frontdesk.services.core import audit
from frontdesk.services.core.permissions import require

# --- shift types ----------------------------------------------------------------------------------


def list_shift_types(actor: Actor, include_inactive: bool = False) -> list[dict[str, Any]]:
    require(actor, Permission.DESK_WORK)
    select = ShiftType.live()
    if not include_inactive:
        select = select.where(ShiftType.active == True)  # noqa: E712
    return list(
        select.select(ShiftType.uuid, ShiftType.name, ShiftType.start, ShiftType.end, ShiftType.active,
                      ShiftType.meal_start, ShiftType.meal_end)
        .order_by(ShiftType.position, ShiftType.start).dicts()
    )


def _type_dict(t: ShiftType) -> dict[str, Any]:
    return {"name": t.name, "start": t.start, "end": t.end, "active": t.active, "meal_start": t.meal_start,
            "meal_end": t.meal_end}


def save_shift_type(actor: Actor, name: str, start: str, end: str, active: bool = True,
                    uuid: str | None = None, meal_start: str = "", meal_end: str = "") -> str:
    """Add or edit a shift type, with its meal time (用餐时间, both empty for none); already scheduled shifts
    keep the times they were given."""
    require(actor, Permission.MANAGE_PERSONNEL)
    errors: dict[str, str] = {}
    if not name.strip() or len(name.strip()) > 20:
        errors["name"] = T("errors", "请填写班次名称（不超过 20 字）")
    for key, text in (("start", start), ("end", end)):
        try:
            rules.parse_hhmm(text)
        except ValueError:
            errors[key] = T("errors", "时间格式为 HH:MM，例如 08:00")
    if not errors and start.strip() == end.strip():
        errors["end"] = T("errors", "结束时间不能与开始时间相同")
    meal_start, meal_end = meal_start.strip(), meal_end.strip()
    errors.update(meal_problems(start.strip(), end.strip(), meal_start, meal_end))
    if errors:
        raise ValidationError(errors)
    with transaction():
        clash = ShiftType.live().where(ShiftType.name == name.strip())
        if uuid:
            clash = clash.where(ShiftType.uuid != uuid)
        if clash.exists():
            raise ValidationError({"name": T("errors", "已有同名班次")})
        if uuid:
            row = ShiftType.live().where(ShiftType.uuid == uuid).first()
            if row is None:
                raise NotFound(T("errors", "班次不存在"))
            old = _type_dict(row)
        else:
            row = ShiftType(position=ShiftType.select().count())
            old = None
        row.name, row.start, row.end, row.active = name.strip(), start.strip(), end.strip(), active
        row.meal_start, row.meal_end = meal_start, meal_end
        row.save()
        audit.record(actor, "shift_type", row.uuid, "update" if old else "create", old, _type_dict(row))
        return row.uuid


def on_meal_break(staff_uuid: str, moment: datetime) -> bool:
    """Whether the member of staff is in the meal time of a shift they are scheduled on at ``moment``
    (then being away from the desk is not leaving the post). The shift type's meal time as it is now."""
    rows = (Shift.select(Shift.day, ShiftType.start, ShiftType.end, ShiftType.meal_start, ShiftType.meal_end)
            .join(ShiftType, on=(Shift.shift_type == ShiftType.uuid))
            .where(Shift.staff == staff_uuid, Shift.deleted == False,  # noqa: E712
                   Shift.start_at <= moment, Shift.end_at > moment, ShiftType.meal_start != "").tuples())
    return any(during_meal(moment, meal_window(day, start, end, meal_from, meal_to))
               for day, start, end, meal_from, meal_to in rows)


# --- the week grid --------------------------------------------------------------------------------


def week_grid(actor: Actor, any_day: date) -> dict[str, Any]:
    """The week (Mon–Sun) holding ``any_day``: every active member of staff with their shifts per day."""
    require(actor, Permission.DESK_WORK)
    days = rules.week_days(any_day)
    staff = list(
        Staff.live().where((Staff.active == True) & (Staff.site_code == current_site_code()))  # noqa: E712
        .select(Staff.uuid, Staff.staff_no, Staff.name).order_by(Staff.staff_no).dicts()
    )
    cells: dict[tuple[str, date], list[dict[str, Any]]] = {}
    shifts = (
        Shift.select(Shift.uuid, Shift.staff.alias("staff_uuid"), Shift.day, Shift.status, Shift.swapped_from,
                     ShiftType.name, ShiftType.uuid.alias("shift_type_uuid"), Shift.start_at)
        .join(ShiftType, on=(Shift.shift_type == ShiftType.uuid))
        .where((Shift.day >= days[0]) & (Shift.day <= days[-1]) & (Shift.deleted == False))  # noqa: E712
        .order_by(Shift.start_at).dicts()
    )
    for row in shifts:
        cells.setdefault((row["staff_uuid"], row["day"]), []).append(row)
    return {
        "days": days,
        "rows": [dict(s, cells=[cells.get((s["uuid"], d), []) for d in days]) for s in staff],
    }


def _overlapping(staff_uuid: str, start: datetime, end: datetime, except_uuid: str = "") -> bool:
    query = Shift.live().where((Shift.staff == staff_uuid) & (Shift.start_at < end) & (Shift.end_at > start))
    if except_uuid:
        query = query.where(Shift.uuid != except_uuid)
    return query.exists()


def assign(actor: Actor, staff_uuid: str, day: date, shift_type_uuid: str) -> str:
    """Schedule one member of staff on one shift; the shift's times are fixed from its type now."""
    require(actor, Permission.MANAGE_PERSONNEL)
    with transaction():
        kind = ShiftType.live().where(ShiftType.uuid == shift_type_uuid).first()
        if kind is None:
            raise ValidationError({"shift_type_uuid": T("errors", "请选择班次")})
        if not Staff.live().where(Staff.uuid == staff_uuid).exists():
            raise ValidationError({"staff_uuid": T("errors", "请选择员工")})
        start, end = rules.shift_window(day, rules.parse_hhmm(kind.start), rules.parse_hhmm(kind.end))
        if _overlapping(staff_uuid, start, end):
            raise ValidationError({"shift_type_uuid": T("errors", "该员工在这段时间已有排班")})
        shift = Shift.create(staff=staff_uuid, shift_type=kind.uuid, day=day, start_at=start, end_at=end)
        audit.record(actor, "shift", shift.uuid, "schedule", None,
                     {"staff": staff_uuid, "day": day, "shift": kind.name})
        return shift.uuid


def unassign(actor: Actor, shift_uuid: str) -> None:
    """Take a shift off the schedule (only before anyone clocked in for it)."""
    require(actor, Permission.MANAGE_PERSONNEL)
    with transaction():
        shift = get_shift_row(shift_uuid)
        if shift.clock_in is not None:
            raise ValidationError({"shift": T("errors", "已有签到记录的班次不能取消排班")})
        shift.deleted = True
        shift.save(only=[Shift.deleted])
        audit.record(actor, "shift", shift.uuid, "unschedule", {"staff": shift.staff_uuid, "day": shift.day}, None)


def get_shift_row(shift_uuid: str) -> Shift:
    shift = Shift.live().where(Shift.uuid == shift_uuid).first()
    if shift is None:
        raise NotFound(T("errors", "该排班不存在或已取消"))
    return shift


def shift_choices(actor: Actor, staff_uuid: str, after: datetime | None = None) -> list[tuple[str, str]]:
    """(uuid, "11-24 早班 08:00") of a person's coming shifts, for swap and leave pickers."""
    require(actor, Permission.DESK_WORK)
    rows = (
        Shift.select(Shift.uuid, Shift.start_at, ShiftType.name)
        .join(ShiftType, on=(Shift.shift_type == ShiftType.uuid))
        .where((Shift.staff == staff_uuid) & (Shift.start_at > (after or now())) & (Shift.deleted == False))  # noqa: E712
        .order_by(Shift.start_at).limit(60).dicts()
    )
    return [(r["uuid"], f"{r['start_at']:%m-%d} {r['name']} {r['start_at']:%H:%M}") for r in rows]


# --- swaps ----------------------------------------------------------------------------------------


def request_swap(actor: Actor, shift_uuid: str, target_uuid: str, reason: str) -> str:
    """Ask to hand one's own shift to a colleague; seed 001: at least one shift ahead."""
    require(actor, Permission.DESK_WORK)
    errors: dict[str, str] = {}
    if not reason.strip():
        errors["reason"] = T("errors", "请填写调班原因")
    if not target_uuid:
        errors["target_uuid"] = T("errors", "请选择替班同事")
    if errors:
        raise ValidationError(errors)
    with transaction():
        shift = get_shift_row(shift_uuid)
        if shift.staff_uuid != actor.uuid and not actor.can(Permission.MANAGE_PERSONNEL):
            raise PermissionDenied(T("errors", "只能为自己的班次申请调班"))
        if target_uuid == shift.staff_uuid:
            raise ValidationError({"target_uuid": T("errors", "替班同事不能是本人")})
        problem = rules.swap_problem(shift.start_at, shift.end_at, now())
        if problem:
            raise ValidationError({"shift_uuid": problem})
        if _overlapping(target_uuid, shift.start_at, shift.end_at):
            raise ValidationError({"target_uuid": T("errors", "替班同事在该时段已有排班")})
        swap = ShiftSwap.create(shift=shift.uuid, requester=shift.staff_uuid, target=target_uuid,
                                reason=reason.strip()[:200], requested_at=now())
        audit.record(actor, "shift_swap", swap.uuid, "request", None,
                     {"shift": shift.uuid, "target": target_uuid, "reason": reason.strip()})
        return swap.uuid


def decide_swap(actor: Actor, swap_uuid: str, approve: bool, note: str = "") -> None:
    """Approve (the shift passes to the colleague, marked 调班) or reject a swap request."""
    require(actor, Permission.MANAGE_PERSONNEL)
    with transaction():
        swap = ShiftSwap.live().where(ShiftSwap.uuid == swap_uuid).first()
        if swap is None or swap.status != RequestStatus.PENDING.value:
            raise ValidationError({"swap": T("errors", "该调班申请已处理或不存在")})
        shift = get_shift_row(swap.shift_uuid)
        if approve:
            if _overlapping(swap.target_uuid, shift.start_at, shift.end_at, shift.uuid):
                raise ValidationError({"swap": T("errors", "替班同事在该时段已有排班")})
            old = {"staff": shift.staff_uuid}
            shift.swapped_from = shift.staff_uuid
            shift.staff = swap.target_uuid
            shift.save()
            audit.record(actor, "shift", shift.uuid, "swap", old, {"staff": swap.target_uuid}, note)
        swap.status = (RequestStatus.APPROVED if approve else RequestStatus.REJECTED).value
        swap.decided_by, swap.decided_at, swap.note = actor.uuid, now(), note.strip()[:200]
        swap.save()
        audit.record(actor, "shift_swap", swap.uuid, swap.status, {"status": "pending"}, {"status": swap.status}, note)


def list_swaps(actor: Actor, pending_only: bool = False) -> list[dict[str, Any]]:
    """Swap requests, newest first: managers see all, staff their own."""
    require(actor, Permission.DESK_WORK)
    requester, target = Staff.alias(), Staff.alias()
    select = (
        ShiftSwap.select(ShiftSwap.uuid, ShiftSwap.requested_at, ShiftSwap.status, ShiftSwap.reason, ShiftSwap.note,
                         requester.name.alias("requester_name"), target.name.alias("target_name"),
                         Shift.start_at, ShiftType.name.alias("shift_name"))
        .join(Shift, on=(ShiftSwap.shift == Shift.uuid))
        .join(ShiftType, on=(Shift.shift_type == ShiftType.uuid))
        .switch(ShiftSwap).join(requester, on=(ShiftSwap.requester == requester.uuid))
        .switch(ShiftSwap).join(target, on=(ShiftSwap.target == target.uuid))
        .where(ShiftSwap.deleted == False)  # noqa: E712
    )
    if pending_only:
        select = select.where(ShiftSwap.status == RequestStatus.PENDING.value)
    if not actor.can(Permission.MANAGE_PERSONNEL):
        select = select.where((ShiftSwap.requester == actor.uuid) | (ShiftSwap.target == actor.uuid))
    return list(select.order_by(ShiftSwap.requested_at.desc()).limit(200).dicts())
