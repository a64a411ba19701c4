"""Head office: which sites' records this database holds, and the site filter every site-carrying list accepts."""

from __future__ import annotations

import peewee

from frontdesk.db.distinct import distinct_values
from frontdesk.db.models import Complaint, Contact, Incident, RepairOrder, ReturnOrder, Transfer
from frontdesk.domain.roles import Actor
from frontdesk.services.core import site
from frontdesk.services.core.listing import ListQuery

FILTER = "site"  # ListQuery.filters key: a site code, or absent for every site

# the tables whose rows come from many sites at head office (imports keep each row's site code)
SITE_TABLES = (Contact, Complaint, Incident, RepairOrder, ReturnOrder, Transfer)


def site_codes() -> list[str]:
    """Every site code found in the records (this site's first), by index probes, never a table scan."""
    codes = {code for model in SITE_TABLES for code in distinct_values(model.site_code) if code}
    own = site.site_code()
    return ([own] if own else []) + sorted(codes - {own})


def known_sites(actor: Actor) -> list[tuple[str, str]]:
    """(code, label) of each site in the database; the filter is shown only when there are two or more.

    Any signed-in account may ask (a list page of any role shows the choice): site codes are no secret, every
    record number starts with one."""
    del actor
    own = site.site_code()
    return [(code, f"{code} {site.site_name()}" if code == own else code) for code in site_codes()]


def site_terms(query: ListQuery, field: peewee.Field) -> list[peewee.Expression]:
    """The WHERE term of the site filter (none when every site is asked for)."""
    code = query.filters.get(FILTER)
    return [field == code] if code else []
