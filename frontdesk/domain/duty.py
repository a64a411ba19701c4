"""Desk duty rules: messages for absent colleagues (留言转告) and the venue duty checklist (seed 002), field checks."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from frontdesk.errors import QT_TRANSLATE_NOOP, Message, T

BODY_MAX, CALLER_MAX, PHONE_MAX = 500, 30, 30
ITEM_NAME_MAX, ITEM_NOTE_MAX, UNIT_MAX, CHECK_NOTE_MAX = 60, 200, 10, 200
READING_MAX = Decimal("999999999999")
W08 = "W08"  # seed 002 工标考核 8: 抄早电表，定时开关区域照明及制冷、暖设备，工作疏忽导致失误每次处罚20元
_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
_DUTY_NS = uuid.UUID("6f1c2a9e-3b7d-4e55-9c0a-2d8e4f6a1b37")


@dataclass(frozen=True)
class MessageInput:
    """A message as the clerk typed it: for a named colleague, or for the next shift (``recipient_uuid`` empty)."""

    body: str
    recipient_uuid: str = ""
    caller: str = ""
    caller_phone: str = ""
    urgent: bool = False

    def cleaned(self) -> MessageInput:
        return MessageInput(self.body.strip(), (self.recipient_uuid or "").strip(), self.caller.strip(),
                            self.caller_phone.strip(), self.urgent)


def message_problems(data: MessageInput) -> dict[str, Message]:
    """Field → message for a message being left (``data`` already cleaned)."""
    errors: dict[str, Message] = {}
    if not data.body:
        errors["body"] = T("errors", "请填写留言内容")
    elif len(data.body) > BODY_MAX:
        errors["body"] = T("errors", "留言内容不超过 {0} 字").format(BODY_MAX)
    if len(data.caller) > CALLER_MAX:
        errors["caller"] = T("errors", "留言人不超过 {0} 字").format(CALLER_MAX)
    if len(data.caller_phone) > PHONE_MAX:
        errors["caller_phone"] = T("errors", "联系电话不超过 {0} 位").format(PHONE_MAX)
    elif data.caller_phone and not re.fullmatch(r"[0-9+\-() ]+", data.caller_phone):
        errors["caller_phone"] = T("errors", "联系电话只能包含数字、空格和 + - ( )")
    return errors


class CheckStatus(StrEnum):
    """A checklist line on one shift: ticked, or recorded as missed (with the W08 incident raised for it)."""

    DONE = "done"
    MISSED = "missed"


CHECK_LABELS: dict[str, str] = {
    CheckStatus.DONE: QT_TRANSLATE_NOOP("enum", "已完成"),
    CheckStatus.MISSED: QT_TRANSLATE_NOOP("enum", "漏做"),
}


@dataclass(frozen=True)
class DutyItemInput:
    """A checklist line as a manager configures it."""

    name: str
    shift_type_uuid: str = ""
    due_time: str = ""
    needs_reading: bool = False
    unit: str = ""
    note: str = ""
    position: int = 0
    active: bool = True

    def cleaned(self) -> DutyItemInput:
        return DutyItemInput(self.name.strip(), (self.shift_type_uuid or "").strip(), self.due_time.strip(),
                             self.needs_reading, self.unit.strip() if self.needs_reading else "", self.note.strip(),
                             self.position, self.active)


def item_problems(data: DutyItemInput) -> dict[str, Message]:
    """Field → message for a checklist line being saved (``data`` already cleaned)."""
    errors: dict[str, Message] = {}
    if not data.name:
        errors["name"] = T("errors", "请填写值守事项")
    elif len(data.name) > ITEM_NAME_MAX:
        errors["name"] = T("errors", "值守事项不超过 {0} 字").format(ITEM_NAME_MAX)
    if data.due_time and not _TIME.match(data.due_time):
        errors["due_time"] = T("errors", "时间请写成 时:分，如 08:30")
    if len(data.unit) > UNIT_MAX:
        errors["unit"] = T("errors", "单位不超过 {0} 字").format(UNIT_MAX)
    if len(data.note) > ITEM_NOTE_MAX:
        errors["note"] = T("errors", "说明不超过 {0} 字").format(ITEM_NOTE_MAX)
    return errors


def parse_reading(text: str) -> Decimal | None | Message:
    """A reading typed at the desk: None when empty, a Decimal (two places at most), or the problem."""
    text = text.strip().replace(",", "").replace("，", "")
    if not text:
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        return T("errors", "读数请填写数字，如 12345.6")
    if not value.is_finite() or abs(value) > READING_MAX:
        return T("errors", "读数请填写数字，如 12345.6")
    if value.as_tuple().exponent < -2:  # type: ignore[operator]
        return T("errors", "读数最多两位小数")
    return value


# seed 002 前台运营: the checklist a club front desk starts with (the site changes it)
# (name, due, needs reading, unit, note, shift: 0 早班 / 1 中班 / None every shift)
DEFAULT_ITEMS: tuple[tuple[str, str, bool, str, str, int | None], ...] = (
    ("抄早电表", "08:30", True, "kWh", "每天开店后抄总电表读数", 0),
    ("开启区域照明", "08:30", False, "", "大厅、操房、更衣区", 0),
    ("制冷/暖设备定时开启", "09:00", False, "", "按季节设定温度", 0),
    ("课程广播提示", "18:50", False, "", "课程表：19:00 动感单车 · 19:30 瑜伽 · 20:00 搏击操（上课前 10 分钟广播）", 1),
    ("关闭区域照明及冷暖设备", "22:00", False, "", "闭店前逐区检查", 1),
)


def default_item_uuid(name: str) -> str:
    """The same uuid for a default line at every site, so head office's copy never duplicates it."""
    return str(uuid.uuid5(_DUTY_NS, f"duty-item:{name}"))
