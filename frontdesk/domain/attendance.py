"""Attendance rules: shift windows (midnight shifts), status and minutes late/early, leave, swaps."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from frontdesk.domain.labels import labeller
from frontdesk.errors import QT_TRANSLATE_NOOP, T

DEFAULT_GRACE_MINUTES = 5
PHONE_LEAVE_PAPERWORK_DAYS = 3  # seed 001: 电话请假，事后补办手续
CLOCK_IN_EARLY_MINUTES = 120  # how long before a shift the clerk may already clock in for it


class AttendanceStatus(StrEnum):
    """正常 / 迟到 / 早退 / 旷工 / 请假 / 调班, and 待考勤 before a shift has ended without a clock-in."""

    SCHEDULED = "scheduled"
    NORMAL = "normal"
    LATE = "late"
    EARLY = "early"
    ABSENT = "absent"
    LEAVE = "leave"
    SWAPPED = "swapped"


class LeaveKind(StrEnum):
    """Leave types; a phone leave (电话请假) needs its paperwork completed afterwards."""

    PERSONAL = "personal"
    SICK = "sick"
    ANNUAL = "annual"
    COMPENSATORY = "compensatory"
    PHONE = "phone"


class RequestStatus(StrEnum):
    """A leave or swap request: waiting for the manager, approved, rejected."""

    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"


LABELS: dict[str, str] = {
    AttendanceStatus.SCHEDULED: QT_TRANSLATE_NOOP("enum", "待考勤"),
    AttendanceStatus.NORMAL: QT_TRANSLATE_NOOP("enum", "正常"),
    AttendanceStatus.LATE: QT_TRANSLATE_NOOP("enum", "迟到"),
    AttendanceStatus.EARLY: QT_TRANSLATE_NOOP("enum", "早退"),
    AttendanceStatus.ABSENT: QT_TRANSLATE_NOOP("enum", "旷工"),
    AttendanceStatus.LEAVE: QT_TRANSLATE_NOOP("enum", "请假"),
    AttendanceStatus.SWAPPED: QT_TRANSLATE_NOOP("enum", "调班"),
    LeaveKind.PERSONAL: QT_TRANSLATE_NOOP("enum", "事假"),
    LeaveKind.SICK: QT_TRANSLATE_NOOP("enum", "病假"),
    LeaveKind.ANNUAL: QT_TRANSLATE_NOOP("enum", "年假"),
    LeaveKind.COMPENSATORY: QT_TRANSLATE_NOOP("enum", "调休"),
    LeaveKind.PHONE: QT_TRANSLATE_NOOP("enum", "电话请假"),
    RequestStatus.PENDING: QT_TRANSLATE_NOOP("enum", "待审批"),
    RequestStatus.APPROVED: QT_TRANSLATE_NOOP("enum", "已批准"),
    RequestStatus.REJECTED: QT_TRANSLATE_NOOP("enum", "已驳回"),
}


label = labeller(LABELS)


def parse_hhmm(text: str) -> time:
    """'08:00' → time(8, 0); raises ValueError for anything else."""
    hours, minutes = text.strip().split(":")
    return time(int(hours), int(minutes))


def shift_window(day: date, start: time, end: time) -> tuple[datetime, datetime]:
    """The shift's start and end; a shift whose end is not after its start ends the next day (夜班)."""
    begin = datetime.combine(day, start)
    finish = datetime.combine(day, end)
    if finish <= begin:
        finish += timedelta(days=1)
    return begin, finish


def _minutes(delta: timedelta) -> int:
    return max(0, int(delta.total_seconds() // 60))


@dataclass(frozen=True)
class Outcome:
    """A shift's computed attendance."""

    status: AttendanceStatus
    late_minutes: int = 0
    early_minutes: int = 0
    missing_out: bool = False  # clocked in but never out, shift over


def compute_status(
    start: datetime,
    end: datetime,
    clock_in: datetime | None,
    clock_out: datetime | None,
    moment: datetime,
    grace_minutes: int = DEFAULT_GRACE_MINUTES,
    on_leave: bool = False,
    absent_by_leave: bool = False,
    swapped: bool = False,
) -> Outcome:
    """Status of one scheduled shift at ``moment``.

    Lateness within ``grace_minutes`` counts as on time; the minutes reported are the real ones.
    ``absent_by_leave``: a phone leave whose paperwork missed its deadline (旷工).
    """
    if absent_by_leave:
        return Outcome(AttendanceStatus.ABSENT)
    if on_leave:
        return Outcome(AttendanceStatus.LEAVE)
    if clock_in is None:
        return Outcome(AttendanceStatus.ABSENT if moment >= end else AttendanceStatus.SCHEDULED)
    late = _minutes(clock_in - start)
    early = _minutes(end - clock_out) if clock_out is not None else 0
    missing_out = clock_out is None and moment >= end
    if late > grace_minutes:
        status = AttendanceStatus.LATE
    elif early > 0:
        status = AttendanceStatus.EARLY
    else:
        status = AttendanceStatus.SWAPPED if swapped else AttendanceStatus.NORMAL
    return Outcome(status, late, early, missing_out)


def clock_problem(start: datetime, end: datetime, clock_in: datetime | None, clock_out: datetime | None) -> str | None:
    """Why a pair of clock times cannot belong to this shift, or None."""
    if clock_in is not None and clock_in < start - timedelta(minutes=CLOCK_IN_EARLY_MINUTES):
        return T("errors", "签到时间早于班次开始前两小时")
    if clock_in is not None and clock_in >= end:
        return T("errors", "签到时间不能晚于班次结束")
    if clock_out is not None and clock_in is None:
        return T("errors", "没有签到不能签退")
    if clock_out is not None and clock_in is not None and clock_out <= clock_in:
        return T("errors", "签退时间必须晚于签到时间")
    if clock_out is not None and clock_out > end + timedelta(hours=12):
        return T("errors", "签退时间距班次结束超过 12 小时")
    return None


def can_clock_in_window(start: datetime, end: datetime, moment: datetime) -> bool:
    """Whether a clock-in now belongs to this shift (from two hours before it until it ends)."""
    return start - timedelta(minutes=CLOCK_IN_EARLY_MINUTES) <= moment < end


def swap_problem(shift_start: datetime, shift_end: datetime, requested_at: datetime) -> str | None:
    """Seed 001: a swap is asked for one shift ahead — at least one shift's length before it starts."""
    if requested_at > shift_start - (shift_end - shift_start):
        return T("errors", "调班须至少提前一个班次申请")
    return None


def leave_covers(leave_start: datetime, leave_end: datetime, shift_start: datetime, shift_end: datetime) -> bool:
    """A leave excuses a shift it overlaps."""
    return leave_start < shift_end and leave_end > shift_start


def phone_leave_absent(deadline: datetime | None, paperwork_done: bool, moment: datetime) -> bool:
    """Seed 001: a phone leave not made good by its deadline is treated as 旷工."""
    return deadline is not None and not paperwork_done and moment >= deadline


def week_days(any_day: date) -> list[date]:
    """Monday to Sunday of the week holding ``any_day``."""
    monday = any_day - timedelta(days=any_day.weekday())
    return [monday + timedelta(days=i) for i in range(7)]
