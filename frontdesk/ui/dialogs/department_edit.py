"""Department form: name, note, active."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QLineEdit, QVBoxLayout, QWidget

from frontdesk.domain.roles import Actor
from frontdesk.errors import ValidationError
from frontdesk.services import staff as staff_service
from frontdesk.ui.widgets.form import FieldForm


class DepartmentDialog(QDialog):
    """New department, or edit of ``row`` (a dict from list_departments)."""

    def __init__(self, actor: Actor, row: dict[str, Any] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.actor = actor
        self.row = row
        self.setWindowTitle(self.tr("编辑部门") if row else self.tr("新增部门"))
        self.setMinimumWidth(360)
        self.name = QLineEdit(row["name"] if row else "")
        self.name.setObjectName("name")
        self.note = QLineEdit(row["note"] if row else "")
        self.note.setObjectName("note")
        self.active = QCheckBox(self.tr("启用"))
        self.active.setChecked(row["active"] if row else True)
        self.form = FieldForm()
        self.form.add("name", self.tr("部门名称"), self.name)
        self.form.add("note", self.tr("备注"), self.note)
        self.form.add("active", self.tr("状态"), self.active)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(buttons)

    def accept(self) -> None:
        try:
            staff_service.save_department(
                self.actor, self.name.text(), self.note.text(), self.active.isChecked(),
                self.row["uuid"] if self.row else None,
            )
        except ValidationError as exc:
            self.form.show_errors(exc.fields)
            return
        super().accept()
