"""Close a case (结案): the archive summary, the customer's satisfaction in three dimensions and confirmation."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QLabel, QWidget

from frontdesk.domain import satisfaction as three_dimensions
from frontdesk.domain.complaints import Satisfaction, label
from frontdesk.domain.roles import Actor
from frontdesk.services.complaints import cases as complaints
from frontdesk.ui.dialogs.base import Buttons, FormDialog
from frontdesk.ui.dialogs.complaint_stage import _note_edit
from frontdesk.ui.i18n import enum_text
from frontdesk.ui.widgets.inputs import ChoiceCombo


def satisfaction_text(row: dict) -> str:
    """满意 — or 基本满意（处理速度：满意，处理结果：基本满意，沟通态度：满意） when rated in three dimensions."""
    overall = enum_text(label(row.get("satisfaction") or ""))
    parts = [f"{enum_text(three_dimensions.label(dim.value))}：{enum_text(label(row[name]))}"
             for dim, name in three_dimensions.FIELDS.items() if row.get(name)]
    return QCoreApplication.translate("CloseDialog", "{0}（{1}）").format(overall, "，".join(parts)) if parts else overall


class CloseDialog(FormDialog):
    """Only a case in 归档总结 can close; the service says so next to the stage otherwise."""

    def __init__(self, actor: Actor, case: dict, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("结案 - {0}").format(case["number"]), parent, 460, Buttons.Ok)
        self.ok_button.setText(self.tr("结案"))
        self.actor, self.case = actor, case
        self.summary = QLabel(f"{case['customer_name']}  {case['subject']}")
        self.summary.setWordWrap(True)
        choices = [(None, self.tr("请选择"))] + [(s.value, enum_text(label(s.value))) for s in Satisfaction]
        self.dimensions: dict[str, ChoiceCombo] = {}
        for name in three_dimensions.FIELDS.values():
            combo = ChoiceCombo(choices)
            combo.setObjectName(name)
            combo.currentIndexChanged.connect(self._derive)
            self.dimensions[name] = combo
        # the overall value is derived from the three (the worst of them), shown as the customer will be counted
        self.satisfaction = QLabel()
        self.satisfaction.setObjectName("satisfaction")
        self.confirmed = QCheckBox(self.tr("客户已确认处理结果"))
        self.confirmed.setObjectName("confirmed")
        self.note = _note_edit(self.tr("处理结果、原因分析与改进措施（必填）"))
        self.form.addRow(self.tr("案件"), self.summary)
        self.form.add("stage", self.tr("当前阶段"), QLabel(enum_text(complaints.Stage(case["stage"]).label)))
        for dim, name in three_dimensions.FIELDS.items():
            self.form.add(name, enum_text(three_dimensions.label(dim.value)), self.dimensions[name])
        self.form.add("satisfaction", self.tr("总体满意度"), self.satisfaction)
        self.form.add("confirmed", self.tr("客户确认"), self.confirmed)
        self.form.add("note", self.tr("归档总结"), self.note)

        self._derive()
        self.dimensions[three_dimensions.FIELDS[three_dimensions.SatisfactionDimension.SPEED]].setFocus()

    def dimension_values(self) -> dict[str, str | None]:
        return {name: combo.value() for name, combo in self.dimensions.items()}

    def _derive(self) -> None:
        values = self.dimension_values()
        if all(values.values()):
            self.satisfaction.setText(enum_text(label(three_dimensions.derive_overall(values))))  # type: ignore[arg-type]
        else:
            self.satisfaction.setText(self.tr("（三项选定后按最低一项得出）"))

    def save(self) -> None:
        complaints.close_complaint(
            self.actor, self.case["uuid"], None, self.confirmed.isChecked(), self.note.toPlainText(),
            dimensions=self.dimension_values(), revision=self.case.get("revision"),
        )
