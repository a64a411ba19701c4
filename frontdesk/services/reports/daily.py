"""每日汇总: contacts per day by channel, category and outcome, and per first-ask clerk, over a period."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

import peewee

from frontdesk.db.models import Contact, Staff
from frontdesk.domain.reception import Category, Channel, ContactStatus
from frontdesk.domain.report import Chart, Period, Report, ReportColumn, ReportTable, ratio
from frontdesk.domain.roles import Actor, Permission
from frontdesk.errors import T
from frontdesk.services.core.permissions import require
from frontdesk.services.reports.common import TOTAL, Progress, day_of, enum_label, in_period, site_title, step

DAY_TEXTS = (T("reports", "{0} 周一"), T("reports", "{0} 周二"), T("reports", "{0} 周三"), T("reports", "{0} 周四"),
             T("reports", "{0} 周五"), T("reports", "{0} 周六"), T("reports", "{0} 周日"))
DONE = (ContactStatus.CLOSED.value, ContactStatus.VISITED.value)


def contact_counts(period: Period) -> list[tuple[str, str, str, str, str, int]]:
    """(day, channel, category, status, owner uuid, count) for the live contacts of the period: one pass in SQL."""
    day = day_of(Contact.received_at)
    return list(
        Contact.select(day, Contact.channel, Contact.category, Contact.status, Contact.owner,
                       peewee.fn.COUNT(Contact.id))
        .where(in_period(Contact.received_at, period) & (Contact.deleted == False))  # noqa: E712
        .group_by(day, Contact.channel, Contact.category, Contact.status, Contact.owner)
        .tuples()
    )


def share_rows(counts: dict[str, int], total: int) -> list[list[object]]:
    return [[enum_label(k), n, ratio(n, total)] for k, n in counts.items()]


def daily_summary(actor: Actor, period: Period, progress: Progress | None = None) -> Report:
    """每日汇总 over ``period`` (one day or more): one row per day, and the period's totals."""
    require(actor, Permission.DESK_WORK)
    step(progress, 5, T("reports", "统计接待记录…"))
    per_day: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    channels = {c.value: 0 for c in Channel}
    categories = {c.value: 0 for c in Category}
    statuses = {s.value: 0 for s in ContactStatus}
    owners: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for day, channel, category, status, owner, n in contact_counts(period):
        owners[owner][0] += n
        owners[owner][1] += n if status in DONE else 0
        row = per_day[day]
        row["total"] += n
        row[channel] += n
        row["complaint"] += n if category == Category.COMPLAINT.value else 0
        row["transferred"] += n if status == ContactStatus.TRANSFERRED.value else 0
        row["done"] += n if status in DONE else 0
        row["open"] += n if status == ContactStatus.OPEN.value else 0
        channels[channel] = channels.get(channel, 0) + n
        categories[category] = categories.get(category, 0) + n
        statuses[status] = statuses.get(status, 0) + n
    step(progress, 60, T("reports", "统计首问负责人…"))
    total = sum(channels.values())
    days: list[date] = period.days
    day_columns = ["total", *[c.value for c in Channel], "complaint", "transferred", "done", "open"]
    daily = ReportTable("daily", T("reports", "按日汇总"), [
        ReportColumn(T("reports", "日期")), ReportColumn(T("reports", "接待总数"), "int"),
        *[ReportColumn(enum_label(c.value), "int") for c in Channel],
        ReportColumn(T("reports", "其中投诉"), "int"), ReportColumn(T("reports", "已转办"), "int"),
        ReportColumn(T("reports", "已办结"), "int"), ReportColumn(T("reports", "处理中"), "int"),
    ])
    for d in days:
        row = per_day.get(f"{d:%Y-%m-%d}", {})
        daily.rows.append([DAY_TEXTS[d.weekday()].format(f"{d:%Y-%m-%d}"), *[row.get(k, 0) for k in day_columns]])
    if len(days) > 1:
        daily.rows.append([TOTAL, total, *[channels.get(c.value, 0) for c in Channel],
                           categories.get(Category.COMPLAINT.value, 0), statuses[ContactStatus.TRANSFERRED.value],
                           statuses[ContactStatus.CLOSED.value] + statuses[ContactStatus.VISITED.value],
                           statuses[ContactStatus.OPEN.value]])
    share = [ReportColumn(T("reports", "类别"), "text"), ReportColumn(T("reports", "件数"), "int"),
             ReportColumn(T("reports", "占比"), "percent")]
    by_category = ReportTable("categories", T("reports", "按类别"), list(share), share_rows(categories, total))
    by_channel = ReportTable("channels", T("reports", "按渠道"), [ReportColumn(T("reports", "渠道")), *share[1:]], share_rows(channels, total))
    clerks = ReportTable("clerks", T("reports", "按首问负责人"), [
        ReportColumn(T("reports", "工号")), ReportColumn(T("reports", "姓名")), ReportColumn(T("reports", "接待"), "int"),
        ReportColumn(T("reports", "已办结"), "int"), ReportColumn(T("reports", "办结率"), "percent")])
    staff = {u: (no, name) for u, no, name in
             Staff.select(Staff.uuid, Staff.staff_no, Staff.name).where(Staff.uuid.in_(list(owners))).tuples()}
    for owner, (n, closed) in sorted(owners.items(), key=lambda kv: (-kv[1][0], staff.get(kv[0], ("", ""))[0])):
        staff_no, name = staff.get(owner, ("", T("reports", "（已删除）")))
        clerks.rows.append([staff_no, name, n, closed, ratio(closed, n)])
    step(progress, 90, T("reports", "整理图表…"))
    report = Report("daily", site_title(T("reports", "每日接待汇总"), period), period, tables=[daily, by_category, by_channel, clerks])
    done_n = statuses[ContactStatus.CLOSED.value] + statuses[ContactStatus.VISITED.value]
    report.figures = [
        (T("reports", "统计期间"), period.text()), (T("reports", "接待总数"), f"{total:,}"),
        (T("reports", "投诉"), f"{categories.get(Category.COMPLAINT.value, 0):,}"),
        (T("reports", "已转办"), f"{statuses[ContactStatus.TRANSFERRED.value]:,}"),
        (T("reports", "已办结"), f"{done_n:,}"), (T("reports", "处理中"), f"{statuses[ContactStatus.OPEN.value]:,}"),
    ]
    if len(days) > 1:
        report.charts.append(Chart(T("reports", "每日接待量"), "line", [f"{d:%m-%d}" for d in days],
                                   [(T("reports", "接待总数"), [float(r[1]) for r in daily.rows[: len(days)]])]))
    report.charts.append(Chart(T("reports", "接待类别"), "pie", [r[0] for r in by_category.rows],
                               [(T("reports", "件数"), [float(r[1]) for r in by_category.rows])]))
    report.charts.append(Chart(T("reports", "接待渠道"), "bar", [r[0] for r in by_channel.rows],
                               [(T("reports", "件数"), [float(r[1]) for r in by_channel.rows])]))
    if not total:
        report.notes.append(T("reports", "本期间没有接待记录。"))
    step(progress, 100, T("reports", "完成"))
    return report
