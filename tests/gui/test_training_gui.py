"""Training through the window: a manager records a session in the dialog (bad input shown at the field,
nothing saved), the list shows it, the staff profile opens the person's history; a clerk sees only 我的培训."""

from __future__ import annotations

from datetime import date

import pytest
from gui_helpers import scripted, window_for
from PySide6.QtWidgets import QLabel

from frontdesk.db.models import TrainingSession
from frontdesk.ui.dialogs.training_edit import TrainingDialog, TrainingHistoryDialog

pytestmark = pytest.mark.usefixtures("frozen_clock")  # 2026-11-18


def test_manager_records_a_session_and_the_profile_shows_it(qtbot, paths, manager, staff_actor, monkeypatch):
    window = window_for(qtbot, paths, manager)
    page = window.open_page("training")
    assert [page.tabs.tabText(i) for i in range(page.tabs.count())] == ["培训场次", "个人培训档案", "我的培训"]

    def fill(d: TrainingDialog) -> None:
        d.title.setText("")
        d.hours.setText("两小时")
        d.pass_score.setText("60")
        d.accept()  # no subject, hours not a number, nobody ticked: each said at its field, nothing saved
        for name in ("title", "hours", "attendees"):
            assert d.form.error_label(name).isVisibleTo(d), name
        assert TrainingSession.select().count() == 0
        d.kind.set_value("special")
        d.title.setText("投诉处理技巧专项培训")
        d.held_on.set_value(date(2026, 11, 12))
        d.hours.setText("2.5")
        d.tick(staff_actor.uuid, "present", "120")
        d.accept()
        assert "0–100" in d.form.error_label("attendees").text() and TrainingSession.select().count() == 0
        d.tick(staff_actor.uuid, "present", "88")
        d.accept()

    scripted(monkeypatch, TrainingDialog, fill)
    page.sessions.buttons["addTraining"].click()
    rows = page.sessions.panel.model.rows
    assert [(r["title"], r["present"], str(r["hours"])) for r in rows] == [("投诉处理技巧专项培训", 1, "2.50")]

    staff_page = window.open_page("staff")
    staff_page.panel.search.setText(staff_actor.name)
    staff_page.panel.refresh()
    staff_page.panel.table.selectRow(0)
    seen = scripted(monkeypatch, TrainingHistoryDialog, lambda d: d.reject())
    staff_page.training_btn.click()
    history = seen[0].model.rows
    assert [(h["title"], str(h["score"]), h["passed"]) for h in history] == [("投诉处理技巧专项培训", "88.00", True)]
    assert "2.5 学时" in seen[0].findChild(QLabel, "trainingSummary").text()


def test_a_clerk_sees_only_their_own_training(qtbot, paths, staff_actor):
    window = window_for(qtbot, paths, staff_actor)
    page = window.open_page("training")
    assert page.sessions is None and page.tabs.count() == 1 and page.tabs.tabText(0) == "我的培训"
