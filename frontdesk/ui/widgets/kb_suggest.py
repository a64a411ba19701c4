"""Knowledge suggestions beside the reception form: the request being typed finds articles in force;
Alt+Enter (or the button, or Enter on a suggestion) puts the chosen answer into the handling text."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from frontdesk.domain.roles import Actor
from frontdesk.errors import UserError
from frontdesk.services.reception import knowledge

COPY_KEYS = ("Alt+Return", "Alt+Enter")


class KbSuggestPanel(QWidget):
    """Up to six articles matching the request (looked up 300 ms after typing pauses, a few ms each time)."""

    answerChosen = Signal(str)  # noqa: N815 - Qt signal naming

    def __init__(self, actor: Actor, parent: QWidget | None = None, delay_ms: int = 300) -> None:
        super().__init__(parent)
        self.actor = actor
        self.setObjectName("kbSuggest")
        self.title = QLabel(self.tr("业务知识"))
        self.title.setStyleSheet("font-weight: bold;")
        self.list = QListWidget()
        self.list.setObjectName("kbSuggestions")
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setStyleSheet("QListWidget::item { padding: 1px 2px; }")
        self.list.itemActivated.connect(lambda _item: self.use_selected())
        self.list.itemDoubleClicked.connect(lambda _item: self.use_selected())
        self.list.currentItemChanged.connect(lambda current, _prev: self._preview(current))
        self.preview = QLabel()
        self.preview.setObjectName("kbPreview")
        self.preview.setWordWrap(True)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.preview.setStyleSheet("color: #333; background: #f5f9ff; border: 1px solid #dde6f2; padding: 2px;")
        self.preview.setFixedHeight(58)
        self.preview.hide()
        self.use_btn = QPushButton(self.tr("填入 (Alt+Enter)"))
        self.use_btn.setObjectName("kbUse")
        self.use_btn.clicked.connect(self.use_selected)
        self.use_btn.setEnabled(False)
        self.use_btn.setToolTip(self.tr("Alt+↓/↑ 在诉求栏中选择知识，Alt+Enter 把答复填入处理结果（并复制）"))
        self.hint = QLabel(self.tr("输入诉求后显示相关知识"))
        self.hint.setObjectName("kbHint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #666; font-size: 9pt;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.preview)
        layout.addWidget(self.hint)
        layout.addWidget(self.use_btn)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.lookup)
        self._text = ""
        self.rows: list[dict] = []
        self.setMinimumWidth(130)  # the reception page at 1366 px has this much beside the form and the side panels

    def attach(self, request: QLineEdit, handling: QLineEdit, keys_on: QWidget) -> None:
        """Suggest for what is typed in ``request``; the chosen answer goes into ``handling``; Alt+Enter works
        anywhere inside ``keys_on`` (the form)."""
        self._request, self._handling = request, handling
        request.textChanged.connect(self.set_text)
        self.answerChosen.connect(self._fill)
        here = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for key in COPY_KEYS:
            QShortcut(QKeySequence(key), keys_on, self.use_selected, context=here)  # in the list: Enter
        QShortcut(QKeySequence("Alt+Down"), keys_on, lambda: self.move(1), context=here)
        QShortcut(QKeySequence("Alt+Up"), keys_on, lambda: self.move(-1), context=here)

    def move(self, step: int) -> None:
        """Alt+↓ / Alt+↑ in the form: select the next or previous suggestion without leaving the field."""
        if self.list.count():
            self.list.setCurrentRow(max(0, min(self.list.count() - 1, self.list.currentRow() + step)))

    def set_text(self, text: str) -> None:
        """The request changed: look it up once typing pauses."""
        self._text = text
        self._timer.start()

    def lookup(self) -> list[dict]:
        """Find the suggestions now (the timer calls it); returns them."""
        self._timer.stop()
        try:
            self.rows = knowledge.suggest(self.actor, self._text) if self._text.strip() else []
        except UserError:
            self.rows = []
        self.list.clear()
        for row in self.rows:
            item = QListWidgetItem(row["title"])
            item.setData(Qt.ItemDataRole.UserRole, row["answer"])
            item.setToolTip(row["answer"])
            self.list.addItem(item)
        if self.rows:
            self.list.setCurrentRow(0)
        else:
            self.hint.setText(self.tr("没有相关知识") if self._text.strip() else self.tr("输入诉求后显示相关知识"))
        self.hint.setVisible(not self.rows)
        self.preview.setVisible(bool(self.rows))
        self.use_btn.setEnabled(bool(self.rows))
        return self.rows

    def selected_answer(self) -> str:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else ""

    def use_selected(self) -> None:
        """Put the selected suggestion's answer into the handling text (and on the clipboard)."""
        if self._timer.isActive():
            self.lookup()
        answer = self.selected_answer()
        if answer:
            QGuiApplication.clipboard().setText(answer)
            self.answerChosen.emit(answer)

    def _fill(self, answer: str) -> None:
        current = self._handling.text().strip()
        if answer in current:
            return
        self._handling.setText(f"{current}；{answer}" if current else answer)
        self._handling.setFocus()

    def _preview(self, item: QListWidgetItem | None) -> None:
        self.preview.setText(item.data(Qt.ItemDataRole.UserRole) if item is not None else "")
