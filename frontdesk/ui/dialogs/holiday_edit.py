"""Holiday override form (节假日设置): a date, day off or working day (调休), and a note."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit, QVBoxLayout, QWidget

from frontdesk.domain.roles import Actor
from frontdesk.errors import UserError, ValidationError
from frontdesk.services import holidays
from frontdesk.ui.messages import show_user_error
from frontdesk.ui.widgets.form import FieldForm
from frontdesk.ui.widgets.inputs import ChoiceCombo, OptionalDateEdit


class HolidayDialog(QDialog):
    """New override, or edit of ``row`` (a dict from list_holidays)."""

    def __init__(self, actor: Actor, row: dict[str, Any] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.actor, self.row = actor, row
        self.setWindowTitle(self.tr("修改节假日设置") if row else self.tr("新增节假日设置"))
        self.setMinimumWidth(380)
        self.day = OptionalDateEdit()
        self.day.setObjectName("date")
        self.day.set_value(row["date"] if row else None)
        self.kind = ChoiceCombo([(False, self.tr("放假（不计工作日）")), (True, self.tr("上班（调休工作日）"))])
        self.kind.setObjectName("is_workday")
        if row:
            self.kind.set_value(bool(row["is_workday"]))
        self.note = QLineEdit(row["note"] if row else "")
        self.note.setObjectName("note")
        self.note.setPlaceholderText(self.tr("如：国庆节、春节调休、本站店庆"))
        self.form = FieldForm()
        self.form.add("date", self.tr("日期"), self.day)
        self.form.add("is_workday", self.tr("当天"), self.kind)
        self.form.add("note", self.tr("说明"), self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(buttons)

    def accept(self) -> None:
        try:
            holidays.save_holiday(self.actor, self.day.value(), bool(self.kind.value()), self.note.text(),
                                  self.row["uuid"] if self.row else None)
        except ValidationError as exc:
            for message in self.form.show_errors(exc.fields):
                show_user_error(self, UserError(message))
            return
        except UserError as exc:
            show_user_error(self, exc)
            return
        super().accept()
