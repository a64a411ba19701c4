"""A person's assessment history as a line chart (QtCharts is imported only when a chart is drawn)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QWidget

from frontdesk.domain import assessment as rules
from frontdesk.domain.assessment import Dimension
from frontdesk.ui.i18n import cjk_family, enum_text

DIM_COLORS = {Dimension.ATTITUDE: "#ef6c00", Dimension.KNOWLEDGE: "#6a1b9a", Dimension.SKILL: "#00838f",
              Dimension.DISCIPLINE: "#558b2f"}


def _categories(history: list[dict[str, Any]]) -> list[str]:
    """A label per point: the period key, or 专项 and the first day for an ad-hoc run; each label once."""
    labels: list[str] = []
    for h in history:
        text = h["period_key"]
        if h.get("period_kind") == rules.PeriodKind.ADHOC.value:
            text = QCoreApplication.translate("AssessmentChart", "专项 {0}").format(text[5:])
        while text in labels:  # two ad-hoc runs from one day: the category axis needs distinct names
            text += "'"
        labels.append(text)
    return labels


def history_chart(history: list[dict[str, Any]], title: str) -> QWidget:
    """Total (thick) and each dimension (thin) per period, on a 0–100 scale; periods left to right."""
    from PySide6.QtCharts import QBarCategoryAxis, QChart, QChartView, QLineSeries, QValueAxis

    family = cjk_family()
    font = QFont(family) if family else QFont()
    chart = QChart()
    chart.setTitle(title)
    title_font = QFont(font)
    title_font.setPointSize(11)
    title_font.setBold(True)
    chart.setTitleFont(title_font)
    chart.legend().setFont(font)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    axis_x = QBarCategoryAxis()
    axis_x.append(_categories(history) or [""])
    axis_x.setLabelsFont(font)
    axis_y = QValueAxis()
    axis_y.setRange(0, 100)
    axis_y.setTickCount(6)
    axis_y.setLabelFormat("%d")
    axis_y.setLabelsFont(font)
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)

    def add(name: str, values: list[Any], color: str, width: int) -> None:
        series = QLineSeries()
        series.setName(name)
        for x, value in enumerate(values):
            if value is not None:
                series.append(x, float(value))  # drawing only: the stored scores stay Decimal
        series.setPen(QPen(QColor(color), width))
        series.setPointsVisible(True)
        chart.addSeries(series)
        series.attachAxis(axis_x)
        series.attachAxis(axis_y)

    for dim in Dimension:
        add(enum_text(dim, rules.label),
            [h["dimensions"].get(dim) for h in history], DIM_COLORS[dim], 1)
    add(QCoreApplication.translate("AssessmentChart", "总分"), [h["total"] for h in history], "#1565c0", 3)
    view = QChartView(chart)
    view.setObjectName("historyChart")
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(280)
    return view
