"""Scan to open: a printed paper's QR payload typed by a USB scanner (as key events) into the global search
or a list's search, then Enter, opens that record; the payload is what the papers print."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt

from frontdesk import clock
from frontdesk.domain import scan_codes
from frontdesk.domain.reception import Category, Channel, ContactInput
from frontdesk.domain.repairs import RepairInput
from frontdesk.domain.returns import Inspection, ReturnInput
from frontdesk.services.aftersales import papers, repairs, returns
from frontdesk.services.complaints import case_list
from frontdesk.services.core.listing import ListQuery
from frontdesk.services.reception import contacts as reception
from frontdesk.ui.dialogs.complaint_detail import ComplaintDetailDialog
from frontdesk.ui.dialogs.repair_detail import RepairDetailDialog
from tests.gui.gui_helpers import scripted, window_for


def scan(qtbot, box, text: str) -> None:  # noqa: ANN001
    """What a keyboard-wedge scanner does: the decoded text as key presses, then Enter."""
    box.setFocus()
    qtbot.keyClicks(box, text)
    qtbot.keyClick(box, Qt.Key.Key_Return)


def test_payloads_read_back():
    assert scan_codes.payload("repair", "S01-WX-20261202-0003") == "FD:WX:S01-WX-20261202-0003"
    assert scan_codes.parse("fd:wx:s01-wx-20261202-0003") == ("repair", "S01-WX-20261202-0003")  # Caps Lock on
    assert scan_codes.parse(" S01-TS-20261202-0001 ") == ("complaint", "S01-TS-20261202-0001")
    assert scan_codes.parse("FD:TH:S01-WX-20261202-0003") is None  # kind and number disagree
    assert scan_codes.parse("停车收费") is None and scan_codes.parse("S01-XX-20261202-0001") is None


def test_scanned_papers_open_their_records(qtbot, paths, staff_actor, frozen_clock, monkeypatch):
    repair = repairs.create_repair(staff_actor, RepairInput("李女士", "13911112222", "手表", "不走字", appearance="完好"))
    ret = returns.create_return(staff_actor, ReturnInput(
        customer_name="王女士", phone="13800138000", kind="return", category="clothing", item="羊毛大衣",
        amount_paid="899.00", purchase_date=clock.today() - timedelta(days=3), receipt_no="XP1",
        reason="尺码不合适", inspection=Inspection(), refund_amount="899.00"))
    contact = reception.save_contact(staff_actor, ContactInput(
        channel=Channel.WALK_IN.value, category=Category.COMPLAINT.value, customer_name="赵先生",
        phone="13700137000", request="投诉员工态度"))
    case_uuid = case_list.list_complaints(staff_actor, ListQuery()).rows[0]["uuid"]  # the complaint opened a case
    details = scripted(monkeypatch, RepairDetailDialog, lambda d: None)
    cases = scripted(monkeypatch, ComplaintDetailDialog, lambda d: None)
    window = window_for(qtbot, paths, staff_actor)

    receipt = papers.repair_receipt(staff_actor, repair.uuid).qr_text  # what the work order's QR says
    scan(qtbot, window.global_search, receipt)
    page = window.current_page()
    assert page.objectName() == "page_repairs" and len(details) == 1
    assert page.panel.current_row()["uuid"] == repair.uuid and window.global_search.text() == ""

    voucher = papers.return_voucher(staff_actor, ret.uuid).qr_text
    scan(qtbot, page.panel.search, voucher)  # into a list's search, on another kind's page
    page = window.current_page()
    assert page.objectName() == "page_returns" and page.panel.current_row()["uuid"] == ret.uuid
    assert page.panel.model.rowCount() == 1

    reception_page = window.open_page("reception")
    slip = case_list.transfer_slip(staff_actor, case_uuid).qr_text  # the transfer slip's QR
    scan(qtbot, reception_page.panel.search, slip)
    assert window.current_page().objectName() == "page_complaints" and len(cases) == 1
    assert cases[0].case["uuid"] == case_uuid
    assert reception_page.panel.search.text() == ""  # the reception list forgot the code

    number = reception.get_contact(staff_actor, contact.uuid)["number"]
    scan(qtbot, window.global_search, scan_codes.payload("contact", number))
    assert window.current_page() is reception_page and reception_page.form.editing == contact.uuid

    scan(qtbot, window.global_search, "FD:WX:S01-WX-20200101-0999")  # names nothing here: says so, stays
    assert window.current_page() is reception_page and len(details) == 1


def test_a_scan_after_text_in_the_box_still_reads():
    assert scan_codes.parse("S01-WX-20261202-0003FD:TH:S01-TH-20261202-0001") == ("return", "S01-TH-20261202-0001")


def test_a_whole_number_opens_only_on_enter(qtbot, paths, staff_actor, frozen_clock, monkeypatch):
    repair = repairs.create_repair(staff_actor, RepairInput("李女士", "13911112222", "手表", "不走字", appearance="完好"))
    details = scripted(monkeypatch, RepairDetailDialog, lambda d: None)
    window = window_for(qtbot, paths, staff_actor)
    page = window.open_page("repairs")
    page.panel.search.setFocus()
    qtbot.keyClicks(page.panel.search, repair.number)
    qtbot.wait(400)  # typed and paused: the list searches, nothing opens
    assert details == [] and page.panel.model.rowCount() == 1
    qtbot.keyClick(page.panel.search, Qt.Key.Key_Return)
    assert len(details) == 1
    qtbot.wait(400)
    assert page.panel.current_row()["uuid"] == repair.uuid  # still selected after the dialog
