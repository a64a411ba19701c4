"""Help call form (求助登记): kind, time, caller, vehicle (plate, type), where (direction, 桩号), dispatch, outcome."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from frontdesk import clock
from frontdesk.domain.expressway import HelpCallInput, HelpOutcome
from frontdesk.domain.roles import Actor
from frontdesk.services.expressway import help_calls
from frontdesk.ui.dialogs.base import FormDialog
from frontdesk.ui.widgets.date_field import DateTimeField
from frontdesk.ui.widgets.inputs import ChoiceCombo


def _combo(choices: list[tuple[str, str]], name: str, blank: str | None = None) -> ChoiceCombo:
    items = [(v, QCoreApplication.translate("enum", t)) for v, t in choices]
    combo = ChoiceCombo(([("", blank)] if blank is not None else []) + items)
    combo.setObjectName(name)
    return combo


def _text(value: str, name: str, hint: str = "") -> QLineEdit:
    edit = QLineEdit(value)
    edit.setObjectName(name)
    edit.setPlaceholderText(hint)
    return edit


class HelpCallDialog(FormDialog):
    """A new help call (received now unless changed), or the follow-up of the call ``uuid``."""

    def __init__(self, actor: Actor, uuid: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("求助处置") if uuid else self.tr("求助登记"), parent, 620)
        self.actor, self.uuid = actor, uuid
        row = help_calls.get_help_call(actor, uuid) if uuid else {}
        self.kind = _combo(help_calls.kinds(), "kind")
        self.kind.set_value(row.get("kind", "breakdown"))
        self.received_at = DateTimeField(row.get("received_at") or clock.now().replace(second=0, microsecond=0),
                                         optional=False)
        self.received_at.setObjectName("received_at")
        self.caller_phone = _text(row.get("caller_phone", ""), "caller_phone", self.tr("来电号码"))
        self.plate = _text(row.get("plate", ""), "plate", self.tr("如 浙G12345，新能源 浙GD12345"))
        self.vehicle_type = _combo(help_calls.vehicle_types(), "vehicle_type", self.tr("（不详）"))
        self.vehicle_type.set_value(row.get("vehicle_type", ""))
        self.direction = _combo(help_calls.directions(), "direction", self.tr("（请选择）"))
        self.direction.set_value(row.get("direction", ""))
        self.stake = _text(row.get("stake", ""), "stake", self.tr("如 K123+400"))
        self.location = _text(row.get("location", ""), "location", self.tr("附近的收费站、服务区、隧道、桥梁"))
        self.description = QPlainTextEdit(row.get("description", ""))
        self.description.setObjectName("description")
        self.description.setTabChangesFocus(True)
        self.description.setPlaceholderText(self.tr("车辆和人员情况：故障/事故经过、伤员、是否已放置警示标志"))
        self.description.setMaximumHeight(70)
        self.dispatched = _text(row.get("dispatched", ""), "dispatched", self.tr("如 清障车、120 救护车、路政、交警"))
        self.dispatched_at = DateTimeField(row.get("dispatched_at"))
        self.dispatched_at.setObjectName("dispatched_at")
        self.outcome = _combo(help_calls.outcomes(), "outcome")
        self.outcome.set_value(row.get("outcome", HelpOutcome.OPEN.value))
        self.outcome_note = _text(row.get("outcome_note", ""), "outcome_note", self.tr("处置经过与结果"))
        self.closed_at = DateTimeField(row.get("closed_at"))
        self.closed_at.setObjectName("closed_at")
        for name, text, widget in (
                ("kind", self.tr("求助类型"), self.kind), ("received_at", self.tr("求助时间"), self.received_at),
                ("caller_phone", self.tr("来电号码"), self.caller_phone), ("plate", self.tr("车牌号"), self.plate),
                ("vehicle_type", self.tr("车型"), self.vehicle_type), ("direction", self.tr("行驶方向"), self.direction),
                ("stake", self.tr("桩号"), self.stake), ("location", self.tr("位置说明"), self.location),
                ("description", self.tr("求助情况"), self.description),
                ("dispatched", self.tr("派遣"), self.dispatched), ("dispatched_at", self.tr("派遣时间"), self.dispatched_at),
                ("outcome", self.tr("处置结果"), self.outcome), ("outcome_note", self.tr("结果说明"), self.outcome_note),
                ("closed_at", self.tr("完毕时间"), self.closed_at)):
            self.form.add(name, text, widget)

    def data(self) -> HelpCallInput:
        return HelpCallInput(
            self.kind.value() or "", self.received_at.value(), self.caller_phone.text(), self.plate.text(),
            self.vehicle_type.value() or "", self.direction.value() or "", self.stake.text(), self.location.text(),
            self.description.toPlainText(), self.dispatched.text(), self.dispatched_at.value(),
            self.outcome.value() or "", self.outcome_note.text(), self.closed_at.value())

    def save(self) -> None:
        self.uuid = help_calls.save_help_call(self.actor, self.data(), self.uuid)
