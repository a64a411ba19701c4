"""Two counters edit one contact: the second save is told, keeps its text, and can reload the other's version."""

from __future__ import annotations

from frontdesk.services.reception import contacts as reception
from frontdesk.ui import messages
from tests.gui.test_reception_gui import open_reception
from tests.unit.test_counters_revision import walk_in


def test_second_save_told_keeps_text_then_reloads(qtbot, paths, staff_actor, make_actor, monkeypatch):
    uuid = reception.save_contact(staff_actor, walk_in()).uuid
    _window, page = open_reception(qtbot, paths, staff_actor)
    page.form.load(reception.get_contact(staff_actor, uuid))      # this counter opens the contact
    other = make_actor(name="客服小张")
    loaded = reception.get_contact(other, uuid)                  # so does the next counter, and saves first
    reception.save_contact(other, walk_in(handling="小张已回电"), uuid, loaded["revision"])

    asked: list[str] = []
    answer = {"reload": False}
    monkeypatch.setattr(messages, "ask_reload", lambda parent, text: asked.append(text) or answer["reload"])
    page.form.handling.setText("我这边的处理记录")
    assert page.form.save(False) is None
    assert asked and "已被其他人修改" in asked[0]
    assert page.form.handling.text() == "我这边的处理记录" and page.form.editing == uuid  # the form keeps its text
    assert reception.get_contact(staff_actor, uuid)["handling"] == "小张已回电"        # nothing overwritten

    answer["reload"] = True
    assert page.form.save(False) is None
    assert page.form.handling.text() == "小张已回电"  # reloaded: the other counter's version, its new revision
    page.form.handling.setText("小张已回电；我补充：客户满意")
    assert page.form.save(False) is not None
    assert reception.get_contact(staff_actor, uuid)["handling"] == "小张已回电；我补充：客户满意"


def test_lists_show_other_counters_records_on_next_load(qtbot, paths, staff_actor, make_actor):
    window, page = open_reception(qtbot, paths, staff_actor)
    before = page.panel.last_page.total
    reception.save_contact(make_actor(name="客服小张"), walk_in(request="另一台柜台登记"))  # another counter
    window.open_page("complaints")
    window.open_page("reception")
    assert page.panel.last_page.total == before + 1
    assert any(row["request"] == "另一台柜台登记" for row in page.panel.model.rows)


def test_reception_poll_refreshes_only_on_change_and_not_while_typing(qtbot, paths, staff_actor, make_actor):
    from PySide6.QtCore import Qt

    _window, page = open_reception(qtbot, paths, staff_actor)
    poll = page.poll
    assert poll.timer.isActive() and poll.timer.interval() == 30_000
    poll.tick()
    assert poll.refreshes == 0  # nothing new: the probe's answer is the same, the list is not re-read
    other = make_actor(name="客服小张")
    poll.timer.setInterval(50)  # a short interval for the test
    reception.save_contact(other, walk_in(request="第一条"))
    qtbot.waitUntil(lambda: page.panel.last_page.total == 1, timeout=3000)
    assert poll.refreshes == 1

    qtbot.keyClick(page.form.request, Qt.Key.Key_A)  # the clerk types: the poll waits
    reception.save_contact(other, walk_in(request="第二条"))
    qtbot.wait(300)
    assert page.panel.last_page.total == 1 and poll.refreshes == 1
    poll.typing_grace_s = 0.0  # the clerk stopped typing
    qtbot.waitUntil(lambda: page.panel.last_page.total == 2, timeout=3000)
    assert page.form.request.text() == "a"  # the form is untouched by the refresh
