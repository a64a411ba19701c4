"""The monthly fine sheet: per person and total, sign-off that locks the month, reopening, export."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import peewee

from frontdesk.clock import now
from frontdesk.db.connection import transaction
from frontdesk.db.fields import fen_to_money
from frontdesk.db.models import FineMonth, Incident, Staff, current_site_code
from frontdesk.domain.fines import IncidentStatus, label, yuan
from frontdesk.domain.printdoc import PrintDocument, Table
from frontdesk.domain.roles import Actor, Permission
from frontdesk.errors import T, ValidationError
from frontdesk.excel.exporter import Column, Kind, XlsxWriter
from frontdesk.services.core import audit
from frontdesk.services.core.list_spec import translated_labels
from frontdesk.services.core.permissions import require

OPEN_STATUSES = (IncidentStatus.PENDING.value, IncidentStatus.APPEALED.value)


def month_of(day: date) -> str:
    return day.strftime("%Y-%m")


def month_locked(month: str) -> bool:
    return FineMonth.live().where((FineMonth.month == month) & (FineMonth.locked == True)).exists()  # noqa: E712


def ensure_open(month: str) -> None:
    """Refuse a change to a month whose fine sheet is signed off."""
    if month_locked(month):
        raise ValidationError({"month": T("errors", "{0} 的罚款表已签字确认（已锁定），如需修改请先由主管重新打开").format(month)})


def sheet(actor: Actor, month: str) -> dict[str, Any]:
    """Per person: incidents, confirmed fines, still open; the total; the sign-off. Staff get their own row."""
    require(actor, Permission.READ_OWN_PERSONNEL)
    confirmed = peewee.fn.SUM(peewee.Case(None, [(Incident.status == IncidentStatus.CONFIRMED.value,
                                                  Incident.amount)], 0))
    still_open = peewee.fn.SUM(peewee.Case(None, [(Incident.status.in_(OPEN_STATUSES), 1)], 0))
    counted = peewee.fn.SUM(peewee.Case(None, [(Incident.status == IncidentStatus.CONFIRMED.value, 1)], 0))
    select = (
        Incident.select(Staff.uuid.alias("staff_uuid"), Staff.staff_no, Staff.name, counted.alias("count"),
                        confirmed.alias("fen"), still_open.alias("open"))
        .join(Staff, on=(Incident.staff == Staff.uuid))
        .where((Incident.month == month) & (Incident.deleted == False)  # noqa: E712
               & (Incident.status != IncidentStatus.REVOKED.value))
        .group_by(Staff.uuid, Staff.staff_no, Staff.name)
        .order_by(Staff.staff_no)
    )
    if not actor.can(Permission.MANAGE_PERSONNEL):
        select = select.where(Incident.staff == actor.uuid)
    rows = [dict(r, amount=fen_to_money(r.pop("fen")), count=int(r["count"] or 0), open=int(r["open"] or 0))
            for r in select.dicts()]
    state = FineMonth.live().where(FineMonth.month == month).first()
    return {
        "month": month,
        "rows": rows,
        "total": sum((r["amount"] for r in rows), Decimal("0.00")),
        "open": sum(r["open"] for r in rows),
        "locked": bool(state and state.locked),
        "signed_by": state.signed_by_name if state and state.locked else "",
        "signed_at": state.signed_at if state and state.locked else None,
        "reopen_reason": state.reopen_reason if state else "",
    }


def sign_off(actor: Actor, month: str) -> None:
    """The manager signs the month off: refused while incidents are 待确认 or 申诉中; locks the month."""
    require(actor, Permission.MANAGE_PERSONNEL)
    with transaction():
        data = sheet(actor, month)
        if data["locked"]:
            raise ValidationError({"month": T("errors", "{0} 已签字确认").format(month)})
        if data["open"]:
            raise ValidationError({"month": T("errors", "{0} 还有 {1} 条违纪记录待确认或申诉中，处理完后才能签字").format(month, data['open'])})
        state = FineMonth.live().where(FineMonth.month == month).first() or FineMonth(month=month)
        state.locked, state.signed_by_name, state.signed_at, state.total = True, actor.name, now(), data["total"]
        state.save()
        audit.record(actor, "fine_month", _key(month), "sign_off", {"locked": False},
                     {"locked": True, "total": data["total"]})


def reopen(actor: Actor, month: str, reason: str) -> None:
    """Unlock a signed-off month; the reason is required and kept."""
    require(actor, Permission.MANAGE_PERSONNEL)
    if not reason.strip():
        raise ValidationError({"reason": T("errors", "重新打开已签字的月份须填写原因")})
    with transaction():
        state = FineMonth.live().where(FineMonth.month == month).first()
        if state is None or not state.locked:
            raise ValidationError({"month": T("errors", "{0} 尚未签字，无需重新打开").format(month)})
        state.locked, state.reopen_reason = False, reason.strip()[:200]
        state.save()
        audit.record(actor, "fine_month", _key(month), "reopen", {"locked": True, "signed_by": state.signed_by_name},
                     {"locked": False}, reason.strip())


def _key(month: str) -> str:
    """The audit key of a month's sheet at this site."""
    return f"fine-month:{current_site_code()}:{month}"


def month_history(actor: Actor, month: str) -> list[dict[str, Any]]:
    return audit.history(actor, _key(month))


def print_document(actor: Actor, month: str, site_name: str = "") -> PrintDocument:
    """The month's sheet on paper for the manager's signature, anchored in the audit chain (its head)."""
    require(actor, Permission.MANAGE_PERSONNEL)
    data = sheet(actor, month)
    rows = [[r["staff_no"], r["name"], str(r["count"]), yuan(r["amount"]), str(r["open"])] for r in data["rows"]]
    rows.append([TOTAL, T("print", "{0} 人").format(len(data["rows"])), str(sum(r["count"] for r in data["rows"])),
                 yuan(data["total"]), str(data["open"])])
    signed = (T("print", "已签字锁定：{0}，{1}").format(data["signed_by"], f"{data['signed_at']:%Y-%m-%d %H:%M}")
              if data["locked"] else UNSIGNED)
    return PrintDocument(
        title=T("print", "月度罚款表"), subtitle=month, site_name=site_name,
        fields=[(T("print", "月份"), month), (T("print", "罚款合计"), T("print", "{0} 元").format(yuan(data["total"]))),
                (T("print", "状态"), signed), (T("print", "待处理"), T("print", "{0} 条").format(data["open"]))],
        tables=[Table([c.header for c in SUMMARY_COLUMNS], rows, T("print", "按员工汇总"),
                      ["left", "left", "right", "right", "right"])],
        signature_lines=[T("print", "制表"), T("print", "主管签字")], printed_at=now(), footer=audit.anchor(),
    )


TOTAL, UNSIGNED = T("print", "合计"), T("print", "未签字")
SUMMARY_COLUMNS = [
    Column("staff_no", T("columns", "工号")), Column("name", T("columns", "姓名")),
    Column("count", T("columns", "已确认条数"), Kind.INT), Column("amount", T("columns", "罚款合计（元）"), Kind.MONEY),
    Column("open", T("columns", "待处理条数"), Kind.INT),
]
DETAIL_COLUMNS = [
    Column("number", T("columns", "编号")), Column("occurred_at", T("columns", "时间"), Kind.DATETIME),
    Column("staff_no", T("columns", "工号")), Column("name", T("columns", "姓名")),
    Column("rule_code", T("columns", "条款")), Column("description", T("columns", "违纪情况")),
    Column("amount", T("columns", "罚款（元）"), Kind.MONEY),
    Column("status", T("columns", "状态"), Kind.ENUM, labels=label), Column("recorded_by_name", T("columns", "登记人")),
]


def _same(text: str) -> str:
    return text


def export_sheet(actor: Actor, month: str, path: str | Path,
                 progress: Callable[[int, int | None], None] | None = None,
                 cancel: Callable[[], bool] | None = None, text: Callable[[str], str] = _same) -> int:
    """Write the month's sheet (summary with total, and the detail) as .xlsx; returns detail rows. Sheet names,
    headers and labels in the language of ``text`` (the UI's translator of Messages; default Chinese)."""
    require(actor, Permission.MANAGE_PERSONNEL)
    data = sheet(actor, month)
    summary = list(data["rows"]) + [
        {"staff_no": text(TOTAL), "name": text(T("print", "签字：{0}").format(data["signed_by"] or UNSIGNED)), "count": sum(r["count"] for r in data["rows"]),
         "amount": data["total"], "open": data["open"]}]
    detail = (
        Incident.select(Incident.number, Incident.occurred_at, Staff.staff_no, Staff.name, Incident.rule_code,
                        Incident.description, Incident.amount, Incident.status, Incident.recorded_by_name)
        .join(Staff, on=(Incident.staff == Staff.uuid))
        .where((Incident.month == month) & (Incident.deleted == False))  # noqa: E712
        .order_by(Staff.staff_no, Incident.occurred_at)
    )
    total = detail.count()
    def columns(of: list[Column]) -> list[Column]:
        return [replace(c, header=text(c.header), labels=translated_labels(c.labels, text) if c.labels else None)
                for c in of]

    with XlsxWriter(path) as writer:
        writer.add_sheet(text(T("print", "{0} 罚款汇总").format(month)), columns(SUMMARY_COLUMNS), summary, cancel=cancel)
        return writer.add_sheet(text(T("print", "{0} 违纪明细").format(month)), columns(DETAIL_COLUMNS),
                                detail.dicts().iterator(), total=total, progress=progress, cancel=cancel)
