"""Excel exports of the module lists: the rows as currently filtered, streamed with the lists' own filters."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import peewee

from frontdesk.db.models import Complaint, Contact, Department, ReturnVisit, Staff, Transfer
from frontdesk.domain import complaints as complaint_domain
from frontdesk.domain import reception as reception_domain
from frontdesk.domain import visits as visit_domain
from frontdesk.domain.roles import ROLE_LABELS, Actor, Permission, Role
from frontdesk.domain.stages import PRIORITY_LABELS, SEVERITY_LABELS, STAGE_LABELS
from frontdesk.excel.exporter import Cancel, Column, Kind, export_rows
from frontdesk.services import complaint_list, reception, staff, transfers, visits
from frontdesk.services.customer_data import guard_phones
from frontdesk.services.listing import ListQuery
from frontdesk.services.permissions import require

Progress = Callable[[int, int | None], None]


@dataclass(frozen=True)
class ListExport:
    """A list ready to stream: sheet title, columns, lazy rows (tuples in column order) and their count."""

    title: str
    columns: list[Column]
    rows: Iterable[tuple[Any, ...]]
    total: int

    def write(self, path: str | os.PathLike[str], progress: Progress | None = None,
              cancel: Cancel | None = None) -> int:
        return export_rows(path, self.title, self.columns, self.rows, total=self.total, progress=progress,
                           cancel=cancel)


def _stream(select: peewee.ModelSelect) -> Iterator[tuple[Any, ...]]:
    """Rows one at a time, the query run on first use: on the thread that writes the file."""
    yield from select.tuples().iterator()


def _order(select: peewee.ModelSelect, query: ListQuery, sort: dict[str, peewee.Node],
           default: tuple[peewee.Node, bool], tiebreak: peewee.Node) -> peewee.ModelSelect:
    node, descending = (sort[query.sort_key], query.descending) if query.sort_key in sort else default
    return select.order_by(node.desc() if descending else node.asc(), tiebreak.desc() if descending else tiebreak)


def _labels(labels: dict[Any, str]) -> dict[Any, str]:
    return {getattr(k, "value", k): v for k, v in labels.items()}


def export_contacts(actor: Actor, query: ListQuery) -> ListExport:
    """The reception list (接待登记) with its filters and search."""
    require(actor, Permission.DESK_WORK)
    where, _only = reception._contact_filters(query, actor)
    owner = Staff.alias()
    select = (Contact.select(Contact.number, Contact.received_at, Contact.channel, Contact.category,
                             Contact.customer_name, Contact.phone, Contact.request, Contact.handling,
                             Contact.reply_mode, Contact.promised_reply_at, Contact.follow_up, Contact.follow_up_due,
                             Contact.status, owner.name, Contact.closed_at)
              .join(owner, on=(Contact.owner == owner.uuid)).where(*where))
    total = Contact.select(Contact.id).where(*where).count()
    label = reception_domain.label
    columns = [
        Column("number", "编号"), Column("received_at", "接待时间", Kind.DATETIME),
        Column("channel", "渠道", Kind.ENUM, labels=label), Column("category", "类别", Kind.ENUM, labels=label),
        Column("customer_name", "客户"), Column("phone", "电话"), Column("request", "核心诉求", width=40),
        Column("handling", "处理情况及结果", width=40), Column("reply_mode", "答复方式", Kind.ENUM, labels=label),
        Column("promised_reply_at", "承诺答复时间", Kind.DATETIME), Column("follow_up", "跟进事项"),
        Column("follow_up_due", "跟进期限", Kind.DATE), Column("status", "状态", Kind.ENUM, labels=label),
        Column("owner", "首问负责人"), Column("closed_at", "办结时间", Kind.DATETIME),
    ]
    select = _order(select, query, reception.CONTACT_SORT, (Contact.received_at, True), Contact.id)
    return ListExport("接待登记", columns, guard_phones(actor, columns, _stream(select)), total)


def export_transfers(actor: Actor, query: ListQuery) -> ListExport:
    """The transfer list (转办督办)."""
    require(actor, Permission.DESK_WORK)
    where = transfers.transfer_filters(query)
    owner = Staff.alias()
    select = (Transfer.select(Contact.number, Contact.customer_name, Contact.request, Department.name,
                              Transfer.transferred_at, Transfer.due_at, Transfer.status, Transfer.chase_count,
                              Transfer.instructions, Transfer.reply, Transfer.result, Transfer.replied_at, owner.name)
              .join(Department, on=(Transfer.department == Department.uuid)).switch(Transfer)
              .join(Contact, on=(Transfer.contact == Contact.uuid)).join(owner, on=(Contact.owner == owner.uuid))
              .where(*where))
    total = Transfer.select(Transfer.id).where(*where).count()
    label = reception_domain.label
    columns = [
        Column("contact_number", "接待编号"), Column("customer_name", "客户"), Column("request", "核心诉求", width=40),
        Column("department", "承办部门"), Column("transferred_at", "转办时间", Kind.DATETIME),
        Column("due_at", "办理期限", Kind.DATETIME), Column("status", "状态", Kind.ENUM, labels=label),
        Column("chase_count", "催办次数", Kind.INT), Column("instructions", "转办说明"),
        Column("reply", "部门答复", width=40), Column("result", "结果"),
        Column("replied_at", "答复时间", Kind.DATETIME), Column("owner", "首问负责人"),
    ]
    select = _order(select, query, transfers.TRANSFER_SORT, (Transfer.due_at, False), Transfer.id)
    return ListExport("转办督办", columns, _stream(select), total)


def export_complaints(actor: Actor, query: ListQuery) -> ListExport:
    """The complaint list (投诉处理)."""
    require(actor, Permission.DESK_WORK)
    where = complaint_list._filters(query)
    dept, person = Department.alias(), Staff.alias()
    select = (Complaint.select(Complaint.number, Complaint.opened_at, Complaint.customer_name, Complaint.phone,
                               Complaint.subject, Complaint.category, Complaint.severity, Complaint.level,
                               Complaint.stage, Complaint.paused, Complaint.due_at, dept.name, person.name,
                               Complaint.satisfaction, Complaint.closed_at)
              .join(dept, peewee.JOIN.LEFT_OUTER, on=(Complaint.department == dept.uuid)).switch(Complaint)
              .join(person, peewee.JOIN.LEFT_OUTER, on=(Complaint.staff == person.uuid)).where(*where))
    total = Complaint.select(Complaint.id).where(*where).count()
    label = complaint_domain.label
    columns = [
        Column("number", "编号"), Column("opened_at", "受理时间", Kind.DATETIME), Column("customer_name", "投诉人"),
        Column("phone", "电话"), Column("subject", "投诉事由", width=40),
        Column("category", "类别", Kind.ENUM, labels=label),
        Column("severity", "严重程度", Kind.ENUM, labels=_labels(SEVERITY_LABELS)),
        Column("level", "等级", Kind.ENUM, labels=_labels(PRIORITY_LABELS)),
        Column("stage", "阶段", Kind.ENUM, labels=_labels(STAGE_LABELS)), Column("paused", "暂停计时", Kind.BOOL),
        Column("due_at", "最近时限", Kind.DATETIME), Column("department", "承办部门"), Column("staff", "归责员工"),
        Column("satisfaction", "满意度", Kind.ENUM, labels=label), Column("closed_at", "结案时间", Kind.DATETIME),
    ]
    select = _order(select, query, complaint_list.SORT, (Complaint.opened_at, True), Complaint.id)
    return ListExport("投诉处理", columns, guard_phones(actor, columns, _stream(select)), total)


def export_visits(actor: Actor, query: ListQuery) -> ListExport:
    """The return-visit history (回访记录)."""
    require(actor, Permission.DESK_WORK)
    where = visits._visit_filters(query, actor)
    visitor = Staff.alias()
    select = (ReturnVisit.select(ReturnVisit.visited_at, ReturnVisit.customer_name, ReturnVisit.phone,
                                 ReturnVisit.method, ReturnVisit.opinions, ReturnVisit.suggestions, ReturnVisit.result,
                                 ReturnVisit.satisfaction, ReturnVisit.next_visit_date, visitor.name)
              .join(visitor, peewee.JOIN.LEFT_OUTER, on=(ReturnVisit.visitor == visitor.uuid)).where(*where))
    total = ReturnVisit.select(ReturnVisit.id).where(*where).count()
    label = visit_domain.label
    columns = [
        Column("visited_at", "回访时间", Kind.DATETIME), Column("customer_name", "客户"), Column("phone", "电话"),
        Column("method", "方式", Kind.ENUM, labels=label), Column("opinions", "客户意见", width=40),
        Column("suggestions", "建议", width=30), Column("result", "回访结果", width=30),
        Column("satisfaction", "满意度", Kind.ENUM, labels=label), Column("next_visit_date", "下次回访", Kind.DATE),
        Column("visitor", "回访人"),
    ]
    select = _order(select, query, visits.VISIT_SORT, (ReturnVisit.visited_at, True), ReturnVisit.id)
    return ListExport("回访记录", columns, guard_phones(actor, columns, _stream(select)), total)


def export_staff(actor: Actor, query: ListQuery) -> ListExport:
    """The staff roster (员工档案); the same columns the roster import reads back."""
    require(actor, Permission.MANAGE_ROSTER)
    where = staff.staff_filters(query)
    select = (Staff.select(Staff.staff_no, Staff.name, Department.name, Staff.position, Staff.role, Staff.phone,
                           Staff.hire_date, Staff.active, Staff.last_login)
              .join(Department, peewee.JOIN.LEFT_OUTER, on=(Staff.department == Department.uuid)).where(*where))
    total = Staff.select(Staff.id).where(*where).count()
    columns = [
        Column("staff_no", "工号"), Column("name", "姓名"), Column("department", "部门"), Column("position", "职位"),
        Column("role", "角色", Kind.ENUM, labels={r.value: ROLE_LABELS[r] for r in Role}),
        Column("phone", "电话"), Column("hire_date", "入职日期", Kind.DATE), Column("active", "在职", Kind.BOOL),
        Column("last_login", "最近登录", Kind.DATETIME),
    ]
    select = _order(select, query, staff.STAFF_SORT, (Staff.staff_no, False), Staff.id)
    return ListExport("员工档案", columns, _stream(select), total)
