"""One password check for sign-in, clock-in, handover acknowledgement and password change: one lock, no oracle."""

from __future__ import annotations

import ast
from datetime import timedelta
from pathlib import Path

import pytest

from frontdesk.clock import now
from frontdesk.db.models import AuditLog, Shift, ShiftType, Staff
from frontdesk.errors import AuthError, ValidationError
from frontdesk.services.core import auth
from frontdesk.services.personnel import attendance, handover, shifts
from frontdesk.services.personnel.handover import HandoverInput

# dates in these tests are fixed or counted from a frozen clock, so they pass at any real date
pytestmark = pytest.mark.usefixtures("frozen_clock")

ADMIN_PASSWORD = "admin123"
LOCK = "账户已锁定"


def _lock_by_login(staff_no: str) -> None:
    for _ in range(auth.MAX_FAILURES):
        with pytest.raises(AuthError):
            auth.login(staff_no, "guess")


def _handover_to(outgoing, incoming) -> str:  # noqa: ANN001
    early = ShiftType.get(ShiftType.name == "早班").uuid
    return handover.hand_over(outgoing, HandoverInput(now().date(), early, incoming.uuid))


def test_unknown_user_wrong_password_and_inactive_account_read_the_same(admin, make_actor, frozen_clock):
    from frontdesk.services.core import staff as staff_service

    gone = make_actor(name="已离职")
    data = staff_service.get_staff(admin, gone.uuid)
    data.active = False
    staff_service.save_staff(admin, data, gone.uuid)
    messages = set()
    for staff_no in ("admin", "nobody", gone.staff_no):
        with pytest.raises(AuthError) as info:
            auth.login(staff_no, "wrong-one")
        messages.add(info.value.message)
    assert len(messages) == 1 and "还可尝试" not in messages.pop()


def test_unknown_user_locks_like_a_real_one(admin, frozen_clock):
    seen = {}
    for staff_no in ("admin", "ghost"):
        for _ in range(auth.MAX_FAILURES - 1):
            with pytest.raises(AuthError):
                auth.login(staff_no, "guess")
        with pytest.raises(AuthError) as info:
            auth.login(staff_no, "guess")
        seen[staff_no] = info.value.message
    assert seen["admin"] == seen["ghost"] and LOCK in seen["admin"]


def test_locked_admin_right_password_gives_the_lock_message(admin, frozen_clock):
    _lock_by_login("admin")
    with pytest.raises(AuthError) as wrong:
        auth.login("admin", "guess")
    with pytest.raises(AuthError) as right:
        auth.login("admin", ADMIN_PASSWORD)
    assert right.value.message == wrong.value.message and LOCK in right.value.message
    frozen_clock.advance(minutes=auth.LOCK_MINUTES, seconds=1)
    assert auth.login("admin", ADMIN_PASSWORD).staff_no == "admin"


def test_a_right_password_resets_the_count(admin, frozen_clock):
    for _ in range(auth.MAX_FAILURES - 1):
        with pytest.raises(AuthError):
            auth.login("admin", "guess")
    auth.login("admin", ADMIN_PASSWORD)
    with pytest.raises(AuthError) as info:
        auth.login("admin", "guess")
    assert LOCK not in info.value.message


def test_five_wrong_guesses_via_clock_in_lock_the_account(admin, staff_actor, frozen_clock):
    for _ in range(auth.MAX_FAILURES):
        with pytest.raises(AuthError):
            attendance.clock(staff_actor, admin.uuid, "guess")
    staff = Staff.get(Staff.uuid == admin.uuid)
    assert staff.locked_until is not None and staff.locked_until > now()
    with pytest.raises(AuthError, match=LOCK):
        auth.login("admin", ADMIN_PASSWORD)
    lock = AuditLog.get((AuditLog.entity_uuid == admin.uuid) & (AuditLog.action == "lock"))
    assert lock.note == "clock"


def test_locked_clerk_cannot_clock_in_with_the_right_password(manager, staff_actor, frozen_clock):
    start = now() - timedelta(minutes=10)
    kind = shifts.save_shift_type(manager, "测锁", f"{start:%H:%M}", f"{start + timedelta(hours=8):%H:%M}")
    shift_uuid = shifts.assign(manager, staff_actor.uuid, start.date(), kind)
    _lock_by_login(staff_actor.staff_no)
    with pytest.raises(AuthError, match=LOCK):
        attendance.clock(staff_actor, staff_actor.uuid, "secret1")
    assert Shift.get(Shift.uuid == shift_uuid).clock_in is None
    frozen_clock.advance(minutes=auth.LOCK_MINUTES, seconds=1)
    assert attendance.clock(staff_actor, staff_actor.uuid, "secret1")["action"] == "clock_in"


def test_acknowledging_as_the_locked_admin_is_refused(admin, staff_actor, frozen_clock):
    uuid = _handover_to(staff_actor, admin)
    _lock_by_login("admin")
    with pytest.raises(AuthError) as info:
        handover.acknowledge(staff_actor, uuid, admin.uuid, ADMIN_PASSWORD)
    assert LOCK in info.value.message
    assert handover.get_handover(staff_actor, uuid)["acknowledged_at"] is None


def test_wrong_guesses_at_acknowledgement_are_counted_and_lock(staff_actor, make_actor, frozen_clock):
    incoming = make_actor(name="客服小张")
    uuid = _handover_to(staff_actor, incoming)
    for _ in range(auth.MAX_FAILURES):
        with pytest.raises(AuthError):
            handover.acknowledge(staff_actor, uuid, incoming.uuid, "guess")
    with pytest.raises(AuthError, match=LOCK):
        handover.acknowledge(staff_actor, uuid, incoming.uuid, "secret1")
    with pytest.raises(AuthError, match=LOCK):
        auth.login(incoming.staff_no, "secret1")
    frozen_clock.advance(minutes=auth.LOCK_MINUTES, seconds=1)
    handover.acknowledge(incoming, uuid, incoming.uuid, "secret1")
    assert handover.get_handover(staff_actor, uuid)["acknowledged_at"] is not None


def test_change_own_password_counts_and_honours_the_lock(staff_actor, frozen_clock):
    for _ in range(auth.MAX_FAILURES):
        with pytest.raises(ValidationError) as info:
            auth.change_own_password(staff_actor, "guess", "another1")
    assert LOCK in info.value.fields["old_password"]
    with pytest.raises(ValidationError, match=LOCK):
        auth.change_own_password(staff_actor, "secret1", "another1")


def test_check_password_for_an_unknown_uuid_is_refused(admin, frozen_clock):
    with pytest.raises(AuthError, match="工号或密码错误"):
        auth.check_password("no-such-uuid", ADMIN_PASSWORD, "clock")
    with pytest.raises(AuthError):
        auth.check_password("", ADMIN_PASSWORD, "clock")


def test_only_the_auth_service_compares_passwords():
    """Approvals and every other action go through auth.check_password; nothing else calls verify_password."""
    root = Path(__file__).resolve().parents[2] / "frontdesk"
    callers = set()
    for path in root.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Name | ast.Attribute) and "verify_password" in (
                node.id if isinstance(node, ast.Name) else node.attr
            ):
                callers.add(path.relative_to(root).as_posix())
    assert callers == {"services/core/auth.py"}  # passwords.py defines it


def test_every_answer_costs_one_hash_locked_or_not_account_or_not(admin, frozen_clock, monkeypatch):
    """No timing tell: a locked account, an unknown 工号 and a wrong password each run scrypt exactly once."""
    _lock_by_login("admin")
    for _ in range(auth.MAX_FAILURES):
        with pytest.raises(AuthError):
            auth.login("ghost", "guess")
    calls = []
    real = auth.verify_password
    monkeypatch.setattr(auth, "verify_password", lambda p, h: calls.append(h) or real(p, h))
    for staff_no, password in (("admin", ADMIN_PASSWORD), ("ghost", "guess"), ("nobody", "guess")):
        with pytest.raises(AuthError):
            auth.login(staff_no, password)
    assert len(calls) == 3
