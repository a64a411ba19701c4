"""Handover dialogs: the outgoing clerk's record (open items, events, notes), acknowledgment, view."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from frontdesk import clock
from frontdesk.domain.roles import Actor
from frontdesk.services.core import staff as staff_service
from frontdesk.services.personnel import handover, shifts
from frontdesk.ui.dialogs.attendance_edit import password_edit
from frontdesk.ui.dialogs.base import Buttons, FormDialog
from frontdesk.ui.widgets.date_field import DateField
from frontdesk.ui.widgets.inputs import ChoiceCombo


def items_table(items: list[dict[str, Any]], parent: QWidget | None = None) -> QTableWidget:
    table = QTableWidget(len(items), 5, parent)
    table.setObjectName("openItems")
    table.setHorizontalHeaderLabels([
        QCoreApplication.translate("HandoverDialog", "类别"), QCoreApplication.translate("HandoverDialog", "编号"),
        QCoreApplication.translate("HandoverDialog", "客户"), QCoreApplication.translate("HandoverDialog", "事由"),
        QCoreApplication.translate("HandoverDialog", "开始/到期时间")])
    for i, item in enumerate(items):
        for j, key in enumerate(("kind", "number", "customer", "summary", "since")):
            text = str(item.get(key) or "")
            table.setItem(i, j, QTableWidgetItem(QCoreApplication.translate("handover", text) if j == 0 else text))
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    header = table.horizontalHeader()  # the summary takes what is left and wraps; number and time are never cut
    for j, mode in enumerate((QHeaderView.ResizeMode.Interactive, QHeaderView.ResizeMode.ResizeToContents,
                              QHeaderView.ResizeMode.Interactive, QHeaderView.ResizeMode.Stretch,
                              QHeaderView.ResizeMode.ResizeToContents)):
        header.setSectionResizeMode(j, mode)
    table.setColumnWidth(0, 90)
    table.setColumnWidth(2, 70)
    table.setWordWrap(True)
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.setMinimumHeight(150)
    return table


def duties_text(undone: list[dict[str, Any]]) -> str:
    """The duty checklist lines left undone, one line (or a dash)."""
    return "、".join(f"{d['due_time']} {d['name']}".strip() for d in undone) or "—"


def counts_text(counts: dict[str, int]) -> str:
    return "　".join(QCoreApplication.translate("HandoverDialog", "{0} {1} 件").format(
                    QCoreApplication.translate("handover", kind), n)
                    for kind, n in counts.items()) or "—"


class HandoverDialog(FormDialog):
    """交班: today's shift, the incoming clerk, open items (read from the database), events and notes."""

    def __init__(self, actor: Actor, day: date | None = None, shift_type_uuid: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("交班"), parent, 860)
        self.actor = actor
        self.day = DateField()
        self.day.set_value(day or clock.today())
        self.shift_type = ChoiceCombo([(t["uuid"], f"{t['name']} {t['start']}–{t['end']}")
                                       for t in shifts.list_shift_types(actor)])
        self.shift_type.setObjectName("shift_type")
        if shift_type_uuid:
            self.shift_type.set_value(shift_type_uuid)
        self.incoming = ChoiceCombo([(None, self.tr("（到岗后确认）"))] + [
            (u, n) for u, n in staff_service.staff_choices(actor) if u != actor.uuid])
        self.incoming.setObjectName("incoming")
        opened = handover.open_items(actor)
        self.open_label = QLabel(counts_text(opened["counts"]))
        self.open_label.setWordWrap(True)
        self.open_table = items_table(opened["items"])
        self.events = QTableWidget(0, 4)
        self.events.setObjectName("events")
        self.events.setHorizontalHeaderLabels([self.tr("重大事件"), self.tr("处理人"), self.tr("时间"), self.tr("处理结果")])
        header = self.events.horizontalHeader()  # the event and its result wrap; who and when fit their text
        for j, mode in enumerate((QHeaderView.ResizeMode.Stretch, QHeaderView.ResizeMode.ResizeToContents,
                                  QHeaderView.ResizeMode.ResizeToContents, QHeaderView.ResizeMode.Stretch)):
            header.setSectionResizeMode(j, mode)
        self.events.setWordWrap(True)
        self.events.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.events.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.events.setMinimumHeight(100)
        self.events.setMaximumHeight(150)  # leaves the notes room below the button
        add = QPushButton(self.tr("添加事件"))
        add.setAutoDefault(False)
        add.clicked.connect(self.add_event)
        events_box = QWidget()  # the table takes the full width, the button sits under it
        column = QVBoxLayout(events_box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.events, 1)
        column.addWidget(add, 0, Qt.AlignmentFlag.AlignLeft)
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("notes")
        self.notes.setMaximumHeight(70)
        self.duties = QLabel()
        self.duties.setObjectName("undoneDuties")
        self.duties.setWordWrap(True)
        self.duties.setStyleSheet("color: #c62828;")
        self.day.dateChanged.connect(lambda _d: self.show_duties())
        self.shift_type.currentIndexChanged.connect(lambda _i: self.show_duties())
        self.show_duties()
        self.form.add("day", self.tr("日期"), self.day)
        self.form.add("shift_type_uuid", self.tr("班次"), self.shift_type)
        self.form.add("incoming_uuid", self.tr("接班人"), self.incoming)
        self.form.add("open", self.tr("未办结事项"), self.open_label)
        self.form.add("open_items", "", self.open_table)
        self.form.add("duties", self.tr("未完成值守"), self.duties)
        self.form.add("events", self.tr("重大事件"), events_box)
        self.form.add("notes", self.tr("交接备注"), self.notes)

    def show_duties(self) -> None:
        """The chosen shift's checklist lines not ticked: the manager sees them with the handover."""
        undone = handover.undone_duties(self.actor, self.day.value() or clock.today(), self.shift_type.value())
        self.duties.setText(duties_text(undone))

    def add_event(self, what: str = "", who: str = "", when: str = "", result: str = "") -> None:
        row = self.events.rowCount()
        self.events.insertRow(row)
        for j, text in enumerate((what, who or self.actor.name, when, result)):
            self.events.setItem(row, j, QTableWidgetItem(text))

    def event_rows(self) -> list[dict[str, str]]:
        out = []
        for i in range(self.events.rowCount()):
            cells = [(self.events.item(i, j).text() if self.events.item(i, j) else "").strip() for j in range(4)]
            if any(cells):
                out.append(dict(zip(("what", "who", "when", "result"), cells, strict=True)))
        return out

    def save(self) -> None:
        handover.hand_over(self.actor, handover.HandoverInput(
            self.day.value() or clock.today(), self.shift_type.value(), self.incoming.value(), self.event_rows(),
            self.notes.toPlainText()))


class HandoverAckDialog(FormDialog):
    """接班确认: the incoming clerk confirms with their own password."""

    def __init__(self, actor: Actor, row: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("接班确认"), parent, 380, Buttons.Ok)
        self.actor, self.row = actor, row
        self.add_above(QLabel(self.tr("{0} {1} 交班人：{2}").format(row["day"], row.get("shift_name") or "",
                                                                  row["outgoing_name"])))
        choices = staff_service.staff_choices(actor)
        if row.get("incoming_uuid"):
            choices = [c for c in choices if c[0] == row["incoming_uuid"]]
        self.incoming = ChoiceCombo(choices)
        self.incoming.setObjectName("incoming")
        self.incoming.set_value(actor.uuid)
        self.password = password_edit("password")
        self.form.add("incoming_uuid", self.tr("接班人"), self.incoming)
        self.form.add("password", self.tr("接班人密码"), self.password)

    def save(self) -> None:
        handover.acknowledge(self.actor, self.row["uuid"], self.incoming.value() or "", self.password.text())


class HandoverViewDialog(FormDialog):
    """One handover record as handed over."""

    def __init__(self, actor: Actor, uuid: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("交接班记录"), parent, 760, Buttons.Ok)
        data = handover.get_handover(actor, uuid)
        ack = f"{data['acknowledged_at']:%Y-%m-%d %H:%M}" if data["acknowledged_at"] else self.tr("未确认")
        self.form.add("shift", self.tr("班次"), QLabel(f"{data['day']} {data['shift_name']}"))
        self.form.add("people", self.tr("交班 / 接班"), QLabel(f"{data['outgoing']} → {data['incoming'] or '—'}"))
        self.form.add("times", self.tr("交班 / 接班时间"), QLabel(f"{data['handed_at']:%Y-%m-%d %H:%M} / {ack}"))
        counts = QLabel(counts_text(data["open"].get("counts", {})))
        counts.setWordWrap(True)  # unwrapped, the English counts widened the form past the dialog (errors cut)
        self.form.add("open", self.tr("未办结事项"), counts)
        self.form.add("items", "", items_table(data["open"].get("items", [])))
        undone = QLabel(duties_text(data["open"].get("duties", [])))
        undone.setWordWrap(True)
        self.form.add("duties", self.tr("未完成值守"), undone)
        events = QLabel("\n".join(self.tr("{0} {1}（{2}）：{3}").format(e.get("when", ""), e["what"], e["who"], e["result"])
                                  for e in data["events"]) or "—")
        events.setWordWrap(True)
        self.form.add("events", self.tr("重大事件"), events)
        notes = QLabel(data["notes"] or "—")
        notes.setWordWrap(True)
        self.form.add("notes", self.tr("交接备注"), notes)

    def save(self) -> None:
        """Read-only."""
