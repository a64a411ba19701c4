"""System page (系统维护, admin): site, database health, backups and restore."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QProcess, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
)

from frontdesk.errors import UserError
from frontdesk.services.core import site, system
from frontdesk.ui.context import AppContext
from frontdesk.ui.header_fit import fit_headers
from frontdesk.ui.messages import confirm, inform, localized, show_user_error, status
from frontdesk.ui.models.page_model import Column, PageModel
from frontdesk.ui.ops import Op
from frontdesk.ui.pages.base import Page


def _size(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{n / 1024:.0f} KB"


class SystemPage(Page):
    """Everything an admin maintains about this installation."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        site_box = QGroupBox(self.tr("站点"))
        site_form = QFormLayout(site_box)
        site_form.addRow(self.tr("站点代码"), QLabel(site.site_code()))
        self.site_name = QLineEdit(site.site_name())
        self.site_name.setObjectName("siteName")
        rename = QPushButton(self.tr("保存名称"))
        rename.clicked.connect(self.rename)
        row = QHBoxLayout()
        row.addWidget(self.site_name)
        row.addWidget(rename)
        site_form.addRow(self.tr("站点名称"), row)
        site_form.addRow(self.tr("数据文件夹"), QLabel(str(ctx.paths.root)))

        db_box = QGroupBox(self.tr("数据库"))
        db_form = QFormLayout(db_box)
        where = QLabel(system.shown_database(ctx.paths, ctx.settings) if system.on_server(ctx.settings)
                       else self.tr("仅本机：{0}").format(ctx.paths.database))
        where.setObjectName("databaseTarget")
        where.setTextInteractionFlags(where.textInteractionFlags() | Qt.TextInteractionFlag.TextSelectableByMouse)
        db_form.addRow(self.tr("位置"), where)
        if system.on_server(ctx.settings):
            db_form.addRow("", QLabel(self.tr("服务器上的数据库用 pg_dump 备份到本机的备份文件夹，用 pg_restore 恢复。")))
        self.health = QLabel()
        self.health.setObjectName("health")
        self.health.setWordWrap(True)
        check = QPushButton(self.tr("检查数据库"))
        check.clicked.connect(self.check)
        db_form.addRow(self.tr("状态"), self.health)
        db_form.addRow("", check)

        backup_box = QGroupBox(self.tr("备份与恢复"))
        self.backups = PageModel(
            [
                Column("created", self.tr("备份时间"), 150, sortable=False),
                Column("reason", self.tr("类型"), 110, sortable=False),
                Column("size", self.tr("大小"), 90, sortable=False, fmt=lambda v: _size(int(v)), align_right=True),
                Column("name", self.tr("文件名"), 300, sortable=False),
            ],
            self,
        )
        self.table = QTableView()
        self.table.setObjectName("backups")
        self.table.setModel(self.backups)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        for i, column in enumerate(self.backups.columns):
            self.table.setColumnWidth(i, column.width)
        fit_headers(self.table)
        self.keep = QSpinBox()
        self.keep.setRange(1, 365)
        self.keep.setValue(ctx.settings.backups_to_keep)
        self.keep.setSuffix(self.tr(" 份"))
        self.keep.valueChanged.connect(self.set_keep)
        self.max_total = QSpinBox()
        self.max_total.setObjectName("backupsMaxTotal")
        self.max_total.setRange(1, 1000)
        self.max_total.setValue(max(1, round(ctx.settings.backups_max_total_mb / 1024)))
        self.max_total.setSuffix(" GB")
        self.max_total.valueChanged.connect(self.set_max_total)
        backup_now = self.backup_button = QPushButton(self.tr("立即备份"))
        backup_now.setObjectName("backupNow")
        backup_now.clicked.connect(self.backup_now)
        restore = self.restore_button = QPushButton(self.tr("恢复所选备份…"))
        restore.setObjectName("restore")
        restore.clicked.connect(self.restore)
        self.busy = QProgressBar()  # a backup or a restore check runs on a worker thread: no percentage, busy
        self.busy.setObjectName("backupBusy")
        self.busy.setRange(0, 0)
        self.busy.setFixedWidth(160)
        self.busy.hide()
        self.busy_text = QLabel()
        self.busy_text.setObjectName("backupBusyText")
        self._op: Op[Any] | None = None
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("保留最近")))
        bar.addWidget(self.keep)
        bar.addWidget(QLabel(self.tr("，合计不超过")))
        bar.addWidget(self.max_total)
        bar.addStretch(1)
        bar.addWidget(self.busy_text)
        bar.addWidget(self.busy)
        bar.addWidget(backup_now)
        bar.addWidget(restore)
        col = QVBoxLayout(backup_box)
        col.addLayout(bar)
        col.addWidget(self.table)

        layout = QVBoxLayout(self)
        layout.addWidget(site_box)
        layout.addWidget(db_box)
        layout.addWidget(backup_box, 1)

    def refresh(self) -> None:
        self.check()
        self.load_backups()

    def load_backups(self) -> None:
        infos = system.list_backups(self.ctx.actor, self.ctx.paths)
        reasons = {
            "startup": self.tr("启动时自动"),
            "manual": self.tr("手动"),
            "before-restore": self.tr("恢复前自动"),
        }
        self.backups.set_rows(
            [
                {
                    "created": b.created,
                    "reason": reasons.get(b.reason, self.tr("升级前自动") if b.reason.startswith("before-v")
                                          else b.reason),
                    "size": b.size,
                    "name": b.path.name,
                    "path": b.path,
                }
                for b in infos
            ]
        )

    def check(self) -> None:
        health = system.check()
        if health.healthy:
            self.health.setText(self.tr("正常（结构版本 {0}）").format(health.schema_version))
            self.health.setStyleSheet("color: #2e7d32;")
        else:
            self.health.setText(
                self.tr("发现问题（结构版本 {0}/{1}）：{2}").format(
                    health.schema_version, health.latest_version, "；".join(localized(p) for p in health.problems[:5])
                )
            )
            self.health.setStyleSheet("color: #c62828;")

    def rename(self) -> None:
        try:
            site.rename_site(self.ctx.actor, self.site_name.text())
        except UserError as exc:
            show_user_error(self, exc)
            return
        self.ctx.site_name = self.site_name.text().strip()
        status(self.tr("站点名称已保存"))

    def set_keep(self, value: int) -> None:
        self.ctx.settings.backups_to_keep = value
        self.ctx.save_settings()

    def set_max_total(self, gigabytes: int) -> None:
        self.ctx.settings.backups_max_total_mb = gigabytes * 1024
        self.ctx.save_settings()

    def _run(self, job: Any, text: str, success: Any) -> None:
        """``job`` on a worker thread: the page stays usable, the busy bar shows, the buttons wait for it."""
        if self._op is not None:
            return
        self.backup_button.setEnabled(False)
        self.restore_button.setEnabled(False)
        self.busy_text.setText(text)
        self.busy.show()
        self._op = Op(self, lambda _ctx: job(), success).finally_(self._ended)
        self._op.run_in_background()

    def _ended(self) -> None:
        self._op = None
        self.busy.hide()
        self.busy_text.clear()
        self.backup_button.setEnabled(True)
        self.restore_button.setEnabled(True)

    def backup_now(self) -> None:
        """Back up on a worker thread (database, new attachments, checked after writing)."""
        actor, paths, settings = self.ctx.actor, self.ctx.paths, self.ctx.settings
        keep, max_total = settings.backups_to_keep, settings.backups_max_total_mb
        self._run(lambda: system.backup_now(actor, paths, keep, max_total), self.tr("正在备份…"), self._backed_up)

    def _backed_up(self, path: Path) -> None:
        self.load_backups()
        status(self.tr("备份完成"))
        inform(self, self.tr("备份完成，已检查可以恢复：\n{0}").format(path))

    def restore(self) -> None:
        row = self.backups.row_at(self.table.currentIndex().row())
        if row is None:
            inform(self, self.tr("请先在列表中选择要恢复的备份"))
            return
        if not confirm(
            self,
            self.tr("将用 {0} 的备份替换当前数据库，程序会重新启动。\n当前数据库会先自动备份。确定恢复吗？").format(
                row["created"].strftime("%Y-%m-%d %H:%M")
            ),
        ):
            return
        actor, paths, backup = self.ctx.actor, self.ctx.paths, row["path"]
        self._run(lambda: system.schedule_restore(actor, paths, backup), self.tr("正在解压并检查备份…"),
                  lambda _none: self._restore_ready(row["created"]))

    def _restore_ready(self, created: Any) -> None:
        if system.on_server(self.ctx.settings):  # pg_restore has run already
            inform(self, self.tr("已恢复 {0} 的备份（恢复前的数据库已先备份）。程序现在重新启动；请让其他柜台也重新启动。").format(
                created.strftime("%Y-%m-%d %H:%M")))
        else:
            inform(self, self.tr("{0} 的备份已解压并检查无误。程序现在重新启动，启动时完成恢复。").format(
                created.strftime("%Y-%m-%d %H:%M")))
        restart_application()


def restart_application() -> None:
    """Start a new process with the same arguments and quit this one."""
    args = sys.argv[1:] if getattr(sys, "frozen", False) else sys.argv
    QProcess.startDetached(sys.executable, args)
    QApplication.quit()
