"""The base of a page built around one list: action buttons, the selected row, dialogs run on it, papers
printed or saved as PDF, and the refresh after a change; service errors go through ui.ops."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMenu, QPushButton

from frontdesk.domain.printdoc import PrintDocument
from frontdesk.services.aftersales import print_settings
from frontdesk.ui import printing
from frontdesk.ui.context import AppContext
from frontdesk.ui.file_dialogs import choose_pdf
from frontdesk.ui.messages import inform, status
from frontdesk.ui.ops import attempt
from frontdesk.ui.pages.base import Page
from frontdesk.ui.widgets.list_panel import ListPanel

DocMaker = Callable[[str], PrintDocument]  # the selected row's uuid -> the paper


class ListPage(Page):
    """Subclasses build ``self.panel`` and add their buttons with the helpers here."""

    panel: ListPanel

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.buttons: dict[str, QPushButton] = {}

    # --- buttons ------------------------------------------------------------------------------------------

    def add_button(self, key: str, text: str, slot: Callable[[], Any]) -> QPushButton:
        """A button ``btn_<key>`` in the list's toolbar, kept in ``self.buttons``."""
        button = QPushButton(text)
        button.setObjectName(f"btn_{key}")
        button.clicked.connect(lambda: slot())
        self.panel.actions_bar.addWidget(button)
        self.buttons[key] = button
        return button

    def add_print_button(self, key: str, text: str, papers: list[tuple[str, DocMaker]]) -> QPushButton:
        """A button whose menu offers print preview and PDF of each paper of the selected row."""
        button = QPushButton(text)
        button.setObjectName(f"btn_{key}")
        menu = QMenu(button)
        first = papers[0][1]
        now = QAction(self.tr("打印"), self)  # Ctrl+P on the page: the first paper, to the printer (see print_now)
        now.setObjectName(f"print_now_{key}")
        now.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
        now.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        now.triggered.connect(lambda: self.print_now(first))
        self.addAction(now)
        for name, make in papers:
            prefix = f"{name} - " if len(papers) > 1 else ""
            menu.addAction(prefix + self.tr("打印预览…"), lambda m=make: self.print_preview(m))
            menu.addAction(prefix + self.tr("导出PDF…"), lambda m=make: self.save_pdf(m))
        menu.addSeparator()
        menu.addAction(now)
        button.setMenu(menu)
        self.panel.actions_bar.addWidget(button)
        self.buttons[key] = button
        return button

    # --- the selected row and changes ---------------------------------------------------------------------

    def select_hint(self) -> str:
        """What to say when an action needs a selected row and there is none."""
        return self.tr("请先在列表中选择一条记录")

    def selected(self) -> dict[str, Any] | None:
        row = self.panel.current_row()
        if row is None:
            inform(self, self.select_hint())
        return row

    def update_buttons(self, row: dict[str, Any] | None) -> None:
        """Enable the buttons that apply to ``row`` (subclasses)."""

    def after_change(self, message: str) -> None:
        status(message)
        self.panel.refresh()
        self.update_buttons(self.panel.current_row())

    def refresh(self) -> None:
        self.panel.refresh()
        self.update_buttons(self.panel.current_row())

    def run(self, make: Callable[[], QDialog], message: str) -> bool:
        """Open the dialog ``make()`` builds (a service error building it is shown); True if it was accepted."""
        dialog = attempt(self, make)
        if dialog is not None and dialog.exec():
            self.after_change(message)
            return True
        return False

    def run_on_selected(self, make: Callable[[dict[str, Any]], QDialog], message: str) -> bool:
        """``run`` for a dialog about the selected row (nothing happens but a hint when none is selected)."""
        row = self.selected()
        return row is not None and self.run(lambda: make(row), message)

    # --- papers ------------------------------------------------------------------------------------------

    def _doc(self, make: DocMaker) -> PrintDocument | None:
        row = self.selected()
        return None if row is None else attempt(self, lambda: make(row["uuid"]))

    def print_preview(self, make: DocMaker) -> None:
        doc = self._doc(make)
        if doc is not None:
            printing.show_print_preview(doc, self)

    def print_now(self, make: DocMaker) -> None:
        """Ctrl+P: the selected row's paper straight to the default printer when the site prints without a
        preview (打印设置), else the preview."""
        doc = self._doc(make)
        if doc is None:
            return
        if not print_settings.load().direct:
            printing.show_print_preview(doc, self)
            return
        if attempt(self, lambda: printing.print_direct(doc)) is not None:
            status(self.tr("已发送到打印机：{0} {1}").format(doc.title, doc.number))

    def save_pdf(self, make: DocMaker, path: str | Path | None = None) -> Path | None:
        """The selected row's paper as a PDF at ``path`` (asked for when None); the file written, or None."""
        doc = self._doc(make)
        if doc is None:
            return None
        target = path or choose_pdf(self, f"{doc.title}-{doc.number}.pdf")
        if target is None:
            return None
        written = attempt(self, lambda: printing.write_pdf(doc, target))
        if written is not None:
            status(self.tr("已导出 {0}").format(written))
        return written
