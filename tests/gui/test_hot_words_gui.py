"""热点词典 in the window: a manager edits the lists from the phrase-book page; a bad word is shown at its field
and nothing is saved; staff see the lists but the service refuses their change."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton

from frontdesk.domain.segment import DEFAULT_STOP_WORDS
from frontdesk.services.reports import weekly_words
from frontdesk.settings import Settings
from frontdesk.ui.context import AppContext
from frontdesk.ui.dialogs.hot_words_edit import HotWordsDialog
from frontdesk.ui.pages.phrases_page import PhrasesPage


def test_manager_edits_the_dictionary_from_the_phrase_page(qtbot, paths, manager, monkeypatch, frozen_clock):
    page = PhrasesPage(AppContext(paths, Settings(), manager, "测试服务台"))
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    assert "道闸" in page.hot_words.text()

    def bad_then_good(dialog: HotWordsDialog) -> int:
        dialog.site_words.setPlainText("道闸 抬杆慢！")
        dialog.accept()
        assert dialog.form.error_label("site_words").isVisibleTo(dialog)
        assert "抬杆慢！" in dialog.form.error_label("site_words").text()
        assert weekly_words.get_hot_words(manager).site_words != ("道闸", "抬杆慢！")
        dialog.site_words.setPlainText("道闸，抬杆慢\n充电桩")
        dialog.stop_words.setPlainText("顾客 反映")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(HotWordsDialog, "exec", bad_then_good)
    page.tabs.setCurrentIndex(2)
    page.findChild(QPushButton, "editHotWords").click()
    words = weekly_words.get_hot_words(manager)
    assert words.site_words == ("道闸", "抬杆慢", "充电桩") and words.stop_words == ("顾客", "反映")
    assert "抬杆慢" in page.hot_words.text()


def test_defaults_button_puts_the_built_in_lists_back(qtbot, paths, manager):
    weekly_words.save_hot_words(manager, ["道闸"], ["顾客"])
    dialog = HotWordsDialog(manager)
    qtbot.addWidget(dialog)
    assert dialog.site_words.toPlainText() == "道闸"
    dialog.defaults.click()
    dialog.accept()
    assert weekly_words.get_hot_words(manager).stop_words == DEFAULT_STOP_WORDS


def test_staff_cannot_save(qtbot, paths, staff_actor, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr("frontdesk.ui.dialogs.base.show_user_error", lambda _parent, exc: shown.append(str(exc)))
    dialog = HotWordsDialog(staff_actor)
    qtbot.addWidget(dialog)
    dialog.site_words.setPlainText("道闸")
    dialog.accept()
    assert shown and not dialog.result()
