"""Forms for the phrase book: a standard phrase (situation, text) and a forbidden phrase (text, category)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from frontdesk.domain.phrases import ADDRESSING, ARROGANT, EVASIVE
from frontdesk.domain.roles import Actor
from frontdesk.services.reception import phrases as phrase_service
from frontdesk.ui.dialogs.base import FormDialog
from frontdesk.ui.widgets.inputs import ChoiceCombo


class PhraseDialog(FormDialog):
    """A new standard phrase, or the edit of ``row`` (a dict from list_phrases)."""

    def __init__(
        self, actor: Actor, row: dict[str, Any] | None = None, situation: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("编辑规范用语") if row else self.tr("新增规范用语"), parent, 460)
        self.actor, self.row = actor, row
        self.situation = ChoiceCombo(
            [(v, QCoreApplication.translate("enum", t)) for v, t in phrase_service.situations()]
        )
        self.situation.setObjectName("situation")
        self.situation.set_value(row["situation"] if row else situation)
        self.text = QPlainTextEdit(row["text"] if row else "")
        self.text.setObjectName("text")
        self.text.setTabChangesFocus(True)
        self.text.setFixedHeight(72)
        self.text.setPlaceholderText(self.tr("如 您好，我是××号，请问有什么可以帮您？（××号 在插入时换成本人工号）"))
        self.active = QCheckBox(self.tr("启用"))
        self.active.setChecked(row["active"] if row else True)
        self.form.add("situation", self.tr("使用场景"), self.situation)
        self.form.add("text", self.tr("用语"), self.text)
        self.form.add("active", self.tr("状态"), self.active)

    def save(self) -> None:
        phrase_service.save_phrase(
            self.actor, self.situation.value(), self.text.toPlainText(), self.active.isChecked(),
            self.row["uuid"] if self.row else None,
        )


class ForbiddenDialog(FormDialog):
    """A new forbidden phrase, or the edit of ``row`` (a dict from list_forbidden)."""

    def __init__(self, actor: Actor, row: dict[str, Any] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("编辑服务忌语") if row else self.tr("新增服务忌语"), parent, 420)
        self.actor, self.row = actor, row
        self.text = QLineEdit(row["text"] if row else "")
        self.text.setObjectName("text")
        self.category = ChoiceCombo([(c, QCoreApplication.translate("enum", c)) for c in (ADDRESSING, ARROGANT, EVASIVE)])
        self.category.setObjectName("category")
        self.category.setEditable(True)
        if row:
            self.category.setCurrentText(row["category"])
        self.checked = QCheckBox(self.tr("检查登记文字（回复、处理情况中出现时提醒）"))
        self.checked.setChecked(row["checked"] if row else True)
        self.note = QLineEdit(row["note"] if row else "")
        self.note.setObjectName("note")
        self.form.add("text", self.tr("忌语"), self.text)
        self.form.add("category", self.tr("类别"), self.category)
        self.form.add("checked", self.tr("文字检查"), self.checked)
        self.form.add("note", self.tr("备注"), self.note)

    def save(self) -> None:
        phrase_service.save_forbidden(
            self.actor, self.text.text(), self.category.currentText(), self.checked.isChecked(),
            self.note.text(), self.row["uuid"] if self.row else None,
        )
