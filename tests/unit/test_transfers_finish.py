"""Transfers that finish: the reply closes the contact or leaves a follow-up; pending first; due promises counted."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from frontdesk import clock
from frontdesk.db.models import Contact, Transfer
from frontdesk.domain.reception import Category, Channel, ContactInput, ReplyMode, ReplyOutcome
from frontdesk.errors import ValidationError
from frontdesk.services.core import staff
from frontdesk.services.core.listing import ListQuery, cursor
from frontdesk.services.personnel import handover
from frontdesk.services.reception import contacts as reception
from frontdesk.services.reception import transfers
from frontdesk.services.reports import dashboard


@pytest.fixture(autouse=True)
def _monday(frozen_clock):  # noqa: ANN001, ANN202
    frozen_clock.set(datetime(2026, 11, 23, 9, 0))
    return frozen_clock


@pytest.fixture
def dept(manager) -> str:  # noqa: ANN001
    return staff.save_department(manager, "工程维修部")


def contact(actor, **kw) -> str:  # noqa: ANN001, ANN003
    values = dict(channel=Channel.WALK_IN.value, category=Category.HELP.value, customer_name="王女士",
                  phone="13800138000", request="三楼卫生间水龙头漏水")
    values.update(kw)
    return reception.save_contact(actor, ContactInput(**values)).uuid


def transferred(actor, dept: str, hours: int = 4) -> tuple[str, str]:  # noqa: ANN001
    uuid = contact(actor)
    return uuid, transfers.transfer_contact(actor, uuid, dept, clock.now() + timedelta(hours=hours), "请派人维修")


def status(contact_uuid: str, transfer_uuid: str) -> tuple[str, str]:
    return Contact.get(Contact.uuid == contact_uuid).status, Transfer.get(Transfer.uuid == transfer_uuid).status


@pytest.mark.parametrize(("outcome", "expected"), [
    (ReplyOutcome.RECORD, ("transferred", "replied")),
    (ReplyOutcome.CLOSE, ("closed", "finished")),
    (ReplyOutcome.FOLLOW_UP, ("open", "finished")),
])
def test_the_reply_can_finish_the_transfer(staff_actor, dept, outcome, expected):
    contact_uuid, uuid = transferred(staff_actor, dept)
    transfers.record_reply(staff_actor, uuid, "已更换水龙头", "客户确认不再漏水", outcome.value, "三天后回访是否漏水",
                           staff_actor.uuid, clock.today() + timedelta(days=3))
    assert status(contact_uuid, uuid) == expected
    row = reception.get_contact(staff_actor, contact_uuid)
    if outcome is ReplyOutcome.CLOSE:
        assert row["handling"] == "客户确认不再漏水" and row["closed_at"] == clock.now()
        assert reception.list_contacts(staff_actor, ListQuery(search="不再漏水")).total == 1  # the search index too
    if outcome is ReplyOutcome.FOLLOW_UP:
        assert (row["follow_up"], row["follow_up_owner_uuid"]) == ("三天后回访是否漏水", staff_actor.uuid)
    assert transfers.overdue_count(staff_actor) == 0


@pytest.mark.parametrize(("owner", "due_days", "text", "field"), [
    (None, 1, "回电", "follow_up_owner_uuid"), ("me", None, "回电", "follow_up_due"),
    ("me", -1, "回电", "follow_up_due"), ("me", 1, " ", "follow_up"),
])
def test_follow_up_needs_what_who_and_when(staff_actor, dept, owner, due_days, text, field):
    contact_uuid, uuid = transferred(staff_actor, dept)
    due = None if due_days is None else clock.today() + timedelta(days=due_days)
    with pytest.raises(ValidationError) as info:
        transfers.record_reply(staff_actor, uuid, "已处理", "", ReplyOutcome.FOLLOW_UP.value, text,
                               staff_actor.uuid if owner else None, due)
    assert field in info.value.fields
    assert status(contact_uuid, uuid) == ("transferred", "pending")


def test_closing_waits_for_every_department_and_a_closed_contact_is_not_transferred(staff_actor, manager, dept):
    contact_uuid, first = transferred(staff_actor, dept)
    other = transfers.transfer_contact(staff_actor, contact_uuid, staff.save_department(manager, "保洁部"),
                                       clock.now() + timedelta(hours=2))
    with pytest.raises(ValidationError) as info:
        transfers.record_reply(staff_actor, first, "已维修", "", ReplyOutcome.CLOSE.value)
    assert "outcome" in info.value.fields
    transfers.record_reply(staff_actor, first, "已维修", "", ReplyOutcome.FOLLOW_UP.value, "等保洁部清理",
                           staff_actor.uuid, clock.today())
    assert status(contact_uuid, first) == ("transferred", "finished")  # the other department still owes a reply
    reception.close_contact(staff_actor, contact_uuid, "维修和清理均已完成")
    assert status(contact_uuid, other) == ("closed", "finished")  # nothing is owed on a closed contact
    with pytest.raises(ValidationError) as info:
        transfers.transfer_contact(staff_actor, contact_uuid, dept, clock.now() + timedelta(hours=1))
    assert "department_uuid" in info.value.fields
    assert Transfer.select().count() == 2


def test_list_defaults_to_pending_first_due_soonest(staff_actor, dept, frozen_clock):
    _c, answered = transferred(staff_actor, dept, hours=1)
    transfers.record_reply(staff_actor, answered, "已答复")
    _c, later = transferred(staff_actor, dept, hours=48)
    _c, soon = transferred(staff_actor, dept, hours=3)
    _c, closed = transferred(staff_actor, dept, hours=2)
    transfers.record_reply(staff_actor, closed, "已答复", "", ReplyOutcome.CLOSE.value)
    frozen_clock.advance(hours=4)  # `soon` is overdue now: still first
    rows = transfers.list_transfers(staff_actor, ListQuery()).rows
    assert [r["uuid"] for r in rows] == [soon, later, closed, answered]  # answered: latest due first
    assert rows[0]["overdue"] and not rows[3]["overdue"]
    pages = [transfers.list_transfers(staff_actor, ListQuery(page=i, page_size=1)).rows[0]["uuid"] for i in range(4)]
    assert pages == [soon, later, closed, answered]
    walked, page = [], transfers.list_transfers(staff_actor, ListQuery(page_size=1))
    while page.rows:  # next-page buttons continue from the last row's sort key (no OFFSET)
        walked.append(page.rows[0]["uuid"])
        page = transfers.list_transfers(staff_actor, ListQuery(page=page.page + 1, page_size=1,
                                                               after=cursor(page.rows[-1])))
        if page.rows and page.rows[0]["uuid"] in walked:
            break
    assert walked == [soon, later, closed, answered]
    by_due = transfers.list_transfers(staff_actor, ListQuery(sort_key="due_at")).rows
    assert [r["uuid"] for r in by_due] == [answered, closed, soon, later]


def test_promised_replies_and_follow_ups_due_are_listed_and_counted(staff_actor, frozen_clock):
    later = ReplyMode.LATER.value
    today_reply = contact(staff_actor, reply_mode=later, promised_reply_at=clock.now() + timedelta(hours=3))
    late_reply = contact(staff_actor, reply_mode=later, promised_reply_at=clock.now() + timedelta(minutes=30))
    contact(staff_actor, reply_mode=later, promised_reply_at=clock.now() + timedelta(days=1))  # tomorrow
    closed = contact(staff_actor, reply_mode=later, promised_reply_at=clock.now() + timedelta(hours=1))
    reception.close_contact(staff_actor, closed, "已电话答复")
    follow = contact(staff_actor, follow_up="明天回电确认", follow_up_owner_uuid=staff_actor.uuid,
                     follow_up_due=clock.today())
    contact(staff_actor, follow_up="下周回访", follow_up_owner_uuid=staff_actor.uuid,
            follow_up_due=clock.today() + timedelta(days=7))
    frozen_clock.advance(hours=1)  # late_reply is overdue now
    page = reception.list_contacts(staff_actor, ListQuery(filters={"due": "reply"}))
    assert {r["uuid"] for r in page.rows} == {today_reply, late_reply}
    follow_rows = reception.list_contacts(staff_actor, ListQuery(filters={"due": "follow_up"})).rows
    assert [r["uuid"] for r in follow_rows] == [follow]
    assert follow_rows[0]["follow_up_owner_name"] == "客服小王" and follow_rows[0]["follow_up"] == "明天回电确认"
    board = dashboard.dashboard(staff_actor)
    assert (board.replies_due, board.follow_ups_due) == (2, 1)
    opened = handover.open_items(staff_actor)
    assert opened["counts"]["承诺答复到期"] == 2 and opened["counts"]["跟进到期"] == 1
    due_items = [i for i in opened["items"] if i["kind"] == "跟进到期"]
    assert due_items[0]["summary"] == "明天回电确认（客服小王）"
    frozen_clock.advance(days=1)  # tomorrow's promise and today's follow-up, now overdue, are still counted
    assert dashboard.dashboard(staff_actor).replies_due == 3
    assert dashboard.dashboard(staff_actor).follow_ups_due == 1
