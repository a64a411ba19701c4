"""The 导出Excel button of a list page: ask for a file, then stream the filtered rows off the UI thread."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QPushButton, QWidget

from frontdesk import clock
from frontdesk.services.core import list_exports
from frontdesk.services.core.list_exports import ListExport
from frontdesk.ui import file_dialogs
from frontdesk.ui.messages import localized, status
from frontdesk.ui.ops import attempt, run_with_progress
from frontdesk.ui.pages.base import Page
from frontdesk.ui.widgets.list_panel import ListPanel


def export_button(parent: QWidget) -> QPushButton:
    button = QPushButton(QCoreApplication.translate("ListExport", "导出Excel"))
    button.setObjectName("exportExcel")
    button.setToolTip(QCoreApplication.translate("ListExport", "把当前筛选出的全部记录导出为 Excel 工作簿"))
    return button


def export_list(parent: QWidget, make: Callable[[], ListExport]) -> int | None:
    """Build the export (the list's current query) and write it where the user says; the row count or None."""
    export = attempt(parent, make)
    if export is None:
        return None
    export = export.localized(localized)  # headers and labels in the UI language, columns in the same order
    path = file_dialogs.choose_xlsx(parent, f"{export.title}-{clock.today():%Y%m%d}.xlsx")
    if path is None:
        return None
    label = QCoreApplication.translate("ListExport", "正在导出 {0:,} 条记录…").format(export.total)
    written = run_with_progress(parent, lambda ctx: export.write(path, ctx.progress, ctx.cancelled), label,
                                QCoreApplication.translate("ExportRunner", "导出Excel"))
    if written is not None:
        status(QCoreApplication.translate("ListExport", "已导出 {0:,} 条记录到 {1}").format(written, path))
    return written


def export_named(page: Page, panel: ListPanel, name: str) -> int | None:
    """Export the list ``name`` (a key of list_exports.EXPORTS) with ``panel``'s current query."""
    return export_list(page, lambda: list_exports.export_list(name, page.ctx.actor, panel.query()))


def add_list_export(page: Page, panel: ListPanel, name: str, beside_pager: bool = False) -> QPushButton:
    """The 导出Excel button of ``panel`` for the list ``name``: in its toolbar, or beside its pager."""
    button = export_button(page)
    button.clicked.connect(lambda: export_named(page, panel, name))
    if beside_pager:
        add_beside_pager(panel, button)
    else:
        panel.actions_bar.addWidget(button)
    return button


def add_beside_pager(panel: ListPanel, button: QPushButton) -> None:
    """Put ``button`` after the row count under the table (for pages whose toolbar row is already full)."""
    outer = panel.layout()
    for i in range(outer.count()):
        row = outer.itemAt(i).layout()
        if row is not None and row.indexOf(panel.page_label) >= 0:
            row.insertWidget(row.indexOf(panel.page_label) + 1, button)
            return
    panel.actions_bar.addWidget(button)
