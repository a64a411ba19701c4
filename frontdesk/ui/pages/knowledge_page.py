"""Knowledge base page (业务知识库): search and filter articles, read the answer; managers add, edit, delete, import."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from frontdesk.domain.knowledge import VALIDITY_LABELS, Validity
from frontdesk.domain.roles import Permission
from frontdesk.errors import UserError
from frontdesk.excel.sync_validate import WorkbookRefused
from frontdesk.services.core.listing import ListQuery
from frontdesk.services.core.listing import Page as DataPage
from frontdesk.services.reception import knowledge, knowledge_import
from frontdesk.ui import file_dialogs, screenshots
from frontdesk.ui.context import AppContext
from frontdesk.ui.dialogs.article_edit import ArticleDialog
from frontdesk.ui.dialogs.sync_exchange import ImportPreviewDialog
from frontdesk.ui.list_export_action import add_beside_pager, export_button, export_named
from frontdesk.ui.messages import confirm, inform, show_user_error, status, warn
from frontdesk.ui.models.page_model import spec_columns
from frontdesk.ui.ops import succeeded
from frontdesk.ui.pages.base import Page
from frontdesk.ui.widgets.inputs import ChoiceCombo
from frontdesk.ui.widgets.list_panel import ListPanel

FADED = {Validity.EXPIRED.value: "#eeeeee", Validity.INACTIVE.value: "#eeeeee", Validity.UPCOMING.value: "#e3f2fd"}


class KnowledgePage(Page):
    """Every desk user reads and searches; managers (MANAGE_REFERENCE) keep the articles."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.can_edit = ctx.actor.can(Permission.MANAGE_REFERENCE)
        columns = spec_columns(knowledge.ARTICLES, {
            "category": 120, "title": 210, "keywords": 140, "valid_from": 90, "valid_to": 90, "validity": 70,
            "updated_at": 130})
        self.panel = ListPanel(columns, self._fetch, ctx.settings.page_size, self.tr("搜索标题、关键词或答复内容"))
        self.panel.model.row_color = lambda row: FADED.get(row["validity"])
        self.category_filter = ChoiceCombo([(None, self.tr("全部分类"))] + [
            (v, QCoreApplication.translate("enum", t)) for v, t in knowledge.categories()])
        self.category_filter.setObjectName("categoryFilter")
        self.category_filter.currentIndexChanged.connect(
            lambda: self.panel.set_filter("category", self.category_filter.value()))
        self.validity_filter = ChoiceCombo([(None, self.tr("全部状态"))] + [
            (v.value, QCoreApplication.translate("enum", VALIDITY_LABELS[v])) for v in Validity])
        self.validity_filter.setObjectName("validityFilter")
        self.validity_filter.currentIndexChanged.connect(
            lambda: self.panel.set_filter("validity", self.validity_filter.value()))
        self.panel.filter_bar.addWidget(self.category_filter)
        self.panel.filter_bar.addWidget(self.validity_filter)
        self.buttons: dict[str, QPushButton] = {}
        if self.can_edit:
            for key, text, slot in (("addArticle", self.tr("新增"), self.add), ("editArticle", self.tr("编辑"), self.edit),
                                    ("deleteArticle", self.tr("删除"), self.delete),
                                    ("importArticles", self.tr("导入…"), self.import_sheet)):
                button = QPushButton(text)
                button.setObjectName(key)
                button.clicked.connect(lambda _checked=False, s=slot: s())
                self.panel.actions_bar.addWidget(button)
                self.buttons[key] = button
        self.export_btn = export_button(self)
        self.export_btn.clicked.connect(lambda: export_named(self, self.panel, "knowledge"))
        add_beside_pager(self.panel, self.export_btn)  # the toolbar row is full at 1366 px in English
        self.panel.activated.connect(lambda _row: self.edit() if self.can_edit else None)
        self.panel.currentChanged.connect(self.show_article)

        self.detail_title = QLabel()
        self.detail_title.setObjectName("articleTitle")
        self.detail_title.setWordWrap(True)
        self.detail_title.setStyleSheet("font-weight: bold;")
        self.detail_meta = QLabel()
        self.detail_meta.setObjectName("articleMeta")
        self.detail_meta.setWordWrap(True)
        self.detail_meta.setStyleSheet("color: #666;")
        self.answer = QPlainTextEdit()
        self.answer.setObjectName("articleAnswer")
        self.answer.setReadOnly(True)
        self.copy_btn = QPushButton(self.tr("复制答复"))
        self.copy_btn.setObjectName("copyAnswer")
        self.copy_btn.clicked.connect(self.copy_answer)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(4, 0, 0, 0)
        for widget in (self.detail_title, self.detail_meta):
            side_layout.addWidget(widget)
        side_layout.addWidget(self.answer, 1)
        side_layout.addWidget(self.copy_btn)
        side.setMinimumWidth(240)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.panel)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.show_article(None)

    def _fetch(self, query: ListQuery) -> DataPage:
        return knowledge.list_articles(self.ctx.actor, query)

    def refresh(self) -> None:
        self.panel.refresh()
        self.show_article(self.panel.current_row())

    def show_article(self, row: dict[str, Any] | None) -> None:
        """The selected article's answer beside the list."""
        for key in ("editArticle", "deleteArticle"):
            if key in self.buttons:
                self.buttons[key].setEnabled(row is not None)
        self.copy_btn.setEnabled(row is not None)
        if row is None:
            self.detail_title.setText(self.tr("选择一条知识查看答复"))
            self.detail_meta.clear()
            self.answer.clear()
            return
        period = ""
        if row["valid_from"] or row["valid_to"]:
            period = f"{row['valid_from'] or '…'} — {row['valid_to'] or '…'}"
        state = QCoreApplication.translate("enum", VALIDITY_LABELS.get(row["validity"], row["validity"]))
        category = QCoreApplication.translate("enum", dict(knowledge.categories()).get(row["category"], ""))
        self.detail_title.setText(row["title"])
        self.detail_meta.setText("  ·  ".join(p for p in (category, state, period, row["keywords"]) if p))
        self.answer.setPlainText(row["answer"])

    def copy_answer(self) -> None:
        text = self.answer.toPlainText()
        if text:
            QGuiApplication.clipboard().setText(text)
            status(self.tr("答复已复制"))

    def _selected(self) -> dict[str, Any] | None:
        row = self.panel.current_row()
        if row is None:
            inform(self, self.tr("请先在列表中选择一条知识"))
        return row

    def add(self) -> None:
        if ArticleDialog(self.ctx.actor, category=self.category_filter.value(), parent=self).exec():
            status(self.tr("已新增知识条目"))
            self.refresh()

    def edit(self) -> None:
        row = self._selected()
        if row is not None and ArticleDialog(self.ctx.actor, row["uuid"], parent=self).exec():
            status(self.tr("已保存"))
            self.refresh()

    def delete(self) -> None:
        row = self._selected()
        if row is None or not confirm(self, self.tr("删除知识条目“{0}”吗？").format(row["title"])):
            return
        if succeeded(self, lambda: knowledge.delete_article(self.ctx.actor, row["uuid"])):
            status(self.tr("已删除"))
            self.refresh()

    def import_sheet(self, path: Path | None = None) -> knowledge_import.KnowledgeImport | None:
        """导入…: preview the sheet's additions and changes, then save all of them or nothing."""
        if path is None:
            chosen = file_dialogs.ask_open(self, self.tr("选择要导入的知识库表格"), "knowledge", "Excel (*.xlsx)")
            path = chosen[0] if chosen else None
        if path is None:
            return None
        try:
            preview = knowledge_import.preview_articles(self.ctx.actor, path)
        except WorkbookRefused as exc:
            lines = "\n".join(str(p) for p in exc.problems[:10])
            more = self.tr("\n……共 {0} 处问题").format(len(exc.problems)) if len(exc.problems) > 10 else ""
            warn(self, self.tr("文件未导入，数据库没有任何改动。\n\n{0}{1}").format(lines, more), self.tr("文件被拒绝"))
            return None
        except UserError as exc:
            show_user_error(self, exc)
            return None
        summary = [self.tr("工作表“{0}”：新增 {1}，更新 {2}，不变 {3}").format(
            preview.sheet, len(preview.added), len(preview.changed), preview.same)]
        summary += [self.tr("新增：{0}").format(t) for t in preview.added[:20]]
        summary += [self.tr("更新：{0}").format(t) for t in preview.changed[:20]]
        dialog = ImportPreviewDialog(self.tr("导入业务知识库 — 预览"), summary,
                                     lambda: knowledge_import.import_articles(self.ctx.actor, path), parent=self)
        if not dialog.exec():
            return None
        status(summary[0])
        self.refresh()
        return dialog.outcome


def _with_samples(win: QWidget) -> None:
    """A screenshot folder made before the demo data had articles: add the sample ones (titles there are kept)."""
    knowledge.add_sample_articles(win.ctx.actor)


def _page_state(win: QWidget) -> None:
    _with_samples(win)
    page = win.open_page("knowledge")
    page.refresh()
    page.panel.table.selectRow(0)


def _reception_state(win: QWidget) -> None:
    _with_samples(win)
    page = win.open_page("reception")
    page.form.request.setText("客户问地下停车场怎么收费")  # demo data: Chinese in both languages
    page.kb_panel.lookup()


def _dialog(win: QWidget) -> ArticleDialog:
    _with_samples(win)
    first = knowledge.list_articles(win.ctx.actor, ListQuery(page_size=1)).rows
    return ArticleDialog(win.ctx.actor, first[0]["uuid"] if first else None, parent=win)


screenshots.PAGE_STATES.update({"knowledge": _page_state, "reception-knowledge": _reception_state})
screenshots.DIALOGS["knowledge-article"] = _dialog
