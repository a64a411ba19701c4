"""Assessment results: the ranking of a period, each person's history, and their Excel export."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

import peewee

from frontdesk.clock import now
from frontdesk.db.models import Assessment, AssessmentRun, Department, Staff
from frontdesk.domain import assessment as rules
from frontdesk.domain.assessment import Dimension, PeriodKind, Status
from frontdesk.domain.printdoc import PrintDocument, Table
from frontdesk.domain.roles import Actor, Permission
from frontdesk.errors import Message, PermissionDenied, T
from frontdesk.excel.exporter import Column, Kind, export_rows
from frontdesk.services.core import audit
from frontdesk.services.core.list_spec import translated_labels
from frontdesk.services.core.permissions import require


def _in_periods() -> peewee.Expression:
    """Assessments of month and quarter runs: an ad-hoc run (不定期专项) is never ranked with a period."""
    return Assessment.run.in_(AssessmentRun.select(AssessmentRun.uuid).where(
        AssessmentRun.period_kind != PeriodKind.ADHOC.value))


def periods(actor: Actor) -> list[str]:
    """Period keys (months, quarters) that have scored assessments, newest first; ad-hoc runs have none."""
    require(actor, Permission.MANAGE_PERSONNEL)
    rows = (Assessment.select(Assessment.period_key).where(
        (Assessment.deleted == False) & (Assessment.status != Status.DRAFT.value)  # noqa: E712
        & _in_periods())
        .distinct().tuples())
    return sorted((k for (k,) in rows), key=_period_sort, reverse=True)


def _period_sort(key: str) -> tuple[int, int, int]:
    year, rest = key.split("-", 1)
    if rest.startswith("Q"):
        return int(year), (int(rest[1:]) - 1) * 3 + 3, 1  # a quarter sorts after its last month
    return int(year), int(rest), 0


def ranking(actor: Actor, period_key: str) -> list[dict[str, Any]]:
    """Scored assessments of a period by total, highest first; equal totals share a rank (1, 2, 2, 4)."""
    require(actor, Permission.MANAGE_PERSONNEL)
    rows = (Assessment.select(Assessment.uuid, Assessment.total, Assessment.grade, Assessment.follow_up,
                              Assessment.status, Assessment.dimensions, Staff.staff_no, Staff.name.alias("staff_name"),
                              Department.name.alias("department"))
            .join(Staff, on=(Assessment.staff == Staff.uuid))
            .join(Department, on=(Staff.department == Department.uuid), join_type=peewee.JOIN.LEFT_OUTER)
            .where((Assessment.period_key == period_key) & (Assessment.deleted == False)  # noqa: E712
                   & (Assessment.status != Status.DRAFT.value) & _in_periods())
            .order_by(Assessment.total.desc(), Staff.staff_no).dicts())
    out: list[dict[str, Any]] = []
    for index, row in enumerate(rows):
        rank = out[-1]["rank"] if out and out[-1]["total"] == row["total"] else index + 1
        dims = {Dimension(k): Decimal(v) for k, v in json.loads(row.pop("dimensions") or "{}").items()}
        out.append(dict(row, rank=rank, period_key=period_key, **{f"dim_{d.value}": dims.get(d) for d in Dimension}))
    return out


def history(actor: Actor, staff_uuid: str) -> list[dict[str, Any]]:
    """One person's scored assessments, oldest first (for the trend chart), ad-hoc ones included (their
    ``period_kind`` is adhoc, ``period_key`` their first day); staff see only their own."""
    require(actor, Permission.READ_OWN_PERSONNEL)
    if staff_uuid != actor.uuid and not actor.can(Permission.MANAGE_PERSONNEL):
        raise PermissionDenied(T("errors", "只能查看本人的考核"))
    rows = (Assessment.select(Assessment.period_key, Assessment.period_start, Assessment.total, Assessment.grade,
                              Assessment.dimensions, AssessmentRun.period_kind, AssessmentRun.name.alias("run_name"))
            .join(AssessmentRun, on=(Assessment.run == AssessmentRun.uuid))
            .where((Assessment.staff == staff_uuid) & (Assessment.deleted == False)  # noqa: E712
                   & (Assessment.status != Status.DRAFT.value))
            .order_by(Assessment.period_start, Assessment.id).dicts())
    return [{"period_key": r["period_key"], "period_kind": r["period_kind"], "total": r["total"],
             "grade": r["grade"], "run_name": r["run_name"],
             "dimensions": {Dimension(k): Decimal(v) for k, v in json.loads(r["dimensions"] or "{}").items()}}
            for r in rows]


def assessed_staff(actor: Actor) -> list[dict[str, Any]]:
    """People with at least one scored assessment, for the history picker."""
    require(actor, Permission.MANAGE_PERSONNEL)
    rows = (Staff.select(Staff.uuid, Staff.staff_no, Staff.name).where(Staff.uuid.in_(
        Assessment.select(Assessment.staff).where((Assessment.deleted == False)  # noqa: E712
                                                  & (Assessment.status != Status.DRAFT.value))))
            .order_by(Staff.staff_no).dicts())
    return list(rows)


def export_columns() -> list[Column]:
    """The ranking's columns; headers are Messages (T("print", …)), vocabulary labels Chinese (context "enum")."""
    return [
        Column("rank", T("print", "名次"), Kind.INT), Column("staff_no", T("print", "工号")),
        Column("staff_name", T("print", "姓名")), Column("department", T("print", "部门")),
        *[Column(f"dim_{d.value}", T("print", "{0}（%）").format(Message("enum", rules.LABELS[d])), Kind.MONEY)
          for d in Dimension],
        Column("total", T("print", "总分"), Kind.MONEY),
        Column("grade", T("print", "等级"), Kind.ENUM, labels=rules.label),
        Column("follow_up", T("print", "结果应用"), Kind.ENUM, labels=rules.label),
        Column("status", T("print", "状态"), Kind.ENUM, labels=rules.label),
    ]


def _same(text: str) -> str:
    return text


def export_ranking(actor: Actor, period_key: str, path: str | Path, progress: Any = None, cancel: Any = None,
                   text: Callable[[str], str] = _same) -> int:
    """The period's ranking as a formatted sheet through the shared exporter; sheet name, headers and labels in
    the language of ``text`` (the UI's translator of Messages; default Chinese)."""
    rows = ranking(actor, period_key)
    columns = [replace(c, header=text(c.header), labels=translated_labels(c.labels, text) if c.labels else None)
               for c in export_columns()]
    return export_rows(path, text(T("print", "考核排名 {0}").format(period_key)), columns, rows, total=len(rows),
                       progress=progress, cancel=cancel)


def print_document(actor: Actor, period_key: str, site_name: str = "") -> PrintDocument:
    """The period's results on paper for signature, anchored in the audit chain (its head's short code)."""
    rows = ranking(actor, period_key)
    columns = [c for c in export_columns() if c.key != "department"]
    cells = [[_cell(row.get(c.key), c) for c in columns] for row in rows]
    return PrintDocument(
        title=T("print", "考核结果"), subtitle=period_key, site_name=site_name,
        fields=[(T("print", "考核期"), period_key), (T("print", "考核人数"), T("print", "{0} 人").format(len(rows)))],
        tables=[Table([c.header for c in columns], cells, T("print", "排名"),
                      ["right" if c.kind in (Kind.INT, Kind.MONEY) else "left" for c in columns])],
        landscape=True, signature_lines=[T("print", "制表"), T("print", "审核"), T("print", "主管签字")],
        printed_at=now(), footer=audit.anchor(),
    )


def _cell(value: Any, column: Column) -> str:
    if value is None:
        return ""
    labels = column.labels
    if labels is not None:
        text = labels(value) if callable(labels) else labels.get(value, str(value))
        return Message("enum", text) if text else ""
    return str(value)
