"""Case handling dialogs: 分类指派 (reclassify and assign), 方案审批 (approve the plan), 上报领导 (escalate)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QWidget

from frontdesk.domain.case_roles import HANDLER_MAY_CHANGE
from frontdesk.domain.complaints import ComplaintCategory, label
from frontdesk.domain.roles import Actor
from frontdesk.domain.sla import Priority, Severity, Stage
from frontdesk.services.complaints import cases as complaints
from frontdesk.services.complaints import handling
from frontdesk.services.core import staff as staff_service
from frontdesk.ui.dialogs.base import Buttons, FormDialog
from frontdesk.ui.i18n import enum_text
from frontdesk.ui.widgets.inputs import ChoiceCombo


def _note(hint: str) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setObjectName("note")
    edit.setTabChangesFocus(True)
    edit.setPlaceholderText(hint)
    edit.setFixedHeight(70)
    return edit


class ClassifyDialog(FormDialog):
    """分类指派: a manager changes any field; the assigned handler only the category. Each change is logged."""

    def __init__(self, actor: Actor, case: dict, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("分类指派 - {0}").format(case["number"]), parent, 460, Buttons.Save)
        self.actor, self.case = actor, case
        who = complaints.who(actor, case)
        self.category = ChoiceCombo([(c.value, enum_text(label(c.value))) for c in ComplaintCategory])
        self.severity = ChoiceCombo([(s.value, enum_text(s.label)) for s in Severity])
        self.level = ChoiceCombo([(p.value, f"{p.value} {enum_text(p.label)}") for p in Priority])
        self.department = ChoiceCombo([("", self.tr("（暂不指定）"))] + [
            (d["uuid"], d["name"]) for d in staff_service.list_departments(actor)])
        self.handler = ChoiceCombo([("", self.tr("（暂不指定）"))] + staff_service.staff_choices(actor))
        values = {"category": case["category"], "severity": case["severity"], "level": case["level"],
                  "department_uuid": case["department_uuid"] or "", "handler_uuid": case["handler_uuid"] or ""}
        self.fields = {"category": self.category, "severity": self.severity, "level": self.level,
                       "department_uuid": self.department, "handler_uuid": self.handler}
        names = {"category": self.tr("投诉类别"), "severity": self.tr("严重程度"), "level": self.tr("处理等级"),
                 "department_uuid": self.tr("责任部门"), "handler_uuid": self.tr("承办人")}
        for key, combo in self.fields.items():
            combo.setObjectName(key)
            combo.set_value(values[key])
            combo.setEnabled(who.manager or key in HANDLER_MAY_CHANGE)
            self.form.add(key, names[key], combo)
        self.note = _note(self.tr("修改原因（可不填）"))
        self.form.add("note", self.tr("说明"), self.note)
        if not who.manager:
            hint = QLabel(self.tr("承办人只能修改投诉类别；其他项目请主管修改。"))
            hint.setWordWrap(True)
            self.add_above(hint)
        self.changed = 0

    def save(self) -> None:
        values = {k: c.value() for k, c in self.fields.items() if c.isEnabled()}
        self.changed = handling.reclassify(self.actor, self.case["uuid"], handling.Classification(**values),
                                           self.note.toPlainText(), revision=self.case.get("revision"))


class ApproveDialog(FormDialog):
    """方案审批: a manager approves the plan (a 重大 case needs two managers' approvals and an escalation)."""

    def __init__(self, actor: Actor, case: dict, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("方案审批 - {0}").format(case["number"]), parent, 440, Buttons.Ok)
        self.actor, self.case = actor, case
        approvals = [e["actor_name"] for e in case["events"] if e["kind"] == "approve"]
        text = self.tr("已审批：{0}").format("、".join(approvals)) if approvals else self.tr("尚无审批")
        if case["severity"] == Severity.MAJOR.value:
            text += self.tr("。重大投诉须两位主管审批并记录上报公司领导。")
        intro = QLabel(text)
        intro.setObjectName("approvals")
        intro.setWordWrap(True)
        self.add_above(intro)
        self.note = _note(self.tr("审批意见（可不填）"))
        self.form.add("note", self.tr("审批意见"), self.note)
        self.form.add("approval", "", QLabel(enum_text(Stage(case["stage"]).label)))

    def save(self) -> None:
        handling.approve_plan(self.actor, self.case["uuid"], self.note.toPlainText(), revision=self.case.get("revision"))


class EscalateDialog(FormDialog):
    """上报领导: whom the case was reported to (报公司领导), by a manager or the case's handler."""

    def __init__(self, actor: Actor, case: dict, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("上报领导 - {0}").format(case["number"]), parent, 440, Buttons.Ok)
        self.actor, self.case = actor, case
        self.reported_to = QLineEdit()
        self.reported_to.setObjectName("reported_to")
        self.reported_to.setMaxLength(60)
        self.reported_to.setPlaceholderText(self.tr("如：公司分管副总 张总"))
        self.note = _note(self.tr("上报方式与内容（可不填）"))
        self.form.add("reported_to", self.tr("上报对象"), self.reported_to)
        self.form.add("note", self.tr("说明"), self.note)

    def save(self) -> None:
        handling.escalate(self.actor, self.case["uuid"], self.reported_to.text(), self.note.toPlainText(),
                          revision=self.case.get("revision"))
