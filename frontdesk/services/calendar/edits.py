"""Changes to the site's calendar (holiday overrides, years marked complete): each moves the deadlines
of open complaint cases in the same transaction, so this sits above both the calendar and complaints."""

from __future__ import annotations

from datetime import date
from typing import Any

from frontdesk.db.connection import transaction
from frontdesk.db.models import Holiday, current_site_code
from frontdesk.domain.roles import Actor, Permission
from frontdesk.errors import NotFound, T, ValidationError
from frontdesk.services.complaints import cases as complaints
from frontdesk.services.core import audit, holidays
from frontdesk.services.core.permissions import require
from frontdesk.services.core.site_settings import HOLIDAY_YEARS


def mark_year(actor: Actor, year: int, complete: bool) -> None:
    """A manager who typed a year's schedule by hand says it is complete (or takes that back)."""
    require(actor, Permission.MANAGE_REFERENCE)
    if not 2000 <= year <= 2100:
        raise ValidationError({"year": T("errors", "年份须在 {0}–{1} 之间").format(2000, 2100)})
    with transaction():
        years = set(HOLIDAY_YEARS.get())
        if (year in years) == complete:
            return
        HOLIDAY_YEARS.put(sorted(years | {year} if complete else years - {year}))
        audit.record(actor, "holiday_year", str(year), "create" if complete else "delete")
        calendar_changed()


def save_holiday(actor: Actor, day: date | None, is_workday: bool, note: str = "", uuid: str | None = None) -> str:
    """Add or change the override for ``day`` (one per date; a deleted one is brought back)."""
    require(actor, Permission.MANAGE_REFERENCE)
    note = note.strip()
    errors: dict[str, str] = {}
    if day is None:
        errors["date"] = T("errors", "请选择日期")
    if len(note) > 100:
        errors["note"] = T("errors", "说明不超过 100 字")
    if errors:
        raise ValidationError(errors)
    assert day is not None
    site = current_site_code()
    with transaction():
        row = Holiday.select().where((Holiday.site_code == site) & (Holiday.date == day)).first()
        if uuid:
            edited = Holiday.live().where(Holiday.uuid == uuid).first()
            if edited is None:
                raise NotFound(T("errors", "该节假日设置不存在或已删除"))
            if row is not None and row.uuid != uuid and not row.deleted:
                raise ValidationError({"date": T("errors", "{0:%Y-%m-%d} 已有设置，请直接修改那一条").format(day)})
            if row is not None and row.uuid != uuid:
                # a tombstone holds the date: it comes back with this content and the edited record becomes
                # the tombstone (a row removed for good would not travel, and the other sites' copy of the
                # tombstone would clash with the moved record on its date)
                audit.record(actor, "holiday", edited.uuid, "delete", _plain(edited), None)
                edited.deleted = True
                edited.save()
            else:
                row = edited
        elif row is not None and not row.deleted:
            raise ValidationError({"date": T("errors", "{0:%Y-%m-%d} 已有设置，请直接修改那一条").format(day)})
        old = _plain(row) if row is not None and not row.deleted else None
        if row is None:
            row = Holiday(date=day, is_workday=is_workday, note=note)
        row.date, row.is_workday, row.note, row.deleted = day, bool(is_workday), note, False
        row.save()
        audit.record(actor, "holiday", row.uuid, "update" if old else "create", old, _plain(row))
        calendar_changed()
        return row.uuid


def delete_holiday(actor: Actor, uuid: str) -> None:
    """Remove an override (a tombstone, so the deletion travels to head office too)."""
    require(actor, Permission.MANAGE_REFERENCE)
    with transaction():
        row = Holiday.live().where(Holiday.uuid == uuid).first()
        if row is None:
            raise NotFound(T("errors", "该节假日设置不存在或已删除"))
        row.deleted = True
        row.save()
        audit.record(actor, "holiday", row.uuid, "delete", _plain(row), None)
        calendar_changed()


def _plain(row: Holiday) -> dict[str, Any]:
    return {"date": row.date, "is_workday": row.is_workday, "note": row.note}


def calendar_changed() -> None:
    """After the override table changed, inside its transaction: open complaint deadlines move with it."""
    holidays.invalidate()
    complaints.refresh_deadlines()


