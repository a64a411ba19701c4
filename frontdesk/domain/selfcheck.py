"""服务礼仪自查表 (seed 000 模板3): the items under 仪表仪容, 语言表达, 行为举止, 情绪管理, and check slots."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from frontdesk.domain.labels import labeller
from frontdesk.errors import QT_TRANSLATE_NOOP, T


class Frequency(StrEnum):
    DAILY = "daily"
    WEEKLY = "weekly"


LABELS: dict[str, str] = {
    Frequency.DAILY: QT_TRANSLATE_NOOP("enum", "每日"),
    Frequency.WEEKLY: QT_TRANSLATE_NOOP("enum", "每周"),
}


label = labeller(LABELS)


@dataclass(frozen=True)
class CheckItem:
    key: str
    area: str  # 检查维度
    text: str  # 自查项
    hint: str  # 改进措施 suggested by the seed


# Seed 000 模板3, one line per clause of each 自查项; the hints are the seed's 改进措施.
ITEMS: tuple[CheckItem, ...] = (
    CheckItem("A1", QT_TRANSLATE_NOOP("SelfCheck", "仪表仪容"), QT_TRANSLATE_NOOP("SelfCheck", "着装整洁，符合企业规范"),
              QT_TRANSLATE_NOOP("SelfCheck", "调整着装/妆容")),
    CheckItem("A2", QT_TRANSLATE_NOOP("SelfCheck", "仪表仪容"), QT_TRANSLATE_NOOP("SelfCheck", "饰品简约，妆容得体"),
              QT_TRANSLATE_NOOP("SelfCheck", "调整着装/妆容")),
    CheckItem("B1", QT_TRANSLATE_NOOP("SelfCheck", "语言表达"), QT_TRANSLATE_NOOP("SelfCheck", "使用“您好”“请”“谢谢”“对不起”“再见”等礼貌用语"),
              QT_TRANSLATE_NOOP("SelfCheck", "加强礼貌用语练习")),
    CheckItem("B2", QT_TRANSLATE_NOOP("SelfCheck", "语言表达"), QT_TRANSLATE_NOOP("SelfCheck", "语速适中，吐字清晰"),
              QT_TRANSLATE_NOOP("SelfCheck", "放慢语速")),
    CheckItem("C1", QT_TRANSLATE_NOOP("SelfCheck", "行为举止"), QT_TRANSLATE_NOOP("SelfCheck", "电话服务保持微笑"),
              QT_TRANSLATE_NOOP("SelfCheck", "提醒自己专注倾听")),
    CheckItem("C2", QT_TRANSLATE_NOOP("SelfCheck", "行为举止"), QT_TRANSLATE_NOOP("SelfCheck", "现场服务主动起身/微笑"),
              QT_TRANSLATE_NOOP("SelfCheck", "提醒自己专注倾听")),
    CheckItem("C3", QT_TRANSLATE_NOOP("SelfCheck", "行为举止"), QT_TRANSLATE_NOOP("SelfCheck", "不随意打断客户说话"),
              QT_TRANSLATE_NOOP("SelfCheck", "提醒自己专注倾听")),
    CheckItem("D1", QT_TRANSLATE_NOOP("SelfCheck", "情绪管理"), QT_TRANSLATE_NOOP("SelfCheck", "面对客户投诉/不满时，保持冷静"),
              QT_TRANSLATE_NOOP("SelfCheck", "深呼吸，先安抚情绪再处理")),
    CheckItem("D2", QT_TRANSLATE_NOOP("SelfCheck", "情绪管理"), QT_TRANSLATE_NOOP("SelfCheck", "不与客户争执，避免负面语气"),
              QT_TRANSLATE_NOOP("SelfCheck", "换位思考，使用规范用语")),
)
ITEM_KEYS = tuple(i.key for i in ITEMS)
AREAS = tuple(dict.fromkeys(i.area for i in ITEMS))


def slot_of(frequency: Frequency | str, day: date) -> date:
    """The check a day belongs to: the day itself, or the Monday of its week."""
    if Frequency(frequency) is Frequency.WEEKLY:
        return day - timedelta(days=day.weekday())
    return day


def expected_slots(frequency: Frequency | str, start: date, end: date, work_days: Iterable[date] | None = None
                   ) -> set[date]:
    """The checks due in [start, end): each working day (given, else Monday–Friday) or each week touched."""
    days = [start + timedelta(days=n) for n in range((end - start).days)]
    if work_days is not None:
        wanted = {d for d in work_days if start <= d < end}
    else:
        wanted = {d for d in days if d.weekday() < 5}
    return {slot_of(frequency, d) for d in wanted}


def answer_problems(answers: Mapping[str, tuple[bool | None, str]]) -> dict[str, str]:
    """Every item answered 是 or 否; a 否 needs an improvement note."""
    errors: dict[str, str] = {}
    for item in ITEMS:
        ok, note = answers.get(item.key, (None, ""))
        if ok is None:
            errors[item.key] = T("errors", "请回答“{0}”").format(item.text)
        elif not ok and not note.strip():
            errors[item.key] = T("errors", "“{0}”选“否”时请填写改进措施").format(item.text)
        elif len(note) > 200:
            errors[item.key] = T("errors", "改进措施不超过 200 字")
    return errors
