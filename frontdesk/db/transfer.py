"""Moving a SQLite site onto an empty PostgreSQL database (``migrate-to``): the schema by the same migrations,
every table's rows by COPY in one transaction, the search grams rebuilt, counts checked per table, sequences reset.

The SQLite file is only read. Nothing is committed on the server unless every table's count matches; a
failure leaves the server's new tables empty (run again after fixing the cause: the target must be empty).
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from frontdesk.db.connection import close_database, first_line, open_database, shown_target
from frontdesk.db.migrations import LATEST_VERSION, migrate
from frontdesk.db.search_index import INDEXED
from frontdesk.domain.textsearch import index_grams
from frontdesk.errors import DatabaseUnreachable, T, UserError

log = logging.getLogger(__name__)

BATCH = 20_000
Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class TableCount:
    """One table's rows in the SQLite file and on the server after the copy."""

    table: str
    source: int
    target: int

    @property
    def ok(self) -> bool:
        return self.source == self.target


@dataclass
class Transfer:
    """What ``copy_site`` did."""

    tables: list[TableCount] = field(default_factory=list)
    grams: dict[str, int] = field(default_factory=dict)  # search gram table → rows
    attachment_references: int = 0  # attachment names the copied records refer to (the files stay in place)
    sequences: int = 0
    seconds: float = 0.0

    @property
    def rows(self) -> int:
        return sum(t.target for t in self.tables)


def _connect(url: str):  # noqa: ANN202 - a psycopg connection
    import psycopg

    try:
        return psycopg.connect(url, connect_timeout=10, application_name="frontdesk-migrate-to")
    except psycopg.Error as exc:
        raise DatabaseUnreachable(shown_target(url), first_line(exc)) from exc


def _public_tables(conn) -> list[str]:  # noqa: ANN001
    return [r[0] for r in conn.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' "
        "AND table_type = 'BASE TABLE' ORDER BY table_name")]


def copy_site(source_file: Path, url: str, progress: Progress | None = None) -> Transfer:
    """Copy the SQLite site in ``source_file`` into the empty PostgreSQL database ``url`` names.

    Binds the program's database to the server while building the schema and leaves it closed.
    Raises UserError (the server not empty, the SQLite file at another schema version, a count that differs).
    """
    started = time.perf_counter()
    say = progress or (lambda _name, _done, _total: None)
    with _connect(url) as conn:
        existing = _public_tables(conn)
    if existing:
        raise UserError(T("errors", "目标数据库 {0} 不是空的（已有 {1} 个表，例如 {2}）：migrate-to 只写入空数据库。请让服务器管理员新建一个空数据库后重试。").format(
            shown_target(url), len(existing), "、".join(existing[:3])))
    source = sqlite3.connect(f"file:{source_file}?mode=ro", uri=True)
    try:
        version = source.execute("SELECT MAX(version) FROM schema_version").fetchone()[0]
        if version != LATEST_VERSION:
            raise UserError(T("errors", "SQLite 数据库的结构版本是 {0}，本程序是 {1}：请先用本程序打开一次（例如运行 check）再迁移。").format(
                version, LATEST_VERSION))
        close_database()
        open_database(url)
        try:
            migrate(None)  # the same ordered steps as any new database (seed rows are replaced below)
        finally:
            close_database()
        with _connect(url) as conn:
            report = _copy(source, conn, say)
            bad = [t for t in report.tables if not t.ok]
            if bad:
                conn.rollback()
                raise UserError(T("errors", "迁移后行数不一致，已撤销，服务器上没有写入数据：{0}").format(
                    "；".join(f"{t.table} {t.source}→{t.target}" for t in bad)))
            conn.commit()
            conn.autocommit = True
            say("VACUUM ANALYZE", 0, 1)  # statistics, and the visibility map that lets counts read indexes only
            conn.execute("VACUUM (ANALYZE)")
    finally:
        source.close()
    report.seconds = time.perf_counter() - started
    log.info("migrate-to %s: %d rows in %d tables in %.1f s", shown_target(url), report.rows, len(report.tables),
             report.seconds)
    return report


def _source_tables(source: sqlite3.Connection) -> dict[str, list[str]]:
    tables = [r[0] for r in source.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND sql NOT LIKE 'CREATE VIRTUAL%'")]
    return {t: [r[1] for r in source.execute(f'PRAGMA table_info("{t}")')] for t in tables}


def _order(conn, tables: list[str]) -> list[str]:  # noqa: ANN001
    """Tables so that each comes after the tables its foreign keys point to (self-references aside)."""
    needs: dict[str, set[str]] = {t: set() for t in tables}
    for child, parent in conn.execute(
            "SELECT conrelid::regclass::text, confrelid::regclass::text FROM pg_constraint "
            "WHERE contype = 'f' AND connamespace = 'public'::regnamespace"):
        child, parent = child.strip('"'), parent.strip('"')
        if child in needs and parent in needs and child != parent:
            needs[child].add(parent)
    ordered: list[str] = []
    while needs:
        ready = sorted(t for t, parents in needs.items() if not parents - set(ordered))
        if not ready:  # a cycle: its foreign keys are checked at commit instead
            conn.execute("SET CONSTRAINTS ALL DEFERRED")
            ready = sorted(needs)
        for t in ready:
            ordered.append(t)
            needs.pop(t)
    return ordered


def _rows(source: sqlite3.Connection, sql: str) -> Iterator[tuple]:
    cursor = source.execute(sql)
    while batch := cursor.fetchmany(BATCH):
        yield from batch


def _copy(source: sqlite3.Connection, conn, say: Progress) -> Transfer:  # noqa: ANN001
    report = Transfer()
    src = _source_tables(source)
    target_columns: dict[str, list[str]] = {}
    types: dict[tuple[str, str], str] = {}
    for table, column, kind in conn.execute(
            "SELECT table_name, column_name, data_type FROM information_schema.columns "
            "WHERE table_schema = 'public' ORDER BY table_name, ordinal_position"):
        target_columns.setdefault(table, []).append(column)
        types[(table, column)] = kind
    grams = {f"{record}_grams": (record, columns) for record, (_index, columns) in INDEXED.items()}
    tables = [t for t in target_columns if t in src and t not in grams]
    missing = sorted(set(src) - set(target_columns) - {i for i, _c in INDEXED.values()}
                     - {t for t in src if any(t.startswith(f"{i}_") for i, _c in INDEXED.values())})
    if missing:
        raise UserError(T("errors", "服务器上的表结构中没有这些表：{0}").format("、".join(missing)))
    ordered = _order(conn, tables)
    conn.execute("TRUNCATE " + ", ".join(f'"{t}"' for t in ordered + list(grams)) + " RESTART IDENTITY CASCADE")
    for table in ordered:
        columns = [c for c in target_columns[table] if c in src[table]]
        bools = [i for i, c in enumerate(columns) if types[(table, c)] == "boolean"]  # SQLite keeps 0 / 1
        total = source.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]
        quoted = ", ".join(f'"{c}"' for c in columns)
        order = " ORDER BY rowid" if _has_rowid(source, table) else ""
        done = 0
        with conn.cursor().copy(f'COPY "{table}" ({quoted}) FROM STDIN') as copy:
            for row in _rows(source, f'SELECT {quoted} FROM "{table}"{order}'):
                if bools:
                    row = list(row)
                    for i in bools:
                        if row[i] is not None:
                            row[i] = bool(row[i])
                copy.write_row(row)
                done += 1
                if done % 100_000 == 0:
                    say(table, done, total)
        say(table, done, total)
        copied = conn.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]
        report.tables.append(TableCount(table, total, copied))
        if "photos" in columns:
            report.attachment_references += sum(
                len(v.split()) for (v,) in source.execute(f'SELECT photos FROM "{table}" WHERE photos <> \'\''))
    for gram_table, (record, columns) in grams.items():
        report.grams[gram_table] = _copy_grams(source, conn, gram_table, record, columns, say)
    report.sequences = _reset_sequences(conn)
    return report


def _has_rowid(source: sqlite3.Connection, table: str) -> bool:
    try:
        source.execute(f'SELECT rowid FROM "{table}" LIMIT 0')
    except sqlite3.OperationalError:
        return False
    return True


def _copy_grams(source: sqlite3.Connection, conn, gram_table: str, record: str,  # noqa: ANN001
                columns: tuple[str, ...], say: Progress) -> int:
    """The search index of the live records, as the program builds it when a record is saved."""
    texts = ", ".join(f'"{c}"' for c in columns)
    total = source.execute(f'SELECT COUNT(*) FROM "{record}" WHERE deleted = 0').fetchone()[0]
    done = 0
    with conn.cursor().copy(f'COPY "{gram_table}" (rowid, grams) FROM STDIN') as copy:
        for row in _rows(source, f'SELECT id, {texts} FROM "{record}" WHERE deleted = 0 ORDER BY id'):
            copy.write_row((row[0], index_grams(row[1:])))
            done += 1
            if done % 100_000 == 0:
                say(gram_table, done, total)
    say(gram_table, done, total)
    return done


def _reset_sequences(conn) -> int:  # noqa: ANN001
    """Each serial column's sequence set to the highest copied value, so the next insert follows on."""
    serials = conn.execute(
        "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' "
        "AND column_default LIKE 'nextval(%'").fetchall()
    for table, column in serials:
        conn.execute(f"SELECT setval(pg_get_serial_sequence('\"{table}\"', '{column}'), "
                     f'COALESCE(MAX("{column}"), 1), MAX("{column}") IS NOT NULL) FROM "{table}"')
    return len(serials)
