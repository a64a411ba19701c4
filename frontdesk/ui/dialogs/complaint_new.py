"""New complaint form (新建投诉): complainant, subject, category, severity, level, department, staff."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QWidget,
)

from frontdesk.domain.complaints import ComplaintCategory, ComplaintInput, label
from frontdesk.domain.roles import Actor
from frontdesk.domain.sla import Priority, Severity
from frontdesk.services.complaints import cases as complaints
from frontdesk.services.core import staff as staff_service
from frontdesk.ui.dialogs.base import FormDialog
from frontdesk.ui.i18n import enum_text
from frontdesk.ui.widgets.inputs import ChoiceCombo


class ComplaintDialog(FormDialog):
    """Opens a case in 受理; ``saved_uuid`` holds it after a successful save."""

    def __init__(self, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("新建投诉"), parent, 520)
        self.actor = actor
        self.saved_uuid: str | None = None
        self.saved_number = ""
        self.customer_name = QLineEdit()
        self.customer_name.setObjectName("customer_name")
        self.customer_name.setPlaceholderText(self.tr("如：王女士"))
        self.phone = QLineEdit()
        self.phone.setObjectName("phone")
        self.phone.setPlaceholderText(self.tr("手机或座机，可不填"))
        self.subject = QLineEdit()
        self.subject.setObjectName("subject")
        self.subject.setPlaceholderText(self.tr("一句话概括投诉事由"))
        self.description = QPlainTextEdit()
        self.description.setObjectName("description")
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(90)
        self.category = ChoiceCombo([(c.value, enum_text(label(c.value))) for c in ComplaintCategory])
        self.category.setObjectName("category")
        self.severity = ChoiceCombo([(s.value, enum_text(s.label)) for s in Severity])
        self.severity.setObjectName("severity")
        self.level = ChoiceCombo([(p.value, f"{p.value} {enum_text(p.label)}") for p in Priority])
        self.level.setObjectName("level")
        departments = staff_service.list_departments(actor)
        self.department = ChoiceCombo([(None, self.tr("（暂不指定）"))] + [(d["uuid"], d["name"]) for d in departments])
        self.department.setObjectName("department")
        self.staff = ChoiceCombo([(None, self.tr("（不归责到个人）"))] + staff_service.staff_choices(actor))
        self.staff.setObjectName("staff")

        for combo in (self.category, self.severity, self.level, self.department, self.staff):
            combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.form.add("customer_name", self.tr("投诉人"), self.customer_name)
        self.form.add("phone", self.tr("联系电话"), self.phone)
        self.form.add("subject", self.tr("投诉事由"), self.subject)
        self.form.add("description", self.tr("投诉内容"), self.description)
        self.form.add("category", self.tr("投诉类别"), self.category)
        self.form.add("severity", self.tr("严重程度"), self.severity)
        self.form.add("level", self.tr("处理等级"), self.level)
        self.form.add("department_uuid", self.tr("责任部门"), self.department)
        self.form.add("staff_uuid", self.tr("归责员工"), self.staff)

    def data(self) -> ComplaintInput:
        return ComplaintInput(
            customer_name=self.customer_name.text(),
            phone=self.phone.text(),
            subject=self.subject.text(),
            description=self.description.toPlainText(),
            category=self.category.value(),
            severity=self.severity.value(),
            level=int(self.level.value()),
            department_uuid=self.department.value(),
            staff_uuid=self.staff.value(),
        )

    def save(self) -> None:
        saved = complaints.open_complaint(self.actor, self.data())
        self.saved_uuid, self.saved_number = saved.uuid, saved.number
