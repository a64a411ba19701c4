"""满意度分项: speed, result and communication of the period's closed complaints and return visits (seed 003)."""

from __future__ import annotations

import peewee

from frontdesk.db.models import Complaint, ReturnVisit
from frontdesk.domain.complaints import Satisfaction
from frontdesk.domain.report import Period, ReportColumn, ReportTable, ratio
from frontdesk.domain.satisfaction import FIELDS, LABELS
from frontdesk.errors import T
from frontdesk.services.reports.common import enum_label, in_period, label_message


def dimension_table(period: Period) -> ReportTable:
    """One row per source and dimension: counts of each value, unrated, and the satisfied share (满意+基本满意)."""
    table = ReportTable("satisfaction_dimensions", T("reports", "满意度分项（处理速度、处理结果、沟通态度）"), [
        ReportColumn(T("reports", "来源")), ReportColumn(T("reports", "分项")),
        *[ReportColumn(enum_label(s.value), "int") for s in Satisfaction],
        ReportColumn(T("reports", "未评价"), "int"), ReportColumn(T("reports", "满意率"), "percent")])
    sources = ((T("reports", "结案投诉"), Complaint, Complaint.closed_at),
               (T("reports", "回访"), ReturnVisit, ReturnVisit.visited_at))
    for source, model, moment in sources:
        where = in_period(moment, period) & (model.deleted == False)  # noqa: E712
        if model is Complaint:
            where &= Complaint.closed_at.is_null(False)
        sums = []
        for name in FIELDS.values():
            field = getattr(model, name)
            sums += [peewee.fn.SUM(peewee.Case(None, [(field == s.value, 1)], 0)) for s in Satisfaction]
        row = model.select(peewee.fn.COUNT(model.id), *sums).where(where).tuples().first() or (0,)
        total = row[0] or 0
        for index, dim in enumerate(FIELDS):
            counts = [int(n or 0) for n in row[1 + 3 * index:4 + 3 * index]] or [0, 0, 0]
            rated = sum(counts)
            table.rows.append([source, label_message(LABELS[dim]), *counts, total - rated, ratio(counts[0] + counts[1], rated)])
    return table
