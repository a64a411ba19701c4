"""Scan to open: a printed paper's QR code typed by a USB scanner into a search box, then Enter, opens the
record it names on its own page (repair and complaint details in their dialog, a contact in the form)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QWidget

from frontdesk.domain import scan_codes
from frontdesk.services.core import scanned as scan_service
from frontdesk.services.reception import contacts as reception
from frontdesk.ui.dialogs.complaint_detail import ComplaintDetailDialog
from frontdesk.ui.messages import status
from frontdesk.ui.ops import attempt

PAGES = {"return": "returns", "repair": "repairs", "complaint": "complaints", "contact": "reception"}


def _tr(text: str) -> str:
    return QCoreApplication.translate("scan", text)


def is_code(text: str) -> bool:
    """Whether ``text`` reads as a printed paper's QR payload (not as words to search for)."""
    return scan_codes.parse(text) is not None


def open_scanned(window: Any, text: str) -> bool:
    """Open the record ``text`` names in ``window`` (the main window); False (and a status message) when it
    is no code, names nothing here, or its page is not this account's."""
    if not is_code(text):
        return False
    found = attempt(window, lambda: scan_service.find_scanned(window.ctx.actor, text))
    if found is None:
        status(_tr("没有找到编号为 {0} 的记录").format(scan_codes.parse(text).number))
        return False
    page = window.open_page(PAGES[found.kind])
    if page is None:
        status(_tr("当前账户不能打开 {0}").format(found.number))
        return False
    status(_tr("已打开 {0}").format(found.number))
    if found.kind == "contact":
        row = attempt(window, lambda: reception.get_contact(window.ctx.actor, found.uuid))
        if row is not None:
            page.form.load(row)
        return True
    panel = page.panel
    panel.search.blockSignals(True)  # no search-as-you-type refresh later, undoing the selection
    panel.search.setText(found.number)  # the list shows that record alone, selected
    panel.search.blockSignals(False)
    panel.page_no = 0
    panel.refresh()
    _select(panel, found.uuid)
    if found.kind == "repair":
        page.show_order(found.uuid)  # selects it and opens its detail dialog
    elif found.kind == "complaint":
        dialog = attempt(window, lambda: ComplaintDetailDialog(window.ctx.actor, found.uuid, page))
        if dialog is not None:
            dialog.exec()
    else:
        page.show_order(found.uuid)  # a return: its row, with every detail and its actions, selected
        panel.table.setFocus(Qt.FocusReason.OtherFocusReason)
    return True


def _select(panel: QWidget, uuid: str) -> None:
    for row, data in enumerate(panel.model.rows):  # type: ignore[attr-defined]
        if data["uuid"] == uuid:
            panel.table.selectRow(row)  # type: ignore[attr-defined]
            return
