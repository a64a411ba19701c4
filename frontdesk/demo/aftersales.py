"""Demo returns/exchanges and repair work orders (with their step logs) over the last year, bulk-inserted."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from decimal import Decimal

from frontdesk import clock
from frontdesk.db.bulk import insert_rows
from frontdesk.db.models import (
    RepairEvent,
    RepairOrder,
    ReturnOrder,
    Staff,
    current_site_code,
)
from frontdesk.db.numbering import reserve
from frontdesk.demo.context import DemoContext
from frontdesk.domain.repairs import ACCESSORIES, EventKind, RepairStatus
from frontdesk.domain.returns import DEFAULT_REFUND_THRESHOLD, Decision, ItemCategory, ReturnStatus

ITEMS = {
    ItemCategory.CLOTHING: [("羊毛大衣", 899), ("运动鞋", 459), ("羽绒服", 1299), ("衬衫", 199), ("牛仔裤", 329)],
    ItemCategory.DIGITAL: [("蓝牙耳机", 699), ("充电宝", 129), ("智能手表", 1499), ("手机壳", 49)],
    ItemCategory.APPLIANCE: [("电饭煲", 599), ("吹风机", 299), ("空气炸锅", 399), ("电水壶", 159)],
    ItemCategory.FOOD: [("茶叶礼盒", 368), ("坚果礼包", 128), ("月饼礼盒", 258)],
    ItemCategory.COSMETICS: [("面霜", 520), ("口红", 320), ("洗面奶", 98)],
    ItemCategory.GENERAL: [("保温杯", 169), ("雨伞", 69), ("行李箱", 689), ("床上四件套", 459)],
}
REASONS = ["尺码不合适", "颜色与图片不符", "质量问题：开线", "无法开机", "包装破损", "买重复了", "不喜欢", "有异味"]
REPAIR_ITEMS = [("手机", "华为 Mate 60", "屏幕碎裂"), ("蓝牙耳机", "小米 Buds 4", "右耳无声音"),
                ("笔记本电脑", "联想 小新 14", "无法开机"), ("电饭煲", "美的 MB-40", "不加热"),
                ("手表", "卡西欧 GA-2100", "表带断裂"), ("行李箱", "新秀丽 20寸", "拉杆卡住"),
                ("吹风机", "戴森 HD08", "风力时大时小"), ("平板电脑", "iPad Air", "充电接口松动")]
ADDRESS = "浙江省金华市婺城区八一南街 88 号"
APPEARANCE = ["外观完好", "背面有轻微划痕", "边角有磕碰", "屏幕有裂纹", "表面有使用痕迹"]
RETURN_FIELDS = [
    "uuid", "site_code", "created_at", "updated_at", "revision", "deleted", "number", "received_at", "customer_name",
    "phone", "kind", "category", "item", "quantity", "amount_paid", "purchase_date", "has_receipt", "receipt_no",
    "reason", "window_days", "within_window", "quality_ok", "quality_note", "packaging_ok", "packaging_note",
    "accessories_ok", "accessories_note", "decision", "refund_amount", "replacement_item", "note", "status",
    "handled_by", "approved_by", "approved_at", "completed_at",
]
REPAIR_FIELDS = [
    "uuid", "site_code", "created_at", "updated_at", "revision", "deleted", "number", "received_at", "customer_name",
    "phone", "item", "brand_model", "serial_no", "fault", "accessories", "appearance", "warranty", "estimated_date",
    "estimated_cost", "pickup_mode", "address", "photos", "status", "status_since", "rework_count",
    "pickup_inspection", "customer_accepted", "picked_up_at", "closed_at", "received_by",
]
EVENT_FIELDS = ["uuid", "site_code", "created_at", "updated_at", "revision", "deleted", "repair", "kind",
                "from_status", "to_status", "at", "actor_uuid", "actor_name", "note", "method", "result"]
PATH = [RepairStatus.ACCEPTED, RepairStatus.SENT, RepairStatus.REPAIRING, RepairStatus.REPAIRED,
        RepairStatus.NOTIFIED, RepairStatus.PICKED_UP, RepairStatus.CLOSED]


def _days(n: int, today: date) -> Iterator[tuple[date, int]]:
    """(day, how many) over the last year (fewer days for a small demo, so recent days have orders), oldest first."""
    span = min(365, max(20, n // 3))
    for index in range(span):
        count = n // span + (1 if index >= span - n % span else 0)
        if count:
            yield today - timedelta(days=span - 1 - index), count


def _numbered(rows: list[tuple], module: str, day: date) -> list[tuple]:
    """Inside the step: the day's next numbers (field 6), in order; a clerk may have taken some meanwhile."""
    return [(*row[:6], number, *row[7:]) for row, number in zip(rows, reserve(module, day, len(rows)), strict=True)]


def generate_returns(ctx: DemoContext, n: int, progress: Callable[[int], None]) -> None:
    """``n`` returns and exchanges, one step per day."""
    site, now = current_site_code(), clock.now()
    categories = list(ITEMS)
    for day, count in ctx.remaining(list(_days(n, now.date()))):
        r, rows = ctx.rng, []
        for sec in sorted(r.randrange(9 * 3600, 21 * 3600) for _ in range(count)):
            at = min(datetime(day.year, day.month, day.day) + timedelta(seconds=sec), now - timedelta(minutes=1))
            category = r.choice(categories)
            item, price = r.choice(ITEMS[category])
            kind = "exchange" if r.random() < 0.4 else "return"
            window = 15 if kind == "exchange" else 7
            bought = day - timedelta(days=r.choice([0, 1, 2, 3, 5, 6, 7, 10, 14, 20]))
            within = (day - bought).days <= window
            decision = r.choices([Decision.AGREE, Decision.REFUSE, Decision.NEGOTIATE], [80, 8, 12])[0]
            paid = Decimal(price)
            refund = paid if decision == Decision.AGREE and kind == "return" else Decimal("0.00")
            recent = (now - at).days < 3
            if decision == Decision.REFUSE:
                status = ReturnStatus.REFUSED
            elif decision == Decision.NEGOTIATE:
                status = ReturnStatus.NEGOTIATING if recent else ReturnStatus.REFUSED
            elif refund > DEFAULT_REFUND_THRESHOLD and recent:
                status = ReturnStatus.PENDING_APPROVAL
            else:
                status = ReturnStatus.OPEN if recent and r.random() < 0.5 else ReturnStatus.COMPLETED
            approved = refund > DEFAULT_REFUND_THRESHOLD and status in (ReturnStatus.OPEN, ReturnStatus.COMPLETED)
            quality = r.random() > 0.3
            staff = r.choice(ctx.staff_uuids)
            rows.append((
                ctx.uuid(at), site, at, at, 1, False, "", at, ctx.customer_name(),
                ctx.mobile(), kind, category.value, item, 1, paid, bought, r.random() > 0.1,
                f"XP{bought:%Y%m%d}{r.randrange(10**4):04d}", r.choice(REASONS), window, within, quality,
                "" if quality else "有明显瑕疵", r.random() > 0.15, "", True, "",
                decision.value, refund, f"同款{item}" if kind == "exchange" and decision == Decision.AGREE else "",
                "" if within else "超期，经主管同意办理", status.value, staff,
                r.choice(ctx.staff_uuids) if approved else None, at + timedelta(minutes=20) if approved else None,
                at + timedelta(minutes=40) if status == ReturnStatus.COMPLETED else None,
            ))
        with ctx.step(count):
            insert_rows(ReturnOrder, RETURN_FIELDS, _numbered(rows, "TH", day))
        progress(ctx.made)


def _history(ctx: DemoContext, at: datetime, now: datetime) -> tuple[list[tuple[RepairStatus, datetime]], bool]:
    """The steps an order went through by now (a few end unrepairable)."""
    r, steps, moment = ctx.rng, [], at
    unrepairable = r.random() < 0.08
    for status in PATH:
        if moment > now:
            break
        if status is RepairStatus.REPAIRED and unrepairable:
            status = RepairStatus.UNREPAIRABLE
        steps.append((status, moment))
        # one step in eight drags on (parts on order, customer away): those orders show as stuck
        moment += timedelta(hours=r.choice([2, 6, 20, 30, 50, 75]) if r.random() > 0.12 else r.randint(100, 200))
    return steps, unrepairable


def generate_repairs(ctx: DemoContext, n: int, progress: Callable[[int], None], events: bool = True) -> None:
    """``n`` repair orders with their step logs (``events``), one step per day."""
    site, now = current_site_code(), clock.now()
    names = {s.uuid: s.name for s in Staff.select(Staff.uuid, Staff.name)}
    for day, count in ctx.remaining(list(_days(n, now.date()))):
        r, rows, log = ctx.rng, [], []
        for sec in sorted(r.randrange(9 * 3600, 21 * 3600) for _ in range(count)):
            at = min(datetime(day.year, day.month, day.day) + timedelta(seconds=sec), now - timedelta(minutes=1))
            item, model, fault = r.choice(REPAIR_ITEMS)
            steps, broken = _history(ctx, at, now)
            mail = r.random() < 0.2
            status, since = steps[-1]
            staff = r.choice(ctx.staff_uuids)
            order_uuid = ctx.uuid(at)
            picked = next((t for s, t in steps if s is RepairStatus.PICKED_UP), None)
            rows.append((
                order_uuid, site, at, since, 1, False, "", at, ctx.customer_name(),
                ctx.mobile(), item, model, f"SN{r.randrange(10**8):08d}", fault,
                "、".join(r.sample(ACCESSORIES, r.randint(0, 3))), r.choice(APPEARANCE), r.choice(["in", "out"]),
                (at + timedelta(days=7)).date(), Decimal(r.choice([0, 0, 50, 120, 280])), "mail" if mail else "self",
                ADDRESS if mail else "", "", status.value, since, 0,
                ("未修复，原样退回，配件齐全" if broken else "试机正常，配件齐全") if picked else "",
                True if picked else None, picked,
                since if status is RepairStatus.CLOSED else None, staff,
            ))
            if events:
                previous = ""
                for step, moment in steps:
                    kind = EventKind.NOTIFY if step is RepairStatus.NOTIFIED else (
                        EventKind.PICKUP if step is RepairStatus.PICKED_UP else EventKind.STATUS)
                    log.append((ctx.uuid(moment), site, moment, moment, 1, False, order_uuid, kind.value, previous, step.value,
                                moment, staff, names[staff], "收件登记" if not previous else "",
                                "phone" if kind is EventKind.NOTIFY else "",
                                "reached" if kind is EventKind.NOTIFY else ("accepted" if kind is EventKind.PICKUP else "")))
                    previous = step.value
        with ctx.step(count):
            insert_rows(RepairOrder, REPAIR_FIELDS, _numbered(rows, "WX", day))
            insert_rows(RepairEvent, EVENT_FIELDS, log)
        progress(ctx.made)
