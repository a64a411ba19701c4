"""First run, sign-in, lockout, password hashing and resets."""


import pytest

from frontdesk.domain.roles import Role
from frontdesk.errors import AuthError, PermissionDenied, ValidationError
from frontdesk.services.core import auth, passwords, site
from frontdesk.services.core.passwords import hash_password, verify_password

ADMIN_PASSWORD = "admin123"


@pytest.mark.real_scrypt
def test_scrypt_hash_keeps_its_parameters():
    stored = hash_password("秘密password")
    scheme, n, r, p, salt, digest = stored.split("$")
    assert (scheme, n, r, p) == ("scrypt", "16384", "8", "1") and len(salt) == 32
    assert verify_password("秘密password", stored)
    assert not verify_password("wrong", stored)
    assert hash_password("same") != hash_password("same")


@pytest.mark.parametrize(
    ("code", "name", "user", "password", "field"),
    [
        ("s01", "站", "admin", "secret1", None),  # lower case is upper-cased
        ("1AB", "站", "admin", "secret1", "site_code"),
        ("S01", " ", "admin", "secret1", "site_name"),
        ("S01", "站", "管理员", "secret1", "admin_user"),
        ("S01", "站", "admin", "123", "admin_password"),
    ],
)
def test_initialize_validates(paths, code, name, user, password, field):
    if field is None:
        site.initialize(code, name, user, password)
        assert site.site_code() == "S01"
    else:
        with pytest.raises(ValidationError) as info:
            site.initialize(code, name, user, password)
        assert field in info.value.fields
        assert not site.is_initialized()


def test_initialize_only_once(admin):
    with pytest.raises(ValidationError):
        site.initialize("S02", "另一个", "root", "secret1")


def test_login_and_actor(admin):
    assert admin.role == Role.ADMIN and admin.site_code == "S01" and admin.staff_no == "admin"


def test_wrong_password_then_locks(admin, frozen_clock):
    for _ in range(4):
        with pytest.raises(AuthError, match="工号或密码错误"):
            auth.login("admin", "nope")
    with pytest.raises(AuthError, match="账户已锁定，请 5 分钟后再试"):
        auth.login("admin", "nope")
    with pytest.raises(AuthError, match="已锁定"):
        auth.login("admin", ADMIN_PASSWORD)  # even the right password while locked
    frozen_clock.advance(minutes=5, seconds=5)
    assert auth.login("admin", ADMIN_PASSWORD).staff_no == "admin"


def test_unknown_user_same_message(admin, frozen_clock):
    with pytest.raises(AuthError, match="工号或密码错误"):
        auth.login("nobody", "x")


def test_admin_resets_password_and_unlocks(admin, staff_actor):
    for _ in range(5):
        with pytest.raises(AuthError):
            auth.login(staff_actor.staff_no, "bad")
    auth.reset_password(admin, staff_actor.uuid, "newpass1")
    assert auth.login(staff_actor.staff_no, "newpass1").uuid == staff_actor.uuid


def test_only_admin_resets_passwords(staff_actor, manager):
    for actor in (staff_actor, manager):
        with pytest.raises(PermissionDenied):
            auth.reset_password(actor, staff_actor.uuid, "newpass1")


def test_change_own_password(staff_actor):
    with pytest.raises(ValidationError) as info:
        auth.change_own_password(staff_actor, "wrong", "another1")
    assert "old_password" in info.value.fields
    with pytest.raises(ValidationError):
        auth.change_own_password(staff_actor, "secret1", "123")
    auth.change_own_password(staff_actor, "secret1", "another1")
    auth.check_password(staff_actor.uuid, "another1", "test")
    with pytest.raises(AuthError):
        auth.check_password(staff_actor.uuid, "secret1", "test")


def test_password_rules():
    assert passwords.password_problem("12345") and passwords.password_problem(" abcdef")
    assert passwords.password_problem("abcdef") is None
