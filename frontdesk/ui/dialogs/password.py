"""Change one's own password, or (admin) set another user's."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QWidget

from frontdesk.domain.roles import Actor
from frontdesk.errors import ValidationError
from frontdesk.services.core import auth
from frontdesk.ui.dialogs.base import Buttons, FormDialog


def _password_edit(name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class PasswordDialog(FormDialog):
    """Own password (asks the old one) or an admin reset of ``target_uuid`` (does not)."""

    def __init__(
        self, actor: Actor, target_uuid: str | None = None, target_name: str = "", parent: QWidget | None = None
    ) -> None:
        title = self.tr("重置密码：{0}").format(target_name) if target_uuid else self.tr("修改密码")
        super().__init__(title, parent, 360, Buttons.Ok)
        self.actor = actor
        self.target_uuid = target_uuid
        self.old = _password_edit("old_password")
        self.new = _password_edit("new_password")
        self.again = _password_edit("again")
        if not target_uuid:
            self.form.add("old_password", self.tr("原密码"), self.old)
        self.form.add("new_password", self.tr("新密码"), self.new)
        self.form.add("again", self.tr("确认新密码"), self.again)

    def save(self) -> None:
        if self.new.text() != self.again.text():
            raise ValidationError({"again": self.tr("两次输入的密码不一致")})
        try:
            if self.target_uuid:
                auth.reset_password(self.actor, self.target_uuid, self.new.text())
            else:
                auth.change_own_password(self.actor, self.old.text(), self.new.text())
        except ValidationError as exc:
            fields = dict(exc.fields)
            if "password" in fields:
                fields["new_password"] = fields.pop("password")
            raise ValidationError(fields) from exc
