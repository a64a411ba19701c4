"""Through the main window: import a hand-typed fine schedule — preview, then apply; a bad sheet is refused."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from openpyxl import Workbook
from PySide6.QtWidgets import QDialog, QPushButton, QTableWidget

from frontdesk import clock
from frontdesk.db.models import FineRule, ImportHistory
from frontdesk.services.discipline import fine_rules
from frontdesk.settings import Settings
from frontdesk.ui import file_dialogs
from frontdesk.ui.context import AppContext
from frontdesk.ui.dialogs import sync_exchange as sync_dialogs
from frontdesk.ui.main_window import MainWindow

# dates here are counted from the program's clock: frozen, so a run that crosses midnight cannot split a test
pytestmark = pytest.mark.usefixtures("frozen_clock")


def _book(path, rows):  # noqa: ANN001, ANN202
    wb = Workbook()
    ws = wb.active
    ws.title = "罚款标准"
    ws.append(["前台罚款标准"])
    ws.append(["编号", "违规行为", "罚款", "是否辞退", "生效日期"])
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def test_fine_schedule_preview_then_apply(qtbot, paths, admin, monkeypatch, tmp_path, message_boxes):
    window = MainWindow(AppContext(paths, Settings(), admin, "测试服务台"))
    qtbot.addWidget(window)
    window.show()
    page = window.open_page("sync")
    assert page.findChild(QPushButton, "finesImport").isEnabled()
    seen: list[list[list[str]]] = []
    answer = {"ok": False}

    def run(dialog: QDialog) -> int:
        grid = dialog.findChild(QTableWidget, "preview")
        seen.append([[grid.item(i, j).text() for j in range(grid.columnCount())] for i in range(grid.rowCount())])
        if answer["ok"]:
            dialog.accept()
            return dialog.result()
        dialog.reject()
        return 0

    monkeypatch.setattr(sync_dialogs.ImportPreviewDialog, "exec", run)
    tomorrow = clock.today() + dt.timedelta(days=1)
    path = _book(tmp_path / "fines.xlsx", [["R01", "工作时间扎堆聊天", "5", "否", None],
                                          ["R06", None, "30-80", None, tomorrow], [None] * 5,
                                          ["W09", "未按时交接班", "20/次", None, tomorrow]])
    assert page.import_fines(path) is None  # previewed, then cancelled: nothing written
    assert seen[0][0][1:] == ["R01", "工作时间扎堆聊天", clock.today().isoformat(), "不变", ""]
    assert seen[0][1][4:] == ["更新", "罚款：20–50 → 30–80"] and seen[0][2][1] == "W09"
    assert FineRule.select().where(FineRule.code == "W09").count() == 0
    answer["ok"] = True
    outcome = page.import_fines(path)
    assert outcome is not None and outcome.count("new") == 1
    assert fine_rules.rule_for("R06", tomorrow).max_amount == Decimal("80.00")
    assert fine_rules.rule_for("W09", tomorrow).unit == "per_time"
    assert ImportHistory.get(ImportHistory.kind == "fines").updated == 1
    assert page.history.table.model().rowCount() == 1

    bad = _book(tmp_path / "bad.xlsx", [["R02", None, "很多", None, None], ["R03", None, "10", "也许", None]])
    monkeypatch.setattr(file_dialogs, "choose_xlsx", lambda *_: tmp_path / "errors.xlsx")
    assert page.import_fines(bad) is None
    text = next(text for kind, text in message_boxes if "未导入" in text)
    assert "第 3 行" in text and "第 4 行" in text and "很多" in text
    assert (tmp_path / "errors.xlsx").is_file()
