"""Returns and exchanges (退换货): take a request with its policy check and inspection, decide, approve, complete."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

import peewee

from frontdesk.clock import now
from frontdesk.db.connection import transaction
from frontdesk.db.models import ReturnOrder, Staff
from frontdesk.db.numbering import next_number
from frontdesk.domain.phones import normalize_phone
from frontdesk.domain.returns import (
    Decision,
    Inspection,
    PolicyCheck,
    ReturnInput,
    ReturnStatus,
    check_policy,
    decision_problems,
    label,
    parse_money,
    return_problems,
)
from frontdesk.domain.roles import Actor, Permission
from frontdesk.errors import Message, NotFound, T, ValidationError
from frontdesk.services.aftersales import policy as aftersales_settings
from frontdesk.services.core import audit
from frontdesk.services.core.permissions import require

MODULE_CODE = "TH"


@dataclass(frozen=True)
class SavedReturn:
    uuid: str
    number: str
    status: str


def policy_check(kind: str, category: str, purchase_date: date | None, has_receipt: bool) -> PolicyCheck:
    """The verdict the form shows as the clerk types (windows as set by the managers)."""
    return check_policy(kind, category, purchase_date, now().date(), has_receipt, aftersales_settings.policies())


def needs_approval(refund: Decimal) -> bool:
    return refund > aftersales_settings.refund_threshold()


def _status_for(decision: str, refund: Decimal) -> ReturnStatus:
    if decision == Decision.REFUSE.value:
        return ReturnStatus.REFUSED
    if decision == Decision.NEGOTIATE.value:
        return ReturnStatus.NEGOTIATING
    return ReturnStatus.PENDING_APPROVAL if needs_approval(refund) else ReturnStatus.OPEN


def create_return(actor: Actor, data: ReturnInput) -> SavedReturn:
    """Record a request with its inspection and decision; a refund above the threshold waits for a manager."""
    require(actor, Permission.DESK_WORK)
    moment = now()
    policies = aftersales_settings.policies()
    errors = return_problems(data, moment.date(), policies)
    if errors:
        raise ValidationError(errors)
    check = check_policy(data.kind, data.category, data.purchase_date, moment.date(), data.has_receipt, policies)
    inspection = data.inspection or Inspection()
    refund = parse_money(data.refund_amount) or Decimal("0.00")
    if data.decision != Decision.AGREE.value:
        refund = Decimal("0.00")
    status = _status_for(data.decision, refund)
    with transaction():
        order = ReturnOrder.create(
            number=next_number(MODULE_CODE, moment.date()), received_at=moment,
            customer_name=data.customer_name.strip(), phone=normalize_phone(data.phone), kind=data.kind,
            category=data.category, item=data.item.strip(), quantity=int(data.quantity),
            amount_paid=parse_money(data.amount_paid), purchase_date=data.purchase_date,
            has_receipt=bool(data.has_receipt), receipt_no=data.receipt_no.strip() if data.has_receipt else "",
            reason=data.reason.strip(), window_days=check.window_days, within_window=check.within_window,
            quality_ok=inspection.quality_ok, quality_note=inspection.quality_note.strip()[:200],
            packaging_ok=inspection.packaging_ok, packaging_note=inspection.packaging_note.strip()[:200],
            accessories_ok=inspection.accessories_ok, accessories_note=inspection.accessories_note.strip()[:200],
            decision=data.decision, refund_amount=refund,
            replacement_item=data.replacement_item.strip() if data.decision == Decision.AGREE.value else "",
            note=data.note.strip(), status=status.value, handled_by=actor.uuid,
        )
        return SavedReturn(order.uuid, order.number, order.status)


def _order(uuid: str, revision: int | None = None) -> ReturnOrder:
    """The live order; with ``revision`` (the one the dialog loaded) its next save is revision-checked."""
    order = ReturnOrder.live().where(ReturnOrder.uuid == uuid).first()
    if order is None:
        raise NotFound(T("errors", "该退换货记录不存在或已删除"))
    return order.expect_revision(revision)


def decide(actor: Actor, uuid: str, decision: str, refund_amount: str | Decimal, replacement_item: str,
           note: str, revision: int | None = None) -> str:
    """The outcome of a negotiation (协商中 only): agree (maybe pending approval) or refuse. Returns the status."""
    require(actor, Permission.DESK_WORK)
    with transaction():
        order = _order(uuid, revision)
        if order.status != ReturnStatus.NEGOTIATING.value:
            raise ValidationError({"decision": T("errors", "当前状态为「{0}」，只有协商中的记录可以改处理意见").format(Message("enum", label(order.status)))})
        if decision == Decision.NEGOTIATE.value:
            raise ValidationError({"decision": T("errors", "请选择协商结果：同意或拒绝")})
        check = PolicyCheck(None, order.window_days, order.within_window, order.has_receipt)
        errors = decision_problems(order.kind, decision, order.amount_paid, refund_amount, replacement_item, check,
                                   note)
        if errors:
            raise ValidationError(errors)
        old = {"decision": order.decision, "status": order.status, "refund_amount": order.refund_amount}
        refund = parse_money(refund_amount) if decision == Decision.AGREE.value else Decimal("0.00")
        order.decision = decision
        order.refund_amount = refund or Decimal("0.00")
        order.replacement_item = replacement_item.strip() if decision == Decision.AGREE.value else ""
        order.note = "\n".join(p for p in (order.note, note.strip()) if p)
        order.status = _status_for(decision, order.refund_amount).value
        order.save()
        audit.record(actor, "return_order", uuid, "decide", old,
                     {"decision": order.decision, "status": order.status, "refund_amount": order.refund_amount})
        return order.status


def approve(actor: Actor, uuid: str, note: str = "", revision: int | None = None) -> None:
    """A manager approves a refund above the threshold; staff are refused here, not only in the UI."""
    require(actor, Permission.APPROVE_AFTERSALES)
    with transaction():
        order = _order(uuid, revision)
        if order.status != ReturnStatus.PENDING_APPROVAL.value:
            raise ValidationError({"status": T("errors", "当前状态为「{0}」，无需审批").format(Message("enum", label(order.status)))})
        order.status = ReturnStatus.OPEN.value
        order.approved_by = actor.uuid
        order.approved_at = now()
        if note.strip():
            order.note = "\n".join(p for p in (order.note, f"审批意见：{note.strip()}") if p)
        order.save()
        audit.record(actor, "return_order", uuid, "approve", {"status": ReturnStatus.PENDING_APPROVAL.value},
                     {"status": order.status, "refund_amount": order.refund_amount}, note)


def complete(actor: Actor, uuid: str, revision: int | None = None) -> None:
    """Refund paid / replacement handed over. A large refund must have been approved first."""
    require(actor, Permission.DESK_WORK)
    with transaction():
        order = _order(uuid, revision)
        if order.status == ReturnStatus.PENDING_APPROVAL.value:
            raise ValidationError({"status": T("errors", "退款 {0} 元超过审批金额，须主管审批后才能办结").format(order.refund_amount)})
        if order.status != ReturnStatus.OPEN.value:
            raise ValidationError({"status": T("errors", "当前状态为「{0}」，不能办结").format(Message("enum", label(order.status)))})
        order.status = ReturnStatus.COMPLETED.value
        order.completed_at = now()
        order.save()
        audit.record(actor, "return_order", uuid, "complete", {"status": ReturnStatus.OPEN.value},
                     {"status": order.status, "refund_amount": order.refund_amount})


def get_return(actor: Actor, uuid: str) -> dict[str, Any]:
    require(actor, Permission.DESK_WORK)
    handler, approver = Staff.alias(), Staff.alias()
    row = (
        ReturnOrder.select(ReturnOrder, handler.name.alias("handled_by_name"), approver.name.alias("approved_by_name"))
        .join(handler, peewee.JOIN.LEFT_OUTER, on=(ReturnOrder.handled_by == handler.uuid))
        .switch(ReturnOrder).join(approver, peewee.JOIN.LEFT_OUTER, on=(ReturnOrder.approved_by == approver.uuid))
        .where((ReturnOrder.uuid == uuid) & (ReturnOrder.deleted == False))  # noqa: E712
        .dicts()
        .first()
    )
    if row is None:
        raise NotFound(T("errors", "该退换货记录不存在或已删除"))
    row["needs_approval"] = needs_approval(row["refund_amount"])
    return row
