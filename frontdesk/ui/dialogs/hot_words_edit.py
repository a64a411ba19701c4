"""热点词典 form: the site's own words (kept whole by the segmenter) and the stop words (left out of hot topics)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPlainTextEdit, QPushButton, QWidget

from frontdesk.domain.roles import Actor
from frontdesk.domain.segment import DEFAULT_SITE_WORDS, DEFAULT_STOP_WORDS, split_words
from frontdesk.services.reports import weekly_words
from frontdesk.ui.dialogs.base import FormDialog


def _box(words: tuple[str, ...], name: str) -> QPlainTextEdit:
    box = QPlainTextEdit("  ".join(words))
    box.setObjectName(name)
    box.setTabChangesFocus(True)
    box.setMinimumHeight(110)
    return box


class HotWordsDialog(FormDialog):
    """Both lists as text, words separated by spaces, commas or new lines; 恢复默认 puts the built-in lists back."""

    def __init__(self, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("热点词典"), parent, 620)
        self.actor = actor
        current = weekly_words.get_hot_words(actor)
        intro = QLabel(self.tr("每周分析的“热点问题”按词统计。站点词典里的词不会被拆开（如 道闸、充电桩、扫码支付）；"
                               "停用词不计入热点（如 顾客、反映、要求）。词之间用空格、逗号或换行分隔。"))
        intro.setWordWrap(True)
        self.add_above(intro)
        self.site_words = _box(current.site_words, "site_words")
        self.stop_words = _box(current.stop_words, "stop_words")
        self.form.add("site_words", self.tr("站点词典"), self.site_words)
        self.form.add("stop_words", self.tr("停用词"), self.stop_words)
        self.defaults = QPushButton(self.tr("恢复默认"))
        self.defaults.setObjectName("defaults")
        self.defaults.clicked.connect(self.restore_defaults)
        self.buttons.addButton(self.defaults, self.buttons.ButtonRole.ResetRole)

    def restore_defaults(self) -> None:
        self.site_words.setPlainText("  ".join(DEFAULT_SITE_WORDS))
        self.stop_words.setPlainText("  ".join(DEFAULT_STOP_WORDS))

    def save(self) -> None:
        weekly_words.save_hot_words(self.actor, split_words(self.site_words.toPlainText()),
                                    split_words(self.stop_words.toPlainText()))
