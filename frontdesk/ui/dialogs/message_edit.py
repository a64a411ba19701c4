"""留言转告 dialogs: leave a message for a colleague or the next shift; the unread messages (a panel for the handover
page, and the non-blocking window shown after login) acknowledged with one click."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from frontdesk.domain.duty import MessageInput
from frontdesk.domain.roles import Actor
from frontdesk.services.core import staff as staff_service
from frontdesk.services.personnel import messages
from frontdesk.ui.dialogs.base import FormDialog
from frontdesk.ui.keyboard import focus_on_show
from frontdesk.ui.messages import status
from frontdesk.ui.ops import succeeded
from frontdesk.ui.widgets.inputs import ChoiceCombo

URGENT_COLOR = "#ffebee"


class MessageDialog(FormDialog):
    """留言: whom it is for (a colleague or 下一班), who called and their number, the message, urgent."""

    def __init__(self, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("留言转告"), parent, 520)
        self.actor = actor
        self.uuid: str | None = None
        self.recipient = ChoiceCombo([("", self.tr("下一班（接班的同事）"))] + [
            (u, n) for u, n in staff_service.staff_choices(actor) if u != actor.uuid])
        self.recipient.setObjectName("recipient")
        self.caller = QLineEdit()
        self.caller.setObjectName("caller")
        self.caller.setPlaceholderText(self.tr("来电或来访者，如 张先生（会员）"))
        self.caller_phone = QLineEdit()
        self.caller_phone.setObjectName("caller_phone")
        self.body = QPlainTextEdit()
        self.body.setObjectName("body")
        self.body.setTabChangesFocus(True)
        self.body.setPlaceholderText(self.tr("记下要点：找谁、什么事、是否需要回电"))
        self.body.setMinimumHeight(110)
        self.urgent = QCheckBox(self.tr("紧急（登录时排在最前）"))
        self.urgent.setObjectName("urgent")
        self.form.add("recipient_uuid", self.tr("转告给"), self.recipient)
        self.form.add("caller", self.tr("留言人"), self.caller)
        self.form.add("caller_phone", self.tr("联系电话"), self.caller_phone)
        self.form.add("body", self.tr("留言内容"), self.body)
        self.form.add("urgent", "", self.urgent)

    def data(self) -> MessageInput:
        return MessageInput(self.body.toPlainText(), self.recipient.value() or "", self.caller.text(),
                            self.caller_phone.text(), self.urgent.isChecked())

    def save(self) -> None:
        self.uuid = messages.leave_message(self.actor, self.data())


def message_line(row: dict[str, Any]) -> str:
    who = " ".join(p for p in (row["caller"], row["caller_phone"]) if p)
    return f"{row['body']}" + (f"（{who}）" if who else "")


class PendingMessagesPanel(QWidget):
    """The actor's unread messages in a table; 已阅 acknowledges the selected ones (or all)."""

    changed = Signal(int)  # the number still unread

    def __init__(self, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.actor = actor
        self.rows: list[dict[str, Any]] = []
        self.title = QLabel()
        self.title.setObjectName("pendingTitle")
        self.title.setStyleSheet("font-weight: bold;")
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("pendingMessages")
        self.table.setHorizontalHeaderLabels([self.tr("留言时间"), self.tr("记录人"), self.tr("转告给"),
                                              self.tr("留言内容")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        for j, width in enumerate((110, 70, 90)):
            self.table.setColumnWidth(j, width)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.ack_selected = QPushButton(self.tr("所选已阅"))
        self.ack_selected.setObjectName("ackSelected")
        self.ack_selected.clicked.connect(self.acknowledge_selected)
        self.ack_all = QPushButton(self.tr("全部已阅"))
        self.ack_all.setObjectName("ackAll")
        self.ack_all.clicked.connect(self.acknowledge_all)
        buttons = QHBoxLayout()
        buttons.addWidget(self.title, 1)
        buttons.addWidget(self.ack_selected)
        buttons.addWidget(self.ack_all)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self.refresh()

    def refresh(self) -> None:
        self.rows = messages.pending_for(self.actor)
        self.table.setRowCount(len(self.rows))
        for i, row in enumerate(self.rows):
            texts = (f"{row['left_at']:%m-%d %H:%M}", row["author_name"],
                     row["recipient_name"] or self.tr("下一班"), message_line(row))
            for j, text in enumerate(texts):
                item = QTableWidgetItem(text)
                if row["urgent"]:
                    item.setBackground(QColor(URGENT_COLOR))
                self.table.setItem(i, j, item)
        self.table.resizeRowsToContents()
        self.title.setText(self.tr("待阅留言 {0} 条").format(len(self.rows)) if self.rows else self.tr("没有待阅留言"))
        self.ack_selected.setEnabled(bool(self.rows))
        self.ack_all.setEnabled(bool(self.rows))
        self.changed.emit(len(self.rows))

    def _acknowledge(self, uuids: list[str]) -> None:
        if uuids and succeeded(self, lambda: messages.acknowledge_all(self.actor, uuids)):
            status(self.tr("已确认阅读 {0} 条留言").format(len(uuids)))
        self.refresh()

    def acknowledge_selected(self) -> None:
        picked = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        self._acknowledge([self.rows[i]["uuid"] for i in picked if i < len(self.rows)])

    def acknowledge_all(self) -> None:
        self._acknowledge([r["uuid"] for r in self.rows])


class PendingMessagesDialog(QDialog):
    """Shown after login when messages wait for the user: not modal, the window can be used meanwhile."""

    def __init__(self, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("留言转告 — 您有未读留言"))
        self.setModal(False)
        self.setMinimumSize(640, 300)
        self.panel = PendingMessagesPanel(actor, self)
        self.panel.changed.connect(lambda left: None if left else self.accept())
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("稍后再看"))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("下列留言等您阅读；确认已阅前，它们也显示在交接班页面。")))
        layout.addWidget(self.panel, 1)
        layout.addWidget(close)
        focus_on_show(self)  # the list, not 稍后再看


def show_pending_after_login(actor: Actor, attempts: int = 20) -> PendingMessagesDialog | None:
    """After the login dialog: the unread messages in a window over the main one (nothing when none); until the
    main window is up, it looks again a little later (a few seconds at most, then shows on its own)."""
    if not messages.pending_count(actor):
        return None
    window = next((w for w in QApplication.topLevelWidgets() if isinstance(w, QMainWindow) and w.isVisible()), None)
    if window is None and attempts > 0:
        QTimer.singleShot(100, lambda: show_pending_after_login(actor, attempts - 1))
        return None
    dialog = PendingMessagesDialog(actor, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
