"""The main window: navigation to the module pages the user may open, status bar, account menu."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QCoreApplication, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QPaintEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

import frontdesk
from frontdesk.domain.roles import Permission
from frontdesk.services.core import site
from frontdesk.ui import file_dialogs, scan
from frontdesk.ui.context import AppContext
from frontdesk.ui.dialogs.password import PasswordDialog
from frontdesk.ui.dialogs.settings_edit import SettingsDialog
from frontdesk.ui.dialogs.shortcuts import ShortcutsDialog
from frontdesk.ui.hotkeys import add_hotkeys, search_box
from frontdesk.ui.messages import bridge, confirm, status
from frontdesk.ui.pages.base import Page, PageSpec
from frontdesk.ui.pages.registry import page_specs
from frontdesk.ui.screen_fit import clamp_to_screen, client_limit, usable_rect
from frontdesk.ui.widgets.overdue_label import OverdueLabel, open_overdue

NAV_STYLE = """
QListWidget#nav { background: #263238; color: #eceff1; border: none; font-size: 10.5pt; outline: 0; }
QListWidget#nav::item { padding: 2px 10px; }
QListWidget#nav::item:selected { background: #1e88e5; color: white; }
QListWidget#nav::item:hover:!selected { background: #37474f; }
"""


class MainWindow(QMainWindow):
    """One per signed-in session; ``loggedOut`` asks the application to show the login again."""

    loggedOut = Signal()  # noqa: N815
    closed = Signal()
    pageShown = Signal(str)  # noqa: N815 - a page was opened and filled

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self._logging_out = False
        self.setWindowTitle(self.tr("FrontDesk 客服前台 - {0}").format(ctx.site_name))
        self.specs: list[PageSpec] = [s for s in page_specs() if ctx.actor.can(s.permission)]
        self.pages: dict[str, Page] = {}

        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setFixedWidth(170)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav.setStyleSheet(NAV_STYLE)
        for spec in self.specs:
            item = QListWidgetItem(QCoreApplication.translate("nav", spec.title))
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            self.nav.addItem(item)
        self.stack = QStackedWidget()
        self.empty = QLabel("" if self.specs else self.tr("当前账户没有可用的功能页面，请联系管理员分配角色。"))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.empty)
        self.nav.currentRowChanged.connect(self._show_row)

        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        side = QWidget()
        side.setObjectName("navColumn")
        side.setFixedWidth(170)
        side.setStyleSheet("QWidget#navColumn { background: #263238; }")
        self.nav_column = QVBoxLayout(side)
        self.nav_column.setContentsMargins(0, 0, 0, 0)
        self.nav_column.setSpacing(0)
        self.nav_column.addWidget(self.nav, 1)
        row.addWidget(side)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        file_dialogs.remember_in(ctx.persist.window, ctx.save_persist)  # each kind of file: its last folder
        self._build_menus()
        self._build_status_bar()
        bridge.info.connect(self._status_message)
        if ctx.persist.window.get("geometry"):
            self.restoreGeometry(QByteArray.fromBase64(ctx.persist.window["geometry"].encode()))
            if not self.isMaximized():
                clamp_to_screen(self)  # saved on a bigger screen (or by a screenshots run): back onto this one
        else:
            self.resize(QSize(1280, 800).boundedTo(client_limit(self)))
            self.move(usable_rect(self).topLeft())
        # The first page is built right after the window's first paint (paintEvent): the list may
        # select its first row on its own when shown, so its signal waits until then.
        self._first_page_pending = bool(self.specs)
        self.nav.blockSignals(self._first_page_pending)

    # --- navigation ------------------------------------------------------------------------------

    def open_page(self, key: str) -> Page | None:
        for row, spec in enumerate(self.specs):
            if spec.key == key:
                self._first_page_pending = False  # asked for before the first page was built
                self.nav.blockSignals(False)
                if self.nav.currentRow() == row and key not in self.pages:
                    self._show_row(row)
                self.nav.setCurrentRow(row)
                return self.pages.get(key)
        return None

    def current_page(self) -> Page | None:
        widget = self.stack.currentWidget()
        return widget if isinstance(widget, Page) else None

    def _show_row(self, row: int) -> None:
        if not 0 <= row < len(self.specs):
            return
        spec = self.specs[row]
        page = self.pages.get(spec.key)
        if page is None:
            page = spec.factory(self.ctx)
            page.setObjectName(f"page_{spec.key}")
            self.pages[spec.key] = page
            self.stack.addWidget(page)
        self.stack.setCurrentWidget(page)
        page.refresh()
        self.pageShown.emit(spec.key)

    # --- chrome ----------------------------------------------------------------------------------

    def _build_menus(self) -> None:
        system_menu = self.menuBar().addMenu(self.tr("系统(&S)"))
        change_pw = QAction(self.tr("修改密码…"), self)
        change_pw.triggered.connect(self.change_password)
        settings = QAction(self.tr("设置…"), self)
        settings.triggered.connect(self.edit_settings)
        logout = QAction(self.tr("注销"), self)
        logout.setObjectName("logout")
        logout.triggered.connect(self.logout)
        quit_action = QAction(self.tr("退出"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        for action in (change_pw, settings, None, logout, quit_action):
            if action is None:
                system_menu.addSeparator()
            else:
                system_menu.addAction(action)
        self.logout_action = logout
        self.work_menu = add_hotkeys(self)
        self._build_global_search()
        help_menu = self.menuBar().addMenu(self.tr("帮助(&H)"))
        cheat_sheet = QAction(self.tr("快捷键一览"), self)
        cheat_sheet.setObjectName("shortcuts")
        cheat_sheet.setShortcut(QKeySequence("F1"))
        cheat_sheet.triggered.connect(self.show_shortcuts)
        about = QAction(self.tr("关于 FrontDesk"), self)
        about.triggered.connect(self.about)
        help_menu.addAction(cheat_sheet)
        help_menu.addAction(about)

    def _build_global_search(self) -> None:
        """The search box at the right of the menu bar: a USB scanner types a printed paper's QR code there
        (Ctrl+K puts the cursor in it), Enter opens that record; other text searches the current list."""
        self.global_search = QLineEdit()
        self.global_search.setObjectName("globalSearch")
        self.global_search.setPlaceholderText(self.tr("扫码打开单据 (Ctrl+K)"))
        self.global_search.setClearButtonEnabled(True)
        self.global_search.setToolTip(self.tr("扫描单据上的二维码（或输入完整编号）后回车，直接打开该单据；"
                                              "其他文字回车后在当前列表中搜索"))
        self.global_search.setStyleSheet("QLineEdit#globalSearch { margin: 4px; padding: 3px; }")
        self.global_search.returnPressed.connect(self._global_search)
        self.nav_column.insertWidget(0, self.global_search)  # above the page list, on every page
        action = QAction(self.tr("扫码打开单据"), self)
        action.setObjectName("hotkey_scan")
        action.setShortcut(QKeySequence("Ctrl+K"))
        action.triggered.connect(self.focus_global_search)
        self.work_menu.addAction(action)

    def focus_global_search(self) -> None:
        self.global_search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.global_search.selectAll()

    def open_scanned(self, text: str) -> bool:
        """Open the record a scanned QR code (or a whole typed number) names; False if it names none."""
        return scan.open_scanned(self, text)

    def _global_search(self) -> None:
        text = self.global_search.text().strip()
        if not text:
            return
        if scan.is_code(text):
            if self.open_scanned(text):
                self.global_search.clear()
            return
        page = self.current_page()
        box = search_box(page) if page is not None else None
        if box is None:
            status(self.tr("本页没有列表可搜索；扫描单据上的二维码可直接打开单据"))
            return
        box.setText(text)  # words: the current page's list searches them
        box.returnPressed.emit()
        self.global_search.clear()

    def _build_status_bar(self) -> None:
        actor = self.ctx.actor
        self.site_label = QLabel(self.tr("站点：{0} {1}").format(site.site_code(), self.ctx.site_name))
        self.user_label = QLabel(self.tr("用户：{0} {1}").format(actor.staff_no, actor.name))
        self.role_label = QLabel(self.tr("角色：{0}").format(QCoreApplication.translate("enum", actor.role.label)))
        for label in (self.site_label, self.user_label, self.role_label):
            label.setContentsMargins(8, 0, 8, 0)
            self.statusBar().addPermanentWidget(label)
        if actor.can(Permission.DESK_WORK):  # overdue complaints at a glance; the link opens them
            self.overdue_label = OverdueLabel(self.ctx, lambda: open_overdue(self))
            self.statusBar().insertPermanentWidget(0, self.overdue_label)

    def _status_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 5000)

    # --- actions ---------------------------------------------------------------------------------

    def change_password(self) -> None:
        if PasswordDialog(self.ctx.actor, parent=self).exec():
            status(self.tr("密码已修改"))

    def edit_settings(self) -> None:
        dialog = SettingsDialog(self.ctx.settings, self, self.ctx.paths)
        if dialog.exec():
            self.ctx.save_settings()
            if (dialog.language_changed or dialog.database_changed) and confirm(
                    self, self.tr("更改将在重新启动后生效。现在重新启动吗？")):
                from frontdesk.ui.pages.system_page import restart_application

                restart_application()

    def show_shortcuts(self) -> None:
        ShortcutsDialog(self).exec()

    def logout(self) -> None:
        self._logging_out = True
        self.close()

    def about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("关于 FrontDesk"),
            self.tr("FrontDesk 客服前台管理系统 {0}\n离线运行，数据保存在：\n{1}").format(
                frontdesk.__version__, self.ctx.paths.root
            ),
        )

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        super().paintEvent(event)
        if self._first_page_pending:  # the frame is on screen; now build and fill the first page
            self._first_page_pending = False
            QTimer.singleShot(0, self._show_first_page)

    def _show_first_page(self) -> None:
        self.nav.blockSignals(False)
        if self.current_page() is None:
            if self.nav.currentRow() >= 0:  # selected while the signal waited
                self._show_row(self.nav.currentRow())
            else:
                self.nav.setCurrentRow(0)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.ctx.persist.window["geometry"] = bytes(self.saveGeometry().toBase64()).decode()
        self.ctx.save_persist()
        bridge.info.disconnect(self._status_message)
        super().closeEvent(event)
        (self.loggedOut if self._logging_out else self.closed).emit()
