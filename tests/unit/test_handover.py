"""Shift handover: open items listed automatically, password acknowledgment, shifts without a handover."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from frontdesk import clock
from frontdesk.clock import now
from frontdesk.db.models import ShiftType
from frontdesk.domain.complaints import ComplaintInput
from frontdesk.domain.reception import Category, Channel, ContactInput
from frontdesk.errors import AuthError, PermissionDenied, ValidationError
from frontdesk.services.complaints import cases as complaints
from frontdesk.services.core.listing import ListQuery
from frontdesk.services.personnel import handover, shifts
from frontdesk.services.personnel.handover import HandoverInput
from frontdesk.services.reception import contacts as reception

# dates in these tests are fixed or counted from a frozen clock, so they pass at any real date
pytestmark = pytest.mark.usefixtures("frozen_clock")


def test_handover_lists_open_items_and_needs_acknowledgment(staff_actor, make_actor, manager) -> None:  # noqa: ANN001
    incoming = make_actor(name="客服小张")
    reception.save_contact(staff_actor, ContactInput(channel=Channel.WALK_IN.value, category=Category.CONSULT.value,
                                                     customer_name="王女士", request="咨询会员积分兑换规则"))
    reception.save_contact(staff_actor, ContactInput(channel=Channel.PHONE.value, category=Category.HELP.value,
                                                     customer_name="李先生", phone="13800138000",
                                                     request="车辆抛锚求助"))
    complaints.open_complaint(staff_actor, ComplaintInput(customer_name="李先生", phone="13800138000",
                                                          subject="停车场多收费"))
    items = handover.open_items(staff_actor)
    assert items["counts"]["接待登记"] == 2 and items["counts"]["投诉"] == 1
    assert {i["kind"] for i in items["items"]} >= {"接待登记", "投诉"}
    early = ShiftType.get(ShiftType.name == "早班").uuid
    with pytest.raises(ValidationError) as err:
        handover.hand_over(staff_actor, HandoverInput(clock.today(), early, incoming.uuid,
                                                      events=[{"what": "顾客突发疾病", "who": "", "result": ""}]))
    assert "events" in err.value.fields
    uuid = handover.hand_over(staff_actor, HandoverInput(
        clock.today(), early, incoming.uuid, notes="打印机缺纸",
        events=[{"what": "顾客突发疾病", "who": "客服小王", "when": "10:20", "result": "已送医，家属已到"}]))
    got = handover.get_handover(incoming, uuid)
    assert got["open"]["counts"]["接待登记"] == 2 and got["events"][0]["result"] == "已送医，家属已到"
    assert got["acknowledged_at"] is None
    assert handover.list_handovers(manager, ListQuery(filters={"unacknowledged": True})).total == 1
    with pytest.raises(PermissionDenied):
        handover.acknowledge(manager, uuid, manager.uuid, "secret1")  # not the named incoming clerk
    with pytest.raises(AuthError):
        handover.acknowledge(incoming, uuid, incoming.uuid, "wrong")
    handover.acknowledge(incoming, uuid, incoming.uuid, "secret1")
    assert handover.get_handover(staff_actor, uuid)["acknowledged_at"] is not None
    with pytest.raises(ValidationError):
        handover.acknowledge(incoming, uuid, incoming.uuid, "secret1")
    assert handover.list_handovers(manager, ListQuery(filters={"unacknowledged": True})).total == 0


def test_a_shift_that_ended_without_handover_is_flagged(manager, staff_actor) -> None:  # noqa: ANN001
    start = now() - timedelta(hours=10)
    kind = shifts.save_shift_type(manager, "测试班", f"{start:%H:%M}", f"{start + timedelta(hours=8):%H:%M}")
    shifts.assign(manager, staff_actor.uuid, start.date(), kind)
    missing = handover.missing_handovers(staff_actor)
    assert [m["shift_name"] for m in missing] == ["测试班"]
    handover.hand_over(staff_actor, HandoverInput(start.date(), kind, None))
    assert handover.missing_handovers(staff_actor) == []
    assert handover.missing_handovers(staff_actor, moment=datetime.combine(clock.today(), datetime.min.time())
                                      - timedelta(days=30)) == []
