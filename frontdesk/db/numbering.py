"""Human record numbers such as S01-JD-20261123-0007: per site, module and day, never reused."""

from __future__ import annotations

from datetime import date

from frontdesk.db import changes
from frontdesk.db.models import NumberSequence, current_site_code

# a site set up again with its old code numbers in a new series (``S01.2-JD-…``), so its numbers never repeat
# the ones its old database gave out, which head office still holds; the series comes with the key file made
# at head office when it pairs the site again (``services/sync/keys``)
_series: dict[str, int] = {}


def set_series(series: dict[str, int]) -> None:
    """The number series of each site code (1, the first, has no mark)."""
    _series.clear()
    _series.update(series)


def prefix(site: str) -> str:
    n = _series.get(site, 1)
    return site if n <= 1 else f"{site}.{n}"


def _lock_order() -> None:
    """Lock the change counter before any number row. Every synced write takes the counter, and a 投诉 contact
    takes its case's number after the contact's change number: if a case opened directly took its number
    first and the counter second, two counters on PostgreSQL would deadlock (each holding what the other
    waits for). With the counter always first, writers simply queue. (On SQLite ``BEGIN IMMEDIATE`` already
    serialises writers; taking no number costs nothing.)"""
    changes.take(0)


def next_number(module: str, day: date, site_code: str | None = None) -> str:
    """Take the next number in one statement (an upsert returning the new value, SQLite ≥ 3.35 and PostgreSQL).

    Call inside ``transaction()``: the row stays locked until commit, so concurrent saves queue and a
    rollback gives the number back (a sequence would leave a gap).
    """
    site = site_code or current_site_code()
    if not site:
        raise RuntimeError("site code is not set")
    key = day.strftime("%Y%m%d")
    _lock_order()
    query = (
        NumberSequence.insert(site_code=site, module=module, day=key, last=1)
        .on_conflict(conflict_target=[NumberSequence.site_code, NumberSequence.module, NumberSequence.day],
                     update={NumberSequence.last: NumberSequence.last + 1})
        .returning(NumberSequence.last)
        .tuples()
    )
    ((seq,),) = list(query.execute())
    return f"{prefix(site)}-{module}-{key}-{seq:04d}"


def reserve(module: str, day: date, count: int, site_code: str | None = None) -> list[str]:
    """Take ``count`` numbers in a row for a bulk insert; inside ``transaction()``, like ``next_number``."""
    site = site_code or current_site_code()
    if not site:
        raise RuntimeError("site code is not set")
    if count <= 0:
        return []
    key = day.strftime("%Y%m%d")
    _lock_order()
    where = (
        (NumberSequence.site_code == site) & (NumberSequence.module == module) & (NumberSequence.day == key)
    )
    NumberSequence.insert(site_code=site, module=module, day=key, last=0).on_conflict_ignore().execute()
    NumberSequence.update(last=NumberSequence.last + count).where(where).execute()
    last = NumberSequence.select(NumberSequence.last).where(where).scalar()
    return [f"{prefix(site)}-{module}-{key}-{seq:04d}" for seq in range(last - count + 1, last + 1)]
