"""A form layout that shows each validation message right under its field."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from frontdesk.ui.messages import localized
from frontdesk.ui.widgets.date_field import DateField

ERROR_STYLE = "color: #c62828; font-size: 9pt;"


class FieldForm(QFormLayout):
    """QFormLayout whose rows carry a hidden error label, filled from ValidationError.fields."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.setLabelAlignment(self.labelAlignment())
        self._fields: dict[str, tuple[QWidget, QLabel]] = {}

    def add(self, name: str, label: str, widget: QWidget) -> QWidget:
        box = QWidget()
        col = QVBoxLayout(box)
        col.setContentsMargins(0, 0, 0, 0)
        col.setSpacing(2)
        col.addWidget(widget)
        error = QLabel()
        error.setObjectName(f"error_{name}")
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        col.addWidget(error)
        self.addRow(label, box)
        self._fields[name] = (widget, error)
        return widget

    def names(self) -> list[str]:
        """The fields' names in form order."""
        return list(self._fields)

    def error_label(self, name: str) -> QLabel:
        return self._fields[name][1]

    def show_errors(self, errors: dict[str, str]) -> list[str]:
        """Show each message (localized) under its field and focus the first; returns those with no field here."""
        self.clear_errors()
        unplaced = []
        first: QWidget | None = None
        for name, message in errors.items():
            if name in self._fields:
                widget, label = self._fields[name]
                label.setText(localized(message))
                label.show()
                first = first or widget
            else:
                unplaced.append(localized(message))
        if first is not None:
            first.setFocus()
        return unplaced

    def typing_errors(self) -> dict[str, str]:
        """Fields whose date (or date-time) text is not an acceptable date: name -> message."""
        found = {}
        for name, (widget, _label) in self._fields.items():
            fields = [widget] if isinstance(widget, DateField) else widget.findChildren(DateField)
            for field in fields:
                if field.isEnabled() and (problem := field.error()):
                    found[name] = problem
                    break
        return found

    def clear_errors(self) -> None:
        for _widget, label in self._fields.values():
            label.clear()
            label.hide()
