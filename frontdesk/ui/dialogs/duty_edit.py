"""Duty checklist dialogs: a checklist line (managers), ticking a line with its reading, and raising W08 for a
line missed on a shift."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QWidget

from frontdesk.domain.duty import DutyItemInput
from frontdesk.domain.roles import Actor
from frontdesk.services.discipline import fine_rules
from frontdesk.services.personnel import duties, shifts
from frontdesk.ui.dialogs.base import FormDialog
from frontdesk.ui.widgets.inputs import ChoiceCombo


def shift_choices(actor: Actor, every: bool = True) -> list[tuple[str, str]]:
    types = [(t["uuid"], f"{t['name']} {t['start']}–{t['end']}") for t in shifts.list_shift_types(actor)]
    return ([("", QCoreApplication.translate("DutyItemDialog", "每个班次"))] if every else []) + types


class DutyItemDialog(FormDialog):
    """A checklist line: what, on which shift, by when, whether a reading (and its unit) is recorded."""

    def __init__(self, actor: Actor, row: dict[str, Any] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("编辑值守事项") if row else self.tr("新增值守事项"), parent, 480)
        self.actor, self.uuid = actor, row["uuid"] if row else None
        self.row = row
        self.name = QLineEdit(row["name"] if row else "")
        self.name.setObjectName("name")
        self.name.setPlaceholderText(self.tr("如 抄早电表、开启区域照明"))
        self.shift_type = ChoiceCombo(shift_choices(actor))
        self.shift_type.setObjectName("shift_type")
        self.shift_type.set_value(row["shift_type_uuid"] if row else "")
        self.due_time = QLineEdit(row["due_time"] if row else "")
        self.due_time.setObjectName("due_time")
        self.due_time.setPlaceholderText(self.tr("时:分，如 08:30；不填即本班内任意时间"))
        self.needs_reading = QCheckBox(self.tr("需要记录读数"))
        self.needs_reading.setObjectName("needs_reading")
        self.needs_reading.setChecked(bool(row and row["needs_reading"]))
        self.unit = QLineEdit(row["unit"] if row else "")
        self.unit.setObjectName("unit")
        self.unit.setPlaceholderText(self.tr("如 kWh、℃"))
        self.note = QLineEdit(row["note"] if row else "")
        self.note.setObjectName("note")
        self.note.setPlaceholderText(self.tr("做法或时间表，如 课程表：19:00 动感单车"))
        self.active = QCheckBox(self.tr("启用"))
        self.active.setObjectName("active")
        self.active.setChecked(row["active"] if row else True)
        self.needs_reading.toggled.connect(self.unit.setEnabled)
        self.unit.setEnabled(self.needs_reading.isChecked())
        self.form.add("name", self.tr("值守事项"), self.name)
        self.form.add("shift_type_uuid", self.tr("班次"), self.shift_type)
        self.form.add("due_time", self.tr("应完成时间"), self.due_time)
        self.form.add("needs_reading", "", self.needs_reading)
        self.form.add("unit", self.tr("读数单位"), self.unit)
        self.form.add("note", self.tr("说明"), self.note)
        self.form.add("active", self.tr("状态"), self.active)

    def data(self) -> DutyItemInput:
        return DutyItemInput(self.name.text(), self.shift_type.value() or "", self.due_time.text(),
                             self.needs_reading.isChecked(), self.unit.text(), self.note.text(),
                             self.row["position"] if self.row else 0, self.active.isChecked())

    def save(self) -> None:
        self.uuid = duties.save_item(self.actor, self.data(), self.uuid)


class DutyTickDialog(FormDialog):
    """完成: one line of this shift's checklist, with its reading when it asks for one and a note."""

    def __init__(self, actor: Actor, day: date, shift_type_uuid: str, row: dict[str, Any],
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("完成值守事项"), parent, 420)
        self.actor, self.day, self.shift_type_uuid, self.row = actor, day, shift_type_uuid, row
        self.check_uuid: str | None = None
        what = QLabel(f"{row['due_time'] or '—'}  {row['name']}")
        what.setObjectName("itemName")
        what.setStyleSheet("font-weight: bold;")
        self.form.add("item_uuid", self.tr("事项"), what)
        if row["note"]:
            note = QLabel(row["note"])
            note.setWordWrap(True)
            self.form.add("item_note", "", note)
        self.form.add("day", self.tr("班次"), QLabel(f"{day.isoformat()} {row.get('shift_label', '')}".strip()))
        self.reading = QLineEdit()
        self.reading.setObjectName("reading")
        self.reading.setPlaceholderText(self.tr("如 12345.6"))
        if row["needs_reading"]:
            self.form.add("reading", self.tr("读数（{0}）").format(row["unit"]) if row["unit"] else self.tr("读数"),
                          self.reading)
        self.note = QLineEdit()
        self.note.setObjectName("note")
        self.form.add("note", self.tr("备注"), self.note)

    def save(self) -> None:
        self.check_uuid = duties.tick(self.actor, self.day, self.shift_type_uuid, self.row["uuid"],
                                      self.reading.text(), self.note.text())


class MissedDutyDialog(FormDialog):
    """登记 W08: the clerk who worked the shift and the fine (the rule's lowest to start with), in one step."""

    def __init__(self, actor: Actor, row: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("漏做值守 — 登记 W08"), parent, 460)
        self.actor, self.row = actor, row
        self.incident_uuid: str | None = None
        self.form.add("item_uuid", self.tr("漏做事项"), QLabel(
            f"{row['day'].isoformat()} {row['shift_name']}  {row['due_time'] or ''} {row['item_name']}".strip()))
        rule = fine_rules.rule_for("W08", row["day"])
        self.form.add("rule", self.tr("违纪条款"), QLabel(f"W08 {rule.offence}" if rule else "W08"))
        self.staff = ChoiceCombo(row["staff"])
        self.staff.setObjectName("staff")
        self.amount = QLineEdit(str(fine_rules.spec_of(rule).min_amount) if rule else "")
        self.amount.setObjectName("amount")
        self.form.add("staff_uuid", self.tr("当班员工"), self.staff)
        self.form.alias("staff_uuids", "staff_uuid")
        self.form.add("amount", self.tr("罚款金额（元）"), self.amount)
        self.ok_button.setText(self.tr("登记违纪"))

    def save(self) -> None:
        amount = fine_rules.money(self.amount.text(), "amount")
        self.incident_uuid = duties.raise_w08(self.actor, self.row["day"], self.row["shift_type_uuid"],
                                              self.row["item_uuid"], self.staff.value() or "", amount)
