"""Attendance (考勤): clock-in/out with the clerk's password, manager entry and correction, status upkeep."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any

from frontdesk.clock import now
from frontdesk.db.connection import transaction
from frontdesk.db.models import LeaveRequest, Shift, ShiftType, Staff
from frontdesk.domain import attendance as rules
from frontdesk.domain import fines
from frontdesk.domain.attendance import AttendanceStatus, LeaveKind, RequestStatus
from frontdesk.domain.fines import IncidentSource
from frontdesk.domain.roles import Actor, Permission
from frontdesk.errors import NotFound, PermissionDenied, T, ValidationError
from frontdesk.services.core import audit, auth, site_filter
from frontdesk.services.core.list_spec import ColumnKind, ListExport, ListSpec, col
from frontdesk.services.core.listing import ListQuery, Page, like_pattern
from frontdesk.services.core.permissions import require
from frontdesk.services.core.site_settings import GRACE_MINUTES
from frontdesk.services.discipline import fine_rules, fine_sheet
from frontdesk.services.discipline import incidents as discipline
from frontdesk.services.personnel.shifts import get_shift_row

GRACE_KEY = GRACE_MINUTES.key  # the audit trail's entity


def grace_minutes() -> int:
    return GRACE_MINUTES.get()


def set_grace_minutes(actor: Actor, minutes: int) -> None:
    """The grace period (宽限分钟): lateness within it counts as on time, for shifts computed from now on."""
    require(actor, Permission.MANAGE_PERSONNEL)
    if not 0 <= minutes <= 60:
        raise ValidationError({"grace_minutes": T("errors", "宽限时间为 0–60 分钟")})
    with transaction():
        old = grace_minutes()
        GRACE_MINUTES.put(minutes)
        audit.record(actor, "setting", GRACE_KEY, "update", {"grace_minutes": old}, {"grace_minutes": minutes})


def _leaves_over(shift: Shift) -> list[LeaveRequest]:
    return list(LeaveRequest.live().where(
        (LeaveRequest.staff == shift.staff_uuid) & (LeaveRequest.start_at < shift.end_at)
        & (LeaveRequest.end_at > shift.start_at) & (LeaveRequest.status != RequestStatus.REJECTED.value)
    ))


def recompute(shift: Shift, moment: datetime | None = None) -> bool:
    """Recompute a shift's status from its clock times and leaves; True when anything changed."""
    moment = moment or now()
    on_leave = absent_by_leave = False
    for leave in _leaves_over(shift):
        if leave.kind == LeaveKind.PHONE.value and leave.status == RequestStatus.PENDING.value:
            if rules.phone_leave_absent(leave.paperwork_due, leave.paperwork_done, moment):
                absent_by_leave = True
            else:
                on_leave = True
        elif leave.status == RequestStatus.APPROVED.value:
            on_leave = True
    outcome = rules.compute_status(shift.start_at, shift.end_at, shift.clock_in, shift.clock_out, moment,
                                   grace_minutes(), on_leave and shift.clock_in is None,
                                   absent_by_leave and shift.clock_in is None, bool(shift.swapped_from))
    before = (shift.status, shift.late_minutes, shift.early_minutes)
    shift.status, shift.late_minutes, shift.early_minutes = (outcome.status.value, outcome.late_minutes,
                                                             outcome.early_minutes)
    return before != (shift.status, shift.late_minutes, shift.early_minutes)


def sweep(moment: datetime | None = None) -> int:
    """Bring stored statuses up to date: ended shifts nobody clocked in for, phone leaves past their deadline."""
    moment = moment or now()
    changed = 0
    with transaction():
        due = list(Shift.live().where((Shift.status == AttendanceStatus.SCHEDULED.value) & (Shift.end_at <= moment)))
        lapsed = LeaveRequest.live().where(
            (LeaveRequest.kind == LeaveKind.PHONE.value) & (LeaveRequest.status == RequestStatus.PENDING.value)
            & (LeaveRequest.paperwork_done == False) & (LeaveRequest.paperwork_due <= moment)  # noqa: E712
        )
        for leave in lapsed:
            due.extend(Shift.live().where((Shift.staff == leave.staff_uuid) & (Shift.status == AttendanceStatus.LEAVE.value)
                                      & (Shift.start_at < leave.end_at) & (Shift.end_at > leave.start_at)))
        for shift in due:
            if recompute(shift, moment):
                shift.save(only=[Shift.status, Shift.late_minutes, Shift.early_minutes])
                changed += 1
    return changed


def _times(shift: Shift) -> dict[str, Any]:
    return {"clock_in": shift.clock_in, "clock_out": shift.clock_out, "status": shift.status,
            "late_minutes": shift.late_minutes, "early_minutes": shift.early_minutes}


def current_shift(staff_uuid: str, moment: datetime) -> Shift | None:
    """The shift a clock-in/out now belongs to: one open for clock-in, else the one still to clock out."""
    candidates = Shift.live().where(
        (Shift.staff == staff_uuid) & (Shift.start_at <= moment + timedelta(minutes=rules.CLOCK_IN_EARLY_MINUTES))
        & (Shift.end_at >= moment - timedelta(hours=12))
    ).order_by(Shift.start_at)
    open_in = [s for s in candidates if s.clock_in is None and rules.can_clock_in_window(s.start_at, s.end_at, moment)]
    if open_in:
        return open_in[0]
    open_out = [s for s in candidates if s.clock_in is not None and s.clock_out is None]
    return open_out[-1] if open_out else None


def clock(actor: Actor, staff_uuid: str, password: str) -> dict[str, Any]:
    """Clock in (or out, when already in) at the desk; the clerk confirms with their own password."""
    require(actor, Permission.DESK_WORK)
    auth.check_password(staff_uuid, password, "clock")  # before the transaction: a failure stays counted
    moment = now()
    with transaction():
        shift = current_shift(staff_uuid, moment)
        if shift is None:
            raise ValidationError({"staff_uuid": T("errors", "现在没有可签到或签退的排班（可在班次开始前两小时内签到）")})
        fine_sheet.ensure_open(fine_sheet.month_of(shift.day))
        old = _times(shift)
        action = "clock_out" if shift.clock_in is not None else "clock_in"
        if action == "clock_in":
            shift.clock_in = moment
        else:
            shift.clock_out = moment
        shift.clock_method = "password"
        recompute(shift, moment)
        shift.save()
        audit.record(actor, "shift", shift.uuid, action, old, _times(shift))
        return {"action": action, "at": moment, "status": shift.status, "late_minutes": shift.late_minutes,
                "early_minutes": shift.early_minutes, "shift_uuid": shift.uuid}


def manager_entry(actor: Actor, shift_uuid: str, clock_in: datetime | None, clock_out: datetime | None,
                  reason: str) -> None:
    """A manager enters or corrects clock times; the first recorded times are kept with the reason."""
    require(actor, Permission.MANAGE_PERSONNEL)
    with transaction():
        shift = get_shift_row(shift_uuid)
        fine_sheet.ensure_open(fine_sheet.month_of(shift.day))
        problem = rules.clock_problem(shift.start_at, shift.end_at, clock_in, clock_out)
        if problem:
            raise ValidationError({"clock_out" if "签退" in problem else "clock_in": problem})
        correcting = shift.clock_in is not None or shift.clock_out is not None
        if correcting and not reason.strip():
            raise ValidationError({"reason": T("errors", "更正已有的考勤记录须填写原因")})
        old = _times(shift)
        if correcting and not shift.corrected:
            shift.original_in, shift.original_out = shift.clock_in, shift.clock_out
            shift.corrected = True
        shift.clock_in, shift.clock_out, shift.clock_method = clock_in, clock_out, "manager"
        shift.correction_reason, shift.corrected_by = reason.strip()[:200], actor.uuid
        recompute(shift)
        shift.save()
        audit.record(actor, "shift", shift.uuid, "correct" if correcting else "enter", old, _times(shift),
                     reason.strip())


_TIME, _MIN = ColumnKind.DATETIME, ColumnKind.INT
SHIFTS = ListSpec(T("columns", "考勤记录"), (
    col("day", T("columns", "日期"), ColumnKind.DATE, Shift.day, sort=Shift.start_at),
    col("staff_no", T("columns", "工号"), ColumnKind.TEXT, Staff.staff_no),
    col("staff_name", T("columns", "员工"), ColumnKind.TEXT, Staff.name, sort=True),
    col("shift_name", T("columns", "班次"), ColumnKind.TEXT, ShiftType.name),
    col("start_at", T("columns", "应到"), _TIME, Shift.start_at),
    col("end_at", T("columns", "应退"), _TIME, Shift.end_at),
    col("clock_in", T("columns", "签到"), _TIME, Shift.clock_in),
    col("clock_out", T("columns", "签退"), _TIME, Shift.clock_out),
    col("status", T("columns", "状态"), ColumnKind.ENUM, Shift.status, sort=True, labels=rules.label),
    col("late_minutes", T("columns", "迟到(分)"), _MIN, Shift.late_minutes, sort=True),
    col("early_minutes", T("columns", "早退(分)"), _MIN, Shift.early_minutes, sort=True),
    col("corrected", T("columns", "已更正"), ColumnKind.BOOL, Shift.corrected),
    col("correction_reason", T("columns", "更正原因"), ColumnKind.TEXT, Shift.correction_reason),
), default_order=(Shift.start_at, True), tiebreak=Shift.id)
SORT = SHIFTS.sort_fields


def _shift_filters(actor: Actor, query: ListQuery) -> list[Any]:
    """Staff see only their own shifts, whatever the filters say."""
    f = query.filters
    where = [Shift.deleted == False]  # noqa: E712
    if not actor.can(Permission.MANAGE_PERSONNEL):
        where.append(Shift.staff == actor.uuid)
    elif f.get("staff_uuid"):
        where.append(Shift.staff == f["staff_uuid"])
    if f.get("status"):
        where.append(Shift.status == f["status"])
    if f.get("exceptions"):
        where.append(Shift.status.in_([AttendanceStatus.LATE.value, AttendanceStatus.EARLY.value,
                                       AttendanceStatus.ABSENT.value]))
    if f.get("day_from"):
        where.append(Shift.day >= f["day_from"])
    if f.get("day_to"):
        where.append(Shift.day <= f["day_to"])
    where += site_filter.site_terms(query, Shift.site_code)
    if query.search.strip():
        pattern = like_pattern(query.search.strip())
        where.append((Staff.name ** pattern) | (Staff.staff_no == query.search.strip()))
    return where


def _shifts(fields: list[Any], where: list[Any]) -> Any:
    return (Shift.select(*fields).join(Staff, on=(Shift.staff == Staff.uuid))
            .switch(Shift).join(ShiftType, on=(Shift.shift_type == ShiftType.uuid)).where(*where))


def list_attendance(actor: Actor, query: ListQuery) -> Page:
    """Scheduled shifts with their attendance; staff see only their own."""
    require(actor, Permission.READ_OWN_PERSONNEL)
    where = _shift_filters(actor, query)
    select = _shifts(SHIFTS.list_fields(Shift.uuid, Shift.clock_method, Shift.original_in, Shift.original_out,
                                        Shift.swapped_from, Shift.proposed, Shift.staff.alias("staff_uuid")), where)
    count = Shift.select(Shift.id).join(Staff, on=(Shift.staff == Staff.uuid)).where(*where)
    return SHIFTS.page(select, query, count_select=count)


def export_shifts(actor: Actor, query: ListQuery) -> ListExport:
    """The attendance list as filtered (staff: their own), every row, for Excel."""
    require(actor, Permission.READ_OWN_PERSONNEL)
    where = _shift_filters(actor, query)
    total = Shift.select(Shift.id).join(Staff, on=(Shift.staff == Staff.uuid)).where(*where).count()
    return SHIFTS.export(actor, lambda fields: _shifts(fields, where), query, total)


def shift_history(actor: Actor, shift_uuid: str) -> list[dict[str, Any]]:
    return audit.history(actor, shift_uuid)


def _proposal(shift: Shift) -> tuple[str, int] | None:
    """(rule code, minutes) the attendance calls for, or None when it is in order."""
    if shift.status == AttendanceStatus.ABSENT.value:
        return fines.ABSENT_CODE, 0
    if shift.status == AttendanceStatus.LATE.value:
        return fines.LATE_CODE, shift.late_minutes
    if shift.status == AttendanceStatus.EARLY.value:
        return fines.EARLY_CODE, shift.early_minutes
    return None


def propose_incidents(actor: Actor, until: datetime | None = None) -> int:
    """Turn lateness, early leave and absence into 待确认 incidents by the tiers (a manager confirms them)."""
    require(actor, Permission.MANAGE_PERSONNEL)
    moment = until or now()
    sweep(moment)
    made = 0
    for shift in _unproposed(moment):
        if fine_sheet.month_locked(fine_sheet.month_of(shift.day)):
            continue
        code, minutes = _proposal(shift)
        rule = fine_rules.rule_for(code, shift.day)
        amount = fines.tier_amount(fine_rules.spec_of(rule).tiers, minutes) if rule and minutes else None
        if rule is not None and amount is None and code != fines.ABSENT_CODE:  # beyond the last tier: 旷工
            code, rule = fines.ABSENT_CODE, fine_rules.rule_for(fines.ABSENT_CODE, shift.day)
        if rule is None:
            continue
        what = {fines.LATE_CODE: f"迟到 {minutes} 分钟", fines.EARLY_CODE: f"早退 {minutes} 分钟"}.get(
            code, "旷工" if not minutes else f"迟到/早退 {minutes} 分钟，按旷工处理")
        data = discipline.IncidentInput(
            staff_uuids=[shift.staff_uuid], rule_code=code,
            occurred_at=shift.end_at if code == fines.EARLY_CODE else shift.start_at,
            amount=amount if amount is not None else rule.min_amount,
            description=f"{shift.day:%m-%d} 班次{what}（考勤生成）", source=IncidentSource.ATTENDANCE.value,
            shift_uuid=shift.uuid,
        )
        with transaction():
            discipline._create(actor, data, rule)
            Shift.update(proposed=True).where(Shift.id == shift.id).execute()
        made += 1
    return made


def _unproposed(moment: datetime, chunk: int = 200) -> Iterator[Shift]:
    """Shifts to propose incidents for, oldest first, read a chunk at a time before any is written (a cursor
    left open across the writes held a read beside them: "database is locked" outside a transaction)."""
    after: tuple[datetime, int] | None = None
    while True:
        query = Shift.live().where(
            (Shift.proposed == False) & (Shift.end_at <= moment)  # noqa: E712
            & Shift.status.in_([AttendanceStatus.LATE.value, AttendanceStatus.EARLY.value,
                                AttendanceStatus.ABSENT.value]))
        if after is not None:
            query = query.where((Shift.start_at > after[0]) | ((Shift.start_at == after[0]) & (Shift.id > after[1])))
        rows = list(query.order_by(Shift.start_at, Shift.id).limit(chunk))
        yield from rows
        if len(rows) < chunk:
            return
        after = (rows[-1].start_at, rows[-1].id)


def own_or_manage(actor: Actor, staff_uuid: str) -> None:
    """Staff act for themselves only; managers for anyone."""
    if staff_uuid != actor.uuid and not actor.can(Permission.MANAGE_PERSONNEL):
        raise PermissionDenied(T("errors", "只能为本人办理"))


def staff_exists(staff_uuid: str) -> None:
    if not Staff.live().where(Staff.uuid == staff_uuid).exists():
        raise NotFound(T("errors", "员工不存在"))
