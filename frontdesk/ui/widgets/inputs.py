"""Small input widgets: a combo of (value, label) pairs, a filter box (dates: frontdesk.ui.widgets.date_field)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget


class ChoiceCombo(QComboBox):
    """A combo of (value, label) pairs; ``value()`` returns the selected value."""

    def __init__(self, choices: Iterable[tuple[Any, str]] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.set_choices(choices)

    def set_choices(self, choices: Iterable[tuple[Any, str]]) -> None:
        current = self.value() if self.count() else None
        self.blockSignals(True)
        self.clear()
        for value, label in choices:
            self.addItem(label, value)
        self.blockSignals(False)
        if current is not None:
            self.set_value(current)

    def sizeHint(self) -> QSize:  # noqa: N802
        return self._fit(super().sizeHint())

    def _fit(self, hint: QSize) -> QSize:
        """Wide enough for the longest label: Qt's own hint cut full-width punctuation (“（请选择”). Only the
        preferred size: the minimum stays Qt's, so a long list never forces a page wider than the screen."""
        metrics = self.fontMetrics()
        widest = max((metrics.horizontalAdvance(self.itemText(i)) for i in range(self.count())), default=0)
        return hint.expandedTo(QSize(widest + 40, hint.height()))

    def value(self) -> Any:
        return self.currentData()

    def set_value(self, value: Any) -> None:
        index = self.findData(value)
        if index >= 0:
            self.setCurrentIndex(index)


class FilterBox(QLineEdit):
    """A search box over a list in a form: Enter emits ``picked`` (take the first match) and does not save the form."""

    picked = Signal()

    def __init__(self, hint: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(hint)
        self.setClearButtonEnabled(True)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self.picked.emit()
            event.accept()
            return
        super().keyPressEvent(event)
