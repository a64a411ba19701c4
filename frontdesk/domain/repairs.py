"""Repair work order rules (维修工单): the status workflow, notifications, intake validation, image files."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum

from frontdesk.domain.labels import labeller
from frontdesk.domain.phones import phone_problem
from frontdesk.domain.returns import parse_money
from frontdesk.errors import QT_TRANSLATE_NOOP, T

DEFAULT_STUCK_DAYS = 3
MAX_PHOTOS = 6
MAX_PHOTO_BYTES = 20 * 1024 * 1024


class RepairStatus(StrEnum):
    """已受理 → 已送修 → 维修中 → 已修好 / 无法修复 → 已通知取件 → 已取件 → 已关闭."""

    ACCEPTED = "accepted"
    SENT = "sent"
    REPAIRING = "repairing"
    REPAIRED = "repaired"
    UNREPAIRABLE = "unrepairable"
    NOTIFIED = "notified"
    PICKED_UP = "picked_up"
    CLOSED = "closed"

    @property
    def label(self) -> str:
        return LABELS[self]


NEXT: dict[RepairStatus, tuple[RepairStatus, ...]] = {
    RepairStatus.ACCEPTED: (RepairStatus.SENT,),
    RepairStatus.SENT: (RepairStatus.REPAIRING,),
    RepairStatus.REPAIRING: (RepairStatus.REPAIRED, RepairStatus.UNREPAIRABLE),
    RepairStatus.REPAIRED: (RepairStatus.NOTIFIED,),
    RepairStatus.UNREPAIRABLE: (RepairStatus.NOTIFIED,),
    RepairStatus.NOTIFIED: (RepairStatus.PICKED_UP,),
    RepairStatus.PICKED_UP: (RepairStatus.CLOSED,),
    RepairStatus.CLOSED: (),
}
# 返修: a customer not satisfied at pickup, or coming back after it, reopens the order at 已受理.
REWORK_FROM = frozenset({RepairStatus.NOTIFIED, RepairStatus.PICKED_UP, RepairStatus.CLOSED})
# steps that wait on the desk or the workshop (a 已取件 / 已关闭 order never "waits too long")
WAITING = tuple(s.value for s in RepairStatus if s not in (RepairStatus.PICKED_UP, RepairStatus.CLOSED))


class Warranty(StrEnum):
    IN = "in"
    OUT = "out"


class PickupMode(StrEnum):
    SELF = "self"
    MAIL = "mail"


class NotifyMethod(StrEnum):
    PHONE = "phone"
    SMS = "sms"
    WECHAT = "wechat"


class NotifyResult(StrEnum):
    REACHED = "reached"
    NO_ANSWER = "no_answer"
    LEFT_MESSAGE = "left_message"


class EventKind(StrEnum):
    STATUS = "status"
    NOTIFY = "notify"
    PICKUP = "pickup"
    REWORK = "rework"
    NOTE = "note"


ACCESSORIES = (  # stored in Chinese, shown in the UI language
    QT_TRANSLATE_NOOP("enum", "充电器"),
    QT_TRANSLATE_NOOP("enum", "数据线"),
    QT_TRANSLATE_NOOP("enum", "电池"),
    QT_TRANSLATE_NOOP("enum", "包装盒"),
    QT_TRANSLATE_NOOP("enum", "说明书"),
    QT_TRANSLATE_NOOP("enum", "保修卡"),
    QT_TRANSLATE_NOOP("enum", "发票"),
    QT_TRANSLATE_NOOP("enum", "耳机"),
)

LABELS: dict[str, str] = {
    RepairStatus.ACCEPTED: QT_TRANSLATE_NOOP("enum", "已受理"),
    RepairStatus.SENT: QT_TRANSLATE_NOOP("enum", "已送修"),
    RepairStatus.REPAIRING: QT_TRANSLATE_NOOP("enum", "维修中"),
    RepairStatus.REPAIRED: QT_TRANSLATE_NOOP("enum", "已修好"),
    RepairStatus.UNREPAIRABLE: QT_TRANSLATE_NOOP("enum", "无法修复"),
    RepairStatus.NOTIFIED: QT_TRANSLATE_NOOP("enum", "已通知取件"),
    RepairStatus.PICKED_UP: QT_TRANSLATE_NOOP("enum", "已取件"),
    RepairStatus.CLOSED: QT_TRANSLATE_NOOP("enum", "已关闭"),
    Warranty.IN: QT_TRANSLATE_NOOP("enum", "保内"),
    Warranty.OUT: QT_TRANSLATE_NOOP("enum", "保外"),
    PickupMode.SELF: QT_TRANSLATE_NOOP("enum", "自取"),
    PickupMode.MAIL: QT_TRANSLATE_NOOP("enum", "邮寄"),
    NotifyMethod.PHONE: QT_TRANSLATE_NOOP("enum", "电话"),
    NotifyMethod.SMS: QT_TRANSLATE_NOOP("enum", "短信"),
    NotifyMethod.WECHAT: QT_TRANSLATE_NOOP("enum", "微信"),
    NotifyResult.REACHED: QT_TRANSLATE_NOOP("enum", "已通知到本人"),
    NotifyResult.NO_ANSWER: QT_TRANSLATE_NOOP("enum", "未接通"),
    NotifyResult.LEFT_MESSAGE: QT_TRANSLATE_NOOP("enum", "已留言"),
    EventKind.STATUS: QT_TRANSLATE_NOOP("enum", "状态变更"),
    EventKind.NOTIFY: QT_TRANSLATE_NOOP("enum", "通知客户"),
    EventKind.PICKUP: QT_TRANSLATE_NOOP("enum", "取件验收"),
    EventKind.REWORK: QT_TRANSLATE_NOOP("enum", "返修"),
    EventKind.NOTE: QT_TRANSLATE_NOOP("enum", "备注"),
}


label = labeller(LABELS)


class IllegalTransition(ValueError):
    """A workflow jump the order's current status does not allow."""

    def __init__(self, current: RepairStatus, target: RepairStatus) -> None:
        allowed = "、".join(s.label for s in NEXT[current]) or "无（已关闭）"
        super().__init__(f"工单当前为「{current.label}」，不能直接转为「{target.label}」；下一步可为：{allowed}")
        self.message = str(self)


def check_transition(current: str, target: str) -> RepairStatus:
    """The target status if the workflow allows the move from ``current``; IllegalTransition otherwise."""
    now_status, to = RepairStatus(current), RepairStatus(target)
    if to not in NEXT[now_status]:
        raise IllegalTransition(now_status, to)
    return to


@dataclass
class RepairInput:
    """The intake form as typed."""

    customer_name: str
    phone: str
    item: str
    fault: str
    brand_model: str = ""
    serial_no: str = ""
    accessories: list[str] = field(default_factory=list)
    appearance: str = ""
    warranty: str = Warranty.OUT.value
    estimated_date: date | None = None
    estimated_cost: str | Decimal = ""
    pickup_mode: str = PickupMode.SELF.value
    address: str = ""
    photos: list[str] = field(default_factory=list)  # stored names from attachments.store_image


def repair_problems(data: RepairInput, today: date) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not data.customer_name.strip():
        errors["customer_name"] = T("errors", "请填写顾客姓名或称呼")
    elif len(data.customer_name.strip()) > 30:
        errors["customer_name"] = T("errors", "顾客称呼不超过 30 字")
    problem = phone_problem(data.phone, required=True)
    if problem:
        errors["phone"] = problem
    if not data.item.strip():
        errors["item"] = T("errors", "请填写送修商品")
    elif len(data.item) > 100:
        errors["item"] = T("errors", "商品名称不超过 100 字")
    if len(data.brand_model) > 100:
        errors["brand_model"] = T("errors", "品牌型号不超过 100 字")
    if len(data.serial_no) > 60:
        errors["serial_no"] = T("errors", "序列号不超过 60 字")
    if not data.fault.strip():
        errors["fault"] = T("errors", "请填写故障描述")
    elif len(data.fault) > 1000:
        errors["fault"] = T("errors", "故障描述不超过 1000 字")
    if not data.appearance.strip():
        errors["appearance"] = T("errors", "请记录收件时的外观（如：无明显划痕）")
    if data.warranty not in {w.value for w in Warranty}:
        errors["warranty"] = T("errors", "请选择保内或保外")
    if data.pickup_mode not in {p.value for p in PickupMode}:
        errors["pickup_mode"] = T("errors", "请选择取件方式")
    elif data.pickup_mode == PickupMode.MAIL.value and not data.address.strip():
        errors["address"] = T("errors", "邮寄取件须填写收件地址")
    if data.estimated_date is not None and data.estimated_date < today:
        errors["estimated_date"] = T("errors", "预计完成日期不能早于今天")
    if parse_money(data.estimated_cost) is None:
        errors["estimated_cost"] = T("errors", "预计费用应为不小于 0 的数字，最多两位小数")
    if len(data.photos) > MAX_PHOTOS:
        errors["photos"] = T("errors", "照片最多 {0} 张").format(MAX_PHOTOS)
    return errors


_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpg"),
    (b"GIF87a", "gif"),
    (b"GIF89a", "gif"),
    (b"BM", "bmp"),
)


def image_kind(head: bytes) -> str | None:
    """The file extension of an image recognised by its first bytes (PNG, JPEG, GIF, BMP, WebP), else None."""
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    for magic, kind in _SIGNATURES:
        if head.startswith(magic):
            return kind
    return None
