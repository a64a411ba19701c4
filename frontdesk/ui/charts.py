"""Report charts drawn with QtCharts in the CJK font: a view for the screen, a PNG for paper."""

from __future__ import annotations

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QLineSeries,
    QPieSeries,
    QValueAxis,
)
from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QMargins, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

from frontdesk.domain.report import Chart
from frontdesk.ui.i18n import CJK_FAMILIES

PALETTE = ["#1e88e5", "#fb8c00", "#43a047", "#e53935", "#8e24aa", "#00897b", "#6d4c41", "#546e7a"]
PNG_SIZE = (760, 330)  # CSS pixels: fits the text width of A4 portrait with the labels still legible


def _font(points: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setFamilies([*CJK_FAMILIES, "sans-serif"])
    font.setPointSizeF(points)
    font.setBold(bold)
    return font


def _value_axis(top: float) -> QValueAxis:
    axis = QValueAxis()
    axis.setRange(0, max(1.0, top * 1.1))
    axis.setLabelFormat("%.0f")
    axis.setLabelsFont(_font(8))
    axis.applyNiceNumbers()
    return axis


def build_chart(spec: Chart) -> QChart:
    """A QChart for ``spec``: bar, horizontal bar, line (a trend by day) or pie."""
    chart = QChart()
    chart.setTitle(spec.title)
    chart.setTitleFont(_font(11, bold=True))
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setBackgroundRoundness(0)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setFont(_font(9))
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.legend().setVisible(len(spec.series) > 1 or spec.kind == "pie")
    top = max((v for _name, values in spec.series for v in values), default=0.0)
    if spec.kind == "pie":
        pie = QPieSeries()
        name, values = spec.series[0]
        total = sum(values) or 1.0
        legend = []
        for i, (label, value) in enumerate(zip(spec.categories, values, strict=True)):
            if value <= 0:
                continue
            share = value / total * 100
            # the slice shows its share only: a whole "label count (share)" beside a slice was cut at the chart's
            # edge (the English labels especially); the legend names each slice in full
            piece = pie.append(f"{share:.1f}%", value)
            piece.setColor(QColor(PALETTE[i % len(PALETTE)]))
            piece.setLabelFont(_font(8))
            piece.setLabelVisible(value / total >= 0.03)
            legend.append(QCoreApplication.translate("Charts", "{0} {1}（{2}%）").format(label, f"{value:.0f}", f"{share:.1f}"))
        pie.setPieSize(0.62)
        chart.addSeries(pie)
        for marker, text in zip(chart.legend().markers(pie), legend, strict=True):
            marker.setLabel(text)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
        return chart
    names, series = spec.categories, spec.series
    if spec.kind == "hbar":  # drawn bottom-up: reversed, the first (largest) stands on top
        names, series = names[::-1], [(n, v[::-1]) for n, v in series]
    categories = QBarCategoryAxis()
    categories.append(names)
    categories.setLabelsFont(_font(8))
    categories.setTruncateLabels(False)  # 停车场收费标准, not "…"
    if spec.kind == "line":
        values_axis = _value_axis(top)
        chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(values_axis, Qt.AlignmentFlag.AlignLeft)
        if len(names) > 16:  # a month of days (MM-DD): the day of the month is enough
            categories.clear()
            categories.append([name[-2:] for name in names])
        for i, (name, values) in enumerate(spec.series):
            line = QLineSeries()
            line.setName(name)
            line.setColor(QColor(PALETTE[i % len(PALETTE)]))
            for x, y in enumerate(values):
                line.append(x, y)
            chart.addSeries(line)
            line.attachAxis(categories)
            line.attachAxis(values_axis)
        return chart
    bars = QHorizontalBarSeries() if spec.kind == "hbar" else QBarSeries()
    for i, (name, values) in enumerate(series):
        bar_set = QBarSet(name)
        bar_set.append(values)
        bar_set.setColor(QColor(PALETTE[i % len(PALETTE)]))
        bar_set.setLabelFont(_font(8))
        bar_set.setLabelColor(QColor("#263238"))
        bars.append(bar_set)
    bars.setLabelsVisible(True)
    bars.setLabelsFormat("@value")
    bars.setLabelsPosition(QBarSeries.LabelsPosition.LabelsOutsideEnd)
    chart.addSeries(bars)
    values_axis = _value_axis(top)
    if spec.kind == "hbar":
        chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(values_axis, Qt.AlignmentFlag.AlignBottom)
    else:
        chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(values_axis, Qt.AlignmentFlag.AlignLeft)
    bars.attachAxis(categories)
    bars.attachAxis(values_axis)
    return chart


def chart_view(spec: Chart, parent: QWidget | None = None) -> QChartView:
    view = QChartView(build_chart(spec), parent)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(300)
    # The axis labels of a month of days would otherwise set a minimum width wider than the window.
    view.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    view.setMinimumWidth(320)
    return view


def render_png(spec: Chart, size: tuple[int, int] = PNG_SIZE) -> bytes:
    """The chart as PNG bytes, drawn off screen at ``size`` pixels (for print and PDF)."""
    view = chart_view(spec)
    view.resize(*size)
    pixmap = view.grab()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    pixmap.save(buffer, "PNG")
    buffer.close()
    view.deleteLater()
    return bytes(data.data())
