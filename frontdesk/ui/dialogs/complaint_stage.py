"""Log entries on a case: stage change with note (推进), pause / resume / note with a reason."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QWidget,
)

from frontdesk import clock
from frontdesk.domain.roles import Actor
from frontdesk.domain.sla import Remedy, Stage
from frontdesk.services.complaints import cases as complaints
from frontdesk.ui.dialogs.base import Buttons, FormDialog
from frontdesk.ui.i18n import enum_text
from frontdesk.ui.widgets.date_field import DateTimeField
from frontdesk.ui.widgets.inputs import ChoiceCombo


def _note_edit(hint: str) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setObjectName("note")
    edit.setTabChangesFocus(True)
    edit.setPlaceholderText(hint)
    edit.setFixedHeight(90)
    return edit


class StageDialog(FormDialog):
    """推进: move the case on one stage, with what was done; entering 执行 records the promise."""

    def __init__(self, actor: Actor, case: dict, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("推进阶段 - {0}").format(case["number"]), parent, 480, Buttons.Ok)
        self.actor, self.case = actor, case
        current = Stage(case["stage"])
        self.current = QLabel(enum_text(current.label))
        self.stage = ChoiceCombo(
            [(s.value, enum_text(s.label)) for s in Stage if s not in (current, Stage.CLOSED)]
        )
        self.stage.setObjectName("stage")
        if current.next and current.next is not Stage.CLOSED:
            self.stage.set_value(current.next.value)
        self.remedy = ChoiceCombo([(None, self.tr("（无）"))] + [(r.value, enum_text(r.label)) for r in Remedy])
        self.remedy.setObjectName("remedy")
        self.promise = QCheckBox(self.tr("承诺在"))
        self.promised_at = DateTimeField(clock.now() + timedelta(days=1), optional=False)
        self.promised_at.setObjectName("promised_at")
        promise_row = QWidget()
        row = QHBoxLayout(promise_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.promise)
        row.addWidget(self.promised_at, 1)
        row.addWidget(QLabel(self.tr("前完成")))
        self.note = _note_edit(self.tr("本阶段做了什么、结果如何（必填）"))
        self.form.addRow(self.tr("当前阶段"), self.current)
        self.form.add("stage", self.tr("转入阶段"), self.stage)
        self.form.add("remedy", self.tr("处理方式"), self.remedy)
        self.form.add("promised_at", self.tr("承诺时间"), promise_row)
        self.form.add("note", self.tr("处理说明"), self.note)
        self.stage.currentIndexChanged.connect(self._sync)
        self._sync()

    def _sync(self) -> None:
        executing = self.stage.value() == Stage.EXECUTE.value
        for widget in (self.remedy, self.promised_at.parentWidget()):
            self.form.setRowVisible(widget.parentWidget(), executing)

    def promised(self) -> datetime | None:
        if not self.promise.isChecked() or self.stage.value() != Stage.EXECUTE.value:
            return None
        return self.promised_at.dateTime().toPython().replace(second=0, microsecond=0)

    def save(self) -> None:
        complaints.advance(
            self.actor, self.case["uuid"], self.stage.value(), self.note.toPlainText(),
            self.remedy.value() if self.stage.value() == Stage.EXECUTE.value else None, self.promised(),
            revision=self.case.get("revision"),
        )


class NoteDialog(FormDialog):
    """暂停 / 恢复 / 备注: one text, logged with who and when."""

    KINDS = {
        "pause": (QT_TRANSLATE_NOOP("NoteDialog", "暂停计时"), QT_TRANSLATE_NOOP("NoteDialog", "暂停原因"),
                  QT_TRANSLATE_NOOP("NoteDialog", "如：等待客户提供购物凭证；等待工程部检测结果（必填）")),
        "resume": (QT_TRANSLATE_NOOP("NoteDialog", "恢复计时"), QT_TRANSLATE_NOOP("NoteDialog", "说明"),
                   QT_TRANSLATE_NOOP("NoteDialog", "如：客户已提供凭证（可不填）")),
        "note": (QT_TRANSLATE_NOOP("NoteDialog", "添加备注"), QT_TRANSLATE_NOOP("NoteDialog", "备注"),
                 QT_TRANSLATE_NOOP("NoteDialog", "补充记录（必填）")),
    }

    def __init__(self, actor: Actor, case: dict, kind: str, parent: QWidget | None = None) -> None:
        title, field, hint = self.KINDS[kind]
        super().__init__(f"{self.tr(title)} - {case['number']}", parent, 440, Buttons.Ok)
        self.actor, self.case, self.kind = actor, case, kind
        self.note = _note_edit(self.tr(hint))
        self.form.add("note", self.tr(field), self.note)
        self.form.add("paused", "", QLabel(self.tr("暂停期间不计入各项处理时限。") if kind != "note" else ""))

    def save(self) -> None:
        action = {"pause": complaints.pause, "resume": complaints.resume, "note": complaints.add_note}[self.kind]
        action(self.actor, self.case["uuid"], self.note.toPlainText(), revision=self.case.get("revision"))

