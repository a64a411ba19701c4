"""Knowledge base in the window: a manager adds and edits articles on the page, staff only read; the reception
form suggests articles for the request being typed and one key puts the answer into the handling text."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from frontdesk.db.models import KbArticle
from frontdesk.domain.knowledge import ArticleInput
from frontdesk.services.reception import knowledge
from frontdesk.settings import Settings
from frontdesk.ui.context import AppContext
from frontdesk.ui.dialogs.article_edit import ArticleDialog
from frontdesk.ui.main_window import MainWindow
from frontdesk.ui.pages.knowledge_page import KnowledgePage

PARKING = "地下停车场首小时免费，之后每小时 5 元。"


def _page(qtbot, paths, actor) -> KnowledgePage:  # noqa: ANN001
    page = KnowledgePage(AppContext(paths, Settings(), actor, "测试服务台"))
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    return page


def test_manager_adds_and_edits_an_article_on_the_page(qtbot, paths, manager, monkeypatch, frozen_clock):
    page = _page(qtbot, paths, manager)
    seen: list[ArticleDialog] = []

    def first_empty_then_filled(dialog: ArticleDialog) -> int:
        seen.append(dialog)
        dialog.accept()  # nothing typed: each required field says so, nothing saved, the dialog stays open
        assert dialog.form.error_label("title").isVisibleTo(dialog)
        assert dialog.form.error_label("answer").isVisibleTo(dialog)
        assert KbArticle.select().count() == 0
        dialog.category.set_value("parking")
        dialog.title.setText("停车收费标准")
        dialog.keywords.setText("停车费，车位")
        dialog.answer.setPlainText(PARKING)
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(ArticleDialog, "exec", first_empty_then_filled)
    page.buttons["addArticle"].click()
    assert page.panel.model.rowCount() == 1
    row = page.panel.model.rows[0]
    assert (row["title"], row["keywords"], row["validity"]) == ("停车收费标准", "停车费 车位", "valid")

    def change_answer(dialog: ArticleDialog) -> int:
        assert dialog.title.text() == "停车收费标准"
        dialog.answer.setPlainText("自 12 月起每小时 6 元。")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(ArticleDialog, "exec", change_answer)
    page.panel.table.selectRow(0)
    page.buttons["editArticle"].click()
    assert page.panel.model.rows[0]["answer"] == "自 12 月起每小时 6 元。"
    page.panel.table.selectRow(0)
    assert page.answer.toPlainText() == "自 12 月起每小时 6 元。"  # the answer beside the list
    page.panel.search.setText("6 元")
    page.panel._search_now()
    assert page.panel.model.rowCount() == 1
    page.panel.table.selectRow(0)
    page.buttons["deleteArticle"].click()  # the question is answered Yes
    assert page.panel.model.rowCount() == 0 and KbArticle.get().deleted


def test_staff_read_but_cannot_edit(qtbot, paths, manager, staff_actor, monkeypatch, message_boxes, frozen_clock):
    knowledge.save_article(manager, ArticleInput("parking", "停车收费标准", PARKING))
    page = _page(qtbot, paths, staff_actor)
    assert page.buttons == {}  # no add, edit, delete or import for staff
    assert page.findChild(type(page.export_btn), "addArticle") is None
    opened: list[ArticleDialog] = []
    monkeypatch.setattr(ArticleDialog, "exec", lambda dialog: opened.append(dialog) or 0)
    page.panel.table.selectRow(0)
    page.panel.activated.emit(page.panel.current_row())  # a double-click only shows the answer
    assert opened == [] and page.answer.toPlainText() == PARKING
    page.copy_btn.click()
    assert QGuiApplication.clipboard().text() == PARKING
    dialog = ArticleDialog(staff_actor, KbArticle.get().uuid)  # even a form opened some other way saves nothing
    qtbot.addWidget(dialog)
    dialog.answer.setPlainText("改掉")
    dialog.accept()
    assert message_boxes and "权限" in message_boxes[-1][1]
    assert KbArticle.get().answer == PARKING


def test_reception_form_suggests_and_one_key_fills_the_handling_text(qtbot, paths, manager, staff_actor,
                                                                        frozen_clock):
    knowledge.add_sample_articles(manager)
    window = MainWindow(AppContext(paths, Settings(), staff_actor, "测试服务台"))
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)
    page = window.open_page("reception")
    panel = page.kb_panel
    page.form.request.setFocus()
    page.form.request.insert("客户问地下停车场怎么收费")  # as the input method commits it
    assert panel.list.count() == 0  # looked up once typing pauses, not on every keystroke
    qtbot.waitUntil(lambda: panel.list.count() > 0, timeout=3000)
    assert panel.list.currentItem().text() == "停车收费标准"
    assert panel.preview.text().startswith("地下停车场首小时免费")
    qtbot.keyClick(page.form.request, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert panel.list.currentRow() == 1
    qtbot.keyClick(page.form.request, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(page.form.request, Qt.Key.Key_Return, Qt.KeyboardModifier.AltModifier)
    answer = knowledge.suggest(staff_actor, "停车收费")[0]["answer"]
    assert page.form.handling.text() == answer
    assert QApplication.focusWidget() is page.form.handling and QGuiApplication.clipboard().text() == answer
    panel.use_btn.click()  # the same answer twice is not appended again
    assert page.form.handling.text() == answer
    page.form.request.setText("会员卡丢了怎么办")
    panel.lookup()
    panel.use_btn.click()
    assert page.form.handling.text().startswith(answer + "；请携带身份证到客服中心挂失补办")
    page.form.request.setText("潜水艇")
    panel.lookup()
    assert panel.list.count() == 0 and not panel.use_btn.isEnabled() and panel.hint.text() == "没有相关知识"
