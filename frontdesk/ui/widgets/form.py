"""A form layout that shows each validation message right under its field."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from frontdesk.ui.messages import localized
from frontdesk.ui.widgets.date_field import DateField

ERROR_STYLE = "color: #c62828; font-size: 9pt;"
HINT_STYLE = "color: #666666; font-size: 9pt;"


def _wrapping(label: QLabel) -> QLabel:
    """A message that wraps at the field's width and never asks for more: a long error or hint would
    otherwise widen the dialog (or squeeze a table beside it) when it is shown."""
    label.setWordWrap(True)
    # top-aligned: when the row gets spare height (a fixed-height note above it) the message stays right
    # under its field instead of floating, centred, below a blank gap
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    policy.setHeightForWidth(True)
    label.setSizePolicy(policy)
    return label


def _grows_sideways(widget: QWidget) -> bool:
    """Whether the widget wants more width than its size hint (a line edit; a row holding one)."""
    policy = widget.sizePolicy()
    if policy.expandingDirections() & Qt.Orientation.Horizontal:
        return True
    layout = widget.layout()
    can_grow = policy.horizontalPolicy() in (QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    return bool(can_grow and layout is not None and layout.expandingDirections() & Qt.Orientation.Horizontal)


class FieldForm(QFormLayout):
    """QFormLayout whose rows carry a hidden error label, filled from ValidationError.fields."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.setLabelAlignment(self.labelAlignment())
        self._fields: dict[str, tuple[QWidget, QLabel]] = {}

    def add(self, name: str, label: str, widget: QWidget, hint: str = "") -> QWidget:
        """A row: ``label``, then ``widget`` with an optional grey ``hint`` and its (hidden) error under it."""
        box = QWidget()
        col = QVBoxLayout(box)
        col.setContentsMargins(0, 0, 0, 0)
        col.setSpacing(2)
        wraps = isinstance(widget, QLabel) and widget.wordWrap()
        fills = wraps or _grows_sideways(widget)
        col.addWidget(widget, 0, Qt.AlignmentFlag(0) if fills else Qt.AlignmentFlag.AlignLeft)
        if hint:
            note = QLabel(hint)
            note.setObjectName(f"hint_{name}")
            note.setStyleSheet(HINT_STYLE)
            col.addWidget(_wrapping(note))
        error = QLabel()
        error.setObjectName(f"error_{name}")
        error.setStyleSheet(ERROR_STYLE)
        error.hide()
        col.addWidget(_wrapping(error))
        # The row takes the whole field width (a narrow field keeps its own width, left-aligned), so a
        # wrapping verdict or error message wraps at that width: a row only as wide as a combo's size hint
        # gets one line's height from QFormLayout and the message's second line is cut off.
        box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.addRow(label, box)
        self._fields[name] = (widget, error)
        return widget

    def alias(self, name: str, shown_at: str) -> None:
        """Messages for field ``name`` go under the row of ``shown_at`` (two inputs sharing one row)."""
        self._fields[name] = self._fields[shown_at]

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
