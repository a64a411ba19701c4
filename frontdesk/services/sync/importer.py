"""Site import: validate the whole workbook, then merge it (one transaction, or a large file in short ones from a scratch file; or only count, dry run)."""

from __future__ import annotations

import math
import os
import sqlite3
import tempfile
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import peewee

from frontdesk import heap
from frontdesk.clock import now
from frontdesk.db import search_index
from frontdesk.db.connection import bulk_writes, transaction
from frontdesk.db.migrations import LATEST_VERSION
from frontdesk.db.models import ImportHistory, current_site_code
from frontdesk.db.scratch import ImportScratch
from frontdesk.domain.roles import Actor, Permission
from frontdesk.errors import T
from frontdesk.excel.sync_format import Problem, SheetSpec
from frontdesk.excel.sync_validate import (
    ParsedSheet,
    ParsedWorkbook,
    StreamedWorkbook,
    WorkbookRefused,
    read_site_workbook,
)
from frontdesk.services.calendar.edits import calendar_changed
from frontdesk.services.core.permissions import require
from frontdesk.services.reception import phrases
from frontdesk.services.sync import bundle, peers
from frontdesk.services.sync.merge import Counts, Prepared, apply_sheet, job, prepare
from frontdesk.services.sync.preparer import Preparer
from frontdesk.services.sync.schema import existing_uuids, specs

Progress = Callable[[str, int, int], None]  # (step, done, total)
# a file of more rows than this is read into a scratch file in chunks of MERGE_CHUNK rows, then merged from it
ONE_TRANSACTION_ROWS = 10_000
MERGE_CHUNK = 2_500  # 5,000 with the preparer beside: 203 MiB at 1M rows (2,500: 169 MiB, no slower)
# Each transaction of a large merge is sized to hold the lock about TX_SECONDS, by the time the table's rows
# took so far (its first FIRST_ROWS rows find out): the same file on a slower disk or a fuller database merges
# in more, shorter transactions. The lock is left free PAUSE_SECONDS before a transaction that would keep it
# held past HOLD_SECONDS since the last pause, so a clerk's save queued meanwhile gets it and waits about
# HOLD_SECONDS at most: a waiting save asks for the lock every connection.LOCK_POLL_S (2 ms), so 20 ms is ten
# chances, where SQLite's own busy handler (100 ms sleeps) needed 0.12 s. At 1,000,000 rows the pauses took
# 50 s of a 176 s merge at 0.12 s, and the merge took 132 s at 0.02 s (tests/benchmarks/bench_sync_million.py).
TX_SECONDS = 0.5
FIRST_ROWS = 500
MIN_ROWS = 50
HOLD_SECONDS = 0.6
PAUSE_SECONDS = 0.02
PREPARE_AHEAD = 1  # chunks taken ahead during a pause, at most (each is MERGE_CHUNK rows in memory)
PREPARE_PROCESS = True  # digests and search tokens worked out by a process of their own (False: on this thread)


@dataclass
class ImportReport:
    """What an import did (or, dry run, would do): counts per sheet and in all."""

    peer_site: str
    exported_at: str
    checksum: str
    dry_run: bool
    sheets: dict[str, Counts] = field(default_factory=dict)
    total: Counts = field(default_factory=Counts)
    photos_added: list[str] = field(default_factory=list)  # attachments linked here by this import
    photos_present: int = 0  # attachments the bundle listed that were here already (not read)
    notes: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        """The summary, a line each, as Messages (the window shows them in its language, the CLI in Chinese)."""
        t = self.total
        head = T("sync", "试导入（未写入）") if self.dry_run else T("sync", "已导入")
        counts = T("sync", "新增 {0}，更新 {1}，跳过 {2}，冲突 {3}")
        out: list[str] = [T("sync", "{0}：来自站点 {1}（导出于 {2}）").format(head, self.peer_site, self.exported_at),
                          counts.format(t.inserted, t.updated, t.skipped, t.conflicts)]
        for name, c in self.sheets.items():
            if c.inserted or c.updated or c.conflicts:
                out.append(T("sync", "  {0}：{1}").format(
                    name, counts.format(c.inserted, c.updated, c.skipped, c.conflicts)))
        if self.photos_added or self.photos_present:
            out.append(T("sync", "照片：新增 {0}，本站已有 {1}").format(len(self.photos_added), self.photos_present))
        out.extend(f"  {line}" for line in t.held)
        out.extend(f"  {line}" for line in self.notes)
        return out


class _DryRun(Exception):
    """Raised inside the transaction to roll a dry run back."""


def _reference_problems(parsed: ParsedWorkbook, all_specs: dict[str, SheetSpec]) -> list[Problem]:
    """Every reference must name a record in the file or already here."""
    problems: list[Problem] = []
    in_file = {name: {row[s.spec.index("uuid")] for row in s.rows} for name, s in parsed.sheets.items()}
    for name, sheet in parsed.sheets.items():
        for i, column in enumerate(sheet.spec.columns):
            target = column.references
            if target is None:
                continue
            wanted = {row[i] for row in sheet.rows if row[i] is not None} - in_file.get(target, set())
            if not wanted:
                continue
            missing = wanted - existing_uuids(all_specs[target].name, sorted(wanted))
            for row, line in zip(sheet.rows, sheet.lines, strict=True):
                if row[i] in missing:
                    problems.append(Problem(name, line, column.key, row[i], f"引用的 {target} 记录不存在"))
    return problems


def _parts(sheet: ParsedSheet, size: int) -> list[ParsedSheet]:
    """The sheet whole (``size`` 0) or in pieces of ``size`` rows."""
    if not size or len(sheet.rows) <= size:
        return [sheet]
    return [ParsedSheet(sheet.spec, sheet.rows[i:i + size], sheet.lines[i:i + size])
            for i in range(0, len(sheet.rows), size)]


def _take_back(added: list[Path]) -> None:
    """Attachments linked by an import that then failed: the rows naming them were rolled back."""
    for file in added:
        file.unlink(missing_ok=True)


def _sheet_of(exc: BaseException, names: list[str]) -> str:
    text = str(exc)
    return next((n for n in names if f"{n}." in text), names[-1] if names else "")


def _referenced(parsed: ParsedWorkbook) -> set[str]:
    names: set[str] = set()
    for table, columns in bundle.ATTACHMENT_COLUMNS.items():
        sheet = parsed.sheets.get(table)
        for column in columns if sheet is not None else ():
            at = sheet.spec.index(column)
            names |= bundle.names_in(row[at] for row in sheet.rows)
    return names


def import_site(actor: Actor, path: str | os.PathLike[str], dry_run: bool = False,
                progress: Progress | None = None) -> ImportReport:
    """Import an exchange bundle (.zip: workbook and photos) or a bare site workbook (.xlsx), all or nothing;
    raises WorkbookRefused (database and attachments folder untouched) for a bad file."""
    require(actor, Permission.ADMIN_SITE)
    path = Path(path)
    if not bundle.is_bundle(path):
        return _import(actor, path, None, dry_run, progress)
    with tempfile.TemporaryDirectory(prefix="frontdesk-import-") as scratch:
        opened = bundle.open_bundle(path, Path(scratch))
        try:
            return _import(actor, path, opened, dry_run, progress)
        finally:
            opened.zip.close()


def _large(workbook: Path) -> StreamedWorkbook | None:
    """The workbook opened for a streamed import when its manifest states more than ONE_TRANSACTION_ROWS rows;
    None for a smaller file, or one whose head cannot be read (the full check then says why)."""
    try:
        head = StreamedWorkbook(workbook, specs(), LATEST_VERSION)
    except WorkbookRefused:
        return None
    return head if sum(head.rows(name) for name in head.listed) > ONE_TRANSACTION_ROWS else None


def _import(actor: Actor, path: Path, opened: bundle.OpenedBundle | None, dry_run: bool,
            progress: Progress | None) -> ImportReport:
    workbook = opened.workbook if opened is not None else path
    me = current_site_code()
    stream = None if dry_run else _large(workbook)
    if stream is not None:
        with tempfile.TemporaryDirectory(prefix="frontdesk-scratch-") as scratch:
            store = ImportScratch(Path(scratch) / "rows.db")
            try:
                return _import_streamed(actor, path, stream, store, opened, progress)
            finally:
                store.close()
    all_specs = specs()
    parsed = read_site_workbook(opened.workbook if opened is not None else path, all_specs, LATEST_VERSION,
                                (lambda d, t: progress("read", d, t)) if progress else None,
                                lambda manifest: peers.key_for(manifest, me))
    problems = peers.problems(parsed.manifest, me) or _reference_problems(parsed, all_specs)
    here = bundle.folder()
    referenced = _referenced(parsed)
    new, have, bad = bundle.check_attachments(opened, parsed.manifest, referenced, here)
    problems = problems or bad
    if problems:
        raise WorkbookRefused(problems)
    peer = parsed.manifest.get("site_code", "")
    report = ImportReport(peer, parsed.manifest.get("exported_at", ""), parsed.checksum, dry_run)
    report.photos_present = len(have) if opened is not None else 0
    lacking = sorted(referenced - set(new) - set(have))
    if lacking:
        report.notes.append(f"{len(lacking)} 张照片在来源站点就已缺失，未随文件到达（如 {lacking[0]}）")
    order = [name for name in all_specs if name in parsed.sheets]
    done: list[str] = []
    added: list[Path] = []
    rows = sum(len(parsed.sheets[name].rows) for name in order)
    chunked = not dry_run and rows > ONE_TRANSACTION_ROWS
    steps = [(name, part) for name in order for part in _parts(parsed.sheets[name], MERGE_CHUNK if chunked else 0)]
    history_id: list[int] = []

    def begin() -> None:
        history_id.append(ImportHistory.create(
            at=now(), kind="site", file_name=Path(path).name[:260], checksum=parsed.checksum, peer_site=peer,
            exported_at=report.exported_at[:19], actor_uuid=actor.uuid, actor_name=actor.name,
        ).id)
        peers.acknowledge(parsed.manifest)

    def apply(n: int, name: str, part: ParsedSheet) -> None:
        if not done or done[-1] != name:
            done.append(name)
        counts = apply_sheet(all_specs[name], part, peer, history_id[0])
        report.sheets.setdefault(name, Counts()).add(counts)
        report.total.add(counts)
        if progress is not None:
            progress("merge", n + 1, len(steps))

    def finish() -> None:
        holiday = report.sheets.get("holiday")
        if holiday is not None and holiday.inserted + holiday.updated:
            calendar_changed()  # head office's (or this site's) overrides moved: deadlines move with them
        peers.record(parsed.manifest, me)
        t = report.total
        ImportHistory.update(inserted=t.inserted, updated=t.updated, skipped=t.skipped,
                             conflicts=t.conflicts).where(ImportHistory.id == history_id[0]).execute()

    def link() -> None:
        if opened is not None and new:
            if here is None:
                raise WorkbookRefused([Problem("attachments", None, "", "", "数据文件夹未打开，照片无处存放")])
            bundle.link(opened, new, here, added)
        report.photos_added = [p.name for p in added]

    try:
        if not chunked:  # one transaction: all or nothing
            with transaction():
                begin()
                for n, (name, part) in enumerate(steps):
                    apply(n, name, part)
                finish()
                if dry_run:
                    report.photos_added = list(new)
                    raise _DryRun
                link()  # last, so nothing can fail after them but the commit
        else:
            # a large file merges in short transactions, so a clerk saving meanwhile waits for one chunk at
            # most; the photos go first (checked, content-named: harmless if the merge stops), the exchange
            # state last, so a merge stopped half way is completed by importing the same file again
            link()
            added.clear()  # kept whatever happens now: committed rows may name them
            with transaction():
                begin()
            for n, (name, part) in enumerate(steps):
                with transaction():
                    apply(n, name, part)
            with transaction():
                finish()
    except _DryRun:
        return report
    except (peewee.IntegrityError, sqlite3.IntegrityError) as exc:
        _take_back(added)
        sheet = _sheet_of(exc, done)
        problem = Problem(sheet, None, "", "", f"与本站已有记录冲突，无法写入（{exc}）")
        if chunked:
            raise WorkbookRefused([problem], f"导入在 {sheet} 中断：{problem}。此前各段已写入（与文件一致），"
                                            "处理后再次导入同一文件即可补全") from exc
        raise WorkbookRefused([problem]) from exc
    except BaseException:
        _take_back(added)
        raise
    phrases.invalidate_cache()
    return report


def _import_streamed(actor: Actor, path: Path, stream: StreamedWorkbook, store: ImportScratch,
                     opened: bundle.OpenedBundle | None, progress: Progress | None) -> ImportReport:
    """A large file: read and validated in one streaming pass that keeps the checked rows in ``store`` on disk,
    then merged from there sheet by sheet in chunks of MERGE_CHUNK rows, each its own short transaction with a
    pause after some; at no time is more than a chunk's rows in memory."""
    all_specs = specs()
    me = current_site_code()
    stream.key = peers.key_for(stream.manifest, me)
    problems = peers.problems(stream.manifest, me)
    if problems:
        raise WorkbookRefused(problems)
    referenced: set[str] = set()

    def collect(name: str, part: ParsedSheet) -> None:
        for column in bundle.ATTACHMENT_COLUMNS.get(name, ()):
            at = part.spec.index(column)
            referenced.update(bundle.names_in(row[at] for row in part.rows))

    stream.validate(existing_uuids, store, MERGE_CHUNK, (lambda d, t: progress("read", d, t)) if progress else None, collect)
    heap.give_back()  # what reading the sheets left free, before the merge's own peak
    here = bundle.folder()
    new, have, bad = bundle.check_attachments(opened, stream.manifest, referenced, here)
    if bad:
        raise WorkbookRefused(bad)
    peer = stream.manifest.get("site_code", "")
    report = ImportReport(peer, stream.manifest.get("exported_at", ""), stream.checksum, False)
    report.photos_present = len(have) if opened is not None else 0
    lacking = sorted(referenced - set(new) - set(have))
    if lacking:
        report.notes.append(f"{len(lacking)} 张照片在来源站点就已缺失，未随文件到达（如 {lacking[0]}）")
    order = [name for name in all_specs if name in stream.listed]
    total = sum(math.ceil(stream.rows(name) / MERGE_CHUNK) for name in order)
    if opened is not None and new:  # first: checked, content-named, harmless if the merge stops
        if here is None:
            raise WorkbookRefused([Problem("attachments", None, "", "", "数据文件夹未打开，照片无处存放")])
        added: list[Path] = []
        bundle.link(opened, new, here, added)
        report.photos_added = [p.name for p in added]
    with transaction():
        history_id = ImportHistory.create(
            at=now(), kind="site", file_name=Path(path).name[:260], checksum=stream.checksum, peer_site=peer,
            exported_at=report.exported_at[:19], actor_uuid=actor.uuid, actor_name=actor.name,
        ).id
        peers.acknowledge(stream.manifest)
    with bulk_writes(), search_index.bulk_merging():
        _merge_streamed(stream, store.path, order, all_specs, peer, history_id, report, total, progress)
    with transaction():
        holiday = report.sheets.get("holiday")
        if holiday is not None and holiday.inserted + holiday.updated:
            calendar_changed()
        peers.record(stream.manifest, me)
        t = report.total
        ImportHistory.update(inserted=t.inserted, updated=t.updated, skipped=t.skipped,
                             conflicts=t.conflicts).where(ImportHistory.id == history_id).execute()
    phrases.invalidate_cache()
    return report


def _merge_streamed(stream: StreamedWorkbook, scratch: Path, order: list[str], all_specs: dict[str, SheetSpec],
                    peer: str, history_id: int, report: ImportReport, total: int, progress: Progress | None) -> None:
    """Each chunk in transactions of about TX_SECONDS (its rows cut by the table's pace). Before one that would
    hold the lock past HOLD_SECONDS since the last pause, the lock stays free at least PAUSE_SECONDS, spent
    taking the next chunks from the scratch file before any sleep. Their digests and search tokens (what needs
    no lock) are worked out meanwhile by a process of its own reading the same file (``preparer``)."""
    with Preparer(scratch, [job(all_specs[name]) for name in order], spawn=PREPARE_PROCESS) as preparer:
        _merge_prepared(stream, preparer, order, all_specs, peer, history_id, report, total, progress)


def _merge_prepared(stream: StreamedWorkbook, preparer: Preparer, order: list[str], all_specs: dict[str, SheetSpec],
                    peer: str, history_id: int, report: ImportReport, total: int, progress: Progress | None) -> None:
    ahead: deque[tuple[str, Prepared]] = deque()
    upcoming = ((name, part) for name in order for part in stream.chunks(name))

    def prepare_next() -> bool:
        got = next(upcoming, None)
        if got is not None:
            name, sheet = got
            ahead.append((name, prepare(all_specs[name], sheet, preparer.next(name, sheet.rows))))
        return got is not None

    n = 0
    name = ""
    held = 0.0  # seconds the lock was held since the last pause
    pace: dict[str, float] = {}  # seconds a row of the table took, the latest transactions weighing most
    released = time.perf_counter()
    try:
        while ahead or prepare_next():
            name, ready = ahead.popleft()
            start, size = 0, len(ready.sheet.rows)
            while start < size:
                per_row = pace.get(name)
                rows = FIRST_ROWS if per_row is None else max(MIN_ROWS, int(TX_SECONDS / per_row))
                part = ready.part(start, rows)
                rows = len(part.sheet.rows)
                expected = TX_SECONDS if per_row is None else rows * per_row
                if held > 0 and held + expected > HOLD_SECONDS:
                    while (time.perf_counter() - released < PAUSE_SECONDS and len(ahead) < PREPARE_AHEAD
                           and prepare_next()):
                        pass
                    rest = PAUSE_SECONDS - (time.perf_counter() - released)
                    if rest > 0:
                        time.sleep(rest)
                    held = 0.0
                began = time.perf_counter()
                with transaction():
                    counts = apply_sheet(all_specs[name], part.sheet, peer, history_id, part)
                released = time.perf_counter()
                took = released - began
                held += took
                pace[name] = took / rows if per_row is None else (per_row + took / rows) / 2
                start += rows
                del part
                report.sheets.setdefault(name, Counts()).add(counts)
                report.total.add(counts)
            del ready
            heap.give_back()  # the chunk's rows and tokens
            n += 1
            if progress is not None:
                progress("merge", n, max(n, total))
    except (peewee.IntegrityError, sqlite3.IntegrityError) as exc:
        problem = Problem(name, None, "", "", f"与本站已有记录冲突，无法写入（{exc}）")
        raise WorkbookRefused([problem], f"导入在 {name} 中断：{problem}。此前各段已写入（与文件一致），"
                                        "处理后再次导入同一文件即可补全") from exc
