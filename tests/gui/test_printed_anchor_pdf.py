"""The printed fine sheet and assessment results carry the audit chain's short code on the page itself."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import pytest
from PySide6.QtCore import QSize
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QPushButton

from frontdesk.domain import audit_chain
from frontdesk.domain.assessment_seed import DEFAULT_UUID
from frontdesk.services.assessments import results
from frontdesk.services.assessments import runs as assessments
from frontdesk.services.assessments.runs import RunInput
from frontdesk.services.core import audit
from frontdesk.services.discipline import fine_sheet
from frontdesk.services.discipline import incidents as discipline
from frontdesk.services.discipline.incidents import IncidentInput
from frontdesk.settings import Settings
from frontdesk.ui import printing
from frontdesk.ui.context import AppContext
from frontdesk.ui.pages.fine_sheet_tab import FineSheetTab

pytestmark = pytest.mark.usefixtures("frozen_clock")


def _pdf(path) -> tuple[str, int]:  # noqa: ANN001
    """The PDF's text and how many of its first page's pixels are not white (it was drawn)."""
    pdf = QPdfDocument()
    pdf.load(str(path))
    text = "".join(pdf.getAllText(page).text() for page in range(pdf.pageCount()))
    image = pdf.render(0, QSize(595, 842))
    inked = sum(1 for y in range(0, image.height(), 4) for x in range(0, image.width(), 4)
                if image.pixelColor(x, y).lightness() < 200)
    pdf.close()
    return text, inked


def _month(manager, staff_actor) -> str:  # noqa: ANN001
    [uuid] = discipline.record_incident(manager, IncidentInput(
        staff_uuids=[staff_actor.uuid], rule_code="R06", occurred_at=datetime(2026, 10, 12, 10, 30),
        amount=Decimal("30"), description="测试"))
    discipline.confirm(manager, uuid)
    fine_sheet.sign_off(manager, "2026-10")
    return "2026-10"


def test_the_fine_sheet_pdf_shows_the_code(qapp, manager, staff_actor, tmp_path):
    month = _month(manager, staff_actor)
    path = printing.write_pdf(fine_sheet.print_document(manager, month, "测试服务台"), tmp_path / "sheet.pdf")
    text, inked = _pdf(path)
    code = audit_chain.short_code(audit.chain_head())
    flat = "".join(text.split())
    assert code in flat and "审计链校验码" in flat and "打印于2026-11-1810:00" in flat and inked > 200


def test_assessment_results_pdf_shows_the_code(qapp, manager, staff_actor, tmp_path):
    run = assessments.create_run(manager, RunInput("quarter", 2026, 1, [staff_actor.uuid], DEFAULT_UUID))
    [row] = assessments.team(manager, run)
    form = assessments.get_assessment(manager, row["uuid"])
    assessments.score(manager, row["uuid"], {i.key: Decimal(4) for i in form["spec"].items if not i.auto})
    path = printing.write_pdf(results.print_document(manager, "2026-Q1", "测试服务台"), tmp_path / "results.pdf")
    text, _inked = _pdf(path)
    assert audit_chain.short_code(audit.chain_head()) in "".join(text.split())


def test_the_fine_sheet_tab_prints_through_the_preview(qtbot, paths, manager, staff_actor, monkeypatch):
    month = _month(manager, staff_actor)
    shown = []
    monkeypatch.setattr(printing, "show_print_preview", lambda doc, parent=None: shown.append(doc) or True)
    tab = FineSheetTab(AppContext(paths, Settings(), manager, "测试服务台"))
    qtbot.addWidget(tab)
    tab.month.set_value(month)
    tab.findChild(QPushButton, "print").click()
    assert shown and shown[0].subtitle == month and audit_chain.short_code(audit.chain_head()) in shown[0].footer
