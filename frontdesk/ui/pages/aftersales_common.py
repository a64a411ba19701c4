"""What the returns and repairs pages share: print menus, PDF and Excel export, scan-a-number lookup, settings."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QDialog, QFileDialog, QMenu, QPushButton

from frontdesk.domain.printdoc import PrintDocument
from frontdesk.domain.roles import Permission
from frontdesk.errors import UserError
from frontdesk.services import aftersales_list
from frontdesk.services.listing import ListQuery
from frontdesk.ui import printing
from frontdesk.ui.context import AppContext
from frontdesk.ui.file_dialogs import choose_xlsx
from frontdesk.ui.messages import inform, show_user_error, status
from frontdesk.ui.ops import run_with_progress
from frontdesk.ui.pages.base import Page
from frontdesk.ui.widgets.list_panel import ListPanel

DocMaker = Callable[[str], PrintDocument]
Exporter = Callable[..., int]


class AftersalesPage(Page):
    """Base of the two pages; subclasses build ``self.panel`` and call the helpers."""

    kind = ""  # "return" or "repair": the number lookup opens the other page for the other kind
    panel: ListPanel

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.buttons: dict[str, QPushButton] = {}

    def add_button(self, key: str, text: str, slot: Callable[[], Any]) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(f"btn_{key}")
        button.clicked.connect(lambda: slot())
        self.panel.actions_bar.addWidget(button)
        self.buttons[key] = button
        return button

    def add_print_button(self, key: str, text: str, papers: list[tuple[str, DocMaker]]) -> QPushButton:
        """A button whose menu offers print preview and PDF of each paper of the selected order."""
        button = QPushButton(text)
        button.setObjectName(f"btn_{key}")
        menu = QMenu(button)
        for name, make in papers:
            prefix = f"{name} - " if len(papers) > 1 else ""
            menu.addAction(prefix + self.tr("打印预览…"), lambda m=make: self.print_preview(m))
            menu.addAction(prefix + self.tr("导出PDF…"), lambda m=make: self.export_pdf(m))
        button.setMenu(menu)
        self.panel.actions_bar.addWidget(button)
        self.buttons[key] = button
        return button

    def add_common_buttons(self, exporter: Exporter, sheet: str) -> None:
        self.add_button("excel", self.tr("导出Excel"), lambda: self.export_excel(exporter, sheet))
        if self.ctx.actor.can(Permission.APPROVE_AFTERSALES):
            self.add_button("policy", self.tr("售后政策"), self.edit_policy)
        self.panel.search.returnPressed.connect(self.lookup)

    def selected(self) -> dict[str, Any] | None:
        row = self.panel.current_row()
        if row is None:
            inform(self, self.tr("请先在列表中选择一条记录"))
        return row

    def after_change(self, message: str) -> None:
        status(message)
        self.panel.refresh()
        self.update_buttons(self.panel.current_row())

    def update_buttons(self, row: dict[str, Any] | None) -> None:
        """Enable the buttons that apply to ``row`` (subclasses)."""

    def run(self, make: Callable[[], QDialog], message: str) -> bool:
        try:
            dialog = make()
        except UserError as exc:
            show_user_error(self, exc)
            return False
        if dialog.exec():
            self.after_change(message)
            return True
        return False

    def refresh(self) -> None:
        self.panel.refresh()
        self.update_buttons(self.panel.current_row())

    # --- lookup -----------------------------------------------------------------------------------------

    def lookup(self) -> None:
        """A scanned or typed full number opens that order at once (on whichever page it belongs to)."""
        text = self.panel.search.text().strip()
        if "-" not in text:
            return
        try:
            found = aftersales_list.find_by_number(self.ctx.actor, text)
        except UserError:
            return
        if found is None:
            return
        kind, uuid = found
        page: Any = self
        if kind != self.kind:
            window: Any = self.window()
            page = window.open_page("returns" if kind == "return" else "repairs")
            page.panel.search.setText(text.upper())
            page.panel.refresh()
        page.show_order(uuid)

    def show_order(self, uuid: str) -> None:
        """Select the order with ``uuid`` in the list and open it (subclasses)."""

    def select_uuid(self, uuid: str) -> None:
        for row, data in enumerate(self.panel.model.rows):
            if data["uuid"] == uuid:
                self.panel.table.selectRow(row)
                return

    # --- printing and export -------------------------------------------------------------------------

    def _doc(self, make: DocMaker) -> PrintDocument | None:
        row = self.selected()
        if row is None:
            return None
        try:
            return make(row["uuid"])
        except UserError as exc:
            show_user_error(self, exc)
            return None

    def print_preview(self, make: DocMaker) -> None:
        doc = self._doc(make)
        if doc is not None:
            printing.show_print_preview(doc, self)

    def export_pdf(self, make: DocMaker, path: str | Path | None = None) -> Path | None:
        doc = self._doc(make)
        if doc is None:
            return None
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("导出PDF"), str(Path.home() / f"{doc.title}-{doc.number}.pdf"), "PDF (*.pdf)")
            if not path:
                return None
        try:
            written = printing.write_pdf(doc, path)
        except UserError as exc:
            show_user_error(self, exc)
            return None
        status(self.tr("已导出 {0}").format(written))
        return written

    def export_excel(self, exporter: Exporter, sheet: str, path: Path | None = None) -> int | None:
        """Every row matching the current filters and search, written off the UI thread (cancellable)."""
        path = path or choose_xlsx(self, f"{sheet}.xlsx")
        if path is None:
            return None
        query = ListQuery(search=self.panel.search.text().strip(), filters=dict(self.panel.filters))
        actor = self.ctx.actor
        count = run_with_progress(self, lambda ctx: exporter(actor, query, path, ctx.progress, ctx.cancelled),
                                  self.tr("正在导出{0}…").format(sheet))
        if count is not None:
            status(self.tr("已导出 {0} 行到 {1}").format(count, path))
        return count

    def edit_policy(self) -> None:
        from frontdesk.ui.dialogs.aftersales_policy import PolicyDialog

        self.run(lambda: PolicyDialog(self.ctx.actor, self), self.tr("售后政策已保存"))
