"""站点对比 (head office): the sites side by side — contacts, complaints answered on time, satisfaction, fines."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import Any

import peewee

from frontdesk.db.fields import fen_to_money
from frontdesk.db.models import Complaint, Contact, ReturnVisit
from frontdesk.domain.complaints import Satisfaction
from frontdesk.domain.report import Chart, Period, Report, ReportColumn, ReportTable, cell_text, ratio
from frontdesk.domain.roles import Actor, Permission
from frontdesk.errors import T
from frontdesk.services.core import site_filter
from frontdesk.services.core.permissions import require
from frontdesk.services.reports.common import Progress, discipline_ready, in_period, step
from frontdesk.services.reports.monthly import closed_cases

GOOD = (Satisfaction.SATISFIED.value, Satisfaction.BASIC.value)  # 满意率 counts 满意 and 基本满意, as monthly does

COLUMNS = [
    ReportColumn(T("site_comparison", "站点")), ReportColumn(T("site_comparison", "接待登记"), "int"),
    ReportColumn(T("site_comparison", "受理投诉"), "int"), ReportColumn(T("site_comparison", "结案投诉"), "int"),
    ReportColumn(T("site_comparison", "按时答复"), "int"), ReportColumn(T("site_comparison", "超时答复"), "int"),
    ReportColumn(T("site_comparison", "按时答复率"), "percent"),
    ReportColumn(T("site_comparison", "投诉满意率"), "percent"),
    ReportColumn(T("site_comparison", "回访满意率"), "percent"),
    ReportColumn(T("site_comparison", "违纪(次)"), "int"), ReportColumn(T("site_comparison", "罚款合计(元)"), "money"),
]


def _count_by_site(model: type[peewee.Model], moment: peewee.Field, period: Period) -> dict[str, int]:
    return dict(model.select(model.site_code, peewee.fn.COUNT(model.id))
                .where(in_period(moment, period) & (model.deleted == False))  # noqa: E712
                .group_by(model.site_code).tuples())


def _satisfaction_by_site(model: type[peewee.Model], field: peewee.Field, moment: peewee.Field,
                          period: Period) -> dict[str, tuple[int, int]]:
    """(good, rated) per site: rated answers of 满意/基本满意/不满意 in the period."""
    rated = [s.value for s in Satisfaction]
    out: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for code, value, n in (model.select(model.site_code, field, peewee.fn.COUNT(model.id))
                           .where(in_period(moment, period) & (model.deleted == False)  # noqa: E712
                                  & field.in_(rated))
                           .group_by(model.site_code, field).tuples()):
        out[code][1] += n
        if value in GOOD:
            out[code][0] += n
    return {code: (good, total) for code, (good, total) in out.items()}


def _fines_by_site(period: Period) -> dict[str, tuple[int, Decimal]]:
    """Confirmed incidents of the period per site: how many, and their fines in yuan."""
    if not discipline_ready():
        return {}
    from frontdesk.db.models import Incident

    return {code: (n, fen_to_money(fen)) for code, n, fen in (
        Incident.select(Incident.site_code, peewee.fn.COUNT(Incident.id), peewee.fn.SUM(Incident.amount).coerce(False))
        .where(in_period(Incident.occurred_at, period) & (Incident.deleted == False)  # noqa: E712
               & (Incident.status == "confirmed"))
        .group_by(Incident.site_code).tuples())}


def site_comparison(actor: Actor, period: Period, progress: Progress | None = None) -> Report:
    """Every site of the database in one row each (this site first), and a total row."""
    require(actor, Permission.DESK_WORK)
    step(progress, 5, T("site_comparison", "统计各站点接待…"))
    contacts = _count_by_site(Contact, Contact.received_at, period)
    opened = _count_by_site(Complaint, Complaint.opened_at, period)
    step(progress, 30, T("site_comparison", "核对各站点投诉时限…"))
    deadline: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # closed, on time, late
    for case in closed_cases(period):
        counts = deadline[case.site_code]
        counts[0] += 1
        counts[1] += case.on_time is True
        counts[2] += case.on_time is False
    step(progress, 70, T("site_comparison", "统计满意度与罚款…"))
    complaint_mood = _satisfaction_by_site(Complaint, Complaint.satisfaction, Complaint.closed_at, period)
    visit_mood = _satisfaction_by_site(ReturnVisit, ReturnVisit.satisfaction, ReturnVisit.visited_at, period)
    fines = _fines_by_site(period)
    codes = site_filter.site_codes()
    seen = set(contacts) | set(opened) | set(deadline) | set(complaint_mood) | set(visit_mood) | set(fines)
    codes += sorted(seen - set(codes))
    table = ReportTable("sites", T("site_comparison", "站点对比"), list(COLUMNS))
    totals: list[Any] = [T("site_comparison", "合计"), 0, 0, 0, 0, 0, None, None, None, 0, Decimal("0.00")]
    moods = {"complaint": [0, 0], "visit": [0, 0]}
    for code in codes:
        closed, on_time, late = deadline.get(code, [0, 0, 0])
        c_good, c_rated = complaint_mood.get(code, (0, 0))
        v_good, v_rated = visit_mood.get(code, (0, 0))
        n_fines, amount = fines.get(code, (0, Decimal("0.00")))
        row = [code, contacts.get(code, 0), opened.get(code, 0), closed, on_time, late, ratio(on_time, on_time + late),
               ratio(c_good, c_rated), ratio(v_good, v_rated), n_fines, amount]
        table.rows.append(row)
        for i in (1, 2, 3, 4, 5, 9, 10):
            totals[i] += row[i]
        moods["complaint"] = [moods["complaint"][0] + c_good, moods["complaint"][1] + c_rated]
        moods["visit"] = [moods["visit"][0] + v_good, moods["visit"][1] + v_rated]
    totals[6] = ratio(totals[4], totals[4] + totals[5])
    totals[7], totals[8] = ratio(*moods["complaint"]), ratio(*moods["visit"])
    table.rows.append(totals)
    report = Report("sites", T("site_comparison", "站点对比"), period, tables=[table])
    report.figures = [
        (T("site_comparison", "统计期间"), period.text()), (T("site_comparison", "站点数"), f"{len(codes)}"),
        (T("site_comparison", "接待登记"), f"{totals[1]:,}"), (T("site_comparison", "受理投诉"), f"{totals[2]:,}"),
        (T("site_comparison", "按时答复率"), cell_text(totals[6], "percent")),
        (T("site_comparison", "投诉满意率"), cell_text(totals[7], "percent")),
        (T("site_comparison", "罚款合计(元)"), f"{totals[10]:,.2f}"),
    ]
    names = [str(r[0]) for r in table.rows[:-1]]
    report.charts = [
        Chart(T("site_comparison", "各站点接待与投诉"), "bar", names,
              [(T("site_comparison", "接待登记"), [float(r[1]) for r in table.rows[:-1]]),
               (T("site_comparison", "受理投诉"), [float(r[2]) for r in table.rows[:-1]])]),
        Chart(T("site_comparison", "各站点按时答复率(%)"), "bar", names,
              [(T("site_comparison", "按时答复率"), [float(r[6] or 0) * 100 for r in table.rows[:-1]])]),
    ]
    if len(codes) <= 1:
        report.notes.append(T("site_comparison", "数据库中只有一个站点的数据；总部导入各站点数据后，这里逐站对比。"))
    step(progress, 100, T("site_comparison", "完成"))
    return report
