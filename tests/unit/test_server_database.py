"""One setting chooses the database: a SQLite file by default, or a PostgreSQL server by URL (settings, CLI)."""

from __future__ import annotations

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
    assert run("backup") == 2
    assert "pg_dump" in capsys.readouterr().err


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
