"""Through the main window: export a list to Excel, export a site, import it at another, settle a conflict."""

from __future__ import annotations

import sys
from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtWidgets import QDialog

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit"))
from sync_helpers import add_contact, at_site  # noqa: E402

from frontdesk.db.models import Contact, SyncConflict  # noqa: E402
from frontdesk.domain.reception import ContactInput  # noqa: E402
from frontdesk.services.reception import contacts as reception  # noqa: E402
from frontdesk.services.sync.exporter import export_site  # noqa: E402
from frontdesk.settings import Settings  # noqa: E402
from frontdesk.ui import file_dialogs  # noqa: E402
from frontdesk.ui.context import AppContext  # noqa: E402
from frontdesk.ui.dialogs import sync_exchange as sync_dialogs  # noqa: E402
from frontdesk.ui.main_window import MainWindow  # noqa: E402
from frontdesk.ui.pages import sync_page  # noqa: E402


def _window(qtbot, paths, actor):  # noqa: ANN001, ANN202
    window = MainWindow(AppContext(paths, Settings(), actor, "测试服务台"))
    qtbot.addWidget(window)
    window.show()
    return window


def test_reception_list_exports_filtered_rows(qtbot, paths, admin, monkeypatch, tmp_path):
    add_contact(admin, '=HYPERLINK("http://x","y")', "停车")
    add_contact(admin, "李先生", "寄存")
    window = _window(qtbot, paths, admin)
    page = window.open_page("reception")
    page.panel.search.setText("停车")
    page.panel.refresh()
    monkeypatch.setattr(file_dialogs, "choose_xlsx", lambda *_: tmp_path / "list.xlsx")
    assert page.export_excel() == 1
    rows = list(load_workbook(tmp_path / "list.xlsx").active.iter_rows(values_only=True))
    assert rows[1][4] == '=HYPERLINK("http://x","y")'
    for key in ("transfers", "complaints", "visits", "staff"):
        other = window.open_page(key)
        monkeypatch.setattr(file_dialogs, "choose_xlsx", lambda *_, key=key: tmp_path / f"{key}.xlsx")
        assert other.export_excel() is not None
        assert (tmp_path / f"{key}.xlsx").is_file()


def test_site_import_preview_apply_and_conflict(qtbot, tmp_path, monkeypatch, message_boxes):
    with at_site(tmp_path, "S01") as a:
        uuid = add_contact(a, "王女士", "原始")
        export_site(a, tmp_path / "1.xlsx")
    with at_site(tmp_path, "HQ") as hq:
        from frontdesk.services.sync import importer as sync_import

        sync_import.import_site(hq, tmp_path / "1.xlsx")
        row = reception.get_contact(hq, uuid)
        reception.save_contact(hq, ContactInput(**{**reception.to_input(row).__dict__, "request": "总部版本"}), uuid)
    with at_site(tmp_path, "S01") as a:
        row = reception.get_contact(a, uuid)
        reception.save_contact(a, ContactInput(**{**reception.to_input(row).__dict__, "request": "站点版本"}), uuid)
        export_site(a, tmp_path / "2.xlsx")
    from frontdesk.paths import data_paths
    from frontdesk.services.core import auth, system

    system.start(data_paths(tmp_path / "HQ"), Settings(), backup_on_start=False)
    try:
        hq = auth.login("admin", "admin123")
        window = _window(qtbot, data_paths(tmp_path / "HQ"), hq)
        page = window.open_page("sync")
        seen: list[list[str]] = []

        def accept(dialog: QDialog) -> int:
            seen.append(dialog.findChild(object, "summary").toPlainText().splitlines())
            dialog.accept()
            return dialog.outcome is not None

        monkeypatch.setattr(sync_dialogs.ImportPreviewDialog, "exec", accept)
        report = page.import_site(tmp_path / "2.xlsx")
        assert report is not None and report.total.conflicts == 1
        assert "冲突 1" in seen[0][1]
        page.tabs.setCurrentIndex(1)
        page.refresh()
        assert "1" in page.tabs.tabText(1)
        page.conflicts.table.selectRow(0)
        assert page.detail.rowCount() >= 1
        assert page.detail.item(0, 1).text() == "总部版本" and page.detail.item(0, 2).text() == "站点版本"
        page.take_btn.click()
        assert Contact.get(Contact.uuid == uuid).request == "站点版本"
        assert SyncConflict.get().status == "incoming"
        bad = tmp_path / "bad.xlsx"
        bad.write_text("不是工作簿")
        monkeypatch.setattr(file_dialogs, "choose_xlsx", lambda *_: tmp_path / "errors.xlsx")
        assert page.import_site(bad) is None
        assert any("未导入" in text for _kind, text in message_boxes)
        assert (tmp_path / "errors.xlsx").is_file()
        monkeypatch.setattr(sync_page, "SiteExportDialog", _AutoExport)
        assert page.export_site(tmp_path / "hq.xlsx") > 0
        monkeypatch.setattr(sync_page, "choose_exchange_save", lambda *_: tmp_path / "hq.zip")
        assert page.export_site() >= 0  # the dialog's default: a bundle with the workbook and photos
        import zipfile

        assert "manifest.json" in zipfile.ZipFile(tmp_path / "hq.zip").namelist()
        assert any("张照片" in text for _kind, text in message_boxes)
    finally:
        system.stop()


class _AutoExport(sync_dialogs.SiteExportDialog):
    def exec(self) -> int:  # noqa: D102
        self.accept()
        return 1


class _AutoPair(sync_dialogs.SitePairDialog):
    choice = ("HQ", "new")

    def exec(self) -> int:  # noqa: D102
        self.peer_edit.setText(self.choice[0])
        self.mode_combo.set_value(self.choice[1])
        self.accept()
        return 1


def test_pairing_from_the_sync_page_signs_exports(qtbot, paths, admin, monkeypatch, message_boxes, tmp_path):
    from frontdesk.services.sync import keys

    monkeypatch.setattr(sync_page, "SitePairDialog", _AutoPair)
    window = _window(qtbot, paths, admin)
    page = window.open_page("sync")
    assert page.pair_site(tmp_path / "s01-hq.key") is True  # a new key file, to carry to head office
    assert (tmp_path / "s01-hq.key").is_file() and keys.load("HQ") is not None
    assert any("已新建配对密钥" in text for _kind, text in message_boxes)
    monkeypatch.setattr(_AutoPair, "choice", ("S02", "take"))
    assert page.pair_site(tmp_path / "missing.key") is None  # refused, shown: no such file
    assert keys.load("S02") is None
    export_site(admin, tmp_path / "to-hq.xlsx", to="HQ")
    rows = {r[0]: r[1] for r in load_workbook(tmp_path / "to-hq.xlsx")["_manifest"].iter_rows(values_only=True)}
    assert rows["integrity"] == "hmac-sha256"


def test_the_export_dialog_shows_the_last_export_to_the_destination_typed(qtbot, paths, admin, tmp_path,
                                                                        frozen_clock):
    export_site(admin, tmp_path / "hq.zip", to="HQ")
    dialog = sync_dialogs.SiteExportDialog()
    qtbot.addWidget(dialog)
    dialog.to.setText("HQ")
    assert f"{frozen_clock():%Y-%m-%d %H:%M}" in dialog.scope.itemText(0)
    dialog.to.setText("S02")
    assert "尚未导出过" in dialog.scope.itemText(0)
