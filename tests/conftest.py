"""Shared fixtures: offscreen Qt, a fresh database per test, actors of each role."""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.fonts.warning=false")

from collections.abc import Callable, Iterator  # noqa: E402

import pytest  # noqa: E402

from frontdesk.domain.roles import Actor, Role  # noqa: E402
from frontdesk.paths import DataPaths, data_paths  # noqa: E402
from frontdesk.services import auth, site, system  # noqa: E402
from frontdesk.settings import Settings  # noqa: E402

ADMIN_PASSWORD = "admin123"


@pytest.fixture
def paths(tmp_path) -> Iterator[DataPaths]:  # noqa: ANN001
    """An empty data folder with its database open and migrated (not yet initialised)."""
    p = data_paths(tmp_path / "data")
    system.start(p, Settings(), backup_on_start=False)
    yield p
    system.stop()


@pytest.fixture
def admin(paths: DataPaths) -> Actor:
    """Site S01 initialised; the admin actor."""
    site.initialize("S01", "测试服务台", "admin", ADMIN_PASSWORD, "管理员")
    return auth.login("admin", ADMIN_PASSWORD)


@pytest.fixture
def make_actor(admin: Actor) -> Callable[..., Actor]:
    """Create a staff member with ``role`` (and password 'secret1') and return them as an actor."""
    from frontdesk.services import staff as staff_service

    counter = iter(range(2001, 9999))

    def make(role: Role = Role.STAFF, name: str = "测试员") -> Actor:
        number = str(next(counter))
        staff_service.save_staff(
            admin, staff_service.StaffInput(staff_no=number, name=name, role=role.value), password="secret1"
        )
        return auth.login(number, "secret1")

    return make


@pytest.fixture
def staff_actor(make_actor: Callable[..., Actor]) -> Actor:
    return make_actor(Role.STAFF, "客服小王")


@pytest.fixture
def manager(make_actor: Callable[..., Actor]) -> Actor:
    return make_actor(Role.MANAGER, "主管老李")
