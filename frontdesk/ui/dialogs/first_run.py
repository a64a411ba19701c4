"""First run: where the data lives (this PC alone, or the site's PostgreSQL server), then the site code and
name and the administrator account."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QWidget,
)

from frontdesk.errors import DatabaseUnreachable, UserError, ValidationError
from frontdesk.paths import DataPaths
from frontdesk.services.core import site, system
from frontdesk.settings import FILE, PASSWORD_FILE, Settings, password_store_kind
from frontdesk.ui.dialogs.base import Buttons, FormDialog
from frontdesk.ui.messages import localized_error
from frontdesk.ui.screen_fit import fit_size

SERVER_FIELDS = ("host", "port", "dbname", "user", "password")


class DatabaseDialog(FormDialog):
    """"This PC alone" (the SQLite file in the data folder) or "connect to the site's server" (PostgreSQL:
    host, port, database, user, password) with a connection test. Accepting it sets ``settings.database``
    (the caller saves the settings: the password goes to the OS keyring or the owner-only file, never into
    settings.json)."""

    def __init__(self, paths: DataPaths, settings: Settings, parent: QWidget | None = None,
                 first_run: bool = True) -> None:
        title = self.tr("FrontDesk 首次使用：数据保存在哪里") if first_run else self.tr("数据库连接")
        super().__init__(title, parent, 600, Buttons.Ok if first_run else Buttons.Save, scroll=False)
        self.paths, self.settings = paths, settings
        self.changed = False
        intro = QLabel(self.tr(
            "只有这一台电脑使用时，选“仅本机使用”：数据保存在本机的数据文件夹中，不需要其他软件。\n"
            "站点有多台柜台电脑（或总部汇总各站点）时，由信息部门准备一台 PostgreSQL 数据库服务器，"
            "每台电脑都选“连接站点的数据库服务器”并填写同样的连接信息。"))
        intro.setWordWrap(True)
        self.local = QRadioButton(self.tr("仅本机使用（数据保存在这台电脑上）"))
        self.local.setObjectName("db_local")
        self.server = QRadioButton(self.tr("连接站点的数据库服务器（多台柜台共用，PostgreSQL）"))
        self.server.setObjectName("db_server")
        group = QButtonGroup(self)
        group.addButton(self.local)
        group.addButton(self.server)
        self.add_above(intro)
        self.body.insertWidget(1, self.local)
        self.body.insertWidget(2, self.server)

        login = system.server_login(settings, paths) if system.on_server(settings) else {}
        self.host = self._line("host", login.get("host", ""), self.tr("例如 192.168.1.10 或 db.site.local"))
        self.port = self._line("port", login.get("port", "5432"), "5432")
        self.port.setMaxLength(5)
        self.dbname = self._line("dbname", login.get("dbname", "frontdesk"), "frontdesk")
        self.user = self._line("user", login.get("user", "frontdesk"), "frontdesk")
        self.password = self._line("password", login.get("password", ""), "")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.form.add("host", self.tr("服务器地址"), self.host)
        self.form.add("port", self.tr("端口"), self.port)
        self.form.add("dbname", self.tr("数据库名"), self.dbname)
        self.form.add("user", self.tr("用户名"), self.user)
        self.form.add("password", self.tr("密码"), self.password)

        self.test_button = QPushButton(self.tr("测试连接"))
        self.test_button.setObjectName("test_connection")
        self.test_button.clicked.connect(self.test_connection)
        self.add_below(self.test_button)
        self.test_result = QLabel()
        self.test_result.setObjectName("test_result")
        self.test_result.setWordWrap(True)
        self.test_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.test_result.hide()
        self.add_below(self.test_result)
        if password_store_kind() == FILE:
            where = self.tr("本机没有可用的系统密钥环，密码保存在数据文件夹中只有当前用户可读的文件 {0}（权限 0600）；"
                            "设置文件 settings.json 中不保存密码。").format(paths.root / PASSWORD_FILE)
        else:
            where = self.tr("密码保存在系统密钥环（keyring）中；设置文件 settings.json 中不保存密码。")
        self.store_note = QLabel(where)
        self.store_note.setObjectName("password_store")
        self.store_note.setWordWrap(True)
        self.store_note.setStyleSheet("color: #666;")
        self.add_below(self.store_note)

        (self.server if system.on_server(settings) else self.local).setChecked(True)
        self.server.toggled.connect(self._enable)
        self._enable()

    def _line(self, name: str, text: str, placeholder: str) -> QLineEdit:
        line = QLineEdit(text)
        line.setObjectName(f"db_{name}")
        if placeholder:
            line.setPlaceholderText(placeholder)
        return line

    def _enable(self) -> None:
        on = self.server.isChecked()
        for widget in (self.host, self.port, self.dbname, self.user, self.password, self.test_button):
            widget.setEnabled(on)
        self.store_note.setVisible(on)
        if not on:
            self.test_result.hide()
        self._grow()

    def _grow(self) -> None:
        """Make room for a note or a test result shown after the dialog opened (up to the screen)."""
        if self.isVisible():
            self.layout().activate()
            self.resize(self.size().expandedTo(self.sizeHint()))
            fit_size(self)

    def typed_url(self) -> str:
        """The server URL from the form, with the password; a ValidationError names a missing part."""
        return system.compose_server_url(self.host.text(), self.port.text(), self.dbname.text(), self.user.text(),
                                         self.password.text())

    def test_connection(self) -> bool:
        """Connect to the server as typed and say what was found there; True when it connected."""
        self.form.clear_errors()
        try:
            url = self.typed_url()
        except ValidationError as exc:
            self.show_errors(exc.fields)
            return False
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            found = system.test_server(url)
        except DatabaseUnreachable as exc:
            self.show_failure(exc)
            return False
        except UserError as exc:
            self._say(False, localized_error(exc))
            return False
        finally:
            QApplication.restoreOverrideCursor()
        if found.site_code:
            what = self.tr("数据库中已有站点 {0} 的数据：本机将与其他柜台共用这些数据。").format(found.site_code)
        elif found.tables == 0:
            what = self.tr("数据库是空的：首次启动时会建立表结构，然后设置站点。")
        else:
            what = self.tr("数据库中已有 {0} 个表，但还没有设置站点。").format(found.tables)
        self._say(True, self.tr("连接成功：PostgreSQL {0}。{1}").format(found.version, what))
        return True

    def show_failure(self, exc: UserError) -> None:
        self._say(False, self.tr("连接失败：{0}").format(localized_error(exc)))

    def _say(self, ok: bool, text: str) -> None:
        self.test_result.setText(text)
        self.test_result.setStyleSheet("color: #2e7d32;" if ok else "color: #c62828;")
        self.test_result.show()
        self._grow()

    def save(self) -> None:
        before = self.settings.connect_url(self.paths.root)
        self.settings.database = "" if self.local.isChecked() else self.typed_url()
        self.changed = self.settings.database != before


def database_screenshots(paths: DataPaths, grab: Callable[[QWidget, str], None]) -> None:
    """The database choice as it opens, and on the server side with a failed connection test."""
    dialog = DatabaseDialog(paths, Settings())
    grab(dialog, "00-database")
    dialog.server.setChecked(True)
    dialog.host.setText("192.168.1.10")
    dialog.show_failure(DatabaseUnreachable("postgresql://frontdesk@192.168.1.10:5432/frontdesk",
                                            "connection refused"))
    grab(dialog, "00-database-server")
    dialog.close()
    from frontdesk.ui.dialogs.unreachable import unreachable_box

    down = DatabaseUnreachable("postgresql://frontdesk@192.168.1.10:5432/frontdesk", "connection refused")
    for name, at_start in (("00-unreachable-start", True), ("00-unreachable-save", False)):
        box, _answers = unreachable_box(None, down, at_start=at_start, in_form=not at_start)
        grab(box, name)
        box.close()


class FirstRunDialog(FormDialog):
    """Shown once, when the database has no site yet."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("FrontDesk 首次使用设置"), parent, 460, Buttons.Ok)
        intro = QLabel(
            self.tr(
                "欢迎使用 FrontDesk 客服前台管理系统。\n"
                "请填写本服务台的站点信息，并设置管理员账户。站点代码会出现在所有单据编号的开头，设定后不能修改。"
            )
        )
        intro.setWordWrap(True)
        self.site_code = QLineEdit()
        self.site_code.setObjectName("site_code")
        self.site_code.setPlaceholderText(self.tr("例如 S01"))
        self.site_code.setMaxLength(8)
        self.site_name = QLineEdit()
        self.site_name.setObjectName("site_name")
        self.site_name.setPlaceholderText(self.tr("例如 金华服务区客服中心"))
        self.admin_user = QLineEdit("admin")
        self.admin_user.setObjectName("admin_user")
        self.admin_name = QLineEdit(self.tr("系统管理员"))
        self.admin_name.setObjectName("admin_name")
        self.password = QLineEdit()
        self.password.setObjectName("admin_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password2 = QLineEdit()
        self.password2.setObjectName("admin_password2")
        self.password2.setEchoMode(QLineEdit.EchoMode.Password)

        self.add_above(intro)
        self.form.add("site_code", self.tr("站点代码"), self.site_code)
        self.form.add("site_name", self.tr("站点名称"), self.site_name)
        self.form.add("admin_user", self.tr("管理员账户"), self.admin_user)
        self.form.add("admin_name", self.tr("管理员姓名"), self.admin_name)
        self.form.add("admin_password", self.tr("密码"), self.password)
        self.form.add("admin_password2", self.tr("确认密码"), self.password2)

    def save(self) -> None:
        if self.password.text() != self.password2.text():
            raise ValidationError({"admin_password2": self.tr("两次输入的密码不一致")})
        site.initialize(
            self.site_code.text().strip().upper(),
            self.site_name.text(),
            self.admin_user.text().strip(),
            self.password.text(),
            self.admin_name.text().strip() or self.tr("系统管理员"),
        )
