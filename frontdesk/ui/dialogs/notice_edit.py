"""Outbound notice form (公告登记): kind, title, content, channel, when published, how many reached, valid until."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from frontdesk import clock
from frontdesk.domain.expressway import REACH_MAX, NoticeInput
from frontdesk.domain.roles import Actor
from frontdesk.services.expressway import notices
from frontdesk.ui.dialogs.base import FormDialog
from frontdesk.ui.widgets.date_field import DateTimeField
from frontdesk.ui.widgets.inputs import ChoiceCombo


class NoticeDialog(FormDialog):
    """A new notice (published now unless changed), or the correction of the notice ``uuid``."""

    def __init__(self, actor: Actor, uuid: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("编辑公告") if uuid else self.tr("公告登记"), parent, 560)
        self.actor, self.uuid = actor, uuid
        row = notices.get_notice(actor, uuid) if uuid else {}
        self.kind = ChoiceCombo([(v, QCoreApplication.translate("enum", t)) for v, t in notices.kinds()])
        self.kind.setObjectName("kind")
        self.kind.set_value(row.get("kind", "publicity"))
        self.title = QLineEdit(row.get("title", ""))
        self.title.setObjectName("title")
        self.title.setPlaceholderText(self.tr("如 K88 路段夜间封闭施工"))
        self.content = QPlainTextEdit(row.get("content", ""))
        self.content.setObjectName("content")
        self.content.setTabChangesFocus(True)
        self.content.setMinimumHeight(90)
        self.channel = ChoiceCombo([(v, QCoreApplication.translate("enum", t)) for v, t in notices.channels()])
        self.channel.setObjectName("channel")
        self.channel.set_value(row.get("channel", "sms"))
        self.published_at = DateTimeField(row.get("published_at") or clock.now().replace(second=0, microsecond=0),
                                          optional=False)
        self.published_at.setObjectName("published_at")
        self.reach = QSpinBox()
        self.reach.setObjectName("reach")
        self.reach.setRange(-1, REACH_MAX)  # -1 shows as blank: not filled in yet
        self.reach.setSpecialValueText(self.tr("（未填）"))
        self.reach.setValue(row.get("reach", -1) if row else -1)
        self.reach.setSuffix(self.tr(" 人次"))
        self.valid_to = DateTimeField(row.get("valid_to"))
        self.valid_to.setObjectName("valid_to")
        self.note = QLineEdit(row.get("note", ""))
        self.note.setObjectName("note")
        for name, text, widget in (
                ("kind", self.tr("类型"), self.kind), ("title", self.tr("标题"), self.title),
                ("content", self.tr("内容"), self.content), ("channel", self.tr("发布渠道"), self.channel),
                ("published_at", self.tr("发布时间"), self.published_at), ("reach", self.tr("覆盖人数"), self.reach),
                ("valid_to", self.tr("有效至"), self.valid_to), ("note", self.tr("备注"), self.note)):
            self.form.add(name, text, widget, self.tr("停运、封闭的预计恢复时间") if name == "valid_to" else "")

    def data(self) -> NoticeInput:
        reach = self.reach.value()
        return NoticeInput(self.kind.value() or "", self.title.text(), self.content.toPlainText(),
                           self.channel.value() or "", self.published_at.value(), None if reach < 0 else reach,
                           self.valid_to.value(), self.note.text())

    def save(self) -> None:
        self.uuid = notices.save_notice(self.actor, self.data(), self.uuid)
