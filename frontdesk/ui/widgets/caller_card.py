"""The caller card beside the reception form: the callers matching the digits typed so far, with their
name, 重点客户 badge, open complaints and last contacts; Enter in the phone field takes the chosen one."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from frontdesk.domain import visits
from frontdesk.domain.phones import mask_phone
from frontdesk.domain.reception import label as reception_label
from frontdesk.domain.stages import Stage
from frontdesk.services.reception.callers import Caller
from frontdesk.ui.i18n import enum_text

ROWS_SHOWN = 5  # the history holds at least this many entries at 1366×768
BADGE = {"key": "background:#c62828;color:white;", "regular": "background:#1565c0;color:white;"}
CASE_COLOR = "#b71c1c"


class CallerCard(QWidget):
    """Shows ``set_callers``'s list; ``move`` picks another caller; ``selected`` is the one Enter takes."""

    contactOpened = Signal(str)  # noqa: N815 - a contact's uuid (double-click on a history entry)
    caseOpened = Signal(str)  # noqa: N815 - a complaint's number

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("callerCard")
        self.callers: list[Caller] = []
        self.title = QLabel()
        self.title.setStyleSheet("font-weight: bold;")
        self.chooser = QComboBox()
        self.chooser.setObjectName("callerChooser")
        self.chooser.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # chosen with ↑/↓ from the phone field
        self.chooser.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.chooser.setMinimumContentsLength(10)
        self.chooser.currentIndexChanged.connect(self._show_current)
        # two lines that never wrap (a third would squeeze the history): who, and what is known of them
        self.header = QLabel()
        self.header.setObjectName("callerHeader")
        self.facts = QLabel()
        self.facts.setObjectName("callerFacts")
        for line in (self.header, self.facts):
            line.setTextFormat(Qt.TextFormat.RichText)
            line.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.history = QListWidget()
        self.history.setObjectName("history")
        # an entry wraps (a request runs to two lines in the 240 px column) rather than eliding what was asked
        self.history.setWordWrap(True)
        self.history.setResizeMode(QListView.ResizeMode.Adjust)
        self.history.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.history.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.history.setStyleSheet("QListWidget::item { padding: 0px 2px; }")
        self.history.itemDoubleClicked.connect(self._open)
        self.history.itemActivated.connect(self._open)
        # the key that takes the caller, shown beside the title while there is one to take
        self.hint = QLabel(self.tr("Enter 填入"))
        self.hint.setObjectName("callerHint")
        self.hint.setStyleSheet("color: #2e7d32; font-size: 9pt;")
        self.hint.setToolTip(self.tr("在联系电话栏按 Enter：填入来电人的称呼和完整号码；↑/↓ 换一位来电人"))
        title_row = QHBoxLayout()
        title_row.setContentsMargins(0, 0, 0, 0)
        title_row.addWidget(self.title, 1)
        title_row.addWidget(self.hint)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(title_row)
        for w in (self.chooser, self.header, self.facts):
            layout.addWidget(w)
        layout.addWidget(self.history, 1)
        self.history.setMinimumHeight(self.rows_height(ROWS_SHOWN))
        self.set_callers([])

    def rows_height(self, rows: int) -> int:
        """The list's height for ``rows`` one-line entries."""
        self.history.ensurePolished()
        self.history.insertItem(0, QListWidgetItem("投诉·已办结 0Ag"))  # Chinese glyphs set the line height
        row = max(self.history.sizeHintForRow(0), self.history.fontMetrics().height() + 2)
        self.history.takeItem(0)
        return row * rows + 2 * self.history.frameWidth() + 2

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self.history.setMinimumHeight(self.rows_height(ROWS_SHOWN))  # in the font and style now applied

    # --- state -----------------------------------------------------------------------------------

    def set_callers(self, callers: list[Caller]) -> None:
        self.callers = callers
        self.chooser.blockSignals(True)
        self.chooser.clear()
        for caller in callers:
            badge = f" · {enum_text(caller.level, visits.label)}" if caller.level else ""
            self.chooser.addItem(f"{mask_phone(caller.phone)}  {caller.name}{badge}")
        self.chooser.blockSignals(False)
        self.chooser.setVisible(len(callers) > 1)
        if not callers:
            self.title.setText(self.tr("来电/来访历史"))
        elif len(callers) == 1:
            self.title.setText(self.tr("来电人 {0}").format(callers[0].phone))
        else:
            self.title.setText(self.tr("匹配的来电人（{0} 位）").format(len(callers)))
        self._show_current()

    def selected(self) -> Caller | None:
        index = self.chooser.currentIndex()
        return self.callers[index] if 0 <= index < len(self.callers) else None

    def move(self, step: int) -> None:
        """↓ / ↑ in the phone field: the next or previous matching caller."""
        if self.callers:
            self.chooser.setCurrentIndex(max(0, min(len(self.callers) - 1, self.chooser.currentIndex() + step)))

    def _show_current(self) -> None:
        caller = self.selected()
        self.history.clear()
        self.hint.setVisible(caller is not None)
        self.history.setMinimumHeight(self.rows_height(ROWS_SHOWN))
        if caller is None:
            self.header.setText(_grey(self.tr("输入号码中任意 4 位数字")))
            self.facts.setText(_grey(self.tr("即显示来电人及其历史")))
            return
        nameless = self.tr("（未留称呼）")
        parts = [f"<b>{escape(caller.name or nameless)}</b>"]
        if caller.level:
            parts.append(f"<span style='{BADGE.get(caller.level, '')}'>&nbsp;{escape(enum_text(caller.level, visits.label))}&nbsp;</span>")
        facts = [escape(self.tr("来过 {0} 次").format(caller.contacts))]
        if caller.open_cases:
            cases = self.tr("未结投诉 {0} 件").format(len(caller.open_cases))
            facts.append(f"<span style='color:{CASE_COLOR};'>{escape(cases)}</span>")
        self.header.setText(" ".join(parts))
        self.facts.setText(" · ".join(facts))
        self.setToolTip(f"{caller.name} {caller.phone}")
        for case in caller.open_cases:
            item = QListWidgetItem(self.tr("未结投诉 {0} {1}：{2}").format(
                _short_number(case["number"]), enum_text(case["stage"], lambda s: Stage(s).label), case["subject"]))
            item.setForeground(QBrush(QColor(CASE_COLOR)))
            item.setToolTip(self.tr("未结投诉 {0} {1}：{2}").format(
                case["number"], enum_text(case["stage"], lambda s: Stage(s).label), case["subject"]))
            item.setData(Qt.ItemDataRole.UserRole, ("case", case["number"]))
            self.history.addItem(item)
        for row in caller.history:
            item = QListWidgetItem(
                f"{row['received_at']:%m-%d %H:%M} {enum_text(row['category'], reception_label)}·"
                f"{enum_text(row['status'], reception_label)} {row['request']}")
            item.setToolTip(f"{row['number']}  {row['received_at']:%Y-%m-%d %H:%M}\n{row['customer_name']}：{row['request']}")
            item.setData(Qt.ItemDataRole.UserRole, ("contact", row["uuid"]))
            self.history.addItem(item)

    def _open(self, item: QListWidgetItem) -> None:
        kind, key = item.data(Qt.ItemDataRole.UserRole)
        (self.contactOpened if kind == "contact" else self.caseOpened).emit(key)


def _short_number(number: str) -> str:
    """A case number without its site and kind (S01-TS-20261201-0003 → 1201-0003): the tooltip has it whole."""
    parts = number.split("-")
    return f"{parts[2][4:]}-{parts[3]}" if len(parts) == 4 and len(parts[2]) == 8 else number


def _grey(text: str) -> str:
    return f"<span style='color:#666;'>{escape(text)}</span>"
