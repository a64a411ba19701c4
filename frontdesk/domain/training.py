"""Training records (seed 004 四): new-staff, periodic and special sessions, who attended, test scores, and the rules."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from enum import StrEnum

from frontdesk.domain.labels import labeller
from frontdesk.errors import QT_TRANSLATE_NOOP, T

HUNDRED = Decimal(100)
MAX_HOURS = Decimal(24)


class TrainingKind(StrEnum):
    """岗前 for new staff before they start, 定期 on a schedule, 专项 on one subject (a new policy, a weak point)."""

    INDUCTION = "induction"
    PERIODIC = "periodic"
    SPECIAL = "special"


class Attendance(StrEnum):
    PRESENT = "present"
    ABSENT = "absent"  # counted against the person in the 业务知识 evidence
    LEAVE = "leave"  # excused (请假): neither attended nor missed


LABELS: dict[str, str] = {
    TrainingKind.INDUCTION: QT_TRANSLATE_NOOP("enum", "岗前培训"),
    TrainingKind.PERIODIC: QT_TRANSLATE_NOOP("enum", "定期培训"),
    TrainingKind.SPECIAL: QT_TRANSLATE_NOOP("enum", "专项培训"),
    Attendance.PRESENT: QT_TRANSLATE_NOOP("enum", "出勤"),
    Attendance.ABSENT: QT_TRANSLATE_NOOP("enum", "缺勤"),
    Attendance.LEAVE: QT_TRANSLATE_NOOP("enum", "请假"),
}
label = labeller(LABELS)


@dataclass
class AttendeeInput:
    """One person's line of a session: attendance and, if tested and present, the score (text as typed)."""

    staff_uuid: str
    status: str = Attendance.PRESENT.value
    score: str = ""


@dataclass
class SessionInput:
    """The training session form, as typed (numbers as text)."""

    kind: str
    title: str
    held_on: date | None
    hours: str = ""
    trainer: str = ""
    content: str = ""
    pass_score: str = ""  # empty: no test
    attendees: list[AttendeeInput] = field(default_factory=list)


def number(text: str) -> Decimal | None:
    """Typed text as a Decimal (None for blank or not a finite number)."""
    try:
        value = Decimal(text.strip())
    except (InvalidOperation, AttributeError):
        return None
    return value if value.is_finite() else None


def score_of(text: str) -> Decimal | None:
    """A test score 0–100 to one place, or None."""
    value = number(text)
    if value is None or not 0 <= value <= HUNDRED:
        return None
    return value.quantize(Decimal("0.1"), ROUND_HALF_UP)


def session_problems(data: SessionInput, today: date, names: dict[str, str]) -> dict[str, str]:
    """Field → message for everything wrong; ``names`` maps the attendees' staff uuids to their names."""
    errors: dict[str, str] = {}
    if data.kind not in {k.value for k in TrainingKind}:
        errors["kind"] = T("errors", "请选择培训类别")
    title = data.title.strip()
    if not title:
        errors["title"] = T("errors", "请填写培训主题")
    elif len(title) > 60:
        errors["title"] = T("errors", "培训主题不超过 60 字")
    if data.held_on is None:
        errors["held_on"] = T("errors", "请填写培训日期")
    elif data.held_on > today:
        errors["held_on"] = T("errors", "培训日期不能晚于今天（记录已举行的培训）")
    hours = number(data.hours)
    if hours is None or not 0 < hours <= MAX_HOURS:
        errors["hours"] = T("errors", "学时应为 0–24 之间的数字，如 1.5")
    if len(data.trainer.strip()) > 30:
        errors["trainer"] = T("errors", "培训讲师不超过 30 字")
    if len(data.content) > 2000:
        errors["content"] = T("errors", "不超过 {0} 字").format(2000)
    if data.pass_score.strip() and score_of(data.pass_score) is None:
        errors["pass_score"] = T("errors", "及格分应为 0–100 之间的数字")
    tested = bool(data.pass_score.strip())
    if not data.attendees:
        errors["attendees"] = T("errors", "请选择参加培训的人员")
    seen: set[str] = set()
    for person in data.attendees:
        name = names.get(person.staff_uuid)
        problem = None
        if name is None:
            problem = T("errors", "员工不存在")
        elif person.staff_uuid in seen:
            problem = T("errors", "{0} 重复").format(name)
        elif person.status not in {a.value for a in Attendance}:
            problem = T("errors", "{0}：请选择出勤情况").format(name)
        elif person.score.strip() and person.status != Attendance.PRESENT.value:
            problem = T("errors", "{0}：未出勤的人员没有考试成绩").format(name)
        elif person.score.strip() and not tested:
            problem = T("errors", "{0}：本次培训没有考试（未填及格分），不记成绩").format(name)
        elif person.score.strip() and score_of(person.score) is None:
            problem = T("errors", "{0}：成绩应为 0–100 之间的数字").format(name)
        seen.add(person.staff_uuid)
        if problem and "attendees" not in errors:
            errors["attendees"] = problem
    return errors
