"""Tabs of the assessment page: a small table helper, the ranking, the history chart and the templates."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from frontdesk.domain.assessment import Dimension, Grade
from frontdesk.domain.assessment import label as assessment_label
from frontdesk.services.assessments import results, templates
from frontdesk.ui.context import AppContext
from frontdesk.ui.file_dialogs import choose_xlsx
from frontdesk.ui.header_fit import fit_headers
from frontdesk.ui.i18n import enum_format, enum_text
from frontdesk.ui.messages import inform, localized, status
from frontdesk.ui.models.page_model import Column, PageModel
from frontdesk.ui.ops import attempt, run_with_progress
from frontdesk.ui.widgets.inputs import ChoiceCombo

GRADE_COLORS = {Grade.EXCELLENT: "#e8f5e9", Grade.FAIL: "#ffebee"}



def table_for(columns: list[Column], parent: QWidget) -> tuple[QTableView, PageModel]:
    """A read-only, row-selecting table over a whole (short) list."""
    model = PageModel(columns, parent)
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(28)
    view.horizontalHeader().setStretchLastSection(True)
    for i, column in enumerate(columns):
        if column.width:
            view.setColumnWidth(i, column.width)
    fit_headers(view)
    return view, model


def empty_note(view: QTableView, text: str) -> QLabel:
    """A grey note centred over the rows of ``view`` (hidden until the caller shows it for an empty list)."""
    note = QLabel(text)
    note.setObjectName("emptyNote")
    note.setAlignment(Qt.AlignmentFlag.AlignCenter)
    note.setStyleSheet("color: #666;")
    note.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
    layout = QVBoxLayout(view.viewport())
    layout.addWidget(note)
    note.hide()
    return note


def selected(view: QTableView, model: PageModel) -> dict[str, Any] | None:
    index = view.currentIndex()
    return model.row_at(index.row()) if index.isValid() else None


class RankingTab(QWidget):
    """排名: a period's scored assessments by total, with each dimension; export to Excel."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.period = ChoiceCombo()
        self.period.setObjectName("period")
        self.period.currentIndexChanged.connect(self._load)
        export = QPushButton(self.tr("导出Excel"))
        export.setObjectName("export")
        export.clicked.connect(self.export)
        print_button = QPushButton(self.tr("打印"))
        print_button.setObjectName("print")
        print_button.clicked.connect(self.print_results)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("考核期间")))
        bar.addWidget(self.period)
        bar.addStretch(1)
        bar.addWidget(print_button)
        bar.addWidget(export)
        columns = [Column("rank", self.tr("名次"), 50, sortable=False),
                   Column("staff_no", self.tr("工号"), 60, sortable=False),
                   Column("staff_name", self.tr("姓名"), 80, sortable=False),
                   Column("department", self.tr("部门"), 90, sortable=False)]
        columns += [Column(f"dim_{d.value}", enum_text(d, assessment_label), 80, sortable=False, align_right=True) for d in Dimension]
        columns += [Column("total", self.tr("总分"), 70, sortable=False, align_right=True),
                    Column("grade", self.tr("等级"), 60, fmt=enum_format(assessment_label), sortable=False),
                    Column("follow_up", self.tr("结果应用"), 90, fmt=enum_format(assessment_label), sortable=False),
                    Column("status", self.tr("状态"), 60, fmt=enum_format(assessment_label), sortable=False)]
        self.view, self.model = table_for(columns, self)
        self.view.setObjectName("ranking")
        self.model.row_color = lambda row: GRADE_COLORS.get(row.get("grade"))
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)

    def refresh(self) -> None:
        keep = self.period.value()
        self.period.blockSignals(True)
        self.period.set_choices([(k, k) for k in results.periods(self.ctx.actor)])
        if keep:
            self.period.set_value(keep)
        self.period.blockSignals(False)
        self._load()

    def _load(self) -> None:
        key = self.period.value()
        self.model.set_rows(results.ranking(self.ctx.actor, key) if key else [])

    def print_results(self) -> None:
        """Preview and print the period's results for signing; they carry the audit chain's short code."""
        key = self.period.value()
        if not key:
            inform(self, self.tr("还没有已评分的考核"))
            return
        doc = attempt(self, lambda: results.print_document(self.ctx.actor, key, self.ctx.site_name))
        if doc is not None:
            from frontdesk.ui import printing

            printing.show_print_preview(doc, self)

    def export(self) -> None:
        key = self.period.value()
        if not key:
            inform(self, self.tr("还没有已评分的考核"))
            return
        path = choose_xlsx(self, self.tr("考核排名-{0}.xlsx").format(key))
        if path is None:
            return
        count = run_with_progress(self, lambda ctx: results.export_ranking(
            self.ctx.actor, key, path, ctx.progress, ctx.cancelled, text=localized), self.tr("正在导出考核排名"))
        if count is not None:
            status(self.tr("已导出 {0} 人的考核排名到 {1}").format(count, path))


class HistoryTab(QWidget):
    """个人趋势: pick a person; their totals and dimensions per period as a chart."""

    def __init__(self, ctx: AppContext, fixed_staff: tuple[str, str] | None = None) -> None:
        super().__init__()
        self.ctx = ctx
        self.fixed = fixed_staff
        self.person = ChoiceCombo()
        self.person.setObjectName("person")
        self.person.currentIndexChanged.connect(self._draw)
        self.layout_ = QVBoxLayout(self)
        if fixed_staff is None:
            bar = QHBoxLayout()
            bar.addWidget(QLabel(self.tr("员工")))
            bar.addWidget(self.person)
            bar.addStretch(1)
            self.layout_.addLayout(bar)
        self.chart: QWidget | None = None
        self.empty = QLabel(self.tr("还没有已评分的考核"))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.layout_.addWidget(self.empty, 1)

    def refresh(self) -> None:
        if self.fixed is not None:
            self.person.set_choices([self.fixed])
        else:
            keep = self.person.value()
            self.person.blockSignals(True)
            self.person.set_choices([(r["uuid"], f"{r['staff_no']} {r['name']}")
                                     for r in results.assessed_staff(self.ctx.actor)])
            if keep:
                self.person.set_value(keep)
            self.person.blockSignals(False)
        self._draw()

    def _draw(self) -> None:
        from frontdesk.ui.assessment_chart import history_chart

        uuid = self.person.value()
        history = results.history(self.ctx.actor, uuid) if uuid else []
        if self.chart is not None:
            self.layout_.removeWidget(self.chart)
            self.chart.deleteLater()
            self.chart = None
        self.empty.setVisible(not history)
        if history:
            self.chart = history_chart(history, self.tr("{0} 的考核得分").format(self.person.currentText()))
            self.layout_.addWidget(self.chart, 1)


class TemplatesTab(QWidget):
    """考核模板: the current version of each; editing saves a new version."""

    def __init__(self, ctx: AppContext, open_editor: Callable[[str | None], bool]) -> None:
        super().__init__()
        self.ctx = ctx
        self.open_editor = open_editor
        columns = [Column("name", self.tr("模板名称"), 180, sortable=False),
                   Column("version", self.tr("版本"), 50, sortable=False),
                   Column("weights", self.tr("权重（态度/知识/技能/纪律）"), 200, sortable=False),
                   Column("items", self.tr("项目数"), 60, sortable=False),
                   Column("scale_max", self.tr("每项满分"), 70, sortable=False),
                   Column("thresholds", self.tr("优秀/良好/合格"), 110, sortable=False),
                   Column("changed_by", self.tr("修改人"), 70, sortable=False),
                   Column("updated_at", self.tr("修改时间"), 130, sortable=False),
                   Column("note", self.tr("说明"), 120, sortable=False)]
        self.view, self.model = table_for(columns, self)
        self.view.setObjectName("templates")
        self.view.doubleClicked.connect(lambda _i: self.edit())
        bar = QHBoxLayout()
        bar.addStretch(1)
        for name, text, slot in (("newTemplate", self.tr("新建模板"), lambda: self._open(None)),
                                 ("editTemplate", self.tr("修改模板（存为新版本）"), self.edit)):
            button = QPushButton(text)
            button.setObjectName(name)
            button.clicked.connect(slot)
            bar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)

    def refresh(self) -> None:
        rows = []
        for t in templates.list_templates(self.ctx.actor):
            spec = t["spec"]
            rows.append(dict(t, weights=" / ".join(f"{spec.weights[d].normalize():f}%" for d in Dimension),
                             items=len(spec.items),
                             thresholds=" / ".join(f"{spec.thresholds[g].normalize():f}"
                                                   for g in (Grade.EXCELLENT, Grade.GOOD, Grade.PASS))))
        self.model.set_rows(rows)

    def edit(self) -> None:
        row = selected(self.view, self.model)
        if row is None:
            inform(self, self.tr("请先选择一个模板"))
            return
        self._open(row["uuid"])

    def _open(self, uuid: str | None) -> None:
        if attempt(self, lambda: self.open_editor(uuid)):
            status(self.tr("模板已保存"))
            self.refresh()
