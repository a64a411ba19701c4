"""Setting assessments up: a new run (period or ad-hoc dates, template, team) and the template editor."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from frontdesk import clock
from frontdesk.domain import assessment as rules
from frontdesk.domain.assessment import Dimension, Grade, PeriodKind
from frontdesk.domain.assessment import label as assessment_label
from frontdesk.domain.roles import Actor
from frontdesk.errors import ValidationError
from frontdesk.services.assessments import runs as assessments
from frontdesk.services.assessments import templates
from frontdesk.services.core import staff as staff_service
from frontdesk.ui.dialogs.base import FormDialog
from frontdesk.ui.i18n import enum_text
from frontdesk.ui.widgets.date_field import DateField
from frontdesk.ui.widgets.inputs import ChoiceCombo


class RunDialog(FormDialog):
    """新建考核: a month or quarter (the last finished one by default), a template and the team."""

    def __init__(self, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("新建考核"), parent, 520)
        self.actor = actor
        self.run_uuid = ""
        self.kind = ChoiceCombo([(k.value, enum_text(k, assessment_label))
                                 for k in (PeriodKind.QUARTER, PeriodKind.MONTH, PeriodKind.ADHOC)])
        self.kind.setObjectName("kind")
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.number = ChoiceCombo()
        self.number.setObjectName("number")
        period = QHBoxLayout()
        period.setContentsMargins(0, 0, 0, 0)
        period.addWidget(self.year)
        period.addWidget(self.number, 1)
        period_box = QWidget()
        period_box.setLayout(period)
        # 不定期专项: any span of days instead of a month or a quarter (the last 30 days by default)
        self.start = DateField(clock.today() - timedelta(days=29))
        self.start.setObjectName("start")
        self.end = DateField(clock.today())
        self.end.setObjectName("end")
        dates = QHBoxLayout()
        dates.setContentsMargins(0, 0, 0, 0)
        dates.addWidget(self.start, 1)
        dates.addWidget(QLabel(self.tr("至")))
        dates.addWidget(self.end, 1)
        dates_box = QWidget()
        dates_box.setLayout(dates)
        self.period_stack = QStackedWidget()
        self.period_stack.addWidget(period_box)
        self.period_stack.addWidget(dates_box)
        self.period_stack.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.template_kinds = {t["uuid"]: t["period_kind"] for t in templates.list_templates(actor)}
        self.template = ChoiceCombo([(t["uuid"], self.tr("{0}（第 {1} 版）").format(t["name"], t["version"]))
                                     for t in templates.list_templates(actor)])
        self.template.setObjectName("template")
        self.staff = QListWidget()
        self.staff.setObjectName("staff")
        self.staff.setMinimumHeight(200)
        for uuid, name in staff_service.staff_choices(actor):
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, uuid)
            item.setCheckState(Qt.CheckState.Unchecked if uuid == actor.uuid else Qt.CheckState.Checked)
            self.staff.addItem(item)
        toggle = QPushButton(self.tr("全选/全不选"))
        toggle.setAutoDefault(False)
        toggle.clicked.connect(self._toggle)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("默认：期间 + 模板名称"))
        self.form.add("period_kind", self.tr("考核周期"), self.kind)
        self.form.add("number", self.tr("考核期间"), self.period_stack)
        self.form.add("template_uuid", self.tr("考核模板"), self.template)
        self.form.add("staff_uuids", self.tr("参加人员"), self.staff)
        self.form.addRow("", toggle)
        self.form.add("name", self.tr("名称"), self.name)
        self.kind.currentIndexChanged.connect(self._periods)
        self._periods()

    def _periods(self) -> None:
        kind = PeriodKind(self.kind.value())
        self.period_stack.setCurrentIndex(1 if kind is PeriodKind.ADHOC else 0)
        if kind is PeriodKind.ADHOC:
            return
        today = clock.today()
        year, number = rules.period_of(kind, today)
        # the last finished period is the one usually assessed
        number -= 1
        if number == 0:
            year, number = year - 1, 12 if kind is PeriodKind.MONTH else 4
        self.year.setValue(year)
        count = 12 if kind is PeriodKind.MONTH else 4
        fmt = self.tr("{0} 月") if kind is PeriodKind.MONTH else self.tr("第 {0} 季度")
        self.number.set_choices([(n, fmt.format(n)) for n in range(1, count + 1)])
        self.number.set_value(number)
        matching = [uuid for uuid, k in self.template_kinds.items() if k == kind.value]
        if matching and self.template.value() not in matching:
            self.template.set_value(matching[0])

    def _toggle(self) -> None:
        state = Qt.CheckState.Unchecked if self.checked() else Qt.CheckState.Checked
        for i in range(self.staff.count()):
            self.staff.item(i).setCheckState(state)

    def checked(self) -> list[str]:
        return [self.staff.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.staff.count())
                if self.staff.item(i).checkState() == Qt.CheckState.Checked]

    def save(self) -> None:
        try:
            self.run_uuid = assessments.create_run(self.actor, assessments.RunInput(
                period_kind=self.kind.value(), year=self.year.value(), number=self.number.value() or 0,
                staff_uuids=self.checked(), template_uuid=self.template.value() or "", name=self.name.text(),
                start=self.start.value(), end=self.end.value()))
        except ValidationError as exc:  # an ad-hoc run's dates share the period row
            fields = {k: v for k, v in exc.fields.items() if k not in ("start", "end")}
            dates = [exc.fields[k] for k in ("start", "end") if k in exc.fields]
            if dates:
                fields["number"] = "；".join(dates)
            raise ValidationError(fields) from exc


class TemplateDialog(FormDialog):
    """Edit a template: saving writes a new version; assessments already made keep the version they used."""

    def __init__(self, actor: Actor, uuid: str | None, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("考核模板"), parent, 720)
        self.actor = actor
        current = templates.get_template(actor, uuid) if uuid else None
        self.family = current["family"] if current else ""
        spec = current["spec"] if current else None
        self.name = QLineEdit(current["name"] if current else "")
        self.name.setObjectName("name")
        self.scale = QSpinBox()
        self.scale.setObjectName("scale")
        self.scale.setRange(1, 100)
        self.scale.setValue(spec.scale_max if spec else 5)
        self.weights: dict[Dimension, QLineEdit] = {}
        weights_row = QHBoxLayout()
        weights_row.setContentsMargins(0, 0, 0, 0)
        for dim in Dimension:
            edit = QLineEdit(f"{spec.weights[dim].normalize():f}" if spec else "25")
            edit.setObjectName(f"weight_{dim.value}")
            edit.setMaximumWidth(70)
            weights_row.addWidget(QLabel(enum_text(dim, assessment_label)))
            weights_row.addWidget(edit)
            self.weights[dim] = edit
        weights_row.addWidget(QLabel("%"))
        weights_row.addStretch(1)
        weights_box = QWidget()
        weights_box.setLayout(weights_row)
        self.thresholds: dict[Grade, QLineEdit] = {}
        grade_row = QHBoxLayout()
        grade_row.setContentsMargins(0, 0, 0, 0)
        for grade in (Grade.EXCELLENT, Grade.GOOD, Grade.PASS):
            value = spec.thresholds[grade] if spec else rules.DEFAULT_THRESHOLDS[grade]
            edit = QLineEdit(f"{value.normalize():f}")
            edit.setObjectName(f"threshold_{grade.value}")
            edit.setMaximumWidth(60)
            grade_row.addWidget(QLabel(self.tr("{0} ≥").format(enum_text(grade, assessment_label))))
            grade_row.addWidget(edit)
            self.thresholds[grade] = edit
        grade_row.addWidget(QLabel(self.tr("分，其余为不合格")))
        grade_row.addStretch(1)
        grade_box = QWidget()
        grade_box.setLayout(grade_row)
        self.items = QTableWidget(0, 2)
        self.items.setObjectName("items")
        self.items.setHorizontalHeaderLabels([self.tr("维度"), self.tr("考核项目")])
        self.items.setColumnWidth(0, 110)
        self.items.horizontalHeader().setStretchLastSection(True)
        self.items.verticalHeader().setVisible(False)
        self.items.setMinimumHeight(260)
        for item in spec.items if spec else ():
            self.add_item(item.dimension, item.text, item.auto)
        add = QPushButton(self.tr("添加项目"))
        add.setAutoDefault(False)
        add.clicked.connect(lambda: self.add_item(Dimension.ATTITUDE, "", ""))
        remove = QPushButton(self.tr("删除所选项目"))
        remove.setAutoDefault(False)
        remove.clicked.connect(lambda: self.items.removeRow(self.items.currentRow()))
        item_buttons = QHBoxLayout()
        item_buttons.setContentsMargins(0, 0, 0, 0)
        item_buttons.addWidget(add)
        item_buttons.addWidget(remove)
        item_buttons.addStretch(1)
        item_box = QWidget()
        item_box.setLayout(item_buttons)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("本次修改的说明"))
        self.form.add("name", self.tr("模板名称"), self.name)
        self.form.add("weights", self.tr("维度权重"), weights_box)
        self.form.add("scale_max", self.tr("每项满分"), self.scale)
        self.form.add("thresholds", self.tr("等级分数线"), grade_box)
        self.form.add("items", self.tr("考核项目"), self.items)
        self.form.addRow("", item_box)
        self.form.add("note", self.tr("修改说明"), self.note)
        if current:
            self.setWindowTitle(self.tr("考核模板 — {0}（保存为第 {1} 版）").format(current["name"],
                                                                            current["version"] + 1))

    def add_item(self, dimension: Dimension, text: str, auto: str) -> None:
        row = self.items.rowCount()
        self.items.insertRow(row)
        combo = ChoiceCombo([(d.value, enum_text(d, assessment_label)) for d in Dimension])
        combo.set_value(dimension.value)
        self.items.setCellWidget(row, 0, combo)
        cell = QTableWidgetItem(text)
        cell.setData(Qt.ItemDataRole.UserRole, auto)
        if auto:
            cell.setText(text)
            cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
            cell.setToolTip(enum_text(auto, assessment_label))
        self.items.setItem(row, 1, cell)

    def item_rows(self) -> list[tuple[str, str, str]]:
        rows = []
        for row in range(self.items.rowCount()):
            cell = self.items.item(row, 1)
            rows.append((self.items.cellWidget(row, 0).value(), cell.text() if cell else "",
                         (cell.data(Qt.ItemDataRole.UserRole) or "") if cell else ""))
        return rows

    def save(self) -> None:
        try:
            self._save()
        except ValidationError as exc:  # a single dimension's weight is shown on the weights row
            fields = {("weights" if k.startswith("weight_") else k): v for k, v in exc.fields.items()}
            raise ValidationError(fields) from exc

    def _save(self) -> None:
        templates.save_template(self.actor, templates.TemplateInput(
            name=self.name.text(), weights={d.value: e.text() for d, e in self.weights.items()},
            items=self.item_rows(), scale_max=self.scale.value(),
            thresholds={g.value: e.text() for g, e in self.thresholds.items()}, family=self.family,
            note=self.note.text()))
