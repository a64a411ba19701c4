"""FormDialog: a dialog around one FieldForm whose Save runs a service and shows its errors in place."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from frontdesk.errors import UserError, ValidationError
from frontdesk.ui.messages import show_user_error
from frontdesk.ui.widgets.form import FieldForm

Buttons = QDialogButtonBox.StandardButton


class FormDialog(QDialog):
    """Subclasses add fields to ``self.form`` and implement ``save()``.

    ``accept()`` calls ``save()``: a ValidationError puts each message next to its field (messages
    for fields not on the form, and other UserErrors, are shown in a message box) and the dialog
    stays open with nothing saved; success closes it.
    """

    def __init__(
        self, title: str, parent: QWidget | None = None, min_width: int = 400, ok: Buttons = Buttons.Save
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
        self.body.addLayout(self.form)
        self.body.addWidget(self.buttons)

    def add_above(self, widget: QWidget) -> None:
        """A widget (intro text, summary) above the form."""
        self.body.insertWidget(0, widget)

    def add_below(self, widget: QWidget) -> None:
        """A widget between the form and the buttons."""
        self.body.insertWidget(self.body.count() - 1, widget)

    def save(self) -> None:
        raise NotImplementedError

    def accept(self) -> None:
        try:
            self.save()
        except ValidationError as exc:
            unplaced = self.form.show_errors(exc.fields)
            if self.unplaced_label is not None:
                self.unplaced_label.setText("；".join(unplaced))
                self.unplaced_label.setVisible(bool(unplaced))
            else:
                for message in unplaced:
                    show_user_error(self, UserError(message))
            return
        except UserError as exc:
            show_user_error(self, exc)
            return
        super().accept()
