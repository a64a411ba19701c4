"""投诉处理总结报告 (complaint handling summary report): the case from intake to archive on one printable page."""

from __future__ import annotations

from typing import Any

from frontdesk.clock import now
from frontdesk.domain.complaints import label
from frontdesk.domain.printdoc import PrintDocument, Table
from frontdesk.domain.roles import Actor
from frontdesk.domain.sla import Priority, Severity, Stage
from frontdesk.domain.stages import Remedy
from frontdesk.services.complaints import cases as complaints

# what each stage's work is called in the report: the notes written when the case left that stage
SECTIONS = ((Stage.ACCEPT, "受理情况"), (Stage.VERIFY, "核实情况"), (Stage.PLAN, "处理方案"),
            (Stage.FEEDBACK, "客户反馈"), (Stage.EXECUTE, "执行结果"), (Stage.ARCHIVE, "归档总结"))


def _fmt(value: Any) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if value else ""


def _duration(case: dict[str, Any]) -> str:
    if not case["closed_at"]:
        return "尚未结案"
    hours = (case["closed_at"] - case["opened_at"]).total_seconds() / 3600
    return f"{hours / 24:.1f} 天" if hours >= 48 else f"{hours:.1f} 小时"


def stage_notes(events: list[dict[str, Any]]) -> dict[Stage, str]:
    """For each stage, the notes logged when the case moved on from it, in order; the remedy promised on
    entering 执行 heads that stage's result (补救方式：退款)."""
    found: dict[Stage, list[str]] = {}
    for e in events:
        if e["kind"] != "stage":
            continue
        if e["remedy"] and e["to_stage"] == Stage.EXECUTE:
            found.setdefault(Stage.EXECUTE, []).insert(0, f"补救方式：{Remedy(e['remedy']).label}")
        if e["from_stage"] and e["note"]:
            found.setdefault(Stage(e["from_stage"]), []).append(e["note"])
    return {stage: "；".join(notes) for stage, notes in found.items()}


def summary_report(actor: Actor, uuid: str, site_name: str = "") -> PrintDocument:
    """The summary report of a case (any desk user who may read it); a case still open prints what there is."""
    case = complaints.get_complaint(actor, uuid)
    notes = stage_notes(case["events"])
    clock = case["clock"]
    met = [c for c in (clock.answer, clock.respond, clock.resolve) if c is not None]
    late = {c.kind: (c.done_at > c.due) if c.done_at else c.overdue for c in met}
    deadlines = "；".join(f"{c.kind.label}{'超期' if late[c.kind] else '按时'}" for c in met) or "—"
    fields: list[tuple[str, object] | tuple[str, object, bool]] = [
        ("受理时间", _fmt(case["opened_at"])), ("受理人", case["opened_by_name"] or ""),
        ("投诉人", case["customer_name"]), ("联系电话", case["phone"]),
        ("投诉类别", label(case["category"])),
        ("严重程度 / 等级", f"{Severity(case['severity']).label} / {case['level']}级（{Priority(case['level']).label}）"),
        ("责任部门", case["department_name"] or ""), ("归责员工", case["staff_name"] or ""),
        ("承办人", case["handler_name"] or ""), ("当前阶段", Stage(case["stage"]).label),
        ("结案时间", _fmt(case["closed_at"])), ("处理用时", _duration(case)),
        ("时限执行", deadlines, True),
        ("投诉事由", case["subject"], True),
    ]
    if case["description"] and case["description"] != case["subject"]:
        fields.append(("投诉内容", case["description"], True))
    fields += [(title, notes.get(stage, ""), True) for stage, title in SECTIONS]
    fields += [("客户满意度", label(case["satisfaction"]) or "未评价"),
               ("客户确认", "已确认" if case["customer_confirmed"] else "未确认"),
               ("整改与预防措施", "", True)]
    rows = [[_fmt(e["at"]), label(e["kind"]) if e["kind"] != "stage" else f"转入「{Stage(e['to_stage']).label}」",
             e["actor_name"], e["note"]] for e in case["events"]]
    return PrintDocument(
        title="投诉处理总结报告", number=case["number"], site_name=site_name, fields=fields,
        tables=[Table(["时间", "事项", "经办人", "说明"], rows, title="处理经过")] if rows else [],
        signature_lines=["经办人", "客服主管", "日期"], printed_at=now(),
    )
