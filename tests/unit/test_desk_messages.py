"""Messages for absent colleagues (留言转告): left for a named colleague or the next shift, pending for the right
people until acknowledged, bad input named at its field with nothing saved, clerks see their own, the export."""

from __future__ import annotations

import pytest

from frontdesk.db.models import AuditLog, DeskMessage
from frontdesk.domain.duty import MessageInput
from frontdesk.domain.roles import Role
from frontdesk.errors import PermissionDenied, ValidationError
from frontdesk.services.core import list_exports
from frontdesk.services.core.listing import ListQuery
from frontdesk.services.personnel import messages


def _bodies(rows) -> list[str]:  # noqa: ANN001
    return [r["body"] for r in rows]


def test_a_message_for_a_named_colleague_waits_for_them_alone(frozen_clock, make_actor, staff_actor):
    colleague = make_actor(Role.STAFF, "小张")
    third = make_actor(Role.STAFF, "小赵")
    uuid = messages.leave_message(staff_actor, MessageInput("  请回电张先生  ", colleague.uuid, "张先生", "13805710022"))
    assert _bodies(messages.pending_for(colleague)) == ["请回电张先生"]
    assert messages.pending_for(third) == [] and messages.pending_for(staff_actor) == []
    with pytest.raises(PermissionDenied):
        messages.acknowledge(third, uuid)
    frozen_clock.advance(hours=2)
    messages.acknowledge(colleague, uuid)
    assert messages.pending_for(colleague) == []
    row = DeskMessage.get(DeskMessage.uuid == uuid)
    assert (row.recipient_name, row.acknowledged_by_name, row.acknowledged_at) == ("小张", "小张", frozen_clock())
    with pytest.raises(ValidationError) as caught:
        messages.acknowledge(colleague, uuid)
    assert "acknowledged_at" in caught.value.fields
    actions = [a.action for a in AuditLog.select().where(AuditLog.entity == "desk_message").order_by(AuditLog.id)]
    assert actions == ["create", "acknowledge"]


def test_a_next_shift_message_is_for_everyone_but_its_author_until_one_reads_it(frozen_clock, make_actor,
                                                                               staff_actor):
    incoming = make_actor(Role.STAFF, "小张")
    other = make_actor(Role.STAFF, "小赵")
    first = messages.leave_message(staff_actor, MessageInput("打印机缺纸"))
    frozen_clock.advance(minutes=5)
    messages.leave_message(staff_actor, MessageInput("会员钱包在保险柜", urgent=True))
    assert _bodies(messages.pending_for(incoming)) == ["会员钱包在保险柜", "打印机缺纸"]  # urgent first
    assert messages.pending_count(other) == 2 and messages.pending_count(staff_actor) == 0
    with pytest.raises(PermissionDenied):
        messages.acknowledge(staff_actor, first)
    assert messages.acknowledge_all(incoming, [r["uuid"] for r in messages.pending_for(incoming)]) == 2
    assert messages.pending_for(other) == []  # read for the shift


@pytest.mark.parametrize(("data", "field"), [
    (MessageInput("   "), "body"),
    (MessageInput("长" * 501), "body"),
    (MessageInput("有事", caller="名" * 31), "caller"),
    (MessageInput("有事", caller_phone="138-abc"), "caller_phone"),
    (MessageInput("有事", recipient_uuid="no-such-person"), "recipient_uuid"),
])
def test_bad_input_names_the_field_and_saves_nothing(frozen_clock, staff_actor, data, field):
    with pytest.raises(ValidationError) as caught:
        messages.leave_message(staff_actor, data)
    assert field in caught.value.fields
    assert DeskMessage.select().count() == 0


def test_a_message_to_oneself_is_refused(frozen_clock, staff_actor):
    with pytest.raises(ValidationError) as caught:
        messages.leave_message(staff_actor, MessageInput("提醒自己", staff_actor.uuid))
    assert set(caught.value.fields) == {"recipient_uuid"}


def test_clerks_list_their_own_managers_all_and_the_export_masks_the_phone(frozen_clock, make_actor, staff_actor,
                                                                            manager):
    a, b = make_actor(Role.STAFF, "小张"), make_actor(Role.STAFF, "小赵")
    messages.leave_message(a, MessageInput("给小赵的", b.uuid, "李女士", "13805710022"))
    messages.leave_message(staff_actor, MessageInput("给下一班的"))
    mine = messages.list_messages(b, ListQuery(page_size=50))
    assert sorted(_bodies(mine.rows)) == ["给下一班的", "给小赵的"]
    assert _bodies(messages.list_messages(staff_actor, ListQuery(filters={"mine": True})).rows) == []
    assert _bodies(messages.list_messages(a, ListQuery(filters={"mine": True})).rows) == ["给下一班的"]
    assert len(messages.list_messages(manager, ListQuery()).rows) == 2
    assert _bodies(messages.list_messages(manager, ListQuery(search="李女士")).rows) == ["给小赵的"]
    export = list_exports.export_list("messages", b, ListQuery(sort_key="left_at"))
    rows = list(export.rows)
    assert export.total == 2 and len(rows) == 2
    phones = [r[[c.key for c in export.specs].index("caller_phone")] for r in rows]
    assert "138****0022" in phones
