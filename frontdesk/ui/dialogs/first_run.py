"""First run: site code and name, and the administrator account."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from frontdesk.errors import ValidationError
from frontdesk.services.core import site
from frontdesk.ui.dialogs.base import Buttons, FormDialog


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
