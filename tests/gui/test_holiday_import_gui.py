"""Through the holidays page: import a schedule file — preview, cancel, import; a bad file is refused whole."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

from gui_helpers import scripted, window_for
from PySide6.QtWidgets import QTableWidget

from frontdesk.db.models import Holiday
from frontdesk.services.core import holidays
from frontdesk.ui import file_dialogs
from frontdesk.ui.dialogs.holiday_import import HolidayImportDialog

DATA = Path(__file__).parent.parent / "data"


def test_import_button_previews_then_imports_and_the_warning_clears(qtbot, paths, manager, monkeypatch, tmp_path,
                                                                    frozen_clock, message_boxes):
    frozen_clock.set(datetime(2026, 11, 20, 9, 0))
    window = window_for(qtbot, paths, manager)
    board = window.current_page()
    assert board.calendar_warning.isVisibleTo(board) and "2027" in board.calendar_warning.text()
    page = window.open_page("holidays")
    page.year.setValue(2027)
    assert "未内置" in page.coverage.text() and page.complete.isVisibleTo(page)
    monkeypatch.setattr(file_dialogs, "choose_holiday_file", lambda _parent: DATA / "holidays_2027_test.ics")
    seen: list[list[list[str]]] = []
    answer = {"ok": False}

    def look(dialog: HolidayImportDialog) -> None:
        grid = dialog.findChild(QTableWidget, "preview")
        seen.append([[grid.item(i, j).text() for j in range(grid.columnCount())] for i in range(grid.rowCount())])
        dialog.accept() if answer["ok"] else dialog.reject()

    scripted(monkeypatch, HolidayImportDialog, look)
    page.import_btn.click()  # previewed, then cancelled: nothing written
    assert Holiday.select().count() == 0 and len(seen[0]) == 22
    assert seen[0][0] == ["1", "2026-12-31", "周四", "放假", "元旦 假期", "新增"]
    assert ["2", "2027-01-31", "周日", "上班（调休）", "春节 补班", "新增"] in seen[0]
    answer["ok"] = True
    page.import_btn.click()
    assert Holiday.select().count() == 22 and holidays.year_covered(2027)
    assert page.panel.model.rowCount() == 21 and "已导入" in page.coverage.text()
    assert page.complete.isChecked()
    window.open_page("dashboard")
    board.refresh()
    assert not board.calendar_warning.isVisibleTo(board)

    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"year": 2028, "days": [
        {"name": "春节", "date": "2028-01-26", "isOffDay": True},
        {"name": "春节", "date": "2028-01-26", "isOffDay": False}]}), "utf-8")
    monkeypatch.setattr(file_dialogs, "choose_holiday_file", lambda _parent: bad)
    page.import_btn.click()
    text = next(text for kind, text in message_boxes if "未导入" in text)
    assert "第 2 条 date" in text and "一条放假一条上班" in text
    assert Holiday.select().where(Holiday.date >= date(2028, 1, 1)).count() == 0 and len(seen) == 2


def test_marking_a_hand_typed_year_complete(qtbot, paths, manager, frozen_clock):
    frozen_clock.set(datetime(2027, 3, 1, 9, 0))
    window = window_for(qtbot, paths, manager)
    page = window.open_page("holidays")
    assert page.year.value() == 2027
    page.complete.click()
    assert holidays.year_covered(2027) and "已导入" in page.coverage.text()
    page.complete.click()
    assert not holidays.year_covered(2027) and "未内置" in page.coverage.text()
