"""Schedule, clock-in with password, manager corrections, leave, phone leave, swaps, attendance proposals."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from decimal import Decimal

import pytest

from frontdesk import clock
from frontdesk.clock import now
from frontdesk.db.models import Incident, LeaveRequest, Shift, ShiftType
from frontdesk.errors import AuthError, PermissionDenied, ValidationError
from frontdesk.services.core import audit
from frontdesk.services.core.listing import ListQuery
from frontdesk.services.discipline import incidents as discipline
from frontdesk.services.personnel import attendance, leaves, shifts

# dates in these tests are fixed or counted from a frozen clock, so they pass at any real date
pytestmark = pytest.mark.usefixtures("frozen_clock")


def _type(name: str) -> str:
    return ShiftType.get(ShiftType.name == name).uuid


def _custom_type(manager, start: datetime, hours: int = 8) -> str:  # noqa: ANN001
    end = start + timedelta(hours=hours)
    return shifts.save_shift_type(manager, f"测{start:%H%M}", f"{start:%H:%M}", f"{end:%H:%M}")


def test_seeded_shift_types_and_manager_edits(manager, staff_actor) -> None:  # noqa: ANN001
    names = [t["name"] for t in shifts.list_shift_types(staff_actor)]
    assert names == ["早班", "中班", "晚班"]
    uuid = shifts.save_shift_type(manager, "夜班", "22:00", "06:00")
    with pytest.raises(ValidationError) as err:
        shifts.save_shift_type(manager, "坏班", "25:00", "06:00")
    assert "start" in err.value.fields
    with pytest.raises(PermissionDenied):
        shifts.save_shift_type(staff_actor, "偷改", "08:00", "12:00")
    day = date(2026, 3, 10)
    shift_uuid = shifts.assign(manager, staff_actor.uuid, day, uuid)
    shift = Shift.get(Shift.uuid == shift_uuid)
    assert (shift.start_at, shift.end_at) == (datetime(2026, 3, 10, 22), datetime(2026, 3, 11, 6))
    with pytest.raises(ValidationError):  # overlaps the night shift
        shifts.assign(manager, staff_actor.uuid, day + timedelta(days=1), _type("晚班"))
    shifts.save_shift_type(manager, "夜班", "21:00", "05:00", uuid=uuid)
    assert Shift.get(Shift.uuid == shift_uuid).start_at == datetime(2026, 3, 10, 22)  # past schedule kept
    grid = shifts.week_grid(staff_actor, day)
    row = next(r for r in grid["rows"] if r["uuid"] == staff_actor.uuid)
    assert grid["days"][0] == date(2026, 3, 9) and row["cells"][1][0]["name"] == "夜班"


def test_clock_in_and_out_with_the_clerks_password(manager, staff_actor) -> None:  # noqa: ANN001
    start = now() - timedelta(minutes=30)
    kind = _custom_type(manager, start)
    shift_uuid = shifts.assign(manager, staff_actor.uuid, start.date(), kind)
    with pytest.raises(AuthError):
        attendance.clock(staff_actor, staff_actor.uuid, "wrong")
    assert Shift.get(Shift.uuid == shift_uuid).clock_in is None
    result = attendance.clock(staff_actor, staff_actor.uuid, "secret1")
    assert result["action"] == "clock_in" and result["status"] == "late" and result["late_minutes"] >= 29
    result = attendance.clock(staff_actor, staff_actor.uuid, "secret1")
    assert result["action"] == "clock_out" and result["early_minutes"] > 400
    actions = [h["action"] for h in audit.history(manager, shift_uuid)]
    assert actions == ["schedule", "clock_in", "clock_out"]


def test_manager_entry_and_correction_keep_the_original(manager, staff_actor) -> None:  # noqa: ANN001
    day = date(2026, 3, 10)
    shift_uuid = shifts.assign(manager, staff_actor.uuid, day, _type("早班"))
    attendance.manager_entry(manager, shift_uuid, datetime(2026, 3, 10, 8, 20), datetime(2026, 3, 10, 16), "")
    shift = Shift.get(Shift.uuid == shift_uuid)
    assert (shift.status, shift.late_minutes, shift.corrected) == ("late", 20, False)
    with pytest.raises(ValidationError) as err:
        attendance.manager_entry(manager, shift_uuid, datetime(2026, 3, 10, 8), datetime(2026, 3, 10, 16), "")
    assert "reason" in err.value.fields
    attendance.manager_entry(manager, shift_uuid, datetime(2026, 3, 10, 8), datetime(2026, 3, 10, 16), "打卡机故障")
    shift = Shift.get(Shift.uuid == shift_uuid)
    assert shift.status == "normal" and shift.corrected and shift.original_in == datetime(2026, 3, 10, 8, 20)
    assert shift.correction_reason == "打卡机故障"
    history = attendance.shift_history(manager, shift_uuid)
    assert history[-1]["action"] == "correct" and history[-1]["old"]["status"] == "late"
    assert history[-1]["new"]["status"] == "normal" and history[-1]["note"] == "打卡机故障"
    with pytest.raises(ValidationError):
        attendance.manager_entry(manager, shift_uuid, datetime(2026, 3, 10, 8), datetime(2026, 3, 10, 7), "x")
    with pytest.raises(PermissionDenied):
        attendance.manager_entry(staff_actor, shift_uuid, datetime(2026, 3, 10, 8), None, "自己改")


def test_staff_see_only_their_own_attendance(manager, staff_actor, make_actor) -> None:  # noqa: ANN001
    other = make_actor(name="客服小张")
    day = date(2026, 3, 10)
    shifts.assign(manager, staff_actor.uuid, day, _type("早班"))
    shifts.assign(manager, other.uuid, day, _type("早班"))
    attendance.sweep()
    own = attendance.list_attendance(staff_actor, ListQuery(filters={"staff_uuid": other.uuid}))
    assert own.total == 1 and own.rows[0]["staff_uuid"] == staff_actor.uuid and own.rows[0]["status"] == "absent"
    assert attendance.list_attendance(manager, ListQuery()).total == 2


def test_leave_approved_and_phone_leave_past_deadline(manager, staff_actor) -> None:  # noqa: ANN001
    day = date(2026, 3, 10)
    first = shifts.assign(manager, staff_actor.uuid, day, _type("早班"))
    second = shifts.assign(manager, staff_actor.uuid, day + timedelta(days=1), _type("早班"))
    leave = leaves.request_leave(staff_actor, staff_actor.uuid, "sick", datetime(2026, 3, 10, 0),
                                 datetime(2026, 3, 10, 23), "发烧")
    attendance.sweep()
    assert Shift.get(Shift.uuid == first).status == "absent"  # not approved yet
    with pytest.raises(PermissionDenied):
        leaves.decide_leave(staff_actor, leave, True)
    leaves.decide_leave(manager, leave, True)
    assert Shift.get(Shift.uuid == first).status == "leave"
    phone = leaves.request_leave(manager, staff_actor.uuid, "phone", datetime(2026, 3, 11, 0),
                                 datetime(2026, 3, 11, 23), "急病，电话请假")
    assert Shift.get(Shift.uuid == second).status == "leave"  # provisionally, until the deadline
    LeaveRequest.update(paperwork_due=datetime(2026, 3, 12, 0)).where(LeaveRequest.uuid == phone).execute()
    attendance.sweep()
    assert Shift.get(Shift.uuid == second).status == "absent"
    assert leaves.list_leaves(manager, pending_only=True)[0]["overdue_paperwork"]
    with pytest.raises(PermissionDenied):
        leaves.request_leave(staff_actor, manager.uuid, "personal", datetime(2026, 3, 11), datetime(2026, 3, 12), "x")


def test_swap_one_shift_ahead_approved_by_manager(manager, staff_actor, make_actor) -> None:  # noqa: ANN001
    other = make_actor(name="客服小张")
    soon = now() + timedelta(hours=2)
    near = shifts.assign(manager, staff_actor.uuid, soon.date(), _custom_type(manager, soon))
    with pytest.raises(ValidationError) as err:
        shifts.request_swap(staff_actor, near, other.uuid, "家里有事")
    assert "提前" in err.value.fields["shift_uuid"]
    later = clock.today() + timedelta(days=3)
    far = shifts.assign(manager, staff_actor.uuid, later, _type("早班"))
    with pytest.raises(PermissionDenied):
        shifts.request_swap(other, far, other.uuid, "替别人申请")
    swap = shifts.request_swap(staff_actor, far, other.uuid, "家里有事")
    with pytest.raises(PermissionDenied):
        shifts.decide_swap(staff_actor, swap, True)
    shifts.decide_swap(manager, swap, True, "同意")
    shift = Shift.get(Shift.uuid == far)
    assert shift.staff_uuid == other.uuid and shift.swapped_from == staff_actor.uuid
    shift.start_at, shift.end_at = datetime.combine(later, time(8)), datetime.combine(later, time(16))
    assert attendance.recompute(shift, datetime.combine(later, time(17))) is True
    shift.clock_in, shift.clock_out = datetime.combine(later, time(8)), datetime.combine(later, time(16))
    attendance.recompute(shift, datetime.combine(later, time(17)))
    assert shift.status == "swapped"


def test_lateness_and_absence_become_proposed_incidents(manager, staff_actor) -> None:  # noqa: ANN001
    day = date(2026, 3, 10)
    late = shifts.assign(manager, staff_actor.uuid, day, _type("早班"))
    absent = shifts.assign(manager, staff_actor.uuid, day + timedelta(days=1), _type("早班"))
    very_late = shifts.assign(manager, staff_actor.uuid, day + timedelta(days=2), _type("早班"))
    attendance.manager_entry(manager, late, datetime(2026, 3, 10, 8, 20), datetime(2026, 3, 10, 16), "")
    attendance.manager_entry(manager, very_late, datetime(2026, 3, 12, 9, 30), datetime(2026, 3, 12, 16), "")
    with pytest.raises(PermissionDenied):
        attendance.propose_incidents(staff_actor)
    assert attendance.propose_incidents(manager) == 3
    assert attendance.propose_incidents(manager) == 0  # never twice
    rows = {r.shift_uuid: r for r in Incident.select()}
    assert (rows[late].rule_code, rows[late].amount, rows[late].status) == ("L01", Decimal("20.00"), "pending")
    assert rows[absent].rule_code == "L03" and rows[absent].amount == Decimal("100.00")
    assert rows[very_late].rule_code == "L03"  # 90 minutes: beyond the last tier
    assert all(r.source == "attendance" for r in rows.values())
    discipline.confirm(manager, rows[late].uuid)
    assert Incident.get(Incident.uuid == rows[late].uuid).status == "confirmed"


def test_proposals_read_in_chunks_oldest_first_and_none_twice(manager, staff_actor, monkeypatch) -> None:  # noqa: ANN001
    """More shifts than one chunk: each is proposed once, in the order the shifts began."""
    monkeypatch.setattr(attendance._unproposed, "__defaults__", (2,))
    first = date(2026, 3, 2)
    made = [shifts.assign(manager, staff_actor.uuid, first + timedelta(days=n), _type("早班")) for n in (4, 0, 2, 1, 3)]
    assert attendance.propose_incidents(manager) == 5
    assert attendance.propose_incidents(manager) == 0
    by_number = [r.shift_uuid for r in Incident.select().order_by(Incident.id)]
    assert by_number == [made[1], made[3], made[2], made[4], made[0]]


def test_grace_setting_is_managers_only_and_audited(manager, staff_actor) -> None:  # noqa: ANN001
    with pytest.raises(PermissionDenied):
        attendance.set_grace_minutes(staff_actor, 30)
    attendance.set_grace_minutes(manager, 10)
    assert attendance.grace_minutes() == 10
    day = date(2026, 3, 10)
    shift_uuid = shifts.assign(manager, staff_actor.uuid, day, _type("早班"))
    attendance.manager_entry(manager, shift_uuid, datetime(2026, 3, 10, 8, 9), datetime(2026, 3, 10, 16), "")
    assert Shift.get(Shift.uuid == shift_uuid).status == "normal"
    assert audit.history(manager, attendance.GRACE_KEY)[0]["new"] == {"grace_minutes": 10}
