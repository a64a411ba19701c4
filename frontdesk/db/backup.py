"""Compressed backups: VACUUM INTO a snapshot, check it, pack it with zstd beside the new attachments; retention.
On PostgreSQL ``pg_dump -Fc`` (``db/pgdump.py``) into the same folder, under the same retention."""

from __future__ import annotations

import errno
import hashlib
import io
import logging
import os
import shutil
import sqlite3
import tarfile
from collections.abc import Iterator
from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

import zstandard

from frontdesk import clock
from frontdesk.db import pgdump
from frontdesk.db.connection import database, is_corruption, is_postgres
from frontdesk.errors import T, UserError
from frontdesk.fsmodes import private_dir, private_file

log = logging.getLogger(__name__)

PREFIX = "frontdesk-"
ARCHIVE = ".tar.zst"  # a plain tar in zstd: `tar --zstd -xf FILE` opens it without FrontDesk
LEGACY = ".db"  # raw copies made by earlier versions; still listed and restorable
DUMP = pgdump.SUFFIX  # pg_dump -Fc of a PostgreSQL database
DB_MEMBER = "frontdesk.db"
HASH_MEMBER = "frontdesk.db.sha256"
MANIFEST_MEMBER = "attachments.txt"
STORE = "attachments"  # backups/attachments/: one copy of each attachment, shared by every backup
ZSTD_LEVEL = 3  # measured: as small as gzip -6 and ten times faster; higher levels gain 5 % for 4× the time
CHUNK = 1 << 20
DEFAULT_MAX_TOTAL_BYTES = 5 * 1024**3
LOW_SPACE = 16 * 1024 * 1024  # an I/O error with less room than this left is the full disk


class SourceDamaged(UserError):
    """The database being backed up is itself damaged (SQLite reports corruption or the check fails)."""


@dataclass(frozen=True)
class BackupInfo:
    """One backup file."""

    path: Path
    created: datetime
    size: int
    reason: str


def backup_database(
    folder: Path,
    keep: int | None = 14,
    reason: str = "manual",
    source_file: Path | None = None,
    attachments: Path | None = None,
    max_total_bytes: int | None = DEFAULT_MAX_TOTAL_BYTES,
) -> Path:
    """Write a checked, compressed copy of the database (and its attachments) to ``folder``; apply retention.

    The copy is ``VACUUM INTO`` from a connection of its own: one read transaction, so clerks keep saving and the
    copy never restarts (the online-backup API starts over on every commit). Any failure raises a UserError and
    leaves nothing behind; the database itself is never touched. ``keep=None`` skips retention.
    """
    if is_postgres():
        return _dump_server(folder, keep, reason, max_total_bytes)
    source = Path(source_file or database.obj.database)
    attachments = attachments if attachments is not None else source.parent / STORE
    private_dir(folder)
    dest = _free_name(folder, reason)
    part = dest.with_name(dest.name + ".part")
    snapshot = dest.with_name(dest.name + ".part-db")
    added: list[Path] = []  # attachments this backup put in the store: removed again if it fails
    try:
        _check_room(folder, source)
        private_file(snapshot)  # VACUUM INTO accepts an empty file; creating it first keeps it 0600
        conn = sqlite3.connect(source, timeout=10)
        try:
            conn.execute("VACUUM INTO ?", (str(snapshot),))
        finally:
            conn.close()
        # the file's own health; a dangling reference is the live database's matter (check reports it)
        problems = integrity_problems(snapshot, foreign_keys=False)
        if problems:
            raise SourceDamaged(T("errors", "数据库检查发现问题，未生成备份：{0}。请运行 check 查看详情。").format(
                "；".join(problems[:3])))
        names = _store_attachments(attachments, folder / STORE, added)
        digest = _write_archive(part, snapshot, names)
        found = read_archive(part)
        if found.digest != digest or found.expected != digest:
            raise UserError(T("errors", "备份文件写入后校验不一致，已删除。请检查磁盘后重试。"))
        part.replace(dest)
        added.clear()
    except (OSError, sqlite3.Error, zstandard.ZstdError) as exc:
        raise backup_error(exc, folder) from exc
    finally:
        for leftover in (part, snapshot, snapshot.with_name(snapshot.name + "-journal"), *added):
            with suppress(OSError):
                leftover.unlink(missing_ok=True)
    if keep is not None:
        rotate(folder, keep, max_total_bytes)
    return dest


def _dump_server(folder: Path, keep: int | None, reason: str, max_total_bytes: int | None) -> Path:
    """The PostgreSQL database, by ``pg_dump -Fc`` into ``folder`` (read back before it is kept); retention as
    for SQLite backups. Attachments stay where the counters keep them (each PC's data folder)."""
    private_dir(folder)
    dest = _free_name(folder, reason, pgdump.SUFFIX)
    part = dest.with_name(dest.name + ".part")
    try:
        _check_room_for_server(folder)
        pgdump.dump(database.obj.database, part)
        part.replace(dest)
    except OSError as exc:
        raise backup_error(exc, folder) from exc
    finally:
        part.unlink(missing_ok=True)
    if keep is not None:
        rotate(folder, keep, max_total_bytes)
    return dest


def _check_room_for_server(folder: Path) -> None:
    """Refuse before writing when the folder cannot take a dump (compressed: about a fifth of the tables)."""
    size = database.obj.execute_sql("SELECT pg_database_size(current_database())").fetchone()[0]
    if shutil.disk_usage(folder).free < int(size) // 4 + 8 * 1024 * 1024:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def backup_error(exc: BaseException, folder: Path) -> UserError:
    """The message for an OS or SQLite error while writing a backup: a full disk named as such."""
    if isinstance(exc, UserError):
        return exc
    if isinstance(exc, sqlite3.Error) and is_corruption(exc):
        return SourceDamaged(T("errors", "数据库文件已损坏，未能备份（{0}）。请运行 check 查看详情。").format(exc))
    if is_disk_full(exc) or (isinstance(exc, sqlite3.OperationalError) and "i/o error" in str(exc).lower()
                             and _free_bytes(folder) < LOW_SPACE):  # some file systems report a full disk so
        return UserError(T("errors", "备份失败：备份文件夹所在的磁盘空间不足（{0}）。数据库没有受影响，也没有留下不完整的备份；请清理磁盘或删除旧备份后重试。").format(folder))
    reason = (exc.strerror if isinstance(exc, OSError) else None) or str(exc)
    return UserError(T("errors", "备份失败（{0}）。数据库没有受影响，也没有留下不完整的备份。").format(reason))


def _free_bytes(folder: Path) -> int:
    try:
        return shutil.disk_usage(folder).free
    except OSError:
        return 0


def is_disk_full(exc: BaseException) -> bool:
    if isinstance(exc, OSError):
        return exc.errno in (errno.ENOSPC, errno.EDQUOT)
    if isinstance(exc, sqlite3.Error):
        name = getattr(exc, "sqlite_errorname", "")
        return name == "SQLITE_FULL" or "disk is full" in str(exc).lower()
    return False


def _free_name(folder: Path, reason: str, suffix: str = ARCHIVE) -> Path:
    stamp = clock.now().strftime("%Y%m%d-%H%M%S")
    dest, n = folder / f"{PREFIX}{stamp}-{reason}{suffix}", 1
    while any((folder / (dest.name.removesuffix(suffix) + other)).exists() for other in (ARCHIVE, LEGACY, DUMP)):
        n += 1
        dest = folder / f"{PREFIX}{stamp}-{reason}-{n}{suffix}"
    return dest


def _check_room(folder: Path, source: Path) -> None:
    """Refuse before writing when the snapshot and archive cannot fit: a full disk would stop clerks saving."""
    conn = sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=10)
    try:
        pages, free, size = (conn.execute(f"PRAGMA {p}").fetchone()[0]
                             for p in ("page_count", "freelist_count", "page_size"))
    finally:
        conn.close()
    needed = int((pages - free) * size * 1.4) + 8 * 1024 * 1024
    if shutil.disk_usage(folder).free < needed:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def _store_attachments(live: Path, store: Path, added: list[Path]) -> list[str]:
    """Copy attachments not yet in the store (names are content hashes, so a file never changes)."""
    if not live.is_dir():
        return []
    names = sorted(p.name for p in live.iterdir() if p.is_file() and not p.name.startswith("."))
    for name in names:
        target = store / name
        if target.exists():
            continue
        private_dir(store)
        part = store / f".part-{name}"
        try:
            with open(live / name, "rb") as src, private_file(part).open("wb") as out:
                shutil.copyfileobj(src, out, CHUNK)
            part.replace(target)
            added.append(target)
        finally:
            part.unlink(missing_ok=True)
    return names


class _Hashing(io.RawIOBase):
    """Reads through a file while hashing what passes."""

    def __init__(self, inner: BinaryIO, digest: hashlib._Hash) -> None:
        self.inner, self.digest = inner, digest

    def read(self, size: int = -1) -> bytes:
        data = self.inner.read(size)
        self.digest.update(data)
        return data


def _member(name: str, size: int) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.size, info.mode, info.mtime = size, 0o600, int(clock.now().timestamp())
    return info


def _write_archive(part: Path, snapshot: Path, names: list[str]) -> str:
    """Manifest, database and its SHA-256 into one zstd-compressed tar; returns the SHA-256."""
    digest = hashlib.sha256()
    manifest = "".join(f"{n}\n" for n in names).encode()
    with private_file(part).open("wb") as raw:
        with zstandard.ZstdCompressor(level=ZSTD_LEVEL, write_checksum=True).stream_writer(raw, closefd=False) as zw:
            with tarfile.open(fileobj=zw, mode="w|", format=tarfile.PAX_FORMAT, bufsize=CHUNK) as tar:
                tar.copybufsize = CHUNK  # 16 KB by default: a third of the time went on small writes
                tar.addfile(_member(MANIFEST_MEMBER, len(manifest)), io.BytesIO(manifest))
                with open(snapshot, "rb") as src:
                    tar.addfile(_member(DB_MEMBER, snapshot.stat().st_size), _Hashing(src, digest))
                hexdigest = digest.hexdigest().encode()
                tar.addfile(_member(HASH_MEMBER, len(hexdigest)), io.BytesIO(hexdigest))
        raw.flush()
        os.fsync(raw.fileno())
    return digest.hexdigest()


@dataclass(frozen=True)
class ArchiveContents:
    """What reading an archive through found: the attachments it names and the database's hashes."""

    attachments: list[str]
    digest: str
    expected: str


def read_archive(path: Path, extract_to: Path | None = None) -> ArchiveContents:
    """Decompress ``path`` end to end (zstd checks its frame checksum), hashing the database member and
    writing it to ``extract_to`` when given. Raises OSError, tarfile.TarError or zstandard.ZstdError."""
    names: list[str] = []
    digest, expected = hashlib.sha256(), ""
    with open(path, "rb") as raw, zstandard.ZstdDecompressor().stream_reader(raw) as zr:
        with tarfile.open(fileobj=zr, mode="r|") as tar:
            for member in tar:
                stream = tar.extractfile(member)
                if stream is None:
                    continue
                if member.name == MANIFEST_MEMBER:
                    names = stream.read().decode().split()
                elif member.name == HASH_MEMBER:
                    expected = stream.read().decode().strip()
                elif member.name == DB_MEMBER:
                    out = private_file(extract_to).open("wb") if extract_to else None
                    try:
                        for block in iter(lambda s=stream: s.read(CHUNK), b""):
                            digest.update(block)
                            if out:
                                out.write(block)
                    finally:
                        if out:
                            out.close()
    return ArchiveContents(names, digest.hexdigest(), expected)


def list_backups(folder: Path) -> list[BackupInfo]:
    """Backups in ``folder`` (compressed and older raw copies), newest first."""
    infos = []
    for path in _backup_files(folder):
        stat = path.stat()
        stem = path.name.removesuffix(ARCHIVE).removesuffix(LEGACY).removesuffix(DUMP)
        parts = stem[len(PREFIX):].split("-", 2)
        reason = parts[2] if len(parts) > 2 else ""
        infos.append(BackupInfo(path, datetime.fromtimestamp(stat.st_mtime), stat.st_size, reason))
    return sorted(infos, key=lambda b: (b.created, b.path.name), reverse=True)


def _backup_files(folder: Path) -> Iterator[Path]:
    if folder.is_dir():
        yield from folder.glob(f"{PREFIX}*{ARCHIVE}")
        yield from folder.glob(f"{PREFIX}*{LEGACY}")
        yield from folder.glob(f"{PREFIX}*{DUMP}")


def remove_leftovers(folder: Path) -> list[Path]:
    """Delete what a killed or failed backup left: ``.part`` archives, snapshots and their journals."""
    found = [*folder.glob(f"{PREFIX}*.part*"), *(folder / STORE).glob(".part-*")] if folder.is_dir() else []
    for stale in found:
        stale.unlink(missing_ok=True)
    if found:
        log.info("removed %d leftovers of an interrupted backup", len(found))
    return found


def rotate(folder: Path, keep: int, max_total_bytes: int | None = None) -> None:
    """Keep the newest ``keep`` backups, then drop the oldest while backups and the attachment store together
    exceed ``max_total_bytes`` (the newest is always kept); delete attachments no kept backup names."""
    remove_leftovers(folder)
    kept = list_backups(folder)
    for old in kept[max(1, keep):]:
        old.path.unlink(missing_ok=True)
    kept = kept[: max(1, keep)]
    manifests = {b.path: set(attachment_names(b.path)) for b in kept}
    sizes = {p.name: p.stat().st_size for p in (folder / STORE).glob("*") if p.is_file()}
    while max_total_bytes is not None and len(kept) > 1:
        needed = set().union(*manifests.values())
        total = sum(b.size for b in kept) + sum(sizes.get(n, 0) for n in needed)
        if total <= max_total_bytes:
            break
        oldest = kept.pop()
        oldest.path.unlink(missing_ok=True)
        manifests.pop(oldest.path)
        log.info("removed backup %s: backups exceed %d MB", oldest.path.name, max_total_bytes // 2**20)
    needed = set().union(*manifests.values())
    for name in set(sizes) - needed:
        (folder / STORE / name).unlink(missing_ok=True)


def attachment_names(path: Path) -> list[str]:
    """The attachments a backup names (its first member); none for a raw copy or an unreadable file."""
    if not path.name.endswith(ARCHIVE):
        return []
    try:
        with open(path, "rb") as raw, zstandard.ZstdDecompressor().stream_reader(raw) as zr:
            with tarfile.open(fileobj=zr, mode="r|") as tar:
                member = tar.next()
                stream = tar.extractfile(member) if member and member.name == MANIFEST_MEMBER else None
                return stream.read().decode().split() if stream else []
    except (OSError, tarfile.TarError, zstandard.ZstdError, UnicodeDecodeError):
        return []


def integrity_problems(path: Path | None = None, foreign_keys: bool = True) -> list[str]:
    """SQLite's integrity and (unless told not to) foreign-key checks; an empty list means healthy.

    A PostgreSQL server keeps its own pages and enforces foreign keys on every write: nothing to check here.
    """
    if path is None and is_postgres():
        return []
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True) if path else database.obj.connection()
    try:
        rows = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
        problems = [r for r in rows if r != "ok"]
        if foreign_keys:
            problems += [T("errors", "外键引用错误：{0} 行 {1} → {2}").format(*r[:3])
                         for r in conn.execute("PRAGMA foreign_key_check")]
        return problems
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    finally:
        if path:
            conn.close()
