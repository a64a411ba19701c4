"""Transfer a contact to a department (转办), and record a department's reply."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from frontdesk import clock
from frontdesk.domain.reception import ReplyOutcome
from frontdesk.domain.reception import label as reception_label
from frontdesk.domain.roles import Actor
from frontdesk.services.core import staff as staff_service
from frontdesk.services.reception import transfers
from frontdesk.ui.dialogs.base import Buttons, FormDialog
from frontdesk.ui.i18n import enum_text
from frontdesk.ui.widgets.date_field import DateField, DateTimeField
from frontdesk.ui.widgets.inputs import ChoiceCombo


def to_py(value: QDateTime) -> datetime:
    return value.toPython().replace(second=0, microsecond=0)


class TransferDialog(FormDialog):
    """Department, due time (default: tomorrow this time) and instructions."""

    def __init__(self, actor: Actor, contact: dict, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("转办 {0}").format(contact["number"]), parent, 440, Buttons.Ok)
        self.actor = actor
        self.contact = contact
        summary = QLabel(f"{contact.get('customer_name') or ''}：{contact.get('request') or ''}")
        summary.setWordWrap(True)
        summary.setStyleSheet("color: #455a64; padding-bottom: 6px;")
        self.add_above(summary)
        self.department = ChoiceCombo(
            [(None, self.tr("（请选择）"))] + [(d["uuid"], d["name"]) for d in staff_service.list_departments(actor)]
        )
        self.department.setObjectName("department")
        self.due = DateTimeField(clock.now().replace(second=0) + timedelta(days=1), optional=False)
        self.due.setObjectName("due")
        self.instructions = QLineEdit()
        self.instructions.setObjectName("instructions")
        self.instructions.setPlaceholderText(self.tr("需要承办部门做什么、何时答复客户"))
        self.form.add("department_uuid", self.tr("承办部门"), self.department)
        self.form.add("due_at", self.tr("办理期限"), self.due)
        self.form.add("instructions", self.tr("转办说明"), self.instructions)

    def save(self) -> None:
        transfers.transfer_contact(
            self.actor, self.contact["uuid"], self.department.value(), to_py(self.due.dateTime()),
            self.instructions.text(),
        )


class ReplyDialog(FormDialog):
    """The department's reply and the result; then only record it, or finish the transfer and close the
    contact, or finish it and keep the contact open with a follow-up (who, by when)."""

    def __init__(self, actor: Actor, transfer: dict, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("登记部门答复 - {0}").format(transfer.get("contact_number", "")), parent, 480,
                         Buttons.Ok)
        self.actor = actor
        self.transfer = transfer
        self.reply = QLineEdit(transfer.get("reply") or "")
        self.reply.setObjectName("reply")
        self.result_edit = QLineEdit(transfer.get("result") or "")
        self.result_edit.setObjectName("result")
        self.result_edit.setPlaceholderText(self.tr("办结时写入接待的“处理情况及结果”"))
        self.outcome = ChoiceCombo([(o.value, enum_text(o.value, reception_label)) for o in ReplyOutcome])
        self.outcome.setObjectName("outcome")
        self.follow_up = QLineEdit()
        self.follow_up.setObjectName("follow_up")
        self.follow_up.setPlaceholderText(self.tr("还需要跟进什么"))
        self.follow_up_owner = ChoiceCombo([(None, self.tr("（跟进人）"))] + staff_service.staff_choices(actor))
        self.follow_up_owner.setObjectName("follow_up_owner")
        self.follow_up_owner.set_value(actor.uuid)
        self.follow_up_due = DateField()
        self.follow_up_due.setObjectName("follow_up_due")
        self.follow_up_due.set_value(clock.today() + timedelta(days=1))
        who = QWidget()
        row = QHBoxLayout(who)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.follow_up_owner, 1)
        row.addWidget(self.follow_up_due)
        self.form.add("reply", self.tr("部门答复"), self.reply)
        self.form.add("result", self.tr("处理结果"), self.result_edit)
        self.form.add("outcome", self.tr("答复后"), self.outcome)
        self.form.add("follow_up", self.tr("跟进事项"), self.follow_up)
        self.form.add("follow_up_owner_uuid", self.tr("跟进人/期限"), who)
        self.form.alias("follow_up_due", "follow_up_owner_uuid")
        self.outcome.currentIndexChanged.connect(self._outcome_changed)
        self._outcome_changed()

    def _outcome_changed(self) -> None:
        following = self.outcome.value() == ReplyOutcome.FOLLOW_UP.value
        for widget in (self.follow_up, self.follow_up_owner, self.follow_up_due):
            widget.setEnabled(following)

    def save(self) -> None:
        following = self.outcome.value() == ReplyOutcome.FOLLOW_UP.value
        transfers.record_reply(
            self.actor, self.transfer["uuid"], self.reply.text(), self.result_edit.text(), self.outcome.value(),
            self.follow_up.text() if following else "", self.follow_up_owner.value() if following else None,
            self.follow_up_due.value() if following else None)
