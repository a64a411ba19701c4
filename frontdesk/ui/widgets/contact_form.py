"""The keyboard-first reception entry form: Enter saves, Ctrl+Enter saves and closes, Esc clears."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from frontdesk import clock
from frontdesk.domain.reception import Category, Channel, ContactInput, ReplyMode
from frontdesk.domain.roles import Actor
from frontdesk.errors import RecordChanged, ValidationError
from frontdesk.services.reception import contacts as reception
from frontdesk.services.reception.contacts import SavedContact
from frontdesk.ui import messages
from frontdesk.ui.messages import localized, localized_error
from frontdesk.ui.widgets.date_field import DateField, DateTimeField
from frontdesk.ui.widgets.enum_combo import enum_combo
from frontdesk.ui.widgets.form import ERROR_STYLE
from frontdesk.ui.widgets.inputs import ChoiceCombo


class ContactForm(QGroupBox):
    """Registers or edits one contact; remembers the clerk's last channel and category."""

    saved = Signal(object)  # SavedContact
    phoneChanged = Signal(str)  # noqa: N815

    def __init__(self, actor: Actor, staff_choices: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.actor = actor
        self.editing: str | None = None
        self.editing_revision: int | None = None  # what the save's revision check compares against
        self.setTitle(self.tr("接待登记（新）"))
        self.channel = enum_combo(Channel)
        self.channel.setObjectName("channel")
        self.category = enum_combo(Category)
        self.category.setObjectName("category")
        self.customer_name = QLineEdit()
        self.customer_name.setObjectName("customer_name")
        self.customer_name.setPlaceholderText(self.tr("如 王女士，可不填"))
        self.customer_name.setMaxLength(30)
        self.phone = QLineEdit()
        self.phone.setObjectName("phone")
        self.phone.setPlaceholderText(self.tr("手机或座机；现场匿名可不填"))
        self.request = QLineEdit()
        self.request.setObjectName("request")
        self.request.setPlaceholderText(self.tr("客户的核心诉求（必填）"))
        self.request.setMaxLength(1000)
        self.handling = QLineEdit()
        self.handling.setObjectName("handling")
        self.handling.setPlaceholderText(self.tr("处理情况及结果；Ctrl+Enter 保存并办结"))
        self.handling.setMaxLength(2000)
        self.reply_mode = enum_combo(ReplyMode)
        self.reply_mode.setObjectName("reply_mode")
        self.promised = DateTimeField(optional=False)
        self.promised.setObjectName("promised_reply_at")
        self.follow_up = QLineEdit()
        self.follow_up.setObjectName("follow_up")
        self.follow_up.setPlaceholderText(self.tr("需后续跟进的事项"))
        self.follow_up_owner = ChoiceCombo([(None, self.tr("（跟进人）"))] + staff_choices)
        self.follow_up_owner.setObjectName("follow_up_owner")
        self.follow_up_due = DateField(optional=False)
        self.follow_up_due.setObjectName("follow_up_due")
        self.reply_mode.currentIndexChanged.connect(self._reply_mode_changed)
        self.follow_up.textChanged.connect(self._follow_up_changed)

        self.errors: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(2)
        row = 0

        def place(r: int, c: int, text: str, name: str, widget: QWidget, span: int = 1) -> None:
            grid.addWidget(QLabel(text), r, c)
            grid.addWidget(widget, r, c + 1, 1, span)
            err = QLabel()
            err.setObjectName(f"error_{name}")
            err.setStyleSheet(ERROR_STYLE)
            err.hide()
            grid.addWidget(err, r + 1, c + 1, 1, span)
            self.errors[name] = err

        place(row, 0, self.tr("渠道"), "channel", self.channel)
        place(row, 2, self.tr("类别"), "category", self.category)
        place(row, 4, self.tr("客户称呼"), "customer_name", self.customer_name)
        place(row, 6, self.tr("联系电话"), "phone", self.phone)
        row += 2
        place(row, 0, self.tr("核心诉求"), "request", self.request, 7)
        row += 2
        place(row, 0, self.tr("处理结果"), "handling", self.handling, 7)
        row += 2
        place(row, 0, self.tr("回复方式"), "reply_mode", self.reply_mode)
        place(row, 2, self.tr("承诺回复"), "promised_reply_at", self.promised)
        place(row, 4, self.tr("跟进事项"), "follow_up", self.follow_up)
        follow = QHBoxLayout()
        follow.addWidget(self.follow_up_owner, 1)
        follow.addWidget(self.follow_up_due)
        holder = QWidget()
        holder.setLayout(follow)
        follow.setContentsMargins(0, 0, 0, 0)
        place(row, 6, self.tr("跟进人/期限"), "follow_up_owner_uuid", holder)
        self.errors["follow_up_due"] = self.errors["follow_up_owner_uuid"]
        for col in (1, 3, 5, 7):
            grid.setColumnStretch(col, 1)
        # Combos may be narrower than their longest entry: the form (and the window) fits 1366 px in English.
        for combo in (self.channel, self.category, self.reply_mode, self.follow_up_owner):
            combo.setSizeAdjustPolicy(combo.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(5)

        self.save_btn = QPushButton(self.tr("保存 (Enter)"))
        self.save_btn.setObjectName("save")
        self.save_btn.clicked.connect(lambda: self.save(close=False))
        self.close_btn = QPushButton(self.tr("保存并办结 (Ctrl+Enter)"))
        self.close_btn.setObjectName("saveClose")
        self.close_btn.clicked.connect(lambda: self.save(close=True))
        self.new_btn = QPushButton(self.tr("新登记 (Ctrl+N)"))
        self.new_btn.clicked.connect(self.new)
        self.clear_btn = QPushButton(self.tr("清空 (Esc)"))
        self.clear_btn.clicked.connect(self.clear)
        self.form_message = QLabel()
        self.form_message.setObjectName("formMessage")
        buttons = QHBoxLayout()
        self.message_row = buttons  # messages that must not move the form (a forbidden-phrase warning) go here
        buttons.addWidget(self.form_message, 1)
        for b in (self.new_btn, self.clear_btn, self.save_btn, self.close_btn):
            b.setAutoDefault(False)
            b.setFocusPolicy(Qt.FocusPolicy.TabFocus if b is self.save_btn else Qt.FocusPolicy.NoFocus)
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addLayout(buttons)

        # Tab follows the paper form; line edits save on Enter.
        order = [self.channel, self.category, self.customer_name, self.phone, self.request, self.handling,
                 self.reply_mode, self.promised, self.follow_up, self.follow_up_owner, self.follow_up_due,
                 self.save_btn]
        for a, b in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(a, b)
        for edit in (self.customer_name, self.request, self.handling, self.follow_up):
            edit.returnPressed.connect(lambda: self.save(close=False))
        # Enter in the phone field takes the caller the card offers (when it adds something), else saves.
        self.take_caller: Callable[[], bool] = lambda: False
        self.phone.returnPressed.connect(self._phone_return)
        self.caller_step: Callable[[int], None] = lambda _step: None
        for key, step in (("Down", 1), ("Up", -1)):
            QShortcut(QKeySequence(key), self.phone, lambda step=step: self.caller_step(step),
                      context=Qt.ShortcutContext.WidgetShortcut)
        for key in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(key), self, lambda: self.save(close=True),
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence("Escape"), self, self.clear, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._phone_timer = QTimer(self)
        self._phone_timer.setSingleShot(True)
        self._phone_timer.setInterval(300)
        self._phone_timer.timeout.connect(lambda: self.phoneChanged.emit(self.phone.text()))
        self.phone.textChanged.connect(self._phone_timer.start)
        # The next edit after a save or an error: the old "已保存 …" goes, and so does the message of the field
        # being corrected.
        for name, edit in (("customer_name", self.customer_name), ("phone", self.phone), ("request", self.request),
                           ("handling", self.handling), ("follow_up", self.follow_up)):
            edit.textEdited.connect(lambda _text, name=name: self._edited(name))
        for name, combo in (("channel", self.channel), ("category", self.category), ("reply_mode", self.reply_mode),
                            ("follow_up_owner_uuid", self.follow_up_owner)):
            combo.activated.connect(lambda _index, name=name: self._edited(name))
        self.clear()

    # --- state -----------------------------------------------------------------------------------

    def new(self) -> None:
        """Ctrl+N: a blank form keeping the last channel and category; the cursor on the customer."""
        self.clear()
        self.customer_name.setFocus()

    def clear(self) -> None:
        self.editing = self.editing_revision = None
        self.setTitle(self.tr("接待登记（新）"))
        for edit in (self.customer_name, self.phone, self.request, self.handling, self.follow_up):
            edit.clear()
        self.reply_mode.set_value(ReplyMode.IMMEDIATE.value)
        self.promised.set_value(clock.now().replace(second=0) + timedelta(hours=2))
        self.follow_up_owner.setCurrentIndex(0)
        self.follow_up_due.set_value(clock.today() + timedelta(days=1))
        self._reply_mode_changed()
        self._follow_up_changed()
        self.show_errors({})
        self.close_btn.setEnabled(True)

    def load(self, row: dict) -> None:
        """Edit a stored contact (its number stays; the first-ask owner stays)."""
        self.clear()
        self.editing, self.editing_revision = row["uuid"], row.get("revision")
        self.setTitle(self.tr("编辑 {0}（首问负责人：{1}）").format(row["number"], row.get("owner_name", "")))
        self.channel.set_value(row["channel"])
        self.category.set_value(row["category"])
        self.customer_name.setText(row["customer_name"])
        self.phone.setText(row["phone"])
        self.request.setText(row["request"])
        self.handling.setText(row["handling"])
        self.reply_mode.set_value(row["reply_mode"])
        if row.get("promised_reply_at"):
            self.promised.set_value(row["promised_reply_at"])
        self.follow_up.setText(row.get("follow_up", ""))
        self.follow_up_owner.set_value(row.get("follow_up_owner_uuid"))
        if row.get("follow_up_due"):
            self.follow_up_due.set_value(row["follow_up_due"])
        self.close_btn.setEnabled(row["status"] in ("open", "transferred"))
        self.request.setFocus()

    def flush_phone(self) -> None:
        """Tell the listeners about the number now, not once typing pauses (before Enter acts on it)."""
        if self._phone_timer.isActive():
            self._phone_timer.stop()
            self.phoneChanged.emit(self.phone.text())

    def _phone_return(self) -> None:
        self.flush_phone()
        if not self.take_caller():
            self.save(close=False)

    def _edited(self, name: str) -> None:
        self.form_message.clear()
        label = self.errors.get(name)
        if label is not None and label.isVisible():
            label.clear()
            label.hide()

    def _reply_mode_changed(self) -> None:
        self.promised.setEnabled(self.reply_mode.value() == ReplyMode.LATER.value)

    def _follow_up_changed(self) -> None:
        has = bool(self.follow_up.text().strip())
        self.follow_up_owner.setEnabled(has)
        self.follow_up_due.setEnabled(has)

    def data(self, close: bool) -> ContactInput:
        later = self.reply_mode.value() == ReplyMode.LATER.value
        has_follow = bool(self.follow_up.text().strip())
        return ContactInput(
            channel=self.channel.value(),
            category=self.category.value(),
            customer_name=self.customer_name.text(),
            phone=self.phone.text(),
            request=self.request.text(),
            handling=self.handling.text(),
            reply_mode=self.reply_mode.value(),
            promised_reply_at=self.promised.value() if later else None,
            follow_up=self.follow_up.text(),
            follow_up_owner_uuid=self.follow_up_owner.value() if has_follow else None,
            follow_up_due=self.follow_up_due.value() if has_follow else None,
            close_now=close,
        )

    def show_errors(self, errors: dict[str, str]) -> None:
        for label in self.errors.values():
            label.clear()
            label.hide()
        for name, message in errors.items():
            label = self.errors.get(name)
            if label is not None:
                label.setText(localized(message))
                label.show()
        widgets = {"channel": self.channel, "category": self.category, "customer_name": self.customer_name,
                   "phone": self.phone, "request": self.request, "handling": self.handling,
                   "promised_reply_at": self.promised, "follow_up_owner_uuid": self.follow_up_owner,
                   "follow_up_due": self.follow_up_due}
        for name in errors:
            if name in widgets:
                widgets[name].setFocus()
                break
        self.form_message.clear()

    def save(self, close: bool) -> SavedContact | None:
        try:
            saved = reception.save_contact(self.actor, self.data(close), self.editing, self.editing_revision)
        except ValidationError as exc:
            self.show_errors(exc.fields)
            return None
        except RecordChanged as exc:  # another counter saved it since it was opened: reload, or keep the text
            if messages.ask_reload(self, localized_error(exc)):
                self.load(reception.get_contact(self.actor, self.editing))
            return None
        self.clear()
        self.form_message.setText(self.tr("已保存 {0}").format(saved.number))
        self.form_message.setStyleSheet("color: #2e7d32;")
        self.customer_name.setFocus()
        self.saved.emit(saved)
        return saved
