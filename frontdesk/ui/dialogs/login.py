"""Sign-in dialog: 工号 and password, with the lockout message from the service; once signed in, the messages
left for the user (留言转告) open beside the main window."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from frontdesk.domain.roles import Actor
from frontdesk.errors import AuthError
from frontdesk.services.core import auth
from frontdesk.ui.dialogs.message_edit import show_pending_after_login
from frontdesk.ui.messages import localized_error
from frontdesk.ui.widgets.form import FieldForm


class LoginDialog(QDialog):
    """Returns the signed-in Actor in ``self.actor`` when accepted."""

    def __init__(self, site_name: str, last_user: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("登录 - FrontDesk"))
        self.setMinimumWidth(380)
        title = QLabel(site_name)
        title.setObjectName("siteTitle")
        title.setStyleSheet("font-size: 16pt; font-weight: bold; padding: 6px 0;")
        subtitle = QLabel(self.tr("客服前台管理系统"))
        subtitle.setStyleSheet("color: #555;")
        self.user = QLineEdit(last_user)
        self.user.setObjectName("user")
        self.user.setPlaceholderText(self.tr("工号"))
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.form = FieldForm()
        self.form.add("user", self.tr("工号"), self.user)
        self.form.add("password", self.tr("密码"), self.password)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("登录"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(subtitle)
        layout.addLayout(self.form)
        layout.addWidget(buttons)
        (self.password if last_user else self.user).setFocus()

    def accept(self) -> None:
        if not self.user.text().strip():
            self.form.show_errors({"user": self.tr("请输入工号")})
            return
        try:
            self.actor = auth.login(self.user.text().strip(), self.password.text())
        except AuthError as exc:
            self.form.show_errors({"password": localized_error(exc)})
            self.password.selectAll()
            return
        super().accept()
        actor = self.actor
        # after the window this login opens is up: the unread messages, not modal (the window stays usable)
        QTimer.singleShot(0, lambda: show_pending_after_login(actor))
