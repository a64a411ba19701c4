"""统计报表: pick a report and a date range; it is computed off the UI thread, shown, printed and exported."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from frontdesk import clock
from frontdesk.domain.report import Period, Report, localize, month_period, week_period
from frontdesk.domain.roles import Permission
from frontdesk.services.reports import daily as reports_daily
from frontdesk.services.reports import monthly as reports_monthly
from frontdesk.services.reports import personnel as reports_personnel
from frontdesk.services.reports import site_comparison
from frontdesk.services.reports import weekly as reports_weekly
from frontdesk.ui import screenshots
from frontdesk.ui.context import AppContext
from frontdesk.ui.file_dialogs import choose_pdf, choose_xlsx
from frontdesk.ui.messages import localized, status
from frontdesk.ui.ops import Op, attempt, run_with_progress
from frontdesk.ui.pages.base import Page
from frontdesk.ui.site_filter import site_combo
from frontdesk.ui.widgets.date_field import DateField
from frontdesk.ui.widgets.report_view import render_report


@dataclass(frozen=True)
class ReportSpec:
    key: str
    title: str
    permission: Permission
    compute: Callable[..., Report]
    default: str  # today / last_week / last_month
    available: Callable[[], bool] = lambda: True


def report_specs() -> list[ReportSpec]:
    desk, manage = Permission.DESK_WORK, Permission.MANAGE_PERSONNEL
    return [
        ReportSpec("daily", QCoreApplication.translate("ReportsPage", "每日接待汇总"), desk, reports_daily.daily_summary, "today"),
        ReportSpec("weekly", QCoreApplication.translate("ReportsPage", "每周汇总分析"), desk, reports_weekly.weekly_analysis, "last_week"),
        ReportSpec("monthly", QCoreApplication.translate("ReportsPage", "月度服务质量分析"), desk, reports_monthly.service_quality, "last_month"),
        ReportSpec("fines", QCoreApplication.translate("ReportsPage", "违纪罚款月报"), manage, reports_personnel.fines_table, "last_month",
                   reports_personnel.fines_available),
        ReportSpec("sites", QCoreApplication.translate("ReportsPage", "站点对比"), manage, site_comparison.site_comparison, "last_month"),
        ReportSpec("assessments", QCoreApplication.translate("ReportsPage", "考核结果汇总"), manage, reports_personnel.assessment_results,
                   "last_month", reports_personnel.assessments_available),
    ]


def default_period(kind: str, today: date) -> Period:
    if kind == "last_week":
        return week_period(today - timedelta(days=7))
    if kind == "last_month":
        first = today.replace(day=1) - timedelta(days=1)
        return month_period(first.year, first.month)
    return Period(today, today)


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class ReportsPage(Page):
    """The report list on the left; the chosen report, its range and its output on the right."""

    reportReady = Signal(object)  # noqa: N815 - a report was computed and shown

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.specs = [s for s in report_specs() if ctx.actor.can(s.permission) and s.available()]
        self.report: Report | None = None
        self._op: Op[Report] | None = None
        self.chooser = QListWidget()
        self.chooser.setObjectName("reportChooser")
        self.chooser.setFixedWidth(150)
        for spec in self.specs:
            item = QListWidgetItem(spec.title)
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            self.chooser.addItem(item)
        self.chooser.currentRowChanged.connect(self._chosen)
        self.date_from, self.date_to = DateField(clock.today(), optional=False), DateField(clock.today(), optional=False)
        bar, quick = QHBoxLayout(), QHBoxLayout()
        bar.addWidget(QLabel(self.tr("统计期间")))
        bar.addWidget(self.date_from)
        bar.addWidget(QLabel("—"))
        bar.addWidget(self.date_to)
        self.site = site_combo(ctx.actor)  # head office: one site's records, or every site's (None at one site)
        if self.site is not None:
            bar.addWidget(self.site)
        self.run_btn = QPushButton(self.tr("生成报表"))
        self.run_btn.setObjectName("runReport")
        self.run_btn.setDefault(True)
        self.run_btn.clicked.connect(self.run)
        bar.addWidget(self.run_btn)
        bar.addStretch(1)
        self.progress = QProgressBar()
        self.progress.setObjectName("reportProgress")
        self.progress.setRange(0, 100)
        self.progress.setFixedWidth(220)
        self.progress.hide()
        bar.addWidget(self.progress)
        for text, kind in ((self.tr("今天"), "today"), (self.tr("本周"), "this_week"), (self.tr("上周"), "last_week"),
                           (self.tr("本月"), "this_month"), (self.tr("上月"), "last_month")):
            button = QPushButton(text)
            button.clicked.connect(lambda _=False, k=kind: self.set_quick(k))
            quick.addWidget(button)
        quick.addStretch(1)
        self.buttons: dict[str, QPushButton] = {}
        for key, text, slot in (("preview", self.tr("打印预览…"), self.print_preview),
                                ("pdf", self.tr("导出PDF…"), lambda: self.export_pdf()),
                                ("excel", self.tr("导出Excel…"), lambda: self.export_excel())):
            button = QPushButton(text)
            button.setObjectName(f"report_{key}")
            button.clicked.connect(slot)
            button.setEnabled(False)
            quick.addWidget(button)
            self.buttons[key] = button

        self.body = QWidget()
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.setContentsMargins(6, 6, 6, 6)
        scroll = QScrollArea()
        scroll.setObjectName("reportScroll")
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.body)
        self.scroll = scroll
        right = QVBoxLayout()
        right.addLayout(bar)
        right.addLayout(quick)
        right.addWidget(scroll, 1)
        layout = QHBoxLayout(self)
        layout.addWidget(self.chooser)
        layout.addLayout(right, 1)
        if self.specs:
            self.chooser.setCurrentRow(0)

    # --- choosing ---------------------------------------------------------------------------------------

    def spec(self) -> ReportSpec | None:
        row = self.chooser.currentRow()
        return self.specs[row] if 0 <= row < len(self.specs) else None

    def choose(self, key: str) -> bool:
        """Pick the report ``key``; False when this user or build has no such report."""
        for row, spec in enumerate(self.specs):
            if spec.key == key:
                self.chooser.setCurrentRow(row)
                return True
        return False

    def _chosen(self, _row: int) -> None:
        spec = self.spec()
        if spec is not None:
            self.set_period(default_period(spec.default, clock.today()))
            if self.site is not None:  # the site comparison has every site side by side
                self.site.setEnabled(spec.key != "sites")
            self._show(None)

    def set_period(self, period: Period) -> None:
        self.date_from.setDate(_qdate(period.first))
        self.date_to.setDate(_qdate(period.last))
        if period.site is not None and self.site is not None:
            self.site.set_value(period.site)

    def period(self) -> Period:
        first, last = _pydate(self.date_from.date()), _pydate(self.date_to.date())
        site = self.site.value() if self.site is not None and self.site.isEnabled() else None
        return Period(min(first, last), max(first, last), site)

    def set_quick(self, kind: str) -> None:
        today = clock.today()
        periods = {"this_week": week_period(today), "this_month": month_period(today.year, today.month)}
        self.set_period(periods.get(kind) or default_period(kind, today))

    # --- computing --------------------------------------------------------------------------------------

    def run(self) -> None:
        """Compute the chosen report on a worker thread; the progress bar follows it."""
        spec = self.spec()
        if spec is None or self._op is not None:
            return
        actor, period = self.ctx.actor, self.period()
        self.run_btn.setEnabled(False)
        self.progress.setValue(0)
        self.progress.show()
        self._op = (Op(self, lambda ctx: spec.compute(actor, period, lambda p, what: ctx.progress(p, 100, what)),
                       self._computed)
                    .on_progress(self._progressed).finally_(self._ended))
        self._op.run_in_background()

    def compute_now(self) -> Report | None:
        """Compute and show the chosen report on this thread (screenshots, tests)."""
        spec = self.spec()
        if spec is None:
            return None
        self._show(spec.compute(self.ctx.actor, self.period()))
        return self.report

    def _progressed(self, percent: int, _total: int, what: str) -> None:
        self.progress.setValue(percent)
        self.progress.setFormat(f"{localized(what)} %p%")

    def _ended(self) -> None:
        self._op = None
        self.run_btn.setEnabled(True)
        self.progress.hide()

    def _computed(self, report: Report) -> None:
        self._show(report)
        self.reportReady.emit(report)

    # --- showing ----------------------------------------------------------------------------------------

    def _show(self, report: Report | None) -> None:
        """Show ``report`` in the UI language; printing and Excel take that same, translated report."""
        report = localize(report, localized) if report is not None else None
        self.report = report
        for button in self.buttons.values():
            button.setEnabled(report is not None)
        while self.body_layout.count():
            item = self.body_layout.takeAt(0)
            widget = item.widget()
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        if report is None:
            hint = QLabel(self.tr("选择统计期间后点击“生成报表”。"))
            hint.setStyleSheet("color: #607d8b; padding: 20px;")
            self.body_layout.addWidget(hint)
            self.body_layout.addStretch(1)
            return
        render_report(self.body_layout, report)

    # --- output -----------------------------------------------------------------------------------------

    def document(self) -> Any:
        """The shown report as a PrintDocument, its charts drawn as images."""
        from frontdesk.services.reports.output import print_document
        from frontdesk.ui.charts import render_png

        assert self.report is not None
        images = [render_png(c) for c in self.report.charts if not c.empty]
        return print_document(self.report, self.ctx.site_name, images, text=localized)

    def print_preview(self) -> None:
        if self.report is not None:
            from frontdesk.ui import printing

            printing.show_print_preview(self.document(), self)

    def _file_name(self, suffix: str) -> str:
        assert self.report is not None
        p = self.report.period
        return f"{self.report.title}-{p.first:%Y%m%d}-{p.last:%Y%m%d}.{suffix}"

    def export_pdf(self, path: str | Path | None = None) -> Path | None:
        if self.report is None:
            return None
        target = path or choose_pdf(self, self._file_name("pdf"))
        if target is None:
            return None
        from frontdesk.ui import printing

        written = attempt(self, lambda: printing.write_pdf(self.document(), target))
        if written is not None:
            status(self.tr("已导出 {0}").format(written))
        return written

    def export_excel(self, path: str | Path | None = None) -> Path | None:
        if self.report is None:
            return None
        from frontdesk.services.reports.output import write_xlsx

        target = Path(path) if path else choose_xlsx(self, self._file_name("xlsx"))
        if target is None:
            return None
        report = self.report
        if run_with_progress(self, lambda _ctx: write_xlsx(report, target, localized), self.tr("正在导出报表…")) is None:
            return None
        status(self.tr("已导出 {0}").format(target))
        return target


def _screenshot_state(key: str, scroll_to_end: bool = False) -> Callable[[Any], None]:
    def setup(window: Any) -> None:
        page = window.open_page("reports")
        if page is None or not page.choose(key):  # not this build's report: no picture of another one
            return
        page.compute_now()
        QApplication.processEvents()
        bar = page.scroll.verticalScrollBar()
        bar.setValue(bar.maximum() if scroll_to_end else 0)

    return setup


screenshots.PAGE_STATES.update({
    "report-daily": _screenshot_state("daily"),
    "report-weekly": _screenshot_state("weekly"),
    "report-weekly-tables": _screenshot_state("weekly", True),
    "report-monthly": _screenshot_state("monthly"),
    "report-monthly-tables": _screenshot_state("monthly", True),
    "report-fines": _screenshot_state("fines"),
    "report-assessments": _screenshot_state("assessments"),
    "report-sites": _screenshot_state("sites"),
})
