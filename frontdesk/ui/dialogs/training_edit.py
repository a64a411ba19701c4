"""Training session form (培训记录): kind, subject, date, hours, trainer, pass mark, content, and per person
whether they took part, their attendance and their test score; plus a person's training history."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from frontdesk import clock
from frontdesk.domain.roles import Actor
from frontdesk.domain.training import Attendance, AttendeeInput, SessionInput, TrainingKind
from frontdesk.domain.training import label as training_label
from frontdesk.services.core import staff as staff_service
from frontdesk.services.personnel import training
from frontdesk.ui.dialogs.base import FormDialog
from frontdesk.ui.i18n import enum_format, enum_text
from frontdesk.ui.models.page_model import Column
from frontdesk.ui.widgets.date_field import DateField
from frontdesk.ui.widgets.inputs import ChoiceCombo


def _number(value: Decimal | None) -> str:
    return "" if value is None else f"{value.normalize():f}"


class TrainingDialog(FormDialog):
    """A new session (everyone on the roster offered, none ticked), or the correction of session ``uuid``."""

    def __init__(self, actor: Actor, uuid: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("修改培训记录") if uuid else self.tr("新增培训记录"), parent, 620)
        self.actor, self.uuid = actor, uuid
        data = training.to_input(training.get_session(actor, uuid)) if uuid else SessionInput(
            kind=TrainingKind.PERIODIC.value, title="", held_on=clock.today(), hours="2")
        self.kind = ChoiceCombo([(k.value, enum_text(k.value, training_label)) for k in TrainingKind])
        self.kind.setObjectName("kind")
        self.kind.set_value(data.kind)
        self.title = QLineEdit(data.title)
        self.title.setObjectName("title")
        self.title.setPlaceholderText(self.tr("如 新版收费标准解读、投诉处理技巧"))
        self.held_on = DateField(data.held_on, optional=False)
        self.held_on.setObjectName("held_on")
        self.hours = QLineEdit(data.hours)
        self.hours.setObjectName("hours")
        self.hours.setPlaceholderText(self.tr("如 1.5"))
        self.trainer = QLineEdit(data.trainer)
        self.trainer.setObjectName("trainer")
        self.pass_score = QLineEdit(data.pass_score)
        self.pass_score.setObjectName("pass_score")
        self.pass_score.setPlaceholderText(self.tr("有考试时填写，如 60；不填即无考试"))
        self.content = QPlainTextEdit(data.content)
        self.content.setObjectName("content")
        self.content.setTabChangesFocus(True)
        self.content.setPlaceholderText(self.tr("培训内容、资料"))
        self.content.setFixedHeight(64)
        self.people = QTableWidget(0, 3)
        self.people.setObjectName("attendees")
        self.people.setHorizontalHeaderLabels([self.tr("参加人员"), self.tr("出勤"), self.tr("成绩")])
        self.people.setColumnWidth(0, 200)
        self.people.setColumnWidth(1, 110)
        self.people.horizontalHeader().setStretchLastSection(True)
        self.people.verticalHeader().setVisible(False)
        self.people.setMinimumHeight(230)
        chosen = {a.staff_uuid: a for a in data.attendees}
        roster = staff_service.staff_choices(actor)
        known = {uuid for uuid, _name in roster}
        stored = training.get_session(actor, uuid)["attendees"] if uuid else []
        extra = [(a["staff_uuid"], f"{a['staff_no']} {a['staff_name']}") for a in stored if a["staff_uuid"] not in known]
        for staff_uuid, name in [*roster, *extra]:
            self._add_person(staff_uuid, name, chosen.get(staff_uuid))
        self.form.add("kind", self.tr("培训类别"), self.kind)
        self.form.add("title", self.tr("培训主题"), self.title)
        self.form.add("held_on", self.tr("培训日期"), self.held_on)
        self.form.add("hours", self.tr("学时"), self.hours)
        self.form.add("trainer", self.tr("讲师"), self.trainer)
        self.form.add("pass_score", self.tr("及格分"), self.pass_score)
        self.form.add("content", self.tr("培训内容"), self.content)
        self.form.add("attendees", self.tr("人员与成绩"), self.people)

    def _add_person(self, staff_uuid: str, name: str, line: AttendeeInput | None) -> None:
        row = self.people.rowCount()
        self.people.insertRow(row)
        item = QTableWidgetItem(name)
        item.setData(Qt.ItemDataRole.UserRole, staff_uuid)
        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if line else Qt.CheckState.Unchecked)
        self.people.setItem(row, 0, item)
        status = ChoiceCombo([(a.value, enum_text(a.value, training_label)) for a in Attendance])
        status.set_value(line.status if line else Attendance.PRESENT.value)
        self.people.setCellWidget(row, 1, status)
        score = QLineEdit(line.score if line else "")
        score.setPlaceholderText(self.tr("0–100"))
        self.people.setCellWidget(row, 2, score)

    def tick(self, staff_uuid: str, status: str = Attendance.PRESENT.value, score: str = "") -> None:
        """Tick a person with an attendance and a score (as a manager would by hand)."""
        for row in range(self.people.rowCount()):
            if self.people.item(row, 0).data(Qt.ItemDataRole.UserRole) == staff_uuid:
                self.people.item(row, 0).setCheckState(Qt.CheckState.Checked)
                self.people.cellWidget(row, 1).set_value(status)
                self.people.cellWidget(row, 2).setText(score)

    def attendees(self) -> list[AttendeeInput]:
        out = []
        for row in range(self.people.rowCount()):
            item = self.people.item(row, 0)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(AttendeeInput(item.data(Qt.ItemDataRole.UserRole),
                                         self.people.cellWidget(row, 1).value() or "",
                                         self.people.cellWidget(row, 2).text()))
        return out

    def value(self) -> SessionInput:
        return SessionInput(kind=self.kind.value() or "", title=self.title.text(), held_on=self.held_on.value(),
                            hours=self.hours.text(), trainer=self.trainer.text(), content=self.content.toPlainText(),
                            pass_score=self.pass_score.text(), attendees=self.attendees())

    def save(self) -> None:
        self.uuid = training.save_session(self.actor, self.value(), self.uuid)


def history_columns() -> list[Column]:
    """The columns of a person's training history (shared by the page's tab and the staff profile)."""
    passed = {True: QCoreApplication.translate("TrainingHistory", "合格"), False: QCoreApplication.translate("TrainingHistory", "不合格")}
    return [Column("held_on", QCoreApplication.translate("TrainingHistory", "培训日期"), 95, sortable=False),
            Column("kind", QCoreApplication.translate("TrainingHistory", "类别"), 125, enum_format(training_label), sortable=False),
            Column("title", QCoreApplication.translate("TrainingHistory", "培训主题"), 220, sortable=False),
            Column("hours", QCoreApplication.translate("TrainingHistory", "学时"), 55, _number, sortable=False, align_right=True),
            Column("trainer", QCoreApplication.translate("TrainingHistory", "讲师"), 80, sortable=False),
            Column("status", QCoreApplication.translate("TrainingHistory", "出勤"), 55, enum_format(training_label), sortable=False),
            Column("score", QCoreApplication.translate("TrainingHistory", "成绩"), 55, _number, sortable=False, align_right=True),
            Column("passed", QCoreApplication.translate("TrainingHistory", "考试结果"), 70, lambda v: passed.get(v, ""), sortable=False)]


class TrainingHistoryDialog(QDialog):
    """培训档案 of one person, opened from the staff profile (员工档案)."""

    def __init__(self, actor: Actor, staff_uuid: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from frontdesk.ui.pages.assessment_tabs import table_for

        self.setWindowTitle(self.tr("培训档案 — {0}").format(name))
        self.setMinimumWidth(800)
        rows: list[dict[str, Any]] = training.history(actor, staff_uuid)
        self.view, self.model = table_for(history_columns(), self)
        self.view.setObjectName("trainingHistory")
        self.model.set_rows(rows)
        self.model.row_color = lambda row: "#ffebee" if row.get("passed") is False or row.get("status") == "absent" \
            else None
        hours = sum((r["hours"] for r in rows if r["status"] == Attendance.PRESENT.value), Decimal(0))
        summary = QLabel(self.tr("共 {0} 次培训，出勤 {1} 次，累计 {2} 学时").format(
            len(rows), sum(1 for r in rows if r["status"] == Attendance.PRESENT.value), _number(hours) or "0"))
        summary.setObjectName("trainingSummary")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.resize(830, 420)
        self.view.setFocus()  # a list to read: the keyboard scrolls it
