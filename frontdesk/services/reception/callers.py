"""The caller card: from a few typed digits (any part of the number), who has called from it before."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import peewee

from frontdesk.db import search_index
from frontdesk.db.models import Complaint, Contact, KeyCustomer
from frontdesk.domain.phones import normalize_phone
from frontdesk.domain.roles import Actor, Permission
from frontdesk.domain.stages import Stage
from frontdesk.services.core.permissions import require

MIN_DIGITS = 4  # fewer digits match too many numbers to be worth showing
FULL_DIGITS = 11  # a whole mobile number: the phone index answers it directly
# The newest this many index matches are looked through: four digits may also match most contact numbers
# (S01-JD-2026…), and a card about the recent callers must cost the same at any table size.
RECENT_MATCHES = 3000


@dataclass(frozen=True)
class Caller:
    """One number that matches what was typed: who it is, how often they came, what is still open."""

    phone: str
    name: str
    level: str = ""  # "key" (重点客户), "regular" (常客) or "" (not a registered customer)
    contacts: int = 0  # how many contacts came from this number
    last_at: datetime | None = None
    history: list[dict[str, Any]] = field(default_factory=list)  # the newest contacts, newest first
    open_cases: list[dict[str, Any]] = field(default_factory=list)  # complaints not closed, newest first


def find_callers(actor: Actor, typed: str, limit: int = 5, history: int = 8,
                 exclude_uuid: str | None = None) -> list[Caller]:
    """The numbers containing the typed digits (registered key customers first, then the latest callers),
    each with its name, customer level, newest contacts and open complaints. All lookups run in SQL
    through indexes: the contact search index for a partial number, the phone index for a whole one."""
    require(actor, Permission.DESK_WORK)
    digits = normalize_phone(typed)
    if len(digits) < MIN_DIGITS:
        return []
    keys = _key_customers(digits, limit)
    phones = [k["phone"] for k in keys]
    for phone in _contact_phones(digits, limit):
        if phone not in phones:
            phones.append(phone)
    key_by_phone = {k["phone"]: k for k in keys}
    return [_caller(phone, key_by_phone.get(phone), history, exclude_uuid) for phone in phones[:limit]]


def _key_customers(digits: str, limit: int) -> list[dict[str, Any]]:
    """Registered customers whose number contains the digits (a short register: a few hundred at most)."""
    k = KeyCustomer
    where = k.phone == digits if len(digits) >= FULL_DIGITS else k.phone.contains(digits)
    return list(k.select(k.phone, k.name, k.level).where((k.deleted == False) & (k.active == True) & where)  # noqa: E712
                .order_by(k.level, k.name).limit(limit).dicts())


def _contact_phones(digits: str, limit: int) -> list[str]:
    """The numbers of the newest contacts whose number contains the digits, most recent caller first."""
    if len(digits) >= FULL_DIGITS:
        found = Contact.select(Contact.id).where((Contact.phone == digits) & (Contact.deleted == False)).exists()  # noqa: E712
        return [digits] if found else []
    ids = search_index.recent_matching_ids(digits, RECENT_MATCHES)
    if ids is None:
        return []
    rows = (Contact.select(Contact.phone, peewee.fn.MAX(Contact.id).alias("newest"))
            .where(Contact.id.in_(ids) & Contact.phone.contains(digits) & (Contact.deleted == False))  # noqa: E712
            .group_by(Contact.phone).order_by(peewee.SQL("newest DESC")).limit(limit).tuples())
    return [phone for phone, _newest in rows]


def _caller(phone: str, key: dict[str, Any] | None, history: int, exclude_uuid: str | None) -> Caller:
    live = (Contact.phone == phone) & (Contact.deleted == False)  # noqa: E712
    select = Contact.select(Contact.uuid, Contact.number, Contact.received_at, Contact.channel, Contact.category,
                            Contact.customer_name, Contact.request, Contact.status).where(live)
    if exclude_uuid:
        select = select.where(Contact.uuid != exclude_uuid)
    rows = list(select.order_by(Contact.received_at.desc(), Contact.id.desc()).limit(history).dicts())
    count = Contact.select(peewee.fn.COUNT(Contact.id)).where(live).scalar() or 0
    name = key["name"] if key else ""
    if not name:
        named = (Contact.select(Contact.customer_name).where(live & (Contact.customer_name != ""))
                 .order_by(Contact.received_at.desc()).limit(1).scalar())
        name = named or ""
    cases = list(Complaint.select(Complaint.uuid, Complaint.number, Complaint.opened_at, Complaint.subject,
                                  Complaint.stage, Complaint.due_at)
                 .where((Complaint.phone == phone) & (Complaint.deleted == False)  # noqa: E712
                        & (Complaint.stage != Stage.CLOSED.value))
                 .order_by(Complaint.opened_at.desc()).limit(5).dicts())
    return Caller(phone=phone, name=name, level=key["level"] if key else "", contacts=count,
                  last_at=rows[0]["received_at"] if rows else None, history=rows, open_cases=cases)
