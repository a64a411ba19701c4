"""The assessment form: the period's evidence on the left, keyboard-friendly item scores on the right."""

from __future__ import annotations

import html
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from frontdesk.domain import assessment as rules
from frontdesk.domain.assessment import Dimension, Grade
from frontdesk.domain.assessment import label as assessment_label
from frontdesk.domain.roles import Actor
from frontdesk.services.assessments import runs as assessments
from frontdesk.ui.dialogs.base import Buttons, FormDialog
from frontdesk.ui.i18n import enum_text


def evidence_html(found: dict[str, Any]) -> str:
    """The evidence panel: what happened in the period, one fact a line, problems in red."""
    def line(text: str, bad: bool = False) -> str:
        return f"<p style='margin:2px 0;{'color:#c62828;' if bad else ''}'>{html.escape(text)}</p>"

    def details(lines: list[str]) -> str:
        return "".join(f"<p style='margin:0 0 0 12px;color:#555;font-size:9pt'>{html.escape(x)}</p>"
                       for x in lines[:6])

    start, end = found.get("period_start"), found.get("period_end")
    out = []
    if start and end:
        from datetime import timedelta

        out.append(line(QCoreApplication.translate("Evidence", "期间：{0} 至 {1}").format(start, end - timedelta(days=1))))
    if found.get("available", True):
        out.append(line(QCoreApplication.translate("Evidence", "违纪：{0} 次，罚款 ¥{1}").format(found.get("incidents", 0),
                                                                     found.get("fines", Decimal(0))),
                        bool(found.get("incidents"))))
        out.append(details(found.get("incident_lines", [])))
        abnormal = found.get("late", 0) + found.get("early", 0) + found.get("absent", 0)
        out.append(line(QCoreApplication.translate("Evidence", "考勤异常：迟到 {0}，早退 {1}，旷工 {2}").format(
            found.get("late", 0), found.get("early", 0), found.get("absent", 0)), bool(abnormal)))
    else:
        out.append(line(QCoreApplication.translate("Evidence", "违纪与考勤：模块未启用，无记录")))
    out.append(line(QCoreApplication.translate("Evidence", "归责投诉：{0} 件").format(found.get("complaints", 0)),
                    bool(found.get("complaints"))))
    out.append(details(found.get("complaint_lines", [])))
    rate = found.get("satisfaction_rate")
    out.append(line(QCoreApplication.translate("Evidence", "顾客评价：满意 {0}，基本满意 {1}，不满意 {2}").format(
        found.get("satisfied", 0), found.get("basic", 0), found.get("unsatisfied", 0)),
        bool(found.get("unsatisfied"))))
    out.append(line(QCoreApplication.translate("Evidence", "满意率：{0}").format(f"{rate}%" if rate is not None else QCoreApplication.translate("Evidence", "无评价"))))
    if "trainings" in found:  # 业务知识: training attended in the period (assessments made before it have none)
        score = found.get("training_score")
        out.append(line(QCoreApplication.translate("Evidence", "培训（业务知识）：参加 {0} 次 {1} 学时，缺勤 {2} 次，平均成绩 {3}，不及格 {4} 次").format(
            found.get("trainings", 0), f"{Decimal(found.get('training_hours') or 0).normalize():f}",
            found.get("training_missed", 0),
            score if score is not None else "—", found.get("training_failed", 0)),
            bool(found.get("training_missed") or found.get("training_failed"))))
        out.append(details(found.get("training_lines", [])))
    done, expected = found.get("checks_done", 0), found.get("checks_expected", 0)
    out.append(line(QCoreApplication.translate("Evidence", "礼仪自查：完成 {0}/{1}，“否” {2} 项").format(done, expected,
                                                                        found.get("check_no", 0)),
                    done < expected or bool(found.get("check_no"))))
    return "".join(out)


class ScoreSpin(QSpinBox):
    """0…scale, '—' until scored; on a scale under 10 a digit key scores and moves to the next item."""

    def __init__(self, scale: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(-1, scale)
        self.setSpecialValueText("—")
        self.setValue(-1)
        self.setMinimumWidth(70)
        self.setAlignment(Qt.AlignmentFlag.AlignRight)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        text = event.text()
        if self.maximum() < 10 and text.isdigit() and int(text) <= self.maximum():
            self.setValue(int(text))
            self.focusNextChild()
            return
        super().keyPressEvent(event)

    def score(self) -> Decimal | None:
        return None if self.value() < 0 else Decimal(self.value())


class ScoreDialog(FormDialog):
    """The assessor scores each item; total, grade and follow-up update as they type."""

    def __init__(self, actor: Actor, uuid: str, parent: QWidget | None = None, has_next: bool = False) -> None:
        super().__init__("", parent, 980, scroll=False)
        self.actor = actor
        self.data = assessments.get_assessment(actor, uuid)
        self.spec = self.data["spec"]
        self.advance = False
        d = self.data
        self.setWindowTitle(self.tr("考核评分 — {0} {1}（{2}）").format(d["staff_no"], d["staff_name"], d["run_name"]))
        header = QLabel(self.tr("模板：{0}（第 {1} 版），每项 0–{2} 分；{3}").format(
            d["template_name"], d["template_version"], self.spec.scale_max,
            self.tr("按数字键评分并跳到下一项") if self.spec.scale_max < 10 else self.tr("输入分数后按 Tab")))
        header.setObjectName("header")
        self.evidence = QLabel(evidence_html(d["evidence"]))
        self.evidence.setObjectName("evidence")
        self.evidence.setWordWrap(True)
        self.evidence.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.evidence.setTextFormat(Qt.TextFormat.RichText)
        side = QGroupBox(self.tr("本期表现"))
        side_layout = QVBoxLayout(side)
        side_layout.addWidget(self.evidence)
        side_layout.addStretch(1)
        side.setFixedWidth(340)
        self.spins: dict[str, ScoreSpin] = {}
        for dim in Dimension:
            items = [i for i in self.spec.items if i.dimension is dim]
            if not items:
                continue
            weight = f"{self.spec.weights[dim].normalize():f}"
            title = QLabel(self.tr("<b>{0}</b>　权重 {1}%").format(enum_text(dim, assessment_label), weight))
            self.form.addRow(title)
            for item in items:
                if item.auto:
                    value = d["auto"].get(item.key, Decimal(0))
                    self.form.add(item.key, item.text, QLabel(self.tr("{0} 分（按自查记录自动计算）").format(value)))
                    continue
                spin = ScoreSpin(self.spec.scale_max)
                spin.setObjectName(f"score_{item.key}")
                if item.key in d["scores"]:
                    spin.setValue(int(d["scores"][item.key]))
                spin.valueChanged.connect(self._update)
                self.spins[item.key] = spin
                self.form.add(item.key, item.text, spin)
        self.comment = QLineEdit(d["assessor_comment"])
        self.comment.setObjectName("comment")
        self.comment.setPlaceholderText(self.tr("评语（可选）：亮点、需改进之处"))
        self.form.add("comment", self.tr("评语"), self.comment)
        scores_box = QWidget()
        self.body.removeItem(self.form)
        self.form.setParent(None)
        scores_box.setLayout(self.form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(scores_box)
        row = QHBoxLayout()
        row.addWidget(side)
        row.addWidget(scroll, 1)
        self.body.insertLayout(0, row, 1)
        self.add_above(header)
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.add_below(self.summary)
        self.next_button: QPushButton | None = None
        if has_next:
            self.next_button = self.buttons.addButton(self.tr("保存并评下一位"), self.buttons.ButtonRole.ActionRole)
            self.next_button.setObjectName("saveNext")
            self.next_button.clicked.connect(self.save_and_next)
            QShortcut(QKeySequence("Ctrl+Return"), self, self.save_and_next)
        self.resize(1000, 680)
        self._update()
        first = next(iter(self.spins.values()), None)
        if first is not None:
            first.setFocus()

    def scores(self) -> dict[str, Decimal | None]:
        return {key: spin.score() for key, spin in self.spins.items()}

    def _update(self) -> None:
        values = {**self.scores(), **self.data["auto"]}
        if any(v is None for v in values.values()):
            left = sum(1 for v in values.values() if v is None)
            self.summary.setText(self.tr("还有 {0} 项未评分").format(left))
            return
        dims = rules.dimension_scores(self.spec, values)
        total = rules.total_score(self.spec, values)
        grade = rules.grade_for(total, self.spec.thresholds)
        follow = rules.follow_up_for(grade, self.data["earlier_fails"])
        parts = "　".join(f"{enum_text(d, assessment_label)} {dims[d]}" for d in Dimension)
        color = {Grade.EXCELLENT: "#2e7d32", Grade.FAIL: "#c62828"}.get(grade, "#1565c0")
        self.summary.setText(self.tr("{0}<br><b>总分 {1}</b>　等级 <b style='color:{2}'>{3}</b>　结果应用：{4}").format(
            parts, total, color, enum_text(grade, assessment_label), enum_text(follow, assessment_label)))

    def save_and_next(self) -> None:
        self.advance = True
        self.accept()
        if self.result() != self.DialogCode.Accepted:
            self.advance = False

    def save(self) -> None:
        assessments.score(self.actor, self.data["uuid"], self.scores(), self.comment.text())


class AcknowledgeDialog(FormDialog):
    """The member of staff reads the result and the evidence, and confirms with an optional comment."""

    def __init__(self, actor: Actor, uuid: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("确认考核结果"), parent, 620, Buttons.Ok)
        self.actor = actor
        d = self.data = assessments.get_assessment(actor, uuid)
        dims = "　".join(f"{enum_text(dim, assessment_label)} {d['dimensions'].get(dim, '')}" for dim in Dimension)
        result = QLabel(self.tr("<b>{0}</b>　总分 <b>{1}</b>　等级 <b>{2}</b>　结果应用：{3}<br>{4}<br>考核人：{5}　评语：{6}")
                        .format(html.escape(d["run_name"]), d["total"], enum_text(d["grade"], assessment_label),
                                enum_text(d["follow_up"], assessment_label), dims, html.escape(d["assessor_name"]),
                                html.escape(d["assessor_comment"] or "—")))
        result.setObjectName("result")
        result.setWordWrap(True)
        self.add_above(result)
        evidence = QLabel(evidence_html(d["evidence"]))
        evidence.setWordWrap(True)
        self.form.add("evidence", self.tr("本期表现"), evidence)
        self.comment = QLineEdit(d["staff_comment"])
        self.comment.setObjectName("comment")
        self.comment.setPlaceholderText(self.tr("可填写本人意见（可选）"))
        self.form.add("comment", self.tr("本人意见"), self.comment)
        self.ok_button.setText(self.tr("确认已阅"))

    def save(self) -> None:
        assessments.acknowledge(self.actor, self.data["uuid"], self.comment.text())
