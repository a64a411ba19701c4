"""Phrase book rules: situations, the seed 001 standard and forbidden phrases, and forbidden-phrase matching."""

from __future__ import annotations

import re
import unicodedata
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from frontdesk.errors import QT_TRANSLATE_NOOP, T

# "我是××号" / "××号为您服务": the clerk's 工号 goes in when the phrase is inserted (××, XX, xx or ** before 号)
_STAFF_NUMBER = re.compile(r"(?:××|ｘｘ|XX|xx|\*\*|＊＊)(?=号)")


def fill_staff_number(text: str, staff_no: str) -> str:
    """``text`` with its 工号 placeholder (××号) filled with ``staff_no``; ××部门 and the like are left alone."""
    return _STAFF_NUMBER.sub(lambda _m: staff_no, text) if staff_no else text


class Situation(StrEnum):
    """When a standard phrase is used (seed 001, 文明规范用语 1–13)."""

    COMMON = "common"
    GREETING = "greeting"
    NO_VOICE = "no_voice"
    WAITING = "waiting"
    PERSONAL_CALL = "personal_call"
    CANNOT_HEAR = "cannot_hear"
    CONTACT_INFO = "contact_info"
    CLOSING = "closing"
    COMPLAINT_END = "complaint_end"
    REPLY = "reply"
    WRONG_NUMBER = "wrong_number"
    UNFRIENDLY = "unfriendly"
    THANKS = "thanks"


SITUATION_LABELS: dict[str, str] = {
    Situation.COMMON: QT_TRANSLATE_NOOP("enum", "常用服务用语"),
    Situation.GREETING: QT_TRANSLATE_NOOP("enum", "问候（受理接听）"),
    Situation.NO_VOICE: QT_TRANSLATE_NOOP("enum", "受话无音"),
    Situation.WAITING: QT_TRANSLATE_NOOP("enum", "请稍候（静音后重新对话）"),
    Situation.PERSONAL_CALL: QT_TRANSLATE_NOOP("enum", "熟人来电与工作无关"),
    Situation.CANNOT_HEAR: QT_TRANSLATE_NOOP("enum", "听不清楚问题"),
    Situation.CONTACT_INFO: QT_TRANSLATE_NOOP("enum", "请对方留联系方式"),
    Situation.CLOSING: QT_TRANSLATE_NOOP("enum", "解答完毕后确认"),
    Situation.COMPLAINT_END: QT_TRANSLATE_NOOP("enum", "受理投诉或举报结束"),
    Situation.REPLY: QT_TRANSLATE_NOOP("enum", "疑难问题回复"),
    Situation.WRONG_NUMBER: QT_TRANSLATE_NOOP("enum", "对方打错电话"),
    Situation.UNFRIENDLY: QT_TRANSLATE_NOOP("enum", "对方态度不友好"),
    Situation.THANKS: QT_TRANSLATE_NOOP("enum", "对方表示感谢"),
}

# Seed 001, 第一节（三）文明规范用语; OCR punctuation restored (“,” → “？”, “~” → “！”, „„ → ……).
STANDARD_SEED: list[tuple[str, str]] = [
    (Situation.COMMON, "您好"),
    (Situation.COMMON, "请讲"),
    (Situation.COMMON, "请问您需要什么帮助？"),
    (Situation.COMMON, "对不起，请稍等。"),
    (Situation.COMMON, "谢谢"),
    (Situation.COMMON, "对不起，让您久等了。"),
    (Situation.COMMON, "请原谅。"),
    (Situation.COMMON, "请多提宝贵意见"),
    (Situation.COMMON, "欢迎再次拨打"),
    (Situation.COMMON, "再见"),
    (Situation.GREETING, "您好，××号为您服务！"),
    (Situation.NO_VOICE, "对不起，听不到您的声音，请您稍候再拨，再见！"),
    (Situation.WAITING, "对不起，让您久等了，……是这样规定的……"),
    (Situation.WAITING, "请稍等"),
    (Situation.PERSONAL_CALL, "现在是工作时间，下班后我们再聊好吗？"),
    (Situation.CANNOT_HEAR, "您不要着急，请慢慢讲。"),
    (Situation.CANNOT_HEAR, "对不起，您可以讲慢一些吗？"),
    (Situation.CANNOT_HEAR, "对不起，我没有听明白，请您再重复一遍好吗？"),
    (Situation.CONTACT_INFO, "为了方便与您联系，请留下您的姓名、联系方式好吗？"),
    (Situation.CONTACT_INFO, "请稍等，正在记录您的问题。好，请讲。"),
    (Situation.CONTACT_INFO, "请您放心，您不用有什么顾虑，我们会对您反映的问题认真查实，尽快与您联系并为您保守秘密。"),
    (Situation.CLOSING, "请问您还有其他问题吗？"),
    (Situation.CLOSING, "再见"),
    (Situation.COMPLAINT_END, "谢谢您的电话，我们将尽快转有关部门处理。"),
    (Situation.COMPLAINT_END, "欢迎您对我们的工作提出意见和建议。"),
    (Situation.COMPLAINT_END, "谢谢您的支持和理解。"),
    (Situation.REPLY, "您好，金丽温高速公路客服中心，您咨询的问题现在给您答复……"),
    (Situation.WRONG_NUMBER, "对不起，您打错电话了，这里是金丽温高速公路客服中心，请您查证后再拨，再见。"),
    (Situation.WRONG_NUMBER, "对不起，这件事情不属于我们受理范围，请您与××部门联系。"),
    (Situation.UNFRIENDLY, "我们的工作还需要改进，希望得到您的支持。"),
    (Situation.UNFRIENDLY, "对不起，如果您没有其他事情，请挂机好吗？"),
    (Situation.THANKS, "不客气，这是我们应尽的义务。"),
    (Situation.THANKS, "谢谢您对金丽温的支持！"),
]

ADDRESSING = QT_TRANSLATE_NOOP("enum", "直呼、责问、训斥、反问")
ARROGANT = QT_TRANSLATE_NOOP("enum", "态度傲慢、厌烦")
EVASIVE = QT_TRANSLATE_NOOP("enum", "推诿客户")
TOO_SHORT = "口语忌语；字数太少，默认不参与文字检查（以免误报）"

# Seed 001, 第一节（四）服务忌语: (category, phrase, checked in text, note).
FORBIDDEN_SEED: list[tuple[str, str, bool, str]] = [
    *[(ADDRESSING, p, False, TOO_SHORT) for p in ("喂", "嘿", "什么", "怎么样", "为什么", "说什么", "怎样")],
    *[(ADDRESSING, p, True, "") for p in (
        "您说什么", "你到底在说什么", "你不是要问什么吗", "你到底想问什么", "你到底想怎么样", "你到底要不要问",
        "你到底要不要听我说", "你听不听我说", "你问我，我问谁", "我态度怎样啦",
    )],
    *[(ARROGANT, p, True, "") for p in (
        "不行就是不行", "我就这样的态度", "我态度哪里不好", "我没办法", "有意见找领导去", "用不起就别用",
        "没钱就别上高速", "你有什么了不起", "你有没有搞错", "你这人怎么这样说话", "你怎么这么罗嗦",
        "你怎么这么啰嗦",
    )],
    *[(EVASIVE, p, True, "") for p in (
        "我不清楚", "我不知道", "这不是我办理的", "我们公司就是这么规定的", "这不关我的事", "这不是我的错",
        "没这回事", "我也没办法", "你自己先查清楚",
    )],
]

_SEED_NAMESPACE = uuid.UUID("6f1c2a52-8f0e-4d53-9a53-2f4e0c0b7a11")


def seed_uuid(kind: str, key: str, text: str) -> str:
    """The same UUID at every site for a seeded row, so a site export never duplicates it."""
    return str(uuid.uuid5(_SEED_NAMESPACE, f"{kind}:{key}:{text}"))


def normalize(text: str) -> str:
    """Width-folded, lower-case text without spaces or punctuation (what forbidden phrases are matched on)."""
    folded = unicodedata.normalize("NFKC", text).lower()
    return "".join(ch for ch in folded if not unicodedata.category(ch).startswith(("P", "Z", "S", "C")))


@dataclass(frozen=True)
class ForbiddenMatcher:
    """Forbidden phrases prepared for matching: (normalized form, display form), longest first."""

    phrases: tuple[tuple[str, str], ...]

    @classmethod
    def build(cls, texts: Iterable[str]) -> ForbiddenMatcher:
        pairs = {(normalize(t), t.strip()) for t in texts if normalize(t)}
        return cls(tuple(sorted(pairs, key=lambda p: (-len(p[0]), p[1]))))

    def find(self, text: str) -> list[str]:
        """The forbidden phrases found in ``text`` (display form), each once, longest first.

        A phrase contained in a longer phrase already found at the same place is not reported again.
        """
        body = normalize(text)
        if not body:
            return []
        found: list[str] = []
        found_norm: list[str] = []
        for norm, shown in self.phrases:
            if norm in body and not any(norm in longer and longer in body for longer in found_norm):
                found.append(shown)
                found_norm.append(norm)
        return found


def phrase_problems(text: str, max_len: int = 200) -> dict[str, str]:
    """Field → message for a standard or forbidden phrase being saved."""
    if not text.strip():
        return {"text": T("errors", "请填写用语内容")}
    if len(text.strip()) > max_len:
        return {"text": T("errors", "用语不超过 {0} 字").format(max_len)}
    if not normalize(text):
        return {"text": T("errors", "用语不能只有标点符号")}
    return {}
