"""The 服务礼仪自查表 form (seed 000): 是/否 and an improvement note for each item, grouped by area."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QWidget,
)

from frontdesk import clock
from frontdesk.domain import selfcheck as rules
from frontdesk.domain.roles import Actor
from frontdesk.services.personnel import selfchecks
from frontdesk.ui.dialogs.base import Buttons, FormDialog


class AnswerRow(QWidget):
    """是 / 否 and the improvement note (filled with the seed's hint when 否 is chosen)."""

    def __init__(self, item: rules.CheckItem, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = item
        self.yes = QRadioButton(QCoreApplication.translate("SelfCheck", "是"))
        self.no = QRadioButton(QCoreApplication.translate("SelfCheck", "否"))
        self.yes.setObjectName(f"yes_{item.key}")
        self.no.setObjectName(f"no_{item.key}")
        self.group = QButtonGroup(self)
        self.group.addButton(self.yes)
        self.group.addButton(self.no)
        self.note = QLineEdit()
        self.note.setObjectName(f"note_{item.key}")
        self.note.setPlaceholderText(QCoreApplication.translate("SelfCheck", "改进措施（选“否”时必填）"))
        self.no.toggled.connect(self._no_toggled)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.yes)
        row.addWidget(self.no)
        row.addWidget(self.note, 1)

    def _no_toggled(self, checked: bool) -> None:
        if checked and not self.note.text():
            self.note.setText(QCoreApplication.translate("SelfCheck", self.item.hint))

    def set_answer(self, ok: bool | None, note: str) -> None:
        if ok is not None:
            (self.yes if ok else self.no).setChecked(True)
        self.note.setText(note)

    def answer(self) -> tuple[bool | None, str]:
        ok = True if self.yes.isChecked() else False if self.no.isChecked() else None
        return ok, self.note.text()


class SelfCheckDialog(FormDialog):
    """Fill (or correct until reviewed) one's own check for today's day or week."""

    def __init__(self, actor: Actor, parent: QWidget | None = None, day: date | None = None) -> None:
        super().__init__(self.tr("服务礼仪自查表"), parent, 760)
        self.actor = actor
        self.day = day or clock.today()
        slot = selfchecks.current_slot(self.day)
        weekly = selfchecks.frequency() == rules.Frequency.WEEKLY.value
        intro = QLabel(self.tr("{0}：{1}　本期：{2}").format(actor.name, self.tr("每周自查") if weekly else self.tr(
            "每日自查"), self.tr("{0} 所在周").format(slot) if weekly else slot.isoformat()))
        intro.setObjectName("intro")
        self.add_above(intro)
        existing = selfchecks.my_check(actor, self.day)
        self.rows: dict[str, AnswerRow] = {}
        area = ""
        for item in rules.ITEMS:
            if item.area != area:
                area = item.area
                self.form.addRow(QLabel(f"<b>{QCoreApplication.translate('SelfCheck', area)}</b>"))
            row = AnswerRow(item)
            if existing:
                row.set_answer(*existing["answers"].get(item.key, (None, "")))
            self.rows[item.key] = row
            self.form.add(item.key, QCoreApplication.translate("SelfCheck", item.text), row)
        if existing and existing["reviewed_at"]:
            self.ok_button.setEnabled(False)
            self.add_below(QLabel(self.tr("已由 {0} 审阅：{1}").format(existing["reviewed_by_name"],
                                                                   existing["review_note"] or "—")))
        self.ok_button.setText(self.tr("提交"))
        all_yes = self.buttons.addButton(self.tr("全部为“是”"), self.buttons.ButtonRole.ActionRole)
        all_yes.setObjectName("allYes")
        all_yes.clicked.connect(self.all_yes)

    def all_yes(self) -> None:
        for row in self.rows.values():
            row.yes.setChecked(True)

    def save(self) -> None:
        selfchecks.submit(self.actor, {k: r.answer() for k, r in self.rows.items()}, self.day)


class ReviewDialog(FormDialog):
    """A manager reads a check (read-only answers) and marks it reviewed with a note."""

    def __init__(self, actor: Actor, uuid: str, staff_name: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("审阅礼仪自查"), parent, 640, Buttons.Ok)
        self.actor, self.uuid = actor, uuid
        check = selfchecks.get_check(actor, uuid)
        self.add_above(QLabel(self.tr("{0}　{1}　提交于 {2:%Y-%m-%d %H:%M}").format(
            staff_name, check["slot"], check["submitted_at"])))
        for item in rules.ITEMS:
            ok, note = check["answers"].get(item.key, (None, ""))
            text = self.tr("是") if ok else self.tr("否：{0}").format(note)
            label = QLabel(text)
            if not ok:
                label.setStyleSheet("color:#c62828")
            self.form.add(item.key, QCoreApplication.translate("SelfCheck", item.text), label)
            name = self.form.itemAt(self.form.rowCount() - 1, QFormLayout.ItemRole.LabelRole).widget()
            if isinstance(name, QLabel):  # a long item wraps instead of pushing the answers to the right
                name.setWordWrap(True)
                name.setFixedWidth(240)
        self.note = QLineEdit(check["review_note"])
        self.note.setObjectName("reviewNote")
        self.form.add("note", self.tr("审阅意见"), self.note)
        self.ok_button.setText(self.tr("审阅通过"))

    def save(self) -> None:
        selfchecks.review(self.actor, self.uuid, self.note.text())
