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
from frontdesk.services.aftersales import print_settings, repairs, returns


def _fmt(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return f"{value:,.2f} 元"
    return str(value)


def _check(ok: bool, note: str) -> str:
    return ("合格" if ok else "不合格") + (f"（{note}）" if note else "")


def return_voucher(actor: Actor, uuid: str, site_name: str = "") -> PrintDocument:
    """退换货凭证: what was returned, the checks, the decision and the refund; customer and desk copies."""
    o = returns.get_return(actor, uuid)
    kind = return_rules.label(o["kind"])
    days = o["window_days"]
    policy = f"在 {days} 天{kind}期限内" if o["within_window"] else f"超出 {days} 天{kind}期限"
    fields: list[tuple[str, object] | tuple[str, object, bool]] = [
        ("受理时间", _fmt(o["received_at"])), ("经办人", o["handled_by_name"] or ""),
        ("顾客", o["customer_name"]), ("联系电话", o["phone"]),
        ("类型", kind), ("商品类别", return_rules.label(o["category"])),
        ("商品", o["item"]), ("数量", o["quantity"]),
        ("实付金额", _fmt(o["amount_paid"])), ("购买日期", _fmt(o["purchase_date"])),
        ("购物凭证", o["receipt_no"] if o["has_receipt"] else "无"), ("政策核对", policy),
        ("退换原因", o["reason"], True),
        ("处理意见", return_rules.label(o["decision"])), ("状态", return_rules.label(o["status"])),
    ]
    if o["kind"] == return_rules.ReturnKind.EXCHANGE.value:
        fields.append(("换回商品", o["replacement_item"]))
    fields.append(("退款金额", _fmt(o["refund_amount"])))
    if o["approved_by_name"]:
        fields.append(("审批人", f"{o['approved_by_name']} {_fmt(o['approved_at'])}"))
    if o["note"]:
        fields.append(("备注", o["note"], True))
    checks = Table(["检查项目", "结果"], [
        ["商品质量", _check(o["quality_ok"], o["quality_note"])],
        ["包装完好", _check(o["packaging_ok"], o["packaging_note"])],
        ["配件齐全", _check(o["accessories_ok"], o["accessories_note"])],
    ], title="验货检查")
    return PrintDocument(
        title=f"{kind}凭证", number=o["number"], site_name=site_name, fields=fields, tables=[checks],
        signature_lines=["顾客签字", "经办人", "日期"], copies=["顾客联", "存根联"],
        qr_text=scan_codes.payload("return", o["number"]), printed_at=now(), paper=print_settings.paper_for("return_voucher"),
        footer="请妥善保管本凭证，凭此查询退款进度或办理后续事宜。",
    )


def _repair_fields(o: dict[str, Any]) -> list[tuple[str, object] | tuple[str, object, bool]]:
    return [
        ("受理时间", _fmt(o["received_at"])), ("受理人", o["received_by_name"] or ""),
        ("顾客", o["customer_name"]), ("联系电话", o["phone"]),
        ("商品", o["item"]), ("品牌型号", o["brand_model"]),
        ("序列号", o["serial_no"]), ("保修", repair_rules.label(o["warranty"])),
        ("故障描述", o["fault"], True),
        ("随机配件", o["accessories"] or "无", True),
        ("收件外观", o["appearance"], True),
        ("预计完成", _fmt(o["estimated_date"]) or "待定"), ("预计费用", _fmt(o["estimated_cost"])),
        ("取件方式", repair_rules.label(o["pickup_mode"])),
        ("邮寄地址", o["address"] if o["pickup_mode"] == repair_rules.PickupMode.MAIL.value else "—"),
    ]


def repair_receipt(actor: Actor, uuid: str, site_name: str = "") -> PrintDocument:
    """维修受理单: the customer's copy (to claim the item) and the desk's copy (signed by the customer)."""
    o = repairs.get_repair(actor, uuid)
    fields = _repair_fields(o)
    if o["rework_count"]:
        fields.append(("返修次数", o["rework_count"]))
    return PrintDocument(
        title="维修受理单", number=o["number"], site_name=site_name, fields=fields,
        signature_lines=["顾客签字", "受理人", "日期"], copies=["顾客联", "前台存根联"],
        qr_text=scan_codes.payload("repair", o["number"]), paper=print_settings.paper_for("repair_receipt"),
        printed_at=now(),
        footer="取件时请出示本单（顾客联）。维修结果出来后我们将电话或短信通知您；配件及外观以本单记录为准。",
    )


def pickup_slip(actor: Actor, uuid: str, site_name: str = "") -> PrintDocument:
    """维修取件单: the repair's history, the pickup inspection and the customer's acceptance."""
    o = repairs.get_repair(actor, uuid)
    fields = _repair_fields(o)[:8] + [
        ("维修结果", _result(o["events"])), ("当前状态", repair_rules.label(o["status"])),
        ("取件检查", o["pickup_inspection"], True),
        ("顾客验收", {True: "满意，已验收", False: "不满意，返修"}.get(o["customer_accepted"], "")),
        ("取件时间", _fmt(o["picked_up_at"])),
    ]
    history = Table(["时间", "事项", "经办人", "说明"], [
        [_fmt(e["at"]), _event_text(e), e["actor_name"], e["note"]] for e in o["events"]
    ], title="处理经过")
    return PrintDocument(
        title="维修取件单", number=o["number"], site_name=site_name, fields=fields, tables=[history],
        signature_lines=["顾客签字", "经办人", "日期"], copies=["顾客联", "存根联"],
        qr_text=scan_codes.payload("repair", o["number"]), paper=print_settings.paper_for("pickup_slip"),
        printed_at=now(), footer="顾客签字即表示已当面检查商品及配件，确认无误。",
    )


def _result(events: list[dict[str, Any]]) -> str:
    done = {repair_rules.RepairStatus.REPAIRED.value, repair_rules.RepairStatus.UNREPAIRABLE.value}
    last = [e for e in events if e["to_status"] in done]
    return repair_rules.label(last[-1]["to_status"]) if last else "维修中"


def _event_text(e: dict[str, Any]) -> str:
    kind = repair_rules.EventKind(e["kind"])
    if kind is repair_rules.EventKind.NOTIFY:
        return f"通知客户（{repair_rules.label(e['method'])}，{repair_rules.label(e['result'])}）"
    if kind in (repair_rules.EventKind.STATUS, repair_rules.EventKind.PICKUP) and e["to_status"]:
        return f"转为「{repair_rules.label(e['to_status'])}」"
    return repair_rules.label(kind.value)
