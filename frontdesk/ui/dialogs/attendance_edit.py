"""Schedule and attendance dialogs: shift type, assign, swap, clock-in/out, manager entry, leave, grace."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QSpinBox, QWidget

from frontdesk import clock
from frontdesk.domain import attendance as rules
from frontdesk.domain.attendance import LeaveKind
from frontdesk.domain.roles import Actor, Permission
from frontdesk.services.core import staff as staff_service
from frontdesk.services.personnel import attendance, leaves, shifts
from frontdesk.ui.dialogs.base import Buttons, FormDialog
from frontdesk.ui.i18n import enum_text
from frontdesk.ui.widgets.date_field import DateField, DateTimeField
from frontdesk.ui.widgets.inputs import ChoiceCombo


def password_edit(name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


def enum_choices(values: Any, label: Any) -> list[tuple[str, str]]:
    return [(v.value, enum_text(v.value, label)) for v in values]


class ShiftTypeDialog(FormDialog):
    """Add a shift type, or edit one chosen from the list (times of shifts already scheduled stay)."""

    def __init__(self, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("班次设置"), parent, 380)
        self.actor = actor
        self.types = {t["uuid"]: t for t in shifts.list_shift_types(actor, include_inactive=True)}
        self.which = ChoiceCombo([(None, self.tr("（新增班次）"))] + [(u, t["name"]) for u, t in self.types.items()])
        self.which.setObjectName("which")
        self.name, self.start, self.end = QLineEdit(), QLineEdit("08:00"), QLineEdit("16:00")
        self.name.setObjectName("name")
        self.meal_start, self.meal_end = QLineEdit(), QLineEdit()
        for edit, name in ((self.meal_start, "meal_start"), (self.meal_end, "meal_end")):
            edit.setObjectName(name)
            edit.setPlaceholderText(self.tr("HH:MM，不安排留空"))
        self.active = QCheckBox(self.tr("启用"))
        self.active.setChecked(True)
        self.form.add("which", self.tr("班次"), self.which)
        self.form.add("name", self.tr("名称"), self.name)
        self.form.add("start", self.tr("开始"), self.start)
        self.form.add("end", self.tr("结束"), self.end)
        self.form.add("meal_start", self.tr("用餐开始"), self.meal_start)
        self.form.add("meal_end", self.tr("用餐结束"), self.meal_end)
        self.form.add("active", self.tr("状态"), self.active)
        note = QLabel(self.tr("结束时间不晚于开始时间的班次跨过午夜，到次日结束。已排的班次保持原来的时间。"
                              "用餐时间内离开台席不算离岗。"))
        note.setWordWrap(True)
        self.add_below(note)
        self.which.currentIndexChanged.connect(self._load)

    def _load(self) -> None:
        t = self.types.get(self.which.value())
        if t:
            self.name.setText(t["name"])
            self.start.setText(t["start"])
            self.end.setText(t["end"])
            self.meal_start.setText(t.get("meal_start", ""))
            self.meal_end.setText(t.get("meal_end", ""))
            self.active.setChecked(t["active"])

    def save(self) -> None:
        shifts.save_shift_type(self.actor, self.name.text(), self.start.text(), self.end.text(),
                               self.active.isChecked(), self.which.value(), self.meal_start.text(),
                               self.meal_end.text())


class AssignDialog(FormDialog):
    """Put a member of staff on a shift for a day."""

    def __init__(self, actor: Actor, day: date, staff_uuid: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("排班"), parent, 360)
        self.actor = actor
        self.staff = ChoiceCombo(staff_service.staff_choices(actor))
        self.staff.setObjectName("staff")
        if staff_uuid:
            self.staff.set_value(staff_uuid)
        self.day = DateField()
        self.day.set_value(day)
        self.shift_type = ChoiceCombo([(t["uuid"], f"{t['name']} {t['start']}–{t['end']}")
                                       for t in shifts.list_shift_types(actor)])
        self.shift_type.setObjectName("shift_type")
        self.form.add("staff_uuid", self.tr("员工"), self.staff)
        self.form.add("day", self.tr("日期"), self.day)
        self.form.add("shift_type_uuid", self.tr("班次"), self.shift_type)

    def save(self) -> None:
        shifts.assign(self.actor, self.staff.value(), self.day.value() or clock.today(), self.shift_type.value())


class SwapDialog(FormDialog):
    """Ask (at least one shift ahead) to hand one of one's coming shifts to a colleague."""

    def __init__(self, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("申请调班"), parent, 420)
        self.actor = actor
        self.shift = ChoiceCombo(shifts.shift_choices(actor, actor.uuid))
        self.shift.setObjectName("shift")
        self.target = ChoiceCombo([(u, n) for u, n in staff_service.staff_choices(actor) if u != actor.uuid])
        self.target.setObjectName("target")
        self.reason = QLineEdit()
        self.reason.setObjectName("reason")
        self.form.add("shift_uuid", self.tr("我的班次"), self.shift)
        self.form.add("target_uuid", self.tr("替班同事"), self.target)
        self.form.add("reason", self.tr("调班原因"), self.reason)
        self.add_below(QLabel(self.tr("按规定须至少提前一个班次申请，由主管审批。")))

    def save(self) -> None:
        shifts.request_swap(self.actor, self.shift.value() or "", self.target.value() or "", self.reason.text())


class ClockDialog(FormDialog):
    """签到 / 签退 at the desk: the clerk picks themself and types their own password."""

    def __init__(self, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("签到 / 签退"), parent, 360, Buttons.Ok)
        self.actor = actor
        self.result_info: dict[str, Any] | None = None
        self.staff = ChoiceCombo(staff_service.staff_choices(actor))
        self.staff.setObjectName("staff")
        self.staff.set_value(actor.uuid)
        self.password = password_edit("password")
        self.form.add("staff_uuid", self.tr("员工"), self.staff)
        self.form.add("password", self.tr("本人密码"), self.password)

    def save(self) -> None:
        self.result_info = attendance.clock(self.actor, self.staff.value() or "", self.password.text())


class AttendanceEditDialog(FormDialog):
    """A manager enters or corrects a shift's clock times; a correction needs a reason."""

    def __init__(self, actor: Actor, row: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("补录 / 更正考勤"), parent, 420)
        self.actor, self.row = actor, row
        info = QLabel(f"{row['staff_name']}　{row['day']}　{row['shift_name']}　"
                      f"{row['start_at']:%H:%M}–{row['end_at']:%H:%M}")
        self.add_above(info)
        self.clock_in = DateTimeField(row.get("clock_in") or row["start_at"])
        self.clock_in.setObjectName("clock_in")
        self.clock_out = DateTimeField(row.get("clock_out") or row["end_at"])
        self.clock_out.setObjectName("clock_out")
        self.reason = QLineEdit()
        self.reason.setObjectName("reason")
        self.reason.setPlaceholderText(self.tr("更正已有记录时必填，如：打卡机故障"))
        self.form.add("clock_in", self.tr("签到时间"), self.clock_in)
        self.form.add("clock_out", self.tr("签退时间"), self.clock_out)
        self.form.add("reason", self.tr("原因"), self.reason)

    def save(self) -> None:
        attendance.manager_entry(self.actor, self.row["uuid"], self.clock_in.value(), self.clock_out.value(),
                                 self.reason.text())


class LeaveDialog(FormDialog):
    """A leave request (type, from–to, reason); managers may record one for anyone (e.g. a phone leave)."""

    def __init__(self, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("请假申请"), parent, 420)
        self.actor = actor
        choices = staff_service.staff_choices(actor)
        if not actor.can(Permission.MANAGE_PERSONNEL):
            choices = [c for c in choices if c[0] == actor.uuid]
        self.staff = ChoiceCombo(choices)
        self.staff.setObjectName("staff")
        self.staff.set_value(actor.uuid)
        self.kind = ChoiceCombo(enum_choices(LeaveKind, rules.label))
        self.kind.setObjectName("kind")
        tomorrow = datetime.combine(clock.today() + timedelta(days=1), datetime.min.time())
        self.start = DateTimeField(tomorrow.replace(hour=8))
        self.start.setObjectName("start")
        self.end = DateTimeField(tomorrow.replace(hour=18))
        self.end.setObjectName("end")
        self.reason = QLineEdit()
        self.reason.setObjectName("reason")
        self.form.add("staff_uuid", self.tr("员工"), self.staff)
        self.form.add("kind", self.tr("类型"), self.kind)
        self.form.add("start_at", self.tr("开始"), self.start)
        self.form.add("end_at", self.tr("结束"), self.end)
        self.form.add("reason", self.tr("事由"), self.reason)
        note = QLabel(self.tr("电话请假须在 {0} 天内补办手续，逾期按旷工处理。").format(rules.PHONE_LEAVE_PAPERWORK_DAYS))
        self.add_below(note)

    def save(self) -> None:
        leaves.request_leave(self.actor, self.staff.value() or "", self.kind.value(), self.start.value(),
                             self.end.value(), self.reason.text())


class GraceDialog(FormDialog):
    """The grace period: lateness within it counts as on time."""

    def __init__(self, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("考勤设置"), parent, 320)
        self.actor = actor
        self.minutes = QSpinBox()
        self.minutes.setObjectName("grace_minutes")
        self.minutes.setRange(0, 60)
        self.minutes.setSuffix(self.tr(" 分钟"))
        self.minutes.setValue(attendance.grace_minutes())
        self.form.add("grace_minutes", self.tr("迟到宽限"), self.minutes)

    def save(self) -> None:
        attendance.set_grace_minutes(self.actor, self.minutes.value())
