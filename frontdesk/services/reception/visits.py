"""Return visits (回访): record a visit, the due list in SQL, the visit history and key customers."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

import peewee
from peewee import SQL, Case, Value, fn

from frontdesk.clock import now
from frontdesk.db import dialect
from frontdesk.db.connection import database, transaction
from frontdesk.db.models import Complaint, Contact, KeyCustomer, ReturnVisit, Staff, current_site_code
from frontdesk.domain import satisfaction as three_dimensions
from frontdesk.domain.phones import normalize_phone
from frontdesk.domain.reception import ContactStatus
from frontdesk.domain.roles import Actor, Permission
from frontdesk.domain.stages import Stage
from frontdesk.domain.visits import (
    VISITS_PER_YEAR,
    DueKind,
    KeyCustomerInput,
    VisitInput,
    key_customer_problems,
    label,
    visit_problems,
    year_bounds,
)
from frontdesk.errors import NotFound, PermissionDenied, T, ValidationError
from frontdesk.services.core import audit, site_filter
from frontdesk.services.core.list_spec import ColumnKind, ListExport, ListSpec, col
from frontdesk.services.core.listing import ListQuery, Page, like_pattern, run_page
from frontdesk.services.core.permissions import require

VISIT_FIELDS = (
    "customer_name", "phone", "method", "visited_at", "opinions", "suggestions", "result", "satisfaction",
    "next_visit_date", "contact_uuid", "complaint_uuid", "sat_speed", "sat_result", "sat_communication",
)
NOT_DELETED = False


def _values(visit: ReturnVisit) -> dict[str, Any]:
    row = {f: getattr(visit, f) for f in VISIT_FIELDS if f not in ("contact_uuid", "complaint_uuid")}
    row["contact_uuid"] = visit.contact_uuid
    row["complaint_uuid"] = visit.complaint_uuid
    return row


def _check_links(data: VisitInput) -> tuple[Contact | None, dict[str, str]]:
    errors: dict[str, str] = {}
    contact = None
    if data.contact_uuid:
        contact = Contact.live().where(Contact.uuid == data.contact_uuid).first()
        if contact is None:
            errors["contact_uuid"] = T("errors", "关联的接待记录不存在")
    if data.complaint_uuid and not Complaint.live().where(Complaint.uuid == data.complaint_uuid).exists():
        errors["complaint_uuid"] = T("errors", "关联的投诉不存在")
    return contact, errors


def record_visit(actor: Actor, data: VisitInput, uuid: str | None = None) -> str:
    """Save a visit (new, or a correction by its visitor or a manager); a linked closed contact becomes 已回访."""
    require(actor, Permission.DESK_WORK)
    moment = now()
    if data.visited_at is None and uuid is None:
        data.visited_at = moment
    errors = visit_problems(data, moment)
    if errors:
        raise ValidationError(errors)
    with transaction():
        contact, link_errors = _check_links(data)
        if link_errors:
            raise ValidationError(link_errors)
        if uuid:
            visit = ReturnVisit.live().where(ReturnVisit.uuid == uuid).first()
            if visit is None:
                raise NotFound(T("errors", "该回访记录不存在或已删除"))
            if visit.visitor_uuid != actor.uuid and not actor.can(Permission.MANAGE_REFERENCE):
                raise PermissionDenied(T("errors", "只有回访人本人或主管可以修改这条回访记录。"))
            old = _values(visit)
        else:
            visit, old = ReturnVisit(visitor=actor.uuid), None
        visit.customer_name = data.customer_name.strip()
        visit.phone = normalize_phone(data.phone)
        visit.method = data.method
        visit.visited_at = data.visited_at
        visit.opinions = data.opinions.strip()
        visit.suggestions = data.suggestions.strip()
        visit.result = data.result.strip()
        dims, visit.satisfaction = three_dimensions.resolve(
            {name: getattr(data, name) for name in three_dimensions.FIELDS.values()}, data.satisfaction)
        for name, value in dims.items():
            setattr(visit, name, value)
        visit.next_visit_date = data.next_visit_date
        visit.contact = data.contact_uuid or None
        visit.complaint = data.complaint_uuid or None
        visit.save()
        if contact is not None and contact.status == ContactStatus.CLOSED.value:
            contact.status = ContactStatus.VISITED.value
            contact.save()
        if old is not None:
            audit.record(actor, "return_visit", visit.uuid, "update", old, _values(visit))
        return visit.uuid


def get_visit(actor: Actor, uuid: str) -> dict[str, Any]:
    require(actor, Permission.DESK_WORK)
    row = ReturnVisit.live().where(ReturnVisit.uuid == uuid).dicts().first()
    if row is None:
        raise NotFound(T("errors", "该回访记录不存在或已删除"))
    row["contact_uuid"] = row.pop("contact")
    row["complaint_uuid"] = row.pop("complaint")
    row["visitor_uuid"] = row.pop("visitor")
    return row


def to_input(row: dict[str, Any]) -> VisitInput:
    """The form values of a stored visit (from get_visit)."""
    return VisitInput(**{f: row[f] for f in VISIT_FIELDS})


def input_for_due(row: dict[str, Any]) -> VisitInput:
    """A new visit pre-filled from a due-list row (customer, phone and the complaint/contact it is for)."""
    return VisitInput(
        customer_name=row.get("customer_name") or "",
        phone=row.get("phone") or "",
        contact_uuid=row.get("contact_uuid"),
        complaint_uuid=row.get("complaint_uuid"),
    )


_VISITOR = Staff.alias("visitor")
VISITS = ListSpec(T("columns", "回访记录"), (
    col("visited_at", T("columns", "回访时间"), ColumnKind.DATETIME, ReturnVisit.visited_at, sort=True),
    col("customer_name", T("columns", "客户"), ColumnKind.TEXT, ReturnVisit.customer_name, sort=True),
    col("phone", T("columns", "电话"), ColumnKind.CUSTOMER_PHONE, ReturnVisit.phone, sort=True),
    col("method", T("columns", "方式"), ColumnKind.ENUM, ReturnVisit.method, sort=True, labels=label),
    col("opinions", T("columns", "客户意见"), ColumnKind.LONG_TEXT, ReturnVisit.opinions),
    col("suggestions", T("columns", "建议"), ColumnKind.TEXT, ReturnVisit.suggestions, width=30),
    col("result", T("columns", "回访结果"), ColumnKind.TEXT, ReturnVisit.result, width=30),
    col("satisfaction", T("columns", "满意度"), ColumnKind.ENUM, ReturnVisit.satisfaction, sort=True, labels=label),
    col("sat_speed", T("columns", "处理速度"), ColumnKind.ENUM, ReturnVisit.sat_speed, labels=label),
    col("sat_result", T("columns", "处理结果"), ColumnKind.ENUM, ReturnVisit.sat_result, labels=label),
    col("sat_communication", T("columns", "沟通态度"), ColumnKind.ENUM, ReturnVisit.sat_communication, labels=label),
    col("next_visit_date", T("columns", "下次回访"), ColumnKind.DATE, ReturnVisit.next_visit_date, sort=True),
    col("visitor_name", T("columns", "回访人"), ColumnKind.TEXT, _VISITOR.name),
), default_order=(ReturnVisit.visited_at, True), tiebreak=ReturnVisit.id)
VISIT_SORT = VISITS.sort_fields


def _visit_filters(query: ListQuery, actor: Actor) -> list[peewee.Expression]:
    f = query.filters
    where: list[peewee.Expression] = [ReturnVisit.deleted == NOT_DELETED]
    if f.get("date_from"):
        where.append(ReturnVisit.visited_at >= datetime.combine(f["date_from"], time.min))
    if f.get("date_to"):
        where.append(ReturnVisit.visited_at < datetime.combine(f["date_to"] + timedelta(days=1), time.min))
    for key in ("method", "satisfaction"):
        if f.get(key):
            where.append(getattr(ReturnVisit, key) == f[key])
    if f.get("mine"):
        where.append(ReturnVisit.visitor == actor.uuid)
    if f.get("complaint_uuid"):
        where.append(ReturnVisit.complaint == f["complaint_uuid"])
    text = query.search.strip()
    if text:
        digits = normalize_phone(text)
        if text.isdigit() and len(digits) >= 7:
            where.append(ReturnVisit.phone == digits)
        else:
            where.append(ReturnVisit.customer_name ** like_pattern(text) | ReturnVisit.result ** like_pattern(text))
    return where


def list_visits(actor: Actor, query: ListQuery) -> Page:
    """The visit history: filter (dates, method, satisfaction, mine), search name/phone/result, sort, page."""
    require(actor, Permission.DESK_WORK)
    where = _visit_filters(query, actor)
    select = _visits(VISITS.list_fields(ReturnVisit.uuid, ReturnVisit.contact.alias("contact_uuid"),
                                        ReturnVisit.complaint.alias("complaint_uuid")), where)
    count = ReturnVisit.select(ReturnVisit.id).where(*where)
    return VISITS.page(select, query, count_select=count)


def export_visits(actor: Actor, query: ListQuery) -> ListExport:
    """The visit history as filtered, every row, for Excel."""
    require(actor, Permission.DESK_WORK)
    where = _visit_filters(query, actor)
    total = ReturnVisit.select(ReturnVisit.id).where(*where).count()
    return VISITS.export(actor, lambda fields: _visits(fields, where), query, total)


def _visits(fields: list[peewee.Node], where: list[peewee.Expression]) -> peewee.ModelSelect:
    return (ReturnVisit.select(*fields)
            .join(_VISITOR, peewee.JOIN.LEFT_OUTER, on=(ReturnVisit.visitor == _VISITOR.uuid)).where(*where))


def _year_count(phone: peewee.Node, today: date) -> peewee.Select:
    start, end = year_bounds(today)
    v = ReturnVisit.alias("yv")
    return v.select(fn.COUNT(v.id)).where(
        (v.phone == phone) & (v.deleted == NOT_DELETED) & (v.visited_at >= start) & (v.visited_at < end)
    )


def _due_complaints(search: str) -> peewee.Select | None:
    if not database.obj.table_exists(Complaint._meta.table_name):
        return None
    c, v, w = Complaint, ReturnVisit.alias("cv"), ReturnVisit.alias("cw")
    # two NOT EXISTS (by complaint, by its contact) so each is answered from its own index
    visited = v.select(SQL("1")).where((v.complaint == c.uuid) & (v.deleted == NOT_DELETED))
    contact_visited = w.select(SQL("1")).where((w.contact == c.contact) & (w.deleted == NOT_DELETED))
    select = c.select(
        Value(DueKind.COMPLAINT.value).alias("kind"), c.uuid.alias("ref_uuid"), c.customer_name.alias("customer_name"),
        c.phone.alias("phone"), c.contact.alias("contact_uuid"), c.uuid.alias("complaint_uuid"),
        fn.DATE(c.closed_at).alias("due_date"), c.number.concat(" ").concat(c.subject).alias("detail"),
        SQL("NULL").alias("visits_this_year"),
    ).where(
        (c.deleted == NOT_DELETED) & (c.stage == Stage.CLOSED.value) & ~fn.EXISTS(visited)
        & (c.contact.is_null() | ~fn.EXISTS(contact_visited))
    )
    if search:
        select = select.where((c.customer_name ** like_pattern(search)) | (c.phone ** like_pattern(search)))
    return select


def _due_customers(search: str, today: date) -> peewee.Select:
    k = KeyCustomer
    count = _year_count(k.phone, today)
    select = k.select(
        Value(DueKind.CUSTOMER.value).alias("kind"), k.uuid.alias("ref_uuid"), k.name.alias("customer_name"),
        k.phone.alias("phone"), SQL("NULL").alias("contact_uuid"), SQL("NULL").alias("complaint_uuid"),
        Case(None, [(count == 0, dialect.as_date(date(today.year, 6, 30)))],
             dialect.as_date(date(today.year, 12, 31))).alias("due_date"),
        k.level.alias("detail"), count.alias("visits_this_year"),
    ).where((k.deleted == NOT_DELETED) & (k.active == True) & (count < VISITS_PER_YEAR))  # noqa: E712
    if search:
        select = select.where((k.name ** like_pattern(search)) | (k.phone ** like_pattern(search)))
    return select


def _due_next_visits(search: str, today: date) -> peewee.Select:
    v, later = ReturnVisit, ReturnVisit.alias("lv")
    same_customer = ((v.phone != "") & (later.phone == v.phone)) | ((v.phone == "") & (later.customer_name == v.customer_name))
    followed = later.select(SQL("1")).where(
        (later.deleted == NOT_DELETED) & (later.visited_at > v.visited_at) & same_customer
    )
    select = v.select(
        Value(DueKind.NEXT_VISIT.value).alias("kind"), v.uuid.alias("ref_uuid"), v.customer_name.alias("customer_name"),
        v.phone.alias("phone"), v.contact.alias("contact_uuid"), v.complaint.alias("complaint_uuid"),
        v.next_visit_date.alias("due_date"), v.result.alias("detail"), SQL("NULL").alias("visits_this_year"),
    ).where(
        (v.deleted == NOT_DELETED) & v.next_visit_date.is_null(False) & (v.next_visit_date <= today)
        & ~fn.EXISTS(followed)
    )
    if search:
        select = select.where((v.customer_name ** like_pattern(search)) | (v.phone ** like_pattern(search)))
    return select


DUE_SORT = {key: SQL(f'"{key}"') for key in ("due_date", "customer_name", "phone", "kind")}


def list_due(actor: Actor, query: ListQuery, today: date | None = None) -> Page:
    """Who is due a visit, in one SQL UNION: closed complaints never visited; key and regular customers
    visited fewer than twice this calendar year; visits whose agreed next date has come.

    Filter ``kind`` (a DueKind) keeps one of the three; ``site`` one site's (head office); search matches name or phone.
    """
    require(actor, Permission.DESK_WORK)
    today = today or now().date()
    kind, search = query.filters.get("kind"), query.search.strip()
    parts: list[peewee.Select] = []
    if kind in (None, "", DueKind.COMPLAINT.value):
        complaints = _due_complaints(search)
        if complaints is not None:
            parts.append(complaints.where(*site_filter.site_terms(query, Complaint.site_code)))
    if kind in (None, "", DueKind.CUSTOMER.value):
        parts.append(_due_customers(search, today).where(*site_filter.site_terms(query, KeyCustomer.site_code)))
    if kind in (None, "", DueKind.NEXT_VISIT.value):
        parts.append(_due_next_visits(search, today).where(*site_filter.site_terms(query, ReturnVisit.site_code)))
    if not parts:
        return Page(rows=[], total=0, page=0, page_size=query.page_size)
    union = parts[0]
    for part in parts[1:]:
        union = union + part  # UNION ALL
    # from a subquery, so "due_date" and the other names are columns (PostgreSQL reads no alias in WHERE)
    union = peewee.Select([union.alias("due")], [SQL("*")]).bind(database)
    page = run_page(union, query, DUE_SORT, (SQL('"due_date"'), False), SQL('"ref_uuid"'))
    for row in page.rows:
        due = row.get("due_date")
        if isinstance(due, datetime):
            row["due_date"] = due.date()
        elif isinstance(due, str) and due:
            row["due_date"] = date.fromisoformat(due[:10])
        row["overdue"] = isinstance(row["due_date"], date) and row["due_date"] < today
    return page


def due_count(actor: Actor, today: date | None = None, site: str | None = None) -> int:
    """How many visits are due (for a badge; ``site``: one site's only)."""
    return list_due(actor, ListQuery(page_size=1, filters={site_filter.FILTER: site} if site else {}), today).total


def _customer_values(k: KeyCustomer) -> dict[str, Any]:
    return {"name": k.name, "phone": k.phone, "level": k.level, "note": k.note, "active": k.active}


def save_key_customer(actor: Actor, data: KeyCustomerInput, uuid: str | None = None) -> str:
    """Add or edit a key/regular customer (any desk user); the phone is unique per site."""
    require(actor, Permission.DESK_WORK)
    errors = key_customer_problems(data)
    phone = normalize_phone(data.phone)
    with transaction():
        if "phone" not in errors:
            clash = KeyCustomer.live().where((KeyCustomer.phone == phone) & (KeyCustomer.site_code == current_site_code()))
            if uuid:
                clash = clash.where(KeyCustomer.uuid != uuid)
            other = clash.first()
            if other is not None:
                errors["phone"] = (
                    T("errors", "该电话已登记为“{0}”").format(other.name) if other.active else T("errors", "该电话已登记为“{0}”（已停用，请主管重新启用）").format(other.name)
                )
        if errors:
            raise ValidationError(errors)
        if uuid:
            customer = KeyCustomer.live().where(KeyCustomer.uuid == uuid).first()
            if customer is None:
                raise NotFound(T("errors", "该客户不存在或已删除"))
            old = _customer_values(customer)
        else:
            customer, old = KeyCustomer(), None
        customer.name, customer.phone, customer.level = data.name.strip(), phone, data.level
        customer.note = data.note.strip()
        customer.save()
        audit.record(actor, "key_customer", customer.uuid, "update" if old else "create", old, _customer_values(customer))
        return customer.uuid


def set_key_customer_active(actor: Actor, uuid: str, active: bool) -> None:
    """Deactivate (or re-activate) a key customer: managers only."""
    require(actor, Permission.MANAGE_REFERENCE)
    with transaction():
        customer = KeyCustomer.live().where(KeyCustomer.uuid == uuid).first()
        if customer is None:
            raise NotFound(T("errors", "该客户不存在或已删除"))
        if customer.active == active:
            return
        customer.active = active
        customer.save()
        audit.record(actor, "key_customer", uuid, "activate" if active else "deactivate",
                     {"active": not active}, {"active": active})


def list_key_customers(actor: Actor, query: ListQuery, today: date | None = None) -> Page:
    """Key and regular customers with this year's visit count; filters ``active`` (default on) and ``level``."""
    require(actor, Permission.DESK_WORK)
    today = today or now().date()
    k = KeyCustomer
    where: list[peewee.Expression] = [k.deleted == NOT_DELETED]
    active = query.filters.get("active", True)
    if active is not None:
        where.append(k.active == bool(active))
    if query.filters.get("level"):
        where.append(k.level == query.filters["level"])
    text = query.search.strip()
    if text:
        where.append((k.name ** like_pattern(text)) | (k.phone ** like_pattern(text)))
    last = ReturnVisit.alias("kv")
    last_visit = last.select(fn.MAX(last.visited_at)).where((last.phone == k.phone) & (last.deleted == NOT_DELETED))
    select = k.select(
        k.uuid, k.name, k.phone, k.level, k.note, k.active, _year_count(k.phone, today).alias("visits_this_year"),
        last_visit.alias("last_visit_at"),
    ).where(*where)
    sort = {"name": k.name, "phone": k.phone, "level": k.level, "visits_this_year": SQL('"visits_this_year"')}
    page = run_page(select, query, sort, (k.name, False), k.id, count_select=k.select(k.id).where(*where))
    for row in page.rows:
        if isinstance(row.get("last_visit_at"), str):
            row["last_visit_at"] = datetime.fromisoformat(row["last_visit_at"])
    return page


def get_key_customer(actor: Actor, uuid: str) -> dict[str, Any]:
    require(actor, Permission.DESK_WORK)
    row = KeyCustomer.live().where(KeyCustomer.uuid == uuid).dicts().first()
    if row is None:
        raise NotFound(T("errors", "该客户不存在或已删除"))
    return row
