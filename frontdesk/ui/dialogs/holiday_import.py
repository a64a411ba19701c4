"""Preview of a holiday schedule import: every date with what importing it does; 导入 writes all or none."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QPlainTextEdit, QTableWidget, QTableWidgetItem, QWidget

from frontdesk.services.calendar.schedule_import import HolidayPreview, HolidayRow
from frontdesk.ui.dialogs.base import Buttons, FormDialog


def weekday_name(i: int) -> str:
    """周一…周日 (Monday = 0) in the UI language."""
    names = (QCoreApplication.translate("HolidayImportDialog", "周一"),
             QCoreApplication.translate("HolidayImportDialog", "周二"),
             QCoreApplication.translate("HolidayImportDialog", "周三"),
             QCoreApplication.translate("HolidayImportDialog", "周四"),
             QCoreApplication.translate("HolidayImportDialog", "周五"),
             QCoreApplication.translate("HolidayImportDialog", "周六"),
             QCoreApplication.translate("HolidayImportDialog", "周日"))
    return names[i]


class HolidayImportDialog(FormDialog):
    """Summary above, one line per date below; ``outcome`` is what ``apply()`` returned."""

    def __init__(self, preview: HolidayPreview, apply: Callable[[], Any], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("导入放假安排 — 预览"), parent, 640, ok=Buttons.Ok)
        self.ok_button.setText(self.tr("导入"))
        self.apply = apply
        self.outcome: Any = None
        years = "、".join(str(y) for y in preview.years)
        summary = [self.tr("文件“{0}”：{1} 年的放假安排，共 {2} 天").format(preview.file_name, years, len(preview.rows)),
                   self.tr("新增 {0}，更新 {1}，不变 {2}；文件中没有的本站调整保持不变。").format(
                       preview.count("new"), preview.count("update"), preview.count("same")),
                   self.tr("导入后 {0} 年按此安排计算工作日，未结投诉的时限随之重新计算。").format(years)]
        text = QPlainTextEdit("\n".join(summary))
        text.setObjectName("summary")
        text.setReadOnly(True)
        text.setMaximumHeight(90)
        self.add_above(text)
        self.add_below(self._table(preview.rows))

    def _kind(self, off: bool | None) -> str:
        return "" if off is None else self.tr("放假") if off else self.tr("上班（调休）")

    def _table(self, rows: list[HolidayRow]) -> QTableWidget:
        actions = {"new": self.tr("新增"), "update": self.tr("更新"), "same": self.tr("不变")}
        headers = [self.tr("条"), self.tr("日期"), self.tr("星期"), self.tr("当天"), self.tr("名称"), self.tr("操作")]
        grid = QTableWidget(len(rows), len(headers))
        grid.setObjectName("preview")
        grid.setHorizontalHeaderLabels(headers)
        for i, r in enumerate(rows):
            action = actions[r.action]
            if r.action == "update":
                action += self.tr("（原为{0}）").format(self._kind(r.was_off))
            cells = (str(r.row), f"{r.day:%Y-%m-%d}", weekday_name(r.day.weekday()), self._kind(r.off),
                     r.name, action)
            for j, value in enumerate(cells):
                grid.setItem(i, j, QTableWidgetItem(value))
        for j, width in enumerate((44, 96, 50, 96, 160)):
            grid.setColumnWidth(j, width)
        grid.verticalHeader().setVisible(False)
        grid.horizontalHeader().setStretchLastSection(True)
        grid.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        grid.setMinimumHeight(300)
        return grid

    def save(self) -> None:
        self.outcome = self.apply()
