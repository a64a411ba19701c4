"""Reception log: register, update and close contacts; customer history; the contact list in SQL."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

import peewee

from frontdesk.clock import now
from frontdesk.db import dialect, search_index
from frontdesk.db.connection import transaction
from frontdesk.db.models import Contact, Staff
from frontdesk.db.numbering import next_number
from frontdesk.domain.phones import normalize_phone
from frontdesk.domain.reception import (
    Category,
    ContactInput,
    ContactStatus,
    ReplyMode,
    contact_problems,
    label,
)
from frontdesk.domain.roles import Actor, Permission
from frontdesk.errors import NotFound, T, ValidationError
from frontdesk.services.complaints import cases as complaints
from frontdesk.services.core import site_filter
from frontdesk.services.core.list_spec import ColumnKind, ListExport, ListSpec, col
from frontdesk.services.core.listing import ListQuery, Page, run_page
from frontdesk.services.core.permissions import require
from frontdesk.services.reception import transfers

MODULE_CODE = "JD"


@dataclass(frozen=True)
class SavedContact:
    """What the form needs after a save."""

    uuid: str
    number: str
    status: str


def _texts(c: Contact) -> list[str]:
    return search_index.contact_texts(c.number, c.customer_name, c.phone, c.request, c.handling)


def save_contact(actor: Actor, data: ContactInput, uuid: str | None = None, revision: int | None = None) -> SavedContact:
    """Register a new contact (the actor becomes its first-ask owner) or update one; ``revision`` is the one the
    form loaded: RecordChanged, nothing saved, when another counter saved the contact since."""
    require(actor, Permission.DESK_WORK)
    moment = now()
    errors = contact_problems(data, moment)
    if errors:
        raise ValidationError(errors)
    with transaction():
        if data.follow_up_owner_uuid and not Staff.live().where(Staff.uuid == data.follow_up_owner_uuid).exists():
            raise ValidationError({"follow_up_owner_uuid": T("errors", "跟进人不存在")})
        if uuid:
            contact = Contact.live().where(Contact.uuid == uuid).first()
            if contact is None:
                raise NotFound(T("errors", "该接待记录不存在或已删除"))
            contact.expect_revision(revision)
            old_texts = _texts(contact)
            old_category = contact.category
        else:
            received = data.received_at or moment
            contact = Contact(
                number=next_number(MODULE_CODE, received.date()),
                received_at=received,
                owner=actor.uuid,
                status=ContactStatus.OPEN.value,
            )
            old_texts = old_category = None
        contact.channel = data.channel
        contact.category = data.category
        contact.customer_name = data.customer_name.strip()
        contact.phone = normalize_phone(data.phone)
        contact.request = data.request.strip()
        contact.handling = data.handling.strip()
        contact.reply_mode = data.reply_mode
        contact.promised_reply_at = data.promised_reply_at if data.reply_mode == ReplyMode.LATER.value else None
        contact.follow_up = data.follow_up.strip()
        contact.follow_up_owner = data.follow_up_owner_uuid if contact.follow_up else None
        contact.follow_up_due = data.follow_up_due if contact.follow_up else None
        closing = data.close_now and contact.status in (ContactStatus.OPEN.value, ContactStatus.TRANSFERRED.value)
        if closing:
            contact.status = ContactStatus.CLOSED.value
            contact.closed_at = moment
        contact.save()
        if closing and uuid:
            transfers.finish_for_closed_contact(contact.uuid)
        if old_texts is None:
            search_index.add(contact.id, _texts(contact))
            if contact.category == Category.COMPLAINT.value:
                complaints.open_from_contact(actor, contact)  # a 投诉 contact opens its case, in this transaction
        else:
            search_index.replace(contact.id, old_texts, _texts(contact))
            if contact.category == Category.COMPLAINT.value and old_category != contact.category:
                complaints.open_from_contact(actor, contact)  # re-categorised as 投诉: its case opens now
        return SavedContact(contact.uuid, contact.number, contact.status)


def close_contact(actor: Actor, uuid: str, handling: str, revision: int | None = None) -> None:
    """办结: record the handling and result and close the contact."""
    require(actor, Permission.DESK_WORK)
    if not handling.strip():
        raise ValidationError({"handling": T("errors", "办结前请填写处理情况及结果")})
    with transaction():
        contact = Contact.live().where(Contact.uuid == uuid).first()
        if contact is None:
            raise NotFound(T("errors", "该接待记录不存在或已删除"))
        contact.expect_revision(revision)
        if contact.status in (ContactStatus.CLOSED.value, ContactStatus.VISITED.value):
            raise ValidationError({"status": T("errors", "该记录已办结")})
        old = _texts(contact)
        contact.handling = handling.strip()
        contact.status = ContactStatus.CLOSED.value
        contact.closed_at = now()
        contact.save()
        search_index.replace(contact.id, old, _texts(contact))
        transfers.finish_for_closed_contact(contact.uuid)


def get_contact(actor: Actor, uuid: str) -> dict[str, Any]:
    require(actor, Permission.DESK_WORK)
    owner = Staff.alias()
    row = (
        Contact.select(Contact, owner.name.alias("owner_name"), owner.staff_no.alias("owner_no"))
        .join(owner, on=(Contact.owner == owner.uuid))
        .where((Contact.uuid == uuid) & (Contact.deleted == False))  # noqa: E712
        .dicts()
        .first()
    )
    if row is None:
        raise NotFound(T("errors", "该接待记录不存在或已删除"))
    row["owner_uuid"] = row.pop("owner")
    row["follow_up_owner_uuid"] = row.pop("follow_up_owner")
    return row


def to_input(row: dict[str, Any]) -> ContactInput:
    """The form values of a stored contact."""
    return ContactInput(
        channel=row["channel"],
        category=row["category"],
        customer_name=row["customer_name"],
        phone=row["phone"],
        request=row["request"],
        handling=row["handling"],
        reply_mode=row["reply_mode"],
        promised_reply_at=row["promised_reply_at"],
        follow_up=row["follow_up"],
        follow_up_owner_uuid=row["follow_up_owner_uuid"],
        follow_up_due=row["follow_up_due"],
    )


def customer_history(actor: Actor, phone: str, exclude_uuid: str | None = None, limit: int = 10) -> list[dict]:
    """Earlier contacts from the same phone number, newest first."""
    require(actor, Permission.DESK_WORK)
    digits = normalize_phone(phone)
    if len(digits) < 7:
        return []
    select = (
        Contact.select(
            Contact.uuid, Contact.number, Contact.received_at, Contact.channel, Contact.category,
            Contact.customer_name, Contact.request, Contact.status,
        )
        .where((Contact.phone == digits) & (Contact.deleted == False))  # noqa: E712
        .order_by(Contact.received_at.desc())
        .limit(limit)
    )
    if exclude_uuid:
        select = select.where(Contact.uuid != exclude_uuid)
    return list(select.dicts())


# Above this many text matches a sorted search walks the sort column's index instead of sorting
# the matches: about sqrt(50 rows a page × 1,000,000 rows), where the two costs cross.
SCAN_WHEN_MATCHES_OVER = 5_000

_OWNER = Staff.alias("owner")
_FOLLOWER = Staff.alias("follower")
_ENUM, _TEXT, _LONG = ColumnKind.ENUM, ColumnKind.TEXT, ColumnKind.LONG_TEXT
_TIME, _DATE = ColumnKind.DATETIME, ColumnKind.DATE
CONTACTS = ListSpec(T("columns", "接待登记"), (
    col("number", T("columns", "编号"), _TEXT, Contact.number, sort=True),
    col("received_at", T("columns", "接待时间"), _TIME, Contact.received_at, sort=True),
    col("channel", T("columns", "渠道"), _ENUM, Contact.channel, sort=True, labels=label),
    col("category", T("columns", "类别"), _ENUM, Contact.category, sort=True, labels=label),
    col("customer_name", T("columns", "客户"), _TEXT, Contact.customer_name, sort=True),
    col("phone", T("columns", "电话"), ColumnKind.CUSTOMER_PHONE, Contact.phone, sort=True),
    col("request", T("columns", "核心诉求"), _LONG, Contact.request),
    col("handling", T("columns", "处理情况及结果"), _LONG, Contact.handling),
    col("reply_mode", T("columns", "答复方式"), _ENUM, Contact.reply_mode, labels=label),
    col("promised_reply_at", T("columns", "承诺答复时间"), _TIME, Contact.promised_reply_at, sort=True),
    col("follow_up", T("columns", "跟进事项"), _TEXT, Contact.follow_up),
    col("follow_up_owner_name", T("columns", "跟进人"), _TEXT, _FOLLOWER.name),
    col("follow_up_due", T("columns", "跟进期限"), _DATE, Contact.follow_up_due, sort=True),
    col("status", T("columns", "状态"), _ENUM, Contact.status, sort=True, labels=label),
    col("owner_name", T("columns", "首问负责人"), _TEXT, _OWNER.name),
    col("closed_at", T("columns", "办结时间"), _TIME, Contact.closed_at, listed=False),
), default_order=(Contact.received_at, True), tiebreak=Contact.id)
CONTACT_SORT = CONTACTS.sort_fields


def _contact_filters(query: ListQuery, actor: Actor, walk: bool = True) -> tuple[list[peewee.Expression], bool]:
    """The WHERE terms, and whether they hold nothing but the search text (a cheaper count then); ``walk``:
    a page may check a common word row by row along its sort (an export, which reads every match, never)."""
    f = query.filters
    where: list[peewee.Expression] = [Contact.deleted == False]  # noqa: E712
    if f.get("date_from"):
        where.append(Contact.received_at >= datetime.combine(f["date_from"], time.min))
    if f.get("date_to"):
        where.append(Contact.received_at < datetime.combine(f["date_to"] + timedelta(days=1), time.min))
    for key in ("channel", "category", "status"):
        if f.get(key):
            where.append(getattr(Contact, key) == f[key])
    if f.get("open_only"):
        where.append(Contact.status.in_([ContactStatus.OPEN.value, ContactStatus.TRANSFERRED.value]))
    if f.get("mine"):
        where.append(Contact.owner == actor.uuid)
    if f.get("due"):
        where += due_filters(f["due"])
    where += site_filter.site_terms(query, Contact.site_code)
    only_search = len(where) == 1
    text = query.search.strip()
    if text:
        if _exact_kind(text) == "phone":
            where.append(Contact.phone == normalize_phone(text))
            only_search = False
        elif _exact_kind(text) == "number":
            where.append(Contact.number == text.upper())
            only_search = False
        else:
            ids = search_index.matching_ids(text)
            if ids is not None and walk and _walks(text):
                # PostgreSQL, a common word: walk the sort order's index checking each row's grams by key.
                where.append(search_index.row_matches(text, Contact.id))
            elif ids is not None:
                if query.sort_key in CONTACT_SORT and search_index.count(text) > SCAN_WHEN_MATCHES_OVER:
                    # Many matches, sorted by a column: walking that column's index and keeping the
                    # matching rows finds a page sooner than sorting every match (id+0 keeps SQLite
                    # from driving the query by the match list).
                    where.append(dialect.bare_id(Contact.id).in_(ids))
                else:
                    where.append(Contact.id.in_(ids))
    return where, only_search


OPEN_STATUSES = (ContactStatus.OPEN.value, ContactStatus.TRANSFERRED.value)
DUE_KINDS = ("reply", "follow_up")


def due_filters(kind: str, day: date | None = None) -> list[peewee.Expression]:
    """Open contacts whose promised reply (``reply``) or follow-up (``follow_up``) is due today or overdue."""
    day = day or now().date()
    where = [Contact.deleted == False, Contact.status.in_(OPEN_STATUSES)]  # noqa: E712
    if kind == "reply":
        return where + [Contact.reply_mode == ReplyMode.LATER.value,
                        Contact.promised_reply_at < datetime.combine(day + timedelta(days=1), time.min)]
    if kind == "follow_up":
        return where + [Contact.follow_up != "", Contact.follow_up_due <= day]
    raise ValueError(kind)


def due_count(actor: Actor, kind: str, day: date | None = None) -> int:
    """How many open contacts the list filtered ``due=kind`` shows (工作台, 交接班)."""
    require(actor, Permission.DESK_WORK)
    return Contact.select(peewee.fn.COUNT(Contact.id)).where(*due_filters(kind, day)).scalar() or 0


def due_contacts(actor: Actor, kind: str, limit: int, day: date | None = None) -> list[dict[str, Any]]:
    """The first ``limit`` of those, soonest due first, with the follow-up owner's name."""
    require(actor, Permission.DESK_WORK)
    order = Contact.promised_reply_at if kind == "reply" else Contact.follow_up_due
    return list(_contacts([Contact.number, Contact.customer_name, Contact.request, Contact.promised_reply_at,
                           Contact.follow_up, Contact.follow_up_due, Contact.status,
                           _FOLLOWER.name.alias("follow_up_owner_name")], due_filters(kind, day))
                .order_by(order, Contact.id).limit(limit).dicts())


# PostgreSQL: above this many contacts an unfiltered list shows the planner's estimate (约 N 条) instead of
# counting the table (a third of a second at 10M), and a filtered search counts no further than COUNT_CAP.
ESTIMATE_OVER = 200_000
COUNT_CAP = 10_000


def _exact_kind(text: str) -> str:
    """``phone`` (11 digits) or ``number`` (a contact number) when the search is an exact lookup, else ``""``."""
    if text.isdigit() and len(normalize_phone(text)) == 11:
        return "phone"
    if text.upper().count("-") == 3 and text[:1].isalpha():
        return "number"
    return ""


def _walks(text: str) -> bool:
    """Whether a search for ``text`` walks the sort order's index (PostgreSQL, a word so common that a page
    of it is met sooner than its matches are collected): matches² above 250 × the contacts, where the two
    costs cross (a page of 50, a per-row check about five times a gram posting's cost)."""
    matches = search_index.estimated_matches(text)
    rows = dialect.estimated_rows("contact") or 0
    return matches is not None and matches > SCAN_WHEN_MATCHES_OVER and matches * matches > 250 * rows


def _count(where: list[peewee.Expression], only_search: bool, text: str) -> tuple[int, bool]:
    """(total, whether it is approximate). Counting a million rows through the deleted flag reads the
    table; these paths do not. On PostgreSQL a big total is an estimate or a count capped at COUNT_CAP."""
    if only_search and len(where) == 1:  # everything live: all rows less the tombstones
        estimate = dialect.estimated_rows("contact")
        if estimate is not None and estimate > ESTIMATE_OVER:
            return estimate, True
        return Contact.select().count() - Contact.select().where(Contact.deleted == True).count(), False  # noqa: E712
    searchable = search_index.searchable(text) if text and not _exact_kind(text) else False
    if searchable and _walks(text):
        estimate = search_index.estimated_matches(text) or 0
        if only_search:
            return estimate, True
        ids = search_index.matching_ids(text)
        cheap = [w for w in where if not isinstance(w, peewee.NodeList)] + [Contact.id.in_(ids)]
        counted = Contact.select(Contact.id).where(*cheap).limit(COUNT_CAP + 1).count()
        return min(counted, COUNT_CAP), counted > COUNT_CAP
    if only_search and searchable:  # the index holds live rows only
        return search_index.count(text), False
    return Contact.select(Contact.id).where(*where).count(), False


def list_mark(actor: Actor) -> int:
    """What the reception list's poll compares: the newest change number of any contact (one index probe);
    it moves with every new, edited or deleted contact, whichever counter (or import) wrote it."""
    require(actor, Permission.DESK_WORK)
    return Contact.select(peewee.fn.MAX(Contact.change_seq)).scalar() or 0


def list_contacts(actor: Actor, query: ListQuery) -> Page:
    """The reception list: filter, search (number, phone, name, request and handling), sort, page."""
    require(actor, Permission.DESK_WORK)
    where, only_search = _contact_filters(query, actor)
    select = _contacts(CONTACTS.list_fields(Contact.uuid, Contact.revision), where)  # revision: 办结 checks it
    searching = search_index.searchable(query.search.strip()) and len(where) > 1
    # Newest first; while searching by text, by registration order (the id), which the search
    # index returns already ordered, instead of sorting every match by time.
    default = (Contact.id, True) if searching else (Contact.received_at, True)
    total, approximate = _count(where, only_search, query.search.strip())
    return run_page(select, query, CONTACT_SORT, default, Contact.id, total=total, approximate=approximate)


def export_contacts(actor: Actor, query: ListQuery) -> ListExport:
    """The reception list as filtered, every row (not one page), for Excel."""
    require(actor, Permission.DESK_WORK)
    where, _only_search = _contact_filters(query, actor, walk=False)
    total = Contact.select(Contact.id).where(*where).count()
    return CONTACTS.export(actor, lambda fields: _contacts(fields, where), query, total)


def _contacts(fields: list[peewee.Node], where: list[peewee.Expression]) -> peewee.ModelSelect:
    return (Contact.select(*fields).join(_OWNER, on=(Contact.owner == _OWNER.uuid)).switch(Contact)
            .join(_FOLLOWER, peewee.JOIN.LEFT_OUTER, on=(Contact.follow_up_owner == _FOLLOWER.uuid)).where(*where))
