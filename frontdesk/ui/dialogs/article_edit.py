"""Knowledge base article form: category, title, keywords, answer, validity period, active."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QWidget

from frontdesk.domain.knowledge import ArticleInput
from frontdesk.domain.roles import Actor
from frontdesk.services.reception import knowledge
from frontdesk.ui.dialogs.base import FormDialog
from frontdesk.ui.widgets.date_field import DateField
from frontdesk.ui.widgets.inputs import ChoiceCombo


class ArticleDialog(FormDialog):
    """A new article (in ``category`` when given), or the edit of the article ``uuid``."""

    def __init__(self, actor: Actor, uuid: str | None = None, category: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("编辑知识条目") if uuid else self.tr("新增知识条目"), parent, 560)
        self.actor, self.uuid = actor, uuid
        row = knowledge.get_article(actor, uuid) if uuid else None
        self.category = ChoiceCombo([(v, QCoreApplication.translate("enum", t)) for v, t in knowledge.categories()])
        self.category.setObjectName("category")
        self.category.set_value(row["category"] if row else category)
        self.title = QLineEdit(row["title"] if row else "")
        self.title.setObjectName("title")
        self.title.setPlaceholderText(self.tr("客户会怎么问，如 停车怎么收费"))
        self.keywords = QLineEdit(row["keywords"] if row else "")
        self.keywords.setObjectName("keywords")
        self.keywords.setPlaceholderText(self.tr("同义词、俗称，用空格分隔，如 停车费 车位"))
        self.answer = QPlainTextEdit(row["answer"] if row else "")
        self.answer.setObjectName("answer")
        self.answer.setTabChangesFocus(True)
        self.answer.setMinimumHeight(120)
        self.valid_from = DateField()
        self.valid_from.setObjectName("valid_from")
        self.valid_to = DateField()
        self.valid_to.setObjectName("valid_to")
        if row:
            self.valid_from.set_value(row["valid_from"])
            self.valid_to.set_value(row["valid_to"])
        for field in (self.valid_from, self.valid_to):  # the whole hint shows: 未填写（如 1120、t、+3）
            field.setMinimumWidth(field.fontMetrics().horizontalAdvance(field.placeholderText()) + 48)
        period = QWidget()
        line = QHBoxLayout(period)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.valid_from)
        line.addWidget(QLabel("—"))
        line.addWidget(self.valid_to)
        line.addStretch(1)
        self.active = QCheckBox(self.tr("启用"))
        self.active.setObjectName("active")
        self.active.setChecked(row["active"] if row else True)
        self.form.add("category", self.tr("分类"), self.category)
        self.form.add("title", self.tr("标题（问题）"), self.title)
        self.form.add("keywords", self.tr("关键词"), self.keywords)
        self.form.add("answer", self.tr("答复内容"), self.answer)
        self.form.add("valid_from", self.tr("有效期（不填即长期）"), period)
        self.form.alias("valid_to", "valid_from")  # both ends share the period's row
        self.form.add("active", self.tr("状态"), self.active)

    def data(self) -> ArticleInput:
        return ArticleInput(self.category.value() or "", self.title.text(), self.answer.toPlainText(),
                            self.keywords.text(), self.valid_from.value(), self.valid_to.value(),
                            self.active.isChecked())

    def save(self) -> None:
        self.uuid = knowledge.save_article(self.actor, self.data(), self.uuid)
