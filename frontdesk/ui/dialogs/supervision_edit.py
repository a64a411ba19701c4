"""Supervision dialogs: an inspection round or mystery-shopper visit with its checklist and recording, a finding
(noted, a discipline incident or a coaching note), one inspection as recorded, a public-opinion entry and its
follow-up."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from frontdesk import clock
from frontdesk.domain.roles import Actor
from frontdesk.domain.supervision import (
    LABELS,
    FindingAction,
    FindingInput,
    InspectionInput,
    InspectionKind,
    OpinionInput,
    OpinionSource,
)
from frontdesk.services.core import staff as staff_service
from frontdesk.services.discipline import fine_rules
from frontdesk.services.personnel import supervision
from frontdesk.ui.dialogs.base import Buttons, FormDialog
from frontdesk.ui.widgets.date_field import DateTimeField
from frontdesk.ui.widgets.inputs import ChoiceCombo


def _enum(value: str) -> str:
    return QCoreApplication.translate("enum", LABELS.get(value, value))


def _row_widget(*widgets: QWidget) -> QWidget:
    box = QWidget()
    line = QHBoxLayout(box)
    line.setContentsMargins(0, 0, 0, 0)
    for i, widget in enumerate(widgets):
        line.addWidget(widget, 1 if i == 0 else 0)
    return box


class InspectionDialog(FormDialog):
    """现场巡查 / 暗访: when, who inspected, whom, each checklist line passed or not, summary, recording file."""

    def __init__(self, actor: Actor, kind: str = InspectionKind.ROUND.value, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("新增监督检查"), parent, 620)
        self.actor = actor
        self.uuid: str | None = None
        self.kind = ChoiceCombo([(k.value, _enum(k.value)) for k in InspectionKind])
        self.kind.setObjectName("kind")
        self.kind.set_value(kind)
        self.at = DateTimeField(clock.now().replace(second=0, microsecond=0))
        self.at.setObjectName("at")
        self.inspector = QLineEdit(actor.name if kind == InspectionKind.ROUND else "")
        self.inspector.setObjectName("inspector")
        self.inspector.setPlaceholderText(self.tr("巡查的主管，或暗访员/机构"))
        self.staff = ChoiceCombo([("", self.tr("（前台整体）"))] + staff_service.staff_choices(actor))
        self.staff.setObjectName("staff")
        self.checklist = QTableWidget(0, 2)
        self.checklist.setObjectName("checklist")
        self.checklist.setHorizontalHeaderLabels([self.tr("合格"), self.tr("检查项目")])
        self.checklist.verticalHeader().setVisible(False)
        self.checklist.setColumnWidth(0, 50)
        self.checklist.horizontalHeader().setStretchLastSection(True)
        self.checklist.setMinimumHeight(170)
        for line in supervision.default_checklist():
            self.add_line(QCoreApplication.translate("supervision", line), True)
        add = QPushButton(self.tr("添加一项"))
        add.setObjectName("addLine")
        add.setAutoDefault(False)
        add.clicked.connect(lambda: self.add_line("", True))
        self.summary = QPlainTextEdit()
        self.summary.setObjectName("summary")
        self.summary.setTabChangesFocus(True)
        self.summary.setFixedHeight(70)
        self.recording = QLineEdit()
        self.recording.setObjectName("recording")
        self.recording.setPlaceholderText(self.tr("录音录像文件的路径，如 \\\\nas\\录音\\2026-11-18\\前台.mp3"))
        browse = QPushButton(self.tr("选择…"))
        browse.setAutoDefault(False)
        browse.clicked.connect(self.choose_recording)
        self.form.add("kind", self.tr("检查方式"), self.kind)
        self.form.add("at", self.tr("检查时间"), self.at)
        self.form.add("inspector", self.tr("检查人"), self.inspector)
        self.form.add("staff_uuid", self.tr("被检查员工"), self.staff)
        self.form.add("checklist", self.tr("检查清单"), _row_widget(self.checklist, add))
        self.form.add("summary", self.tr("检查小结"), self.summary)
        self.form.add("recording", self.tr("录音录像"), _row_widget(self.recording, browse))

    def add_line(self, text: str, ok: bool) -> None:
        row = self.checklist.rowCount()
        self.checklist.insertRow(row)
        tick = QTableWidgetItem()
        tick.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
        tick.setCheckState(Qt.CheckState.Checked if ok else Qt.CheckState.Unchecked)
        self.checklist.setItem(row, 0, tick)
        self.checklist.setItem(row, 1, QTableWidgetItem(text))

    def lines(self) -> tuple[tuple[str, bool], ...]:
        out = []
        for i in range(self.checklist.rowCount()):
            text = self.checklist.item(i, 1).text() if self.checklist.item(i, 1) else ""
            out.append((text, self.checklist.item(i, 0).checkState() == Qt.CheckState.Checked))
        return tuple(out)

    def choose_recording(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择录音录像文件"), str(Path.home()),
                                              self.tr("录音录像 (*.mp3 *.wav *.m4a *.amr *.mp4 *.avi *.mov);;所有文件 (*)"))
        if path:
            self.recording.setText(path)

    def data(self) -> InspectionInput:
        return InspectionInput(self.kind.value() or "", self.at.value(), self.inspector.text(), self.staff.value() or "",
                               self.lines(), self.summary.toPlainText(), self.recording.text())

    def save(self) -> None:
        self.uuid = supervision.save_inspection(self.actor, self.data())


class FindingDialog(FormDialog):
    """发现问题: about whom, what, and what it leads to — noted, a discipline incident (rule, fine), or coaching."""

    def __init__(self, actor: Actor, inspection: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("添加检查发现"), parent, 560)
        self.actor, self.inspection = actor, inspection
        self.uuid: str | None = None
        self.add_above(QLabel(f"{inspection['at']:%Y-%m-%d %H:%M}  {_enum(inspection['kind'])}  "
                              f"{inspection['inspector']}"))
        self.staff = ChoiceCombo([("", self.tr("（不针对个人）"))] + staff_service.staff_choices(actor))
        self.staff.setObjectName("staff")
        self.staff.set_value(inspection.get("staff_uuid") or "")
        self.text = QLineEdit()
        self.text.setObjectName("text")
        self.text.setPlaceholderText(self.tr("如 顾客进门 20 秒无人问好"))
        self.action = ChoiceCombo([(a.value, _enum(a.value)) for a in FindingAction])
        self.action.setObjectName("action")
        self.rule = ChoiceCombo([("", "—")] + [(r["code"], f"{r['code']} {r['offence']}（{r['range_text']}）")
                                               for r in fine_rules.current_rules(actor)])
        self.rule.setObjectName("rule")
        self.amount = QLineEdit()
        self.amount.setObjectName("amount")
        self.amount.setPlaceholderText(self.tr("不填即按条款最低金额"))
        self.coaching = QLineEdit()
        self.coaching.setObjectName("coaching")
        self.coaching.setPlaceholderText(self.tr("如 示范三声问好，下周复查"))
        self.form.add("staff_uuid", self.tr("员工"), self.staff)
        self.form.alias("staff_uuids", "staff_uuid")
        self.form.add("text", self.tr("发现的问题"), self.text)
        self.form.add("action", self.tr("处理方式"), self.action)
        self.form.add("rule_code", self.tr("违纪条款"), self.rule)
        self.form.add("amount", self.tr("罚款金额（元）"), self.amount)
        self.form.add("coaching", self.tr("辅导内容"), self.coaching)
        self.action.currentIndexChanged.connect(self._action_changed)
        self._action_changed()

    def _action_changed(self) -> None:
        action = self.action.value()
        for widget, on in ((self.rule, action == FindingAction.INCIDENT), (self.amount, action == FindingAction.INCIDENT),
                           (self.coaching, action == FindingAction.COACHING)):
            widget.setEnabled(on)

    def data(self) -> FindingInput:
        amount = None
        if self.action.value() == FindingAction.INCIDENT and self.amount.text().strip():
            amount = fine_rules.money(self.amount.text(), "amount")
        return FindingInput(self.text.text(), self.staff.value() or "", self.action.value() or "",
                            self.rule.value() or "", amount, self.coaching.text())

    def save(self) -> None:
        self.uuid = supervision.add_finding(self.actor, self.inspection["uuid"], self.data())


class InspectionViewDialog(FormDialog):
    """One inspection as recorded: the checklist with each line's result, the findings and what they led to."""

    def __init__(self, actor: Actor, uuid: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("监督检查记录"), parent, 680, Buttons.Ok)
        data = supervision.get_inspection(actor, uuid)
        self.form.add("at", self.tr("检查"), QLabel(f"{data['at']:%Y-%m-%d %H:%M}  {_enum(data['kind'])}  "
                                                    f"{data['inspector']}"))
        self.form.add("staff", self.tr("被检查员工"), QLabel(data["staff_name"] or self.tr("（前台整体）")))
        lines = QLabel("\n".join(("✔ " if c["ok"] else "✘ ") + QCoreApplication.translate("supervision", c["item"])
                                 for c in data["checklist"]))
        self.form.add("checklist", self.tr("检查清单"), lines)
        summary = QLabel(data["summary"] or "—")
        summary.setWordWrap(True)
        self.form.add("summary", self.tr("检查小结"), summary)
        recording = QLabel(data["recording"] or "—")
        recording.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.form.add("recording", self.tr("录音录像"), recording)
        table = QTableWidget(len(data["findings"]), 4)
        table.setObjectName("findings")
        table.setHorizontalHeaderLabels([self.tr("员工"), self.tr("发现的问题"), self.tr("处理方式"), self.tr("违纪/辅导")])
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for i, f in enumerate(data["findings"]):
            outcome = (f"{f['rule_code']} ¥{f['amount']}" if f["action"] == FindingAction.INCIDENT else f["coaching"])
            for j, text in enumerate((f["staff_name"], f["text"], _enum(f["action"]), outcome)):
                table.setItem(i, j, QTableWidgetItem(text))
        table.setColumnWidth(1, 220)
        table.horizontalHeader().setStretchLastSection(True)
        table.setMinimumHeight(120)
        self.form.add("findings", self.tr("检查发现"), table)

    def save(self) -> None:
        """Read-only."""


class OpinionDialog(FormDialog):
    """登记舆情: an online rating, a comment-box slip or a media post — source, when, platform, stars, text."""

    def __init__(self, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("登记舆情与意见"), parent, 520)
        self.actor = actor
        self.uuid: str | None = None
        self.source = ChoiceCombo([(s.value, _enum(s.value)) for s in OpinionSource])
        self.source.setObjectName("source")
        self.received_at = DateTimeField(clock.now().replace(second=0, microsecond=0))
        self.received_at.setObjectName("received_at")
        self.platform = QLineEdit()
        self.platform.setObjectName("platform")
        self.platform.setPlaceholderText(self.tr("如 大众点评、美团、微信公众号"))
        self.rating = ChoiceCombo([(None, "—")] + [(n, "★" * n) for n in range(5, 0, -1)])
        self.rating.setObjectName("rating")
        self.author = QLineEdit()
        self.author.setObjectName("author")
        self.content = QPlainTextEdit()
        self.content.setObjectName("content")
        self.content.setTabChangesFocus(True)
        self.content.setMinimumHeight(100)
        self.form.add("source", self.tr("来源"), self.source)
        self.form.add("received_at", self.tr("收到时间"), self.received_at)
        self.form.add("platform", self.tr("平台"), self.platform)
        self.form.add("rating", self.tr("评分"), self.rating)
        self.form.add("author", self.tr("发布人"), self.author)
        self.form.add("content", self.tr("内容"), self.content)

    def data(self) -> OpinionInput:
        return OpinionInput(self.source.value() or "", self.received_at.value(), self.content.toPlainText(),
                            self.platform.text(), self.rating.value(), self.author.text())

    def save(self) -> None:
        self.uuid = supervision.log_opinion(self.actor, self.data())


class OpinionFollowUpDialog(FormDialog):
    """跟进: what was done about an entry (a reply, a change at the desk); 办结 settles it."""

    def __init__(self, actor: Actor, uuid: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("舆情跟进"), parent, 520)
        self.actor, self.uuid = actor, uuid
        row = supervision.get_opinion(actor, uuid)
        stars = "★" * row["rating"] if row["rating"] else ""
        what = QLabel(f"{_enum(row['source'])} {row['platform']} {stars}\n{row['content']}".strip())
        what.setWordWrap(True)
        self.form.add("content", self.tr("内容"), what)
        self.follow_up = QPlainTextEdit(row["follow_up"])
        self.follow_up.setObjectName("follow_up")
        self.follow_up.setTabChangesFocus(True)
        self.follow_up.setMinimumHeight(90)
        self.close_it = QCheckBox(self.tr("办结"))
        self.close_it.setObjectName("close")
        self.form.add("follow_up", self.tr("跟进情况"), self.follow_up)
        self.form.add("close", "", self.close_it)

    def save(self) -> None:
        supervision.follow_up(self.actor, self.uuid, self.follow_up.toPlainText(), self.close_it.isChecked())

