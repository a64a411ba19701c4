"""Sign-in with lockout after repeated failures, password changes and admin resets."""

from __future__ import annotations

from datetime import timedelta

from frontdesk.clock import now
from frontdesk.db.connection import transaction
from frontdesk.db.models import Staff, current_site_code
from frontdesk.domain.roles import Actor, Permission, Role
from frontdesk.errors import AuthError, NotFound, T, ValidationError
from frontdesk.services import audit
from frontdesk.services.passwords import hash_password, password_problem, verify_password
from frontdesk.services.permissions import require

MAX_FAILURES = 5
LOCK_MINUTES = 5


def actor_for(staff: Staff) -> Actor:
    return Actor(
        uuid=staff.uuid, staff_no=staff.staff_no, name=staff.name, role=Role(staff.role), site_code=staff.site_code
    )


def _find(staff_no: str) -> Staff | None:
    return (
        Staff.live()
        .where((Staff.staff_no == staff_no.strip()) & (Staff.site_code == current_site_code()))
        .first()
    )


def login(staff_no: str, password: str) -> Actor:
    """Check the password; five wrong ones in a row lock the account for five minutes."""
    failure: str | None = None
    with transaction():  # the failure count must be committed, so errors are raised after it
        staff = _find(staff_no)
        moment = now()
        if staff is None or not staff.active or not staff.password_hash:
            failure = T("errors", "工号或密码错误")
        elif staff.locked_until and staff.locked_until > moment:
            minutes = max(1, int((staff.locked_until - moment).total_seconds() + 59) // 60)
            failure = T("errors", "密码连续输错 {0} 次，账户已锁定，请 {1} 分钟后再试或联系管理员").format(MAX_FAILURES, minutes)
        elif not verify_password(password, staff.password_hash):
            failures = staff.failed_logins + 1
            locked = moment + timedelta(minutes=LOCK_MINUTES) if failures >= MAX_FAILURES else None
            Staff.update(failed_logins=0 if locked else failures, locked_until=locked).where(
                Staff.id == staff.id
            ).execute()
            if locked:
                failure = T("errors", "密码连续输错 {0} 次，账户已锁定 {1} 分钟").format(MAX_FAILURES, LOCK_MINUTES)
            else:
                failure = T("errors", "工号或密码错误（还可尝试 {0} 次）").format(MAX_FAILURES - failures)
        else:
            Staff.update(failed_logins=0, locked_until=None, last_login=moment).where(
                Staff.id == staff.id
            ).execute()
    if failure:
        raise AuthError(failure)
    return actor_for(staff)


def confirm_password(staff_uuid: str, password: str) -> bool:
    """Whether ``password`` is this staff member's (clock-in, handover acknowledgement)."""
    staff = Staff.get_or_none(Staff.uuid == staff_uuid)
    return bool(staff and staff.active and verify_password(password, staff.password_hash))


def change_own_password(actor: Actor, old: str, new: str) -> None:
    staff = Staff.get_or_none(Staff.uuid == actor.uuid)
    if staff is None:
        raise NotFound(T("errors", "账户不存在"))
    if not verify_password(old, staff.password_hash):
        raise ValidationError({"old_password": T("errors", "原密码不正确")})
    problem = password_problem(new)
    if problem:
        raise ValidationError({"new_password": problem})
    with transaction():
        staff.password_hash = hash_password(new)
        staff.save(only=[Staff.password_hash])
        audit.record(actor, "staff", staff.uuid, "change_password")


def reset_password(actor: Actor, staff_uuid: str, new: str) -> None:
    """Admin sets a new password and lifts any lock."""
    require(actor, Permission.MANAGE_ACCOUNTS)
    problem = password_problem(new)
    if problem:
        raise ValidationError({"password": problem})
    staff = Staff.get_or_none(Staff.uuid == staff_uuid)
    if staff is None:
        raise NotFound(T("errors", "员工不存在"))
    with transaction():
        staff.password_hash = hash_password(new)
        staff.failed_logins = 0
        staff.locked_until = None
        staff.save(only=[Staff.password_hash, Staff.failed_logins, Staff.locked_until])
        audit.record(actor, "staff", staff.uuid, "reset_password")
