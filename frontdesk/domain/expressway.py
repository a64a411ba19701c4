"""Expressway help calls (求助) and outbound notices (公告), seed 001 (三)(四): kinds, plates, 桩号, field checks."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum

from frontdesk.domain.labels import labeller
from frontdesk.errors import QT_TRANSLATE_NOOP, Message, T

PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
_LETTER = "A-HJ-NP-Z"  # plates never use I or O
_REGULAR = re.compile(f"^[{PROVINCES}][{_LETTER}][{_LETTER}0-9]{{4}}[{_LETTER}0-9挂学警港澳领试超]$")
# new-energy plates (新能源, 8 characters): small cars D/A/B/C/E (electric) or F/G/H/J/K (hybrid) third;
# large vehicles the same letter last
_NEV_SMALL = re.compile(f"^[{PROVINCES}][{_LETTER}][DABCEFGHJK][{_LETTER}0-9][0-9]{{4}}$")
_NEV_LARGE = re.compile(f"^[{PROVINCES}][{_LETTER}][0-9]{{5}}[DABCEFGHJK]$")
_STAKE = re.compile(r"^K(\d{1,4})\+(\d{1,3})$")
STAKE_MAX_KM = 5000
TEXT_MAX, NOTE_MAX, TITLE_MAX, CONTENT_MAX = 500, 200, 100, 2000
REACH_MAX = 100_000_000


class HelpKind(StrEnum):
    """What the caller needs: a broken-down vehicle, an accident, a medical emergency, or something else."""

    BREAKDOWN = "breakdown"
    ACCIDENT = "accident"
    MEDICAL = "medical"
    OTHER = "other"


class VehicleType(StrEnum):
    CAR = "car"
    BUS = "bus"
    TRUCK = "truck"
    DANGEROUS = "dangerous"  # dangerous goods (危化品)
    MOTORCYCLE = "motorcycle"
    OTHER = "other"


class Direction(StrEnum):
    """Carriageway: 上行 / 下行 (as the road's stake numbers run), or a ramp or the service area itself."""

    UP = "up"
    DOWN = "down"
    RAMP = "ramp"
    SERVICE_AREA = "service_area"


class HelpOutcome(StrEnum):
    """Where a help call stands: still being handled, then how it ended."""

    OPEN = "open"
    RESOLVED = "resolved"  # repaired on the spot / helped
    TOWED = "towed"
    HOSPITAL = "hospital"  # taken to hospital by 120
    HANDED_OVER = "handed_over"  # to traffic police / 路政
    CANCELLED = "cancelled"  # the caller no longer needed help


class NoticeKind(StrEnum):
    """An outbound notice: publicity (宣传), an outage or closure (停运/封闭), roadworks, weather, other."""

    PUBLICITY = "publicity"
    OUTAGE = "outage"
    ROADWORKS = "roadworks"
    WEATHER = "weather"
    OTHER = "other"


class NoticeChannel(StrEnum):
    SMS = "sms"
    PHONE = "phone"
    BROADCAST = "broadcast"
    SCREEN = "screen"  # variable-message signs, the hall screen
    WECHAT = "wechat"
    WEBSITE = "website"
    LETTER = "letter"


_HELP_KIND_LABELS: dict[str, str] = {
    HelpKind.BREAKDOWN: QT_TRANSLATE_NOOP("enum", "车辆故障"),
    HelpKind.ACCIDENT: QT_TRANSLATE_NOOP("enum", "交通事故"),
    HelpKind.MEDICAL: QT_TRANSLATE_NOOP("enum", "医疗急救"),
    HelpKind.OTHER: QT_TRANSLATE_NOOP("enum", "其他求助"),
}
_VEHICLE_TYPE_LABELS: dict[str, str] = {
    VehicleType.CAR: QT_TRANSLATE_NOOP("enum", "小型客车"),
    VehicleType.BUS: QT_TRANSLATE_NOOP("enum", "大中型客车"),
    VehicleType.TRUCK: QT_TRANSLATE_NOOP("enum", "货车"),
    VehicleType.DANGEROUS: QT_TRANSLATE_NOOP("enum", "危化品车"),
    VehicleType.MOTORCYCLE: QT_TRANSLATE_NOOP("enum", "摩托车"),
    VehicleType.OTHER: QT_TRANSLATE_NOOP("enum", "其他车辆"),
}
_DIRECTION_LABELS: dict[str, str] = {
    Direction.UP: QT_TRANSLATE_NOOP("enum", "上行"),
    Direction.DOWN: QT_TRANSLATE_NOOP("enum", "下行"),
    Direction.RAMP: QT_TRANSLATE_NOOP("enum", "匝道"),
    Direction.SERVICE_AREA: QT_TRANSLATE_NOOP("enum", "服务区内"),
}
_HELP_OUTCOME_LABELS: dict[str, str] = {
    HelpOutcome.OPEN: QT_TRANSLATE_NOOP("enum", "处置中"),
    HelpOutcome.RESOLVED: QT_TRANSLATE_NOOP("enum", "已解决"),
    HelpOutcome.TOWED: QT_TRANSLATE_NOOP("enum", "已拖离"),
    HelpOutcome.HOSPITAL: QT_TRANSLATE_NOOP("enum", "已送医"),
    HelpOutcome.HANDED_OVER: QT_TRANSLATE_NOOP("enum", "已移交交警/路政"),
    HelpOutcome.CANCELLED: QT_TRANSLATE_NOOP("enum", "求助取消"),
}
_NOTICE_KIND_LABELS: dict[str, str] = {
    NoticeKind.PUBLICITY: QT_TRANSLATE_NOOP("enum", "宣传提示"),
    NoticeKind.OUTAGE: QT_TRANSLATE_NOOP("enum", "停运/封闭公告"),
    NoticeKind.ROADWORKS: QT_TRANSLATE_NOOP("enum", "施工公告"),
    NoticeKind.WEATHER: QT_TRANSLATE_NOOP("enum", "气象预警"),
    NoticeKind.OTHER: QT_TRANSLATE_NOOP("enum", "其他公告"),
}
_NOTICE_CHANNEL_LABELS: dict[str, str] = {
    NoticeChannel.SMS: QT_TRANSLATE_NOOP("enum", "短信"),
    NoticeChannel.PHONE: QT_TRANSLATE_NOOP("enum", "电话外呼"),
    NoticeChannel.BROADCAST: QT_TRANSLATE_NOOP("enum", "广播"),
    NoticeChannel.SCREEN: QT_TRANSLATE_NOOP("enum", "情报板/显示屏"),
    NoticeChannel.WECHAT: QT_TRANSLATE_NOOP("enum", "微信公众号"),
    NoticeChannel.WEBSITE: QT_TRANSLATE_NOOP("enum", "网站"),
    NoticeChannel.LETTER: QT_TRANSLATE_NOOP("enum", "信函"),
}
# each enum its own table: several share the value "other"
LABELS_BY_ENUM: dict[type[StrEnum], dict[str, str]] = {
    HelpKind: _HELP_KIND_LABELS,
    VehicleType: _VEHICLE_TYPE_LABELS,
    Direction: _DIRECTION_LABELS,
    HelpOutcome: _HELP_OUTCOME_LABELS,
    NoticeKind: _NOTICE_KIND_LABELS,
    NoticeChannel: _NOTICE_CHANNEL_LABELS,
}
kind_label = labeller(_HELP_KIND_LABELS)
vehicle_label = labeller(_VEHICLE_TYPE_LABELS)
direction_label = labeller(_DIRECTION_LABELS)
outcome_label = labeller(_HELP_OUTCOME_LABELS)
notice_kind_label = labeller(_NOTICE_KIND_LABELS)
channel_label = labeller(_NOTICE_CHANNEL_LABELS)


def choices(enum: type[StrEnum]) -> list[tuple[str, str]]:
    """(value, Chinese label) of each member, in declaration order."""
    labels = LABELS_BY_ENUM[enum]
    return [(m.value, labels[m]) for m in enum]


def normalize_plate(text: str) -> str:
    """Upper case, without the spaces, dots and dashes people type inside plates (浙G·12345 → 浙G12345)."""
    return re.sub(r"[\s·.\-•]", "", text).upper()


def plate_kind(plate: str) -> str | None:
    """'regular' (7 characters), 'new_energy' (8) or None when ``plate`` (normalized) is no Chinese plate."""
    if _REGULAR.match(plate):
        return "regular"
    if _NEV_SMALL.match(plate) or _NEV_LARGE.match(plate):
        return "new_energy"
    return None


def parse_stake(text: str) -> int | None:
    """桩号 'K123+400' (also k123+400, K123＋400, K123+4) → metres from the road's origin; None if not one."""
    cleaned = re.sub(r"\s", "", text).upper().replace("＋", "+")
    match = _STAKE.match(cleaned)
    if not match:
        return None
    km, metres = int(match.group(1)), int(match.group(2))
    if km > STAKE_MAX_KM:
        return None
    return km * 1000 + metres


def format_stake(metres: int) -> str:
    """Metres → 'K123+400'."""
    return f"K{metres // 1000}+{metres % 1000:03d}"


@dataclass(frozen=True)
class HelpCallInput:
    """A help call as the clerk typed it."""

    kind: str
    received_at: datetime | None
    caller_phone: str = ""
    plate: str = ""
    vehicle_type: str = ""
    direction: str = ""
    stake: str = ""  # 桩号 as typed
    location: str = ""  # landmark: 收费站、服务区、隧道名
    description: str = ""
    dispatched: str = ""  # what was sent: 清障车、救护车(120)、路政、交警
    dispatched_at: datetime | None = None
    outcome: str = HelpOutcome.OPEN.value
    outcome_note: str = ""
    closed_at: datetime | None = None

    def cleaned(self) -> HelpCallInput:
        stake = self.stake.strip()
        metres = parse_stake(stake) if stake else None
        return replace(self, caller_phone=self.caller_phone.strip(), plate=normalize_plate(self.plate),
                       stake=format_stake(metres) if metres is not None else stake,
                       location=self.location.strip(), description=self.description.strip(),
                       dispatched=self.dispatched.strip(), outcome_note=self.outcome_note.strip())


def _too_long(errors: dict[str, Message], field: str, value: str, limit: int) -> None:
    if len(value) > limit:
        errors[field] = T("errors", "不超过 {0} 字").format(limit)


def help_call_problems(data: HelpCallInput, now: datetime) -> dict[str, Message]:
    """Field → message for a help call being saved (``data`` cleaned)."""
    errors: dict[str, Message] = {}
    if data.kind not in set(HelpKind):
        errors["kind"] = T("errors", "请选择求助类型")
    if data.received_at is None:
        errors["received_at"] = T("errors", "请填写求助时间")
    elif data.received_at > now:
        errors["received_at"] = T("errors", "求助时间不能晚于现在")
    if data.plate and plate_kind(data.plate) is None:
        errors["plate"] = T("errors", "车牌号格式不对：如 浙G12345，新能源车 浙GD12345（8 位）")
    elif not data.plate and data.kind in (HelpKind.BREAKDOWN, HelpKind.ACCIDENT):
        errors["plate"] = T("errors", "车辆故障和交通事故请填写车牌号")
    if data.vehicle_type and data.vehicle_type not in set(VehicleType):
        errors["vehicle_type"] = T("errors", "请选择车型")
    if data.direction not in set(Direction):
        errors["direction"] = T("errors", "请选择行驶方向")
    if not data.stake and data.direction != Direction.SERVICE_AREA:
        errors["stake"] = T("errors", "请填写桩号，如 K123+400")
    elif data.stake and parse_stake(data.stake) is None:
        errors["stake"] = T("errors", "桩号格式不对：K 加公里数、加号、米数，如 K123+400")
    if not data.description:
        errors["description"] = T("errors", "请填写求助情况")
    for field, limit in (("description", TEXT_MAX), ("location", NOTE_MAX), ("dispatched", NOTE_MAX),
                         ("outcome_note", TEXT_MAX), ("caller_phone", 30)):
        if field not in errors:
            _too_long(errors, field, getattr(data, field), limit)
    if data.dispatched_at is not None:
        if not data.dispatched:
            errors["dispatched"] = T("errors", "填写了派遣时间，请写明派遣了什么（如 清障车、120）")
        elif data.received_at is not None and data.dispatched_at < data.received_at:
            errors["dispatched_at"] = T("errors", "派遣时间不能早于求助时间")
        elif data.dispatched_at > now:
            errors["dispatched_at"] = T("errors", "派遣时间不能晚于现在")
    elif data.dispatched and "dispatched_at" not in errors:
        errors["dispatched_at"] = T("errors", "请填写派遣时间")
    if data.outcome not in set(HelpOutcome):
        errors["outcome"] = T("errors", "请选择处置结果")
    elif data.outcome != HelpOutcome.OPEN:
        if data.closed_at is None:
            errors["closed_at"] = T("errors", "请填写处置完毕的时间")
        elif data.received_at is not None and data.closed_at < data.received_at:
            errors["closed_at"] = T("errors", "完毕时间不能早于求助时间")
        elif data.closed_at > now:
            errors["closed_at"] = T("errors", "完毕时间不能晚于现在")
    return errors


@dataclass(frozen=True)
class NoticeInput:
    """An outbound notice as the clerk typed it: what was announced, how, when and to how many."""

    kind: str
    title: str
    content: str
    channel: str
    published_at: datetime | None
    reach: int | None = None  # people / phones / vehicles reached
    valid_to: datetime | None = None  # an outage or closure until
    note: str = ""

    def cleaned(self) -> NoticeInput:
        return replace(self, title=self.title.strip(), content=self.content.strip(), note=self.note.strip())


def notice_problems(data: NoticeInput, now: datetime) -> dict[str, Message]:
    """Field → message for a notice being saved (``data`` cleaned)."""
    errors: dict[str, Message] = {}
    if data.kind not in set(NoticeKind):
        errors["kind"] = T("errors", "请选择公告类型")
    if not data.title:
        errors["title"] = T("errors", "请填写标题")
    else:
        _too_long(errors, "title", data.title, TITLE_MAX)
    if not data.content:
        errors["content"] = T("errors", "请填写公告内容")
    else:
        _too_long(errors, "content", data.content, CONTENT_MAX)
    _too_long(errors, "note", data.note, NOTE_MAX)
    if data.channel not in set(NoticeChannel):
        errors["channel"] = T("errors", "请选择发布渠道")
    if data.published_at is None:
        errors["published_at"] = T("errors", "请填写发布时间")
    elif data.published_at > now:
        errors["published_at"] = T("errors", "发布时间不能晚于现在")
    if data.reach is None:
        errors["reach"] = T("errors", "请填写覆盖人数（不清楚可填 0）")
    elif not 0 <= data.reach <= REACH_MAX:
        errors["reach"] = T("errors", "覆盖人数应在 0 到 {0} 之间").format(REACH_MAX)
    if data.valid_to is not None and data.published_at is not None and data.valid_to < data.published_at:
        errors["valid_to"] = T("errors", "有效期不能早于发布时间")
    if data.kind == NoticeKind.OUTAGE and data.valid_to is None and "valid_to" not in errors:
        errors["valid_to"] = T("errors", "停运/封闭公告请填写预计恢复时间")
    return errors
