"""The working-day calendar of this site: chinesecalendar plus the holiday overrides managers edit."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import peewee

from frontdesk import clock
from frontdesk.db.connection import database, transaction
from frontdesk.db.models import Holiday, current_site_code
from frontdesk.domain.roles import Actor, Permission
from frontdesk.domain.workdays import WorkCalendar, gap_warning
from frontdesk.errors import Message, NotFound, T, ValidationError
from frontdesk.services.core import audit
from frontdesk.services.core.listing import ListQuery, Page, run_page
from frontdesk.services.core.permissions import require
from frontdesk.services.core.site_settings import HOLIDAY_YEARS

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
        _cache.update(key=key, calendar=WorkCalendar({d: bool(w) for d, w in rows}, HOLIDAY_YEARS.get()))
    return _cache["calendar"]


def invalidate() -> None:
    _cache.clear()


def calendar_warning(horizon_days: int = 60) -> Message | None:
    """A visible warning when this year or the next ``horizon_days`` fall in a year without holiday data
    (neither built in nor imported), or a deadline was counted in such a year; None when all is covered."""
    today = clock.today()
    cal = work_calendar()
    missing = {y for y in (today.year, (today + timedelta(days=horizon_days)).year) if not cal.covers(y)}
    return gap_warning(missing | {y for y in cal.fallback_years if not cal.covers(y)})


def next_year_warning(actor: Actor) -> Message | None:
    """From 1 November, a manager is told when next year's holidays are neither built in nor imported."""
    today = clock.today()
    if not actor.can(Permission.MANAGE_REFERENCE) or today.month < 11 or year_covered(today.year + 1):
        return None
    return T("warnings", "{0} 年的放假安排尚未导入：请在“节假日设置”中导入国务院公布的放假安排文件"
                         "（holiday-cn 的 JSON 或 .ics），否则 {0} 年的时限将按周一至周五计算。").format(today.year + 1)


def year_covered(year: int) -> bool:
    """Whether ``year``'s statutory holidays are known: built in, or imported into the overrides."""
    return work_calendar().covers(year)


def year_built_in(year: int) -> bool:
    return work_calendar().package_covers(year)


def year_marked(year: int) -> bool:
    """Whether ``year`` counts as covered because its schedule is in the overrides (imported or so marked)."""
    return year in HOLIDAY_YEARS.get()


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
