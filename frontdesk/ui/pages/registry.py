"""The pages the main window offers, in navigation order; each module adds its own entries here.

Pages are imported when first opened, not at start-up: the window paints sooner, and a page a
role never opens costs nothing.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP

from frontdesk.domain.roles import Permission
from frontdesk.ui.context import AppContext
from frontdesk.ui.pages.base import Page, PageSpec


def lazy(module: str, cls: str) -> Callable[[AppContext], Page]:
    """A factory that imports ``frontdesk.ui.pages.<module>`` on first use."""

    def factory(ctx: AppContext) -> Page:
        return getattr(importlib.import_module(f"frontdesk.ui.pages.{module}"), cls)(ctx)

    return factory


def page_specs() -> list[PageSpec]:
    desk, reference = Permission.DESK_WORK, Permission.MANAGE_REFERENCE
    return [
        PageSpec("dashboard", QT_TRANSLATE_NOOP("nav", "工作台"), desk, lazy("dashboard_page", "DashboardPage")),
        PageSpec("reception", QT_TRANSLATE_NOOP("nav", "接待登记"), desk, lazy("reception_page", "ReceptionPage")),
        PageSpec("transfers", QT_TRANSLATE_NOOP("nav", "转办督办"), desk, lazy("transfers_page", "TransfersPage")),
        PageSpec("complaints", QT_TRANSLATE_NOOP("nav", "投诉处理"), desk, lazy("complaints_page", "ComplaintsPage")),
        PageSpec("visits", QT_TRANSLATE_NOOP("nav", "回访管理"), desk, lazy("visits_page", "VisitsPage")),
        PageSpec("returns", QT_TRANSLATE_NOOP("nav", "退换货"), desk, lazy("returns_page", "ReturnsPage")),
        PageSpec("repairs", QT_TRANSLATE_NOOP("nav", "维修工单"), desk, lazy("repairs_page", "RepairsPage")),
        PageSpec("expressway", QT_TRANSLATE_NOOP("nav", "求助与公告"), desk, lazy("expressway_page", "ExpresswayPage")),
        PageSpec("knowledge", QT_TRANSLATE_NOOP("nav", "业务知识库"), desk, lazy("knowledge_page", "KnowledgePage")),
        PageSpec("reports", QT_TRANSLATE_NOOP("nav", "统计报表"), desk, lazy("reports_page", "ReportsPage")),
        PageSpec("handover", QT_TRANSLATE_NOOP("nav", "交接班"), desk, lazy("handover_page", "HandoverPage")),
        PageSpec("messages", QT_TRANSLATE_NOOP("nav", "留言转告"), desk, lazy("messages_page", "MessagesPage")),
        PageSpec("duty", QT_TRANSLATE_NOOP("nav", "值守清单"), desk, lazy("duty_page", "DutyPage")),
        PageSpec("supervision", QT_TRANSLATE_NOOP("nav", "监督检查"), desk, lazy("supervision_page", "SupervisionPage")),
        PageSpec("selfcheck", QT_TRANSLATE_NOOP("nav", "礼仪自查"), desk, lazy("selfcheck_page", "SelfCheckPage")),
        PageSpec("attendance", QT_TRANSLATE_NOOP("nav", "排班考勤"), desk, lazy("attendance_page", "AttendancePage")),
        PageSpec("discipline", QT_TRANSLATE_NOOP("nav", "违纪罚款"), Permission.READ_OWN_PERSONNEL,
                 lazy("discipline_page", "DisciplinePage")),
        PageSpec("assessments", QT_TRANSLATE_NOOP("nav", "考核管理"), Permission.READ_OWN_PERSONNEL,
                 lazy("assessments_page", "AssessmentsPage")),
        PageSpec("training", QT_TRANSLATE_NOOP("nav", "培训记录"), Permission.READ_OWN_PERSONNEL,
                 lazy("training_page", "TrainingPage")),
        PageSpec("fine_rules", QT_TRANSLATE_NOOP("nav", "罚款标准"), reference, lazy("fine_rules_page", "FineRulesPage")),
        PageSpec("staff", QT_TRANSLATE_NOOP("nav", "员工档案"), Permission.MANAGE_ROSTER, lazy("staff_page", "StaffPage")),
        PageSpec("departments", QT_TRANSLATE_NOOP("nav", "部门管理"), reference,
                 lazy("departments_page", "DepartmentsPage")),
        PageSpec("holidays", QT_TRANSLATE_NOOP("nav", "节假日设置"), reference, lazy("holidays_page", "HolidaysPage")),
        PageSpec("phrases", QT_TRANSLATE_NOOP("nav", "规范用语"), reference, lazy("phrases_page", "PhrasesPage")),
        PageSpec("sync", QT_TRANSLATE_NOOP("nav", "数据同步"), reference, lazy("sync_page", "SyncPage")),
        PageSpec("system", QT_TRANSLATE_NOOP("nav", "系统维护"), Permission.ADMIN_SITE, lazy("system_page", "SystemPage")),
    ]
