"""Departments page (部门): the departments contacts are transferred to and staff belong to."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QAbstractItemView, QCheckBox, QHBoxLayout, QPushButton, QTableView, QVBoxLayout

from frontdesk.services.core import list_exports
from frontdesk.services.core import staff as staff_service
from frontdesk.services.core.listing import ListQuery
from frontdesk.ui.context import AppContext
from frontdesk.ui.dialogs.department_edit import DepartmentDialog
from frontdesk.ui.header_fit import fit_headers
from frontdesk.ui.list_export_action import export_button, export_list
from frontdesk.ui.messages import inform
from frontdesk.ui.models.page_model import PageModel, spec_columns
from frontdesk.ui.pages.base import Page


class DepartmentsPage(Page):
    """A short list (tens of rows), so it is read whole."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        columns = spec_columns(staff_service.DEPARTMENTS, {"name": 180, "staff_count": 90, "active": 70, "note": 300},
                               fmt={"active": lambda v: self.tr("启用") if v else self.tr("停用")})
        self.model = PageModel([replace(c, sortable=False) for c in columns], self)
        self.table = QTableView()
        self.table.setObjectName("table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        for i, column in enumerate(self.model.columns):
            self.table.setColumnWidth(i, column.width)
        fit_headers(self.table)
        self.table.doubleClicked.connect(self.edit)
        self.show_inactive = QCheckBox(self.tr("显示已停用"))
        self.show_inactive.toggled.connect(self.refresh)
        add = QPushButton(self.tr("新增部门"))
        add.setObjectName("addDepartment")
        add.clicked.connect(self.add)
        edit = QPushButton(self.tr("编辑"))
        edit.clicked.connect(self.edit)
        bar = QHBoxLayout()
        bar.addWidget(self.show_inactive)
        bar.addStretch(1)
        bar.addWidget(add)
        bar.addWidget(edit)
        self.export_btn = export_button(self)
        self.export_btn.clicked.connect(self.export_excel)
        bar.addWidget(self.export_btn)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table)

    def refresh(self) -> None:
        self.model.set_rows(staff_service.list_departments(self.ctx.actor, self.show_inactive.isChecked()))

    def export_excel(self) -> int | None:
        query = ListQuery(filters={"include_inactive": self.show_inactive.isChecked()})
        return export_list(self, lambda: list_exports.export_list("departments", self.ctx.actor, query))

    def add(self) -> None:
        if DepartmentDialog(self.ctx.actor, parent=self).exec():
            self.refresh()

    def edit(self) -> None:
        row = self.model.row_at(self.table.currentIndex().row())
        if row is None:
            inform(self, self.tr("请先选择一个部门"))
            return
        if DepartmentDialog(self.ctx.actor, row, self).exec():
            self.refresh()
