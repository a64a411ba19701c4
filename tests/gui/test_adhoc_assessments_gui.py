"""An ad-hoc assessment through the window: 新建考核 with 不定期专项, bad dates shown on the period row with
nothing saved, then the run's team scored; the run is not offered in the ranking's periods."""

from __future__ import annotations

from datetime import date

import pytest
from gui_helpers import scripted, window_for
from PySide6.QtCore import Qt

from frontdesk.db.models import AssessmentRun
from frontdesk.services.assessments import results
from frontdesk.ui.dialogs.assessment_setup import RunDialog

pytestmark = pytest.mark.usefixtures("frozen_clock")  # 2026-11-18


def test_adhoc_run_from_the_assessments_page(qtbot, paths, manager, staff_actor, monkeypatch):
    window = window_for(qtbot, paths, manager)
    page = window.open_page("assessments")
    page.tabs.setCurrentWidget(page.run_tab)

    def new_run(d: RunDialog) -> None:
        d.kind.set_value("adhoc")
        assert d.period_stack.currentIndex() == 1 and d.start.isVisibleTo(d)
        for i in range(d.staff.count()):
            uuid = d.staff.item(i).data(Qt.ItemDataRole.UserRole)
            d.staff.item(i).setCheckState(Qt.CheckState.Checked if uuid == staff_actor.uuid else Qt.CheckState.Unchecked)
        d.start.set_value(date(2026, 11, 10))
        d.end.set_value(date(2026, 11, 20))  # after today: refused on the period row
        d.accept()
        assert d.form.error_label("number").isVisibleTo(d) and "今天" in d.form.error_label("number").text()
        assert AssessmentRun.select().count() == 0
        d.end.set_value(date(2026, 11, 16))
        d.name.setText("投诉处理专项考核")
        d.accept()

    scripted(monkeypatch, RunDialog, new_run)
    page.run_tab.buttons["newRun"].click()
    run = AssessmentRun.get()
    assert (run.period_kind, run.period_start, run.period_end, run.name) == (
        "adhoc", date(2026, 11, 10), date(2026, 11, 17), "投诉处理专项考核")
    assert page.run_tab.run.currentText() == "投诉处理专项考核"
    assert [r["staff_name"] for r in page.run_tab.model.rows] == ["客服小王"]
    assert results.periods(manager) == []
