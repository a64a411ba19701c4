"""Phrase book side panel (one click copies a standard phrase) and a live forbidden-phrase warning for text fields."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSizePolicy,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from frontdesk.domain.roles import Actor
from frontdesk.errors import UserError
from frontdesk.services.reception import phrases as phrase_service
from frontdesk.ui.widgets.form import ERROR_STYLE

WARNING_STYLE = "color: #b71c1c; background: #ffebee; border: 1px solid #ef9a9a; border-radius: 3px; padding: 2px 6px;"


class PhrasePanel(QWidget):
    """Situations in a combo, their standard phrases below; a click copies the phrase and emits ``phraseChosen``."""

    phraseChosen = Signal(str)  # noqa: N815 - Qt signal naming

    def __init__(self, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.actor = actor
        self.setObjectName("phrasePanel")
        title = QLabel(self.tr("规范用语"))
        title.setStyleSheet("font-weight: bold;")
        self.situation = QComboBox()
        self.situation.setObjectName("phraseSituation")
        self.situation.currentIndexChanged.connect(self._show_situation)
        self.list = QListWidget()
        self.list.setObjectName("phraseList")
        self.list.setWordWrap(True)
        self.list.setStyleSheet(
            "QListWidget::item { padding: 4px 2px; border-bottom: 1px solid #e0e0e0; }"
            "QListWidget::item:hover { background: #e3f2fd; }"
        )
        self.list.setToolTip(self.tr("单击复制到剪贴板"))
        self.list.itemClicked.connect(self._choose)
        self.list.itemActivated.connect(self._choose)
        self.hint = QLabel(self.tr("单击用语即复制"))
        self.hint.setObjectName("phraseHint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #666; font-size: 9pt;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(title)
        layout.addWidget(self.situation)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.hint)
        self.setMinimumWidth(200)
        self._book: list[tuple[str, str, list[str]]] = []
        self.reload()

    def reload(self) -> None:
        """Read the phrase book again (after a manager edited it)."""
        try:
            self._book = phrase_service.phrase_book(self.actor)
        except UserError:
            self._book = []
        current = self.situation.currentData()
        self.situation.blockSignals(True)
        self.situation.clear()
        for value, label, _texts in self._book:
            self.situation.addItem(QCoreApplication.translate("enum", label), value)
        index = self.situation.findData(current)
        self.situation.setCurrentIndex(max(0, index))
        self.situation.blockSignals(False)
        self._show_situation()

    def select_situation(self, value: str) -> None:
        index = self.situation.findData(value)
        if index >= 0:
            self.situation.setCurrentIndex(index)

    def phrases(self) -> list[str]:
        """The phrases shown now."""
        return [self.list.item(i).text() for i in range(self.list.count())]

    def _show_situation(self) -> None:
        self.list.clear()
        value = self.situation.currentData()
        for situation, _label, texts in self._book:
            if situation == value:
                for text in texts:
                    item = QListWidgetItem(text)
                    item.setData(Qt.ItemDataRole.UserRole, text)
                    self.list.addItem(item)

    def _choose(self, item: QListWidgetItem) -> None:
        text = item.data(Qt.ItemDataRole.UserRole)
        QGuiApplication.clipboard().setText(text)
        self.hint.setText(self.tr("已复制：{0}").format(text))
        self.phraseChosen.emit(text)


class ForbiddenWatcher(QObject):
    """Watches a QLineEdit / QPlainTextEdit / QTextEdit and shows “含服务忌语：……” while its text has any.

    ``label`` is the warning label to place under the field (made here unless one is given).
    """

    changed = Signal(list)  # the forbidden phrases found now

    def __init__(
        self, edit: QLineEdit | QPlainTextEdit | QTextEdit, label: QLabel | None = None, delay_ms: int = 200
    ) -> None:
        super().__init__(edit)
        self.edit = edit
        self.found: list[str] = []
        self.label = label or QLabel()
        if not self.label.objectName():
            self.label.setObjectName(f"forbidden_{edit.objectName() or 'text'}")
        self.label.setStyleSheet(WARNING_STYLE if label is None else ERROR_STYLE)
        self.label.setWordWrap(True)
        if label is None:  # the warning box spans the field's width (a form gives a Preferred label only its hint)
            policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
            policy.setHeightForWidth(True)
            self.label.setSizePolicy(policy)
        self.label.hide()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.check)
        edit.textChanged.connect(self._timer.start)

    def text(self) -> str:
        if isinstance(self.edit, QLineEdit):
            return self.edit.text()
        return self.edit.toPlainText()

    def check(self) -> list[str]:
        """Check now (also run by the timer after typing pauses); returns the phrases found."""
        self._timer.stop()
        try:
            found = phrase_service.forbidden_found(self.text())
        except UserError:
            found = []
        if found != self.found:
            self.found = found
            self.changed.emit(found)
        if found:
            self.label.setText(self.tr("含服务忌语：{0}（请改用规范用语）").format("、".join(f"“{p}”" for p in found)))
            self.label.show()
        else:
            self.label.clear()
            self.label.hide()
        return found
