"""每周分析: categories against the previous period, hot topics, transfer overdue rate, time to close."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta

import peewee

from frontdesk.clock import now
from frontdesk.db.models import Contact, Department, Transfer
from frontdesk.domain.reception import Category, TransferStatus
from frontdesk.domain.report import Chart, Period, Report, ReportColumn, ReportTable, one_decimal, ratio
from frontdesk.domain.roles import Actor, Permission
from frontdesk.domain.segment import hot_topics
from frontdesk.errors import T
from frontdesk.services.core.permissions import require
from frontdesk.services.reports.common import (
    TOTAL,
    Progress,
    enum_label,
    hours_between,
    in_period,
    site_title,
    step,
)
from frontdesk.services.reports.weekly_words import current_segmenter

TOPICS = 15


def previous(period: Period) -> Period:
    """The period of the same length just before ``period``."""
    length = period.last - period.first + timedelta(days=1)
    return Period(period.first - length, period.last - length, period.site)


def category_counts(period: Period) -> dict[str, int]:
    counts = {c.value: 0 for c in Category}
    for category, n in (Contact.select(Contact.category, peewee.fn.COUNT(Contact.id))
                        .where(in_period(Contact.received_at, period) & (Contact.deleted == False))  # noqa: E712
                        .group_by(Contact.category).tuples()):
        counts[category] = counts.get(category, 0) + n
    return counts


def _requests(period: Period) -> Iterator[tuple[str, int]]:
    """Each distinct request text of the period with how often it was made, grouped in SQL and streamed."""
    n = peewee.fn.COUNT(Contact.id)
    yield from (Contact.select(Contact.request, n)
                .where(in_period(Contact.received_at, period) & (Contact.deleted == False))  # noqa: E712
                .group_by(Contact.request).tuples().iterator())


def transfer_overdue(period: Period, moment: datetime) -> list[tuple[str, int, int, int, int]]:
    """Per department, transfers due within the period: (department, due, on time, late, still waiting past due).

    Late: replied after the due time. Waiting past due: no reply yet and the due time has passed (as of now).
    """
    late = peewee.Case(None, [((Transfer.replied_at.is_null(False)) & (Transfer.replied_at > Transfer.due_at), 1)], 0)
    waiting = peewee.Case(None, [((Transfer.status == TransferStatus.PENDING.value) & (Transfer.due_at < moment), 1)], 0)
    replied = peewee.Case(None, [((Transfer.replied_at.is_null(False)) & (Transfer.replied_at <= Transfer.due_at), 1)], 0)
    rows = (Transfer.select(Department.name, peewee.fn.COUNT(Transfer.id), peewee.fn.SUM(replied),
                            peewee.fn.SUM(late), peewee.fn.SUM(waiting))
            .join(Department, on=(Transfer.department == Department.uuid))
            .where(in_period(Transfer.due_at, period) & (Transfer.deleted == False))  # noqa: E712
            .group_by(Transfer.department, Department.name).order_by(peewee.fn.COUNT(Transfer.id).desc(), Department.name).tuples())
    return [(name, n, on_time or 0, late_n or 0, waiting_n or 0) for name, n, on_time, late_n, waiting_n in rows]


def close_times(period: Period) -> list[tuple[str, int, int, float | None]]:
    """Per category, contacts received in the period: (category, received, closed, mean hours to close)."""
    closed = Contact.closed_at.is_null(False)
    hours = peewee.fn.AVG(peewee.Case(None, [(closed, hours_between(Contact.received_at, Contact.closed_at))]))
    rows = (Contact.select(Contact.category, peewee.fn.COUNT(Contact.id),
                           peewee.fn.SUM(peewee.Case(None, [(closed, 1)], 0)), hours)
            .where(in_period(Contact.received_at, period) & (Contact.deleted == False))  # noqa: E712
            .group_by(Contact.category).tuples())
    found = {c: (n, k or 0, h) for c, n, k, h in rows}
    return [(c.value, *found.get(c.value, (0, 0, None))) for c in Category]


def weekly_analysis(actor: Actor, period: Period, progress: Progress | None = None,
                    moment: datetime | None = None) -> Report:
    """每周分析 over ``period`` (usually Monday–Sunday), compared with the period before it."""
    require(actor, Permission.DESK_WORK)
    moment = moment or now()
    step(progress, 5, T("reports", "统计类别…"))
    current, before = category_counts(period), category_counts(previous(period))
    total, total_before = sum(current.values()), sum(before.values())
    categories = ReportTable("categories", T("reports", "类别分析（与上期比较）"), [
        ReportColumn(T("reports", "类别")), ReportColumn(T("reports", "本期"), "int"), ReportColumn(T("reports", "占比"), "percent"),
        ReportColumn(T("reports", "上期"), "int"), ReportColumn(T("reports", "增减"), "int"), ReportColumn(T("reports", "增幅"), "percent")])
    for key, n in current.items():
        was = before.get(key, 0)
        growth = ratio(n - was, was)
        categories.rows.append([enum_label(key), n, ratio(n, total), was, n - was, growth])
    categories.rows.append([TOTAL, total, ratio(total, total), total_before, total - total_before,
                            ratio(total - total_before, total_before)])
    step(progress, 20, T("reports", "统计热点问题…"))
    counts, texts = current_segmenter().count(_requests(period))
    topics = ReportTable("topics", T("reports", "热点问题（诉求高频词）"), [
        ReportColumn(T("reports", "排名"), "int"), ReportColumn(T("reports", "关键词")),
        ReportColumn(T("reports", "出现次数"), "int"), ReportColumn(T("reports", "占诉求比例"), "percent")],
        note=T("reports", "把诉求文字分词后计数（每条诉求每个词只计一次），用站点词典保留“道闸、充电桩”等专用词，略去停用词。"))
    for rank, topic in enumerate(hot_topics(counts, TOPICS), start=1):
        topics.rows.append([rank, topic.word, topic.count, ratio(topic.count, texts)])
    step(progress, 70, T("reports", "统计转办超期…"))
    transfers = ReportTable("overdue", T("reports", "转办超期率（按承办部门，期限在本期内的转办）"), [
        ReportColumn(T("reports", "承办部门")), ReportColumn(T("reports", "到期转办"), "int"), ReportColumn(T("reports", "按时答复"), "int"),
        ReportColumn(T("reports", "超期答复"), "int"), ReportColumn(T("reports", "超期未答复"), "int"), ReportColumn(T("reports", "超期率"), "percent")])
    due_n = late_n = 0
    for name, n, on_time, late, waiting in transfer_overdue(period, moment):
        transfers.rows.append([name, n, on_time, late, waiting, ratio(late + waiting, n)])
        due_n, late_n = due_n + n, late_n + late + waiting
    if transfers.rows:
        transfers.rows.append([TOTAL, due_n, sum(r[2] for r in transfers.rows), sum(r[3] for r in transfers.rows),
                               sum(r[4] for r in transfers.rows), ratio(late_n, due_n)])
    step(progress, 85, T("reports", "统计办结时长…"))
    closing = ReportTable("close_time", T("reports", "办结时长（本期受理的接待）"), [
        ReportColumn(T("reports", "类别")), ReportColumn(T("reports", "受理"), "int"), ReportColumn(T("reports", "已办结"), "int"),
        ReportColumn(T("reports", "办结率"), "percent"), ReportColumn(T("reports", "平均办结时长(小时)"), "number")])
    weighted = received = closed_all = 0
    for key, n, closed, hours in close_times(period):
        closing.rows.append([enum_label(key), n, closed, ratio(closed, n), one_decimal(hours)])
        received, closed_all = received + n, closed_all + closed
        weighted += (hours or 0) * closed
    mean_hours = one_decimal(weighted / closed_all) if closed_all else None
    closing.rows.append([TOTAL, received, closed_all, ratio(closed_all, received), mean_hours])
    report = Report("weekly", site_title(T("reports", "每周汇总分析"), period), period, tables=[categories, topics, transfers, closing])
    overdue_rate = ratio(late_n, due_n)
    report.figures = [
        (T("reports", "统计期间"), period.text()),
        (T("reports", "接待总数"), T("reports", "{0:,}（上期 {1:,}）").format(total, total_before)),
        (T("reports", "转办超期率"), f"{overdue_rate * 100:.1f}%" if overdue_rate is not None else "—"),
        (T("reports", "平均办结时长"), T("reports", "{0} 小时").format(mean_hours) if mean_hours is not None else "—"),
        (T("reports", "首位热点"), topics.rows[0][1] if topics.rows else "—"),
    ]
    labels = [r[0] for r in categories.rows[:-1]]
    report.charts.append(Chart(T("reports", "类别：本期与上期"), "bar", labels,
                               [(T("reports", "本期"), [float(r[1]) for r in categories.rows[:-1]]),
                                (T("reports", "上期"), [float(r[3]) for r in categories.rows[:-1]])]))
    if topics.rows:
        report.charts.append(Chart(T("reports", "热点问题"), "hbar", [r[1] for r in topics.rows[:10]],
                                   [(T("reports", "出现次数"), [float(r[2]) for r in topics.rows[:10]])]))
    if not total:
        report.notes.append(T("reports", "本期间没有接待记录。"))
    step(progress, 100, T("reports", "完成"))
    return report
