"""The complaint list in SQL (filters, search, sort, pages), the overdue count and the transfer slip."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import peewee

from frontdesk.clock import now
from frontdesk.db.models import Complaint, ComplaintEvent, Department, Staff
from frontdesk.domain import scan_codes
from frontdesk.domain.complaints import label
from frontdesk.domain.labels import labeller
from frontdesk.domain.phones import normalize_phone
from frontdesk.domain.printdoc import PrintDocument, Table
from frontdesk.domain.roles import Actor, Permission
from frontdesk.domain.sla import CaseFlowError, Priority, Severity, Stage
from frontdesk.domain.stages import PRIORITY_LABELS, SEVERITY_LABELS, STAGE_LABELS
from frontdesk.errors import Message, T
from frontdesk.services.complaints import cases as complaints
from frontdesk.services.core import site_filter
from frontdesk.services.core.list_spec import ColumnKind, ListExport, ListSpec, col
from frontdesk.services.core.listing import ListQuery, Page, like_pattern
from frontdesk.services.core.permissions import require

OPEN_STAGES = [s.value for s in Stage if s is not Stage.CLOSED]
_DEPT, _STAFF, _HANDLER = Department.alias("dept"), Staff.alias("person"), Staff.alias("handler")
_ENUM, _TEXT, _TIME = ColumnKind.ENUM, ColumnKind.TEXT, ColumnKind.DATETIME
COMPLAINTS = ListSpec(T("columns", "投诉处理"), (
    col("number", T("columns", "编号"), _TEXT, Complaint.number, sort=True),
    col("opened_at", T("columns", "受理时间"), _TIME, Complaint.opened_at, sort=True),
    col("customer_name", T("columns", "投诉人"), _TEXT, Complaint.customer_name, sort=True),
    col("phone", T("columns", "电话"), ColumnKind.CUSTOMER_PHONE, Complaint.phone, sort=True),
    col("subject", T("columns", "投诉事由"), ColumnKind.LONG_TEXT, Complaint.subject),
    col("category", T("columns", "类别"), _ENUM, Complaint.category, sort=True, labels=label),
    col("severity", T("columns", "严重程度"), _ENUM, Complaint.severity, sort=True, labels=labeller(SEVERITY_LABELS)),
    col("level", T("columns", "等级"), _ENUM, Complaint.level, sort=True, labels=labeller(PRIORITY_LABELS)),
    col("stage", T("columns", "当前阶段"), _ENUM, Complaint.stage, sort=True, labels=labeller(STAGE_LABELS)),
    col("paused", T("columns", "暂停计时"), ColumnKind.BOOL, Complaint.paused),
    col("due_at", T("columns", "最近时限"), _TIME, Complaint.due_at, sort=True),
    col("due_clock", T("columns", "时限类别")),  # the clock due first, from the case's log (list only)
    col("remaining", T("columns", "本阶段剩余")),  # from the case's log, in Python (list only)
    col("department_name", T("columns", "承办部门"), _TEXT, _DEPT.name),
    col("handler_name", T("columns", "承办人"), _TEXT, _HANDLER.name),
    col("staff_name", T("columns", "归责员工"), _TEXT, _STAFF.name),
    col("satisfaction", T("columns", "满意度"), _ENUM, Complaint.satisfaction, labels=label),
    col("closed_at", T("columns", "结案时间"), _TIME, Complaint.closed_at),
), default_order=(Complaint.opened_at, True), tiebreak=Complaint.id)
SORT = COMPLAINTS.sort_fields


def _filters(query: ListQuery) -> list[peewee.Expression]:
    f = query.filters
    where: list[peewee.Expression] = [Complaint.deleted == False]  # noqa: E712
    for key in ("stage", "severity", "level", "category"):
        if f.get(key) not in (None, ""):
            where.append(getattr(Complaint, key) == f[key])
    if f.get("open_only"):
        where.append(Complaint.stage.in_(OPEN_STAGES))
    if f.get("overdue"):
        where.append(Complaint.due_at < now())
    if f.get("paused"):
        where.append(Complaint.paused == True)  # noqa: E712
    where += site_filter.site_terms(query, Complaint.site_code)
    text = query.search.strip()
    if text:
        digits = normalize_phone(text)
        if text.isdigit() and len(digits) == 11:
            where.append(Complaint.phone == digits)
        elif "-" in text and text[:1].isalpha():
            where.append(Complaint.number.contains(text.upper()))
        elif text.isdigit():
            where.append(Complaint.phone.startswith(text) | Complaint.number.contains(text))
        else:
            pattern = like_pattern(text)
            where.append(
                Complaint.customer_name ** pattern | Complaint.subject ** pattern
            )
    return where


def list_complaints(actor: Actor, query: ListQuery) -> Page:
    """One page of cases; each row carries its deadlines recomputed from its log (``overdue``, ``stage_due``)."""
    require(actor, Permission.DESK_WORK)
    where = _filters(query)
    select = _complaints(COMPLAINTS.list_fields(Complaint.uuid, Complaint.contact.alias("contact_uuid"),
                                                Complaint.handler.alias("handler_uuid"), Complaint.policy_uuid), where)
    count = Complaint.select(Complaint.id).where(*where)
    page = COMPLAINTS.page(select, query, count_select=count)
    _add_deadlines(page.rows)
    return page


def export_complaints(actor: Actor, query: ListQuery) -> ListExport:
    """The complaint list as filtered, every row, for Excel."""
    require(actor, Permission.DESK_WORK)
    where = _filters(query)
    total = Complaint.select(Complaint.id).where(*where).count()
    return COMPLAINTS.export(actor, lambda fields: _complaints(fields, where), query, total)


def _complaints(fields: list[peewee.Node], where: list[peewee.Expression]) -> peewee.ModelSelect:
    return (Complaint.select(*fields)
            .join(_DEPT, peewee.JOIN.LEFT_OUTER, on=(Complaint.department == _DEPT.uuid)).switch(Complaint)
            .join(_STAFF, peewee.JOIN.LEFT_OUTER, on=(Complaint.staff == _STAFF.uuid)).switch(Complaint)
            .join(_HANDLER, peewee.JOIN.LEFT_OUTER, on=(Complaint.handler == _HANDLER.uuid)).where(*where))


def _add_deadlines(rows: list[dict[str, Any]]) -> None:
    """Replay each row's log (one query for the page) into stage_due, next_due, due_clock, overdue, remaining.

    ``due_at`` becomes the due time of the running clock due first (the stored index, used to filter
    and sort in SQL, leaves out clocks frozen by a pause) and ``due_clock`` names that clock.
    """
    logs: dict[str, list[dict[str, Any]]] = defaultdict(list)
    if rows:
        events = (
            ComplaintEvent.select(ComplaintEvent.complaint.alias("case"), ComplaintEvent.kind, ComplaintEvent.at,
                                  ComplaintEvent.to_stage, ComplaintEvent.remedy, ComplaintEvent.promised_at)
            .where(ComplaintEvent.complaint.in_([r["uuid"] for r in rows]) & (ComplaintEvent.deleted == False))  # noqa: E712
            .order_by(ComplaintEvent.at, ComplaintEvent.id)
            .dicts()
        )
        for event in events:
            logs[event["case"]].append(event)
    moment = now()
    for row in rows:
        try:
            clock = complaints.status_of(row, complaints.case_events(logs[row["uuid"]]), moment)
        except CaseFlowError:  # a log merged from two sites that does not replay: show it, flag it
            row.update(stage_due=None, next_due=None, overdue=True, remaining=None, due_clock="")
            continue
        nxt = clock.next_clock
        row.update(stage_due=clock.stage_deadline, next_due=clock.next_due, overdue=clock.overdue,
                   remaining=clock.remaining, is_paused=clock.is_paused, due_at=nxt.due if nxt else None,
                   due_clock=nxt.kind.value if nxt else "", due_clock_label=nxt.kind.label if nxt else "")


def overdue_count(actor: Actor) -> int:
    """How many open cases have a deadline that has passed (for the main window's status bar)."""
    require(actor, Permission.DESK_WORK)
    return (
        Complaint.select(peewee.fn.COUNT(Complaint.id))
        .where((Complaint.deleted == False) & (Complaint.due_at < now()))  # noqa: E712
        .scalar()
    )


def _fmt(value: Any) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if value else ""


def transfer_slip(actor: Actor, uuid: str, site_name: str = "") -> PrintDocument:
    """投诉转办处理单: the case, its deadlines and log so far, and room for the department's answer.

    Labels are Messages (``T("print", …)``, vocabulary labels in "enum"): the paper prints in the UI language."""
    case = complaints.get_complaint(actor, uuid)
    clock = case["clock"]

    def enum(text: str) -> Message:
        return Message("enum", text)

    rows = [
        [_fmt(e["at"]), enum(label(e["kind"])) if e["kind"] != "stage"
         else T("print", "转入“{0}”").format(enum(Stage(e["to_stage"]).label)), e["actor_name"], e["note"]]
        for e in case["events"]
    ]
    stage: str = enum(Stage(case["stage"]).label)
    if clock.is_paused:
        stage = T("print", "{0}（暂停计时）").format(stage)
    nxt = clock.next_clock
    severity = T("print", "{0} / {1}级（{2}）").format(enum(Severity(case["severity"]).label), case["level"],
                                                    enum(Priority(case["level"]).label))
    return PrintDocument(
        title=T("print", "投诉转办处理单"),
        number=case["number"],
        site_name=site_name,
        fields=[
            (T("print", "受理时间"), _fmt(case["opened_at"])),
            (T("print", "受理人"), case["opened_by_name"] or ""),
            (T("print", "投诉人"), case["customer_name"]),
            (T("print", "联系电话"), case["phone"]),
            (T("print", "投诉类别"), enum(label(case["category"]))),
            (T("print", "严重程度 / 等级"), severity),
            (T("print", "承办部门"), case["department_name"] or ""),
            (T("print", "承办人"), case["handler_name"] or ""),
            (T("print", "当前阶段"), stage),
            (T("print", "最近时限"), T("print", "{0}（{1}）").format(_fmt(nxt.due), enum(nxt.kind.label)) if nxt else ""),
            (T("print", "本阶段时限"), _fmt(clock.stage_deadline)),
            (T("print", "答复客户时限"), _fmt(clock.answer_deadline)),
            (T("print", "投诉事由"), case["subject"], True),
            (T("print", "投诉内容"), case["description"], True),
            (T("print", "承办部门处理意见"), "", True),
            (T("print", "处理结果及客户意见"), "", True),
        ],
        tables=[Table([T("print", "时间"), T("print", "事项"), T("print", "经办人"), T("print", "说明")], rows,
                      title=T("print", "处理经过"))] if rows else [],
        signature_lines=[T("print", "转办人"), T("print", "承办部门负责人"), T("print", "客服主管")],
        copies=[T("print", "承办部门联"), T("print", "客服中心存根联")],
        qr_text=scan_codes.payload("complaint", case["number"]),  # scanned into a search box: opens the case
        printed_at=now(),
        footer=T("print", "请承办部门在答复时限前将处理意见反馈客服中心；天数按工作日、小时按服务时间计算，暂停期间不计。"),
    )
