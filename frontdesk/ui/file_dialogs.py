"""File dialogs: where to save an export (.xlsx, .pdf) and which holiday schedule to import."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget


def _choose(parent: QWidget, title: str, default_name: str, pattern: str, suffix: str) -> Path | None:
    path, _ = QFileDialog.getSaveFileName(parent, title, str(Path.home() / default_name), pattern)
    if not path:
        return None
    return Path(path if path.lower().endswith(suffix) else path + suffix)


def choose_xlsx(parent: QWidget, default_name: str) -> Path | None:
    """Ask where to save an .xlsx; None if the user cancels."""
    return _choose(parent, QCoreApplication.translate("ExportRunner", "导出Excel"), default_name,
                   "Excel (*.xlsx)", ".xlsx")


def choose_pdf(parent: QWidget, default_name: str) -> Path | None:
    """Ask where to save a .pdf; None if the user cancels."""
    return _choose(parent, QCoreApplication.translate("ExportRunner", "导出PDF"), default_name, "PDF (*.pdf)", ".pdf")


def choose_holiday_file(parent: QWidget) -> Path | None:
    """Ask for a holiday schedule to import (holiday-cn JSON or iCalendar); None if the user cancels."""
    path, _ = QFileDialog.getOpenFileName(
        parent, QCoreApplication.translate("HolidaysPage", "选择放假安排文件"), str(Path.home()),
        QCoreApplication.translate("HolidaysPage", "放假安排 (*.json *.ics);;所有文件 (*)"))
    return Path(path) if path else None
