"""Managers' tables: the monthly fines table (with attendance exceptions) and assessment results, when present."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import Any

import peewee

from frontdesk.db.fields import fen_to_money
from frontdesk.domain.report import Chart, Period, Report, ReportColumn, ReportTable, month_period
from frontdesk.domain.roles import Actor, Permission
from frontdesk.errors import T
from frontdesk.services.core.permissions import require
from frontdesk.services.reports.common import (
    Progress,
    discipline_ready,
    in_period,
    label_message,
    of_site,
    optional_module,
    site_title,
    step,
    table_ready,
)

RULE_CATEGORIES = (T("reports", "规章制度"), T("reports", "工标考核"), T("reports", "劳动纪律"))
EXCEPTIONS = ("late", "early", "absent")


def fines_available() -> bool:
    return discipline_ready()


def fines_table(actor: Actor, period: Period, progress: Progress | None = None) -> Report:
    """违纪罚款月报: per member of staff, confirmed fines by rule category, still open, attendance exceptions."""
    require(actor, Permission.MANAGE_PERSONNEL)
    from frontdesk.db.models import Staff
    from frontdesk.db.models.discipline import FineRule, Incident, Shift

    step(progress, 10, T("reports", "统计违纪罚款…"))
    rows: dict[str, dict[str, Any]] = defaultdict(lambda: defaultdict(int))
    names: dict[str, tuple[str, str]] = {}
    for staff_uuid, staff_no, name, category, status, n, fen in (
        Incident.select(Incident.staff, Staff.staff_no, Staff.name, FineRule.category, Incident.status,
                        peewee.fn.COUNT(Incident.id), peewee.fn.SUM(Incident.amount).coerce(False))
        .join(Staff, on=(Incident.staff == Staff.uuid))
        .switch(Incident).join(FineRule, on=(Incident.rule == FineRule.uuid))
        .where(in_period(Incident.occurred_at, period) & (Incident.deleted == False)  # noqa: E712
               & (Incident.status != "revoked"))
        .group_by(Incident.staff, Staff.staff_no, Staff.name, FineRule.category, Incident.status).tuples()
    ):
        names[staff_uuid] = (staff_no, name)
        row = rows[staff_uuid]
        if status == "confirmed":
            row[category] += fen or 0
            row["count"] += n
            row["fen"] += fen or 0
        else:
            row["open"] += n
            row["open_fen"] += fen or 0
    step(progress, 50, T("reports", "统计考勤异常…"))
    for staff_uuid, staff_no, name, status, n in (
        Shift.select(Shift.staff, Staff.staff_no, Staff.name, Shift.status, peewee.fn.COUNT(Shift.id))
        .join(Staff, on=(Shift.staff == Staff.uuid))
        .where((Shift.day >= period.first) & (Shift.day <= period.last) & Shift.status.in_(EXCEPTIONS)
               & (Shift.deleted == False) & of_site(Shift, period))  # noqa: E712
        .group_by(Shift.staff, Staff.staff_no, Staff.name, Shift.status).tuples()
    ):
        names[staff_uuid] = (staff_no, name)
        rows[staff_uuid][status] += n
    table = ReportTable("fines", T("reports", "违纪罚款及考勤异常（按员工）"), [
        ReportColumn(T("reports", "工号")), ReportColumn(T("reports", "姓名")), ReportColumn(T("reports", "已确认(次)"), "int"),
        *[ReportColumn(T("reports", "{0}(元)").format(c), "money") for c in RULE_CATEGORIES], ReportColumn(T("reports", "罚款合计(元)"), "money"),
        ReportColumn(T("reports", "待确认/申诉(次)"), "int"), ReportColumn(T("reports", "待确认金额(元)"), "money"),
        ReportColumn(T("reports", "迟到"), "int"), ReportColumn(T("reports", "早退"), "int"), ReportColumn(T("reports", "旷工"), "int")])
    for staff_uuid in sorted(rows, key=lambda u: names[u][0]):
        row = rows[staff_uuid]
        table.rows.append([*names[staff_uuid], row["count"], *[fen_to_money(row[c]) for c in RULE_CATEGORIES],
                           fen_to_money(row["fen"]), row["open"], fen_to_money(row["open_fen"]),
                           row["late"], row["early"], row["absent"]])
    totals: list[Any] = [T("reports", "合计"), T("reports", "{0} 人").format(len(table.rows))]
    for i in range(2, len(table.columns)):
        values = [r[i] for r in table.rows]
        totals.append(sum(values, Decimal("0.00")) if table.columns[i].kind == "money" else sum(values))
    table.rows.append(totals)
    report = Report("fines", site_title(T("reports", "违纪罚款月报"), period), period, tables=[table], anchored=True)
    report.figures = [(T("reports", "统计期间"), period.text()), (T("reports", "涉及员工"), T("reports", "{0} 人").format(len(table.rows) - 1)),
                      (T("reports", "已确认罚款"), T("reports", "{0} 次，{1:,.2f} 元").format(totals[2], totals[6])),
                      (T("reports", "待确认/申诉"), T("reports", "{0} 次，{1:,.2f} 元").format(totals[7], totals[8])),
                      (T("reports", "考勤异常"), T("reports", "迟到 {0}，早退 {1}，旷工 {2}").format(*totals[9:12]))]
    report.charts.append(Chart(T("reports", "罚款按类别(元)"), "bar", list(RULE_CATEGORIES),
                               [(T("reports", "金额"), [float(totals[3 + i]) for i in range(len(RULE_CATEGORIES))])]))
    if len(table.rows) == 1:
        report.notes.append(T("reports", "本期间没有违纪记录或考勤异常。"))
    step(progress, 100, T("reports", "完成"))
    return report


def assessments_available() -> bool:
    """Whether the assessments module (issue 6) is part of this build and its tables exist."""
    return optional_module("services.assessments.results") is not None and table_ready("assessment")


def period_keys_within(period: Period, keys: list[str]) -> list[str]:
    """Assessment period keys (2026-10, 2026-Q4) whose months all lie inside ``period``, oldest first."""
    inside = []
    for key in keys:
        year, rest = key.split("-", 1)
        first_month = (int(rest[1:]) - 1) * 3 + 1 if rest.startswith("Q") else int(rest)
        last_month = first_month + 2 if rest.startswith("Q") else first_month
        first = month_period(int(year), first_month).first
        last = month_period(int(year), last_month).last
        if period.first <= first and last <= period.last:
            inside.append(key)
    return sorted(inside)  # 2026-09 < 2026-10 < 2026-Q4: a quarter after its months


def _of_site(ranking: list[dict[str, Any]], period: Period) -> list[dict[str, Any]]:
    """The ranking's assessments of the period's site, ranked again among themselves (equal totals share)."""
    if not period.site:
        return ranking
    from frontdesk.db.models import Assessment

    uuids = [row["uuid"] for row in ranking]
    ours = {u for (u,) in Assessment.select(Assessment.uuid).where(
        Assessment.uuid.in_(uuids) & (Assessment.site_code == period.site)).tuples()} if uuids else set()
    out: list[dict[str, Any]] = []
    for row in (r for r in ranking if r["uuid"] in ours):
        rank = out[-1]["rank"] if out and out[-1]["total"] == row["total"] else len(out) + 1
        out.append(dict(row, rank=rank))
    return out


def assessment_results(actor: Actor, period: Period, progress: Progress | None = None) -> Report:
    """考核结果汇总: every scored assessment whose month or quarter lies in the period, ranked, with grades."""
    require(actor, Permission.MANAGE_PERSONNEL)
    results = optional_module("services.assessments.results")
    rules = optional_module("domain.assessment")
    if results is None or rules is None:
        raise LookupError("the assessments module is not part of this build")
    step(progress, 10, T("reports", "读取考核结果…"))
    dims = list(rules.Dimension)
    table = ReportTable("assessments", T("reports", "考核结果（按考核期排名）"), [
        ReportColumn(T("reports", "考核期")), ReportColumn(T("reports", "名次"), "int"), ReportColumn(T("reports", "工号")), ReportColumn(T("reports", "姓名")),
        ReportColumn(T("reports", "部门")), *[ReportColumn(T("reports", "{0}(%)").format(label_message(rules.LABELS[d])), "number") for d in dims],
        ReportColumn(T("reports", "总分"), "number"), ReportColumn(T("reports", "等级")), ReportColumn(T("reports", "结果应用"))])
    grades: dict[str, int] = {g.value: 0 for g in rules.Grade}
    for key in period_keys_within(period, results.periods(actor)):
        for row in _of_site(results.ranking(actor, key), period):
            table.rows.append([key, row["rank"], row["staff_no"], row["staff_name"], row["department"] or "",
                               *[row.get(f"dim_{d.value}") for d in dims], row["total"],
                               label_message(rules.label(row["grade"])), label_message(rules.label(row["follow_up"]))])
            grades[row["grade"]] = grades.get(row["grade"], 0) + 1
    report = Report("assessments", site_title(T("reports", "考核结果汇总"), period), period, tables=[table], anchored=True)
    report.figures = [(T("reports", "统计期间"), period.text()), (T("reports", "考核人次"), f"{len(table.rows)}"),
                      *[(label_message(rules.label(g)), T("reports", "{0} 人次").format(n)) for g, n in grades.items()]]
    report.charts.append(Chart(T("reports", "考核等级分布"), "bar", [label_message(rules.label(g)) for g in grades],
                               [(T("reports", "人次"), [float(n) for n in grades.values()])]))
    if not table.rows:
        report.notes.append(T("reports", "本期间内没有已评分的月度或季度考核。"))
    step(progress, 100, T("reports", "完成"))
    return report
