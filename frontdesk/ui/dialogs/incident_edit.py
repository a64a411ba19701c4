"""Discipline dialogs: record an incident, a reason (appeal/revoke/reopen), an appeal decision, a rule version."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from frontdesk import clock
from frontdesk.domain import attendance as attendance_rules
from frontdesk.domain import fines
from frontdesk.domain.fines import Dismissal, RuleSpec, Unit
from frontdesk.domain.roles import Actor
from frontdesk.errors import ValidationError
from frontdesk.services.core import audit
from frontdesk.services.core import staff as staff_service
from frontdesk.services.discipline import fine_rules
from frontdesk.services.discipline import incidents as discipline
from frontdesk.ui.dialogs.attendance_edit import enum_choices
from frontdesk.ui.dialogs.base import Buttons, FormDialog
from frontdesk.ui.widgets.date_field import DateField, DateTimeField
from frontdesk.ui.widgets.inputs import ChoiceCombo, FilterBox


class IncidentDialog(FormDialog):
    """登记违纪: staff (several only for per-person rules), time, rule, fine within the range, evidence."""

    def __init__(self, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("登记违纪"), parent, 520)
        self.actor = actor
        self.rules = {r["code"]: r for r in fine_rules.current_rules(actor)}
        self.staff = QListWidget()
        self.staff.setObjectName("staff")
        self.staff.setMinimumHeight(160)
        for uuid, name in staff_service.staff_choices(actor):
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, uuid)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.staff.addItem(item)
        self.staff_search = FilterBox(self.tr("输入工号或姓名筛选，回车勾选第一位"))
        self.staff_search.setObjectName("staffSearch")
        self.staff_search.textChanged.connect(self._filter_staff)
        self.staff_search.picked.connect(self._pick_staff)
        self.staff_count = QLabel()
        self.staff_count.setObjectName("staffCount")
        staff_box = QWidget()
        staff_col = QVBoxLayout(staff_box)
        staff_col.setContentsMargins(0, 0, 0, 0)
        staff_col.setSpacing(2)
        staff_col.addWidget(self.staff_search)
        staff_col.addWidget(self.staff)
        staff_col.addWidget(self.staff_count)
        self.staff.itemChanged.connect(self._count_staff)
        self._count_staff()
        self.when = DateTimeField(clock.now().replace(second=0))
        self.when.setObjectName("when")
        self.rule = ChoiceCombo([(c, self.tr("{0} {1}（{2} 元）").format(c, r["offence"], r["range_text"]))
                                 for c, r in self.rules.items()])
        self.rule.setObjectName("rule")
        self.quantity = QSpinBox()
        self.quantity.setRange(1, 99)
        self.amount = QLineEdit()
        self.amount.setObjectName("amount")
        self.description = QLineEdit()
        self.description.setObjectName("description")
        self.evidence = QLineEdit()
        self.evidence.setPlaceholderText(self.tr("如：监控截图、顾客投诉单号、在场证人"))
        self.serious = QCheckBox(self.tr("情节严重（可提出辞退建议）"))
        self.confirm_now = QCheckBox(self.tr("登记后直接确认"))
        self.form.add("staff_uuids", self.tr("违纪员工"), staff_box)
        self.form.add("occurred_at", self.tr("发生时间"), self.when)
        self.form.add("rule_code", self.tr("违纪条款"), self.rule)
        self.form.add("quantity", self.tr("次数"), self.quantity)
        self.form.add("amount", self.tr("罚款（元/人）"), self.amount)
        self.form.add("description", self.tr("情况说明"), self.description)
        self.form.add("evidence", self.tr("证据"), self.evidence)
        self.form.add("serious", "", self.serious)
        self.form.add("confirm_now", "", self.confirm_now)
        self.rule.currentIndexChanged.connect(self._rule_changed)
        self._rule_changed()

    def _rule_changed(self) -> None:
        rule = self.rules.get(self.rule.value())
        if rule:
            self.amount.setText(fines.yuan(rule["min_amount"]))
            self.serious.setEnabled(rule["dismissal"] != Dismissal.NONE.value)
            self.quantity.setEnabled(rule["unit"] == Unit.PER_TIME.value)

    def _filter_staff(self, text: str) -> None:
        words = text.strip().lower()
        for i in range(self.staff.count()):
            item = self.staff.item(i)
            item.setHidden(bool(words) and words not in item.text().lower())

    def _pick_staff(self) -> None:
        """Enter in the search: tick (or untick) the first person shown, ready for the next name."""
        shown = [self.staff.item(i) for i in range(self.staff.count()) if not self.staff.item(i).isHidden()]
        if shown:
            item = shown[0]
            checked = item.checkState() == Qt.CheckState.Checked
            item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)
            self.staff.scrollToItem(item)
        self.staff_search.selectAll()

    def _count_staff(self, *_args: object) -> None:
        self.staff_count.setText(self.tr("已选 {0} 人").format(len(self.checked_staff())))

    def checked_staff(self) -> list[str]:
        return [self.staff.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.staff.count())
                if self.staff.item(i).checkState() == Qt.CheckState.Checked]

    def save(self) -> None:
        amount = fine_rules.money(self.amount.text(), "amount")
        discipline.record_incident(self.actor, discipline.IncidentInput(
            staff_uuids=self.checked_staff(), rule_code=self.rule.value() or "", occurred_at=self.when.value(),
            amount=amount * self.quantity.value(), description=self.description.text(),
            quantity=self.quantity.value(), evidence=self.evidence.text(), serious=self.serious.isChecked(),
            confirm_now=self.confirm_now.isChecked()))


class ReasonDialog(FormDialog):
    """One line of text (an appeal, a revocation or a reopening reason) passed to ``action``."""

    def __init__(self, title: str, label: str, action: Callable[[str], None], parent: QWidget | None = None,
                 field: str = "reason") -> None:
        super().__init__(title, parent, 420, Buttons.Ok)
        self.action = action
        self.text = QPlainTextEdit()
        self.text.setObjectName("reason")
        self.text.setMaximumHeight(90)
        self.form.add(field, label, self.text)

    def save(self) -> None:
        self.action(self.text.toPlainText())


class AppealDialog(FormDialog):
    """The manager decides an appeal: uphold (revoke) or reject (stands, fine may change)."""

    def __init__(self, actor: Actor, row: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("处理申诉"), parent, 460, Buttons.Ok)
        self.actor, self.row = actor, row
        info = QLabel(self.tr("{0} {1}：{2}\n申诉理由：{3}").format(
            row["number"], row["staff_name"], row["description"], row["appeal_reason"]))
        info.setWordWrap(True)
        self.add_above(info)
        self.outcome = ChoiceCombo([(False, self.tr("驳回申诉，维持处罚")), (True, self.tr("申诉成立，撤销处罚"))])
        self.outcome.setObjectName("outcome")
        self.amount = QLineEdit(fines.yuan(row["amount"]))
        self.amount.setObjectName("amount")
        self.note = QLineEdit()
        self.note.setObjectName("note")
        self.form.add("outcome", self.tr("处理结果"), self.outcome)
        self.form.add("amount", self.tr("罚款（元）"), self.amount)
        self.form.add("note", self.tr("处理意见"), self.note)

    def save(self) -> None:
        upheld = bool(self.outcome.value())
        amount = None if upheld else fine_rules.money(self.amount.text(), "amount")
        discipline.decide_appeal(self.actor, self.row["uuid"], upheld, self.note.text(), amount,
                                  revision=self.row.get("revision"))


class FineRuleDialog(FormDialog):
    """A new version of a rule (or a new rule) from an effective date; past incidents keep their amounts."""

    def __init__(self, actor: Actor, row: dict[str, Any] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("修改罚款标准") if row else self.tr("新增罚款条款"), parent, 480)
        self.actor = actor
        self.code = QLineEdit(row["code"] if row else "")
        self.code.setObjectName("code")
        self.code.setReadOnly(bool(row))
        self.category = ChoiceCombo([(c, c) for c in (fines.RULES_CAT, fines.WORK_CAT, fines.LABOUR_CAT)])
        self.offence = QLineEdit(row["offence"] if row else "")
        self.offence.setObjectName("offence")
        self.low = QLineEdit(fines.yuan(row["min_amount"]) if row else "")
        self.low.setObjectName("min_amount")
        self.high = QLineEdit(fines.yuan(row["max_amount"]) if row else "")
        self.high.setObjectName("max_amount")
        self.unit = ChoiceCombo(enum_choices(Unit, fines.label))
        self.dismissal = ChoiceCombo(enum_choices(Dismissal, fines.label))
        self.tiers = QLineEdit(row["tiers"] if row else "")
        self.tiers.setPlaceholderText(self.tr("迟到分档，如 15:10, 30:20, 60:50（分钟:元）"))
        self.effective = DateField()
        self.effective.set_value(clock.today())
        self.note = QLineEdit()
        if row:
            self.category.set_value(row["category"])
            self.unit.set_value(row["unit"])
            self.dismissal.set_value(row["dismissal"])
        for name, label, widget in (
            ("code", self.tr("编号"), self.code), ("category", self.tr("类别"), self.category),
            ("offence", self.tr("违纪行为"), self.offence), ("min_amount", self.tr("罚款下限（元）"), self.low),
            ("max_amount", self.tr("罚款上限（元）"), self.high), ("unit", self.tr("计罚方式"), self.unit),
            ("dismissal", self.tr("辞退"), self.dismissal), ("tiers", self.tr("分档"), self.tiers),
            ("effective_from", self.tr("生效日期"), self.effective), ("note", self.tr("修改说明"), self.note),
        ):
            self.form.add(name, label, widget)

    def save(self) -> None:
        try:
            tiers = fines.parse_tiers(self.tiers.text())
        except ValueError:
            raise ValidationError({"tiers": self.tr("分档格式为 分钟:金额，用逗号分隔")}) from None
        spec = RuleSpec(self.code.text().strip().upper(), self.category.value(), self.offence.text(),
                        fine_rules.money(self.low.text(), "min_amount"), fine_rules.money(self.high.text(), "max_amount"),
                        Unit(self.unit.value()), Dismissal(self.dismissal.value()), tiers)
        fine_rules.save_version(self.actor, spec, self.effective.value() or clock.today(), self.note.text())


ACTIONS = {
    "create": QT_TRANSLATE_NOOP("audit", "登记"), "confirm": QT_TRANSLATE_NOOP("audit", "确认"),
    "revoke": QT_TRANSLATE_NOOP("audit", "撤销"), "appeal": QT_TRANSLATE_NOOP("audit", "申诉"),
    "appeal_upheld": QT_TRANSLATE_NOOP("audit", "申诉成立"), "appeal_rejected": QT_TRANSLATE_NOOP("audit", "驳回申诉"),
    "dismissal_proposal": QT_TRANSLATE_NOOP("audit", "提出辞退建议"), "schedule": QT_TRANSLATE_NOOP("audit", "排班"),
    "unschedule": QT_TRANSLATE_NOOP("audit", "取消排班"), "swap": QT_TRANSLATE_NOOP("audit", "调班"),
    "clock_in": QT_TRANSLATE_NOOP("audit", "签到"), "clock_out": QT_TRANSLATE_NOOP("audit", "签退"),
    "enter": QT_TRANSLATE_NOOP("audit", "补录考勤"), "correct": QT_TRANSLATE_NOOP("audit", "更正考勤"),
    "sign_off": QT_TRANSLATE_NOOP("audit", "签字确认"), "reopen": QT_TRANSLATE_NOOP("audit", "重新打开"),
    "new_version": QT_TRANSLATE_NOOP("audit", "新版本"), "update": QT_TRANSLATE_NOOP("audit", "修改"),
    "import_undo": QT_TRANSLATE_NOOP("audit", "导入中断后撤销"),
}
FIELDS = {
    "amount": QT_TRANSLATE_NOOP("audit", "罚款"), "status": QT_TRANSLATE_NOOP("audit", "状态"),
    "description": QT_TRANSLATE_NOOP("audit", "情况"), "rule": QT_TRANSLATE_NOOP("audit", "条款"),
    "occurred_at": QT_TRANSLATE_NOOP("audit", "发生时间"), "quantity": QT_TRANSLATE_NOOP("audit", "次数"),
    "staff": QT_TRANSLATE_NOOP("audit", "员工"), "clock_in": QT_TRANSLATE_NOOP("audit", "签到"),
    "clock_out": QT_TRANSLATE_NOOP("audit", "签退"), "late_minutes": QT_TRANSLATE_NOOP("audit", "迟到分钟"),
    "early_minutes": QT_TRANSLATE_NOOP("audit", "早退分钟"), "locked": QT_TRANSLATE_NOOP("audit", "锁定"),
    "total": QT_TRANSLATE_NOOP("audit", "合计"),
}


def _shown(key: str, value: Any) -> Any:
    if key == "status" and isinstance(value, str):
        text = fines.LABELS.get(value) or attendance_rules.LABELS.get(value)
        return QCoreApplication.translate("enum", text) if text else value
    return value


def _values(values: dict[str, Any]) -> str:
    return "；".join(f"{QCoreApplication.translate('audit', FIELDS.get(k, k))}: {_shown(k, v)}" for k, v in values.items())


class AuditDialog(FormDialog):
    """A record's audit trail (who, when, what, old → new), for managers."""

    def __init__(self, actor: Actor, entity_uuid: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("修改记录 - {0}").format(title), parent, 760, Buttons.Ok)
        rows = audit.history(actor, entity_uuid)
        table = QTableWidget(len(rows), 5)
        table.setObjectName("auditTable")
        table.setHorizontalHeaderLabels([self.tr("时间"), self.tr("操作人"), self.tr("操作"), self.tr("原值"),
                                         self.tr("新值")])
        for i, r in enumerate(rows):
            action = QCoreApplication.translate("audit", ACTIONS.get(r["action"], r["action"]))
            values = [f"{r['at']:%Y-%m-%d %H:%M}", r["actor"], action + (f"（{r['note']}）" if r["note"] else ""),
                      _values(r["old"]), _values(r["new"])]
            for j, v in enumerate(values):
                table.setItem(i, j, QTableWidgetItem(v))
        header = table.horizontalHeader()  # long old/new values wrap within the dialog, never scroll it sideways
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        for column in (3, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        table.setWordWrap(True)
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.setMinimumHeight(260)
        self.body.insertWidget(0, table)
        self.buttons.button(Buttons.Cancel).hide()

    def save(self) -> None:
        """Read-only."""
