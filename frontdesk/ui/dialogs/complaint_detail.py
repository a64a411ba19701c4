"""Case detail (投诉详情): the case, every deadline recomputed from its log, and the log itself."""

from __future__ import annotations

from datetime import datetime, timedelta
from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from frontdesk.domain.complaints import label
from frontdesk.domain.printdoc import PrintDocument
from frontdesk.domain.roles import Actor
from frontdesk.domain.sla import Clock, Priority, Severity, Stage, stage_history
from frontdesk.services.complaints import cases as complaints
from frontdesk.services.complaints import summary_report
from frontdesk.services.core import holidays, site
from frontdesk.ui import printing
from frontdesk.ui.dialogs.complaint_close import satisfaction_text
from frontdesk.ui.file_dialogs import choose_pdf
from frontdesk.ui.i18n import enum_text
from frontdesk.ui.keyboard import focus_on_show
from frontdesk.ui.messages import localized, status
from frontdesk.ui.ops import attempt

OVERDUE = "#c62828"
WARNING_STYLE = "background: #fff3e0; color: #e65100; padding: 6px; border: 1px solid #ffcc80;"


_CTX = "ComplaintDetailDialog"
_OVER = QT_TRANSLATE_NOOP("ComplaintDetailDialog", "超 ")
_DAYS = QT_TRANSLATE_NOOP("ComplaintDetailDialog", "{0}天")
_HOURS = QT_TRANSLATE_NOOP("ComplaintDetailDialog", "{0}小时")
_MINUTES = QT_TRANSLATE_NOOP("ComplaintDetailDialog", "{0}分钟")
_PROMISED = QT_TRANSLATE_NOOP("ComplaintDetailDialog", "按承诺")
_LATE = QT_TRANSLATE_NOOP("ComplaintDetailDialog", "超时完成")
_ON_TIME = QT_TRANSLATE_NOOP("ComplaintDetailDialog", "按时完成")
_OVERDUE = QT_TRANSLATE_NOOP("ComplaintDetailDialog", "已超期 ")
_LEFT = QT_TRANSLATE_NOOP("ComplaintDetailDialog", "剩余 ")


def _t(text: str) -> str:
    """One of the strings marked above, in the UI language."""
    return QCoreApplication.translate(_CTX, text)


def fmt(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if value else ""


def fmt_span(span: timedelta | None) -> str:
    """A remaining time as 2天3小时 / 45分钟; negative means overrun (超 …)."""
    if span is None:
        return ""
    prefix, span = (_t(_OVER), -span) if span < timedelta(0) else ("", span)
    minutes = int(span.total_seconds() // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    parts = [_t(_DAYS).format(days) if days else "", _t(_HOURS).format(hours) if hours else "",
             _t(_MINUTES).format(mins) if not days and mins else ""]
    return prefix + ("".join(parts).strip() or _t(_MINUTES).format(0))


def clock_state(clock: Clock | None, left_at: datetime | None = None) -> str:
    if clock is None:
        return _t(_PROMISED) if left_at is None else ""
    if clock.done_at is not None or left_at is not None:
        return _t(_LATE) if clock.late or (left_at and left_at > clock.due) else _t(_ON_TIME)
    if clock.overdue:
        return _t(_OVERDUE) + fmt_span(clock.remaining)
    return _t(_LEFT) + fmt_span(clock.remaining)


class ComplaintDetailDialog(QDialog):
    """Read-only; opened from the list (double-click or 详情)."""

    def __init__(self, actor: Actor, uuid: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.case = case = complaints.get_complaint(actor, uuid)
        clock = case["clock"]
        self.setWindowTitle(self.tr("投诉详情 - {0}").format(case["number"]))
        self.resize(860, 680)
        layout = QVBoxLayout(self)
        warning = holidays.calendar_warning()
        self.warning = QLabel(localized(warning) if warning else "")
        self.warning.setObjectName("calendarWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(WARNING_STYLE)
        self.warning.setVisible(bool(warning))
        layout.addWidget(self.warning)

        info = QGroupBox(self.tr("案件信息"))
        grid = QGridLayout(info)
        stage = enum_text(Stage(case["stage"]).label) + (self.tr("（暂停计时中）") if clock.is_paused else "")
        pairs = [
            (self.tr("编号"), case["number"]), (self.tr("受理时间"), fmt(case["opened_at"])),
            (self.tr("投诉人"), case["customer_name"]), (self.tr("联系电话"), case["phone"]),
            (self.tr("投诉类别"), enum_text(label(case["category"]))),
            (self.tr("严重程度"), enum_text(Severity(case["severity"]).label)),
            (self.tr("处理等级"), f"{case['level']} {enum_text(Priority(case['level']).label)}"),
            (self.tr("当前阶段"), stage),
            (self.tr("责任部门"), case["department_name"] or ""), (self.tr("归责员工"), case["staff_name"] or ""),
            (self.tr("承办人"), case["handler_name"] or ""), (self.tr("最近时限"), self._next_due(clock)),
            (self.tr("受理人"), case["opened_by_name"] or ""), (self.tr("关联接待"), case["contact_number"] or ""),
            (self.tr("客户满意度"), satisfaction_text(case)),
            (self.tr("客户确认"), self.tr("已确认") if case["customer_confirmed"] else ""),
        ]
        for i, (name, value) in enumerate(pairs):
            grid.addWidget(QLabel(self.tr("{0}：").format(name)), i // 2, (i % 2) * 2)
            value_label = QLabel(value)
            value_label.setObjectName(f"value_{i}")
            grid.addWidget(value_label, i // 2, (i % 2) * 2 + 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        text = QFormLayout()
        description = "" if case["description"] == case["subject"] else case["description"]
        subject = QLabel(f"<b>{escape(case['subject'])}</b><br/>{escape(description).replace(chr(10), '<br/>')}")
        subject.setWordWrap(True)
        text.addRow(self.tr("投诉事由："), subject)
        grid.addLayout(text, len(pairs) // 2 + 1, 0, 1, 4)
        layout.addWidget(info)

        self.deadlines = self._table([self.tr("时限"), self.tr("起算"), self.tr("截止时间"), self.tr("完成时间"),
                                      self.tr("状态")])
        self.deadlines.setObjectName("deadlines")
        rows: list[tuple[str, Any, Any, Any, str, bool]] = []
        spans = stage_history(case["opened_at"], case["case_events"], clock.now, holidays.work_calendar(),
                              case["policy"])
        for span in spans:
            if span.stage is Stage.CLOSED:
                continue
            due = span.clock.due if span.clock else None
            overdue = bool(span.clock and span.clock.overdue and span.left_at is None)
            rows.append((self.tr("阶段：") + enum_text(span.stage.label), span.entered_at, due, span.left_at,
                         clock_state(span.clock, span.left_at), overdue))
        for c in (clock.answer, clock.respond, clock.resolve):
            if c is not None:
                rows.append((enum_text(c.kind.label), case["opened_at"], c.due, c.done_at, clock_state(c), c.overdue))
        self._fill(self.deadlines, [[r[0], fmt(r[1]), fmt(r[2]), fmt(r[3]), r[4]] for r in rows],
                   [r[5] for r in rows])
        header = self.deadlines.horizontalHeader().sizeHint().height()
        shown = min(len(rows), 4)  # more clocks than that scroll: the dialog stays within a 768-px screen
        self.deadlines.setMinimumHeight(header + self.deadlines.verticalHeader().defaultSectionSize() * shown + 4)
        layout.addWidget(QLabel(self.tr("各项时限（天数按工作日、小时按服务时间计算，暂停期间不计）")))
        layout.addWidget(self.deadlines)

        self.log = self._table([self.tr("时间"), self.tr("事项"), self.tr("经办人"), self.tr("说明")])
        self.log.setObjectName("eventLog")
        log_rows = []
        for e in case["events"]:
            what = enum_text(label(e["kind"]))
            if e["kind"] == "stage":
                what = self.tr("转入“{0}”").format(enum_text(Stage(e["to_stage"]).label))
            note = e["note"]
            if e["kind"] == "classify":
                what += self.tr("：{0}").format(self._field_name(e["field"]))
                change = self.tr("{0} → {1}").format(self._value(e["field"], e["old_value"]) or self.tr("（无）"),
                                                     self._value(e["field"], e["new_value"]) or self.tr("（无）"))
                note = f"{change}  {note}".strip()
            elif e["kind"] == "escalate":
                note = (self.tr("上报：{0}").format(e["new_value"]) + "  " + note).strip()
            if e["promised_at"]:
                note += self.tr("（承诺 {0} 前完成）").format(fmt(e["promised_at"]))
            log_rows.append([fmt(e["at"]), what, e["actor_name"], note])
        self._fill(self.log, log_rows, [False] * len(log_rows))
        layout.addWidget(QLabel(self.tr("处理记录")))
        layout.addWidget(self.log, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.actor = actor
        self.print_btn = buttons.addButton(self.tr("打印总结报告…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.print_btn.setObjectName("printSummary")
        self.print_btn.clicked.connect(self.print_summary)
        self.pdf_btn = buttons.addButton(self.tr("总结报告导出 PDF…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.pdf_btn.setObjectName("summaryPdf")
        self.pdf_btn.clicked.connect(lambda: self.summary_pdf())
        layout.addWidget(buttons)
        focus_on_show(self)  # the keyboard starts in the first table, not on 关闭

    def summary(self) -> PrintDocument:
        """投诉处理总结报告 of this case."""
        return summary_report.summary_report(self.actor, self.case["uuid"], site.site_name())

    def print_summary(self) -> None:
        doc = attempt(self, self.summary)
        if doc is not None:
            printing.show_print_preview(doc, self)

    def summary_pdf(self, path: str | Path | None = None) -> Path | None:
        """The summary report as a PDF at ``path`` (asked for when None); the file written, or None."""
        doc = attempt(self, self.summary)
        if doc is None:
            return None
        target = path or choose_pdf(self, f"{doc.title}-{doc.number}.pdf")
        if target is None:
            return None
        written = attempt(self, lambda: printing.write_pdf(doc, target))
        if written is not None:
            status(self.tr("已导出 {0}").format(written))
        return written

    def _next_due(self, clock: Any) -> str:
        nxt = clock.next_clock
        return self.tr("{0}（{1}）").format(fmt(nxt.due), enum_text(nxt.kind.label)) if nxt else ""

    def _field_name(self, field: str) -> str:
        return {"category": self.tr("投诉类别"), "severity": self.tr("严重程度"), "level": self.tr("处理等级"),
                "department_uuid": self.tr("责任部门"), "handler_uuid": self.tr("承办人")}.get(field, field)

    def _value(self, field: str, value: str) -> str:
        """A logged old/new value as shown: enum codes in the UI language, names as stored."""
        if not value:
            return ""
        if field == "category":
            return enum_text(label(value))
        if field == "severity":
            return enum_text(Severity(value).label)
        if field == "level":
            return f"{value} {enum_text(Priority(int(value)).label)}"
        return value

    def _table(self, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.horizontalHeader().setStretchLastSection(True)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        return table

    def _fill(self, table: QTableWidget, rows: list[list[str]], red: list[bool]) -> None:
        table.setRowCount(len(rows))
        for r, (row, overdue) in enumerate(zip(rows, red, strict=True)):
            for c, text in enumerate(row):
                item = QTableWidgetItem(text)
                if overdue:
                    item.setForeground(QColor(OVERDUE))
                table.setItem(r, c, item)
