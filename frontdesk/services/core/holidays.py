"""The working-day calendar of this site: chinesecalendar plus the holiday overrides managers edit."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import peewee

from frontdesk import clock
from frontdesk.db.connection import database, transaction
from frontdesk.db.models import Holiday, current_site_code
from frontdesk.domain.roles import Actor, Permission
from frontdesk.domain.workdays import WorkCalendar
from frontdesk.errors import NotFound, T, ValidationError
from frontdesk.services.core import audit
from frontdesk.services.core.listing import ListQuery, Page, run_page
from frontdesk.services.core.permissions import require

_cache: dict[str, Any] = {}


def work_calendar() -> WorkCalendar:
    """The site's calendar; rebuilt only when the override table changes (cached per database)."""
    key = (id(database.obj), getattr(database.obj, "database", ""), current_site_code())
    if _cache.get("key") != key or _cache.get("calendar") is None:
        rows = (
            Holiday.select(Holiday.date, Holiday.is_workday)
            .where((Holiday.deleted == False) & (Holiday.site_code == current_site_code()))  # noqa: E712
            .tuples()
        )
        _cache.update(key=key, calendar=WorkCalendar({d: bool(w) for d, w in rows}))
    return _cache["calendar"]


def invalidate() -> None:
    _cache.clear()


def calendar_warning(horizon_days: int = 60) -> str | None:
    """A visible warning when this year or the next ``horizon_days`` fall in a year without holiday data."""
    today = clock.today()
    cal = work_calendar()
    missing = sorted({y for y in (today.year, (today + timedelta(days=horizon_days)).year) if not cal.covers(y)})
    missing = sorted(set(missing) | cal.fallback_years)
    if not missing:
        return None
    years = "、".join(str(y) for y in missing)
    return (
        f"{years} 年的法定节假日数据缺失，工作日暂按周一至周五计算；"
        "请主管在“节假日设置”中录入放假和调休日期。"
    )


def year_covered(year: int) -> bool:
    return work_calendar().covers(year)


def list_holidays(actor: Actor, query: ListQuery) -> Page:
    """Overrides of this site, filtered by ``filters['year']``; anyone at the desk may read them."""
    require(actor, Permission.DESK_WORK)
    where = [Holiday.deleted == False, Holiday.site_code == current_site_code()]  # noqa: E712
    year = query.filters.get("year")
    if year:
        where += [Holiday.date >= date(year, 1, 1), Holiday.date < date(year + 1, 1, 1)]
    select = Holiday.select(Holiday.uuid, Holiday.date, Holiday.is_workday, Holiday.note).where(*where)
    sort = {"date": Holiday.date, "is_workday": Holiday.is_workday, "note": Holiday.note}
    return run_page(select, query, sort, (Holiday.date, False), Holiday.id)


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
            if row is not None and row.uuid != uuid:  # a tombstone holds the date: drop it for good
                row.delete_instance()
            row = edited
        elif row is not None and not row.deleted:
            raise ValidationError({"date": T("errors", "{0:%Y-%m-%d} 已有设置，请直接修改那一条").format(day)})
        old = _plain(row) if row is not None and not row.deleted else None
        if row is None:
            row = Holiday(date=day, is_workday=is_workday, note=note)
        row.date, row.is_workday, row.note, row.deleted = day, bool(is_workday), note, False
        row.save()
        audit.record(actor, "holiday", row.uuid, "update" if old else "create", old, _plain(row))
        _changed()
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
        _changed()


def _plain(row: Holiday) -> dict[str, Any]:
    return {"date": row.date, "is_workday": row.is_workday, "note": row.note}


def _changed() -> None:
    """After the override table changed, inside its transaction: open complaint deadlines move with it."""
    from frontdesk.services.complaints import (
        cases as complaints,  # complaints reads the calendar from here: imported on use
    )

    invalidate()
    complaints.refresh_deadlines()


def override_count(year: int) -> int:
    return (
        Holiday.select(peewee.fn.COUNT(Holiday.id))
        .where(
            (Holiday.deleted == False)  # noqa: E712
            & (Holiday.site_code == current_site_code())
            & (Holiday.date >= date(year, 1, 1))
            & (Holiday.date < date(year + 1, 1, 1))
        )
        .scalar()
    )
