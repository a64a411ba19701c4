"""Etiquette self-checks (礼仪自查): staff fill their own, daily or weekly as the site sets; managers review."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from frontdesk import clock
from frontdesk.clock import now
from frontdesk.db.connection import transaction
from frontdesk.db.models import SelfCheck, Staff
from frontdesk.domain import selfcheck as rules
from frontdesk.domain.roles import Actor, Permission
from frontdesk.errors import NotFound, PermissionDenied, T, ValidationError
from frontdesk.services.core import audit, site_filter
from frontdesk.services.core.list_spec import ColumnKind, ListExport, ListSpec, col
from frontdesk.services.core.listing import ListQuery, Page, like_pattern
from frontdesk.services.core.permissions import require
from frontdesk.services.core.site_settings import SELFCHECK_FREQUENCY

FREQUENCY_KEY = SELFCHECK_FREQUENCY.key  # the audit trail's entity

Answers = dict[str, tuple[bool | None, str]]


def frequency() -> str:
    return SELFCHECK_FREQUENCY.get()


def set_frequency(actor: Actor, value: str) -> None:
    require(actor, Permission.MANAGE_REFERENCE)
    value = rules.Frequency(value).value
    with transaction():
        old = frequency()
        SELFCHECK_FREQUENCY.put(value)
        audit.record(actor, "setting", FREQUENCY_KEY, "update", {"frequency": old}, {"frequency": value})


def current_slot(day: date | None = None) -> date:
    return rules.slot_of(frequency(), day or clock.today())


def _own(actor: Actor, slot: date) -> SelfCheck | None:
    return SelfCheck.live().where((SelfCheck.staff == actor.uuid) & (SelfCheck.slot == slot)).first()


def my_check(actor: Actor, day: date | None = None) -> dict[str, Any] | None:
    """The actor's own check for the slot holding ``day`` (today), or None if not filled yet."""
    require(actor, Permission.DESK_WORK)
    row = _own(actor, current_slot(day))
    return _as_dict(row) if row else None


def submit(actor: Actor, answers: Answers, day: date | None = None) -> str:
    """Fill (or correct, until reviewed) the actor's own check for today's slot; nobody fills another's."""
    require(actor, Permission.DESK_WORK)
    if not actor.uuid or not Staff.live().where(Staff.uuid == actor.uuid).exists():
        raise PermissionDenied(T("errors", "只有员工本人可以填写礼仪自查表"))
    day = day or clock.today()
    if day > clock.today():
        raise ValidationError({"slot": T("errors", "不能提前填写以后的自查表")})
    errors = rules.answer_problems(answers)
    if errors:
        raise ValidationError(errors)
    stored = {k: [bool(answers[k][0]), answers[k][1].strip()[:200]] for k in rules.ITEM_KEYS}
    no_count = sum(1 for ok, _ in stored.values() if not ok)
    slot, freq = current_slot(day), frequency()
    with transaction():
        row = _own(actor, slot)
        if row is not None and row.reviewed_at is not None:
            raise ValidationError({"slot": T("errors", "本期自查表已由主管审阅，不能再修改")})
        old = {"answers": row.answers} if row else None
        if row is None:
            row = SelfCheck(staff=actor.uuid, slot=slot, frequency=freq)
        row.answers = json.dumps(stored, ensure_ascii=False)
        row.item_count, row.no_count, row.submitted_at = len(stored), no_count, now()
        row.save()
        audit.record(actor, "self_check", row.uuid, "create" if old is None else "update", old,
                     {"answers": row.answers})
    return row.uuid


def _get(uuid: str) -> SelfCheck:
    row = SelfCheck.live().where(SelfCheck.uuid == uuid).first()
    if row is None:
        raise NotFound(T("errors", "该自查表不存在"))
    return row


def get_check(actor: Actor, uuid: str) -> dict[str, Any]:
    require(actor, Permission.DESK_WORK)
    row = _get(uuid)
    if row.staff_uuid != actor.uuid and not actor.can(Permission.MANAGE_PERSONNEL):
        raise PermissionDenied(T("errors", "只能查看本人的自查表"))
    return _as_dict(row)


def review(actor: Actor, uuid: str, note: str = "") -> None:
    require(actor, Permission.MANAGE_PERSONNEL)
    with transaction():
        row = _get(uuid)
        row.reviewed_by_name, row.reviewed_at, row.review_note = actor.name, now(), note.strip()[:200]
        row.save()
        audit.record(actor, "self_check", row.uuid, "review", None, {"note": row.review_note})


def _as_dict(row: SelfCheck) -> dict[str, Any]:
    answers = {k: (v[0], v[1]) for k, v in json.loads(row.answers).items()}
    return {"uuid": row.uuid, "staff_uuid": row.staff_uuid, "slot": row.slot, "frequency": row.frequency,
            "answers": answers, "no_count": row.no_count, "item_count": row.item_count,
            "submitted_at": row.submitted_at, "reviewed_by_name": row.reviewed_by_name,
            "reviewed_at": row.reviewed_at, "review_note": row.review_note}


SELFCHECKS = ListSpec(T("columns", "服务自查"), (
    col("slot", T("columns", "日期/周"), ColumnKind.TEXT, SelfCheck.slot, sort=True),
    col("staff_no", T("columns", "工号"), ColumnKind.TEXT, Staff.staff_no),
    col("staff_name", T("columns", "员工"), ColumnKind.TEXT, Staff.name),
    col("frequency", T("columns", "频次"), ColumnKind.ENUM, SelfCheck.frequency, labels=rules.label),
    col("no_count", T("columns", "“否”项"), ColumnKind.INT, SelfCheck.no_count, sort=True),
    col("item_count", T("columns", "自查项数"), ColumnKind.INT, SelfCheck.item_count),
    col("submitted_at", T("columns", "提交时间"), ColumnKind.DATETIME, SelfCheck.submitted_at, sort=True),
    col("reviewed_by_name", T("columns", "审阅人"), ColumnKind.TEXT, SelfCheck.reviewed_by_name),
    col("reviewed_at", T("columns", "审阅时间"), ColumnKind.DATETIME, SelfCheck.reviewed_at),
    col("review_note", T("columns", "审阅意见"), ColumnKind.TEXT, SelfCheck.review_note),
), default_order=(SelfCheck.slot, True), tiebreak=SelfCheck.id)
SORT = SELFCHECKS.sort_fields


def _check_filters(actor: Actor, query: ListQuery) -> list[Any]:
    """Managers see everyone's (filter ``unreviewed``); staff only their own."""
    f = query.filters
    where = [SelfCheck.deleted == False]  # noqa: E712
    if not actor.can(Permission.MANAGE_PERSONNEL):
        where.append(SelfCheck.staff == actor.uuid)
    elif f.get("staff_uuid"):
        where.append(SelfCheck.staff == f["staff_uuid"])
    if f.get("unreviewed"):
        where.append(SelfCheck.reviewed_at.is_null())
    where += site_filter.site_terms(query, SelfCheck.site_code)
    text = query.search.strip()
    if text:
        where.append((Staff.name ** like_pattern(text)) | (Staff.staff_no == text))
    return where


def _checks(fields: list[Any], where: list[Any]) -> Any:
    return SelfCheck.select(*fields).join(Staff, on=(SelfCheck.staff == Staff.uuid)).where(*where)


def list_checks(actor: Actor, query: ListQuery) -> Page:
    """Managers see everyone's (filter ``unreviewed``); staff only their own."""
    require(actor, Permission.DESK_WORK)
    where = _check_filters(actor, query)
    return SELFCHECKS.page(_checks(SELFCHECKS.list_fields(SelfCheck.uuid, SelfCheck.staff.alias("staff_uuid")),
                                   where), query)


def export_selfchecks(actor: Actor, query: ListQuery) -> ListExport:
    """The self-check list as filtered (staff: their own), every row, for Excel."""
    require(actor, Permission.DESK_WORK)
    where = _check_filters(actor, query)
    return SELFCHECKS.export(actor, lambda fields: _checks(fields, where), query)
