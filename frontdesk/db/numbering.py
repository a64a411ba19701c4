"""Human record numbers such as S01-JD-20261123-0007: per site, module and day, never reused."""

from __future__ import annotations

from datetime import date

from frontdesk.db.models import NumberSequence, current_site_code


def next_number(module: str, day: date, site_code: str | None = None) -> str:
    """Take the next number; call inside ``transaction()`` so concurrent saves queue for the lock."""
    site = site_code or current_site_code()
    if not site:
        raise RuntimeError("site code is not set")
    key = day.strftime("%Y%m%d")
    where = (
        (NumberSequence.site_code == site) & (NumberSequence.module == module) & (NumberSequence.day == key)
    )
    NumberSequence.insert(site_code=site, module=module, day=key, last=0).on_conflict_ignore().execute()
    NumberSequence.update(last=NumberSequence.last + 1).where(where).execute()
    seq = NumberSequence.select(NumberSequence.last).where(where).scalar()
    return f"{site}-{module}-{key}-{seq:04d}"


def reserve(module: str, day: date, count: int, site_code: str | None = None) -> list[str]:
    """Take ``count`` numbers in a row for a bulk insert; inside ``transaction()``, like ``next_number``."""
    site = site_code or current_site_code()
    if not site:
        raise RuntimeError("site code is not set")
    if count <= 0:
        return []
    key = day.strftime("%Y%m%d")
    where = (
        (NumberSequence.site_code == site) & (NumberSequence.module == module) & (NumberSequence.day == key)
    )
    NumberSequence.insert(site_code=site, module=module, day=key, last=0).on_conflict_ignore().execute()
    NumberSequence.update(last=NumberSequence.last + count).where(where).execute()
    last = NumberSequence.select(NumberSequence.last).where(where).scalar()
    return [f"{site}-{module}-{key}-{seq:04d}" for seq in range(last - count + 1, last + 1)]
