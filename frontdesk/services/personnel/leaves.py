"""Leave requests (请假): asked for by staff or recorded by a manager, approved by a manager."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from frontdesk.clock import now
from frontdesk.db.connection import transaction
from frontdesk.db.models import LeaveRequest, Shift, Staff
from frontdesk.domain import attendance as rules
from frontdesk.domain.attendance import LeaveKind, RequestStatus
from frontdesk.domain.roles import Actor, Permission
from frontdesk.errors import T, ValidationError
from frontdesk.services.core import audit
from frontdesk.services.core.permissions import require
from frontdesk.services.personnel.attendance import own_or_manage, recompute, staff_exists


def _recompute_overlapping(leave: LeaveRequest) -> None:
    shifts = Shift.live().where((Shift.staff == leave.staff_uuid) & (Shift.start_at < leave.end_at)
                                & (Shift.end_at > leave.start_at))
    for shift in shifts:
        if recompute(shift):
            shift.save(only=[Shift.status, Shift.late_minutes, Shift.early_minutes])


def request_leave(actor: Actor, staff_uuid: str, kind: str, start: datetime | None, end: datetime | None,
                  reason: str) -> str:
    """A leave request; a phone leave (电话请假) is provisional until its paperwork is done by the deadline."""
    require(actor, Permission.DESK_WORK)
    own_or_manage(actor, staff_uuid)
    errors: dict[str, str] = {}
    if kind not in {k.value for k in LeaveKind}:
        errors["kind"] = T("errors", "请选择请假类型")
    if start is None:
        errors["start_at"] = T("errors", "请填写开始时间")
    if end is None:
        errors["end_at"] = T("errors", "请填写结束时间")
    elif start is not None and end <= start:
        errors["end_at"] = T("errors", "结束时间须晚于开始时间")
    if not reason.strip():
        errors["reason"] = T("errors", "请填写请假事由")
    if errors:
        raise ValidationError(errors)
    staff_exists(staff_uuid)
    moment = now()
    with transaction():
        leave = LeaveRequest.create(
            staff=staff_uuid, kind=kind, start_at=start, end_at=end, reason=reason.strip()[:200],
            requested_at=moment, recorded_by=actor.uuid,
            paperwork_due=moment + timedelta(days=rules.PHONE_LEAVE_PAPERWORK_DAYS) if kind == LeaveKind.PHONE else None,
        )
        audit.record(actor, "leave", leave.uuid, "request", None,
                     {"staff": staff_uuid, "kind": kind, "start_at": start, "end_at": end})
        _recompute_overlapping(leave)
        return leave.uuid


def decide_leave(actor: Actor, uuid: str, approve: bool, note: str = "") -> None:
    """Approve or reject; approving a phone leave records that its paperwork was completed."""
    require(actor, Permission.MANAGE_PERSONNEL)
    with transaction():
        leave = LeaveRequest.live().where(LeaveRequest.uuid == uuid).first()
        if leave is None or leave.status != RequestStatus.PENDING.value:
            raise ValidationError({"leave": T("errors", "该请假申请已处理或不存在")})
        leave.status = (RequestStatus.APPROVED if approve else RequestStatus.REJECTED).value
        leave.decided_by, leave.decided_at = actor.uuid, now()
        if approve and leave.kind == LeaveKind.PHONE.value:
            leave.paperwork_done = True
        leave.save()
        audit.record(actor, "leave", leave.uuid, leave.status, {"status": "pending"}, {"status": leave.status}, note)
        _recompute_overlapping(leave)


def list_leaves(actor: Actor, pending_only: bool = False) -> list[dict[str, Any]]:
    """Leave requests, newest first: managers see everyone's, staff their own."""
    require(actor, Permission.READ_OWN_PERSONNEL)
    select = (
        LeaveRequest.select(LeaveRequest.uuid, LeaveRequest.kind, LeaveRequest.start_at, LeaveRequest.end_at,
                            LeaveRequest.reason, LeaveRequest.status, LeaveRequest.requested_at,
                            LeaveRequest.paperwork_due, LeaveRequest.paperwork_done,
                            Staff.name.alias("staff_name"), Staff.staff_no)
        .join(Staff, on=(LeaveRequest.staff == Staff.uuid))
        .where(LeaveRequest.deleted == False)  # noqa: E712
    )
    if pending_only:
        select = select.where(LeaveRequest.status == RequestStatus.PENDING.value)
    if not actor.can(Permission.MANAGE_PERSONNEL):
        select = select.where(LeaveRequest.staff == actor.uuid)
    moment = now()
    rows = list(select.order_by(LeaveRequest.start_at.desc()).limit(300).dicts())
    for row in rows:
        row["overdue_paperwork"] = row["kind"] == LeaveKind.PHONE.value and row["status"] == "pending" and \
            rules.phone_leave_absent(row["paperwork_due"], row["paperwork_done"], moment)
    return rows
