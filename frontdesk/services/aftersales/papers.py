"""Printed after-sales papers: return/exchange voucher, repair intake receipt (two copies) and pickup slip, each on
the paper the site chose for it (A4 or the 80 mm roll, print_settings)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from frontdesk.clock import now
from frontdesk.domain import repairs as repair_rules
from frontdesk.domain import returns as return_rules
from frontdesk.domain import scan_codes
from frontdesk.domain.printdoc import PrintDocument, Table
from frontdesk.domain.roles import Actor
from frontdesk.errors import Message, T
from frontdesk.services.aftersales import print_settings, repairs, returns

# Labels are Messages (T("print", …), vocabulary labels in "enum"): a paper prints in the UI language; the data
# (names, items, free text) print as typed.


def _fmt(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return T("print", "{0} 元").format(f"{value:,.2f}")
    return str(value)


def _enum(text: str) -> str:
    return Message("enum", text) if text else ""


def _return_label(value: Any) -> str:
    return _enum(return_rules.label(value))


def _repair_label(value: Any) -> str:
    return _enum(repair_rules.label(value))


def _check(ok: bool, note: str) -> str:
    verdict = T("print", "合格") if ok else T("print", "不合格")
    return T("print", "{0}（{1}）").format(verdict, note) if note else verdict


def _accessories(text: str) -> str:
    """The accessories as recorded: the checklist's names in the UI language, the others as typed."""
    if not text:
        return T("print", "无")
    known = set(repair_rules.ACCESSORIES)
    names = [n for n in text.split("、") if n]
    parts: str = _enum(names[0]) if names[0] in known else names[0]
    for name in names[1:]:
        parts = T("print", "{0}、{1}").format(parts, _enum(name) if name in known else name)
    return parts


def return_voucher(actor: Actor, uuid: str, site_name: str = "") -> PrintDocument:
    """退换货凭证: what was returned, the checks, the decision and the refund; customer and desk copies."""
    o = returns.get_return(actor, uuid)
    kind = _return_label(o["kind"])
    days = o["window_days"]
    if o["kind"] == return_rules.ReturnKind.EXCHANGE.value:
        policy = (T("print", "在 {0} 天换货期限内") if o["within_window"] else T("print", "超出 {0} 天换货期限")).format(days)
        title = T("print", "换货凭证")
    else:
        policy = (T("print", "在 {0} 天退货期限内") if o["within_window"] else T("print", "超出 {0} 天退货期限")).format(days)
        title = T("print", "退货凭证")
    fields: list[tuple[str, object] | tuple[str, object, bool]] = [
        (T("print", "受理时间"), _fmt(o["received_at"])), (T("print", "经办人"), o["handled_by_name"] or ""),
        (T("print", "顾客"), o["customer_name"]), (T("print", "联系电话"), o["phone"]),
        (T("print", "类型"), kind), (T("print", "商品类别"), _return_label(o["category"])),
        (T("print", "商品"), o["item"]), (T("print", "数量"), o["quantity"]),
        (T("print", "实付金额"), _fmt(o["amount_paid"])), (T("print", "购买日期"), _fmt(o["purchase_date"])),
        (T("print", "购物凭证"), o["receipt_no"] if o["has_receipt"] else T("print", "无")),
        (T("print", "政策核对"), policy),
        (T("print", "退换原因"), o["reason"], True),
        (T("print", "处理意见"), _return_label(o["decision"])), (T("print", "状态"), _return_label(o["status"])),
    ]
    if o["kind"] == return_rules.ReturnKind.EXCHANGE.value:
        fields.append((T("print", "换回商品"), o["replacement_item"]))
    fields.append((T("print", "退款金额"), _fmt(o["refund_amount"])))
    if o["approved_by_name"]:
        fields.append((T("print", "审批人"), f"{o['approved_by_name']} {_fmt(o['approved_at'])}"))
    if o["note"]:
        fields.append((T("print", "备注"), o["note"], True))
    checks = Table([T("print", "检查项目"), T("print", "结果")], [
        [T("print", "商品质量"), _check(o["quality_ok"], o["quality_note"])],
        [T("print", "包装完好"), _check(o["packaging_ok"], o["packaging_note"])],
        [T("print", "配件齐全"), _check(o["accessories_ok"], o["accessories_note"])],
    ], title=T("print", "验货检查"))
    return PrintDocument(
        title=title, number=o["number"], site_name=site_name, fields=fields, tables=[checks],
        signature_lines=[T("print", "顾客签字"), T("print", "经办人"), T("print", "日期")],
        copies=[T("print", "顾客联"), T("print", "存根联")],
        qr_text=scan_codes.payload("return", o["number"]), printed_at=now(), paper=print_settings.paper_for("return_voucher"),
        footer=T("print", "请妥善保管本凭证，凭此查询退款进度或办理后续事宜。"),
    )


def _repair_fields(o: dict[str, Any]) -> list[tuple[str, object] | tuple[str, object, bool]]:
    return [
        (T("print", "受理时间"), _fmt(o["received_at"])), (T("print", "受理人"), o["received_by_name"] or ""),
        (T("print", "顾客"), o["customer_name"]), (T("print", "联系电话"), o["phone"]),
        (T("print", "商品"), o["item"]), (T("print", "品牌型号"), o["brand_model"]),
        (T("print", "序列号"), o["serial_no"]), (T("print", "保修"), _repair_label(o["warranty"])),
        (T("print", "故障描述"), o["fault"], True),
        (T("print", "随机配件"), _accessories(o["accessories"] or ""), True),
        (T("print", "收件外观"), o["appearance"], True),
        (T("print", "预计完成"), _fmt(o["estimated_date"]) or T("print", "待定")),
        (T("print", "预计费用"), _fmt(o["estimated_cost"])),
        (T("print", "取件方式"), _repair_label(o["pickup_mode"])),
        (T("print", "邮寄地址"), o["address"] if o["pickup_mode"] == repair_rules.PickupMode.MAIL.value else "—"),
    ]


def repair_receipt(actor: Actor, uuid: str, site_name: str = "") -> PrintDocument:
    """维修受理单: the customer's copy (to claim the item) and the desk's copy (signed by the customer)."""
    o = repairs.get_repair(actor, uuid)
    fields = _repair_fields(o)
    if o["rework_count"]:
        fields.append((T("print", "返修次数"), o["rework_count"]))
    return PrintDocument(
        title=T("print", "维修受理单"), number=o["number"], site_name=site_name, fields=fields,
        signature_lines=[T("print", "顾客签字"), T("print", "受理人"), T("print", "日期")],
        copies=[T("print", "顾客联"), T("print", "前台存根联")],
        qr_text=scan_codes.payload("repair", o["number"]), paper=print_settings.paper_for("repair_receipt"),
        printed_at=now(),
        footer=T("print", "取件时请出示本单（顾客联）。维修结果出来后我们将电话或短信通知您；配件及外观以本单记录为准。"),
    )


def pickup_slip(actor: Actor, uuid: str, site_name: str = "") -> PrintDocument:
    """维修取件单: the repair's history, the pickup inspection and the customer's acceptance."""
    o = repairs.get_repair(actor, uuid)
    accepted = {True: T("print", "满意，已验收"), False: T("print", "不满意，返修")}.get(o["customer_accepted"], "")
    fields = _repair_fields(o)[:8] + [
        (T("print", "维修结果"), _result(o["events"])), (T("print", "当前状态"), _repair_label(o["status"])),
        (T("print", "取件检查"), o["pickup_inspection"], True),
        (T("print", "顾客验收"), accepted),
        (T("print", "取件时间"), _fmt(o["picked_up_at"])),
    ]
    history = Table([T("print", "时间"), T("print", "事项"), T("print", "经办人"), T("print", "说明")], [
        [_fmt(e["at"]), _event_text(e), e["actor_name"], e["note"]] for e in o["events"]
    ], title=T("print", "处理经过"))
    return PrintDocument(
        title=T("print", "维修取件单"), number=o["number"], site_name=site_name, fields=fields, tables=[history],
        signature_lines=[T("print", "顾客签字"), T("print", "经办人"), T("print", "日期")],
        copies=[T("print", "顾客联"), T("print", "存根联")],
        qr_text=scan_codes.payload("repair", o["number"]), paper=print_settings.paper_for("pickup_slip"),
        printed_at=now(), footer=T("print", "顾客签字即表示已当面检查商品及配件，确认无误。"),
    )


def _result(events: list[dict[str, Any]]) -> str:
    done = {repair_rules.RepairStatus.REPAIRED.value, repair_rules.RepairStatus.UNREPAIRABLE.value}
    last = [e for e in events if e["to_status"] in done]
    return _repair_label(last[-1]["to_status"]) if last else T("print", "维修中")


def _event_text(e: dict[str, Any]) -> str:
    kind = repair_rules.EventKind(e["kind"])
    if kind is repair_rules.EventKind.NOTIFY:
        return T("print", "通知客户（{0}，{1}）").format(_repair_label(e["method"]), _repair_label(e["result"]))
    if kind in (repair_rules.EventKind.STATUS, repair_rules.EventKind.PICKUP) and e["to_status"]:
        return T("print", "转为“{0}”").format(_repair_label(e["to_status"]))
    return _repair_label(kind.value)
