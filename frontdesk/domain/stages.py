"""Complaint vocabulary: stages and the only legal moves between them, severity, priority, remedies."""

from __future__ import annotations

from enum import IntEnum, StrEnum

from frontdesk.errors import QT_TRANSLATE_NOOP, Message, T, UserError


class Stage(StrEnum):
    """Complaint stages in order; CLOSED is reached when the archive summary is done."""

    ACCEPT = "accept"
    VERIFY = "verify"
    PLAN = "plan"
    FEEDBACK = "feedback"
    EXECUTE = "execute"
    ARCHIVE = "archive"
    CLOSED = "closed"

    @property
    def label(self) -> str:
        return STAGE_LABELS[self]

    @property
    def next(self) -> Stage | None:
        """The only stage this one may move to (None once closed)."""
        order = list(Stage)
        i = order.index(self)
        return order[i + 1] if i + 1 < len(order) else None


STAGE_LABELS = {
    Stage.ACCEPT: QT_TRANSLATE_NOOP("enum", "受理"),
    Stage.VERIFY: QT_TRANSLATE_NOOP("enum", "核实"),
    Stage.PLAN: QT_TRANSLATE_NOOP("enum", "方案"),
    Stage.FEEDBACK: QT_TRANSLATE_NOOP("enum", "反馈"),
    Stage.EXECUTE: QT_TRANSLATE_NOOP("enum", "执行"),
    Stage.ARCHIVE: QT_TRANSLATE_NOOP("enum", "归档总结"),
    Stage.CLOSED: QT_TRANSLATE_NOOP("enum", "已结案"),
}


class Severity(StrEnum):
    """Case severity; sets the deadline for answering the complainant."""

    GENERAL = "general"
    MAJOR = "major"

    @property
    def label(self) -> str:
        return SEVERITY_LABELS[self]


SEVERITY_LABELS = {
    Severity.GENERAL: QT_TRANSLATE_NOOP("enum", "一般"),
    Severity.MAJOR: QT_TRANSLATE_NOOP("enum", "重大"),
}


class Priority(IntEnum):
    """Priority level 1–3; sets the respond / resolve hour limits."""

    NORMAL = 1
    URGENT = 2
    MAJOR = 3

    @property
    def label(self) -> str:
        return PRIORITY_LABELS[self]


PRIORITY_LABELS = {
    Priority.NORMAL: QT_TRANSLATE_NOOP("enum", "一般"),
    Priority.URGENT: QT_TRANSLATE_NOOP("enum", "紧急"),
    Priority.MAJOR: QT_TRANSLATE_NOOP("enum", "重大"),
}


class Remedy(StrEnum):
    """What was promised at the execute stage; refund and exchange have fixed hour limits."""

    REFUND = "refund"
    EXCHANGE = "exchange"
    OTHER = "other"

    @property
    def label(self) -> str:
        return {
            Remedy.REFUND: QT_TRANSLATE_NOOP("enum", "退款"),
            Remedy.EXCHANGE: QT_TRANSLATE_NOOP("enum", "换货"),
            Remedy.OTHER: QT_TRANSLATE_NOOP("enum", "其他"),
        }[self]


class CaseFlowError(UserError, ValueError):
    """An event the complaint workflow does not allow (message in Chinese, shown to the user)."""


class IllegalStageMove(CaseFlowError):
    """A stage change other than to the next stage."""


def can_move(src: Stage, dst: Stage) -> bool:
    """Whether a case in ``src`` may move to ``dst``: only ever to the next stage."""
    return src.next is dst


def check_move(src: Stage, dst: Stage) -> None:
    """Raise IllegalStageMove unless ``can_move(src, dst)``."""
    if can_move(src, dst):
        return
    if src.next is None:
        raise IllegalStageMove(T("errors", "案件已{0}，不能再转到「{1}」").format(_label(src), _label(dst)))
    if dst is Stage.ARCHIVE:
        raise IllegalStageMove(
            T("errors", "「{0}」只能在「{1}」完成之后进行，当前为「{2}」").format(
                _label(dst), _label(Stage.EXECUTE), _label(src)
            )
        )
    raise IllegalStageMove(
        T("errors", "不能从「{0}」转到「{1}」，下一步只能是「{2}」").format(_label(src), _label(dst), _label(src.next))
    )


def _label(stage: Stage) -> Message:
    """A stage's label, translated (context "enum") where the message is shown."""
    return Message("enum", stage.label)
