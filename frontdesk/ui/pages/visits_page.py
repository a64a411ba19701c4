"""Return visits page (回访管理): the due list, the visit history and the key customers, one tab each."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QPushButton, QTabWidget, QVBoxLayout

from frontdesk.domain.complaints import Satisfaction
from frontdesk.domain.printdoc import PrintDocument
from frontdesk.domain.roles import Permission
from frontdesk.domain.visits import CustomerLevel, DueKind, VisitInput, VisitMethod
from frontdesk.domain.visits import label as visit_label
from frontdesk.services.core.listing import ListQuery
from frontdesk.services.core.listing import Page as DataPage
from frontdesk.services.reception import visit_form
from frontdesk.services.reception import visits as visit_service
from frontdesk.ui import printing
from frontdesk.ui.context import AppContext
from frontdesk.ui.dialogs.key_customer_edit import KeyCustomerDialog
from frontdesk.ui.dialogs.visit_edit import VisitDialog, due_link_text, due_reason_text
from frontdesk.ui.i18n import enum_format, enum_text
from frontdesk.ui.list_export_action import export_button, export_named
from frontdesk.ui.messages import inform, status
from frontdesk.ui.models.page_model import Column, spec_columns
from frontdesk.ui.ops import attempt
from frontdesk.ui.pages.base import Page
from frontdesk.ui.widgets.inputs import ChoiceCombo
from frontdesk.ui.widgets.list_panel import ListPanel

OVERDUE_COLOR = "#ffebee"



class VisitsPage(Page):
    """待回访 / 回访记录 / 重点客户."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        size = ctx.settings.page_size
        self.tabs = QTabWidget()
        self.tabs.setObjectName("visitTabs")

        self.due = ListPanel(
            [
                Column("kind", self.tr("回访事由"), 130, fmt=enum_format(visit_label)),
                Column("customer_name", self.tr("客户"), 150),
                Column("phone", self.tr("电话"), 120),
                Column("due_date", self.tr("应回访日期"), 100),
                Column("detail_text", self.tr("说明"), 360, sortable=False),
            ],
            self._fetch_due, size, self.tr("搜索客户或电话"),
        )
        self.due.setObjectName("duePanel")
        self.due.model.row_color = lambda row: OVERDUE_COLOR if row.get("overdue") else None
        self.due_kind = ChoiceCombo([(None, self.tr("全部事由"))] + [(k.value, enum_text(k.value, visit_label)) for k in DueKind])
        self.due_kind.setObjectName("dueKind")
        self.due_kind.currentIndexChanged.connect(lambda: self.due.set_filter("kind", self.due_kind.value()))
        self.due.filter_bar.addWidget(self.due_kind)
        self.visit_due_btn = QPushButton(self.tr("记录回访"))
        self.visit_due_btn.setObjectName("visitDue")
        self.visit_due_btn.clicked.connect(self.visit_due)
        self.due.actions_bar.addWidget(self.visit_due_btn)
        self.print_blank_btn = QPushButton(self.tr("打印回访表"))
        self.print_blank_btn.setObjectName("printBlankVisit")
        self.print_blank_btn.setToolTip(self.tr("打印一张空白回访表，电话或上门回访时手写记录"))
        self.print_blank_btn.clicked.connect(self.print_blank)
        self.due.actions_bar.addWidget(self.print_blank_btn)
        self.due.activated.connect(lambda _row: self.visit_due())

        self.history = ListPanel(
            spec_columns(visit_service.VISITS, {"visited_at": 130, "customer_name": 120, "phone": 110, "method": 60,
                                         "satisfaction": 80, "next_visit_date": 95, "visitor_name": 80,
                                         "result": 300}),
            self._fetch_history, size, self.tr("搜索客户、电话或回访结果"),
        )
        self.history.setObjectName("historyPanel")
        self.method_filter = ChoiceCombo([(None, self.tr("全部方式"))] + [(m.value, enum_text(m.value, visit_label)) for m in VisitMethod])
        self.method_filter.setObjectName("methodFilter")
        self.method_filter.currentIndexChanged.connect(
            lambda: self.history.set_filter("method", self.method_filter.value())
        )
        self.satisfaction_filter = ChoiceCombo(
            [(None, self.tr("全部满意度"))] + [(s.value, enum_text(s.value, visit_label)) for s in Satisfaction]
        )
        self.satisfaction_filter.currentIndexChanged.connect(
            lambda: self.history.set_filter("satisfaction", self.satisfaction_filter.value())
        )
        self.mine = QCheckBox(self.tr("只看我的"))
        self.mine.toggled.connect(lambda on: self.history.set_filter("mine", True if on else None))
        for widget in (self.method_filter, self.satisfaction_filter, self.mine):
            self.history.filter_bar.addWidget(widget)
        self.add_visit_btn = QPushButton(self.tr("新增回访"))
        self.add_visit_btn.setObjectName("addVisit")
        self.add_visit_btn.clicked.connect(lambda: self._open_visit(VisitInput(customer_name="")))
        self.edit_visit_btn = QPushButton(self.tr("修改"))
        self.edit_visit_btn.clicked.connect(self.edit_visit)
        self.history.actions_bar.addWidget(self.add_visit_btn)
        self.history.actions_bar.addWidget(self.edit_visit_btn)
        self.print_visit_btn = QPushButton(self.tr("打印回访表"))
        self.print_visit_btn.setObjectName("printVisit")
        self.print_visit_btn.clicked.connect(self.print_visit)
        self.history.actions_bar.addWidget(self.print_visit_btn)
        self.export_btn = export_button(self)
        self.export_btn.clicked.connect(self.export_excel)
        self.history.actions_bar.addWidget(self.export_btn)
        self.history.activated.connect(lambda _row: self.edit_visit())

        self.customers = ListPanel(
            [
                Column("name", self.tr("客户名称"), 200),
                Column("phone", self.tr("电话"), 120),
                Column("level", self.tr("类别"), 80, fmt=enum_format(visit_label)),
                Column("visits_this_year", self.tr("今年回访次数"), 100, align_right=True),
                Column("last_visit_at", self.tr("最近回访"), 130, sortable=False),
                Column("active", self.tr("状态"), 60, sortable=False,
                       fmt=lambda v: self.tr("启用") if v else self.tr("停用")),
                Column("note", self.tr("备注"), 260, sortable=False),
            ],
            self._fetch_customers, size, self.tr("搜索客户名称或电话"),
        )
        self.customers.setObjectName("customersPanel")
        self.level_filter = ChoiceCombo([(None, self.tr("全部类别"))] + [(c.value, enum_text(c.value, visit_label)) for c in CustomerLevel])
        self.level_filter.currentIndexChanged.connect(
            lambda: self.customers.set_filter("level", self.level_filter.value())
        )
        self.active_filter = ChoiceCombo([(True, self.tr("启用")), (False, self.tr("已停用"))])
        self.active_filter.setObjectName("customerActive")
        self.active_filter.currentIndexChanged.connect(
            lambda: self.customers.set_filter("active", self.active_filter.value())
        )
        self.customers.filter_bar.addWidget(self.level_filter)
        self.customers.filter_bar.addWidget(self.active_filter)
        self.add_customer_btn = QPushButton(self.tr("新增客户"))
        self.add_customer_btn.setObjectName("addCustomer")
        self.add_customer_btn.clicked.connect(self.add_customer)
        self.edit_customer_btn = QPushButton(self.tr("编辑"))
        self.edit_customer_btn.clicked.connect(self.edit_customer)
        self.visit_customer_btn = QPushButton(self.tr("记录回访"))
        self.visit_customer_btn.clicked.connect(self.visit_customer)
        for button in (self.add_customer_btn, self.edit_customer_btn, self.visit_customer_btn):
            self.customers.actions_bar.addWidget(button)
        self.toggle_customer_btn: QPushButton | None = None
        if ctx.actor.can(Permission.MANAGE_REFERENCE):
            self.toggle_customer_btn = QPushButton(self.tr("停用/启用"))
            self.toggle_customer_btn.setObjectName("toggleCustomer")
            self.toggle_customer_btn.clicked.connect(self.toggle_customer)
            self.customers.actions_bar.addWidget(self.toggle_customer_btn)
        self.customers.activated.connect(lambda _row: self.edit_customer())

        self.panel = self.due  # the list screenshots and the main window treat as this page's list
        self.tabs.addTab(self.due, self.tr("待回访"))
        self.tabs.addTab(self.history, self.tr("回访记录"))
        self.tabs.addTab(self.customers, self.tr("重点客户"))
        self.tabs.currentChanged.connect(lambda _i: self.refresh())
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)

    def export_excel(self) -> int | None:
        """导出Excel: the rows as currently filtered, off the UI thread."""
        return export_named(self, self.history, "visits")

    # data
    def _fetch_due(self, query: ListQuery) -> DataPage:
        page = visit_service.list_due(self.ctx.actor, query)
        for row in page.rows:
            row["detail_text"] = due_reason_text(row)
        self.tabs.setTabText(0, self.tr("待回访（{0}）").format(page.total))
        return page

    def _fetch_history(self, query: ListQuery) -> DataPage:
        return visit_service.list_visits(self.ctx.actor, query)

    def _fetch_customers(self, query: ListQuery) -> DataPage:
        return visit_service.list_key_customers(self.ctx.actor, query)

    def refresh(self) -> None:
        panel = self.tabs.currentWidget()
        if isinstance(panel, ListPanel):
            panel.refresh()
        if panel is not self.due:
            self.tabs.setTabText(0, self.tr("待回访（{0}）").format(visit_service.due_count(self.ctx.actor)))

    # actions
    def _open_visit(self, prefill: VisitInput | None, uuid: str | None = None, link_text: str = "") -> bool:
        dialog = VisitDialog(self.ctx.actor, uuid, prefill, link_text, self)
        if dialog.exec():
            status(self.tr("回访已保存"))
            self.refresh()
            return True
        return False

    def visit_due(self) -> None:
        row = self.due.current_row()
        if row is None:
            inform(self, self.tr("请先在待回访列表中选择一项"))
            return
        self._open_visit(visit_service.input_for_due(row), link_text=due_link_text(row))

    def edit_visit(self) -> None:
        row = self.history.current_row()
        if row is None:
            inform(self, self.tr("请先选择一条回访记录"))
            return
        self._open_visit(None, row["uuid"])

    def visit_paper(self) -> PrintDocument | None:
        """The 回访表 of the selected visit, or None (a hint shown) when none is selected."""
        row = self.history.current_row()
        if row is None:
            inform(self, self.tr("请先选择一条回访记录"))
            return None
        return attempt(self, lambda: visit_form.visit_form(self.ctx.actor, row["uuid"], self.ctx.site_name))

    def print_visit(self) -> None:
        doc = self.visit_paper()
        if doc is not None:
            printing.show_print_preview(doc, self)

    def print_blank(self) -> None:
        row = self.due.current_row()
        if row is None:
            inform(self, self.tr("请先在待回访列表中选择一项"))
            return
        doc = attempt(self, lambda: visit_form.blank_form(self.ctx.actor, row, self.ctx.site_name))
        if doc is not None:
            printing.show_print_preview(doc, self)

    def add_customer(self) -> None:
        if KeyCustomerDialog(self.ctx.actor, parent=self).exec():
            status(self.tr("已新增客户"))
            self.customers.refresh()

    def edit_customer(self) -> None:
        row = self.customers.current_row()
        if row is None:
            inform(self, self.tr("请先选择一位客户"))
            return
        if KeyCustomerDialog(self.ctx.actor, row["uuid"], self).exec():
            self.customers.refresh()

    def visit_customer(self) -> None:
        row = self.customers.current_row()
        if row is None:
            inform(self, self.tr("请先选择一位客户"))
            return
        self._open_visit(VisitInput(customer_name=row["name"], phone=row["phone"]),
                         link_text=self.tr("{0}回访").format(enum_text(row["level"], visit_label)))

    def toggle_customer(self) -> None:
        row = self.customers.current_row()
        if row is None:
            inform(self, self.tr("请先选择一位客户"))
            return
        visit_service.set_key_customer_active(self.ctx.actor, row["uuid"], not row["active"])
        status(self.tr("已启用") if not row["active"] else self.tr("已停用"))
        self.customers.refresh()
