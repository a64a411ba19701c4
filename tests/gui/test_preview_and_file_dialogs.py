"""Print preview opens maximised at fit-width; file dialogs are Qt's own and start in the folder last used for
their kind of file (remembered in the state file, so a new session starts there too)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtPrintSupport import QPrintPreviewWidget
from PySide6.QtWidgets import QFileDialog

from frontdesk.domain.printdoc import PrintDocument
from frontdesk.settings import Persist
from frontdesk.ui import file_dialogs, printing


def test_preview_opens_maximised_at_fit_width(qtbot):
    dialog = printing.make_print_preview(PrintDocument(title="维修受理单", number="S01-WX-20261202-0001",
                                                       fields=[("顾客", "王女士")], qr_text="FD:WX:S01-WX-20261202-0001"))
    dialog.show()
    qtbot.waitExposed(dialog)
    preview = dialog.findChild(QPrintPreviewWidget)
    assert dialog.isMaximized()
    qtbot.waitUntil(lambda: preview.zoomMode() == QPrintPreviewWidget.ZoomMode.FitToWidth)
    assert preview.zoomFactor() > 0.5  # was 38.6 %
    dialog.close()
    dialog.deleteLater()  # gone, so the next test's window gets the keyboard
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_file_dialogs_start_in_the_last_folder_of_their_kind(qtbot, tmp_path, monkeypatch):
    state = tmp_path / "state.json"
    persist = Persist()
    file_dialogs.remember_in(persist.window, lambda: persist.save(state))
    exports, pdfs = tmp_path / "exports", tmp_path / "papers"
    exports.mkdir()
    pdfs.mkdir()
    seen: list[tuple[str, bool, str]] = []
    answers = {".xlsx": exports / "接待登记.xlsx", ".pdf": pdfs / "凭证"}

    def run(dialog: QFileDialog) -> int:
        seen.append((dialog.directory().absolutePath(), dialog.testOption(QFileDialog.Option.DontUseNativeDialog),
                     dialog.windowTitle()))
        suffix = ".xlsx" if "xlsx" in dialog.nameFilters()[0] else ".pdf"
        dialog.selectFile(str(answers[suffix]))
        return 1

    monkeypatch.setattr(QFileDialog, "exec", run)
    assert file_dialogs.choose_xlsx(None, "接待登记.xlsx") == exports / "接待登记.xlsx"
    assert file_dialogs.choose_pdf(None, "凭证.pdf") == pdfs / "凭证.pdf"  # the suffix added
    assert file_dialogs.choose_xlsx(None, "投诉.xlsx") == exports / "接待登记.xlsx"
    assert [s[0] for s in seen] == [str(Path.home()), str(Path.home()), str(exports)]
    assert all(native_off for _d, native_off, _t in seen)
    again = Persist.load(state)  # the next session
    file_dialogs.remember_in(again.window, lambda: None)
    assert file_dialogs.last_folder("pdf") == pdfs and file_dialogs.last_folder("xlsx") == exports
    assert file_dialogs.last_folder("holidays") == Path.home()
