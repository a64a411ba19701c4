"""Small seed rules in the window: meal times typed in the shift-type dialog (bad ones at their field), the
complaint summary report printed from the case detail as a PDF (its text and ink checked), the 回访表 printed."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QSize
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QPushButton

from frontdesk import clock
from frontdesk.db.models import ShiftType
from frontdesk.domain.visits import VisitInput
from frontdesk.services.personnel import shifts
from frontdesk.services.reception import visits
from frontdesk.settings import Settings
from frontdesk.ui.context import AppContext
from frontdesk.ui.dialogs.attendance_edit import ShiftTypeDialog
from frontdesk.ui.dialogs.complaint_detail import ComplaintDetailDialog
from frontdesk.ui.pages.visits_page import VisitsPage
from tests.unit.test_seed_rules import _closed_case


def test_meal_time_in_the_shift_type_dialog(qtbot, manager):
    dialog = ShiftTypeDialog(manager)
    qtbot.addWidget(dialog)
    dialog.name.setText("白班")
    dialog.meal_start.setText("12")
    dialog.accept()
    assert dialog.form.error_label("meal_start").isVisibleTo(dialog)
    assert not ShiftType.select().where(ShiftType.name == "白班").exists()
    dialog.meal_start.setText("11:30")
    dialog.meal_end.setText("12:00")
    dialog.accept()
    assert dialog.result()
    saved = {t["name"]: (t["meal_start"], t["meal_end"]) for t in shifts.list_shift_types(manager)}
    assert saved["白班"] == ("11:30", "12:00")


def _pdf_text_and_ink(path) -> tuple[str, int]:  # noqa: ANN001
    pdf = QPdfDocument()
    pdf.load(str(path))
    text = "".join(pdf.getAllText(page).text() for page in range(pdf.pageCount()))
    image = pdf.render(0, QSize(595, 842))
    image.save(str(path.with_suffix(".png")))
    inked = sum(1 for y in range(0, image.height(), 4) for x in range(0, image.width(), 4)
                if image.pixelColor(x, y).lightness() < 200)
    pdf.close()
    return text, inked


def test_summary_report_pdf_from_the_case_detail(qtbot, staff_actor, manager, frozen_clock, tmp_path):
    uuid = _closed_case(staff_actor, manager, frozen_clock)
    dialog = ComplaintDetailDialog(staff_actor, uuid)
    qtbot.addWidget(dialog)
    assert dialog.findChild(QPushButton, "printSummary") is not None
    written = dialog.summary_pdf(tmp_path / "summary.pdf")
    assert written is not None and written.exists()
    text, inked = _pdf_text_and_ink(written)
    squeezed = "".join(text.split())
    for words in ("投诉处理总结报告", "核实情况", "查监控属实", "归档总结", "收费员培训", "客服主管"):
        assert words in squeezed, words
    assert inked > 500


def test_visit_form_printed_from_the_history(qtbot, paths, staff_actor, manager, frozen_clock, monkeypatch):
    case = _closed_case(staff_actor, manager, frozen_clock)
    visits.record_visit(staff_actor, VisitInput(customer_name="王女士", phone="13800138000",
                                                visited_at=clock.now() - timedelta(minutes=5), result="客户满意",
                                                satisfaction="satisfied", complaint_uuid=case))
    shown = []
    monkeypatch.setattr("frontdesk.ui.printing.show_print_preview", lambda doc, _parent: shown.append(doc) or True)
    page = VisitsPage(AppContext(paths, Settings(), staff_actor, "测试服务台"))
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    page.history.refresh()
    page.history.table.selectRow(0)
    assert page.history.current_row() is not None, page.history.model.rowCount()
    page.print_visit_btn.click()
    assert [d.title for d in shown] == ["客户回访表"]
    assert {f.label: f.value for f in shown[0].fields}["回访结果"] == "客户满意"
