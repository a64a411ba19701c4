"""Close a case (结案): the archive summary, the customer's satisfaction and confirmation."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from frontdesk.domain.complaints import Satisfaction, label
from frontdesk.domain.roles import Actor
from frontdesk.services import complaints
from frontdesk.ui.dialogs.complaint_new import tr_enum
from frontdesk.ui.dialogs.complaint_stage import _note_edit, _run
from frontdesk.ui.widgets.form import FieldForm
from frontdesk.ui.widgets.inputs import ChoiceCombo


class CloseDialog(QDialog):
    """Only a case in 归档总结 can close; the service says so next to the stage otherwise."""

    def __init__(self, actor: Actor, case: dict, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.actor, self.case = actor, case
        self.setWindowTitle(self.tr("结案 - {0}").format(case["number"]))
        self.setMinimumWidth(460)
        self.summary = QLabel(f"{case['customer_name']}  {case['subject']}")
        self.summary.setWordWrap(True)
        self.satisfaction = ChoiceCombo(
            [(None, self.tr("请选择"))] + [(s.value, tr_enum(label(s.value))) for s in Satisfaction]
        )
        self.satisfaction.setObjectName("satisfaction")
        self.confirmed = QCheckBox(self.tr("客户已确认处理结果"))
        self.confirmed.setObjectName("confirmed")
        self.note = _note_edit(self.tr("处理结果、原因分析与改进措施（必填）"))
        self.form = FieldForm()
        self.form.addRow(self.tr("案件"), self.summary)
        self.form.add("stage", self.tr("当前阶段"), QLabel(tr_enum(complaints.Stage(case["stage"]).label)))
        self.form.add("satisfaction", self.tr("客户满意度"), self.satisfaction)
        self.form.add("confirmed", self.tr("客户确认"), self.confirmed)
        self.form.add("note", self.tr("归档总结"), self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("结案"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(buttons)

    def accept(self) -> None:
        if _run(self, self.form, lambda: complaints.close_complaint(
            self.actor, self.case["uuid"], self.satisfaction.value(), self.confirmed.isChecked(),
            self.note.toPlainText(),
        )):
            super().accept()
