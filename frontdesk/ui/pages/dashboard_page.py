"""工作台 (the home page): today's figures at a glance; every number opens the list it counts, filtered."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from html import escape
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
)

from frontdesk import clock
from frontdesk.domain.reception import LABELS as RECEPTION_LABELS
from frontdesk.errors import UserError
from frontdesk.services.reports import dashboard as reports_dashboard
from frontdesk.ui.context import AppContext
from frontdesk.ui.messages import localized
from frontdesk.ui.pages.base import Page
from frontdesk.ui.site_filter import site_combo

REFRESH_MS = 60_000
WEEKDAYS = (QCoreApplication.translate("Dashboard", "周一"), QCoreApplication.translate("Dashboard", "周二"),
            QCoreApplication.translate("Dashboard", "周三"), QCoreApplication.translate("Dashboard", "周四"),
            QCoreApplication.translate("Dashboard", "周五"), QCoreApplication.translate("Dashboard", "周六"),
            QCoreApplication.translate("Dashboard", "周日"))
CARD_STYLE = "QGroupBox { font-weight: bold; border: 1px solid #cfd8dc; border-radius: 6px; margin-top: 10px; }" \
             "QGroupBox::title { subcontrol-origin: margin; left: 10px; padding: 0 4px; }"
ALERT, CALM, ZERO = "#c62828", "#1565c0", "#90a4ae"


def _choose(combo: Any, value: Any) -> None:
    """Select ``value`` in a ChoiceCombo, or its first ("all") entry for None."""
    if value is None:
        combo.setCurrentIndex(0)
    else:
        combo.set_value(value)


def _check(box: Any, on: bool) -> None:
    if box.isChecked() != on:
        box.setChecked(on)


class DashboardPage(Page):
    """Cards of counts; the cards for modules not in this build are not shown."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.links: dict[str, QLabel] = {}
        self.board: reports_dashboard.Dashboard | None = None
        self.heading = QLabel()
        self.heading.setObjectName("dashboardHeading")
        self.heading.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.updated = QLabel()
        self.updated.setStyleSheet("color: #607d8b;")
        refresh = QPushButton(self.tr("刷新"))
        refresh.setObjectName("refreshDashboard")
        refresh.clicked.connect(self.refresh)
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(self.updated)
        self.site = site_combo(ctx.actor)  # head office: one site's figures, or every site's
        if self.site is not None:
            self.site.currentIndexChanged.connect(lambda _index: self.refresh())
            top.addWidget(self.site)
        top.addWidget(refresh)
        self.calendar_warning = QLabel()
        self.calendar_warning.setObjectName("calendarWarning")
        self.calendar_warning.setWordWrap(True)
        self.calendar_warning.setStyleSheet("color: #c62828; background: #fff3e0; padding: 6px; border-radius: 4px;")
        self.calendar_warning.linkActivated.connect(self._open_holidays)
        self.calendar_warning.hide()

        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(14)
        self.grid.setVerticalSpacing(14)
        self.cards: dict[str, QGroupBox] = {}
        self._card("contacts", self.tr("今日接待"), 0, 0, 1, 4)
        self._card("complaints", self.tr("投诉处理"), 1, 0)
        self._card("transfers", self.tr("转办督办"), 1, 1)
        self._card("visits", self.tr("回访"), 1, 2)
        self._card("promises", self.tr("承诺与跟进（今日到期及已过）"), 1, 3)
        self._card("repairs", self.tr("维修工单"), 2, 0)
        self._card("returns", self.tr("退换货"), 2, 1)
        self._card("attendance", self.tr("考勤"), 2, 2)
        self._card("desk", self.tr("留言与值守"), 2, 3)
        hint = QLabel(self.tr("点击数字可打开相应的列表（已按条件筛选）。"))
        hint.setStyleSheet("color: #607d8b;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.addLayout(top)
        layout.addWidget(self.calendar_warning)
        layout.addLayout(self.grid)
        layout.addWidget(hint)
        layout.addStretch(1)

        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self._tick)
        self.timer.start()
        from frontdesk.ui.widgets.overdue_label import signals

        signals.changed.connect(self._tick)  # a case was written somewhere

    # --- building ---------------------------------------------------------------------------------------

    def _card(self, key: str, title: str, row: int, column: int, rows: int = 1, columns: int = 1) -> None:
        box = QGroupBox(title)
        box.setObjectName(f"card_{key}")
        box.setStyleSheet(CARD_STYLE)
        box.setLayout(QGridLayout())
        box.layout().setContentsMargins(14, 18, 14, 12)
        box.layout().setAlignment(Qt.AlignmentFlag.AlignTop)  # a card taller than its figures keeps them together
        box.hide()
        self.cards[key] = box
        self.grid.addWidget(box, row, column, rows, columns)

    def _figure(self, card: str, key: str, caption: str, value: int, row: int, column: int,
                alert: bool = False, big: bool = False) -> None:
        """One caption and its number as a link (href = the link key)."""
        layout: QGridLayout = self.cards[card].layout()  # type: ignore[assignment]
        label = self.links.get(key)
        if label is None:
            label = QLabel()
            label.setObjectName(f"link_{key}")
            label.linkActivated.connect(self.open_link)
            label.setToolTip(self.tr("打开列表"))
            text = QLabel(caption)
            text.setStyleSheet("font-weight: normal; color: #455a64;")
            layout.addWidget(text, row * 2, column)
            layout.addWidget(label, row * 2 + 1, column)
            self.links[key] = label
        color = ALERT if alert and value else (CALM if value else ZERO)
        size = "22pt" if big else "16pt"
        label.setText(f'<a href="{key}" style="color:{color}; text-decoration:none; font-size:{size};'
                      f' font-weight:bold;">{value:,}</a>')

    # --- data -------------------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self.board is None:
            self.refresh()

    def _tick(self) -> None:
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        try:
            board = reports_dashboard.dashboard(self.ctx.actor, site=self.site.value() if self.site is not None else None)
        except UserError:
            return
        self.board = board
        day: date = board.day
        self.heading.setText(self.tr("工作台　{0} {1}").format(f"{day:%Y-%m-%d}", WEEKDAYS[day.weekday()]))
        self.updated.setText(self.tr("更新于 {0}").format(f"{clock.now():%H:%M:%S}"))
        enum = lambda v: QCoreApplication.translate("enum", RECEPTION_LABELS[v])  # noqa: E731
        warning = board.calendar_warning
        self.calendar_warning.setVisible(warning is not None)
        if warning is not None:
            link = self.tr("打开节假日设置")
            self.calendar_warning.setText(f'{escape(localized(warning))}　<a href="holidays">{link}</a>')
        self.cards["contacts"].show()
        self._figure("contacts", "contacts", self.tr("接待总数"), board.contacts, 0, 0, big=True)
        for i, (value, n) in enumerate(board.by_channel.items(), start=1):
            self._figure("contacts", f"channel:{value}", enum(value), n, 0, i)
        for i, (value, n) in enumerate(board.by_category.items(), start=1):
            self._figure("contacts", f"category:{value}", enum(value), n, 1, i,
                         alert=value == "complaint")
        self.cards["complaints"].show()
        self._figure("complaints", "complaints_open", self.tr("未结案"), board.complaints_open, 0, 0)
        self._figure("complaints", "complaints_overdue", self.tr("已超期"), board.complaints_overdue, 0, 1, alert=True)
        self.cards["transfers"].show()
        self._figure("transfers", "transfers_today", self.tr("今日到期"), board.transfers_due_today, 0, 0, alert=True)
        self._figure("transfers", "transfers_overdue", self.tr("超期未答复"), board.transfers_overdue, 0, 1,
                     alert=True)
        self.cards["visits"].show()
        self._figure("visits", "visits_due", self.tr("待回访"), board.visits_due, 0, 0)
        self.cards["promises"].show()
        self._figure("promises", "replies_due", self.tr("答复到期"), board.replies_due, 0, 0, alert=True)
        self._figure("promises", "follow_ups_due", self.tr("跟进到期"), board.follow_ups_due, 0, 1,
                     alert=True)
        if board.repairs_pickup is not None:
            self.cards["repairs"].show()
            captions = {"repaired": self.tr("已修好待通知"), "unrepairable": self.tr("无法修复待通知"),
                        "notified": self.tr("已通知待取件")}
            for i, (status, n) in enumerate(board.repairs_pickup.items()):
                self._figure("repairs", f"repairs:{status}", captions[status], n, 0, i)
        if board.returns_pending is not None:
            self.cards["returns"].show()
            self._figure("returns", "returns_pending", self.tr("待主管审批"), board.returns_pending, 0, 0,
                         alert=True)
        if board.attendance_exceptions is not None:
            self.cards["attendance"].show()
            self._figure("attendance", "attendance", self.tr("今日迟到/早退/旷工"), board.attendance_exceptions, 0, 0,
                         alert=True)

        self.cards["desk"].show()
        self._figure("desk", "messages_pending", self.tr("未阅留言"), board.messages_pending, 0, 0, alert=True)
        self._figure("desk", "help_calls_open", self.tr("求助处理中"), board.help_calls_open, 0, 1, alert=True)
        if board.duties_missed is not None:
            self._figure("desk", "duties_missed", self.tr("漏做值守"), board.duties_missed, 1, 0, alert=True)

    # --- links ------------------------------------------------------------------------------------------

    def _open_holidays(self, _href: str) -> Page | None:
        window: Any = self.window()
        return window.open_page("holidays") if hasattr(window, "open_page") else None

    def open_link(self, key: str) -> Page | None:
        """Open the list a figure counts, with its filters set to match the figure."""
        kind, _, value = key.partition(":")
        action = self._actions().get(kind)
        if action is None:
            return None
        target, setup = action
        window: Any = self.window()
        if not hasattr(window, "open_page"):
            return None
        page = window.open_page(target)
        if page is not None:
            setup(page, value or None)
            if self.site is not None and getattr(page, "site_filter", None) is not None:
                _choose(page.site_filter, self.site.value())  # the list shows the site the figure counted
        return page

    def _actions(self) -> dict[str, tuple[str, Callable[[Any, Any], None]]]:
        return {
            "contacts": ("reception", lambda p, _v: _reception(p, None, None)),
            "channel": ("reception", lambda p, v: _reception(p, "channel", v)),
            "category": ("reception", lambda p, v: _reception(p, "category", v)),
            "complaints_open": ("complaints", lambda p, _v: _complaints(p, overdue=False)),
            "complaints_overdue": ("complaints", lambda p, _v: _complaints(p, overdue=True)),
            "transfers_today": ("transfers", lambda p, _v: _transfers(p, today=True)),
            "transfers_overdue": ("transfers", lambda p, _v: _transfers(p, today=False)),
            "visits_due": ("visits", _visits),
            "replies_due": ("reception", lambda p, _v: _reception_due(p, "reply")),
            "follow_ups_due": ("reception", lambda p, _v: _reception_due(p, "follow_up")),
            "repairs": ("repairs", _repairs),
            "returns_pending": ("returns", _returns),
            "attendance": ("attendance", _attendance),
            "messages_pending": ("messages", _messages),
            "help_calls_open": ("expressway", _help_calls),
            "duties_missed": ("duty", _duties_missed),
        }


def _reception(page: Any, key: str | None, value: str | None) -> None:
    today = QDate(clock.today())
    _check(page.all_dates, False)
    page.date_from.setDate(today)
    page.date_to.setDate(today)
    _check(page.mine, False)
    _choose(page.status_filter, None)
    _choose(page.channel_filter, value if key == "channel" else None)
    _choose(page.category_filter, value if key == "category" else None)


def _messages(page: Any, _value: Any) -> None:
    _choose(page.filter, "mine")


def _help_calls(page: Any, _value: Any) -> None:
    page.tabs.setCurrentIndex(0)
    _choose(page.kind_filter, None)
    _choose(page.outcome_filter, "open")


def _duties_missed(page: Any, _value: Any) -> None:
    missed = getattr(page, "missed_table", None)
    if missed is not None:
        page.tabs.setCurrentWidget(missed.parentWidget())


def _reception_due(page: Any, kind: str) -> None:
    """Open contacts whose promised reply or follow-up is due by today, whatever day they came in."""
    _check(page.all_dates, True)
    _check(page.mine, False)
    for combo in (page.channel_filter, page.category_filter):
        _choose(combo, None)
    _choose(page.status_filter, f"due:{kind}")


def _complaints(page: Any, overdue: bool) -> None:
    for combo in (page.stage_filter, page.severity_filter, page.level_filter):
        _choose(combo, None)
    page.panel.search.clear()
    _check(page.open_only, not overdue)
    _check(page.overdue_only, overdue)


def _transfers(page: Any, today: bool) -> None:
    _choose(page.status_filter, None)
    _check(page.overdue, not today)
    _check(page.due_today, today)


def _visits(page: Any, _value: Any) -> None:
    page.tabs.setCurrentWidget(page.due)
    page.due.search.clear()
    _choose(page.due_kind, None)


def _repairs(page: Any, status: Any) -> None:
    page.panel.search.clear()
    _check(page.open_only, False)
    _check(page.stuck_only, False)
    _choose(page.warranty_filter, None)
    _choose(page.status_filter, status)


def _returns(page: Any, _value: Any) -> None:
    page.panel.search.clear()
    _check(page.open_only, False)
    _choose(page.kind_filter, None)
    _choose(page.status_filter, "pending_approval")


def _attendance(page: Any, _value: Any) -> None:
    """Today's exceptions: the 考勤记录 tab, 仅异常, and today's date (the list has no date field of its own)."""
    page.tabs.setCurrentWidget(page.panel)
    today = clock.today()
    page.panel.filters.update(day_from=today, day_to=today)
    page.panel.search.clear()
    _choose(page.status_filter, "exceptions")
    page.panel.set_filter("exceptions", True)
