"""Return visit form (回访记录): customer, method, opinions, suggestions, result, satisfaction, next date."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from frontdesk import clock
from frontdesk.domain import satisfaction as three_dimensions
from frontdesk.domain.complaints import Satisfaction
from frontdesk.domain.roles import Actor
from frontdesk.domain.visits import DueKind, VisitInput, VisitMethod
from frontdesk.domain.visits import label as visit_label
from frontdesk.errors import ValidationError
from frontdesk.services.reception import visits as visit_service
from frontdesk.ui.dialogs.base import FormDialog
from frontdesk.ui.i18n import enum_text
from frontdesk.ui.widgets.date_field import DateField, DateTimeField
from frontdesk.ui.widgets.inputs import ChoiceCombo
from frontdesk.ui.widgets.phrase_panel import ForbiddenWatcher


def due_reason_text(row: dict[str, Any]) -> str:
    """What a due-list row is about, e.g. “重点客户，今年已回访 1 次（每年至少 2 次）”."""
    if row["kind"] == DueKind.CUSTOMER:
        return QCoreApplication.translate("VisitsPage", "{0}，今年已回访 {1} 次（每年至少 2 次）").format(
            enum_text(row["detail"], visit_label), row.get("visits_this_year") or 0
        )
    if row["kind"] == DueKind.NEXT_VISIT:
        return QCoreApplication.translate("VisitsPage", "上次回访结果：{0}").format(row["detail"] or "")
    return QCoreApplication.translate("VisitsPage", "投诉 {0}").format(row["detail"] or "")


def due_link_text(row: dict[str, Any]) -> str:
    """The “回访事由” line of a visit opened from a due-list row."""
    reason = due_reason_text(row)
    return reason if row["kind"] == DueKind.COMPLAINT else f"{enum_text(row['kind'], visit_label)}：{reason}"


def _text_box(name: str, placeholder: str) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setObjectName(name)
    box.setPlaceholderText(placeholder)
    box.setTabChangesFocus(True)
    box.setFixedHeight(64)
    return box


class VisitDialog(FormDialog):
    """A new visit (optionally pre-filled from a due-list row) or the correction of visit ``uuid``."""

    def __init__(
        self, actor: Actor, uuid: str | None = None, prefill: VisitInput | None = None,
        link_text: str = "", parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("修改回访记录") if uuid else self.tr("记录回访"), parent, 480)
        self.actor = actor
        self.uuid = uuid
        self.saved_uuid: str | None = None
        data = visit_service.to_input(visit_service.get_visit(actor, uuid)) if uuid else prefill
        data = data or VisitInput(customer_name="")
        self.links = (data.contact_uuid, data.complaint_uuid)

        self.customer_name = QLineEdit(data.customer_name)
        self.customer_name.setObjectName("customer_name")
        self.customer_name.setPlaceholderText(self.tr("如 王女士、金华物流有限公司"))
        self.phone = QLineEdit(data.phone)
        self.phone.setObjectName("phone")
        self.phone.setPlaceholderText(self.tr("手机或座机，如 0579-85551234"))
        self.method = ChoiceCombo([(m.value, enum_text(m.value, visit_label)) for m in VisitMethod])
        self.method.setObjectName("method")
        self.method.set_value(data.method)
        self.visited_at = DateTimeField(data.visited_at or clock.now().replace(second=0), optional=False)
        self.visited_at.setObjectName("visited_at")
        self.opinions = _text_box("opinions", self.tr("客户对服务的意见、要求"))
        self.opinions.setPlainText(data.opinions)
        self.suggestions = _text_box("suggestions", self.tr("客户的建议"))
        self.suggestions.setPlainText(data.suggestions)
        self.result_edit = _text_box("result", self.tr("回访结果，如：问题已解决，客户表示满意"))
        self.result_edit.setPlainText(data.result)
        self.satisfaction = ChoiceCombo(
            [("", self.tr("（未评价）"))] + [(s.value, enum_text(s.value, visit_label)) for s in Satisfaction]
        )
        self.satisfaction.setObjectName("satisfaction")
        self.satisfaction.set_value(data.satisfaction)
        self.dimensions: dict[str, ChoiceCombo] = {}
        dims_row = QHBoxLayout()
        dims_row.setContentsMargins(0, 0, 0, 0)
        for dim, name in three_dimensions.FIELDS.items():
            combo = ChoiceCombo([("", self.tr("（未评价）"))]
                                + [(s.value, enum_text(s.value, visit_label)) for s in Satisfaction])
            combo.setObjectName(name)
            combo.set_value(getattr(data, name))
            combo.currentIndexChanged.connect(self._derive)
            self.dimensions[name] = combo
            dims_row.addWidget(QLabel(enum_text(three_dimensions.label(dim.value))))
            dims_row.addWidget(combo, 1)
        self.dims_box = QWidget()
        self.dims_box.setLayout(dims_row)
        self.next_visit_date = DateField()
        self.next_visit_date.setObjectName("next_visit_date")
        self.next_visit_date.set_value(data.next_visit_date)
        for combo in (self.method, self.visited_at, self.satisfaction, self.next_visit_date):
            combo.setMinimumWidth(170)

        if link_text:
            link = QLabel(link_text)
            link.setObjectName("linkLabel")
            link.setToolTip(link_text)
            self.form.addRow(self.tr("回访事由"), link)
        self.form.add("customer_name", self.tr("客户"), self.customer_name)
        self.form.add("phone", self.tr("联系电话"), self.phone)
        self.form.add("method", self.tr("回访方式"), self.method)
        self.form.add("visited_at", self.tr("回访时间"), self.visited_at)
        self.form.add("opinions", self.tr("客户意见"), self.opinions)
        self.form.add("suggestions", self.tr("客户建议"), self.suggestions)
        self.form.add("result", self.tr("回访结果"), self.result_edit)
        self.watcher = ForbiddenWatcher(self.result_edit)
        self.form.addRow("", self.watcher.label)
        self.form.add("dimensions", self.tr("分项满意度"), self.dims_box)
        self.form.add("satisfaction", self.tr("总体满意度"), self.satisfaction)
        self.form.add("next_visit_date", self.tr("下次回访"), self.next_visit_date)
        self.link_error = QLabel()
        self.link_error.setObjectName("error_links")
        self.link_error.setStyleSheet("color: #c62828;")
        self.link_error.hide()
        self.add_below(self.link_error)
        self.unplaced_label = self.link_error
        self._derive()
        self.customer_name.setFocus()

    def _derive(self) -> None:
        """Three dimensions given: the overall value is theirs (the worst) and not chosen by hand."""
        values = {name: combo.value() or "" for name, combo in self.dimensions.items()}
        derived = all(values.values())
        if derived:
            self.satisfaction.set_value(three_dimensions.derive_overall(values))
        self.satisfaction.setEnabled(not derived)
        self.satisfaction.setToolTip(self.tr("三项分项满意度都选定时，总体满意度按最低一项得出") if derived else "")

    def value(self) -> VisitInput:
        return VisitInput(
            customer_name=self.customer_name.text(),
            phone=self.phone.text(),
            method=self.method.value(),
            visited_at=self.visited_at.value(),
            opinions=self.opinions.toPlainText(),
            suggestions=self.suggestions.toPlainText(),
            result=self.result_edit.toPlainText(),
            satisfaction=self.satisfaction.value() or "",
            next_visit_date=self.next_visit_date.value(),
            contact_uuid=self.links[0],
            complaint_uuid=self.links[1],
            **{name: combo.value() or "" for name, combo in self.dimensions.items()},
        )

    def save(self) -> None:
        try:
            self.saved_uuid = visit_service.record_visit(self.actor, self.value(), self.uuid)
        except ValidationError as exc:  # the three dimensions share one row: their messages are shown on it
            names = set(three_dimensions.FIELDS.values())
            fields = {k: v for k, v in exc.fields.items() if k not in names}
            found = [v for k, v in exc.fields.items() if k in names]
            if found:
                fields["dimensions"] = found[0]
            raise ValidationError(fields) from exc


def screenshot_dialogs() -> dict[str, Callable[[QWidget], QDialog]]:
    """Dialogs of the visits and phrase book modules for ``frontdesk screenshots`` (name → factory(window))."""
    from frontdesk.services.core.listing import ListQuery
    from frontdesk.ui.dialogs.key_customer_edit import KeyCustomerDialog
    from frontdesk.ui.dialogs.phrase_edit import ForbiddenDialog, PhraseDialog

    def due_visit(win: QWidget) -> QDialog:
        rows = visit_service.list_due(win.ctx.actor, ListQuery(filters={"kind": "complaint"}, page_size=1)).rows
        rows = rows or visit_service.list_due(win.ctx.actor, ListQuery(page_size=1)).rows
        prefill = visit_service.input_for_due(rows[0]) if rows else None
        link = due_link_text(rows[0]) if rows else ""
        return VisitDialog(win.ctx.actor, prefill=prefill, link_text=link, parent=win)

    def visit_errors(win: QWidget) -> QDialog:
        dialog = VisitDialog(win.ctx.actor, prefill=VisitInput(customer_name="王女士", phone="1380013"), parent=win)
        dialog.result_edit.setPlainText("我也没办法，有意见找领导去")
        dialog.watcher.check()
        dialog.accept()
        return dialog

    return {
        "visit-due": due_visit,
        "visit-errors": visit_errors,
        "key-customer": lambda win: KeyCustomerDialog(win.ctx.actor, parent=win),
        "phrase": lambda win: PhraseDialog(win.ctx.actor, situation="thanks", parent=win),
        "forbidden": lambda win: ForbiddenDialog(win.ctx.actor, parent=win),
    }
