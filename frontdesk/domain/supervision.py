"""Supervision rules (监督检查, seed 004 五 / seed 001): inspection kinds and their default checklist, what a finding
leads to, public-opinion sources and field checks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from enum import StrEnum

from frontdesk.errors import QT_TRANSLATE_NOOP, Message, T

INSPECTOR_MAX, SUMMARY_MAX, RECORDING_MAX, FINDING_MAX, COACHING_MAX = 30, 500, 300, 300, 300
PLATFORM_MAX, AUTHOR_MAX, CONTENT_MAX, FOLLOW_UP_MAX = 30, 30, 1000, 500


class InspectionKind(StrEnum):
    """现场巡查 by a manager, or 暗访 by a mystery shopper posing as a customer."""

    ROUND = "round"
    MYSTERY = "mystery"


class FindingAction(StrEnum):
    """What a finding leads to: noted only, a discipline incident (违纪), or a coaching note for the clerk."""

    NOTE = "note"
    INCIDENT = "incident"
    COACHING = "coaching"


class OpinionSource(StrEnum):
    """Where a public opinion came from (seed 004 五: 意见箱、在线评价平台、媒体报道、网络论坛)."""

    ONLINE = "online"
    COMMENT_BOX = "comment_box"
    MEDIA = "media"
    OTHER = "other"


class OpinionStatus(StrEnum):
    OPEN = "open"
    CLOSED = "closed"


LABELS: dict[str, str] = {
    InspectionKind.ROUND: QT_TRANSLATE_NOOP("enum", "现场巡查"),
    InspectionKind.MYSTERY: QT_TRANSLATE_NOOP("enum", "神秘顾客暗访"),
    FindingAction.NOTE: QT_TRANSLATE_NOOP("enum", "仅记录"),
    FindingAction.INCIDENT: QT_TRANSLATE_NOOP("enum", "登记违纪"),
    FindingAction.COACHING: QT_TRANSLATE_NOOP("enum", "辅导记录"),
    OpinionSource.ONLINE: QT_TRANSLATE_NOOP("enum", "在线评价"),
    OpinionSource.COMMENT_BOX: QT_TRANSLATE_NOOP("enum", "意见箱"),
    OpinionSource.MEDIA: QT_TRANSLATE_NOOP("enum", "媒体/网络论坛"),
    OpinionSource.OTHER: QT_TRANSLATE_NOOP("enum", "其他"),
    OpinionStatus.OPEN: QT_TRANSLATE_NOOP("enum", "待跟进"),
    OpinionStatus.CLOSED: QT_TRANSLATE_NOOP("enum", "已办结"),
}

# seed 004 五(一)1 现场巡查: 仪容仪表、言行举止、服务态度、工作流程; seed 002: 前台整洁; seed 000: 规范用语
DEFAULT_CHECKLIST: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("supervision", "仪容仪表：工装、工牌、发型"),
    QT_TRANSLATE_NOOP("supervision", "言行举止：站姿坐姿，不扎堆聊天"),
    QT_TRANSLATE_NOOP("supervision", "服务态度：主动问好、微笑、耐心"),
    QT_TRANSLATE_NOOP("supervision", "规范用语：首问负责，不说禁语"),
    QT_TRANSLATE_NOOP("supervision", "工作流程：登记完整、按时限转办"),
    QT_TRANSLATE_NOOP("supervision", "前台环境：台面整洁、物品摆放整齐"),
)


@dataclass(frozen=True)
class InspectionInput:
    """An inspection as the manager typed it; ``checklist`` is (line, passed) in order."""

    kind: str
    at: datetime | None
    inspector: str
    staff_uuid: str = ""
    checklist: tuple[tuple[str, bool], ...] = ()
    summary: str = ""
    recording: str = ""

    def cleaned(self) -> InspectionInput:
        lines = tuple((line.strip(), ok) for line, ok in self.checklist if line.strip())
        return InspectionInput(self.kind, self.at, self.inspector.strip(), (self.staff_uuid or "").strip(), lines,
                               self.summary.strip(), self.recording.strip())


def inspection_problems(data: InspectionInput, now: datetime) -> dict[str, Message]:
    """Field → message for an inspection being saved (``data`` already cleaned)."""
    errors: dict[str, Message] = {}
    if data.kind not in {k.value for k in InspectionKind}:
        errors["kind"] = T("errors", "请选择检查方式")
    if data.at is None:
        errors["at"] = T("errors", "请填写检查时间")
    elif data.at > now:
        errors["at"] = T("errors", "检查时间不能晚于现在")
    if not data.inspector:
        errors["inspector"] = T("errors", "请填写检查人")
    elif len(data.inspector) > INSPECTOR_MAX:
        errors["inspector"] = T("errors", "检查人不超过 {0} 字").format(INSPECTOR_MAX)
    if not data.checklist:
        errors["checklist"] = T("errors", "检查清单至少要有一项")
    if len(data.summary) > SUMMARY_MAX:
        errors["summary"] = T("errors", "检查小结不超过 {0} 字").format(SUMMARY_MAX)
    if len(data.recording) > RECORDING_MAX:
        errors["recording"] = T("errors", "录音录像路径不超过 {0} 字").format(RECORDING_MAX)
    return errors


@dataclass(frozen=True)
class FindingInput:
    """A finding about one clerk, and what it leads to (a rule and fine for an incident, a note for coaching)."""

    text: str
    staff_uuid: str = ""
    action: str = FindingAction.NOTE.value
    rule_code: str = ""
    amount: Decimal | None = None
    coaching: str = ""

    def cleaned(self) -> FindingInput:
        return FindingInput(self.text.strip(), (self.staff_uuid or "").strip(), self.action,
                            self.rule_code.strip().upper(), self.amount, self.coaching.strip())


def finding_problems(data: FindingInput) -> dict[str, Message]:
    """Field → message for a finding (``data`` cleaned); the incident's own rule and amount checks come after."""
    errors: dict[str, Message] = {}
    if not data.text:
        errors["text"] = T("errors", "请填写发现的问题")
    elif len(data.text) > FINDING_MAX:
        errors["text"] = T("errors", "发现的问题不超过 {0} 字").format(FINDING_MAX)
    if data.action not in {a.value for a in FindingAction}:
        errors["action"] = T("errors", "请选择处理方式")
    if data.action in (FindingAction.INCIDENT, FindingAction.COACHING) and not data.staff_uuid:
        errors["staff_uuid"] = T("errors", "登记违纪或辅导须选择员工")
    if data.action == FindingAction.INCIDENT and not data.rule_code:
        errors["rule_code"] = T("errors", "请选择违纪条款")
    if data.action == FindingAction.COACHING and not data.coaching:
        errors["coaching"] = T("errors", "请填写辅导内容")
    if len(data.coaching) > COACHING_MAX:
        errors["coaching"] = T("errors", "辅导内容不超过 {0} 字").format(COACHING_MAX)
    return errors


@dataclass(frozen=True)
class OpinionInput:
    """A public-opinion entry as logged at the desk."""

    source: str
    received_at: datetime | None
    content: str
    platform: str = ""
    rating: int | None = None
    author: str = ""

    def cleaned(self) -> OpinionInput:
        return OpinionInput(self.source, self.received_at, self.content.strip(), self.platform.strip(), self.rating,
                            self.author.strip())


def opinion_problems(data: OpinionInput, now: datetime) -> dict[str, Message]:
    """Field → message for an opinion entry (``data`` already cleaned)."""
    errors: dict[str, Message] = {}
    if data.source not in {s.value for s in OpinionSource}:
        errors["source"] = T("errors", "请选择来源")
    if data.received_at is None:
        errors["received_at"] = T("errors", "请填写收到时间")
    elif data.received_at > now:
        errors["received_at"] = T("errors", "收到时间不能晚于现在")
    if not data.content:
        errors["content"] = T("errors", "请填写评价或意见内容")
    elif len(data.content) > CONTENT_MAX:
        errors["content"] = T("errors", "内容不超过 {0} 字").format(CONTENT_MAX)
    if len(data.platform) > PLATFORM_MAX:
        errors["platform"] = T("errors", "平台名称不超过 {0} 字").format(PLATFORM_MAX)
    if len(data.author) > AUTHOR_MAX:
        errors["author"] = T("errors", "发布人不超过 {0} 字").format(AUTHOR_MAX)
    if data.rating is not None and not 1 <= data.rating <= 5:
        errors["rating"] = T("errors", "评分为 1–5 星")
    if data.source == OpinionSource.ONLINE and data.rating is None and not data.platform:
        errors["platform"] = T("errors", "在线评价请填写平台名称")
    return errors
