"""The one date input: typed as a clerk types (1120, 11-20, 20261120, t, +3) or picked from a calendar at today."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtCore import QDate, QDateTime, QPoint, QRect, QSize, Qt, QTime, Signal
from PySide6.QtGui import QAction, QColor, QIcon, QKeyEvent, QPainter, QPixmap
from PySide6.QtWidgets import (
    QCalendarWidget,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from frontdesk import clock
from frontdesk.domain.typed_dates import DateTypingError, format_date, parse_typed_date
from frontdesk.errors import T
from frontdesk.ui.messages import localized

INVALID_STYLE = "QLineEdit { border: 1px solid #c62828; background: #ffebee; }"
TOO_EARLY = T("errors", "日期不能早于 {0}")
TOO_LATE = T("errors", "日期不能晚于 {0}")


def _calendar_icon() -> QIcon:
    pix = QPixmap(16, 16)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setPen(QColor("#546e7a"))
    p.setBrush(QColor("white"))
    p.drawRect(QRect(1, 2, 13, 12))
    p.fillRect(QRect(2, 3, 12, 3), QColor("#1e88e5"))
    for x in (4, 7, 10):
        for y in (8, 11):
            p.fillRect(QRect(x, y, 2, 2), QColor("#546e7a"))
    p.end()
    return QIcon(pix)


def _to_date(value: QDate | date | None) -> date | None:
    if isinstance(value, QDate):
        return value.toPython() if value.isValid() else None
    return value


class DateField(QLineEdit):
    """A date that may be typed or picked; empty shows a placeholder (``optional``) instead of a fake date.

    ``value()`` is the date the text means now (``None`` when empty or not a date); ``error()`` says why the
    text is refused. A required field (``optional=False``) left empty goes back to its last date. Up/Down move
    a day; Alt+Down opens the calendar, which starts at the value or today.
    """

    dateChanged = Signal(object)  # noqa: N815 - date | None, as typed or picked

    def __init__(self, value: date | None = None, parent: QWidget | None = None, optional: bool = True) -> None:
        super().__init__(parent)
        self.optional = optional
        self.minimum: date | None = None
        self.maximum: date | None = None
        self._value: date | None = None
        self._last_good: date | None = value
        self.setPlaceholderText(self.tr("未填写（如 1120、t、+3）") if optional else self.tr("如 1120、t、+3"))
        self.setToolTip(self.tr("可输入 1120、11-20、20261120、2026-11-20；t 今天，+3 三天后，-1 昨天；Alt+↓ 打开日历"))
        self.calendar_action = QAction(_calendar_icon(), self.tr("日历"), self)
        self.calendar_action.triggered.connect(self.open_calendar)
        self.addAction(self.calendar_action, QLineEdit.ActionPosition.TrailingPosition)
        self.popup: QFrame | None = None
        self.textEdited.connect(self._typed)
        self.editingFinished.connect(self.commit)
        self.set_value(value)

    # --- value -----------------------------------------------------------------------------------

    def value(self) -> date | None:
        return self._value

    def set_value(self, value: date | None) -> None:
        self._value = value
        if value is not None or self.optional:
            self._last_good = value
        self.setText(format_date(value))
        self._show_error(None)
        self.dateChanged.emit(value)

    def error(self) -> str | None:
        """Why the current text is not an acceptable date (localized), or ``None``."""
        try:
            typed = parse_typed_date(self.text(), clock.today())
        except DateTypingError as exc:
            return localized(exc.message)
        if typed is None:
            return None if self.optional else localized(T("errors", "请填写日期"))
        if self.minimum and typed < self.minimum:
            return localized(TOO_EARLY.format(format_date(self.minimum)))
        if self.maximum and typed > self.maximum:
            return localized(TOO_LATE.format(format_date(self.maximum)))
        return None

    def commit(self) -> None:
        """Editing finished: show a typed date in full, flag text that is not one, refill a required field."""
        self._typed(self.text())  # the text may have been set or cleared without typing
        if not self.text().strip() and not self.optional:
            self.set_value(self._last_good)
            return
        problem = self.error()
        self._show_error(problem)
        if problem is None and self._value is not None:
            self._last_good = self._value
            self.setText(format_date(self._value))

    def _typed(self, text: str) -> None:
        try:
            typed = parse_typed_date(text, clock.today())
        except DateTypingError:
            typed = None
        if self.minimum and typed and typed < self.minimum or self.maximum and typed and typed > self.maximum:
            typed = None
        if typed != self._value:
            self._value = typed
            self.dateChanged.emit(typed)
        if self.styleSheet() and self.error() is None:
            self._show_error(None)

    def _show_error(self, problem: str | None) -> None:
        self.setStyleSheet(INVALID_STYLE if problem else "")
        self.setProperty("typingError", problem or "")

    # --- QDateEdit's vocabulary, so callers written for it keep working ---------------------------

    def date(self) -> QDate:
        """The value as a QDate; a required field whose text is no date yet gives its last good date."""
        value = self._value or (None if self.optional else self._last_good)
        return QDate(value) if value else QDate()

    def setDate(self, value: QDate | date | None) -> None:  # noqa: N802
        self.set_value(_to_date(value))

    def setMinimumDate(self, value: QDate | date | None) -> None:  # noqa: N802
        self.minimum = _to_date(value)

    def setMaximumDate(self, value: QDate | date | None) -> None:  # noqa: N802
        self.maximum = _to_date(value)

    # --- keyboard and calendar -------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key, mods = event.key(), event.modifiers()
        if key == Qt.Key.Key_Down and mods & Qt.KeyboardModifier.AltModifier:
            self.open_calendar()
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and not mods & ~Qt.KeyboardModifier.KeypadModifier:
            step = timedelta(days=1 if key == Qt.Key.Key_Up else -1)
            self.set_value(self._value + step if self._value else clock.today())
        else:
            super().keyPressEvent(event)

    def sizeHint(self) -> QSize:  # noqa: N802
        hint = super().sizeHint()
        hint.setWidth(max(self.fontMetrics().horizontalAdvance("2026-11-20") + 48, 120))
        return hint

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - the whole date stays readable beside its icon
        hint = super().minimumSizeHint()
        hint.setWidth(self.fontMetrics().horizontalAdvance("2026-11-20") + 34)
        return hint

    def open_calendar(self) -> None:
        """The calendar under the field, at the value (or today), within the allowed range."""
        if self.popup is None:
            self.popup = QFrame(self, Qt.WindowType.Popup)
            self.popup.setFrameShape(QFrame.Shape.StyledPanel)
            self.calendar = QCalendarWidget(self.popup)
            self.calendar.setGridVisible(True)
            self.calendar.clicked.connect(self._picked)
            self.calendar.activated.connect(self._picked)
            box = QVBoxLayout(self.popup)
            box.setContentsMargins(1, 1, 1, 1)
            box.addWidget(self.calendar)
        today = clock.today()
        self.calendar.setDateRange(QDate(self.minimum or date(1900, 1, 1)), QDate(self.maximum or date(2999, 12, 31)))
        self.calendar.setSelectedDate(QDate(self._value or today))
        self.popup.adjustSize()
        self.popup.move(self.mapToGlobal(QPoint(0, self.height())))
        self.popup.show()
        self.calendar.setFocus()

    def _picked(self, picked: QDate) -> None:
        if self.popup is not None:
            self.popup.hide()
        self.set_value(picked.toPython())
        self.setFocus()


class DateTimeField(QWidget):
    """A date (a :class:`DateField`) and a time to the minute beside it; empty date means no value."""

    def __init__(self, value: datetime | None = None, parent: QWidget | None = None, optional: bool = True) -> None:
        super().__init__(parent)
        self.date_field = DateField(None, self, optional)
        self.time_edit = QTimeEdit()
        self.time_edit.setDisplayFormat("HH:mm")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        row.addWidget(self.date_field, 1)
        row.addWidget(self.time_edit)
        self.setFocusProxy(self.date_field)
        QWidget.setTabOrder(self.date_field, self.time_edit)
        self.set_value(value)

    def value(self) -> datetime | None:
        day = self.date_field.value()
        if day is None:
            return None
        return datetime.combine(day, self.time_edit.time().toPython()).replace(second=0, microsecond=0)

    def set_value(self, value: datetime | None) -> None:
        self.date_field.set_value(value.date() if value else None)
        self.time_edit.setTime(QTime(value.hour, value.minute) if value else QTime(0, 0))

    def error(self) -> str | None:
        return self.date_field.error()

    def dateTime(self) -> QDateTime:  # noqa: N802 - QDateTimeEdit's vocabulary
        value = self.value()
        return QDateTime(value) if value else QDateTime()

    def setDateTime(self, value: QDateTime | datetime | None) -> None:  # noqa: N802
        self.set_value(value.toPython() if isinstance(value, QDateTime) else value)
