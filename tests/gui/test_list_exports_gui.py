"""The lists that had no export have the 导出Excel button now: it writes the page's filtered rows."""

from __future__ import annotations

from gui_helpers import window_for
from openpyxl import load_workbook
from PySide6.QtWidgets import QPushButton

from frontdesk.demo import runner as demo
from frontdesk.ui import file_dialogs


def test_discipline_attendance_handover_and_selfcheck_lists_export(qtbot, paths, manager, monkeypatch, tmp_path):  # noqa: ANN001
    demo.generate(300, 5)
    window = window_for(qtbot, paths, manager)
    for key in ("discipline", "attendance", "handover", "selfcheck"):
        page = window.open_page(key)
        assert page.findChild(QPushButton, "exportExcel") is page.export_btn
        target = tmp_path / f"{key}.xlsx"
        monkeypatch.setattr(file_dialogs, "choose_xlsx", lambda *_, target=target: target)
        page.panel.refresh()
        written = page.export_excel()
        assert written == page.panel.last_page.total
        assert load_workbook(target).active.max_row == written + 1


def test_ui_columns_come_from_the_spec_by_key(qapp) -> None:  # noqa: ANN001
    from frontdesk.services.reception import contacts as reception
    from frontdesk.ui.models.page_model import spec_columns

    columns = spec_columns(reception.CONTACTS, {"status": 60, "request": 200, "number": 170},
                           fmt={"number": str.lower})
    assert [(c.key, c.header, c.width, c.sortable) for c in columns] == [
        ("status", "状态", 60, True), ("request", "核心诉求", 200, False), ("number", "编号", 170, True)]
    assert columns[0].fmt("closed") == "已办结" and columns[2].fmt("S01-JD-1") == "s01-jd-1"


def test_departments_phrases_and_forbidden_phrases_export_what_the_page_shows(qtbot, paths, manager, monkeypatch,
                                                                             tmp_path):  # noqa: ANN001
    from frontdesk.services.core import staff

    staff.save_department(manager, "客服中心")
    window = window_for(qtbot, paths, manager)
    departments = window.open_page("departments")
    departments.refresh()
    monkeypatch.setattr(file_dialogs, "choose_xlsx", lambda *_: tmp_path / "departments.xlsx")
    assert departments.export_excel() == departments.model.rowCount() == 1
    assert load_workbook(tmp_path / "departments.xlsx").active["A2"].value == "客服中心"

    phrases = window.open_page("phrases")
    phrases.refresh()
    phrases.situation.setCurrentIndex(2)  # one situation: the export follows the filter
    monkeypatch.setattr(file_dialogs, "choose_xlsx", lambda *_: tmp_path / "phrases.xlsx")
    assert phrases.export_phrases() == phrases.phrase_model.rowCount() > 0
    assert {r[0] for r in load_workbook(tmp_path / "phrases.xlsx").active.iter_rows(min_row=2, values_only=True)} == {
        phrases.phrase_model.data(phrases.phrase_model.index(0, 0))}
    monkeypatch.setattr(file_dialogs, "choose_xlsx", lambda *_: tmp_path / "forbidden.xlsx")
    assert phrases.export_forbidden() == phrases.forbidden_model.rowCount() > 0
