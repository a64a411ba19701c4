"""Who does each complaint stage (seed 000 template 2, seed 001): stage roles, plan approval, reclassification."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from frontdesk.domain.stages import Severity, Stage
from frontdesk.errors import QT_TRANSLATE_NOOP, T


class Doer(StrEnum):
    """Who may finish a stage."""

    ANYONE = "anyone"  # 一线客服 (and everyone above)
    HANDLER = "handler"  # 主管/专员: a manager or the case's assigned handler
    MANAGER = "manager"  # 主管


# the stage being finished → who may finish it (受理, 反馈 by the clerk; 执行 by whoever carried it out)
FINISHED_BY: dict[Stage, Doer] = {
    Stage.ACCEPT: Doer.ANYONE,
    Stage.VERIFY: Doer.HANDLER,
    Stage.PLAN: Doer.MANAGER,
    Stage.FEEDBACK: Doer.ANYONE,
    Stage.EXECUTE: Doer.ANYONE,
    Stage.ARCHIVE: Doer.MANAGER,
}
DOER_LABELS = {
    Doer.ANYONE: QT_TRANSLATE_NOOP("enum", "客服"),
    Doer.HANDLER: QT_TRANSLATE_NOOP("enum", "主管或本案承办人"),
    Doer.MANAGER: QT_TRANSLATE_NOOP("enum", "主管"),
}

# what each may change after opening: a manager everything; the handler what the complaint is about
CLASSIFY_FIELDS = ("category", "severity", "level", "department_uuid", "handler_uuid")
HANDLER_MAY_CHANGE = frozenset({"category"})


@dataclass(frozen=True)
class Who:
    """The actor as the case sees them."""

    uuid: str
    manager: bool  # holds MANAGE_COMPLAINTS
    handler: bool  # the case's assigned handler


def may_finish(stage: Stage, who: Who) -> bool:
    doer = FINISHED_BY.get(stage)
    if doer is None:
        return False
    return doer is Doer.ANYONE or who.manager or (doer is Doer.HANDLER and who.handler)


def finish_problem(stage: Stage, who: Who) -> str | None:
    """Why ``who`` may not finish ``stage`` (None if they may)."""
    if stage not in FINISHED_BY or may_finish(stage, who):
        return None
    if FINISHED_BY[stage] is Doer.HANDLER:
        return T("errors", "「核实」须由主管或本案承办人完成")
    if stage is Stage.PLAN:
        return T("errors", "「方案」须经主管审批后才能转入「反馈」")
    return T("errors", "「归档总结」须由主管完成并结案")


def plan_problems(severity: Severity | str, mover: str, approvers: Iterable[str], escalated: bool) -> dict[str, str]:
    """What a major case's plan still lacks when ``mover`` (a manager) finishes 方案; empty when complete.

    The manager who finishes 方案 approves it; a 重大 case also needs a second manager's approval
    (经分管领导同意) and a record of whom it was reported to (报公司领导).
    """
    if Severity(severity) is not Severity.MAJOR:
        return {}
    errors: dict[str, str] = {}
    if not set(approvers) - {mover}:
        errors["approval"] = T("errors", "重大投诉的方案须另一位主管（分管领导）审批")
    if not escalated:
        errors["escalation"] = T("errors", "重大投诉须先记录已上报公司领导（上报对象）")
    return errors


def classify_problem(field: str, who: Who) -> str | None:
    """Why ``who`` may not change ``field`` of a case (None if they may)."""
    if who.manager or (who.handler and field in HANDLER_MAY_CHANGE):
        return None
    if who.handler:
        return T("errors", "承办人只能修改投诉类别，其他须由主管修改")
    return T("errors", "只有主管（或本案承办人修改类别）可以修改投诉分类")
