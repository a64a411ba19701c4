"""FormDialog: a dialog around one FieldForm whose Save runs a service and shows its errors in place."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from frontdesk.errors import DatabaseUnreachable, UserError, ValidationError
from frontdesk.ui.keyboard import focus_chain, place_focus
from frontdesk.ui.messages import show_user_error
from frontdesk.ui.screen_fit import FitScrollArea, client_limit, fit_size, keep_on_screen
from frontdesk.ui.widgets.form import FieldForm

Buttons = QDialogButtonBox.StandardButton


class FormDialog(QDialog):
    """Subclasses add fields to ``self.form`` and implement ``save()``.

    ``accept()`` calls ``save()``: a ValidationError puts each message next to its field (messages
    for fields not on the form, and other UserErrors, are shown in a message box) and the dialog
    stays open with nothing saved; success closes it. A date typed wrongly is shown the same way, before
    ``save()`` runs.

    From the keyboard: the dialog opens with the cursor in its first input (not on 保存), Tab follows the
    form from top to bottom and then the buttons, Enter in a one-line field saves, Enter in a multi-line
    field starts a new line and Ctrl+Enter saves from anywhere. The form scrolls (``scroll``) when it is
    taller than the screen allows; the dialog never opens larger than the usable screen.
    """

    def __init__(
        self, title: str, parent: QWidget | None = None, min_width: int = 400, ok: Buttons = Buttons.Save,
        scroll: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(min_width)
        self.form = FieldForm()
        self.buttons = QDialogButtonBox(ok | Buttons.Cancel)
        self.ok_button = self.buttons.button(ok)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.unplaced_label: QLabel | None = None  # where messages for fields not on the form go
        self.body = QVBoxLayout(self)
        self.scroll: FitScrollArea | None = None
        if scroll:
            box = QWidget()
            box.setObjectName("formBox")
            box.setLayout(self.form)
            self.form.setContentsMargins(0, 0, 0, 0)
            self.scroll = FitScrollArea(box)
            self.body.addWidget(self.scroll, 1)
        else:
            self.body.addLayout(self.form)
        self.body.addWidget(self.buttons)
        self._shown_once = False

    def add_above(self, widget: QWidget) -> None:
        """A widget (intro text, summary) above the form."""
        self.body.insertWidget(0, widget)

    def add_below(self, widget: QWidget) -> None:
        """A widget between the form and the buttons."""
        self.body.insertWidget(self.body.count() - 1, widget)

    def save(self) -> None:
        raise NotImplementedError

    # --- keyboard and size -----------------------------------------------------------------------

    def inputs(self) -> list[QWidget]:
        """The focusable widgets in form order (above, the form's rows, below), then the buttons."""
        return focus_chain(self.body)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        if not self._shown_once:  # sized before QDialog.showEvent centres the dialog over its parent
            self._shown_once = True
            place_focus(self)
            if not self.testAttribute(Qt.WidgetAttribute.WA_Resized):
                self.resize(self.sizeHint().expandedTo(self.minimumSizeHint()))
            fit_size(self)
        super().showEvent(event)

    def sizeHint(self) -> QSize:  # noqa: N802
        return super().sizeHint().boundedTo(client_limit(self))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.accept()
            return
        super().keyPressEvent(event)

    def show_errors(self, fields: dict[str, str]) -> list[str]:
        """Each message under its field (see FieldForm.show_errors); the dialog grows to show them, up to the
        screen, and scrolls beyond. Returns the messages for fields not on the form."""
        unplaced = self.form.show_errors(fields)
        if self.isVisible():
            self.form.activate()
            if self.scroll is not None:
                self.scroll.updateGeometry()
            self.layout().activate()
            self.resize(self.size().expandedTo(self.sizeHint()))
            fit_size(self)
            keep_on_screen(self)
        return unplaced

    def accept(self) -> None:
        typing = self.form.typing_errors()
        if typing:
            self.show_errors(typing)
            return
        while True:  # the server went away: 重试 saves again with everything typed, 返回表单 keeps it all
            try:
                self.save()
            except ValidationError as exc:
                unplaced = self.show_errors(exc.fields)
                if self.unplaced_label is not None:
                    self.unplaced_label.setText("；".join(unplaced))
                    self.unplaced_label.setVisible(bool(unplaced))
                else:
                    for message in unplaced:
                        show_user_error(self, UserError(message))
                return
            except DatabaseUnreachable as exc:
                if self._ask_retry(exc):
                    continue
                return
            except UserError as exc:
                show_user_error(self, exc)
                return
            except Exception as exc:  # a driver error read outside a transaction may mean the same
                unreachable = _unreachable(exc)
                if unreachable is None:
                    raise
                if self._ask_retry(unreachable):
                    continue
                return
            break
        super().accept()

    def _ask_retry(self, exc: UserError) -> bool:
        from frontdesk.ui.dialogs.unreachable import Answer, ask_retry

        return ask_retry(self, exc, in_form=True) is Answer.RETRY


def _unreachable(exc: BaseException) -> UserError | None:
    """The DatabaseUnreachable a driver error amounts to (the server went away), else None."""
    from frontdesk.services.core import system

    mapped = system.expected_error(exc)
    return mapped if isinstance(mapped, DatabaseUnreachable) else None
