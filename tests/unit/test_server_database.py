"""One setting chooses the database: a SQLite file by default, or a PostgreSQL server by URL (settings, CLI)."""

from __future__ import annotations

from pathlib import Path

import pgcluster
import pytest

from frontdesk.cli import main
from frontdesk.db.connection import close_database, is_server_url, open_database, shown_target
from frontdesk.errors import DatabaseUnreachable
from frontdesk.paths import data_paths
from frontdesk.services.core import system
from frontdesk.settings import Settings

# port 1 on loopback: nothing listens there, so the connection is refused at once
DOWN = "postgresql://clerk:s3cret-pw@127.0.0.1:1/frontdesk"

on_postgres = pytest.mark.skipif(not pgcluster.wanted(), reason="needs the PostgreSQL pass")


def test_a_url_names_a_server_and_a_path_a_sqlite_file(tmp_path):
    assert is_server_url("postgresql://u:p@host:5432/db") and is_server_url("postgres://host/db")
    assert not is_server_url(str(tmp_path / "frontdesk.db")) and not is_server_url(tmp_path / "x.db")
    assert not is_server_url("")


def test_the_shown_url_never_holds_the_password():
    assert shown_target(DOWN) == "postgresql://clerk@127.0.0.1:1/frontdesk"
    assert shown_target("postgresql://db.local/fd") == "postgresql://db.local/fd"


def test_the_settings_key_is_kept_and_empty_means_the_sqlite_file(tmp_path):
    path = tmp_path / "settings.json"
    assert Settings.load(path).database == ""
    Settings(database=" postgresql://clerk@db.local/fd ").save(path)
    settings = Settings.load(path)
    assert settings.database == "postgresql://clerk@db.local/fd"
    paths = data_paths(tmp_path / "d")
    assert system.database_target(paths, settings) == settings.database
    assert system.database_target(paths, Settings()) == paths.database


def test_a_server_that_is_down_is_a_clear_user_error():
    with pytest.raises(DatabaseUnreachable) as caught:
        open_database(DOWN)
    close_database()
    message = caught.value.message
    assert "无法连接数据库服务器 postgresql://clerk@127.0.0.1:1/frontdesk" in message
    assert "s3cret-pw" not in message and "Traceback" not in message


def test_the_cli_says_so_and_exits_2_without_a_traceback(tmp_path, capsys):
    code = main(["--data-dir", str(tmp_path / "d"), "--database", DOWN, "check"])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith("错误：无法连接数据库服务器") and "s3cret-pw" not in err and "Traceback" not in err
    assert not (tmp_path / "d" / "frontdesk.db").exists()  # no SQLite file made instead


@on_postgres
def test_the_cli_initialises_and_checks_a_server_database(tmp_path, capsys, pg_cluster):
    url = pg_cluster.url(pg_cluster.empty_database())
    run = lambda *args: main(["--data-dir", str(tmp_path / "d"), "--database", url, *args])  # noqa: E731
    assert run("init", "--site-code", "S07", "--site-name", "东阳服务区",
               "--admin-user", "admin", "--admin-password", "secret1") == 0
    assert run("check") == 0
    out = capsys.readouterr().out
    assert "状态：正常" in out and f"数据库：{shown_target(url)}" in out
    assert run("backup") == 0  # pg_dump -Fc into the data folder's backups
    dump = Path(capsys.readouterr().out.strip())
    assert dump.parent == tmp_path / "d" / "backups" and dump.name.endswith("-manual.dump") and dump.stat().st_size


@on_postgres
def test_a_server_lost_mid_session_is_a_clear_message_and_the_next_save_reconnects(admin, pg_cluster):
    from frontdesk.db.connection import database, transaction
    from frontdesk.db.models import Department

    name = database.obj.execute_sql("SELECT current_database()").fetchone()[0]
    pg_cluster.admin().execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                               "WHERE datname = %s AND pid <> pg_backend_pid()", (name,))
    with pytest.raises(DatabaseUnreachable), transaction():
        Department.create(name="保洁部")
    with transaction():  # the server is back (it never left): the next save opens a new connection
        Department.create(name="保洁部")
    assert Department.select().where(Department.name == "保洁部").count() == 1


# --- the password outside settings.json -----------------------------------------------------------------------


def test_the_password_never_reaches_settings_json_and_the_fallback_file_is_owner_only(tmp_path, monkeypatch):
    import stat

    from frontdesk import settings as settings_module

    monkeypatch.setattr(settings_module, "_keyring", lambda: None)  # as on this Linux box: keyring's "fail"
    root = tmp_path / "d"
    root.mkdir()
    url = system.compose_server_url("db.local", "5433", "frontdesk", "clerk", "p@ss/word:1")
    Settings(database=url).save(root / "settings.json")
    text = (root / "settings.json").read_text(encoding="utf-8")
    assert "p@ss" not in text and "p%40ss" not in text
    assert Settings.load(root / "settings.json").database == "postgresql://clerk@db.local:5433/frontdesk"
    secret = root / settings_module.PASSWORD_FILE
    assert stat.S_IMODE(secret.stat().st_mode) == 0o600
    assert settings_module.password_store_kind() == settings_module.FILE
    loaded = Settings.load(root / "settings.json")
    assert system.database_target(data_paths(root), loaded) == url
    assert system.server_login(loaded, data_paths(root))["password"] == "p@ss/word:1"


def test_a_usable_os_keyring_takes_the_password_instead_of_the_file(tmp_path, monkeypatch):
    from frontdesk import settings as settings_module

    class Vault:
        priority = 5
        kept: dict[tuple[str, str], str] = {}

        def set_password(self, service: str, user: str, password: str) -> None:
            self.kept[(service, user)] = password

        def get_password(self, service: str, user: str) -> str | None:
            return self.kept.get((service, user))

    vault = Vault()
    monkeypatch.setattr(settings_module, "_keyring", lambda: vault)
    root = tmp_path / "d"
    root.mkdir()
    Settings(database="postgresql://clerk:k3y@db.local/fd").save(root / "settings.json")
    assert vault.kept == {("FrontDesk", "postgresql://clerk@db.local/fd"): "k3y"}
    assert not (root / settings_module.PASSWORD_FILE).exists()
    assert settings_module.password_store_kind() == settings_module.KEYRING
    assert Settings.load(root / "settings.json").connect_url(root) == "postgresql://clerk:k3y@db.local/fd"


def test_a_login_typed_in_the_form_is_checked_and_quoted():
    from frontdesk.errors import ValidationError

    with pytest.raises(ValidationError) as caught:
        system.compose_server_url(" ", "99999", "", "")
    assert set(caught.value.fields) == {"host", "port", "dbname", "user"}
    assert system.compose_server_url("10.0.0.5", "", "fd", "a b", "x@y") == "postgresql://a%20b:x%40y@10.0.0.5:5432/fd"


def test_the_connection_test_names_why_a_server_cannot_be_reached():
    with pytest.raises(DatabaseUnreachable) as caught:
        system.test_server(DOWN)
    assert "127.0.0.1" in caught.value.message and "s3cret-pw" not in caught.value.message


@on_postgres
def test_the_connection_test_reports_the_version_and_what_the_database_holds(pg_cluster, admin):
    from frontdesk.db.connection import database

    empty = system.test_server(pg_cluster.url(pg_cluster.empty_database()))
    assert empty.version.startswith("15") and empty.tables == 0 and empty.site_code == ""
    name = database.obj.execute_sql("SELECT current_database()").fetchone()[0]
    used = system.test_server(pg_cluster.url(name))
    assert used.site_code == "S01" and used.tables > 10


@on_postgres
def test_a_read_after_the_server_went_away_is_the_unreachable_message_and_the_retry_reconnects(admin, pg_cluster):
    from frontdesk.db.connection import database
    from frontdesk.db.models import Department

    name = database.obj.execute_sql("SELECT current_database()").fetchone()[0]
    pg_cluster.admin().execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                               "WHERE datname = %s AND pid <> pg_backend_pid()", (name,))
    with pytest.raises(Exception) as caught:
        Department.select().count()  # a list read outside a transaction: the driver's own error
    assert isinstance(system.expected_error(caught.value), DatabaseUnreachable)
    assert Department.select().count() >= 0  # the retry: expected_error forgot the dead connection


# --- backups on the server: pg_dump -Fc / pg_restore -------------------------------------------------------------


@on_postgres
def test_a_server_backup_is_a_checked_pg_dump_and_restores_through_the_same_commands(admin, paths, tmp_path,
                                                                                     capsys):
    import stat

    from frontdesk.db.models import Department
    from frontdesk.services.core import staff as staff_service

    staff_service.save_department(admin, "保洁部", "", True)
    dump = system.backup_now(admin, paths, keep=5)
    assert dump.name.endswith("-manual.dump") and stat.S_IMODE(dump.stat().st_mode) == 0o600
    listed = system.list_backups(admin, paths)
    assert [b.path for b in listed] == [dump] and listed[0].reason == "manual"
    staff_service.save_department(admin, "绿化部", "", True)
    assert main(["--data-dir", str(paths.root), "restore", str(dump)]) == 0
    assert "已从" in capsys.readouterr().out
    names = {d.name for d in Department.select()}
    assert "保洁部" in names and "绿化部" not in names  # as it was at the dump
    befores = [b for b in system.list_backups(admin, paths) if b.reason == "before-restore"]
    assert len(befores) == 1 and befores[0].path.name.endswith(".dump")  # the database as it was, kept first
    assert system.check().healthy  # the audit chain holds across the restore


@on_postgres
def test_a_sqlite_backup_is_not_restored_onto_the_server_and_a_damaged_dump_is_refused(admin, paths):
    from frontdesk.errors import UserError

    sqlite_backup = paths.backups / "frontdesk-20261118-100000-manual.tar.zst"
    paths.backups.mkdir(parents=True, exist_ok=True)
    sqlite_backup.write_bytes(b"x")
    with pytest.raises(UserError, match="migrate-to"):
        system.schedule_restore(admin, paths, sqlite_backup)
    damaged = paths.backups / "frontdesk-20261118-100000-manual.dump"
    damaged.write_bytes(b"PGDMP not really")
    with pytest.raises(UserError, match="pg_restore"):
        system.schedule_restore(admin, paths, damaged)


@on_postgres
def test_missing_client_tools_are_named_with_what_to_install(admin, paths, monkeypatch):
    from frontdesk.db import pgdump

    monkeypatch.setattr(pgdump, "SEARCHED", ())
    monkeypatch.setenv("PATH", "/nonexistent")
    monkeypatch.delenv(pgdump.ENV_BIN, raising=False)
    with pytest.raises(pgdump.ToolMissing) as caught:
        system.backup_now(admin, paths, keep=5)
    assert "pg_dump" in caught.value.message and "postgresql-client-15" in caught.value.message
    assert not list(paths.backups.glob("*.dump*"))


def test_the_password_goes_to_the_client_tools_in_the_environment_not_the_command_line():
    from frontdesk.db.pgdump import libpq_target

    target, env = libpq_target("postgresql://clerk:p%40ss@db.local:5432/frontdesk")
    assert target == "postgresql://clerk@db.local:5432/frontdesk" and env["PGPASSWORD"] == "p@ss"


def test_a_settings_file_that_still_holds_a_password_gives_it_to_the_store_when_read(tmp_path, monkeypatch):
    import json

    from frontdesk import settings as settings_module

    monkeypatch.setattr(settings_module, "_keyring", lambda: None)
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"version": 2, "database": "postgresql://clerk:old-pw@db.local/fd"}), encoding="utf-8")
    settings = Settings.load(path)
    assert "old-pw" not in path.read_text(encoding="utf-8")
    assert settings.connect_url(tmp_path) == "postgresql://clerk:old-pw@db.local/fd"
