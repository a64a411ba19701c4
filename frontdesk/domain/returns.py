"""Return/exchange rules (退换货): item categories, policy windows, inspection, decisions and refund limits."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from frontdesk.domain.labels import labeller
from frontdesk.domain.phones import phone_problem
from frontdesk.errors import QT_TRANSLATE_NOOP, T

DEFAULT_RETURN_DAYS = 7
DEFAULT_EXCHANGE_DAYS = 15
DEFAULT_REFUND_THRESHOLD = Decimal("500.00")
MAX_AMOUNT = Decimal("9999999.99")


class ReturnKind(StrEnum):
    RETURN = "return"
    EXCHANGE = "exchange"


class ItemCategory(StrEnum):
    """Item categories, each with its own return and exchange window."""

    CLOTHING = "clothing"
    DIGITAL = "digital"
    APPLIANCE = "appliance"
    FOOD = "food"
    COSMETICS = "cosmetics"
    GENERAL = "general"


class Decision(StrEnum):
    AGREE = "agree"
    REFUSE = "refuse"
    NEGOTIATE = "negotiate"


class ReturnStatus(StrEnum):
    """协商中 → (待审批 →) 待办结 → 已完成; or 已拒绝."""

    NEGOTIATING = "negotiating"
    PENDING_APPROVAL = "pending_approval"
    OPEN = "open"
    COMPLETED = "completed"
    REFUSED = "refused"


LABELS: dict[str, str] = {
    ReturnKind.RETURN: QT_TRANSLATE_NOOP("enum", "退货"),
    ReturnKind.EXCHANGE: QT_TRANSLATE_NOOP("enum", "换货"),
    ItemCategory.CLOTHING: QT_TRANSLATE_NOOP("enum", "服装鞋帽"),
    ItemCategory.DIGITAL: QT_TRANSLATE_NOOP("enum", "数码产品"),
    ItemCategory.APPLIANCE: QT_TRANSLATE_NOOP("enum", "家用电器"),
    ItemCategory.FOOD: QT_TRANSLATE_NOOP("enum", "食品"),
    ItemCategory.COSMETICS: QT_TRANSLATE_NOOP("enum", "化妆品"),
    ItemCategory.GENERAL: QT_TRANSLATE_NOOP("enum", "日用百货"),
    Decision.AGREE: QT_TRANSLATE_NOOP("enum", "同意"),
    Decision.REFUSE: QT_TRANSLATE_NOOP("enum", "拒绝"),
    Decision.NEGOTIATE: QT_TRANSLATE_NOOP("enum", "协商"),
    ReturnStatus.NEGOTIATING: QT_TRANSLATE_NOOP("enum", "协商中"),
    ReturnStatus.PENDING_APPROVAL: QT_TRANSLATE_NOOP("enum", "待主管审批"),
    ReturnStatus.OPEN: QT_TRANSLATE_NOOP("enum", "待办结"),
    ReturnStatus.COMPLETED: QT_TRANSLATE_NOOP("enum", "已完成"),
    ReturnStatus.REFUSED: QT_TRANSLATE_NOOP("enum", "已拒绝"),
}


label = labeller(LABELS)


@dataclass(frozen=True)
class Window:
    """Days after purchase within which an item of a category may be returned / exchanged."""

    return_days: int = DEFAULT_RETURN_DAYS
    exchange_days: int = DEFAULT_EXCHANGE_DAYS


def default_policies() -> dict[str, Window]:
    return {c.value: Window() for c in ItemCategory}


@dataclass(frozen=True)
class PolicyCheck:
    """The policy verdict shown while the clerk types, and stored with the order."""

    days_since: int | None
    window_days: int
    within_window: bool
    receipt_ok: bool

    @property
    def passes(self) -> bool:
        return self.within_window and self.receipt_ok

    def text(self) -> str:
        if self.days_since is None:
            return "请填写购买日期"
        if self.days_since < 0:
            return "购买日期不能晚于今天"
        parts = [f"购买后第 {self.days_since} 天，政策期限 {self.window_days} 天："
                 + ("在期限内" if self.within_window else "已超出期限")]
        parts.append("有购物凭证" if self.receipt_ok else "无购物凭证")
        return "；".join(parts)


def check_policy(kind: str, category: str, purchase_date: date | None, today: date, has_receipt: bool,
                 policies: dict[str, Window]) -> PolicyCheck:
    """Is the request inside its window (purchase day is day 0; day N of an N-day window still counts)?"""
    window = policies.get(category, Window())
    days = window.exchange_days if kind == ReturnKind.EXCHANGE.value else window.return_days
    since = (today - purchase_date).days if purchase_date else None
    within = since is not None and 0 <= since <= days
    return PolicyCheck(since, days, within, bool(has_receipt))


def parse_money(text: str | Decimal | None) -> Decimal | None:
    """A non-negative amount with at most two decimals, or None if it is not one."""
    if isinstance(text, float):
        raise TypeError("money must not be a float")
    if text is None or (isinstance(text, str) and not text.strip()):
        return Decimal("0.00")
    try:
        value = Decimal(str(text).strip().replace(",", "").replace("¥", "").replace("元", ""))
    except InvalidOperation:
        return None
    if not value.is_finite() or value < 0 or value > MAX_AMOUNT or value != value.quantize(Decimal("0.01")):
        return None
    return value.quantize(Decimal("0.01"))


@dataclass
class Inspection:
    """验货: each item passes or not, with a note."""

    quality_ok: bool = True
    quality_note: str = ""
    packaging_ok: bool = True
    packaging_note: str = ""
    accessories_ok: bool = True
    accessories_note: str = ""


@dataclass
class ReturnInput:
    """The return/exchange form as typed (amounts as text or Decimal)."""

    customer_name: str
    phone: str
    kind: str
    category: str
    item: str
    amount_paid: str | Decimal
    purchase_date: date | None
    has_receipt: bool = True
    receipt_no: str = ""
    quantity: int = 1
    reason: str = ""
    inspection: Inspection | None = None
    decision: str = Decision.AGREE.value
    refund_amount: str | Decimal = ""
    replacement_item: str = ""
    note: str = ""


def decision_problems(kind: str, decision: str, paid: Decimal | None, refund_text: str | Decimal,
                      replacement: str, check: PolicyCheck | None, note: str) -> dict[str, str]:
    """What is wrong with a decision: refund never above the amount paid, never negative."""
    errors: dict[str, str] = {}
    if decision not in {d.value for d in Decision}:
        errors["decision"] = T("errors", "请选择处理意见：同意、拒绝或协商")
        return errors
    refund = parse_money(refund_text)
    if refund is None:
        errors["refund_amount"] = T("errors", "退款金额应为不小于 0 的数字，最多两位小数")
    elif paid is not None and refund > paid:
        errors["refund_amount"] = T("errors", "退款金额不能超过实付金额 {0} 元").format(paid)
    if decision == Decision.AGREE.value:
        if kind == ReturnKind.RETURN.value and refund is not None and refund <= 0:
            errors["refund_amount"] = T("errors", "同意退货须填写退款金额")
        if kind == ReturnKind.EXCHANGE.value and not replacement.strip():
            errors["replacement_item"] = T("errors", "同意换货须填写换回的商品")
        if check is not None and not check.passes and not note.strip():
            errors["note"] = T("errors", "不符合退换货政策仍同意办理时，请在备注中说明原因")
    elif decision == Decision.REFUSE.value and not note.strip():
        errors["note"] = T("errors", "拒绝时请在备注中说明原因")
    return errors


def return_problems(data: ReturnInput, today: date, policies: dict[str, Window]) -> dict[str, str]:
    """Field → message for everything wrong with the form; empty when it can be saved."""
    errors: dict[str, str] = {}
    if not data.customer_name.strip():
        errors["customer_name"] = T("errors", "请填写顾客姓名或称呼")
    elif len(data.customer_name.strip()) > 30:
        errors["customer_name"] = T("errors", "顾客称呼不超过 30 字")
    problem = phone_problem(data.phone, required=True)
    if problem:
        errors["phone"] = problem
    if data.kind not in {k.value for k in ReturnKind}:
        errors["kind"] = T("errors", "请选择退货或换货")
    if data.category not in {c.value for c in ItemCategory}:
        errors["category"] = T("errors", "请选择商品类别")
    if not data.item.strip():
        errors["item"] = T("errors", "请填写商品名称")
    elif len(data.item) > 100:
        errors["item"] = T("errors", "商品名称不超过 100 字")
    if not 1 <= int(data.quantity) <= 9999:
        errors["quantity"] = T("errors", "数量应在 1–9999 之间")
    paid = parse_money(data.amount_paid)
    if paid is None:
        errors["amount_paid"] = T("errors", "实付金额应为不小于 0 的数字，最多两位小数")
    if data.purchase_date is None:
        errors["purchase_date"] = T("errors", "请填写购买日期")
    elif data.purchase_date > today:
        errors["purchase_date"] = T("errors", "购买日期不能晚于今天")
    if data.has_receipt and not data.receipt_no.strip():
        errors["receipt_no"] = T("errors", "有购物凭证时请填写小票或订单号")
    if not data.reason.strip():
        errors["reason"] = T("errors", "请填写退换货原因")
    check = None
    if data.purchase_date is not None and "kind" not in errors:
        check = check_policy(data.kind, data.category, data.purchase_date, today, data.has_receipt, policies)
    errors.update({k: v for k, v in decision_problems(
        data.kind, data.decision, paid, data.refund_amount, data.replacement_item, check, data.note).items()
        if k not in errors})
    return errors
