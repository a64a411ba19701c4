"""SLA policy editor (投诉时限标准) for managers: every budget, which clocks apply, the desk's service hours."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QTimeEdit,
    QWidget,
)

from frontdesk import clock
from frontdesk.domain.roles import Actor
from frontdesk.domain.sla_policy import BUDGETS, MAX, SPECS, ServiceDays, SlaPolicy, Unit
from frontdesk.errors import ValidationError
from frontdesk.services.complaints import sla_policy as policies
from frontdesk.ui.dialogs.base import FormDialog
from frontdesk.ui.messages import localized
from frontdesk.ui.widgets.date_field import DateField
from frontdesk.ui.widgets.inputs import ChoiceCombo


class PolicyDialog(FormDialog):
    """Saved as a new version from its effective date; cases already opened keep the version they opened with."""

    def __init__(self, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("投诉时限标准"), parent, 700)
        self.actor = actor
        current = policies.current_policy(actor)
        policy: SlaPolicy = current["policy"]
        since = current["effective_from"]
        intro = QLabel(self.tr("当前版本：{0}。修改后保存为新版本，从生效日期起受理的投诉按新标准计时，"
                               "已受理的投诉不受影响。").format(
            self.tr("{0} 起，{1}").format(since, current["changed_by"]) if since else self.tr("默认标准")))
        intro.setWordWrap(True)
        self.add_above(intro)
        self.spins: dict[str, QSpinBox] = {}
        self.applies: dict[str, QCheckBox] = {}
        grid_box = QGroupBox(self.tr("各项时限"))
        grid = QGridLayout(grid_box)
        rows = {False: 0, True: 0}  # the seeds' fixed limits on the left, the optional level clocks on the right
        for spec in BUDGETS:
            row, col = rows[spec.optional], 2 if spec.optional else 0
            rows[spec.optional] += 1
            spin = QSpinBox()
            spin.setObjectName(spec.key)
            spin.setRange(-1, MAX[spec.unit])  # 0 and below are refused by the service, with the field named
            spin.setSuffix(self.tr(" 个工作日") if spec.unit is Unit.WORKDAYS else self.tr(" 小时"))
            value = policy.budget(spec.key)
            spin.setValue(value if value is not None else spec.default or 1)
            self.spins[spec.key] = spin
            name = QLabel(QCoreApplication.translate("sla", spec.label))
            grid.addWidget(name, row, col)
            if spec.optional:
                check = QCheckBox(self.tr("适用"))
                check.setObjectName(f"applies_{spec.key}")
                check.setChecked(value is not None)
                check.toggled.connect(spin.setEnabled)
                spin.setEnabled(value is not None)
                self.applies[spec.key] = check
                cell = QWidget()
                line = QHBoxLayout(cell)
                line.setContentsMargins(0, 0, 0, 0)
                line.addWidget(check)
                line.addWidget(spin, 1)
                grid.addWidget(cell, row, col + 1)
            else:
                grid.addWidget(spin, row, col + 1)
        self.body.insertWidget(1, grid_box)  # after the intro, above the form
        self.unplaced_label = QLabel()  # budget messages, each named by its budget
        self.unplaced_label.setObjectName("budgetErrors")
        self.unplaced_label.setWordWrap(True)
        self.unplaced_label.setStyleSheet("color: #c62828;")
        self.unplaced_label.hide()
        self.body.insertWidget(2, self.unplaced_label)
        self.use_stages = QCheckBox(self.tr("计算各阶段时限"))
        self.use_stages.setObjectName("use_stages")
        self.use_stages.setChecked(policy.use_stages)
        self.use_levels = QCheckBox(self.tr("计算处理等级的响应/解决时限"))
        self.use_levels.setObjectName("use_levels")
        self.use_levels.setChecked(policy.use_levels)
        self.form.add("use_stages", self.tr("阶段时限"), self.use_stages)
        self.form.add("use_levels", self.tr("等级时限"), self.use_levels)
        self.all_day = QCheckBox(self.tr("全天（24 小时）"))
        self.all_day.setObjectName("all_day")
        self.all_day.setChecked(policy.service_start is None)
        self.start, self.end = QTimeEdit(), QTimeEdit()
        for edit, name, value, fallback in ((self.start, "service_start", policy.service_start, QTime(8, 0)),
                                            (self.end, "service_end", policy.service_end, QTime(22, 0))):
            edit.setObjectName(name)
            edit.setDisplayFormat("HH:mm")
            edit.setTime(QTime(value.hour, value.minute) if value else fallback)
            self.all_day.toggled.connect(lambda on, e=edit: e.setEnabled(not on))
            edit.setEnabled(value is not None)
        hours = QWidget()
        line = QHBoxLayout(hours)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.all_day)
        line.addWidget(self.start)
        line.addWidget(QLabel("—"))
        line.addWidget(self.end)
        line.addStretch(1)
        self.days = ChoiceCombo([(ServiceDays.WORKDAYS.value, self.tr("仅工作日（周末、法定节假日不计）")),
                                 (ServiceDays.ALL.value, self.tr("每天"))])
        self.days.setObjectName("service_days")
        self.days.set_value(policy.service_days.value)
        self.form.add("service_start", self.tr("服务时间"), hours)
        explain = QLabel(self.tr("小时时限只计服务时间；服务时间外或非服务日受理的"
                                 "“即时”环节，从下一个服务时段开始计时。"))
        explain.setWordWrap(True)
        self.form.add("service_end", "", explain)
        self.form.add("service_days", self.tr("服务日"), self.days)
        self.effective = DateField()
        self.effective.setObjectName("effective_from")
        self.effective.set_value(clock.today())
        self.form.add("effective_from", self.tr("生效日期"), self.effective)

    def policy(self) -> SlaPolicy:
        budgets: dict[str, int | None] = {}
        for key, spin in self.spins.items():
            check = self.applies.get(key)
            budgets[key] = None if check is not None and not check.isChecked() else spin.value()
        start = None if self.all_day.isChecked() else self.start.time().toPython()
        end = None if self.all_day.isChecked() else self.end.time().toPython()
        return SlaPolicy(budgets, self.use_stages.isChecked(), self.use_levels.isChecked(), start, end,
                         ServiceDays(self.days.value()))

    def save(self) -> None:
        for spin in self.spins.values():
            spin.setStyleSheet("")
        try:
            policies.save_policy(self.actor, self.policy(), self.effective.value() or clock.today())
        except ValidationError as exc:
            named = {}
            for key, message in exc.fields.items():
                if key in SPECS:
                    self.spins[key].setStyleSheet("border: 1px solid #c62828;")
                    message = self.tr("{0}：{1}").format(QCoreApplication.translate("sla", SPECS[key].label), localized(message))
                named[key] = message
            raise ValidationError(named) from None
