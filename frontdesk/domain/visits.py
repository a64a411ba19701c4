"""Return visit rules: methods, customer levels, due reasons, and validation of a visit and a key customer."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from frontdesk.domain import satisfaction as three_dimensions
from frontdesk.domain.complaints import Satisfaction
from frontdesk.domain.labels import labeller
from frontdesk.domain.phones import phone_problem
from frontdesk.errors import QT_TRANSLATE_NOOP, T

VISITS_PER_YEAR = 2  # seed 001: key and regular customers are visited at least twice a year


class VisitMethod(StrEnum):
    """How the customer was reached."""

    PHONE = "phone"
    ON_SITE = "on_site"
    SMS = "sms"
    WECHAT = "wechat"


class CustomerLevel(StrEnum):
    """重点客户 (key account) or 常客 (regular)."""

    KEY = "key"
    REGULAR = "regular"


class DueKind(StrEnum):
    """Why a customer is on the due list."""

    COMPLAINT = "complaint"
    CUSTOMER = "customer"
    NEXT_VISIT = "next_visit"


LABELS: dict[str, str] = {
    VisitMethod.PHONE: QT_TRANSLATE_NOOP("enum", "电话"),
    VisitMethod.ON_SITE: QT_TRANSLATE_NOOP("enum", "上门"),
    VisitMethod.SMS: QT_TRANSLATE_NOOP("enum", "短信"),
    VisitMethod.WECHAT: QT_TRANSLATE_NOOP("enum", "微信"),
    CustomerLevel.KEY: QT_TRANSLATE_NOOP("enum", "重点客户"),
    CustomerLevel.REGULAR: QT_TRANSLATE_NOOP("enum", "常客"),
    DueKind.COMPLAINT: QT_TRANSLATE_NOOP("enum", "投诉结案回访"),
    DueKind.CUSTOMER: QT_TRANSLATE_NOOP("enum", "年度回访不足两次"),
    DueKind.NEXT_VISIT: QT_TRANSLATE_NOOP("enum", "约定再次回访"),
    Satisfaction.SATISFIED: QT_TRANSLATE_NOOP("enum", "满意"),
    Satisfaction.BASIC: QT_TRANSLATE_NOOP("enum", "基本满意"),
    Satisfaction.UNSATISFIED: QT_TRANSLATE_NOOP("enum", "不满意"),
}


label = labeller(LABELS)


def year_bounds(today: date) -> tuple[datetime, datetime]:
    """[1 January of ``today``'s year, 1 January of the next) as datetimes."""
    return datetime(today.year, 1, 1), datetime(today.year + 1, 1, 1)


@dataclass
class VisitInput:
    """The return visit form, as typed."""

    customer_name: str
    phone: str = ""
    method: str = VisitMethod.PHONE.value
    visited_at: datetime | None = None
    opinions: str = ""
    suggestions: str = ""
    result: str = ""
    satisfaction: str = ""  # overall; derived from the three below when they are given
    next_visit_date: date | None = None
    contact_uuid: str | None = None
    complaint_uuid: str | None = None
    sat_speed: str = ""
    sat_result: str = ""
    sat_communication: str = ""


def visit_problems(data: VisitInput, now: datetime) -> dict[str, str]:
    """Field → message for everything wrong with ``data``; empty when it can be saved."""
    errors: dict[str, str] = {}
    if not data.customer_name.strip():
        errors["customer_name"] = T("errors", "请填写客户称呼")
    elif len(data.customer_name.strip()) > 30:
        errors["customer_name"] = T("errors", "客户称呼不超过 30 字")
    if data.method not in {m.value for m in VisitMethod}:
        errors["method"] = T("errors", "请选择回访方式")
    needs_phone = data.method in (VisitMethod.PHONE.value, VisitMethod.SMS.value)
    problem = phone_problem(data.phone, required=needs_phone)
    if problem:
        errors["phone"] = problem
    if data.visited_at is None:
        errors["visited_at"] = T("errors", "请填写回访时间")
    elif data.visited_at > now:
        errors["visited_at"] = T("errors", "回访时间不能晚于现在")
    if not data.result.strip():
        errors["result"] = T("errors", "请填写回访结果")
    for name, limit in (("opinions", 1000), ("suggestions", 1000), ("result", 1000)):
        if len(getattr(data, name)) > limit and name not in errors:
            errors[name] = T("errors", "不超过 {0} 字").format(limit)
    if data.satisfaction and data.satisfaction not in {s.value for s in Satisfaction}:
        errors["satisfaction"] = T("errors", "满意度无效")
    errors |= three_dimensions.dimension_problems(
        {name: getattr(data, name) for name in three_dimensions.FIELDS.values()}, required=False)
    if data.next_visit_date is not None:
        base = (data.visited_at or now).date()
        if data.next_visit_date <= base:
            errors["next_visit_date"] = T("errors", "下次回访日期应晚于本次回访")
    return errors


@dataclass
class KeyCustomerInput:
    """The key customer form."""

    name: str
    phone: str
    level: str = CustomerLevel.KEY.value
    note: str = ""


def key_customer_problems(data: KeyCustomerInput) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not data.name.strip():
        errors["name"] = T("errors", "请填写客户名称")
    elif len(data.name.strip()) > 50:
        errors["name"] = T("errors", "客户名称不超过 50 字")
    problem = phone_problem(data.phone, required=True)
    if problem:
        errors["phone"] = problem
    if data.level not in {c.value for c in CustomerLevel}:
        errors["level"] = T("errors", "请选择客户类别")
    if len(data.note) > 200:
        errors["note"] = T("errors", "备注不超过 200 字")
    return errors
