"""Holiday override form (节假日设置): a date, day off or working day (调休), and a note."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLineEdit, QWidget

from frontdesk.domain.roles import Actor
from frontdesk.services.calendar import edits as calendar_edits
from frontdesk.ui.dialogs.base import FormDialog
from frontdesk.ui.widgets.date_field import DateField
from frontdesk.ui.widgets.inputs import ChoiceCombo


class HolidayDialog(FormDialog):
    """New override, or edit of ``row`` (a dict from list_holidays)."""

    def __init__(self, actor: Actor, row: dict[str, Any] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("修改节假日设置") if row else self.tr("新增节假日设置"), parent, 380)
        self.actor, self.row = actor, row
        self.day = DateField()
        self.day.setObjectName("date")
        self.day.set_value(row["date"] if row else None)
        self.kind = ChoiceCombo([(False, self.tr("放假（不计工作日）")), (True, self.tr("上班（调休工作日）"))])
        self.kind.setObjectName("is_workday")
        if row:
            self.kind.set_value(bool(row["is_workday"]))
        self.note = QLineEdit(row["note"] if row else "")
        self.note.setObjectName("note")
        self.note.setPlaceholderText(self.tr("如：国庆节、春节调休、本站店庆"))
        self.form.add("date", self.tr("日期"), self.day)
        self.form.add("is_workday", self.tr("当天"), self.kind)
        self.form.add("note", self.tr("说明"), self.note)

    def save(self) -> None:
        calendar_edits.save_holiday(self.actor, self.day.value(), bool(self.kind.value()), self.note.text(),
                              self.row["uuid"] if self.row else None)
