"""Files the program creates hold customer phones and password hashes: owner-only on Linux (0600, folders 0700)."""

import logging
import os
import stat
from pathlib import Path

import pytest

from frontdesk.db.connection import open_database
from frontdesk.db.models import Department
from frontdesk.logfile import PrivateRotatingFileHandler
from frontdesk.paths import data_paths
from frontdesk.services.core import system
from frontdesk.settings import Settings

pytestmark = [pytest.mark.skipif(os.name != "posix", reason="POSIX file modes"),
              pytest.mark.sqlite_only]  # the SQLite file and its backups


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def loose_umask():
    old = os.umask(0o022)  # the usual desktop umask, which made every file 0644
    yield
    os.umask(old)


def test_database_wal_shm_and_folders_are_private(tmp_path, loose_umask, admin, paths):
    Department.create(name="客服中心")
    files = [paths.database, Path(f"{paths.database}-wal"), Path(f"{paths.database}-shm")]
    assert all(f.exists() for f in files)
    assert {f.name: mode(f) for f in files} == {f.name: 0o600 for f in files}
    folders = [paths.root, paths.backups, paths.logs, paths.attachments]
    assert {f.name: mode(f) for f in folders} == {f.name: 0o700 for f in folders}


def test_backups_and_their_attachments_are_private(loose_umask, admin, paths):
    (paths.attachments / ("a" * 64 + ".png")).write_bytes(b"\x89PNG\r\n\x1a\n")
    made = system.backup_now(admin, paths, 14)
    store = paths.backups / "attachments"
    assert mode(made) == 0o600
    assert mode(store) == 0o700 and {mode(p) for p in store.iterdir()} == {0o600}


def test_files_of_an_older_version_are_tightened(tmp_path, loose_umask):
    paths = data_paths(tmp_path / "old")
    system.start(paths, Settings(), backup_on_start=False)
    system.stop()
    for path in (paths.database, paths.backups, paths.root):
        os.chmod(path, 0o755 if path.is_dir() else 0o644)
    again = data_paths(tmp_path / "old")
    open_database(again.database)
    system.stop()
    assert mode(again.database) == 0o600 and mode(again.backups) == 0o700 and mode(again.root) == 0o700


def test_a_shared_data_dir_keeps_its_mode(tmp_path, loose_umask):
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o755)
    (shared / "someone-elses.txt").write_text("x")
    paths = data_paths(shared)
    assert mode(shared) == 0o755 and mode(paths.backups) == 0o700


def test_log_files_are_private_also_after_rotation(tmp_path, loose_umask):
    log_file = tmp_path / "logs" / "frontdesk.log"
    handler = PrivateRotatingFileHandler(log_file, max_bytes=200, backup_count=2)
    logger = logging.getLogger("test.file_modes")
    logger.propagate = False
    logger.setLevel(logging.INFO)
    logger.addHandler(handler)
    try:
        for n in range(20):
            logger.info("客户电话 13800138000 第 %d 行", n)
    finally:
        logger.removeHandler(handler)
        handler.close()
    made = sorted(log_file.parent.iterdir())
    assert [p.name for p in made] == ["frontdesk.log", "frontdesk.log.1", "frontdesk.log.2"]
    assert {mode(p) for p in made} == {0o600} and mode(log_file.parent) == 0o700
