"""Complaint case vocabulary beyond stages (categories, satisfaction, log kinds) and form validation."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from frontdesk.domain.labels import labeller
from frontdesk.domain.phones import phone_problem
from frontdesk.domain.stages import Priority, Severity
from frontdesk.errors import QT_TRANSLATE_NOOP, T


class ComplaintCategory(StrEnum):
    """What the complaint is about."""

    ATTITUDE = "attitude"
    QUALITY = "quality"
    PRICE = "price"
    ENVIRONMENT = "environment"
    FACILITY = "facility"
    TRAFFIC = "traffic"
    OTHER = "other"


class Satisfaction(StrEnum):
    """The complainant's satisfaction at close."""

    SATISFIED = "satisfied"
    BASIC = "basic"
    UNSATISFIED = "unsatisfied"


class LogKind(StrEnum):
    """Entries of a case's event log as stored (the SLA replay reads stage/pause/resume)."""

    STAGE = "stage"
    PAUSE = "pause"
    RESUME = "resume"
    NOTE = "note"
    APPROVE = "approve"  # a manager approved the plan (方案审批)
    ESCALATE = "escalate"  # reported to company leaders (报公司领导): new_value names whom
    CLASSIFY = "classify"  # category / severity / level / department / handler changed: field, old, new


LABELS: dict[str, str] = {
    ComplaintCategory.ATTITUDE: QT_TRANSLATE_NOOP("enum", "服务态度"),
    ComplaintCategory.QUALITY: QT_TRANSLATE_NOOP("enum", "商品质量"),
    ComplaintCategory.PRICE: QT_TRANSLATE_NOOP("enum", "收费价格"),
    ComplaintCategory.ENVIRONMENT: QT_TRANSLATE_NOOP("enum", "环境卫生"),
    ComplaintCategory.FACILITY: QT_TRANSLATE_NOOP("enum", "设施设备"),
    ComplaintCategory.TRAFFIC: QT_TRANSLATE_NOOP("enum", "通行秩序"),
    ComplaintCategory.OTHER: QT_TRANSLATE_NOOP("enum", "其他"),
    Satisfaction.SATISFIED: QT_TRANSLATE_NOOP("enum", "满意"),
    Satisfaction.BASIC: QT_TRANSLATE_NOOP("enum", "基本满意"),
    Satisfaction.UNSATISFIED: QT_TRANSLATE_NOOP("enum", "不满意"),
    LogKind.STAGE: QT_TRANSLATE_NOOP("enum", "转阶段"),
    LogKind.PAUSE: QT_TRANSLATE_NOOP("enum", "暂停计时"),
    LogKind.RESUME: QT_TRANSLATE_NOOP("enum", "恢复计时"),
    LogKind.NOTE: QT_TRANSLATE_NOOP("enum", "备注"),
    LogKind.APPROVE: QT_TRANSLATE_NOOP("enum", "方案审批"),
    LogKind.ESCALATE: QT_TRANSLATE_NOOP("enum", "上报领导"),
    LogKind.CLASSIFY: QT_TRANSLATE_NOOP("enum", "修改分类"),
}


label = labeller(LABELS)


@dataclass
class ComplaintInput:
    """The new-complaint form, as typed."""

    customer_name: str
    phone: str
    subject: str
    description: str = ""
    category: str = ComplaintCategory.OTHER.value
    severity: str = Severity.GENERAL.value
    level: int = Priority.NORMAL.value
    department_uuid: str | None = None
    staff_uuid: str | None = None
    opened_at: datetime | None = None


def complaint_problems(data: ComplaintInput, now: datetime) -> dict[str, str]:
    """Field → message for everything wrong with ``data``; empty when it can be saved."""
    errors: dict[str, str] = {}
    if not data.customer_name.strip():
        errors["customer_name"] = T("errors", "请填写投诉人称呼")
    elif len(data.customer_name.strip()) > 30:
        errors["customer_name"] = T("errors", "投诉人称呼不超过 30 字")
    problem = phone_problem(data.phone)
    if problem:
        errors["phone"] = problem
    if not data.subject.strip():
        errors["subject"] = T("errors", "请填写投诉事由")
    elif len(data.subject.strip()) > 100:
        errors["subject"] = T("errors", "投诉事由不超过 100 字")
    if len(data.description) > 2000:
        errors["description"] = T("errors", "投诉内容不超过 2000 字")
    if data.category not in {c.value for c in ComplaintCategory}:
        errors["category"] = T("errors", "请选择投诉类别")
    if data.severity not in {s.value for s in Severity}:
        errors["severity"] = T("errors", "请选择严重程度")
    if data.level not in {p.value for p in Priority}:
        errors["level"] = T("errors", "等级只能是 1–3")
    if data.opened_at and data.opened_at > now:
        errors["opened_at"] = T("errors", "受理时间不能晚于现在")
    return errors


def note_problem(note: str, required: bool, what: str | None = None) -> str | None:
    """Why a log note cannot be saved, or None."""
    what = what or T("errors", "处理说明")
    if required and not note.strip():
        return T("errors", "请填写{0}").format(what)
    if len(note) > 1000:
        return T("errors", "{0}不超过 1000 字").format(what)
    return None
