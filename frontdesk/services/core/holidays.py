"""The working-day calendar of this site: chinesecalendar plus the holiday overrides managers edit."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import peewee

from frontdesk import clock
from frontdesk.db.connection import database
from frontdesk.db.models import Holiday, current_site_code
from frontdesk.domain.roles import Actor, Permission
from frontdesk.domain.workdays import WorkCalendar, gap_warning
from frontdesk.errors import Message, T
from frontdesk.services.core import master_data
from frontdesk.services.core.listing import ListQuery, Page, run_page
from frontdesk.services.core.permissions import require
from frontdesk.services.core.site_settings import HOLIDAY_YEARS

_cache: dict[str, Any] = {}


def work_calendar() -> WorkCalendar:
    """The site's calendar; rebuilt only when the override table changes (cached per database)."""
    key = (id(database.obj), getattr(database.obj, "database", ""), current_site_code())
    if _cache.get("key") != key or _cache.get("calendar") is None:
        # head office's overrides and this site's own; for one date the site's own goes first (master_data)
        rows = (
            Holiday.select(Holiday.date, Holiday.is_workday)
            .where((Holiday.deleted == False) & Holiday.site_code.in_(master_data.sources()))  # noqa: E712
            .order_by(master_data.rank(Holiday.site_code).desc())
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
