"""Phrase book page (规范用语 / 服务忌语) for managers: edit both lists and try the forbidden-phrase check."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from frontdesk.services.core import list_exports
from frontdesk.services.core.listing import ListQuery
from frontdesk.services.reception import phrases as phrase_service
from frontdesk.services.reports import weekly_words
from frontdesk.ui import screenshots
from frontdesk.ui.context import AppContext
from frontdesk.ui.dialogs.hot_words_edit import HotWordsDialog
from frontdesk.ui.dialogs.phrase_edit import ForbiddenDialog, PhraseDialog
from frontdesk.ui.header_fit import fit_headers
from frontdesk.ui.list_export_action import export_button, export_list
from frontdesk.ui.messages import confirm, inform, status
from frontdesk.ui.models.page_model import Column, PageModel, spec_columns
from frontdesk.ui.pages.base import Page
from frontdesk.ui.widgets.inputs import ChoiceCombo
from frontdesk.ui.widgets.phrase_panel import ForbiddenWatcher


def _table(model: PageModel) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    for i, column in enumerate(model.columns):
        table.setColumnWidth(i, column.width)
    fit_headers(table)
    return table


def _bar(*widgets: QWidget) -> QHBoxLayout:
    bar = QHBoxLayout()
    for widget in widgets:
        if widget is None:
            bar.addStretch(1)
        else:
            bar.addWidget(widget)
    return bar


def _short_model(columns: list[Column], parent: QWidget) -> PageModel:
    """A short list read whole: sorted by the service, so the headers do not sort."""
    return PageModel([replace(c, sortable=False) for c in columns], parent)


class PhrasesPage(Page):
    """Two short lists (tens of rows each), read whole."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        yes_no = lambda v: self.tr("启用") if v else self.tr("停用")  # noqa: E731
        self.phrase_model = _short_model(spec_columns(
            phrase_service.PHRASES, {"situation": 190, "active": 60, "text": 600}, fmt={"active": yes_no}), self)
        self.phrase_table = _table(self.phrase_model)
        self.phrase_table.setObjectName("phraseTable")
        self.phrase_table.doubleClicked.connect(self.edit_phrase)
        self.situation = ChoiceCombo(
            [(None, self.tr("全部场景"))]
            + [(v, QCoreApplication.translate("enum", t)) for v, t in phrase_service.situations()]
        )
        self.situation.setObjectName("situationFilter")
        self.situation.currentIndexChanged.connect(self.refresh)
        self.show_inactive = QCheckBox(self.tr("显示已停用"))
        self.show_inactive.toggled.connect(self.refresh)
        add = QPushButton(self.tr("新增用语"))
        add.setObjectName("addPhrase")
        add.clicked.connect(self.add_phrase)
        edit = QPushButton(self.tr("编辑"))
        edit.clicked.connect(self.edit_phrase)
        remove = QPushButton(self.tr("删除"))
        remove.clicked.connect(self.delete_phrase)
        standard = QWidget()
        col = QVBoxLayout(standard)
        export = export_button(self)
        export.setObjectName("exportPhrases")
        export.clicked.connect(self.export_phrases)
        col.addLayout(_bar(self.situation, self.show_inactive, None, add, edit, remove, export))
        col.addWidget(self.phrase_table)

        self.forbidden_model = _short_model(spec_columns(
            phrase_service.FORBIDDEN, {"text": 260, "category": 170, "checked": 70, "note": 300},
            fmt={"category": lambda v: QCoreApplication.translate("enum", str(v)),
                 "checked": lambda v: self.tr("检查") if v else self.tr("不检查")}), self)
        self.forbidden_table = _table(self.forbidden_model)
        self.forbidden_table.setObjectName("forbiddenTable")
        self.forbidden_table.doubleClicked.connect(self.edit_forbidden)
        add_f = QPushButton(self.tr("新增忌语"))
        add_f.setObjectName("addForbidden")
        add_f.clicked.connect(self.add_forbidden)
        edit_f = QPushButton(self.tr("编辑"))
        edit_f.clicked.connect(self.edit_forbidden)
        remove_f = QPushButton(self.tr("删除"))
        remove_f.clicked.connect(self.delete_forbidden)
        export_f = export_button(self)
        export_f.setObjectName("exportForbidden")
        export_f.clicked.connect(self.export_forbidden)
        self.tester = QLineEdit()
        self.tester.setObjectName("forbiddenTester")
        self.tester.setPlaceholderText(self.tr("试一试：输入一段回复或处理情况，看是否含服务忌语"))
        self.watcher = ForbiddenWatcher(self.tester)
        forbidden = QWidget()
        col = QVBoxLayout(forbidden)
        col.addLayout(_bar(QLabel(self.tr("“五个不说”：损害自尊、埋怨、顶撞教训、庸俗骂人、激化矛盾的话不说")),
                           None, add_f, edit_f, remove_f, export_f))
        col.addWidget(self.forbidden_table, 1)
        col.addWidget(self.tester)
        col.addWidget(self.watcher.label)

        self.hot_words = QLabel()
        self.hot_words.setObjectName("hotWordsSummary")
        self.hot_words.setWordWrap(True)
        edit_words = QPushButton(self.tr("编辑热点词典…"))
        edit_words.setObjectName("editHotWords")
        edit_words.clicked.connect(self.edit_hot_words)
        words_tab = QWidget()
        col = QVBoxLayout(words_tab)
        col.addLayout(_bar(QLabel(self.tr("每周分析按词统计热点问题：站点词典里的词不拆开，停用词不计入")), None, edit_words))
        col.addWidget(self.hot_words)
        col.addStretch(1)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("phraseTabs")
        self.tabs.addTab(standard, self.tr("规范用语"))
        self.tabs.addTab(forbidden, self.tr("服务忌语"))
        self.tabs.addTab(words_tab, self.tr("热点词典"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)

    def refresh(self) -> None:
        actor = self.ctx.actor
        self.phrase_model.set_rows(
            phrase_service.list_phrases(actor, self.situation.value(), self.show_inactive.isChecked())
        )
        self.forbidden_model.set_rows(phrase_service.list_forbidden(actor))
        self.watcher.check()
        words = weekly_words.get_hot_words(actor)
        self.hot_words.setText(self.tr("站点词典（{0} 个）：{1}\n\n停用词（{2} 个）：{3}").format(
            len(words.site_words), "、".join(words.site_words), len(words.stop_words), "、".join(words.stop_words)))

    def export_phrases(self) -> int | None:
        query = ListQuery(filters={"situation": self.situation.value(),
                                   "include_inactive": self.show_inactive.isChecked()})
        return export_list(self, lambda: list_exports.export_list("phrases", self.ctx.actor, query))

    def export_forbidden(self) -> int | None:
        return export_list(self, lambda: list_exports.export_list("forbidden", self.ctx.actor, ListQuery()))

    def _row(self, table: QTableView, model: PageModel) -> dict[str, Any] | None:
        row = model.row_at(table.currentIndex().row())
        if row is None:
            inform(self, self.tr("请先在列表中选择一条"))
        return row

    def edit_hot_words(self) -> None:
        if HotWordsDialog(self.ctx.actor, self).exec():
            status(self.tr("热点词典已保存，下次生成每周分析时生效"))
            self.refresh()

    def add_phrase(self) -> None:
        if PhraseDialog(self.ctx.actor, None, self.situation.value(), self).exec():
            status(self.tr("已新增规范用语"))
            self.refresh()

    def edit_phrase(self) -> None:
        row = self._row(self.phrase_table, self.phrase_model)
        if row is not None and PhraseDialog(self.ctx.actor, row, parent=self).exec():
            self.refresh()

    def delete_phrase(self) -> None:
        row = self._row(self.phrase_table, self.phrase_model)
        if row is not None and confirm(self, self.tr("删除规范用语“{0}”？").format(row["text"])):
            phrase_service.delete_phrase(self.ctx.actor, row["uuid"])
            self.refresh()

    def add_forbidden(self) -> None:
        if ForbiddenDialog(self.ctx.actor, parent=self).exec():
            status(self.tr("已新增服务忌语"))
            self.refresh()

    def edit_forbidden(self) -> None:
        row = self._row(self.forbidden_table, self.forbidden_model)
        if row is not None and ForbiddenDialog(self.ctx.actor, row, self).exec():
            self.refresh()

    def delete_forbidden(self) -> None:
        row = self._row(self.forbidden_table, self.forbidden_model)
        if row is not None and confirm(self, self.tr("删除服务忌语“{0}”？").format(row["text"])):
            phrase_service.delete_forbidden(self.ctx.actor, row["uuid"])
            self.refresh()


screenshots.DIALOGS["hot-words"] = lambda win: HotWordsDialog(win.ctx.actor, parent=win)
