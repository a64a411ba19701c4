"""Revision check: two clerks edit the same record; the second save is refused (RecordChanged), nothing overwritten."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest

from frontdesk import clock
from frontdesk.db.models import Contact
from frontdesk.domain.complaints import ComplaintInput
from frontdesk.domain.reception import Category, Channel, ContactInput
from frontdesk.domain.repairs import RepairInput
from frontdesk.domain.returns import Inspection, ReturnInput
from frontdesk.domain.sla import Stage
from frontdesk.errors import RecordChanged
from frontdesk.services.aftersales import repairs, returns
from frontdesk.services.complaints import cases as complaints
from frontdesk.services.discipline import incidents as discipline
from frontdesk.services.discipline.incidents import IncidentInput
from frontdesk.services.reception import contacts as reception

pytestmark = pytest.mark.usefixtures("frozen_clock")


def walk_in(**kw) -> ContactInput:  # noqa: ANN003
    values = dict(channel=Channel.WALK_IN.value, category=Category.CONSULT.value, customer_name="王女士",
                  phone="13800138000", request="咨询停车场收费标准")
    values.update(kw)
    return ContactInput(**values)


def test_second_contact_save_is_told_and_overwrites_nothing(staff_actor, make_actor):
    other = make_actor(name="客服小张")
    uuid = reception.save_contact(staff_actor, walk_in()).uuid
    first = reception.get_contact(staff_actor, uuid)  # both clerks open the same contact
    second = reception.get_contact(other, uuid)
    assert first["revision"] == second["revision"]
    reception.save_contact(staff_actor, walk_in(handling="已电话回复"), uuid, first["revision"])
    with pytest.raises(RecordChanged) as info:
        reception.save_contact(other, walk_in(handling="由小张处理"), uuid, second["revision"])
    assert "已被其他人修改" in info.value.message
    now = reception.get_contact(staff_actor, uuid)
    assert now["handling"] == "已电话回复" and now["revision"] == first["revision"] + 1
    # reloaded, the second clerk's save goes through
    reception.save_contact(other, walk_in(handling="由小张处理"), uuid, now["revision"])
    assert reception.get_contact(other, uuid)["handling"] == "由小张处理"
    with pytest.raises(RecordChanged):
        reception.close_contact(staff_actor, uuid, "办结", revision=now["revision"])
    assert reception.get_contact(other, uuid)["status"] == "open"
    reception.save_contact(staff_actor, walk_in(request="无版本号的保存照旧"), uuid)  # callers without a form


def test_the_update_itself_checks_the_revision(staff_actor):
    """A row changed between the service's read and its UPDATE (another counter's commit): 0 rows, refused."""
    uuid = reception.save_contact(staff_actor, walk_in()).uuid
    contact = Contact.get(Contact.uuid == uuid)
    loaded = contact.revision
    Contact.update(revision=Contact.revision + 1).where(Contact.uuid == uuid).execute()  # the other counter
    contact.expect_revision(loaded)
    contact.handling = "覆盖？"
    with pytest.raises(RecordChanged):
        contact.save()
    assert Contact.get(Contact.uuid == uuid).handling == ""
    assert contact.revision == loaded


def test_complaint_stage_incident_and_orders(staff_actor, manager):
    case = complaints.open_complaint(staff_actor, ComplaintInput(customer_name="王女士", phone="13800138000",
                                                                 subject="停车场多收费")).uuid
    rev = complaints.get_complaint(staff_actor, case)["revision"]
    complaints.advance(staff_actor, case, Stage.VERIFY, "已受理", revision=rev)
    with pytest.raises(RecordChanged):
        complaints.add_note(manager, case, "同时在另一台电脑上", revision=rev)
    assert [e["kind"] for e in complaints.get_complaint(manager, case)["events"]].count("note") == 0

    uuid = discipline.record_incident(manager, IncidentInput(
        staff_uuids=[staff_actor.uuid], rule_code="R06", occurred_at=clock.now() - timedelta(hours=1),
        amount=Decimal("30"), description="测试"))[0]
    rev = discipline.get_incident(manager, uuid)["revision"]
    discipline.confirm(manager, uuid, revision=rev)
    with pytest.raises(RecordChanged):
        discipline.revoke(manager, uuid, "另一位主管撤销", revision=rev)
    assert discipline.get_incident(manager, uuid)["status"] == "confirmed"

    repair = repairs.create_repair(staff_actor, RepairInput(
        customer_name="张先生", phone="13700001111", item="蓝牙耳机", fault="左耳无声音", appearance="完好",
        warranty="in", estimated_date=clock.today() + timedelta(days=5), estimated_cost="0", pickup_mode="self")).uuid
    rev = repairs.get_repair(staff_actor, repair)["revision"]
    repairs.advance(staff_actor, repair, "sent", revision=rev)
    with pytest.raises(RecordChanged):
        repairs.advance(staff_actor, repair, "sent", revision=rev)

    back = returns.create_return(staff_actor, ReturnInput(
        customer_name="王女士", phone="13800138000", kind="return", category="clothing", item="羊毛大衣",
        amount_paid="899.00", purchase_date=clock.today() - timedelta(days=3), receipt_no="XP1", reason="尺码不合适",
        inspection=Inspection(packaging_note="吊牌在"), refund_amount="899.00", decision="negotiate")).uuid
    order = returns.get_return(staff_actor, back)
    returns.decide(staff_actor, back, "agree", "100", "", "协商一致", revision=order["revision"])
    with pytest.raises(RecordChanged):
        returns.decide(staff_actor, back, "refuse", "0", "", "另一位同事", revision=order["revision"])
    assert returns.get_return(staff_actor, back)["status"] != "refused"


def test_list_mark_moves_with_every_write_of_a_contact(staff_actor):
    """The reception poll's probe: one indexed MAX, changed by a new contact and by an edit, not by a read."""
    empty = reception.list_mark(staff_actor)
    uuid = reception.save_contact(staff_actor, walk_in()).uuid
    after_new = reception.list_mark(staff_actor)
    assert after_new > empty
    reception.get_contact(staff_actor, uuid)
    assert reception.list_mark(staff_actor) == after_new
    reception.save_contact(staff_actor, walk_in(handling="已答复"), uuid)
    assert reception.list_mark(staff_actor) > after_new
