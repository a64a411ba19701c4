"""Three-dimension satisfaction in the window: the return visit form derives the overall value from speed,
result and communication, and shows a partial rating's message on the dimensions row with nothing saved."""

from __future__ import annotations

from frontdesk.db.models import ReturnVisit
from frontdesk.ui.dialogs.visit_edit import VisitDialog


def test_visit_dialog_derives_overall_and_refuses_a_partial_rating(qtbot, staff_actor, frozen_clock):
    dialog = VisitDialog(staff_actor)
    qtbot.addWidget(dialog)
    dialog.customer_name.setText("赵女士")
    dialog.phone.setText("13900001111")
    dialog.result_edit.setPlainText("已退款到账")
    dialog.dimensions["sat_speed"].set_value("satisfied")
    dialog.accept()
    assert dialog.form.error_label("dimensions").isVisibleTo(dialog)
    assert dialog.saved_uuid is None and ReturnVisit.select().count() == 0
    assert dialog.satisfaction.isEnabled()  # not all three: the overall value is still chosen by hand
    dialog.dimensions["sat_result"].set_value("basic")
    dialog.dimensions["sat_communication"].set_value("satisfied")
    assert not dialog.satisfaction.isEnabled() and dialog.satisfaction.value() == "basic"
    dialog.accept()
    visit = ReturnVisit.get(ReturnVisit.uuid == dialog.saved_uuid)
    assert (visit.satisfaction, visit.sat_speed, visit.sat_result, visit.sat_communication) == (
        "basic", "satisfied", "basic", "satisfied")
