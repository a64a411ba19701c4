"""Two counters edit one contact: the second save is told, keeps its text, and can reload the other's version."""

from __future__ import annotations

from frontdesk.services.reception import contacts as reception
from frontdesk.ui import messages
from tests.gui.test_reception_gui import open_reception
from tests.unit.test_counters_revision import walk_in


def test_second_save_told_keeps_text_then_reloads(qtbot, paths, staff_actor, make_actor, monkeypatch):
    uuid = reception.save_contact(staff_actor, walk_in()).uuid
    _window, page = open_reception(qtbot, paths, staff_actor)
    page.form.load(reception.get_contact(staff_actor, uuid))      # this counter opens the contact
    other = make_actor(name="客服小张")
    loaded = reception.get_contact(other, uuid)                  # so does the next counter, and saves first
    reception.save_contact(other, walk_in(handling="小张已回电"), uuid, loaded["revision"])

    asked: list[str] = []
    answer = {"reload": False}
    monkeypatch.setattr(messages, "ask_reload", lambda parent, text: asked.append(text) or answer["reload"])
    page.form.handling.setText("我这边的处理记录")
    assert page.form.save(False) is None
    assert asked and "已被其他人修改" in asked[0]
    assert page.form.handling.text() == "我这边的处理记录" and page.form.editing == uuid  # the form keeps its text
    assert reception.get_contact(staff_actor, uuid)["handling"] == "小张已回电"        # nothing overwritten

    answer["reload"] = True
    assert page.form.save(False) is None
    assert page.form.handling.text() == "小张已回电"  # reloaded: the other counter's version, its new revision
    page.form.handling.setText("小张已回电；我补充：客户满意")
    assert page.form.save(False) is not None
    assert reception.get_contact(staff_actor, uuid)["handling"] == "小张已回电；我补充：客户满意"


def test_lists_show_other_counters_records_on_next_load(qtbot, paths, staff_actor, make_actor):
    window, page = open_reception(qtbot, paths, staff_actor)
    before = page.panel.last_page.total
    reception.save_contact(make_actor(name="客服小张"), walk_in(request="另一台柜台登记"))  # another counter
    window.open_page("complaints")
    window.open_page("reception")
    assert page.panel.last_page.total == before + 1
    assert any(row["request"] == "另一台柜台登记" for row in page.panel.model.rows)


def test_reception_poll_refreshes_only_on_change_and_not_while_typing(qtbot, paths, staff_actor, make_actor):
    from PySide6.QtCore import Qt

    _window, page = open_reception(qtbot, paths, staff_actor)
    poll = page.poll
    assert poll.timer.isActive() and poll.timer.interval() == 30_000
    poll.tick()
    assert poll.refreshes == 0  # nothing new: the probe's answer is the same, the list is not re-read
    other = make_actor(name="客服小张")
    poll.timer.setInterval(50)  # a short interval for the test
    reception.save_contact(other, walk_in(request="第一条"))
    qtbot.waitUntil(lambda: page.panel.last_page.total == 1, timeout=3000)
    assert poll.refreshes == 1

    qtbot.keyClick(page.form.request, Qt.Key.Key_A)  # the clerk types: the poll waits
    reception.save_contact(other, walk_in(request="第二条"))
    qtbot.wait(300)
    assert page.panel.last_page.total == 1 and poll.refreshes == 1
    poll.typing_grace_s = 0.0  # the clerk stopped typing
    qtbot.waitUntil(lambda: page.panel.last_page.total == 2, timeout=3000)
    assert page.form.request.text() == "a"  # the form is untouched by the refresh


def test_site_filter_only_with_two_sites_and_filters_each_list(qtbot, paths, manager):
    from frontdesk.db.models import set_current_site

    reception.save_contact(manager, walk_in(request="本站"))
    _window, page = open_reception(qtbot, paths, manager)
    assert page.site_filter is None  # one site: no 站点 choice
    set_current_site("S02")  # records a head office imported from site S02
    try:
        reception.save_contact(manager, walk_in(request="二号站点"))
    finally:
        set_current_site("S01")
    window, page = open_reception(qtbot, paths, manager)
    combo = page.site_filter
    assert combo is not None and combo.isVisibleTo(page) and combo.count() == 3  # 全部站点, S01, S02
    assert page.panel.last_page.total == 2
    combo.set_value("S02")
    assert page.panel.last_page.total == 1 and page.panel.model.rows[0]["request"] == "二号站点"
    for key in ("complaints", "discipline", "repairs", "returns", "transfers"):
        other = window.open_page(key)
        assert other.site_filter is not None, key


def test_site_comparison_tab_computes_and_exports(qtbot, paths, manager, tmp_path):
    import openpyxl
    from gui_helpers import window_for

    reception.save_contact(manager, walk_in())
    window = window_for(qtbot, paths, manager)
    page = window.open_page("reports")
    assert "sites" in [s.key for s in page.specs]
    page.choose("sites")
    report = page.compute_now()
    assert report is not None and report.key == "sites" and report.table("sites").rows[0][0] == "S01"
    path = page.export_excel(tmp_path / "sites.xlsx")
    assert path is not None and openpyxl.load_workbook(path).sheetnames


def test_head_office_pages_with_site_filter_fit_1366_in_english(qtbot, paths, admin, qapp):
    """With the 站点 choice shown (records of two sites), every list page still fits the counter screen."""
    from frontdesk.db.models import set_current_site
    from frontdesk.settings import Settings
    from frontdesk.ui import i18n
    from frontdesk.ui.context import AppContext
    from frontdesk.ui.main_window import MainWindow
    from frontdesk.ui.screen_fit import TITLE_BAR, USABLE

    set_current_site("S02")
    try:
        reception.save_contact(admin, walk_in(request="二号站点"))
    finally:
        set_current_site("S01")
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QApplication

    locale, font = QLocale(), QApplication.font()
    i18n.install_translators(qapp, "en")
    i18n.apply_font(qapp)
    try:
        window = MainWindow(AppContext(paths, Settings(), admin, "Test desk"))
        qtbot.addWidget(window)
        for key in ("reception", "complaints", "discipline", "repairs", "returns", "transfers", "attendance",
                    "selfcheck"):
            assert window.open_page(key).site_filter is not None, key
        assert window.minimumSizeHint().width() <= 1366
        assert window.minimumSizeHint().height() <= USABLE.height() - TITLE_BAR
    finally:
        i18n.remove_translators(qapp)
        QLocale.setDefault(locale)
        QApplication.setFont(font)
