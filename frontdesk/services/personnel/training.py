"""Training records (培训): managers record sessions with attendance and scores; each person's history; the
业务知识 evidence an assessment shows for a period."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import peewee
from peewee import fn

from frontdesk import clock
from frontdesk.db.connection import transaction
from frontdesk.db.models import Staff, TrainingAttendance, TrainingSession
from frontdesk.domain.roles import Actor, Permission
from frontdesk.domain.training import (
    Attendance,
    AttendeeInput,
    SessionInput,
    label,
    number,
    score_of,
    session_problems,
)
from frontdesk.errors import NotFound, PermissionDenied, T, ValidationError
from frontdesk.services.core import audit
from frontdesk.services.core.list_spec import ColumnKind, ListExport, ListSpec, col
from frontdesk.services.core.listing import ListQuery, Page, like_pattern
from frontdesk.services.core.permissions import require

_NOT_FOUND = T("errors", "该培训记录不存在或已删除")
_A = TrainingAttendance.alias("counted")


def _count(status: str) -> peewee.Node:
    """How many of the session's people have ``status`` (a correlated subquery: a page is tens of rows)."""
    return (_A.select(fn.COUNT(_A.id))
            .where((_A.session == TrainingSession.uuid) & (_A.deleted == False) & (_A.status == status)))  # noqa: E712


SESSIONS = ListSpec(T("columns", "培训记录"), (
    col("held_on", T("columns", "培训日期"), ColumnKind.DATE, TrainingSession.held_on, sort=True),
    col("kind", T("columns", "类别"), ColumnKind.ENUM, TrainingSession.kind, sort=True, labels=label),
    col("title", T("columns", "培训主题"), ColumnKind.TEXT, TrainingSession.title, sort=True),
    col("trainer", T("columns", "讲师"), ColumnKind.TEXT, TrainingSession.trainer, sort=True),
    col("hours", T("columns", "学时"), ColumnKind.MONEY, TrainingSession.hours, sort=True),
    col("present", T("columns", "出勤"), ColumnKind.INT, _count(Attendance.PRESENT.value)),
    col("absent", T("columns", "缺勤"), ColumnKind.INT, _count(Attendance.ABSENT.value)),
    col("leave", T("columns", "请假"), ColumnKind.INT, _count(Attendance.LEAVE.value)),
    col("pass_score", T("columns", "及格分"), ColumnKind.MONEY, TrainingSession.pass_score),
    col("content", T("columns", "培训内容"), ColumnKind.LONG_TEXT, TrainingSession.content, listed=False),
), default_order=(TrainingSession.held_on, True), tiebreak=TrainingSession.id)


def _filters(query: ListQuery) -> list[peewee.Expression]:
    f = query.filters
    where: list[peewee.Expression] = [TrainingSession.deleted == False]  # noqa: E712
    if f.get("kind"):
        where.append(TrainingSession.kind == f["kind"])
    if f.get("date_from"):
        where.append(TrainingSession.held_on >= f["date_from"])
    if f.get("date_to"):
        where.append(TrainingSession.held_on <= f["date_to"])
    text = query.search.strip()
    if text:
        pattern = like_pattern(text)
        where.append((TrainingSession.title ** pattern) | (TrainingSession.trainer ** pattern)
                     | (TrainingSession.content ** pattern))
    return where


def list_sessions(actor: Actor, query: ListQuery) -> Page:
    """The sessions page: filter by kind and dates, search title, trainer and content, sort, page (managers)."""
    require(actor, Permission.MANAGE_PERSONNEL)
    select = TrainingSession.select(*SESSIONS.list_fields(TrainingSession.uuid)).where(*_filters(query))
    return SESSIONS.page(select, query)


def export_sessions(actor: Actor, query: ListQuery) -> ListExport:
    """The sessions as listed, for Excel."""
    require(actor, Permission.MANAGE_PERSONNEL)
    where = _filters(query)
    return SESSIONS.export(actor, lambda fields: TrainingSession.select(*fields).where(*where), query)


def _session(uuid: str) -> TrainingSession:
    row = TrainingSession.live().where(TrainingSession.uuid == uuid).first()
    if row is None:
        raise NotFound(_NOT_FOUND)
    return row


def _attendance(session_uuid: str) -> list[TrainingAttendance]:
    return list(TrainingAttendance.live().where(TrainingAttendance.session == session_uuid)
                .order_by(TrainingAttendance.id))


def _snapshot(session: TrainingSession, people: list[TrainingAttendance]) -> dict[str, Any]:
    """What the audit trail keeps (numbers and the date as text)."""
    return {"kind": session.kind, "title": session.title, "held_on": str(session.held_on),
            "hours": _text(session.hours), "trainer": session.trainer, "pass_score": _text(session.pass_score),
            "attendees": {p.staff_uuid: [p.status, _text(p.score)] for p in people}}


def get_session(actor: Actor, uuid: str) -> dict[str, Any]:
    """A session with its people (staff number and name, status, score), for the form."""
    require(actor, Permission.MANAGE_PERSONNEL)
    session = _session(uuid)
    names = {s.uuid: s for s in Staff.select().where(
        Staff.uuid.in_([p.staff_uuid for p in _attendance(uuid)]))}
    return {
        "uuid": session.uuid, "kind": session.kind, "title": session.title, "held_on": session.held_on,
        "hours": session.hours, "trainer": session.trainer, "content": session.content,
        "pass_score": session.pass_score,
        "attendees": [{"staff_uuid": p.staff_uuid, "status": p.status, "score": p.score,
                       "staff_no": names[p.staff_uuid].staff_no if p.staff_uuid in names else "",
                       "staff_name": names[p.staff_uuid].name if p.staff_uuid in names else ""}
                      for p in _attendance(uuid)],
    }


def _text(value: Decimal | None) -> str:
    return "" if value is None else f"{value.normalize():f}"


def to_input(row: dict[str, Any]) -> SessionInput:
    """The form values of a stored session (from get_session)."""
    return SessionInput(kind=row["kind"], title=row["title"], held_on=row["held_on"], hours=_text(row["hours"]),
                        trainer=row["trainer"], content=row["content"], pass_score=_text(row["pass_score"]),
                        attendees=[AttendeeInput(a["staff_uuid"], a["status"], _text(a["score"]))
                                   for a in row["attendees"]])


def save_session(actor: Actor, data: SessionInput, uuid: str | None = None) -> str:
    """Record a session (new, or a correction) with its people in one transaction; managers only."""
    require(actor, Permission.MANAGE_PERSONNEL)
    wanted = [a.staff_uuid for a in data.attendees]
    names = {s.uuid: s.name for s in Staff.live().where(Staff.uuid.in_(wanted))} if wanted else {}
    errors = session_problems(data, clock.today(), names)
    if errors:
        raise ValidationError(errors)
    hours = number(data.hours)
    pass_score = score_of(data.pass_score) if data.pass_score.strip() else None
    with transaction():
        if uuid:
            session = _session(uuid)
            people = _attendance(uuid)
            old: dict[str, Any] | None = _snapshot(session, people)
        else:
            session, people, old = TrainingSession(created_by_name=actor.name), [], None
        session.kind, session.title, session.held_on = data.kind, data.title.strip(), data.held_on
        session.hours, session.trainer = hours, data.trainer.strip()
        session.content, session.pass_score = data.content.strip(), pass_score
        session.save()
        by_staff = {p.staff_uuid: p for p in people}
        for person in data.attendees:
            row = by_staff.pop(person.staff_uuid, None) or TrainingAttendance(session=session.uuid,
                                                                                staff=person.staff_uuid)
            score = score_of(person.score) if person.score.strip() else None
            if row.id is None or (row.status, row.score) != (person.status, score):
                row.status, row.score = person.status, score
                row.save()
        for gone in by_staff.values():  # taken off the list: a tombstone, so the removal travels
            gone.deleted = True
            gone.save()
        audit.record(actor, "training_session", session.uuid, "update" if old else "create", old,
                     _snapshot(session, _attendance(session.uuid)))
    return session.uuid


def delete_session(actor: Actor, uuid: str) -> None:
    """Delete a session recorded in error, with its attendance (tombstones)."""
    require(actor, Permission.MANAGE_PERSONNEL)
    with transaction():
        session = _session(uuid)
        people = _attendance(uuid)
        old = _snapshot(session, people)
        for person in people:
            person.deleted = True
            person.save()
        session.deleted = True
        session.save()
        audit.record(actor, "training_session", uuid, "delete", old, None)


def history(actor: Actor, staff_uuid: str) -> list[dict[str, Any]]:
    """One person's training, newest first (the staff profile and 我的培训); staff see only their own."""
    require(actor, Permission.READ_OWN_PERSONNEL)
    if staff_uuid != actor.uuid and not actor.can(Permission.MANAGE_PERSONNEL):
        raise PermissionDenied(T("errors", "只能查看本人的培训记录"))
    rows = (TrainingAttendance.select(TrainingAttendance.status, TrainingAttendance.score, TrainingSession.uuid,
                                      TrainingSession.held_on, TrainingSession.kind, TrainingSession.title,
                                      TrainingSession.hours, TrainingSession.trainer, TrainingSession.pass_score)
            .join(TrainingSession, on=(TrainingAttendance.session == TrainingSession.uuid))
            .where((TrainingAttendance.staff == staff_uuid) & (TrainingAttendance.deleted == False)  # noqa: E712
                   & (TrainingSession.deleted == False))  # noqa: E712
            .order_by(TrainingSession.held_on.desc(), TrainingSession.id.desc()).dicts())
    out = []
    for r in rows:
        passed = None if r["score"] is None or r["pass_score"] is None else r["score"] >= r["pass_score"]
        out.append(dict(r, passed=passed))
    return out


def evidence(staff_uuid: str, start: date, end: date) -> dict[str, Any]:
    """业务知识 evidence for [start, end): sessions attended and missed, hours, average score, tests failed."""
    rows = list(TrainingAttendance.select(TrainingAttendance.status, TrainingAttendance.score, TrainingSession.held_on,
                                          TrainingSession.kind, TrainingSession.title, TrainingSession.hours,
                                          TrainingSession.pass_score)
                .join(TrainingSession, on=(TrainingAttendance.session == TrainingSession.uuid))
                .where((TrainingAttendance.staff == staff_uuid) & (TrainingAttendance.deleted == False)  # noqa: E712
                       & (TrainingSession.deleted == False)  # noqa: E712
                       & (TrainingSession.held_on >= start) & (TrainingSession.held_on < end))
                .order_by(TrainingSession.held_on).dicts())
    present = [r for r in rows if r["status"] == Attendance.PRESENT.value]
    scores = [r["score"] for r in present if r["score"] is not None]
    failed = [r for r in present if r["score"] is not None and r["pass_score"] is not None
              and r["score"] < r["pass_score"]]
    average = (sum(scores, Decimal(0)) / len(scores)).quantize(Decimal("0.1"), ROUND_HALF_UP) if scores else None
    lines = [f"{r['held_on']} {label(r['kind'])} {r['title']} {label(r['status'])}"
             + (f" {r['score'].normalize():f}" if r["score"] is not None else "") for r in rows]
    return {"trainings": len(present), "training_missed": sum(1 for r in rows if r["status"] == Attendance.ABSENT.value),
            "training_hours": sum((r["hours"] for r in present), Decimal("0.00")), "training_score": average,
            "training_failed": len(failed), "training_lines": lines}
