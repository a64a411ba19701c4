"""Through the window: a template edit, a quarter's run, keyboard scoring with the evidence beside it, the
clerk's acknowledgment, the ranking, the history chart and an etiquette self-check."""

from __future__ import annotations

import pytest
from gui_helpers import scripted, window_for
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from frontdesk import clock
from frontdesk.db.models import Assessment, AssessmentTemplate, SelfCheck
from frontdesk.domain.roles import Role
from frontdesk.ui.dialogs.assessment_form import AcknowledgeDialog, ScoreDialog
from frontdesk.ui.dialogs.assessment_setup import RunDialog, TemplateDialog
from frontdesk.ui.dialogs.selfcheck_form import ReviewDialog, SelfCheckDialog

# dates here are counted from the program's clock: frozen, so a run that crosses midnight cannot split a test
pytestmark = pytest.mark.usefixtures("frozen_clock")


def test_quarter_run_from_template_to_acknowledgment(qtbot, paths, manager, staff_actor, make_actor,
                                                     monkeypatch, message_boxes):  # noqa: ANN001
    other = make_actor(Role.STAFF, "客服小张")
    window = window_for(qtbot, paths, manager)
    page = window.open_page("assessments")
    templates_tab = page.tabs.widget(page.tabs.count() - 1)
    page.tabs.setCurrentWidget(templates_tab)
    templates_tab.view.selectRow(0)

    def edit(d: TemplateDialog) -> None:
        d.weights[next(iter(d.weights))].setText("31")  # 101%: refused in place
        d.accept()
        assert "101%" in d.form.error_label("weights").text() and d.result() != QDialog.DialogCode.Accepted
        d.weights[next(iter(d.weights))].setText("30")
        d.scale.setValue(5)
        d.accept()

    scripted(monkeypatch, TemplateDialog, edit)
    templates_tab.edit()
    assert AssessmentTemplate.select().count() == 2
    new_version = AssessmentTemplate.get(AssessmentTemplate.current == True)  # noqa: E712
    assert new_version.version == 2

    page.tabs.setCurrentWidget(page.run_tab)

    def new_run(d: RunDialog) -> None:
        d.kind.set_value("quarter")
        d.year.setValue(2026)
        d.number.set_value(2)
        for i in range(d.staff.count()):
            uuid = d.staff.item(i).data(Qt.ItemDataRole.UserRole)
            d.staff.item(i).setCheckState(Qt.CheckState.Checked if uuid in (staff_actor.uuid, other.uuid)
                                          else Qt.CheckState.Unchecked)
        d.template.set_value(new_version.uuid)
        d.accept()

    scripted(monkeypatch, RunDialog, new_run)
    page.run_tab.buttons["newRun"].click()
    team = page.run_tab.model.rows
    assert [r["staff_name"] for r in team] == ["客服小王", "客服小张"] and page.run_tab.progress.text() == "已评 0/2"

    def score(d: ScoreDialog) -> None:
        assert "期间：2026-04-01 至 2026-06-30" in d.evidence.text()
        for spin in d.spins.values():
            qtbot.keyClick(spin, Qt.Key.Key_4)  # a digit scores the item
        assert "总分" in d.summary.text()
        if d.next_button is not None:
            d.save_and_next()
        else:
            d.comment.setText("ok")
            d.accept()

    seen = scripted(monkeypatch, ScoreDialog, score)
    page.run_tab.buttons["scoreAll"].click()
    assert len(seen) == 2 and page.run_tab.progress.text() == "已评 2/2"
    scored = Assessment.get(Assessment.staff == staff_actor.uuid)
    assert scored.status == "scored" and scored.template_uuid == new_version.uuid and scored.grade

    page.tabs.setCurrentIndex(1)  # ranking
    assert len(page.tabs.currentWidget().model.rows) == 2
    page.tabs.setCurrentIndex(2)  # history chart
    history = page.tabs.currentWidget()
    assert history.chart is not None and history.chart.objectName() == "historyChart"
    window.close()

    clerk = window_for(qtbot, paths, staff_actor)
    mine_page = clerk.open_page("assessments")
    mine = mine_page.tabs.currentWidget()
    assert [r["status"] for r in mine.model.rows] == ["scored"]
    mine.view.selectRow(0)

    def acknowledge(d: AcknowledgeDialog) -> None:
        d.comment.setText("收到")
        d.accept()

    scripted(monkeypatch, AcknowledgeDialog, acknowledge)
    mine.ack.click()
    assert Assessment.get(Assessment.uuid == scored.uuid).status == "acknowledged"
    assert mine.history.chart is not None

    # the clerk's etiquette self-check, then the manager's review
    check_page = clerk.open_page("selfcheck")
    assert check_page.today.text() == "本期自查：未填写"

    def fill(d: SelfCheckDialog) -> None:
        d.all_yes()
        d.rows["C3"].no.setChecked(True)
        assert d.rows["C3"].note.text() == "提醒自己专注倾听"
        d.accept()

    scripted(monkeypatch, SelfCheckDialog, fill)
    check_page.fill.click()
    assert SelfCheck.get().no_count == 1 and check_page.today.text() == "本期自查：已填写"
    clerk.close()

    boss = window_for(qtbot, paths, manager)
    review_page = boss.open_page("selfcheck")
    review_page.panel.table.selectRow(0)
    scripted(monkeypatch, ReviewDialog, lambda d: d.accept())
    review_page.findChild(type(review_page.fill), "review").click()
    assert SelfCheck.get().reviewed_at is not None and SelfCheck.get().slot <= clock.today()
    assert not [m for m in message_boxes if m[0] in ("warning", "critical")]
