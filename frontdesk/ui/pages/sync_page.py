"""Data sync page (数据同步): site export and import, roster and fine-schedule import, history and conflicts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from frontdesk import clock
from frontdesk.domain.roles import Permission
from frontdesk.errors import UserError
from frontdesk.excel.sync_validate import WorkbookRefused, write_problems
from frontdesk.services.core import roster_import, site
from frontdesk.services.discipline import schedule_import as fine_schedule_import
from frontdesk.services.sync import conflicts as sync_conflicts
from frontdesk.services.sync import keys as sync_keys
from frontdesk.services.sync.exporter import export_site
from frontdesk.services.sync.importer import ImportReport, import_site
from frontdesk.ui import file_dialogs
from frontdesk.ui.context import AppContext
from frontdesk.ui.dialogs.sync_exchange import ImportPreviewDialog, SiteExportDialog, SitePairDialog
from frontdesk.ui.messages import confirm, inform, localized, show_user_error, status
from frontdesk.ui.models.page_model import Column
from frontdesk.ui.ops import OpContext, run_with_progress, succeeded
from frontdesk.ui.pages.base import Page
from frontdesk.ui.widgets.inputs import ChoiceCombo
from frontdesk.ui.widgets.list_panel import ListPanel


def choose_open(parent: QWidget) -> Path | None:
    """Ask for a workbook to import; None if the user cancels."""
    path, _ = QFileDialog.getOpenFileName(parent, QCoreApplication.translate("SyncPage", "选择要导入的工作簿"),
                                          str(Path.home()), "Excel (*.xlsx)")
    return Path(path) if path else None


def choose_exchange_open(parent: QWidget) -> Path | None:
    """Ask for an exchange file to import: a bundle (.zip, with photos) or a bare site workbook."""
    path, _ = QFileDialog.getOpenFileName(
        parent, QCoreApplication.translate("SyncPage", "选择要导入的交换文件"), str(Path.home()),
        QCoreApplication.translate("SyncPage", "交换文件 (*.zip *.xlsx);;所有文件 (*)"))
    return Path(path) if path else None


def choose_exchange_save(parent: QWidget, default_name: str) -> Path | None:
    """Ask where to save the exchange bundle (.zip: the workbook and its photos)."""
    path, _ = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("SyncPage", "保存交换文件"), str(Path.home() / default_name),
        QCoreApplication.translate("SyncPage", "交换文件 (*.zip)"))
    if not path:
        return None
    chosen = Path(path)
    return chosen if chosen.suffix.lower() in (".zip", ".xlsx") else chosen.with_name(chosen.name + ".zip")


class SyncPage(Page):
    """Admins export and import here; managers settle the conflicts an import found."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        kinds = {"site": self.tr("站点数据"), "roster": self.tr("员工花名册"), "fines": self.tr("罚款标准"),
                 "knowledge": self.tr("业务知识库")}
        self.history = ListPanel([
            Column("at", self.tr("导入时间"), 130), Column("kind", self.tr("类型"), 80, fmt=lambda v: kinds.get(v, v)),
            Column("file_name", self.tr("文件"), 200, sortable=False),
            Column("peer_site", self.tr("来源站点"), 70, sortable=False),
            Column("actor_name", self.tr("操作人"), 70, sortable=False),
            Column("inserted", self.tr("新增"), 60, sortable=False, align_right=True),
            Column("updated", self.tr("更新"), 60, sortable=False, align_right=True),
            Column("skipped", self.tr("跳过"), 60, sortable=False, align_right=True),
            Column("conflicts", self.tr("冲突"), 60, sortable=False, align_right=True),
        ], lambda q: sync_conflicts.list_imports(self.ctx.actor, q), ctx.settings.page_size)
        self.history.search.hide()
        admin = ctx.actor.can(Permission.ADMIN_SITE)
        for name, text, slot in (("siteExport", self.tr("站点导出…"), self.export_site),
                                 ("siteImport", self.tr("站点导入…"), self.import_site),
                                 ("sitePair", self.tr("配对…"), self.pair_site),
                                 ("rosterImport", self.tr("导入花名册…"), self.import_roster),
                                 ("finesImport", self.tr("导入罚款标准…"), self.import_fines)):
            button = QPushButton(text)
            button.setObjectName(name)
            button.clicked.connect(lambda _=False, slot=slot: slot())
            button.setEnabled(admin)
            if not admin:
                button.setToolTip(self.tr("只有管理员可以导出和导入"))
            self.history.actions_bar.addWidget(button)

        statuses = {"open": self.tr("待处理"), "local": self.tr("已保留本站"), "incoming": self.tr("已采用对方"),
                    "superseded": self.tr("已由对方处理")}
        self.conflicts = ListPanel([
            Column("detected_at", self.tr("发现时间"), 130), Column("peer", self.tr("对方站点"), 70),
            Column("entity", self.tr("记录类型"), 110), Column("record_uuid", self.tr("记录编号"), 260, sortable=False),
            Column("status", self.tr("状态"), 90, fmt=lambda v: statuses.get(v, v)),
            Column("resolved_by", self.tr("处理人"), 70, sortable=False),
        ], lambda q: sync_conflicts.list_conflicts(self.ctx.actor, q), ctx.settings.page_size,
            self.tr("搜索记录编号或内容"))
        self.status_filter = ChoiceCombo([("open", self.tr("待处理")), ("all", self.tr("全部"))])
        self.status_filter.currentIndexChanged.connect(
            lambda: self.conflicts.set_filter("status", self.status_filter.value()))
        self.conflicts.filter_bar.addWidget(self.status_filter)
        self.keep_btn = QPushButton(self.tr("保留本站版本"))
        self.keep_btn.setObjectName("keepLocal")
        self.keep_btn.clicked.connect(lambda: self.resolve(sync_conflicts.KEEP_LOCAL))
        self.take_btn = QPushButton(self.tr("采用对方版本"))
        self.take_btn.setObjectName("takeIncoming")
        self.take_btn.clicked.connect(lambda: self.resolve(sync_conflicts.TAKE_INCOMING))
        self.conflicts.actions_bar.addWidget(self.keep_btn)
        self.conflicts.actions_bar.addWidget(self.take_btn)
        self.conflicts.currentChanged.connect(self.show_conflict)
        self.detail = QTableWidget(0, 4)
        self.detail.setObjectName("conflictDetail")
        self.detail.setHorizontalHeaderLabels([self.tr("字段"), self.tr("本站版本"), self.tr("对方版本"),
                                               self.tr("上次同步时（共同基础）")])
        self.detail.verticalHeader().setVisible(False)
        self.detail.horizontalHeader().setStretchLastSection(True)
        self.detail.setColumnWidth(0, 140)
        self.detail.setColumnWidth(1, 260)
        self.detail.setColumnWidth(2, 260)
        hint = QLabel(self.tr("两个站点自上次同步以来都改过的记录：本站版本暂时保留，请逐条选择保留哪一个版本。"))
        hint.setWordWrap(True)
        box = QWidget()
        box_layout = QVBoxLayout(box)
        box_layout.setContentsMargins(0, 0, 0, 0)
        box_layout.addWidget(hint)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.conflicts)
        split.addWidget(self.detail)
        box_layout.addWidget(split, 1)

        self.tabs = QTabWidget()
        self.tabs.addTab(self.history, self.tr("导入记录"))
        self.tabs.addTab(box, self.tr("同步冲突"))
        self.tabs.currentChanged.connect(lambda _i: self.refresh())
        self.panel = self.history
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)

    def refresh(self) -> None:
        self.history.refresh()
        self.conflicts.refresh()
        self.tabs.setTabText(1, self.tr("同步冲突（{0}）").format(sync_conflicts.open_count(self.ctx.actor)))
        self.show_conflict(self.conflicts.current_row())

    # --- export / import ---------------------------------------------------------------------------

    def export_site(self, path: Path | None = None) -> int | None:
        dialog = SiteExportDialog(self)
        if not dialog.exec():
            return None
        path = path or choose_exchange_save(self, f"{site.site_code()}-站点导出-{clock.today():%Y%m%d}.zip")
        if path is None:
            return None
        summary = run_with_progress(self, lambda ctx: export_site(
            self.ctx.actor, path, dialog.choice, ctx.progress, ctx.cancelled, to=dialog.destination),
            self.tr("正在导出站点数据…"))
        if summary is None:
            return None
        inform(self, self.tr("已导出 {0:,} 条记录、{1} 张照片到\n{2}").format(summary.total, summary.attachments, path))
        return summary.total

    def pair_site(self, key_file: Path | None = None) -> bool | None:
        """Pair with a site: make a key file to carry there, or take the one brought from there."""
        dialog = SitePairDialog(self)
        if not dialog.exec():
            return None
        if key_file is None:
            pattern = self.tr("密钥文件 (*.key);;所有文件 (*)")
            if dialog.mode == "new":
                name = str(Path.home() / f"{site.site_code()}-{dialog.peer}.key")
                chosen, _ = QFileDialog.getSaveFileName(self, self.tr("保存新的配对密钥"), name, pattern)
            else:
                chosen, _ = QFileDialog.getOpenFileName(self, self.tr("选择对方给的密钥文件"), str(Path.home()), pattern)
            if not chosen:
                return None
            key_file = Path(chosen)
        made: list[bool] = []
        if not succeeded(self, lambda: made.append(sync_keys.pair(self.ctx.actor, dialog.peer, key_file,
                                                                  dialog.mode == "new"))):
            return None
        inform(self, self.tr("已新建配对密钥 {0}：请带到 {1} 在那里配对，然后删除此文件。").format(key_file, dialog.peer)
               if made[0] else self.tr("已与 {0} 配对，与它的交换从头开始。").format(dialog.peer))
        return made[0]

    def _run_import(self, path: Path, dry_run: bool) -> ImportReport | None:
        outcome: dict[str, Any] = {}

        def job(ctx: OpContext) -> int:
            def report(_stage: str, done: int, total: int) -> None:
                ctx.check()  # raised inside the import's transaction: everything rolls back
                ctx.progress(done, total)

            try:
                outcome["report"] = import_site(self.ctx.actor, path, dry_run, report)
            except WorkbookRefused as exc:
                outcome["refused"] = exc
            return 0

        run_with_progress(self, job, self.tr("正在校验…") if dry_run else self.tr("正在导入…"))
        if "refused" in outcome:
            self.show_refused(outcome["refused"])
        return outcome.get("report")

    def show_refused(self, exc: WorkbookRefused) -> None:
        """Tell what is wrong and offer the full list as a workbook the sender can work through."""
        lines = "\n".join(str(p) for p in exc.problems[:8])
        more = self.tr("\n……共 {0} 处问题").format(len(exc.problems)) if len(exc.problems) > 8 else ""
        if not confirm(self, self.tr("文件未导入，数据库没有任何改动。\n\n{0}{1}\n\n把全部问题保存为 Excel 错误清单吗？")
                       .format(lines, more), self.tr("文件被拒绝")):
            return
        target = file_dialogs.choose_xlsx(self, self.tr("导入错误清单.xlsx"))
        if target is not None:
            if not succeeded(self, lambda: write_problems(target, exc.problems)):
                return
            status(self.tr("错误清单已保存到 {0}").format(target))

    def import_site(self, path: Path | None = None) -> ImportReport | None:
        path = path or choose_exchange_open(self)
        if path is None:
            return None
        preview = self._run_import(path, dry_run=True)
        if preview is None:
            return None
        dialog = ImportPreviewDialog(self.tr("站点导入 — 预览"), preview.lines(),
                                     lambda: self._run_import(path, dry_run=False), parent=self)
        if not dialog.exec() or dialog.outcome is None:
            return None
        status(self.tr("；").join(map(localized, dialog.outcome.lines()[:2])))
        self.refresh()
        return dialog.outcome

    def import_roster(self, path: Path | None = None) -> Any:
        path = path or choose_open(self)
        if path is None:
            return None
        try:
            preview = roster_import.preview_roster(self.ctx.actor, path)
        except WorkbookRefused as exc:
            self.show_refused(exc)
            return None
        except UserError as exc:
            show_user_error(self, exc)
            return None
        summary = [self.tr("工作表“{0}”：新增 {1}，更新 {2}，不变 {3}").format(
            preview.sheet, preview.count("new"), preview.count("update"), preview.count("same"))]
        if preview.kept:
            summary.append(self.tr("表中没有的列，现有员工保持不变：{0}").format("、".join(preview.kept)))
        dialog = ImportPreviewDialog(self.tr("导入员工花名册 — 预览"), summary,
                                     lambda: roster_import.import_roster(self.ctx.actor, path), preview, self)
        if dialog.exec():
            status(summary[0])
            self.refresh()
            return dialog.outcome
        return None

    def import_fines(self, path: Path | None = None) -> Any:
        """Preview a hand-typed fine schedule; 导入 adds the changed lines as new versions (all or nothing)."""
        path = path or choose_open(self)
        if path is None:
            return None
        try:
            preview = fine_schedule_import.preview_fines(self.ctx.actor, path)
        except WorkbookRefused as exc:
            self.show_refused(exc)
            return None
        except UserError as exc:
            show_user_error(self, exc)
            return None
        summary = [self.tr("工作表“{0}”：新增 {1}，更新 {2}，不变 {3}").format(
            preview.sheet, preview.count("new"), preview.count("update"), preview.count("same")),
            self.tr("变更作为新版本从生效日期起执行，已记录的违纪保持原标准和金额。")]
        dialog = ImportPreviewDialog(self.tr("导入罚款标准 — 预览"), summary,
                                     lambda: fine_schedule_import.import_fines(self.ctx.actor, path), preview, self)
        if dialog.exec():
            status(summary[0])
            self.refresh()
            return dialog.outcome
        return None

    # --- conflicts ---------------------------------------------------------------------------------

    def show_conflict(self, row: dict | None) -> None:
        self.detail.setRowCount(0)
        is_open = bool(row and row["status"] == "open")
        self.keep_btn.setEnabled(is_open)
        self.take_btn.setEnabled(is_open)
        if not row:
            return
        detail = sync_conflicts.get_conflict(self.ctx.actor, row["id"])
        newer = self.tr("（较新）")
        self.detail.setHorizontalHeaderLabels([
            self.tr("字段"), self.tr("本站版本") + (newer if detail["newer"] == "local" else ""),
            self.tr("对方版本") + (newer if detail["newer"] == "incoming" else ""),
            self.tr("上次同步时（共同基础）") if detail["base"] is not None else self.tr("共同基础（本站未保留）")])
        self.detail.setRowCount(len(detail["differences"]))
        for i, diff in enumerate(detail["differences"]):
            for j, value in enumerate((diff["key"], diff["local"], diff["incoming"], diff["base"])):
                self.detail.setItem(i, j, QTableWidgetItem("" if value is None else str(value)))

    def resolve(self, choice: str) -> None:
        row = self.conflicts.current_row()
        if row is None:
            inform(self, self.tr("请先选择一条冲突"))
            return
        if not succeeded(self, lambda: sync_conflicts.resolve(self.ctx.actor, row["id"], choice)):
            return
        status(self.tr("冲突已处理"))
        self.refresh()
