"""Head office 统计报表 and 工作台: a site choice (only with two sites) narrows the report and the figures; fits 1366 px."""

from __future__ import annotations

import pytest
from gui_helpers import window_for

from frontdesk.db.models import set_current_site
from frontdesk.services.reception import contacts as reception
from tests.unit.test_counters_revision import walk_in

pytestmark = pytest.mark.usefixtures("frozen_clock")


def _second_site(actor) -> None:  # noqa: ANN001
    reception.save_contact(actor, walk_in(request="本站一"))
    reception.save_contact(actor, walk_in(request="本站二"))
    set_current_site("S02")  # records a head office imported from site S02
    try:
        reception.save_contact(actor, walk_in(request="二号站点"))
    finally:
        set_current_site("S01")


def test_one_site_no_choice(qtbot, paths, manager):
    reception.save_contact(manager, walk_in())
    window = window_for(qtbot, paths, manager)
    assert window.open_page("reports").site is None and window.open_page("dashboard").site is None


def test_reports_page_site_choice(qtbot, paths, manager, tmp_path):
    _second_site(manager)
    window = window_for(qtbot, paths, manager)
    page = window.open_page("reports")
    assert page.site is not None and page.site.isVisibleTo(page) and page.site.count() == 3
    page.choose("daily")
    assert page.compute_now().table("daily").rows[-1][1] == 3  # every site (one day: no totals row)
    page.site.set_value("S02")
    report = page.compute_now()
    assert report.table("daily").rows[-1][1] == 1 and "S02" in report.title and page.period().site == "S02"
    assert page.export_excel(tmp_path / "daily.xlsx") is not None and page.export_pdf(tmp_path / "daily.pdf")
    page.site.set_value("S01")
    assert page.compute_now().table("daily").rows[-1][1] == 2
    page.choose("sites")  # the comparison shows every site side by side: no choice there
    assert not page.site.isEnabled() and page.period().site is None
    page.choose("monthly")
    assert page.site.isEnabled() and page.period().site == "S01"


def test_dashboard_site_choice(qtbot, paths, manager):
    _second_site(manager)
    window = window_for(qtbot, paths, manager)
    board = window.open_page("dashboard")
    board.refresh()
    assert board.board.contacts == 3
    board.site.set_value("S02")  # refreshes at once
    assert board.board.contacts == 1 and "1" in board.links["contacts"].text()
    page = board.open_link("contacts")  # the list opens on the same site, its number matching the figure
    assert page.site_filter.value() == "S02" and page.panel.last_page.total == 1
    window.open_page("dashboard")
    board.site.setCurrentIndex(0)  # 全部站点
    assert board.board.contacts == 3 and board.open_link("contacts").panel.last_page.total == 3


def test_reports_and_dashboard_with_site_choice_fit_1366_in_english(qtbot, paths, admin, qapp):
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QApplication

    from frontdesk.settings import Settings
    from frontdesk.ui import i18n
    from frontdesk.ui.context import AppContext
    from frontdesk.ui.main_window import MainWindow
    from frontdesk.ui.screen_fit import TITLE_BAR, USABLE

    _second_site(admin)
    locale, font = QLocale(), QApplication.font()
    i18n.install_translators(qapp, "en")
    i18n.apply_font(qapp)
    try:
        window = MainWindow(AppContext(paths, Settings(), admin, "Test desk"))
        qtbot.addWidget(window)
        for key in ("reports", "dashboard"):
            assert window.open_page(key).site is not None, key
            assert window.minimumSizeHint().width() <= 1366, key
            assert window.minimumSizeHint().height() <= USABLE.height() - TITLE_BAR, key
    finally:
        i18n.remove_translators(qapp)
        QLocale.setDefault(locale)
        QApplication.setFont(font)
