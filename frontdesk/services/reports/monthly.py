"""每月服务质量分析: complaints by category and department, time to close against the deadline, satisfaction, visits."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta

import peewee

from frontdesk.clock import now
from frontdesk.db import dialect
from frontdesk.db.models import Complaint, ComplaintEvent, Department, KeyCustomer, ReturnVisit
from frontdesk.domain.complaints import ComplaintCategory, LogKind, Satisfaction
from frontdesk.domain.report import (
    Chart,
    Period,
    Report,
    ReportColumn,
    ReportTable,
    cell_text,
    one_decimal,
    ratio,
)
from frontdesk.domain.roles import Actor, Permission
from frontdesk.domain.sla import ANSWER_WORKDAYS, ANSWERED_ON, CaseFlowError, Severity
from frontdesk.domain.visits import VisitMethod
from frontdesk.domain.visits import label as visit_label
from frontdesk.errors import T
from frontdesk.services.complaints import cases as complaints
from frontdesk.services.complaints import sla_policy
from frontdesk.services.core import holidays
from frontdesk.services.core.permissions import require
from frontdesk.services.reports import satisfaction_dimensions
from frontdesk.services.reports.common import (
    Progress,
    as_datetime,
    day_of,
    enum_label,
    in_period,
    label_message,
    of_site,
    site_title,
    step,
)

NO_DEPARTMENT = T("reports", "未指定部门")
SEVERITY_TEXT = {Severity.GENERAL.value: T("reports", "一般投诉"), Severity.MAJOR.value: T("reports", "重大投诉")}


@dataclass
class Closed:
    """A complaint closed in the period, measured against its answer deadline."""

    department: str
    severity: str
    workdays: float  # working time from opening to closing, in days
    on_time: bool | None  # answered within the deadline; None if its log does not replay
    site_code: str = ""  # where the case was opened (head office compares sites: reports/site_comparison)


def closed_cases(period: Period) -> list[Closed]:
    """Complaints closed within the period, each measured against its answer deadline.

    The answer clock runs in working days from opening until the case reaches 执行 (ANSWERED_ON), less any
    pause: on time means the working time from opening to answering, less paused time, is within the
    budget — the SLA clock's own rule, from SQL (when each case was answered) and the pause events.
    """
    live = Complaint.deleted == False  # noqa: E712
    event = ComplaintEvent.alias()
    answered = (event.select(peewee.fn.MIN(event.at).coerce(False))
                .where((event.complaint == Complaint.uuid) & (event.deleted == False)  # noqa: E712
                       & (event.kind == LogKind.STAGE.value) & (event.to_stage == ANSWERED_ON.value)))
    paused = (event.select(peewee.fn.COUNT(event.id))
              .where((event.complaint == Complaint.uuid) & (event.deleted == False)  # noqa: E712
                     & (event.kind == LogKind.PAUSE.value)))
    raw = dialect.raw_datetime  # ISO text on SQLite: fromisoformat is 20× strptime
    cases = (Complaint.select(Complaint.uuid, Complaint.site_code, raw(Complaint.opened_at).alias("opened_at"),
                              raw(Complaint.closed_at).alias("closed_at"), Complaint.severity,
                              Complaint.level, Complaint.policy_uuid, Department.name.alias("department"),
                              answered.alias("answered"),
                              paused.alias("paused"))
             .join(Department, peewee.JOIN.LEFT_OUTER, on=(Complaint.department == Department.uuid))
             .where(in_period(Complaint.closed_at, period) & live).dicts())
    calendar = holidays.work_calendar()
    cases = list(cases)
    pauses = _pauses([c["uuid"] for c in cases if c["paused"]])
    out = []
    for case in cases:
        opened, closed_at = as_datetime(case["opened_at"]), as_datetime(case["closed_at"])
        answer_days = sla_policy.policy_of(case["policy_uuid"]).budget(f"answer_{Severity(case['severity']).value}")
        budget = timedelta(days=answer_days or ANSWER_WORKDAYS[Severity(case["severity"])])
        on_time = None
        if case["answered"] is not None:
            answered = as_datetime(case["answered"])
            used = calendar.elapsed_working_time(opened, answered, pauses.get(case["uuid"], []))
            on_time = used <= budget  # the answer clock's budget spent by the time 执行 was reached
        days = calendar.working_time(opened, closed_at).total_seconds() / 86400
        out.append(Closed(case["department"] or NO_DEPARTMENT, case["severity"], days, on_time, case["site_code"]))
    return out


def _pauses(uuids: list[str]) -> dict[str, list[tuple[datetime, datetime | None]]]:
    """Paused intervals of the cases (a pause not resumed runs on), from one query per 500 cases."""
    out: dict[str, list[tuple[datetime, datetime | None]]] = defaultdict(list)
    for start in range(0, len(uuids), 500):
        rows = (ComplaintEvent.select(ComplaintEvent.complaint, ComplaintEvent.kind, ComplaintEvent.at)
                .where(ComplaintEvent.complaint.in_(uuids[start:start + 500])
                       & ComplaintEvent.kind.in_([LogKind.PAUSE.value, LogKind.RESUME.value])
                       & (ComplaintEvent.deleted == False))  # noqa: E712
                .order_by(ComplaintEvent.at, ComplaintEvent.id).tuples())
        for case, kind, at in rows:
            intervals = out[case]
            if kind == LogKind.PAUSE.value and (not intervals or intervals[-1][1] is not None):
                intervals.append((at, None))
            elif kind == LogKind.RESUME.value and intervals and intervals[-1][1] is None:
                intervals[-1] = (intervals[-1][0], at)
    return out


def _replayed_on_time(case: dict) -> bool | None:
    """Whether the answer clock of ``case`` stopped in time, by the full SLA replay (to check the fast path)."""
    events = list(ComplaintEvent.select().where((ComplaintEvent.complaint == case["uuid"])
                                                & (ComplaintEvent.deleted == False))  # noqa: E712
                  .order_by(ComplaintEvent.at, ComplaintEvent.id))
    try:
        clock = complaints.status_of(case, complaints.case_events(events), case["closed_at"])
    except CaseFlowError:
        return None
    return clock.answer.done_at is not None and not clock.answer.late


def _by_category(period: Period) -> ReportTable:
    table = ReportTable("categories", T("reports", "投诉类别（本月受理）"), [
        ReportColumn(T("reports", "类别")), ReportColumn(T("reports", "受理"), "int"), ReportColumn(T("reports", "占比"), "percent"),
        ReportColumn(T("reports", "其中重大"), "int"), ReportColumn(T("reports", "已结案"), "int"), ReportColumn(T("reports", "未结案"), "int")])
    major = peewee.fn.SUM(peewee.Case(None, [(Complaint.severity == Severity.MAJOR.value, 1)], 0))
    closed = peewee.fn.SUM(peewee.Case(None, [(Complaint.closed_at.is_null(False), 1)], 0))
    found = {c: (n, m or 0, k or 0) for c, n, m, k in (
        Complaint.select(Complaint.category, peewee.fn.COUNT(Complaint.id), major, closed)
        .where(in_period(Complaint.opened_at, period) & (Complaint.deleted == False))  # noqa: E712
        .group_by(Complaint.category).tuples())}
    keys = [c.value for c in ComplaintCategory] + [k for k in found if k not in set(ComplaintCategory)]
    total = sum(v[0] for v in found.values())
    for key in keys:
        n, m, k = found.get(key, (0, 0, 0))
        table.rows.append([enum_label(key), n, ratio(n, total), m, k, n - k])
    table.rows.append([T("reports", "合计"), total, ratio(total, total), sum(r[3] for r in table.rows),
                       sum(r[4] for r in table.rows), sum(r[5] for r in table.rows)])
    return table


def _by_department(period: Period, closed: list[Closed]) -> ReportTable:
    table = ReportTable("departments", T("reports", "责任部门（本月受理与本月结案）"), [
        ReportColumn(T("reports", "责任部门")), ReportColumn(T("reports", "受理"), "int"), ReportColumn(T("reports", "结案"), "int"),
        ReportColumn(T("reports", "按时答复"), "int"), ReportColumn(T("reports", "超时"), "int"), ReportColumn(T("reports", "按时率"), "percent"),
        ReportColumn(T("reports", "平均办结(工作日)"), "number")])
    received = dict(Complaint.select(peewee.fn.COALESCE(Department.name, NO_DEPARTMENT), peewee.fn.COUNT(Complaint.id))
                    .join(Department, peewee.JOIN.LEFT_OUTER, on=(Complaint.department == Department.uuid))
                    .where(in_period(Complaint.opened_at, period) & (Complaint.deleted == False))  # noqa: E712
                    .group_by(Complaint.department, Department.name).tuples())
    by_dept: dict[str, list[Closed]] = defaultdict(list)
    for case in closed:
        by_dept[case.department].append(case)
    names = sorted(set(received) | set(by_dept), key=lambda d: (-received.get(d, 0), -len(by_dept[d]), d))
    for name in names:
        done = by_dept[name]
        on_time = sum(1 for c in done if c.on_time)
        late = sum(1 for c in done if c.on_time is False)
        mean = one_decimal(sum(c.workdays for c in done) / len(done)) if done else None
        table.rows.append([name, received.get(name, 0), len(done), on_time, late, ratio(on_time, on_time + late), mean])
    return table


def _against_deadline(closed: list[Closed]) -> ReportTable:
    table = ReportTable("deadline", T("reports", "办结时长与答复时限（本月结案）"), [
        ReportColumn(T("reports", "严重程度")), ReportColumn(T("reports", "答复时限(工作日)"), "int"), ReportColumn(T("reports", "结案"), "int"),
        ReportColumn(T("reports", "平均办结(工作日)"), "number"), ReportColumn(T("reports", "最长(工作日)"), "number"),
        ReportColumn(T("reports", "按时答复"), "int"), ReportColumn(T("reports", "超时"), "int"), ReportColumn(T("reports", "按时率"), "percent")])
    policy = sla_policy.policy_of(sla_policy.uuid_in_force(now().date()))  # the limits in force today
    groups = [(SEVERITY_TEXT[s.value], policy.budget(f"answer_{s.value}"), [c for c in closed if c.severity == s.value])
              for s in Severity]
    groups.append((T("reports", "合计"), None, closed))
    for name, limit, cases in groups:
        on_time = sum(1 for c in cases if c.on_time)
        late = sum(1 for c in cases if c.on_time is False)
        days = [c.workdays for c in cases]
        table.rows.append([name, limit, len(cases), one_decimal(sum(days) / len(days)) if days else None,
                           one_decimal(max(days)) if days else None, on_time, late, ratio(on_time, on_time + late)])
    return table


def _satisfaction(period: Period) -> ReportTable:
    table = ReportTable("satisfaction", T("reports", "满意度（本月结案投诉、本月回访）"), [
        ReportColumn(T("reports", "来源")), *[ReportColumn(enum_label(s.value), "int") for s in Satisfaction],
        ReportColumn(T("reports", "未评价"), "int"), ReportColumn(T("reports", "满意率"), "percent")])
    sources = [
        (T("reports", "结案投诉"), Complaint, Complaint.satisfaction, Complaint.closed_at),
        (T("reports", "回访"), ReturnVisit, ReturnVisit.satisfaction, ReturnVisit.visited_at),
    ]
    for name, model, field, moment in sources:
        counts = dict(model.select(field, peewee.fn.COUNT(model.id))
                      .where(in_period(moment, period) & (model.deleted == False))  # noqa: E712
                      .group_by(field).tuples())
        rated = [counts.get(s.value, 0) for s in Satisfaction]
        unrated = sum(n for k, n in counts.items() if k not in set(Satisfaction))
        good = counts.get(Satisfaction.SATISFIED.value, 0) + counts.get(Satisfaction.BASIC.value, 0)
        table.rows.append([name, *rated, unrated, ratio(good, sum(rated))])
    return table


def _visits(period: Period) -> ReportTable:
    table = ReportTable("visits", T("reports", "回访完成情况（本月）"), [
        ReportColumn(T("reports", "回访方式")), ReportColumn(T("reports", "回访次数"), "int"), ReportColumn(T("reports", "其中投诉回访"), "int"),
        ReportColumn(T("reports", "其中重点客户/常客"), "int")])
    key_phones = KeyCustomer.select(KeyCustomer.phone).where((KeyCustomer.deleted == False)  # noqa: E712
                                                             & of_site(KeyCustomer, period))
    on_complaint = peewee.fn.SUM(peewee.Case(None, [(ReturnVisit.complaint.is_null(False), 1)], 0))
    on_key = peewee.fn.SUM(peewee.Case(None, [(ReturnVisit.phone.in_(key_phones), 1)], 0))
    found = {m: (n, c or 0, k or 0) for m, n, c, k in (
        ReturnVisit.select(ReturnVisit.method, peewee.fn.COUNT(ReturnVisit.id), on_complaint, on_key)
        .where(in_period(ReturnVisit.visited_at, period) & (ReturnVisit.deleted == False))  # noqa: E712
        .group_by(ReturnVisit.method).tuples())}
    for method in [m.value for m in VisitMethod] + [m for m in found if m not in set(VisitMethod)]:
        table.rows.append([label_message(visit_label(method)) or method, *found.get(method, (0, 0, 0))])
    table.rows.append([T("reports", "合计"), *[sum(r[i] for r in table.rows) for i in (1, 2, 3)]])
    return table


def service_quality(actor: Actor, period: Period, progress: Progress | None = None) -> Report:
    """每月服务质量分析会 material for ``period`` (normally one calendar month)."""
    require(actor, Permission.DESK_WORK)
    step(progress, 5, T("reports", "统计投诉类别…"))
    categories = _by_category(period)
    step(progress, 20, T("reports", "核对结案时限…"))
    closed = closed_cases(period)
    step(progress, 60, T("reports", "统计责任部门…"))
    departments = _by_department(period, closed)
    deadline = _against_deadline(closed)
    step(progress, 75, T("reports", "统计满意度与回访…"))
    satisfaction = _satisfaction(period)
    visits = _visits(period)
    day = day_of(Complaint.opened_at)
    per_day = dict(Complaint.select(day, peewee.fn.COUNT(Complaint.id))
                   .where(in_period(Complaint.opened_at, period) & (Complaint.deleted == False))  # noqa: E712
                   .group_by(day).tuples())
    report = Report("monthly", site_title(T("reports", "月度服务质量分析"), period), period,
                    tables=[categories, departments, deadline, satisfaction,
                            satisfaction_dimensions.dimension_table(period), visits])
    total = deadline.rows[-1]
    report.figures = [
        (T("reports", "统计期间"), period.text()), (T("reports", "受理投诉"), f"{categories.rows[-1][1]:,}"), (T("reports", "结案投诉"), f"{total[2]:,}"),
        (T("reports", "按时答复率"), _pct(total[7])), (T("reports", "投诉满意率"), _pct(satisfaction.rows[0][-1])),
        (T("reports", "回访次数"), f"{visits.rows[-1][1]:,}"), (T("reports", "回访满意率"), _pct(satisfaction.rows[1][-1])),
    ]
    today = now().date()  # the line stops at today: days not yet come are not plotted as 0
    report.charts = [
        Chart(T("reports", "每日受理投诉"), "line", [f"{d:%m-%d}" for d in period.days],
              [(T("reports", "受理投诉"), [float(per_day.get(f"{d:%Y-%m-%d}", 0)) for d in period.days if d <= today])]),
        Chart(T("reports", "投诉类别"), "bar", [r[0] for r in categories.rows[:-1]],
              [(T("reports", "受理"), [float(r[1]) for r in categories.rows[:-1]])]),
        Chart(T("reports", "责任部门"), "bar", [r[0] for r in departments.rows],
              [(T("reports", "受理"), [float(r[1]) for r in departments.rows]), (T("reports", "超时"), [float(r[4]) for r in departments.rows])]),
        Chart(T("reports", "投诉满意度"), "pie", [enum_label(s.value) for s in Satisfaction],
              [(T("reports", "结案投诉"), [float(n) for n in satisfaction.rows[0][1:4]])]),
    ]
    if not categories.rows[-1][1] and not total[2]:
        report.notes.append(T("reports", "本期间没有受理或结案的投诉。"))
    step(progress, 100, T("reports", "完成"))
    return report


def _pct(value: object) -> str:
    return cell_text(value, "percent")
