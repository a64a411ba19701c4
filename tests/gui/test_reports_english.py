"""Every report in English: on screen, on paper and in Excel no Chinese is left but the data (names, keywords)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import timedelta

import openpyxl
import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QLabel, QTableWidget

from frontdesk import clock
from frontdesk.db.models import Department, Staff
from frontdesk.demo import runner as demo
from frontdesk.domain.report import Period
from frontdesk.ui import i18n
from tests.gui.gui_helpers import window_for

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]")
REPORTS = ["daily", "weekly", "monthly", "fines", "assessments"]


@pytest.fixture
def english(qapp) -> Iterator[None]:  # noqa: ANN001
    locale, font = QLocale(), QApplication.font()
    i18n.install_translators(qapp, "en")
    yield
    i18n.remove_translators(qapp)
    QLocale.setDefault(locale)
    QApplication.setFont(font)


@pytest.fixture
def demo_window(qtbot, paths, admin, frozen_clock, english):  # noqa: ANN001, ANN201
    demo.generate(600)
    return window_for(qtbot, paths, admin)


def _data_values(report) -> list[str]:  # noqa: ANN001
    """What may stay Chinese: people's and departments' names and the hot-topic words (from the records)."""
    values = [n for (n,) in Staff.select(Staff.name).tuples()] + [n for (n,) in Department.select(Department.name).tuples()]
    values += [str(row[1]) for table in report.tables if getattr(table, "key", "") == "topics" for row in table.rows]
    return sorted({v for v in values if v}, key=len, reverse=True)


def _left_over(texts: list[str], data: list[str]) -> list[str]:
    """The texts that still hold CJK once every data value is taken out."""
    wrong = []
    for text in texts:
        rest = text
        for value in data:
            rest = rest.replace(value, "")
        if CJK.search(rest):
            wrong.append(text)
    return wrong


def _screen_texts(page) -> list[str]:  # noqa: ANN001
    texts = [label.text() for label in page.body.findChildren(QLabel)]
    for table in page.body.findChildren(QTableWidget):
        texts += [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
        texts += [table.item(r, c).text() for r in range(table.rowCount()) for c in range(table.columnCount())
                  if table.item(r, c) is not None]
    return texts


def _paper_texts(document) -> list[str]:  # noqa: ANN001
    texts = [document.title, document.subtitle, document.footer, *document.paragraphs, *document.signature_lines]
    texts += [f"{name} {value}" for name, value, *_ in document.fields]
    for table in document.tables:
        texts += [table.title, *table.headers, *[str(cell) for row in table.rows for cell in row]]
    return texts


def _excel_texts(path) -> list[str]:  # noqa: ANN001
    workbook = openpyxl.load_workbook(path)
    texts = list(workbook.sheetnames)
    for sheet in workbook.worksheets:
        texts += [str(cell) for row in sheet.iter_rows(values_only=True) for cell in row if cell is not None]
    return texts


@pytest.mark.parametrize("key", REPORTS)
def test_each_report_in_english_has_no_chinese_but_data(qtbot, demo_window, tmp_path, key):
    page = demo_window.open_page("reports")
    assert page.choose(key), f"{key} is not offered"  # every report of this build, the assessments too
    today = clock.today()
    page.set_period(Period(today - timedelta(days=62), today))
    report = page.compute_now()
    assert report is not None and report.key == key and report.tables[0].rows
    data = _data_values(report)
    assert _left_over(_screen_texts(page), data) == []
    assert _left_over(_paper_texts(page.document()), data) == []
    path = page.export_excel(tmp_path / f"{key}.xlsx")
    assert path is not None
    assert _left_over(_excel_texts(path), data) == []
    assert page.report.title.isascii() and page._file_name("pdf").isascii()


def test_a_report_in_chinese_stays_chinese(qtbot, paths, admin, frozen_clock, tmp_path):
    window = window_for(qtbot, paths, admin)
    page = window.open_page("reports")
    page.choose("daily")
    report = page.compute_now()
    assert report.title == "每日接待汇总" and report.tables[0].columns[0].header == "日期"
    workbook = openpyxl.load_workbook(page.export_excel(tmp_path / "daily.xlsx"))
    assert workbook.sheetnames[:2] == ["概要", "按日汇总"]


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_roster_and_knowledge_exported_in_either_language_import_back_unchanged(qapp, paths, admin, frozen_clock,
                                                                               tmp_path, language):  # noqa: ANN001
    from frontdesk.services.core import list_exports, roster_import
    from frontdesk.services.core.listing import ListQuery
    from frontdesk.services.reception import knowledge_import
    from frontdesk.ui.messages import localized

    demo.generate(300)
    locale = QLocale()
    i18n.install_translators(qapp, language)
    try:
        staff = list_exports.export_list("staff", admin, ListQuery()).localized(localized)
        articles = list_exports.export_list("knowledge", admin, ListQuery()).localized(localized)
        headers = [c.header for c in staff.columns]
        assert headers[:2] == (["工号", "姓名"] if language == "zh_CN" else ["Staff No.", "Name"])
        staff.write(tmp_path / "staff.xlsx")
        articles.write(tmp_path / "kb.xlsx")
    finally:
        i18n.remove_translators(qapp)
        QLocale.setDefault(locale)
    cells = [c.value for c in next(openpyxl.load_workbook(tmp_path / "staff.xlsx").active.iter_rows(max_row=1))]
    assert cells == headers  # the same columns in the same order in either language, headers translated
    roster = roster_import.preview_roster(admin, tmp_path / "staff.xlsx")
    assert roster.rows and {r.action for r in roster.rows} == {"same"} and roster.kept == []
    kb = knowledge_import.preview_articles(admin, tmp_path / "kb.xlsx")
    assert kb.same > 0 and kb.added == [] and kb.changed == []


def test_no_table_header_is_cut_in_english(qtbot, demo_window):
    """Every list column of every page (every tab) is at least as wide as its English header (“atisfactio”)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QTableView

    cut = []
    for spec in demo_window.specs:
        page = demo_window.open_page(spec.key)
        for view in page.findChildren(QTableView) if page is not None else []:
            header, model = view.horizontalHeader(), view.model()
            last = model.columnCount() - 1 if header.stretchLastSection() else -1
            for column in range(model.columnCount()):
                if header.isSectionHidden(column) or column == last or header.sectionResizeMode(column) != \
                        header.ResizeMode.Interactive:
                    continue
                text = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
                if header.sectionSize(column) < header.fontMetrics().horizontalAdvance(text) + 12:
                    cut.append(f"{spec.key}/{view.objectName()}: {text} ({header.sectionSize(column)} px)")
    assert cut == []


def test_durations_follow_the_language(english):  # noqa: ANN001
    from frontdesk.ui.dialogs.complaint_detail import fmt_span

    assert fmt_span(timedelta(minutes=52)) == "52 min"
    assert fmt_span(timedelta(days=1, hours=23, minutes=5)) == "1 d 23 h"
    assert fmt_span(-timedelta(hours=2, minutes=5)).endswith("2 h 5 min")


def test_printed_papers_in_english_have_no_chinese_but_data(qtbot, demo_window, tmp_path):
    """The complaint transfer slip and the monthly fine sheet (paper and Excel) print their labels in English."""
    from html import unescape

    from frontdesk.db.models import Complaint, Incident
    from frontdesk.services.complaints import case_list
    from frontdesk.services.discipline import fine_sheet
    from frontdesk.ui import printing
    from frontdesk.ui.messages import localized

    actor = demo_window.ctx.actor
    case = Complaint.select().where(Complaint.deleted == False).order_by(Complaint.id.desc()).get()  # noqa: E712
    slip = case_list.transfer_slip(actor, case.uuid, "Test desk")
    month = Incident.select(Incident.month).order_by(Incident.id.desc()).scalar()
    sheet = fine_sheet.print_document(actor, month, "Test desk")
    events = [str(cell) for row in slip.tables[0].rows for cell in (row[2], row[3])] if slip.tables else []
    data = sorted({*_data_values(slip), *events, case.customer_name, case.subject, case.description,
                   case.phone or ""} - {""}, key=len, reverse=True)
    for doc in (slip, sheet):
        text = unescape(re.sub(r"<[^>]+>", "\n", printing.render_html(doc)))
        assert _left_over(text.split("\n"), data) == [], doc.title
    path = tmp_path / "fines.xlsx"
    fine_sheet.export_sheet(actor, month, path, text=localized)
    offences = [str(v) for (v,) in Incident.select(Incident.description).tuples()]
    assert _left_over(_excel_texts(path), sorted({*data, *offences}, key=len, reverse=True)) == []


def _record_data(record: dict) -> set[str]:
    """The typed values of an after-sales record (and of its events): they print as they are."""
    from frontdesk.domain.repairs import ACCESSORIES

    values = {str(v) for k, v in record.items() if isinstance(v, str) and k != "accessories"}
    values |= {n for n in (record.get("accessories") or "").split("、") if n and n not in ACCESSORIES}
    for event in record.get("events", []):
        values |= {str(v) for v in event.values() if isinstance(v, str)}
    return values - {""}


def test_after_sales_papers_in_english_have_no_chinese_but_data(qtbot, demo_window):
    """The return and exchange vouchers, the repair intake receipt and the pickup slip, on A4 and on the 80 mm roll,
    print their labels, vocabulary, money and captions in English; only what was typed stays Chinese."""
    from dataclasses import replace
    from html import unescape

    from frontdesk.db.models import RepairOrder, ReturnOrder
    from frontdesk.domain.printdoc import PAPERS
    from frontdesk.services.aftersales import papers, repairs, returns
    from frontdesk.ui import printing

    actor = demo_window.ctx.actor
    staff = {n for (n,) in Staff.select(Staff.name).tuples()}
    docs = []
    for kind in ("return", "exchange"):
        order = ReturnOrder.select().where(ReturnOrder.kind == kind).order_by(ReturnOrder.id.desc()).first()
        assert order is not None, kind
        docs.append((papers.return_voucher(actor, order.uuid, "Test desk"), _record_data(returns.get_return(actor, order.uuid))))
    picked = RepairOrder.select().where(RepairOrder.picked_up_at.is_null(False)).order_by(RepairOrder.id.desc()).first()
    assert picked is not None
    record = _record_data(repairs.get_repair(actor, picked.uuid))
    docs += [(papers.repair_receipt(actor, picked.uuid, "Test desk"), record),
             (papers.pickup_slip(actor, picked.uuid, "Test desk"), record)]
    for doc, record in docs:
        data = sorted(record | staff, key=len, reverse=True)
        for paper in ("A4", "R80"):
            assert paper in PAPERS
            text = unescape(re.sub(r"<[^>]+>", "\n", printing.render_html(replace(doc, paper=paper))))
            assert _left_over(text.split("\n"), data) == [], (doc.title, paper)
            assert "元" not in text, (doc.title, paper)
            if doc is not docs[-1][0]:  # the pickup slip shows no amount
                assert "¥" in text, (doc.title, paper)  # money as the program writes it in English


def test_each_report_screenshot_shows_its_own_report(qtbot, demo_window):
    """11-report-assessments showed the fines report: every report state now shows the report it names."""
    from frontdesk.ui import screenshots

    page = demo_window.open_page("reports")
    for name, setup in screenshots.PAGE_STATES.items():
        if name.startswith("report-"):
            setup(demo_window)
            assert page.report is not None and page.report.key == name.removeprefix("report-").removesuffix("-tables")


def test_assessment_results_in_english_have_no_chinese_but_data(qtbot, demo_window, tmp_path):
    """The assessment results paper and the ranking's Excel print their headers, grades and captions in English."""
    from html import unescape

    from frontdesk.services.assessments import results
    from frontdesk.ui import printing
    from frontdesk.ui.messages import localized

    actor = demo_window.ctx.actor
    keys = results.periods(actor)
    assert keys
    names = {n for (n,) in Staff.select(Staff.name).tuples()} | {n for (n,) in Department.select(Department.name).tuples()}
    data = sorted(names, key=len, reverse=True)
    doc = results.print_document(actor, keys[0], "Test desk")
    text = unescape(re.sub(r"<[^>]+>", "\n", printing.render_html(doc)))
    assert _left_over(text.split("\n"), data) == []
    path = tmp_path / "ranking.xlsx"
    results.export_ranking(actor, keys[0], path, text=localized)
    assert _left_over(_excel_texts(path), data) == []


def test_pie_slices_show_short_labels_and_the_legend_names_them(qapp):  # noqa: ANN001
    """A slice's label beside the pie was cut at the chart's edge: slices show the share, the legend the rest."""
    from frontdesk.domain.report import Chart
    from frontdesk.ui.charts import build_chart

    chart = build_chart(Chart("Contact categories", "pie", ["Inquiry", "Lookup", "Complaint"], [("n", [4.0, 2.0, 1.0])]))
    pie = chart.series()[0]
    assert [s.label() for s in pie.slices()] == ["57.1%", "28.6%", "14.3%"]
    labels = [m.label() for m in chart.legend().markers(pie)]
    assert labels[0].startswith("Inquiry 4") and labels[2].startswith("Complaint 1") and "14.3%" in labels[2]
