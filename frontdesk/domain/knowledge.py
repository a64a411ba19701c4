"""Knowledge base rules (业务知识库): article categories from the seeds, validity periods, field checks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from frontdesk.errors import QT_TRANSLATE_NOOP, Message, T

TITLE_MAX, KEYWORDS_MAX, ANSWER_MAX = 100, 200, 2000  # the answer fits the reception form's handling field


class KbCategory(StrEnum):
    """What an article is about: seed 000 (产品/服务、常见问题、活动政策), 001 (路况、施工、事故、旅游路线、
    收费标准、法规) and 004 (商品、促销、会员、停车)."""

    SERVICE = "service"
    FAQ = "faq"
    PROMOTION = "promotion"
    GOODS = "goods"
    MEMBERSHIP = "membership"
    PARKING = "parking"
    ROAD = "road"
    ROADWORKS = "roadworks"
    ACCIDENT = "accident"
    TOURISM = "tourism"
    TOLL = "toll"
    REGULATION = "regulation"


CATEGORY_LABELS: dict[str, str] = {
    KbCategory.SERVICE: QT_TRANSLATE_NOOP("enum", "产品与服务"),
    KbCategory.FAQ: QT_TRANSLATE_NOOP("enum", "常见问题"),
    KbCategory.PROMOTION: QT_TRANSLATE_NOOP("enum", "活动与促销政策"),
    KbCategory.GOODS: QT_TRANSLATE_NOOP("enum", "商品信息"),
    KbCategory.MEMBERSHIP: QT_TRANSLATE_NOOP("enum", "会员服务"),
    KbCategory.PARKING: QT_TRANSLATE_NOOP("enum", "停车服务"),
    KbCategory.ROAD: QT_TRANSLATE_NOOP("enum", "路况信息"),
    KbCategory.ROADWORKS: QT_TRANSLATE_NOOP("enum", "道路施工"),
    KbCategory.ACCIDENT: QT_TRANSLATE_NOOP("enum", "事故处置"),
    KbCategory.TOURISM: QT_TRANSLATE_NOOP("enum", "旅游路线"),
    KbCategory.TOLL: QT_TRANSLATE_NOOP("enum", "收费标准"),
    KbCategory.REGULATION: QT_TRANSLATE_NOOP("enum", "法律法规"),
}


class Validity(StrEnum):
    """Where an article stands on a day: in force, not yet, expired, or switched off by a manager."""

    VALID = "valid"
    UPCOMING = "upcoming"
    EXPIRED = "expired"
    INACTIVE = "inactive"


VALIDITY_LABELS: dict[str, str] = {
    Validity.VALID: QT_TRANSLATE_NOOP("enum", "有效"),
    Validity.UPCOMING: QT_TRANSLATE_NOOP("enum", "未生效"),
    Validity.EXPIRED: QT_TRANSLATE_NOOP("enum", "已过期"),
    Validity.INACTIVE: QT_TRANSLATE_NOOP("enum", "已停用"),
}


def validity(active: bool, valid_from: date | None, valid_to: date | None, today: date) -> Validity:
    """The article's standing on ``today`` (both ends of the period count as inside it)."""
    if not active:
        return Validity.INACTIVE
    if valid_to is not None and valid_to < today:
        return Validity.EXPIRED
    if valid_from is not None and valid_from > today:
        return Validity.UPCOMING
    return Validity.VALID


@dataclass(frozen=True)
class ArticleInput:
    """An article as a manager typed it."""

    category: str
    title: str
    answer: str
    keywords: str = ""
    valid_from: date | None = None
    valid_to: date | None = None
    active: bool = True

    def cleaned(self) -> ArticleInput:
        """Spaces trimmed; keywords separated by one space (，、; and the like accepted)."""
        words = " ".join(self.keywords.replace("，", " ").replace("、", " ").replace(",", " ")
                         .replace("；", " ").replace(";", " ").split())
        return ArticleInput(self.category, self.title.strip(), self.answer.strip(), words, self.valid_from,
                            self.valid_to, self.active)


def article_problems(data: ArticleInput) -> dict[str, Message]:
    """Field → message for an article being saved (``data`` already cleaned)."""
    errors: dict[str, Message] = {}
    if data.category not in {c.value for c in KbCategory}:
        errors["category"] = T("errors", "请选择知识分类")
    if not data.title:
        errors["title"] = T("errors", "请填写标题")
    elif len(data.title) > TITLE_MAX:
        errors["title"] = T("errors", "标题不超过 {0} 字").format(TITLE_MAX)
    if len(data.keywords) > KEYWORDS_MAX:
        errors["keywords"] = T("errors", "关键词不超过 {0} 字").format(KEYWORDS_MAX)
    if not data.answer:
        errors["answer"] = T("errors", "请填写答复内容")
    elif len(data.answer) > ANSWER_MAX:
        errors["answer"] = T("errors", "答复内容不超过 {0} 字").format(ANSWER_MAX)
    if data.valid_from and data.valid_to and data.valid_to < data.valid_from:
        errors["valid_to"] = T("errors", "失效日期不能早于生效日期")
    return errors
