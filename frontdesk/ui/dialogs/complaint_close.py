"""Close a case (结案): the archive summary, the customer's satisfaction and confirmation."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QLabel, QWidget

from frontdesk.domain.complaints import Satisfaction, label
from frontdesk.domain.roles import Actor
from frontdesk.services.complaints import cases as complaints
from frontdesk.ui.dialogs.base import Buttons, FormDialog
from frontdesk.ui.dialogs.complaint_stage import _note_edit
from frontdesk.ui.i18n import enum_text
from frontdesk.ui.widgets.inputs import ChoiceCombo


class CloseDialog(FormDialog):
    """Only a case in 归档总结 can close; the service says so next to the stage otherwise."""

    def __init__(self, actor: Actor, case: dict, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("结案 - {0}").format(case["number"]), parent, 460, Buttons.Ok)
        self.ok_button.setText(self.tr("结案"))
        self.actor, self.case = actor, case
        self.summary = QLabel(f"{case['customer_name']}  {case['subject']}")
        self.summary.setWordWrap(True)
        self.satisfaction = ChoiceCombo(
            [(None, self.tr("请选择"))] + [(s.value, enum_text(label(s.value))) for s in Satisfaction]
        )
        self.satisfaction.setObjectName("satisfaction")
        self.confirmed = QCheckBox(self.tr("客户已确认处理结果"))
        self.confirmed.setObjectName("confirmed")
        self.note = _note_edit(self.tr("处理结果、原因分析与改进措施（必填）"))
        self.form.addRow(self.tr("案件"), self.summary)
        self.form.add("stage", self.tr("当前阶段"), QLabel(enum_text(complaints.Stage(case["stage"]).label)))
        self.form.add("satisfaction", self.tr("客户满意度"), self.satisfaction)
        self.form.add("confirmed", self.tr("客户确认"), self.confirmed)
        self.form.add("note", self.tr("归档总结"), self.note)

    def save(self) -> None:
        complaints.close_complaint(
            self.actor, self.case["uuid"], self.satisfaction.value(), self.confirmed.isChecked(),
            self.note.toPlainText(),
        )
