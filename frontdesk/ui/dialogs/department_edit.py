"""Department form: name, note, active."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QLineEdit, QWidget

from frontdesk.domain.roles import Actor
from frontdesk.services.core import staff as staff_service
from frontdesk.ui.dialogs.base import FormDialog


class DepartmentDialog(FormDialog):
    """New department, or edit of ``row`` (a dict from list_departments)."""

    def __init__(self, actor: Actor, row: dict[str, Any] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("编辑部门") if row else self.tr("新增部门"), parent, 360)
        self.actor = actor
        self.row = row
        self.name = QLineEdit(row["name"] if row else "")
        self.name.setObjectName("name")
        self.note = QLineEdit(row["note"] if row else "")
        self.note.setObjectName("note")
        self.active = QCheckBox(self.tr("启用"))
        self.active.setChecked(row["active"] if row else True)
        self.form.add("name", self.tr("部门名称"), self.name)
        self.form.add("note", self.tr("备注"), self.note)
        self.form.add("active", self.tr("状态"), self.active)

    def save(self) -> None:
        staff_service.save_department(
            self.actor, self.name.text(), self.note.text(), self.active.isChecked(),
            self.row["uuid"] if self.row else None,
        )
