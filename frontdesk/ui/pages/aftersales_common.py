"""What the returns and repairs pages share: print menus, PDF and Excel export, scan-a-number lookup, settings."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from frontdesk.domain.roles import Permission
from frontdesk.services.core.listing import ListQuery
from frontdesk.ui import screenshots
from frontdesk.ui.file_dialogs import choose_xlsx
from frontdesk.ui.messages import status
from frontdesk.ui.ops import run_with_progress
from frontdesk.ui.pages.list_page import DocMaker, ListPage
from frontdesk.ui.widgets.list_panel import ListPanel

Exporter = Callable[..., int]


class AftersalesPage(ListPage):
    """Base of the two pages; subclasses build ``self.panel`` and call the helpers (ListPage's and these)."""

    kind = ""  # "return" or "repair": the number lookup opens the other page for the other kind
    panel: ListPanel

    def add_common_buttons(self, exporter: Exporter, sheet: str) -> None:
        self.add_button("excel", self.tr("导出Excel"), lambda: self.export_excel(exporter, sheet))
        if self.ctx.actor.can(Permission.APPROVE_AFTERSALES):
            self.add_button("policy", self.tr("售后政策"), self.edit_policy)
            self.add_button("print_settings", self.tr("打印设置"), self.edit_print_settings)

    # --- lookup -----------------------------------------------------------------------------------------

    def lookup(self) -> None:
        """A scanned or typed full number opens that order at once (on whichever page it belongs to): the
        list's search box does it on Enter (ListPanel → MainWindow.open_scanned, frontdesk/ui/scan.py)."""
        opener = getattr(self.window(), "open_scanned", None)
        if opener is not None:
            opener(self.panel.search.text())

    def show_order(self, uuid: str) -> None:
        """Select the order with ``uuid`` in the list and open it (subclasses)."""

    def select_uuid(self, uuid: str) -> None:
        for row, data in enumerate(self.panel.model.rows):
            if data["uuid"] == uuid:
                self.panel.table.selectRow(row)
                return

    # --- printing and export -------------------------------------------------------------------------

    def export_pdf(self, make: DocMaker, path: str | Path | None = None) -> Path | None:
        return self.save_pdf(make, path)

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

    def edit_print_settings(self) -> None:
        from frontdesk.ui.dialogs.print_settings import PrintSettingsDialog

        self.run(lambda: PrintSettingsDialog(self.ctx.actor, self), self.tr("打印设置已保存"))


def _print_settings(win: Any) -> Any:
    from frontdesk.ui.dialogs.print_settings import PrintSettingsDialog

    return PrintSettingsDialog(win.ctx.actor, win)


screenshots.DIALOGS["print-settings"] = _print_settings
