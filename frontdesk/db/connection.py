"""The one DatabaseProxy bound to a SQLite file or a PostgreSQL server, and transactions with clear errors."""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, quote, unquote, urlsplit

import peewee

from frontdesk.errors import DatabaseBusy, DatabaseUnreachable, StorageError, T
from frontdesk.fsmodes import private_file, tighten

database = peewee.DatabaseProxy()

BUSY_TIMEOUT_MS = 10_000

# Pragmas are passed at construction so every new connection (one per thread) gets them.
SQLITE_PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "busy_timeout": BUSY_TIMEOUT_MS,
    "synchronous": "normal",
    "cache_size": -32_000,  # 32 MB page cache
    "temp_store": "memory",
}


def make_sqlite(path: str | Path) -> peewee.SqliteDatabase:
    """A SQLite database with WAL, foreign keys and a busy timeout on every connection."""
    return peewee.SqliteDatabase(str(path), pragmas=SQLITE_PRAGMAS, timeout=BUSY_TIMEOUT_MS / 1000)


SERVER_SCHEMES = ("postgresql://", "postgres://")
# how long a counter waits for the server before saying it is unreachable; FRONTDESK_CONNECT_TIMEOUT raises it
# where the server shares a busy machine (the test run starts its own cluster beside the other test workers:
# a fresh CI clone once took over 5 s to answer the first connection)
CONNECT_TIMEOUT_S = int(os.environ.get("FRONTDESK_CONNECT_TIMEOUT", "5"))


def is_server_url(target: str | Path) -> bool:
    """True for a ``postgresql://user:pass@host:port/db`` URL, False for a SQLite file path."""
    return isinstance(target, str) and target.startswith(SERVER_SCHEMES)


def shown_target(target: str | Path) -> str:
    """The database as it may be shown or logged: a server URL without its password."""
    if not is_server_url(target):
        return str(target)
    parts = urlsplit(str(target))
    user = f"{parts.username}@" if parts.username else ""
    socket = (parse_qs(parts.query).get("host") or [""])[0]
    if not parts.hostname and socket:  # a unix socket folder
        return f"postgresql://{user}{parts.path}?host={socket}"
    host = parts.hostname or "localhost"
    port = f":{parts.port}" if parts.port else ""
    return f"postgresql://{user}{host}{port}{parts.path}"


DEFAULT_PORT = 5432


def server_url(host: str, port: int | str, dbname: str, user: str, password: str = "") -> str:
    """The ``postgresql://`` URL of a login (each part quoted: a password may hold ``@`` or ``/``)."""
    host = host.strip() or "localhost"
    shown_host = f"[{host}]" if ":" in host and not host.startswith("[") else host
    login = quote(user.strip(), safe="")
    if password:
        login += ":" + quote(password, safe="")
    port_part = f":{int(port)}" if str(port).strip() else ""
    return f"postgresql://{login}@{shown_host}{port_part}/{quote(dbname.strip(), safe='')}"


def server_fields(url: str) -> dict[str, str]:
    """host, port, dbname, user, password of a server URL (for the settings form); empty strings when absent."""
    if not is_server_url(url):
        return {"host": "", "port": "", "dbname": "", "user": "", "password": ""}
    parts = urlsplit(url)
    query = parse_qs(parts.query)
    host = parts.hostname or (query.get("host") or [""])[0]
    return {
        "host": host,
        "port": str(parts.port or DEFAULT_PORT),
        "dbname": unquote(parts.path.lstrip("/")),
        "user": unquote(parts.username or ""),
        "password": unquote(parts.password or ""),
    }


@dataclass(frozen=True)
class ServerProbe:
    """What a connection test found on the server."""

    version: str  # "15.8"
    tables: int  # tables in the public schema: 0 for a new, empty database
    site_code: str  # the site the database already holds, "" when none


def probe(url: str) -> ServerProbe:
    """Connect to the server once, with its own connection (the program's database is left alone).

    Raises DatabaseUnreachable naming the reason libpq gives (no server there, wrong password, no such database).
    """
    import psycopg

    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://"):]
    try:
        with psycopg.connect(url, connect_timeout=CONNECT_TIMEOUT_S, application_name="frontdesk-test",
                             autocommit=True) as conn:
            version = conn.execute("SHOW server_version").fetchone()[0].split()[0]
            tables = conn.execute("SELECT count(*) FROM information_schema.tables "
                                  "WHERE table_schema = 'public'").fetchone()[0]
            site_code = ""
            if conn.execute("SELECT to_regclass('public.site_setting')").fetchone()[0]:
                row = conn.execute("SELECT value FROM site_setting WHERE key = 'site_code'").fetchone()
                site_code = row[0].strip('"') if row else ""
    except psycopg.Error as exc:
        raise DatabaseUnreachable(shown_target(url), first_line(exc)) from exc
    return ServerProbe(version, int(tables), site_code or "")


def make_postgres(url: str) -> peewee.Database:
    """A PostgreSQL database through psycopg 3; the URL is handed to libpq as it is."""
    from playhouse.psycopg3_ext import Psycopg3Database

    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://"):]
    return Psycopg3Database(url, connect_timeout=CONNECT_TIMEOUT_S, application_name="frontdesk")


def open_database(target: str | Path) -> peewee.Database:
    """Bind the proxy to the SQLite file at ``target`` (or the PostgreSQL server its URL names) and connect."""
    close_database()
    if is_server_url(target):
        return _open_server(str(target))
    path = target
    if str(path) != ":memory:" and not str(path).startswith("file:"):
        # SQLite gives the -wal and -shm files the database file's mode, so 0600 here covers all three
        private_file(Path(path))
        tighten(Path(f"{path}-wal"), Path(f"{path}-shm"))
    db = make_sqlite(path)
    database.initialize(db)
    db.connect(reuse_if_open=True)
    return db


def _open_server(url: str) -> peewee.Database:
    db = make_postgres(url)
    database.initialize(db)
    try:
        db.connect(reuse_if_open=True)
    except (peewee.OperationalError, peewee.InterfaceError) as exc:
        raise DatabaseUnreachable(shown_target(url), first_line(exc)) from exc
    return db


def first_line(exc: BaseException) -> str:
    """The driver's reason without libpq's continuation lines (hints repeat the host)."""
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def close_database() -> None:
    if database.obj is not None and not database.obj.is_closed():
        if is_sqlite():
            # refresh the planner's statistics where the session's queries showed it would help; skipped when
            # another process (a second window on this file) holds the write lock: it is only an optimisation
            try:
                database.obj.execute_sql("PRAGMA optimize")
            except peewee.OperationalError:
                pass
        database.obj.close()


# A table this big is analysed one index at a time: a single ANALYZE of a million contacts holds the write
# lock for seconds, one index of it for a fraction of a second.
ANALYZE_BY_INDEX_ROWS = 50_000


def analyze(each: Callable[[], AbstractContextManager[object]] = nullcontext) -> None:
    """Gather planner statistics after a bulk load, so list queries keep to their indexes.

    On SQLite a large database is analysed in short statements (a big table index by index, the others table
    by table), each run inside ``each()``: between them the write lock is free for others. The statistics are
    the same as one whole ANALYZE gives.
    """
    db = database.obj
    if not is_sqlite():
        db.execute_sql("ANALYZE")
        return
    tables = [name for (name,) in db.execute_sql(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name")]
    big = [t for t in tables if _rows_at_least(t, ANALYZE_BY_INDEX_ROWS)]
    if not big:
        with each():
            db.execute_sql("ANALYZE")
        return
    for table in tables:
        indexes = [row[1] for row in db.execute_sql(f'PRAGMA index_list("{table}")')] if table in big else []
        for name in indexes or [table]:
            with each():
                db.execute_sql(f'ANALYZE "{name}"')


def _rows_at_least(table: str, rows: int) -> bool:
    """Whether ``table`` has ``rows`` rows or more (counting no further than that)."""
    query = f'SELECT COUNT(*) FROM (SELECT 1 FROM "{table}" LIMIT {int(rows)})'
    return database.obj.execute_sql(query).fetchone()[0] >= rows


def is_sqlite() -> bool:
    return isinstance(database.obj, peewee.SqliteDatabase)


def is_postgres() -> bool:
    return isinstance(database.obj, peewee.PostgresqlDatabase)


def sqlite_error_name(exc: BaseException) -> str:
    """SQLite's result code name (``SQLITE_IOERR_WRITE``, ``SQLITE_CORRUPT``…) behind a driver or peewee error."""
    seen: BaseException | None = exc
    while seen is not None:
        name = getattr(seen, "sqlite_errorname", "")
        if name:
            return name
        inner = seen.args[0] if seen.args and isinstance(seen.args[0], BaseException) else None
        seen = inner or seen.__cause__ or seen.__context__
    return ""


def is_corruption(exc: BaseException) -> bool:
    """True only when SQLite says the file itself is damaged, never for a full disk or an I/O error."""
    name = sqlite_error_name(exc)
    text = str(exc).lower()
    return name.startswith("SQLITE_CORRUPT") or name == "SQLITE_NOTADB" or "malformed" in text \
        or "not a database" in text


def translate_error(exc: BaseException) -> BaseException:
    """Map a driver error to the user-facing error it means, or return it unchanged (a bug)."""
    text = str(exc).lower()
    name = sqlite_error_name(exc)
    if is_postgres() and isinstance(exc, peewee.OperationalError | peewee.InterfaceError):
        if "deadlock" in text or "could not serialize" in text or "lock timeout" in text:
            return DatabaseBusy()
        if "connection" in text or "server closed" in text or "terminating" in text:
            return DatabaseUnreachable(shown_target(database.obj.database), first_line(exc))
        return exc
    if isinstance(exc, peewee.OperationalError | sqlite3.OperationalError):
        if "locked" in text or "busy" in text:
            return DatabaseBusy()
        if "disk is full" in text or "database or disk is full" in text or name == "SQLITE_FULL":
            return StorageError(T("errors", "磁盘空间已满，无法保存。请清理磁盘后重试，已输入的内容没有丢失。"))
        if "readonly" in text or "read-only" in text:
            return StorageError(T("errors", "数据库文件是只读的，无法保存。请检查数据文件夹的权限。"))
        if "unable to open" in text:
            return StorageError(T("errors", "无法打开数据库文件，请检查数据文件夹是否存在且可写。"))
        if "disk i/o error" in text or name.startswith("SQLITE_IOERR"):
            return StorageError(T("errors", "读写数据库文件时出错（{0}），通常是磁盘已满或磁盘故障，并不表示数据库已损坏：请不要从备份恢复，先清理或检查磁盘后重试。").format(name or exc))
    return exc


@contextmanager
def transaction(write: bool = True) -> Iterator[None]:
    """One atomic unit of work; on SQLite a writer takes the lock up front so concurrent saves queue."""
    db = database.obj
    sqlite = write and isinstance(db, peewee.SqliteDatabase)
    ctx = db.atomic("IMMEDIATE") if sqlite else db.atomic()
    try:
        if sqlite and db.transaction_depth() == 0:
            _take_write_lock(db, ctx)
            with _entered(ctx):
                yield
        else:
            with ctx:
                yield
    except (peewee.OperationalError, peewee.InterfaceError, sqlite3.OperationalError) as exc:
        mapped = translate_error(exc)
        if mapped is exc:
            raise
        if isinstance(mapped, DatabaseUnreachable):
            _drop_connection(db)  # the next unit of work connects again: a retry needs no restart
        raise mapped from exc


LOCK_POLL_S = 0.002  # how often a writer asks again for SQLite's write lock while another holds it


def _take_write_lock(db: peewee.SqliteDatabase, ctx: AbstractContextManager[object]) -> None:
    """Enter ``ctx`` (its BEGIN IMMEDIATE), asking again every LOCK_POLL_S while another connection writes, up
    to the connection's busy timeout. SQLite's own busy handler sleeps longer and longer (100 ms at a time
    after the first quarter second), so a save queued behind a long import would miss the import's short
    breaks; asking this often, it takes the lock in the first few milliseconds of one."""
    conn = db.connection()
    timeout_ms = conn.execute("PRAGMA busy_timeout").fetchone()[0]  # this connection's (BUSY_TIMEOUT_MS)
    conn.execute("PRAGMA busy_timeout = 0")
    try:
        deadline = time.perf_counter() + timeout_ms / 1000
        while True:
            try:
                ctx.__enter__()
                return
            except (peewee.OperationalError, sqlite3.OperationalError) as exc:
                held = "locked" in str(exc) or "busy" in str(exc)
                if not held or time.perf_counter() > deadline:
                    raise
            time.sleep(LOCK_POLL_S)
    finally:
        conn.execute(f"PRAGMA busy_timeout = {int(timeout_ms)}")


@contextmanager
def _entered(ctx: AbstractContextManager[object]) -> Iterator[None]:
    """The rest of ``with ctx`` once it was entered: commit on success, roll back on an exception."""
    try:
        yield
    except BaseException as exc:
        if not ctx.__exit__(type(exc), exc, exc.__traceback__):
            raise
    else:
        ctx.__exit__(None, None, None)


@contextmanager
def bulk_writes(every: float = 0.1, cache_kib: int = 16_000) -> Iterator[None]:
    """A long run of short write transactions (a large import) on SQLite. The write-ahead log is folded back
    into the database on a thread of its own (every ``every`` seconds, passive: never in a writer's way), so
    neither the import's commits nor a clerk's save pay for copying the import's pages; the import's page
    cache is ``cache_kib`` KiB meanwhile. The usual settings come back after, and the log is folded back then.
    No-op on PostgreSQL."""
    if not is_sqlite():
        yield
        return
    db = database.obj
    usual = db.execute_sql("PRAGMA wal_autocheckpoint").fetchone()[0]
    cache = db.execute_sql("PRAGMA cache_size").fetchone()[0]
    db.execute_sql("PRAGMA wal_autocheckpoint = 0")
    db.execute_sql(f"PRAGMA cache_size = {-int(cache_kib)}")
    stop = threading.Event()

    def fold() -> None:
        own = sqlite3.connect(db.database, isolation_level=None)
        try:
            while not stop.is_set():
                own.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()  # copies without Python's lock
                time.sleep(every)  # not stop.wait: its deadline is on the wall clock, which may be set far ahead
        finally:
            own.close()

    folding = threading.Thread(target=fold, name="wal-checkpoint", daemon=True)
    folding.start()
    try:
        yield
    finally:
        stop.set()
        folding.join()
        db.execute_sql(f"PRAGMA cache_size = {int(cache)}")
        db.execute_sql(f"PRAGMA wal_autocheckpoint = {int(usual)}")
        db.execute_sql("PRAGMA wal_checkpoint(PASSIVE)")


def drop_connection() -> None:
    """Forget this thread's connection after the server went away: the next query connects again."""
    if database.obj is not None and not is_sqlite():
        _drop_connection(database.obj)


def _drop_connection(db: peewee.Database) -> None:
    """Forget this thread's broken server connection (closing it may fail too: it is gone already)."""
    try:
        db.close()
    except peewee.PeeweeException:
        pass
    finally:
        db._state.reset()
