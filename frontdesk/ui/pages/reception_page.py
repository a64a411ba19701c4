"""Reception page (接待登记): the entry form above today's list; the caller card, knowledge and phrases beside."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QInputDialog,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from frontdesk import clock
from frontdesk.domain.phones import normalize_phone
from frontdesk.domain.reception import Category, Channel, ContactStatus
from frontdesk.services.core import staff as staff_service
from frontdesk.services.core.listing import ListQuery
from frontdesk.services.core.listing import Page as DataPage
from frontdesk.services.reception import callers
from frontdesk.services.reception import contacts as reception
from frontdesk.ui import screenshots
from frontdesk.ui.context import AppContext
from frontdesk.ui.dialogs.transfer_edit import TransferDialog
from frontdesk.ui.list_export_action import add_beside_pager, export_button, export_named
from frontdesk.ui.list_poll import ListPoll
from frontdesk.ui.messages import inform, status
from frontdesk.ui.models.page_model import spec_columns
from frontdesk.ui.ops import succeeded
from frontdesk.ui.pages.base import Page
from frontdesk.ui.site_filter import add_site_filter
from frontdesk.ui.widgets.caller_card import CallerCard
from frontdesk.ui.widgets.contact_form import ContactForm
from frontdesk.ui.widgets.date_field import DateField
from frontdesk.ui.widgets.enum_combo import enum_combo
from frontdesk.ui.widgets.kb_suggest import KbSuggestPanel
from frontdesk.ui.widgets.list_panel import ListPanel
from frontdesk.ui.widgets.phrase_panel import ForbiddenWatcher, PhrasePanel

OPEN_COLOR = "#fff8e1"
DUE_COLOR = "#ffe0b2"  # a promised reply or follow-up due today or overdue
OPEN_STATUSES = (ContactStatus.OPEN.value, ContactStatus.TRANSFERRED.value)


class ReceptionPage(Page):
    """What a counter clerk lives in all day."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.form = ContactForm(ctx.actor, staff_service.staff_choices(ctx.actor))
        self.form.saved.connect(lambda _saved: self.panel.refresh())
        self.form.phoneChanged.connect(self.show_history)

        # The caller card: from four typed digits, who called from that number, their open cases and last
        # contacts; Enter in the phone field takes the chosen caller's name and number.
        self.card = CallerCard()
        self.card.contactOpened.connect(self._open_contact)
        self.card.caseOpened.connect(self._open_case)
        self.history = self.card.history
        self.form.take_caller = self.take_caller
        self.form.caller_step = self.card.move
        self.side = self.card
        # The phrase book sits beside the list, where the page has height for a dozen phrases (beside the
        # form it showed two and a half).
        self.phrase_panel = PhrasePanel(ctx.actor)
        self.phrase_panel.phraseChosen.connect(self.form.handling.insert)
        # The forbidden-phrase warning shares the row of the save message: it appears without moving the form.
        self.forbidden_watch = ForbiddenWatcher(self.form.handling)
        self.forbidden_watch.label.setWordWrap(False)
        self.form.message_row.insertWidget(0, self.forbidden_watch.label)

        self.kb_panel = KbSuggestPanel(ctx.actor)  # the knowledge base answers the request being typed
        self.kb_panel.attach(self.form.request, self.form.handling, self.form)

        columns = spec_columns(reception.CONTACTS, {
            "number": 150, "received_at": 120, "channel": 50, "category": 50, "customer_name": 70, "phone": 100,
            "request": 260, "handling": 200, "status": 60, "promised_reply_at": 130, "follow_up": 160,
            "follow_up_owner_name": 80, "follow_up_due": 90, "owner_name": 80},
            enums={"channel": Channel, "category": Category, "status": ContactStatus})  # fit their own labels
        # 核心诉求 takes the width left in view: it is what the clerk reads the list by
        self.panel = ListPanel(columns, self._fetch, ctx.settings.page_size,
                               self.tr("搜索编号、电话、客户、诉求或处理内容"), fill="request")
        self.panel.search.setMinimumWidth(150)  # the filter row is full at 1366 px in English
        self.site_filter = add_site_filter(self.panel, ctx.actor, beside_pager=True)  # head office: a site or all
        self.panel.model.row_color = self._row_color
        self.poll = ListPoll(self, lambda: reception.list_mark(ctx.actor), self.panel.refresh)  # other counters
        self.date_from = DateField(clock.today() - timedelta(days=30), optional=False)
        self.date_to = DateField(clock.today(), optional=False)
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(self._dates_changed)
        self.all_dates = QCheckBox(self.tr("全部日期"))
        self.all_dates.toggled.connect(self._dates_changed)
        self.channel_filter = enum_combo(Channel, self.tr("全部渠道"))
        self.channel_filter.currentIndexChanged.connect(
            lambda: self.panel.set_filter("channel", self.channel_filter.value()))
        self.category_filter = enum_combo(Category, self.tr("全部类别"))
        self.category_filter.currentIndexChanged.connect(
            lambda: self.panel.set_filter("category", self.category_filter.value()))
        # the status combo also picks what is due (the filter row is full at 1366 px): "due:reply", "due:follow_up"
        self.status_filter = enum_combo(ContactStatus, self.tr("全部状态"))
        self.status_filter.addItem(self.tr("承诺答复到期"), "due:reply")
        self.status_filter.addItem(self.tr("跟进到期"), "due:follow_up")
        self.status_filter.setToolTip(self.tr("“承诺答复到期”“跟进到期”：未办结、承诺答复时间或跟进期限在今天或已过的记录"
                                              "（不限接待日期）"))
        self.status_filter.currentIndexChanged.connect(self._status_changed)
        # as wide as its plain states: the two longer "…到期" entries show in full in the open list only
        self.status_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.status_filter.setMinimumContentsLength(5)
        self.status_filter.setMinimumWidth(self.status_filter.fontMetrics().horizontalAdvance(
            self.status_filter.itemText(0)) + 36)  # “All statuses” in full
        self.status_filter.view().setMinimumWidth(self.status_filter.view().sizeHintForColumn(0) + 24)
        self.mine = QCheckBox(self.tr("只看我的"))
        self.mine.toggled.connect(lambda on: self.panel.set_filter("mine", on or None))
        for w in (self.date_from, QLabel("—"), self.date_to, self.all_dates, self.channel_filter,
                  self.category_filter, self.status_filter, self.mine):
            self.panel.filter_bar.addWidget(w)
        self.edit_btn = QPushButton(self.tr("编辑"))
        self.edit_btn.clicked.connect(self.edit_current)
        self.transfer_btn = QPushButton(self.tr("转办…"))
        self.transfer_btn.setObjectName("transfer")
        self.transfer_btn.clicked.connect(self.transfer_current)
        self.close_btn = QPushButton(self.tr("办结…"))
        self.close_btn.setObjectName("closeContact")
        self.close_btn.clicked.connect(self.close_current)
        self.export_btn = export_button(self)
        self.export_btn.clicked.connect(self.export_excel)
        # The toolbar row holds the search and the filters; at 1366 px (English labels are longer) the
        # buttons go beside the row count under the table: 编辑 转办 办结 导出.
        for b in (self.export_btn, self.close_btn, self.transfer_btn, self.edit_btn):
            add_beside_pager(self.panel, b)
        self.panel.activated.connect(lambda _row: self.edit_current())
        self.panel.currentChanged.connect(self._update_buttons)
        self._dates_changed(refresh=False)
        self._update_buttons(None)

        # The form above the list on the left; one column on the right, the whole height of the page, for
        # the aids, one above the other: the caller card (five entries of history), the knowledge base's
        # answers, the phrase book (eight phrases). Beside the form they had 260 px between them.
        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(self.form)
        left.addWidget(self.panel)
        left.setStretchFactor(0, 0)
        left.setStretchFactor(1, 1)
        left.setSizes([self.form.sizeHint().height(), 10_000])  # the form at its natural height
        aids = QSplitter(Qt.Orientation.Vertical)
        aids.setObjectName("aids")
        for w in (self.card, self.kb_panel, self.phrase_panel):
            aids.addWidget(w)
        aids.setChildrenCollapsible(False)
        aids.setStretchFactor(0, 0)
        aids.setStretchFactor(1, 1)
        aids.setStretchFactor(2, 1)
        aids.setSizes([self.card.minimumSizeHint().height(), 190, 10_000])  # the card at its 5 entries
        self.aids = aids
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(aids)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)
        splitter.setSizes([10_000, 240])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        QShortcut(QKeySequence("Ctrl+N"), self, self.form.new, context=Qt.ShortcutContext.WindowShortcut)
        # Ctrl+F (the list's search) and F2 (a new entry from anywhere) are the main window's: frontdesk/ui/hotkeys.py

    def export_excel(self) -> int | None:
        """导出Excel: the rows as currently filtered, off the UI thread."""
        return export_named(self, self.panel, "contacts")

    def _fetch(self, query: ListQuery) -> DataPage:
        return reception.list_contacts(self.ctx.actor, query)

    def refresh(self) -> None:
        self.panel.refresh()
        if not self.form.editing:
            self.form.customer_name.setFocus()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if not self.form.editing:
            self.form.customer_name.setFocus()

    def _row_color(self, row: dict) -> str | None:
        if row["status"] not in OPEN_STATUSES:
            return None
        today = clock.today()
        promised, follow_due = row.get("promised_reply_at"), row.get("follow_up_due")
        if (promised and promised.date() <= today) or (row.get("follow_up") and follow_due and follow_due <= today):
            return DUE_COLOR
        return OPEN_COLOR

    def _update_buttons(self, row: dict | None) -> None:
        """转办 and 办结 only for a contact still being handled (a closed one is not transferred again)."""
        still_open = row is None or row["status"] in OPEN_STATUSES
        self.transfer_btn.setEnabled(still_open)
        self.close_btn.setEnabled(still_open)

    def _status_changed(self) -> None:
        value = self.status_filter.value()
        due = value[4:] if value and value.startswith("due:") else None
        if due and not self.all_dates.isChecked():
            self.all_dates.blockSignals(True)  # what is due may have been received any day
            self.all_dates.setChecked(True)
            self.all_dates.blockSignals(False)
            self._dates_changed(refresh=False)
        self.panel.filters["due"] = due
        self.panel.set_filter("status", None if due else value)

    def _dates_changed(self, *_args: object, refresh: bool = True) -> None:
        everything = self.all_dates.isChecked()
        self.date_from.setEnabled(not everything)
        self.date_to.setEnabled(not everything)
        if not everything and None in (self.date_from.value(), self.date_to.value()):
            return  # a date still being typed
        self.panel.filters["date_from"] = None if everything else self.date_from.value()
        self.panel.filters["date_to"] = None if everything else self.date_to.value()
        self.panel.page_no = 0
        if refresh:
            self.panel.refresh()

    # --- history ---------------------------------------------------------------------------------

    def show_history(self, phone: str) -> None:
        """The callers whose number contains what is typed (four digits or more), in the caller card."""
        self.card.set_callers(callers.find_callers(self.ctx.actor, phone, exclude_uuid=self.form.editing))

    def take_caller(self) -> bool:
        """Enter in the phone field: fill in the chosen caller's name and whole number when that adds
        something (a partial number, an empty name); the cursor goes on to the request. False: nothing to
        take (the form saves)."""
        caller = self.card.selected()
        if caller is None:
            return False
        form = self.form
        partial = normalize_phone(form.phone.text()) != caller.phone
        nameless = not form.customer_name.text().strip() and bool(caller.name)
        if not (partial or nameless):
            return False
        if nameless:
            form.customer_name.setText(caller.name)
        if partial:
            form.phone.setText(caller.phone)
            form.flush_phone()
        form.request.setFocus()
        status(self.tr("已填入来电人 {0}").format(caller.name or caller.phone))
        return True

    def _open_contact(self, uuid: str) -> None:
        self.form.load(reception.get_contact(self.ctx.actor, uuid))

    def _open_case(self, number: str) -> None:
        """Double-click on an open complaint in the caller card: its detail, as a scanned transfer slip opens it."""
        opener = getattr(self.window(), "open_scanned", None)
        if opener is not None:
            opener(number)

    # --- actions ---------------------------------------------------------------------------------

    def _current(self) -> dict | None:
        row = self.panel.current_row()
        if row is None:
            inform(self, self.tr("请先在列表中选择一条接待记录"))
        return row

    def edit_current(self) -> None:
        row = self._current()
        if row is not None:
            self.form.load(reception.get_contact(self.ctx.actor, row["uuid"]))

    def transfer_current(self) -> None:
        row = self._current()
        if row is not None and TransferDialog(self.ctx.actor, row, self).exec():
            status(self.tr("已转办 {0}，首问负责人不变").format(row["number"]))
            self.panel.refresh()

    def close_current(self) -> None:
        row = self._current()
        if row is None:
            return
        text, ok = QInputDialog.getText(self, self.tr("办结 {0}").format(row["number"]),
                                        self.tr("处理情况及结果："), text=row.get("handling") or "")
        if not ok:
            return
        if not succeeded(self, lambda: reception.close_contact(self.ctx.actor, row["uuid"], text, row.get("revision"))):
            return
        status(self.tr("已办结 {0}").format(row["number"]))
        self.panel.refresh()


def _caller_card_state(win: QWidget) -> None:
    """Screenshots: the caller card after four digits of a complaining caller's number."""
    page = win.open_page("reception")
    page.form.clear()
    rows = reception.list_contacts(win.ctx.actor, ListQuery(filters={"category": "complaint"}, page_size=20)).rows
    phone = next((r["phone"] for r in rows if r["phone"]), "")
    page.form.phone.setText(phone[-4:])
    page.form.flush_phone()


screenshots.PAGE_STATES["reception-caller-card"] = _caller_card_state
