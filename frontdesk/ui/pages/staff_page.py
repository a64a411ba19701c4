"""Staff roster page (员工档案): search, filter, add, edit, reset password."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QVBoxLayout

from frontdesk.domain.roles import Permission
from frontdesk.services.core import staff as staff_service
from frontdesk.services.core import staff_list
from frontdesk.services.core.listing import ListQuery
from frontdesk.services.core.listing import Page as DataPage
from frontdesk.ui.context import AppContext
from frontdesk.ui.dialogs.password import PasswordDialog
from frontdesk.ui.dialogs.staff_edit import StaffDialog
from frontdesk.ui.list_export_action import export_button, export_named
from frontdesk.ui.messages import inform, status
from frontdesk.ui.models.page_model import spec_columns
from frontdesk.ui.pages.base import Page
from frontdesk.ui.widgets.inputs import ChoiceCombo
from frontdesk.ui.widgets.list_panel import ListPanel


class StaffPage(Page):
    """The roster, managed by managers; accounts (role, password) by the admin."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        columns = spec_columns(staff_list.STAFF, {
            "staff_no": 90, "name": 90, "department": 120, "position": 110, "role": 70, "phone": 120,
            "hire_date": 100, "active": 50, "last_login": 140},
            fmt={"active": lambda v: self.tr("在职") if v else self.tr("离职")})
        self.panel = ListPanel(
            columns, self._fetch, ctx.settings.page_size, self.tr("搜索工号、姓名或电话")
        )
        self.dept_filter = ChoiceCombo()
        self.dept_filter.setObjectName("deptFilter")
        self.dept_filter.currentIndexChanged.connect(
            lambda: self.panel.set_filter("department_uuid", self.dept_filter.value())
        )
        self.active_filter = ChoiceCombo(
            [(True, self.tr("在职")), (False, self.tr("离职")), (None, self.tr("全部"))]
        )
        self.active_filter.setObjectName("activeFilter")
        self.panel.filters["active"] = True
        self.active_filter.currentIndexChanged.connect(
            lambda: self.panel.set_filter("active", self.active_filter.value())
        )
        self.panel.filter_bar.addWidget(self.dept_filter)
        self.panel.filter_bar.addWidget(self.active_filter)

        self.add_btn = QPushButton(self.tr("新增员工"))
        self.add_btn.setObjectName("addStaff")
        self.add_btn.clicked.connect(self.add)
        self.edit_btn = QPushButton(self.tr("编辑"))
        self.edit_btn.clicked.connect(self.edit)
        self.panel.actions_bar.addWidget(self.add_btn)
        self.panel.actions_bar.addWidget(self.edit_btn)
        if ctx.actor.can(Permission.MANAGE_PERSONNEL):  # the profile's training history (培训档案)
            self.training_btn = QPushButton(self.tr("培训档案"))
            self.training_btn.setObjectName("trainingHistory")
            self.training_btn.clicked.connect(self.training_history)
            self.panel.actions_bar.addWidget(self.training_btn)
        self.export_btn = export_button(self)
        self.export_btn.clicked.connect(self.export_excel)
        self.panel.actions_bar.addWidget(self.export_btn)
        if ctx.actor.can(Permission.MANAGE_ACCOUNTS):
            self.reset_btn = QPushButton(self.tr("重置密码"))
            self.reset_btn.clicked.connect(self.reset_password)
            self.panel.actions_bar.addWidget(self.reset_btn)
        self.panel.activated.connect(lambda _row: self.edit())

        layout = QVBoxLayout(self)
        layout.addWidget(self.panel)

    def export_excel(self) -> int | None:
        """导出Excel: the rows as currently filtered, off the UI thread."""
        return export_named(self, self.panel, "staff")

    def _fetch(self, query: ListQuery) -> DataPage:
        return staff_service.list_staff(self.ctx.actor, query)

    def refresh(self) -> None:
        self.dept_filter.set_choices(
            [(None, self.tr("全部部门"))]
            + [(d["uuid"], d["name"]) for d in staff_service.list_departments(self.ctx.actor, True)]
        )
        self.panel.refresh()

    def add(self) -> None:
        dialog = StaffDialog(self.ctx.actor, parent=self)
        if dialog.exec():
            status(self.tr("已新增员工"))
            self.panel.refresh()

    def edit(self) -> None:
        row = self.panel.current_row()
        if row is None:
            inform(self, self.tr("请先在列表中选择一名员工"))
            return
        dialog = StaffDialog(self.ctx.actor, row["uuid"], parent=self)
        if dialog.exec():
            status(self.tr("已保存"))
            self.panel.refresh()

    def training_history(self) -> None:
        row = self.panel.current_row()
        if row is None:
            inform(self, self.tr("请先在列表中选择一名员工"))
            return
        from frontdesk.ui.dialogs.training_edit import TrainingHistoryDialog

        TrainingHistoryDialog(self.ctx.actor, row["uuid"], f"{row['staff_no']} {row['name']}", self).exec()

    def reset_password(self) -> None:
        row = self.panel.current_row()
        if row is None:
            inform(self, self.tr("请先在列表中选择一名员工"))
            return
        dialog = PasswordDialog(self.ctx.actor, row["uuid"], f"{row['staff_no']} {row['name']}", self)
        if dialog.exec():
            status(self.tr("密码已重置，账户锁定已解除"))
