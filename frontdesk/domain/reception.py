"""Reception log rules: channels, categories, statuses, reply modes, and validation of a contact."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from frontdesk.domain.labels import labeller
from frontdesk.domain.phones import phone_problem
from frontdesk.errors import QT_TRANSLATE_NOOP, T


class Channel(StrEnum):
    """How the customer reached the desk."""

    WALK_IN = "walk_in"
    PHONE = "phone"
    ONLINE = "online"
    LETTER = "letter"


class Category(StrEnum):
    """What the contact is about (seed 001: 查询、咨询、求助；投诉、建议、表扬)."""

    CONSULT = "consult"
    QUERY = "query"
    HELP = "help"
    COMPLAINT = "complaint"
    SUGGESTION = "suggestion"
    PRAISE = "praise"
    OTHER = "other"


class ContactStatus(StrEnum):
    """处理中 → 已转办 → 已办结 → 已回访."""

    OPEN = "open"
    TRANSFERRED = "transferred"
    CLOSED = "closed"
    VISITED = "visited"


class ReplyMode(StrEnum):
    """Answered on the spot, or a reply promised for later."""

    IMMEDIATE = "immediate"
    LATER = "later"


class TransferStatus(StrEnum):
    """A transfer to a department: waiting for its reply, replied, or closed."""

    PENDING = "pending"
    REPLIED = "replied"
    FINISHED = "finished"  # values differ from ContactStatus: labels are looked up by value


class ReplyOutcome(StrEnum):
    """What recording a department's reply does: only record it, or finish the transfer and close the
    contact, or finish the transfer and keep the contact open with a follow-up."""

    RECORD = "record"
    CLOSE = "close"
    FOLLOW_UP = "follow_up"


LABELS: dict[str, str] = {
    Channel.WALK_IN: QT_TRANSLATE_NOOP("enum", "现场"),
    Channel.PHONE: QT_TRANSLATE_NOOP("enum", "电话"),
    Channel.ONLINE: QT_TRANSLATE_NOOP("enum", "在线"),
    Channel.LETTER: QT_TRANSLATE_NOOP("enum", "信函"),
    Category.CONSULT: QT_TRANSLATE_NOOP("enum", "咨询"),
    Category.QUERY: QT_TRANSLATE_NOOP("enum", "查询"),
    Category.HELP: QT_TRANSLATE_NOOP("enum", "求助"),
    Category.COMPLAINT: QT_TRANSLATE_NOOP("enum", "投诉"),
    Category.SUGGESTION: QT_TRANSLATE_NOOP("enum", "建议"),
    Category.PRAISE: QT_TRANSLATE_NOOP("enum", "表扬"),
    Category.OTHER: QT_TRANSLATE_NOOP("enum", "其他"),
    ContactStatus.OPEN: QT_TRANSLATE_NOOP("enum", "处理中"),
    ContactStatus.TRANSFERRED: QT_TRANSLATE_NOOP("enum", "已转办"),
    ContactStatus.CLOSED: QT_TRANSLATE_NOOP("enum", "已办结"),
    ContactStatus.VISITED: QT_TRANSLATE_NOOP("enum", "已回访"),
    ReplyMode.IMMEDIATE: QT_TRANSLATE_NOOP("enum", "立即回复"),
    ReplyMode.LATER: QT_TRANSLATE_NOOP("enum", "事后回复"),
    TransferStatus.PENDING: QT_TRANSLATE_NOOP("enum", "待答复"),
    TransferStatus.REPLIED: QT_TRANSLATE_NOOP("enum", "已答复"),
    TransferStatus.FINISHED: QT_TRANSLATE_NOOP("enum", "已关闭"),
    ReplyOutcome.RECORD: QT_TRANSLATE_NOOP("enum", "只登记答复（转办仍待办理）"),
    ReplyOutcome.CLOSE: QT_TRANSLATE_NOOP("enum", "关闭转办并办结接待"),
    ReplyOutcome.FOLLOW_UP: QT_TRANSLATE_NOOP("enum", "关闭转办，接待继续跟进"),
}


label = labeller(LABELS)


@dataclass
class ContactInput:
    """The reception form, as typed."""

    channel: str
    category: str
    customer_name: str = ""
    phone: str = ""
    request: str = ""
    handling: str = ""
    reply_mode: str = ReplyMode.IMMEDIATE.value
    promised_reply_at: datetime | None = None
    follow_up: str = ""
    follow_up_owner_uuid: str | None = None
    follow_up_due: date | None = None
    close_now: bool = False
    received_at: datetime | None = None


def contact_problems(data: ContactInput, now: datetime) -> dict[str, str]:
    """Field → message for everything wrong with ``data``; empty when it can be saved."""
    errors: dict[str, str] = {}
    if data.channel not in {c.value for c in Channel}:
        errors["channel"] = T("errors", "请选择来访渠道")
    if data.category not in {c.value for c in Category}:
        errors["category"] = T("errors", "请选择类别")
    if len(data.customer_name.strip()) > 30:
        errors["customer_name"] = T("errors", "客户称呼不超过 30 字")
    problem = phone_problem(data.phone, required=data.channel == Channel.PHONE.value)
    if problem:
        errors["phone"] = problem
    if not data.request.strip():
        errors["request"] = T("errors", "请填写核心诉求")
    elif len(data.request) > 1000:
        errors["request"] = T("errors", "核心诉求不超过 1000 字")
    if len(data.handling) > 2000:
        errors["handling"] = T("errors", "处理情况不超过 2000 字")
    if data.reply_mode == ReplyMode.LATER.value:
        if data.promised_reply_at is None:
            errors["promised_reply_at"] = T("errors", "事后回复须填写承诺回复时间")
        elif data.promised_reply_at < now:
            errors["promised_reply_at"] = T("errors", "承诺回复时间不能早于现在")
    if data.follow_up.strip() and data.follow_up_due and data.follow_up_due < now.date():
        errors["follow_up_due"] = T("errors", "跟进期限不能早于今天")
    if data.follow_up.strip() and not data.follow_up_owner_uuid:
        errors["follow_up_owner_uuid"] = T("errors", "有跟进事项时须指定跟进人")
    if data.close_now and not data.handling.strip():
        errors["handling"] = T("errors", "办结前请填写处理情况及结果")
    if data.received_at and data.received_at > now:
        errors["received_at"] = T("errors", "接待时间不能晚于现在")
    return errors
