"""回访表 (return-visit form) for printing: a visit as recorded, or a blank form for a customer due a visit."""

from __future__ import annotations

from typing import Any

from frontdesk.clock import now
from frontdesk.db.models import Complaint, Contact, Staff
from frontdesk.domain.printdoc import PrintDocument
from frontdesk.domain.roles import Actor, Permission
from frontdesk.domain.visits import label
from frontdesk.services.core.permissions import require
from frontdesk.services.reception import visits

FOOTER = "回访内容如实记录；客户提出的意见和建议须在 3 个工作日内转交相关部门并跟踪落实。"
SIGNATURES = ["回访人", "客服主管", "日期"]


def _fmt(value: Any) -> str:
    if value is None:
        return ""
    return value.strftime("%Y-%m-%d %H:%M") if hasattr(value, "hour") else value.isoformat()


def _about(contact_uuid: str | None, complaint_uuid: str | None) -> tuple[str, str]:
    """(number, subject) of the complaint or contact the visit follows up."""
    if complaint_uuid:
        case = Complaint.select(Complaint.number, Complaint.subject).where(Complaint.uuid == complaint_uuid).first()
        if case is not None:
            return case.number, case.subject
    if contact_uuid:
        contact = Contact.select(Contact.number, Contact.request).where(Contact.uuid == contact_uuid).first()
        if contact is not None:
            return contact.number, contact.request
    return "", ""


def visit_form(actor: Actor, uuid: str, site_name: str = "") -> PrintDocument:
    """The 回访表 of a recorded visit: who was visited about what, how, their opinions, the result."""
    row = visits.get_visit(actor, uuid)
    number, subject = _about(row["contact_uuid"], row["complaint_uuid"])
    visitor = Staff.select(Staff.name).where(Staff.uuid == row["visitor_uuid"]).scalar() or ""
    fields: list[tuple[str, object] | tuple[str, object, bool]] = [
        ("客户", row["customer_name"]), ("联系电话", row["phone"]),
        ("回访时间", _fmt(row["visited_at"])), ("回访方式", label(row["method"])),
        ("回访人", visitor), ("关联单号", number),
        ("回访事由", subject, True),
        ("客户意见", row["opinions"], True), ("客户建议", row["suggestions"], True),
        ("回访结果", row["result"], True),
        ("客户满意度", label(row["satisfaction"]) or "未评价"), ("下次回访", _fmt(row["next_visit_date"])),
    ]
    return PrintDocument(title="客户回访表", number=number, site_name=site_name, fields=fields,
                         signature_lines=SIGNATURES, printed_at=now(), footer=FOOTER)


def blank_form(actor: Actor, due: dict[str, Any], site_name: str = "") -> PrintDocument:
    """A 回访表 to fill in by hand for a row of the due list (customer and what it is about filled)."""
    require(actor, Permission.DESK_WORK)
    number, subject = _about(due.get("contact_uuid"), due.get("complaint_uuid"))
    fields: list[tuple[str, object] | tuple[str, object, bool]] = [
        ("客户", due.get("customer_name") or ""), ("联系电话", due.get("phone") or ""),
        ("回访时间", ""), ("回访方式", "□电话  □上门  □短信  □微信"),
        ("回访人", ""), ("关联单号", number),
        ("回访事由", subject or label(due.get("kind") or ""), True),
        ("客户意见", "\n\n", True), ("客户建议", "\n\n", True), ("回访结果", "\n\n", True),
        ("客户满意度", "□满意  □基本满意  □不满意"), ("下次回访", ""),
    ]
    return PrintDocument(title="客户回访表", number=number, site_name=site_name, fields=fields,
                         signature_lines=SIGNATURES, printed_at=now(), footer=FOOTER)
