"""Holiday overrides page (节假日设置): managers add days off and make-up working days per year."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QCheckBox, QLabel, QPushButton, QSpinBox, QVBoxLayout, QWidget

from frontdesk import clock
from frontdesk.domain.roles import Permission
from frontdesk.errors import UserError
from frontdesk.services.calendar import edits as calendar_edits
from frontdesk.services.calendar import schedule_import as holiday_import
from frontdesk.services.core import holidays
from frontdesk.services.core.listing import ListQuery
from frontdesk.services.core.listing import Page as DataPage
from frontdesk.ui import file_dialogs, screenshots
from frontdesk.ui.context import AppContext
from frontdesk.ui.dialogs.complaint_detail import WARNING_STYLE
from frontdesk.ui.dialogs.holiday_edit import HolidayDialog
from frontdesk.ui.dialogs.holiday_import import HolidayImportDialog, weekday_name
from frontdesk.ui.messages import confirm, inform, localized, show_user_error, status, warn
from frontdesk.ui.models.page_model import Column
from frontdesk.ui.ops import succeeded
from frontdesk.ui.pages.base import Page
from frontdesk.ui.widgets.list_panel import ListPanel
from frontdesk.ui.widgets.overdue_label import signals


class HolidaysPage(Page):
    """Overrides win over the built-in statutory calendar; a year without built-in data needs them most."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        columns = [
            Column("date", self.tr("日期"), 110),
            Column("weekday", self.tr("星期"), 60, sortable=False),
            Column("is_workday", self.tr("当天"), 140,
                   fmt=lambda v: self.tr("上班（调休）") if v else self.tr("放假")),
            Column("note", self.tr("说明"), 300),
        ]
        self.panel = ListPanel(columns, self._fetch, 100, self.tr("按年份查看"))
        self.panel.search.hide()
        self.year = QSpinBox()
        self.year.setObjectName("year")
        self.year.setRange(2000, 2100)
        self.year.setPrefix(self.tr("年份 "))
        today = clock.today()  # this year while it lacks holidays; from October, next year (being published)
        self.year.setValue(today.year if not holidays.year_covered(today.year) or today.month < 10
                           else today.year + 1)
        self.year.valueChanged.connect(lambda y: self._year_changed(y))
        self.panel.filters["year"] = self.year.value()
        self.panel.filter_bar.addWidget(self.year)
        self.add_btn = QPushButton(self.tr("新增"))
        self.add_btn.setObjectName("addHoliday")
        self.add_btn.clicked.connect(self.add)
        self.edit_btn = QPushButton(self.tr("修改"))
        self.edit_btn.clicked.connect(self.edit)
        self.delete_btn = QPushButton(self.tr("删除"))
        self.delete_btn.clicked.connect(self.delete)
        self.import_btn = QPushButton(self.tr("导入放假安排…"))
        self.import_btn.setObjectName("importHolidays")
        self.import_btn.setToolTip(self.tr("导入 holiday-cn 格式的 JSON 或 .ics 日历：程序未内置的年份也能按法定放假安排计算"))
        self.import_btn.clicked.connect(lambda: self.import_file())
        for button in (self.add_btn, self.edit_btn, self.delete_btn, self.import_btn):
            button.setEnabled(ctx.actor.can(Permission.MANAGE_REFERENCE))
            self.panel.actions_bar.addWidget(button)
        self.complete = QCheckBox(self.tr("本年放假安排已完整（已导入或逐日录入）"))
        self.complete.setObjectName("yearComplete")
        self.complete.setToolTip(self.tr("勾选后本年不再按周一至周五计算、不再提示缺少节假日数据"))
        self.complete.setEnabled(ctx.actor.can(Permission.MANAGE_REFERENCE))
        self.complete.clicked.connect(self._mark_year)
        self.panel.filter_bar.addWidget(self.complete)
        self.panel.activated.connect(lambda _row: self.edit())
        self.coverage = QLabel()
        self.coverage.setObjectName("coverage")
        self.coverage.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.coverage)
        layout.addWidget(self.panel)

    def _fetch(self, query: ListQuery) -> DataPage:
        page = holidays.list_holidays(self.ctx.actor, query)
        for row in page.rows:
            row["weekday"] = weekday_name(row["date"].weekday())
        return page

    def _year_changed(self, year: int) -> None:
        self.panel.set_filter("year", year)
        self._show_coverage()

    def _show_coverage(self) -> None:
        year = self.year.value()
        built_in, marked = holidays.year_built_in(year), holidays.year_marked(year)
        self.complete.setVisible(not built_in)
        self.complete.setChecked(marked)
        if built_in:
            self.coverage.setStyleSheet("color: #2e7d32;")
            self.coverage.setText(self.tr("{0} 年的法定节假日和调休已内置；这里只需录入本站特有的调整。").format(year))
        elif marked:
            self.coverage.setStyleSheet("color: #2e7d32;")
            self.coverage.setText(self.tr(
                "{0} 年的放假安排已导入（或已录入完整），共 {1} 条：工作日按这些日期计算。").format(
                year, holidays.override_count(year)))
        else:
            self.coverage.setStyleSheet(WARNING_STYLE)
            self.coverage.setText(self.tr(
                "{0} 年的法定节假日数据未内置，目前按周一至周五计算工作日（已录入 {1} 条调整）。"
                "请点“导入放假安排…”导入国务院公布的安排（holiday-cn 的 JSON 或 .ics），"
                "或逐日录入放假和调休上班日期后勾选“本年放假安排已完整”。").format(year, holidays.override_count(year)))

    def _mark_year(self, on: bool) -> None:
        year = self.year.value()
        if succeeded(self, lambda: calendar_edits.mark_year(self.ctx.actor, year, on)):
            self._changed(self.tr("已保存，投诉时限已按新的日历重新计算"))
        else:
            self._show_coverage()

    def import_file(self, path: Path | None = None) -> holiday_import.HolidayPreview | None:
        """Preview a schedule file; 导入 writes every date of it (all or nothing) and marks its years covered."""
        path = path or file_dialogs.choose_holiday_file(self)
        if path is None:
            return None
        try:
            preview = holiday_import.preview_schedule(self.ctx.actor, path)
        except holiday_import.HolidayFileRefused as exc:
            self.show_refused(exc)
            return None
        except UserError as exc:
            show_user_error(self, exc)
            return None
        dialog = HolidayImportDialog(preview, lambda: holiday_import.import_schedule(self.ctx.actor, path), self)
        if not dialog.exec() or dialog.outcome is None:
            return None
        outcome: holiday_import.HolidayPreview = dialog.outcome
        if outcome.years and self.year.value() not in outcome.years:
            self.year.setValue(outcome.years[0])  # show what was imported
        self._changed(self.tr("已导入 {0}：新增 {1}，更新 {2}；投诉时限已按新的日历重新计算").format(
            outcome.file_name, outcome.count("new"), outcome.count("update")))
        return outcome

    def show_refused(self, exc: holiday_import.HolidayFileRefused) -> None:
        lines = []
        for p in exc.problems[:10]:
            shown = f"“{p.value}”" if p.value else ""
            where = self.tr("第 {0} 条 {1}").format(p.row, p.field) if p.row else p.field
            lines.append(f"{where}：{shown}{localized(p.message)}")
        more = self.tr("\n……共 {0} 处问题").format(len(exc.problems)) if len(exc.problems) > 10 else ""
        warn(self, self.tr("文件未导入，节假日设置没有任何改动。\n\n{0}{1}").format("\n".join(lines), more),
             self.tr("文件被拒绝"))

    def refresh(self) -> None:
        self._show_coverage()
        self.panel.refresh()

    def _changed(self, message: str) -> None:
        status(message)
        signals.changed.emit()
        self.refresh()

    def add(self) -> None:
        if HolidayDialog(self.ctx.actor, parent=self).exec():
            self._changed(self.tr("已保存，投诉时限已按新的日历重新计算"))

    def edit(self) -> None:
        row = self.panel.current_row()
        if row is None:
            inform(self, self.tr("请先选择一条设置"))
            return
        if HolidayDialog(self.ctx.actor, row, self).exec():
            self._changed(self.tr("已保存，投诉时限已按新的日历重新计算"))

    def delete(self) -> None:
        row = self.panel.current_row()
        if row is None:
            inform(self, self.tr("请先选择一条设置"))
            return
        if not confirm(self, self.tr("删除 {0} 的设置吗？").format(row["date"])):
            return
        if not succeeded(self, lambda: calendar_edits.delete_holiday(self.ctx.actor, row["uuid"])):
            return
        self._changed(self.tr("已删除"))


def _import_preview(win: QWidget) -> HolidayImportDialog:
    """A sample preview for ``frontdesk screenshots`` (a made-up schedule, nothing is imported)."""
    year = clock.today().year + 1
    rows = [holiday_import.HolidayRow(1, date(year, 1, 1), True, "元旦", "new"),
            holiday_import.HolidayRow(2, date(year, 2, 6), True, "春节", "update", False),
            holiday_import.HolidayRow(3, date(year, 2, 7), True, "春节", "same"),
            holiday_import.HolidayRow(4, date(year, 2, 20), False, "春节", "new")]
    return HolidayImportDialog(holiday_import.HolidayPreview(f"{year}.json", (year,), rows), lambda: None, win)


screenshots.DIALOGS["holiday"] = lambda win: HolidayDialog(win.ctx.actor, None, win)
screenshots.DIALOGS["holiday-import-preview"] = _import_preview
