"""Shared fixtures: offscreen Qt, the program's clock, a fresh database per test, actors of each role.

``FRONTDESK_TEST_DATABASE=postgresql`` runs the unit and service tests on a throwaway PostgreSQL cluster
(``tests/pgcluster.py``): each test's database is a clone of a template; GUI tests stay on SQLite, and
tests marked ``sqlite_only`` (file locks, backups of the file, PRAGMAs) are skipped.

A logging warning or error during a test fails it (after qutebrowser's ``tests/helpers/logfail.py``);
a test that expects one says so with ``@pytest.mark.allow_log`` or by reading ``caplog``.
"""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.fonts.warning=false")
os.environ.setdefault("FRONTDESK_CONNECT_TIMEOUT", "60")  # the throwaway cluster shares 2 cores with the workers

import logging  # noqa: E402
import shutil  # noqa: E402
from collections.abc import Callable, Iterator  # noqa: E402
from datetime import datetime  # noqa: E402
from pathlib import Path  # noqa: E402

import pgcluster  # noqa: E402
import pytest  # noqa: E402

from frontdesk import clock  # noqa: E402
from frontdesk.domain.roles import Actor, Role  # noqa: E402
from frontdesk.paths import DataPaths, data_paths  # noqa: E402
from frontdesk.services.core import auth, site, system  # noqa: E402
from frontdesk.settings import Settings  # noqa: E402

ADMIN_PASSWORD = "admin123"

# A working Wednesday in the middle of a month, in a year the holiday library knows: the default instant
# of ``frozen_clock``. Tests that need an edge (a month's 1st, a year end, a leap day) set their own.
FROZEN_AT = datetime(2026, 11, 18, 10, 0, 0)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "allow_log: the test expects a logging warning or error")
    config.addinivalue_line("markers", "demo_pauses: the test needs demo data's pauses for a saving clerk")
    config.addinivalue_line("markers", "sqlite_only: the test is about the SQLite file itself (skipped on PostgreSQL)")
    config.addinivalue_line("markers", "real_scrypt: the test needs the production scrypt cost (N = 2**14)")


ON_POSTGRES = pgcluster.wanted()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if not ON_POSTGRES:
        return
    skip = pytest.mark.skip(reason="about the SQLite file itself; not run on PostgreSQL")
    for item in items:
        if item.get_closest_marker("sqlite_only"):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[pgcluster.Cluster]:
    """This process's throwaway PostgreSQL cluster (started on first use, stopped at the end whatever happens)."""
    cluster = pgcluster.start_cluster()
    try:
        yield cluster
    finally:
        cluster.stop()


def _on_postgres(request: pytest.FixtureRequest) -> bool:
    return ON_POSTGRES and "gui" not in request.node.path.parts


@pytest.fixture
def database_url(request: pytest.FixtureRequest) -> Iterator[str]:
    """On the PostgreSQL pass: the URL of a fresh database cloned from the template; else "" (SQLite)."""
    if not _on_postgres(request):
        yield ""
        return
    cluster = request.getfixturevalue("pg_cluster")
    name = cluster.fresh_database()
    yield cluster.url(name)
    from frontdesk.db.connection import close_database

    close_database()
    cluster.drop(name)


class _LogFailHandler(logging.Handler):
    """Collects warnings and errors logged while a test runs."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture(autouse=True)
def _fail_on_logged_warnings(request: pytest.FixtureRequest) -> Iterator[None]:
    handler = _LogFailHandler()
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield
    finally:
        root.removeHandler(handler)
    allowed = request.node.get_closest_marker("allow_log") is not None or "caplog" in request.fixturenames
    if handler.records and not allowed:
        lines = "\n".join(f"{r.levelname} {r.name}: {r.getMessage()}" for r in handler.records)
        pytest.fail(f"logged during the test (mark it allow_log if expected):\n{lines}", pytrace=False)


@pytest.fixture(autouse=True)
def _demo_without_pauses(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Demo data in tests runs flat out: its pauses for a clerk saving alongside (demo/journal.py) only
    cost time when nobody else writes. Tests about them are marked ``demo_pauses``."""
    if not request.node.get_closest_marker("demo_pauses"):
        from frontdesk.demo import journal

        monkeypatch.setattr(journal, "HOLD_SECONDS", float("inf"))


@pytest.fixture(autouse=True)
def _cheap_scrypt(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Passwords hashed in tests cost 2**10, not 2**14: every test initialises a site and signs in, and the
    production cost (~50 ms a hash) was a third of the suite's time. Each hash keeps its own parameters, so
    verifying works the same; the parameters themselves are tested under the marker ``real_scrypt``.
    Subprocesses (the CLI tests) still hash at the production cost."""
    if not request.node.get_closest_marker("real_scrypt"):
        from frontdesk.services.core import passwords

        monkeypatch.setattr(passwords, "N", 2**10)


@pytest.fixture(autouse=True)
def _clock_back_to_system() -> Iterator[None]:
    """Every test starts on the system clock and leaves it so, whatever it froze."""
    clock.reset()
    yield
    clock.reset()


@pytest.fixture
def frozen_clock() -> clock.FrozenClock:
    """The program's clock stopped at ``FROZEN_AT``; ``.set(at)`` and ``.advance(hours=1)`` move it."""
    return clock.freeze(FROZEN_AT)


@pytest.fixture(scope="session")
def _migrated_sqlite(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One freshly migrated, empty SQLite database per test process, copied into each test's data folder:
    building the schema and its seed rows took 60 ms of CPU a test, copying takes 4 (the PostgreSQL pass
    clones a template database the same way)."""
    p = data_paths(tmp_path_factory.mktemp("migrated") / "data")
    system.start(p, Settings(database=""), backup_on_start=False)
    system.stop()
    return p.database


@pytest.fixture
def paths(tmp_path, database_url: str, _migrated_sqlite: Path) -> Iterator[DataPaths]:  # noqa: ANN001
    """An empty data folder with its database open and migrated (not yet initialised)."""
    p = data_paths(tmp_path / "data")
    if database_url:  # the CLI and the app read it from the data folder's settings, as at a counter
        Settings(database=database_url).save(p.settings_file)
    else:
        p.root.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(_migrated_sqlite, p.database)
    system.start(p, Settings(database=database_url), backup_on_start=False)
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
    from frontdesk.services.core import staff as staff_service

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
