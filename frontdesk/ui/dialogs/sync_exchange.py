"""Dialogs of site sync: choose what to export, preview an import before applying it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QTableWidget, QTableWidgetItem, QWidget

from frontdesk import clock
from frontdesk.errors import T
from frontdesk.services.core.roster_import import RosterPreview
from frontdesk.services.discipline.schedule_import import FinePreview
from frontdesk.services.sync.exporter import SINCE_LAST, last_export_at
from frontdesk.ui.dialogs.base import Buttons, FormDialog
from frontdesk.ui.messages import localized
from frontdesk.ui.widgets.inputs import ChoiceCombo


class SiteExportDialog(FormDialog):
    """站点导出: to a destination site, since the last export to it (the default) or everything."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("站点导出"), parent, 440, ok=Buttons.Ok)
        self.scope = ChoiceCombo([("last", ""), ("all", self.tr("全部记录"))])
        self.to = QLineEdit()
        self.to.setMaxLength(16)
        self.to.setPlaceholderText(self.tr("如 HQ、S02；留空为任意站点"))
        self.to.textChanged.connect(self.show_last)
        self.show_last()
        self.form.add("to", self.tr("目标站点"), self.to)
        self.form.add("scope", self.tr("导出范围"), self.scope)
        intro = QLabel(self.tr("把本站变更的记录（含从其他站点导入的）和它们的照片导出为一个交换文件（.zip，"
                               "内含 Excel 工作簿和照片），带到总部（或另一站点）导入合并。"))
        intro.setWordWrap(True)
        self.add_above(intro)
        self.choice: str | None = SINCE_LAST
        self.destination = ""

    def show_last(self) -> None:
        """The last export to the destination typed (each destination has its own)."""
        peer = self.to.text().strip().upper()
        last = last_export_at(peer) if peer else last_export_at()
        self.scope.setItemText(0, self.tr("上次发给该站点以来（{0}）").format(f"{last:%Y-%m-%d %H:%M}") if last
                               else self.tr("上次发给该站点以来（尚未导出过：全部）"))

    def save(self) -> None:
        self.choice = SINCE_LAST if self.scope.value() == "last" else None
        self.destination = self.to.text().strip().upper()


class SitePairDialog(FormDialog):
    """配对: the other site's code, and whether this side makes the key file or takes the one it was given."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("与站点配对"), parent, 440, ok=Buttons.Ok)
        self.peer_edit = QLineEdit()
        self.peer_edit.setMaxLength(8)
        self.peer_edit.setPlaceholderText(self.tr("如 HQ、S02"))
        self.mode_combo = ChoiceCombo([("new", self.tr("新建密钥文件（带给对方）")),
                                       ("take", self.tr("使用对方给的密钥文件"))])
        self.form.add("peer", self.tr("对方站点"), self.peer_edit)
        self.form.add("mode", self.tr("密钥"), self.mode_combo)
        intro = QLabel(self.tr("配对后，发给对方的导出文件用双方共有的密钥签名，被改动过的文件会被拒绝。"
                               "重新配对（对方重装或换了密钥）会让与它的交换从头开始。"))
        intro.setWordWrap(True)
        self.add_above(intro)
        self.peer, self.mode = "", "new"

    def save(self) -> None:
        self.peer, self.mode = self.peer_edit.text().strip().upper(), self.mode_combo.value()


class ImportPreviewDialog(FormDialog):
    """What an import will do, shown before anything is written; 导入 applies it (all or nothing)."""

    def __init__(self, title: str, summary: list[str], apply: Callable[[], Any],
                 table: RosterPreview | FinePreview | None = None, parent: QWidget | None = None) -> None:
        super().__init__(title, parent, 800 if isinstance(table, FinePreview) else 640, ok=Buttons.Ok)
        self.ok_button.setText(self.tr("导入"))
        self.apply = apply
        self.outcome: Any = None
        text = QPlainTextEdit("\n".join(map(localized, summary)))
        text.setObjectName("summary")
        text.setReadOnly(True)
        text.setMaximumHeight(140 if table is not None else 260)
        self.add_above(text)
        if table is not None:
            self.add_below(self._table(table))

    def _table(self, preview: RosterPreview | FinePreview) -> QTableWidget:
        actions = {"new": self.tr("新增"), "update": self.tr("更新"), "same": self.tr("不变")}
        if isinstance(preview, FinePreview):
            headers = [self.tr("行"), self.tr("编号"), self.tr("违规行为"), self.tr("生效日期"), self.tr("操作"),
                       self.tr("变更")]
            cells = [(str(r.line), r.code, r.offence, f"{r.effective_from or ''}", actions[r.action],
                      "\n".join(map(localized, r.changes))) for r in preview.rows]
            widths = (44, 60, 230, 90, 50)
        else:
            headers = [self.tr("行"), self.tr("工号"), self.tr("姓名"), self.tr("操作"), self.tr("变更")]
            cells = [(str(r.line), r.staff_no, r.name, actions[r.action], "\n".join(map(localized, r.changes))) for r in preview.rows]
            widths = ()
        grid = QTableWidget(len(cells), len(headers))
        grid.setObjectName("preview")
        grid.setHorizontalHeaderLabels(headers)
        for i, row in enumerate(cells):
            for j, value in enumerate(row):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                grid.setItem(i, j, item)
        for j, width in enumerate(widths):
            grid.setColumnWidth(j, width)
        grid.setWordWrap(False)  # long offences elide (full text in the tooltip) ...
        grid.resizeRowsToContents()  # ... and a line changed in several ways lists each change on its own line
        grid.verticalHeader().setVisible(False)
        grid.horizontalHeader().setStretchLastSection(True)
        grid.setMinimumHeight(260)
        return grid

    def save(self) -> None:
        self.outcome = self.apply()


def screenshot_dialogs() -> dict[str, Callable[[QWidget], FormDialog]]:
    """The sync dialogs with sample content, for ``frontdesk screenshots``."""
    from frontdesk.services.core import roster_import
    from frontdesk.services.core.roster_import import RosterRow
    from frontdesk.services.discipline.schedule_import import FineRow
    from frontdesk.services.sync.importer import ImportReport
    from frontdesk.services.sync.merge import Counts

    def _tr(text: str) -> str:  # the sync page's own strings, as it shows them
        return QCoreApplication.translate("SyncPage", text)

    def change_line(name: str, old: str, new: str) -> str:
        return T("import", "{0}：{1} → {2}").format(name, old, new)

    def preview(win: QWidget) -> FormDialog:
        change, labels = roster_import.CHANGE, roster_import.LABELS
        rows = [RosterRow(3, "1001", "张三", "update", [change.format(labels["department_uuid"], "客服部", T("import", "空")),
                                                      change.format(labels["position"], "领班", "主管助理")]),
                RosterRow(4, "1002", "李四", "new"),
                RosterRow(5, "1003", "王五", "same")]
        summary = [_tr("工作表“{0}”：新增 {1}，更新 {2}，不变 {3}").format("花名册", 1, 1, 1)]
        return ImportPreviewDialog(_tr("导入员工花名册 — 预览"), summary, lambda: None, RosterPreview("花名册", rows), win)

    def site_import(win: QWidget) -> FormDialog:
        sample = ImportReport("S02", "2026-11-23 18:00:00", "", True, total=Counts(inserted=1520, updated=36, skipped=8,
                                                                                 conflicts=2),
                              sheets={"contact": Counts(inserted=1200, updated=30, conflicts=2),
                                      "transfer": Counts(inserted=320, updated=6, skipped=8)})
        lines = sample.lines()
        return ImportPreviewDialog(QCoreApplication.translate("SyncPage", "站点导入 — 预览"), lines, lambda: None,
                                   parent=win)

    def fines(win: QWidget) -> FormDialog:
        day = clock.today()
        fine = T("import", "罚款")
        rows = [FineRow(3, "R01", "工作时间扎堆聊天", "same", [], day),
                FineRow(4, "R06", "不服从分配，顶撞经理、上司", "update", [change_line(fine, "20–50", "30–80")], day),
                FineRow(5, "W03", "前台地面脏乱、柜台物品摆放杂乱（当班人员每人）", "update",
                        [change_line(fine, "10/人", "20/人")], day),
                FineRow(6, "W09", "未按时交接班", "new", [], day)]
        summary = [_tr("工作表“{0}”：新增 {1}，更新 {2}，不变 {3}").format("罚款标准", 1, 2, 1),
                   _tr("变更作为新版本从生效日期起执行，已记录的违纪保持原标准和金额。")]
        return ImportPreviewDialog(_tr("导入罚款标准 — 预览"), summary, lambda: None,
                                   FinePreview("罚款标准", rows), win)

    return {"sync-export": SiteExportDialog, "sync-pair": SitePairDialog, "sync-import-preview": site_import, "roster-import-preview": preview,
            "fines-import-preview": fines}
