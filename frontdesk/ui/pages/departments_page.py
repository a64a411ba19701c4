"""Departments page (部门): the departments contacts are transferred to and staff belong to."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QCheckBox, QHBoxLayout, QPushButton, QTableView, QVBoxLayout

from frontdesk.services.core import staff as staff_service
from frontdesk.ui.context import AppContext
from frontdesk.ui.dialogs.department_edit import DepartmentDialog
from frontdesk.ui.messages import inform
from frontdesk.ui.models.page_model import Column, PageModel
from frontdesk.ui.pages.base import Page


class DepartmentsPage(Page):
    """A short list (tens of rows), so it is read whole."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.model = PageModel(
            [
                Column("name", self.tr("部门名称"), 180, sortable=False),
                Column("staff_count", self.tr("在职人数"), 90, sortable=False, align_right=True),
                Column("active", self.tr("状态"), 70, sortable=False,
                       fmt=lambda v: self.tr("启用") if v else self.tr("停用")),
                Column("note", self.tr("备注"), 300, sortable=False),
            ],
            self,
        )
        self.table = QTableView()
        self.table.setObjectName("table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        for i, column in enumerate(self.model.columns):
            self.table.setColumnWidth(i, column.width)
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
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table)

    def refresh(self) -> None:
        self.model.set_rows(staff_service.list_departments(self.ctx.actor, self.show_inactive.isChecked()))

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
