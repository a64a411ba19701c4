"""File dialogs: where to save an export (.xlsx, .pdf), which file to open (holiday schedule, knowledge sheet,
photos). Each starts in the folder last used for its kind of file (remembered in the state file), and each is
Qt's own dialog, so it is translated with the rest of the program on every platform (the native one on Linux
is half English)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

FOLDER_KEY = "folder:{0}"  # the state file's window dict: "folder:xlsx" -> the last folder used for .xlsx


class _Folders:
    """Where the last folder of each kind is kept: the session's state (MainWindow calls ``remember_in``)."""

    def __init__(self) -> None:
        self.store: dict[str, str] = {}
        self.save: Callable[[], None] = lambda: None


_folders = _Folders()


def remember_in(store: dict[str, str], save: Callable[[], None]) -> None:
    """Keep the last folders in ``store`` (the state file's window dict) and call ``save`` after a change."""
    _folders.store, _folders.save = store, save


def last_folder(kind: str) -> Path:
    """The folder the dialog for ``kind`` starts in: the last one used, if it still exists, else the home."""
    saved = _folders.store.get(FOLDER_KEY.format(kind))
    if saved and Path(saved).is_dir():
        return Path(saved)
    return Path.home()


def _remember(kind: str, chosen: Path) -> None:
    _folders.store[FOLDER_KEY.format(kind)] = str(chosen.parent)
    _folders.save()


def _dialog(parent: QWidget | None, title: str, kind: str, pattern: str) -> QFileDialog:
    dialog = QFileDialog(parent, title, str(last_folder(kind)), pattern)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)  # Qt's own: translated, same everywhere
    return dialog


def ask_save(parent: QWidget | None, title: str, kind: str, default_name: str, pattern: str) -> Path | None:
    """Ask where to save a file of ``kind`` (named ``default_name`` to start with); None if cancelled."""
    dialog = _dialog(parent, title, kind, pattern)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.selectFile(default_name)
    if not dialog.exec() or not dialog.selectedFiles():
        return None
    chosen = Path(dialog.selectedFiles()[0])
    _remember(kind, chosen)
    return chosen


def ask_open(parent: QWidget | None, title: str, kind: str, pattern: str, many: bool = False) -> list[Path]:
    """Ask for one (or ``many``) existing files of ``kind``; [] if cancelled."""
    dialog = _dialog(parent, title, kind, pattern)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles if many else QFileDialog.FileMode.ExistingFile)
    if not dialog.exec():
        return []
    chosen = [Path(f) for f in dialog.selectedFiles()]
    if chosen:
        _remember(kind, chosen[0])
    return chosen


def _choose(parent: QWidget, title: str, default_name: str, pattern: str, suffix: str) -> Path | None:
    path = ask_save(parent, title, suffix.lstrip("."), default_name, pattern)
    if path is None:
        return None
    return path if path.name.lower().endswith(suffix) else path.with_name(path.name + suffix)


def choose_xlsx(parent: QWidget, default_name: str) -> Path | None:
    """Ask where to save an .xlsx; None if the user cancels."""
    return _choose(parent, QCoreApplication.translate("ExportRunner", "导出Excel"), default_name,
                   "Excel (*.xlsx)", ".xlsx")


def choose_pdf(parent: QWidget, default_name: str) -> Path | None:
    """Ask where to save a .pdf; None if the user cancels."""
    return _choose(parent, QCoreApplication.translate("ExportRunner", "导出PDF"), default_name, "PDF (*.pdf)", ".pdf")


def choose_holiday_file(parent: QWidget) -> Path | None:
    """Ask for a holiday schedule to import (holiday-cn JSON or iCalendar); None if the user cancels."""
    chosen = ask_open(parent, QCoreApplication.translate("HolidaysPage", "选择放假安排文件"), "holidays",
                      QCoreApplication.translate("HolidaysPage", "放假安排 (*.json *.ics);;所有文件 (*)"))
    return chosen[0] if chosen else None
