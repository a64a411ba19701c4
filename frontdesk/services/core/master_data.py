"""Master data from head office: which sites' rule versions apply here, and in what order.

Head office (site code ``HEAD_OFFICE``, default ``HQ``) publishes the fine schedule, the SLA policy, holiday
overrides, the phrase book, departments, assessment templates, the roster and the knowledge base: every record
it writes travels to every site by sync. At a site:

* Versioned rules (a fine rule's versions by code, the SLA policy, a holiday override by date): the newest
  version in force wins; at the same effective date (or the same holiday date) the site's own version goes
  before head office's, and head office's before the shipped default. A site overrides head office by saving
  its own version; head office's later version takes over again from its effective date.
* Another site's versions never apply anywhere but at that site, and a site never changes head office's
  records: at head office an incoming edit of one of its own records made at a site is held back (``merge``).
"""

from __future__ import annotations

import peewee

from frontdesk.db.models import current_site_code
from frontdesk.db.seeds import NO_SITE
from frontdesk.services.core.site_settings import HEAD_OFFICE

# the tables of master data head office publishes (what a site never changes at head office)
MASTER_TABLES = frozenset({"fine_rule", "sla_policy", "holiday", "forbidden_phrase", "standard_phrase", "department",
                           "assessment_template", "kb_article"})


def head_office() -> str:
    return HEAD_OFFICE.get().strip().upper() or "HQ"


def sources(site: str | None = None) -> list[str]:
    """The site codes whose versions apply at ``site`` (default this one), first-preferred first."""
    me = current_site_code() if site is None else site
    out = [me]
    if head_office() != me:
        out.append(head_office())
    out.append(NO_SITE)
    return out


def rank(field: peewee.Field, site: str | None = None) -> peewee.Node:
    """0 for ``site``'s own version, 1 for head office's, 2 for the shipped default: order by it after the date."""
    codes = sources(site)
    return peewee.Case(field, [(code, i) for i, code in enumerate(codes[:-1])], len(codes) - 1)
