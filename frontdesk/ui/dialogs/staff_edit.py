"""Roster form: 工号, name, department, position, role, phone, hire date, active, initial password."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QLineEdit, QWidget

from frontdesk.domain.roles import Actor, Permission, Role
from frontdesk.services.core import staff as staff_service
from frontdesk.ui.dialogs.base import FormDialog
from frontdesk.ui.widgets.date_field import DateField
from frontdesk.ui.widgets.inputs import ChoiceCombo


def role_choices() -> list[tuple[str, str]]:
    return [(r.value, QCoreApplication.translate("enum", r.label)) for r in Role]


class StaffDialog(FormDialog):
    """New staff member (``uuid`` None) or edit of an existing one."""

    def __init__(self, actor: Actor, uuid: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("编辑员工") if uuid else self.tr("新增员工"), parent, 420)
        self.actor = actor
        self.uuid = uuid
        self.saved_uuid: str | None = None
        self.staff_no = QLineEdit()
        self.staff_no.setObjectName("staff_no")
        self.name = QLineEdit()
        self.name.setObjectName("name")
        self.department = ChoiceCombo(
            [(None, self.tr("（无）"))] + [(d["uuid"], d["name"]) for d in staff_service.list_departments(actor)]
        )
        self.department.setObjectName("department")
        self.position = QLineEdit()
        self.position.setObjectName("position")
        self.position.setPlaceholderText(self.tr("例如 前台客服、值班主管"))
        self.role = ChoiceCombo(role_choices())
        self.role.setObjectName("role")
        self.phone = QLineEdit()
        self.phone.setObjectName("phone")
        self.hire_date = DateField()
        self.hire_date.setObjectName("hire_date")
        self.active = QCheckBox(self.tr("在职"))
        self.active.setChecked(True)
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("留空则不设置/不修改"))

        self.form.add("staff_no", self.tr("工号"), self.staff_no)
        self.form.add("name", self.tr("姓名"), self.name)
        self.form.add("department_uuid", self.tr("部门"), self.department)
        self.form.add("position", self.tr("岗位"), self.position)
        self.form.add("role", self.tr("角色"), self.role)
        self.form.add("phone", self.tr("电话"), self.phone)
        self.form.add("hire_date", self.tr("入职日期"), self.hire_date)
        self.form.add("active", self.tr("状态"), self.active)
        can_accounts = actor.can(Permission.MANAGE_ACCOUNTS)
        if can_accounts:
            self.form.add("password", self.tr("登录密码"), self.password)
        self.role.setEnabled(can_accounts)

        if uuid:
            data = staff_service.get_staff(actor, uuid)
            self.staff_no.setText(data.staff_no)
            self.name.setText(data.name)
            self.department.set_value(data.department_uuid)
            self.position.setText(data.position)
            self.role.set_value(data.role)
            self.phone.setText(data.phone)
            self.hire_date.set_value(data.hire_date)
            self.active.setChecked(data.active)

    def save(self) -> None:
        data = staff_service.StaffInput(
            staff_no=self.staff_no.text(),
            name=self.name.text(),
            department_uuid=self.department.value(),
            position=self.position.text().strip(),
            role=self.role.value(),
            phone=self.phone.text(),
            hire_date=self.hire_date.value(),
            active=self.active.isChecked(),
        )
        self.saved_uuid = staff_service.save_staff(self.actor, data, self.uuid, self.password.text() or None)
