"""Keyboard order of a form: its focusable widgets in layout order, and which of them is the first input."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QTextEdit,
    QWidget,
)

# Widgets that take focus as one piece (their inner editors and viewports are theirs).
_LEAVES = (QAbstractSpinBox, QComboBox, QLineEdit, QAbstractButton, QAbstractScrollArea)
# What counts as somewhere to type or choose.
INPUTS = (QLineEdit, QPlainTextEdit, QTextEdit, QAbstractSpinBox, QComboBox)


def _layout_items(layout: QLayout) -> list[QWidget | QLayout]:
    """The layout's widgets and sub-layouts in reading order (rows, then columns)."""
    entries: list[tuple[tuple[int, int, int], QWidget | QLayout]] = []
    for i in range(layout.count()):
        item = layout.itemAt(i)
        target = item.widget() or item.layout()
        if target is None:
            continue
        if isinstance(layout, QFormLayout):
            row, role = layout.getItemPosition(i)
            key = (row, int(role.value) if hasattr(role, "value") else int(role), i)
        elif isinstance(layout, QGridLayout):
            row, col, _rs, _cs = layout.getItemPosition(i)
            key = (row, col, i)
        else:
            key = (i, 0, 0)
        entries.append((key, target))
    return [t for _k, t in sorted(entries, key=lambda e: e[0])]


def _walk(target: QWidget | QLayout) -> Iterator[QWidget]:
    if isinstance(target, QLayout):
        for child in _layout_items(target):
            yield from _walk(child)
        return
    widget = target
    if isinstance(widget, QScrollArea) and widget.widget() is not None:
        yield from _walk(widget.widget())
    elif isinstance(widget, QDialogButtonBox):
        yield from (b for b in widget.buttons() if b.focusPolicy() & Qt.FocusPolicy.TabFocus)
    elif isinstance(widget, _LEAVES) or widget.layout() is None:
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.focusProxy() is None:
            yield widget
        elif widget.layout() is None and not isinstance(widget, _LEAVES):
            yield from (w for w in widget.findChildren(QWidget) if w.focusPolicy() & Qt.FocusPolicy.TabFocus
                        and w.focusProxy() is None and w.parentWidget() is widget)
    else:
        yield from _walk(widget.layout())


def focus_chain(layout: QLayout) -> list[QWidget]:
    """Every focusable widget under ``layout`` in the order a paper form is read."""
    seen: set[int] = set()
    chain = []
    for widget in _walk(layout):
        if id(widget) not in seen:
            seen.add(id(widget))
            chain.append(widget)
    return chain


def is_input(widget: QWidget | None) -> bool:
    """A widget to type into or choose from (a check box too; not a push button, not read-only text, not a list)."""
    if isinstance(widget, QAbstractButton):
        return widget.isCheckable()
    if not isinstance(widget, INPUTS) or isinstance(widget, QAbstractItemView):
        return False
    if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit) and widget.isReadOnly():
        return False
    return True


def is_view(widget: QWidget | None) -> bool:
    """A list, table or read-only text that the keyboard scrolls (the first stop of a dialog that only shows)."""
    return isinstance(widget, QAbstractItemView | QPlainTextEdit | QTextEdit)


def first_input(chain: list[QWidget]) -> QWidget | None:
    """The first enabled, visible input in ``chain``; in a dialog with none, its first list, table or text."""
    usable = [w for w in chain if w.isEnabled() and not w.isHidden()]
    return next((w for w in usable if is_input(w)), None) or next((w for w in usable if is_view(w)), None)


def place_focus(dialog: QWidget) -> None:
    """On a dialog's first show: Tab in form order, the cursor in the first input (unless the dialog put it
    somewhere other than a button itself). Qt would otherwise focus the default button when the button box
    was built before the fields."""
    layout = dialog.layout()
    if layout is None:
        return
    chain = focus_chain(layout)
    for a, b in zip(chain, chain[1:], strict=False):
        QWidget.setTabOrder(a, b)
    focused = dialog.focusWidget()
    if focused is None or isinstance(focused, QAbstractButton) and not focused.isCheckable() \
            or not focused.isVisibleTo(dialog):
        first = first_input(chain)
        if first is not None:
            first.setFocus(Qt.FocusReason.TabFocusReason)


class _FocusOnShow(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget):
            watched.removeEventFilter(self)
            place_focus(watched)
        return False


def focus_on_show(dialog: QWidget) -> None:
    """For a plain QDialog (FormDialog does this itself): :func:`place_focus` when it is first shown."""
    dialog.installEventFilter(_FocusOnShow(dialog))
