"""Everything fits a 1366×768 counter screen in Chinese and English: pages, dialogs with all errors, restored windows."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QByteArray, QLocale, QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from frontdesk.paths import data_paths
from frontdesk.settings import Settings
from frontdesk.ui import i18n, screenshots
from frontdesk.ui.context import AppContext
from frontdesk.ui.main_window import MainWindow
from frontdesk.ui.pages.registry import page_specs
from frontdesk.ui.screen_fit import TITLE_BAR, USABLE


@pytest.fixture
def restore_language(qapp) -> Iterator[None]:  # noqa: ANN001
    locale, font = QLocale(), QApplication.font()
    yield
    i18n.remove_translators(qapp)
    QLocale.setDefault(locale)
    QApplication.setFont(font)


def test_every_page_and_dialog_fits_in_both_languages(qapp, tmp_path, frozen_clock, restore_language):
    """The screenshots at 1366×768 (every dialog also with an error under every field) are checked by size."""
    data = data_paths(tmp_path / "site")
    for language in ("zh_CN", "en"):
        files = screenshots.render_all(data, Settings(), tmp_path / language, language)
        assert len([f for f in files if f.name.startswith("21-errors-")]) > 40
        pages = [f for f in files if f.name.startswith("10-page-")]
        assert len([f for f in pages if "-tab" not in f.name]) == len(page_specs()) and len(pages) > 30  # every tab too
        assert screenshots.oversized(files) == [], language
    assert screenshots.SIZE == (1366, 768)


def test_oversized_names_what_does_not_fit(qapp, tmp_path):
    wide, tall, fine = QWidget(), QWidget(), QWidget()
    wide.resize(1418, 768)
    tall.resize(620, 728)
    fine.resize(620, USABLE.height() - TITLE_BAR)
    files = []
    for name, widget in (("10-page-01-reception", wide), ("20-dialog-return", tall), ("21-errors-return", fine)):
        path = tmp_path / f"{name}.png"
        widget.grab().save(str(path))
        files.append(path)
    assert screenshots.oversized(files) == ["10-page-01-reception.png: 1418×768", "20-dialog-return.png: 620×728"]


def test_english_main_window_is_narrower_than_the_screen(qtbot, paths, admin, restore_language, qapp):
    i18n.install_translators(qapp, "en")
    i18n.apply_font(qapp)  # as app.py does: the 10 pt CJK family (widths depend on it)
    window = MainWindow(AppContext(paths, Settings(), admin, "Test desk"))
    qtbot.addWidget(window)
    for spec in window.specs:  # every page built: the stack is as wide as its widest page
        window.open_page(spec.key)
    assert window.minimumSizeHint().width() <= 1366
    assert window.minimumSizeHint().height() <= USABLE.height() - TITLE_BAR


def test_first_start_and_a_saved_geometry_stay_on_the_screen(qtbot, paths, admin):
    avail: QRect = QGuiApplication.primaryScreen().availableGeometry()
    ctx = AppContext(paths, Settings(), admin, "测试服务台")
    first = MainWindow(ctx)
    qtbot.addWidget(first)
    assert first.height() <= min(avail.height(), USABLE.height()) - TITLE_BAR
    assert avail.contains(first.geometry().topLeft())
    huge = QWidget()
    qtbot.addWidget(huge)
    huge.setGeometry(avail.right() - 100, avail.bottom() - 50, 3000, 2000)  # half off a bigger screen
    ctx.persist.window["geometry"] = bytes(huge.saveGeometry().toBase64()).decode()
    restored = MainWindow(ctx)
    qtbot.addWidget(restored)
    geometry = restored.geometry()
    assert geometry.height() <= avail.height() - TITLE_BAR
    assert geometry.width() <= max(avail.width(), restored.minimumSizeHint().width())
    assert geometry.left() >= avail.left() and geometry.top() >= avail.top()
    assert geometry.bottom() <= avail.bottom()
    assert QByteArray.fromBase64(ctx.persist.window["geometry"].encode())  # the saved value itself is untouched


def test_wrapped_verdicts_and_errors_get_their_lines(qtbot, paths, staff_actor, frozen_clock):
    """A message under a narrow field (a combo) or the policy verdict wraps at the row's width, all lines shown."""
    from frontdesk.ui.dialogs.return_edit import ReturnDialog

    dialog = ReturnDialog(staff_actor)
    qtbot.addWidget(dialog)
    dialog.show()
    long = "购买后第 38 天，期限 7 天：已超出期限；无购物凭证。" * 3
    dialog.policy.setText(long)
    dialog.form.show_errors({"kind": long, "quantity": long})
    labels = (dialog.policy, dialog.form.error_label("kind"), dialog.form.error_label("quantity"))
    qtbot.waitUntil(lambda: all(label.height() >= label.heightForWidth(label.width()) for label in labels))
    for label in labels:
        assert label.width() > dialog.kind.width()  # as wide as the row, not as the combo
        assert label.heightForWidth(label.width()) > label.fontMetrics().height() * 1.5  # two lines or more


def test_a_dialog_grows_for_its_errors_up_to_the_screen(qtbot, paths, staff_actor, frozen_clock):
    from frontdesk.ui.dialogs.first_run import FirstRunDialog
    from frontdesk.ui.dialogs.return_edit import ReturnDialog

    first = FirstRunDialog()
    qtbot.addWidget(first)
    first.show()
    height = first.height()
    first.show_errors({"site_code": "站点代码为 2–8 位大写字母或数字，以字母开头，例如 S01"})
    assert first.height() > height  # room for the message: nothing scrolls
    assert first.scroll.verticalScrollBar().maximum() == 0
    dialog = ReturnDialog(staff_actor)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.accept()  # every required field empty
    assert dialog.height() <= USABLE.height() - TITLE_BAR  # at the cap: the form scrolls instead
