"""The one date widget: typed as a clerk types, a calendar at today, an empty optional date that looks empty."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication

from frontdesk.ui.widgets.date_field import DateField, DateTimeField

TODAY = date(2026, 11, 18)  # tests/conftest.py FROZEN_AT


def field(qtbot, **kwargs) -> DateField:  # noqa: ANN001
    widget = DateField(**kwargs)
    qtbot.addWidget(widget)
    widget.show()
    return widget


@pytest.mark.parametrize(
    ("keys", "expected"),
    [("1120", date(2026, 11, 20)), ("11-20", date(2026, 11, 20)), ("20261120", date(2026, 11, 20)),
     ("2026-11-20", date(2026, 11, 20)), ("2026/11/20", date(2026, 11, 20)), ("t", TODAY),
     ("+3", date(2026, 11, 21)), ("-1", date(2026, 11, 17))],
)
def test_typed_keys_give_the_date_and_show_it_in_full(qtbot, frozen_clock, keys, expected):
    widget = field(qtbot)
    seen = []
    widget.dateChanged.connect(seen.append)
    qtbot.keyClicks(widget, keys)
    assert widget.value() == expected and seen[-1] == expected  # live, before Enter (the policy check follows it)
    qtbot.keyClick(widget, Qt.Key.Key_Return)
    assert widget.text() == expected.isoformat()
    assert widget.error() is None and widget.styleSheet() == ""


def test_empty_optional_date_is_empty_with_a_placeholder(qtbot, frozen_clock):
    widget = field(qtbot)
    assert widget.value() is None and widget.text() == ""
    assert "1120" in widget.placeholderText()
    widget.set_value(date(2026, 1, 5))
    widget.clear()
    widget.commit()
    assert widget.value() is None and widget.error() is None


def test_text_that_is_no_date_is_flagged_not_taken(qtbot, frozen_clock):
    widget = field(qtbot)
    qtbot.keyClicks(widget, "20261320")
    qtbot.keyClick(widget, Qt.Key.Key_Return)
    assert widget.value() is None
    assert widget.error() == "没有这一天" and widget.styleSheet() != ""
    widget.selectAll()
    qtbot.keyClicks(widget, "1120")
    assert widget.error() is None and widget.styleSheet() == ""  # fixed: the mark goes as soon as it is a date


def test_range_and_required(qtbot, frozen_clock):
    widget = field(qtbot, value=TODAY, optional=False)
    widget.setMaximumDate(QDate(TODAY))
    widget.selectAll()
    qtbot.keyClicks(widget, "+1")
    assert widget.value() is None and widget.error() == "日期不能晚于 2026-11-18"
    assert widget.date() == QDate(TODAY)  # a report or filter reading it meanwhile gets the last good date
    widget.clear()
    widget.commit()  # a required date left empty goes back to its last date
    assert widget.value() == TODAY and widget.text() == "2026-11-18"


def test_arrow_keys_step_a_day(qtbot, frozen_clock):
    widget = field(qtbot)
    qtbot.keyClick(widget, Qt.Key.Key_Up)
    assert widget.value() == TODAY  # an empty field starts at today
    qtbot.keyClick(widget, Qt.Key.Key_Up)
    qtbot.keyClick(widget, Qt.Key.Key_Up)
    qtbot.keyClick(widget, Qt.Key.Key_Down)
    assert widget.value() == date(2026, 11, 19)


@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")  # offscreen has no popup grabs
def test_calendar_opens_at_today_or_the_value_and_picks(qtbot, frozen_clock):
    widget = field(qtbot)
    qtbot.keyClick(widget, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert widget.popup is not None and widget.popup.isVisible()
    assert widget.calendar.selectedDate() == QDate(TODAY)  # not January 1900
    widget.calendar.activated.emit(QDate(2026, 11, 3))
    assert widget.value() == date(2026, 11, 3) and not widget.popup.isVisible()
    widget.open_calendar()
    assert widget.calendar.selectedDate() == QDate(2026, 11, 3)
    widget.popup.hide()


def test_date_time_field_has_its_own_time(qtbot, frozen_clock):
    widget = DateTimeField(datetime(2026, 11, 18, 9, 30))
    qtbot.addWidget(widget)
    widget.show()
    assert widget.value() == datetime(2026, 11, 18, 9, 30)
    widget.date_field.selectAll()
    qtbot.keyClicks(widget.date_field, "+1")
    assert widget.value() == datetime(2026, 11, 19, 9, 30)
    widget.set_value(None)
    assert widget.value() is None and widget.dateTime().isValid() is False
    widget.setFocus()
    assert QApplication.focusWidget() in (widget.date_field, None)  # the focus goes to the date part
