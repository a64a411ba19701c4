"""Sign-in with lockout after repeated failures, password changes and admin resets."""

from __future__ import annotations

from datetime import datetime, timedelta
from functools import cache

from frontdesk.clock import now
from frontdesk.db.connection import database, transaction
from frontdesk.db.models import Staff, current_site_code
from frontdesk.domain.roles import SYSTEM, Actor, Permission, Role
from frontdesk.errors import AuthError, Message, NotFound, T, ValidationError
from frontdesk.services.core import audit
from frontdesk.services.core.passwords import hash_password, password_problem, verify_password
from frontdesk.services.core.permissions import require

MAX_FAILURES = 5
LOCK_MINUTES = 5


def actor_for(staff: Staff) -> Actor:
    return Actor(
        uuid=staff.uuid, staff_no=staff.staff_no, name=staff.name, role=Role(staff.role), site_code=staff.site_code
    )


def site_admin_actor() -> Actor | None:
    """The site's first active admin as an actor, without a password: for local tools that already hold the
    data folder (the ``screenshots`` command), as ``reset-admin`` does; never for a desk session."""
    staff = (Staff.live().where((Staff.role == Role.ADMIN.value) & (Staff.active == True))  # noqa: E712
             .order_by(Staff.id).first())
    return actor_for(staff) if staff is not None else None


def local_actor(staff_uuid: str) -> Actor | None:
    """An active staff member as an actor, without a password: only for the ``screenshots`` command (a dialog
    shown as a clerk sees it), like ``site_admin_actor``; never for a desk session."""
    staff = Staff.live().where((Staff.uuid == staff_uuid) & (Staff.active == True)).first()  # noqa: E712
    return actor_for(staff) if staff is not None else None


def _find(staff_no: str) -> Staff | None:
    return (
        Staff.live()
        .where((Staff.staff_no == staff_no.strip()) & (Staff.site_code == current_site_code()))
        .first()
    )


WRONG = T("errors", "工号或密码错误（连续输错 {0} 次将锁定 {1} 分钟）")
LOCKED = T("errors", "密码连续输错 {0} 次，账户已锁定，请 {1} 分钟后再试或联系管理员")

# Failures against a 工号 that is no account (or no usable one) are counted here, in this process only,
# so that guessing one lock out exactly like a real account: the messages never tell the two apart.
_phantom: dict[tuple[str, str], tuple[int, datetime | None]] = {}
_PHANTOM_MAX = 10_000


@cache
def _dummy_hash() -> str:
    return hash_password("no account has this password")


def _locked_message(locked_until: datetime, moment: datetime) -> Message:
    minutes = max(1, int((locked_until - moment).total_seconds() + 59) // 60)
    return LOCKED.format(MAX_FAILURES, minutes)


def _phantom_attempt(name: str, moment: datetime) -> Message:
    key = (str(getattr(database.obj, "database", "")), name)  # per database file
    if len(_phantom) >= _PHANTOM_MAX:
        _phantom.clear()
    failures, locked_until = _phantom.get(key, (0, None))
    if locked_until and locked_until > moment:
        return _locked_message(locked_until, moment)
    failures += 1
    if failures >= MAX_FAILURES:
        _phantom[key] = (0, moment + timedelta(minutes=LOCK_MINUTES))
        return _locked_message(moment + timedelta(minutes=LOCK_MINUTES), moment)
    _phantom[key] = (failures, None)
    return WRONG.format(MAX_FAILURES, LOCK_MINUTES)


def _attempt(staff: Staff | None, key: str, password: str, purpose: str) -> Message | None:
    """The one password check: None when right; else the message, with the failure counted and committed.

    While the account is locked even the right password is refused with the lock message; a wrong password, an
    unknown 工号 and an inactive account all read the same.
    """
    moment = now()
    usable = staff is not None and staff.active and bool(staff.password_hash)
    # always one hash, outside the write lock: every answer takes as long, locked or not, account or not
    dummy = _dummy_hash()  # made on the first attempt of either kind, so that one is no tell either
    right = verify_password(password, staff.password_hash if usable else dummy)
    if staff is None or not usable:
        return _phantom_attempt(key, moment)
    if staff.locked_until and staff.locked_until > moment:
        return _locked_message(staff.locked_until, moment)
    with transaction():
        fresh = Staff.get(Staff.id == staff.id)
        if fresh.locked_until and fresh.locked_until > moment:  # a parallel guess locked it meanwhile
            return _locked_message(fresh.locked_until, moment)
        if right:
            Staff.update(failed_logins=0, locked_until=None).where(Staff.id == staff.id).execute()
            return None
        failures = fresh.failed_logins + 1
        if failures < MAX_FAILURES:
            Staff.update(failed_logins=failures).where(Staff.id == staff.id).execute()
            return WRONG.format(MAX_FAILURES, LOCK_MINUTES)
        locked = moment + timedelta(minutes=LOCK_MINUTES)
        Staff.update(failed_logins=0, locked_until=locked).where(Staff.id == staff.id).execute()
        audit.record(SYSTEM, "staff", staff.uuid, "lock", None, {"locked_until": locked}, purpose)
        return _locked_message(locked, moment)


def login(staff_no: str, password: str) -> Actor:
    """Sign in; five wrong passwords in a row (by any purpose) lock the account for five minutes."""
    staff = _find(staff_no)
    failure = _attempt(staff, f"no:{staff_no.strip()}", password, "login")
    if failure or staff is None:
        raise AuthError(failure or WRONG.format(MAX_FAILURES, LOCK_MINUTES))
    with transaction():
        Staff.update(last_login=now()).where(Staff.id == staff.id).execute()
    return actor_for(staff)


def check_password(staff_uuid: str, password: str, purpose: str) -> None:
    """Raise AuthError unless ``password`` is this staff member's: clock-in, handover acknowledgement, approvals.

    The same check as the sign-in: failures count towards the same lock, and a locked account is refused.
    Call it outside any transaction, so that the failure count is kept when the caller's work is not done.
    """
    staff = Staff.live().where(Staff.uuid == staff_uuid).first() if staff_uuid else None
    failure = _attempt(staff, f"uuid:{staff_uuid}", password, purpose)
    if failure:
        raise AuthError(failure)


def change_own_password(actor: Actor, old: str, new: str) -> None:
    staff = Staff.get_or_none(Staff.uuid == actor.uuid)
    if staff is None:
        raise NotFound(T("errors", "账户不存在"))
    try:
        check_password(staff.uuid, old, "change_password")
    except AuthError as exc:
        raise ValidationError({"old_password": exc.message}) from None
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


def recover_admin(staff_no: str | None, new_password: str) -> Actor:
    """``reset-admin`` on the command line, for a site locked out of its admin account.

    Whoever can run it can already read and replace the data folder, so no password is asked. It sets a new
    password, lifts the lock and reactivates the account named by ``staff_no`` (made admin if it was not), or the
    site's only admin account when none is named; the audit log records it.
    """
    problem = password_problem(new_password)
    if problem:
        raise ValidationError({"password": problem})
    with transaction():
        site_staff = Staff.live().where(Staff.site_code == current_site_code())
        if staff_no:
            staff = site_staff.where(Staff.staff_no == staff_no.strip()).first()
            if staff is None:
                raise ValidationError({"user": T("errors", "工号 {0} 不存在").format(staff_no.strip())})
        else:
            admins = list(site_staff.where(Staff.role == Role.ADMIN.value).order_by(Staff.staff_no))
            if len(admins) != 1:
                numbers = "、".join(a.staff_no for a in admins) or "—"
                raise ValidationError({"user": T("errors", "请用 --user 指定要恢复的管理员工号（现有管理员：{0}）")
                                       .format(numbers)})
            staff = admins[0]
        old = {"role": staff.role, "active": staff.active, "locked_until": staff.locked_until}
        staff.role, staff.active = Role.ADMIN.value, True
        staff.password_hash = hash_password(new_password)
        staff.failed_logins, staff.locked_until = 0, None
        staff.save(only=[Staff.role, Staff.active, Staff.password_hash, Staff.failed_logins, Staff.locked_until])
        audit.record(SYSTEM, "staff", staff.uuid, "reset_admin", old,
                     {"role": staff.role, "active": True, "locked_until": None}, "命令行 reset-admin")
        return actor_for(staff)
