"""Read and validate a site-export workbook with python-calamine: manifest, checksum, sheets, columns, cells."""

from __future__ import annotations

import hmac
import os
import zipfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from python_calamine import CalamineWorkbook

from frontdesk import heap
from frontdesk.errors import UserError
from frontdesk.excel.exporter import Column, export_rows
from frontdesk.excel.sync_format import (
    END,
    FORMAT,
    MANIFEST_SHEET,
    OVERFLOW_SHEET,
    PART_MARK,
    SEP,
    Checksum,
    Problem,
    SheetSpec,
    parse_column,
)

MAX_PROBLEMS = 10_000  # a wholly wrong file stops being listed here; the first ones tell the story


class WorkbookRefused(UserError):
    """The file cannot be imported; ``problems`` lists every reason found (sheet, row, column, value)."""

    def __init__(self, problems: Sequence[Problem], message: str | None = None) -> None:
        self.problems = list(problems)
        head = "；".join(str(p) for p in self.problems[:5])
        more = f"（共 {len(self.problems)} 处问题）" if len(self.problems) > 5 else ""
        super().__init__(message or f"文件未导入，数据库没有任何改动。{head}{more}")


@dataclass
class ParsedSheet:
    """A sheet's rows as database values in spec column order; ``lines[i]`` is row i's Excel row number."""

    spec: SheetSpec
    rows: list[tuple[Any, ...]] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)


@dataclass
class ParsedWorkbook:
    manifest: dict[str, str]
    sheets: dict[str, ParsedSheet]
    checksum: str


def open_workbook(path: str | os.PathLike[str]) -> CalamineWorkbook:
    """Open an .xlsx with calamine, refusing what is not one (or is cut short) with a plain message."""
    p = Path(path)
    name = p.name
    if not p.is_file():
        raise WorkbookRefused([Problem(name, None, "", "", "文件不存在")])
    if not zipfile.is_zipfile(p):
        raise WorkbookRefused([Problem(name, None, "", "", "不是 Excel 工作簿（.xlsx）文件，或文件已损坏")])
    try:
        with zipfile.ZipFile(p) as z:
            bad = z.testzip()
        if bad is not None:
            raise zipfile.BadZipFile(bad)
        return CalamineWorkbook.from_path(str(p))
    except Exception as exc:  # calamine raises its own error types for broken packages
        raise WorkbookRefused([Problem(name, None, "", "", f"文件已损坏或不完整，无法读取（{exc}）")]) from exc


def read_sheet(book: CalamineWorkbook, name: str) -> list[list[Any]]:
    try:
        return book.get_sheet_by_name(name).to_python(skip_empty_area=False)
    except Exception as exc:
        raise WorkbookRefused([Problem(name, None, "", "", f"工作表无法读取（{exc}）")]) from exc


def part_names(manifest: Mapping[str, str], name: str) -> list[str]:
    """The sheets a table's rows are on: its own, then "<table>~2"… when the manifest says it continues."""
    try:
        parts = int(manifest.get(f"parts.{name}", "1") or 1)
    except ValueError:
        raise WorkbookRefused([Problem(MANIFEST_SHEET, None, f"parts.{name}", manifest[f"parts.{name}"],
                                       "不是数字")]) from None
    return [name] + [f"{name}{PART_MARK}{k}" for k in range(2, parts + 1)]


def read_parts(book: CalamineWorkbook, manifest: Mapping[str, str], name: str) -> list[list[Any]]:
    """A table's rows with its header, from all its parts (each part repeats the header)."""
    names = part_names(manifest, name)
    rows = read_sheet(book, names[0])
    for part in names[1:]:
        rows.extend(read_sheet(book, part)[1:])
    return rows


def _manifest(book: CalamineWorkbook, schema_version: int) -> dict[str, str]:
    if MANIFEST_SHEET not in book.sheet_names:
        raise WorkbookRefused([Problem(MANIFEST_SHEET, None, "", "", "缺少说明工作表，这不是 FrontDesk 站点导出文件")])
    rows = read_sheet(book, MANIFEST_SHEET)
    manifest = {str(r[0]): ("" if r[1] is None else str(r[1])) for r in rows[1:] if len(r) >= 2 and r[0]}
    if manifest.get("format") != FORMAT:
        raise WorkbookRefused([Problem(MANIFEST_SHEET, None, "format", manifest.get("format", ""),
                                       "不是 FrontDesk 站点导出文件")])
    found = manifest.get("schema_version", "")
    if found != str(schema_version):
        raise WorkbookRefused([Problem(MANIFEST_SHEET, None, "schema_version", found,
                                       f"数据结构版本与本程序（{schema_version}）不同，请两端使用相同版本的 FrontDesk")])
    return manifest


def _overflow(book: CalamineWorkbook, manifest: dict[str, str]) -> dict[tuple[str, str, str], str]:
    """The continuation of over-long texts: (sheet, uuid, column) → the text after the cell's part."""
    if manifest.get("overflow", "0") in ("", "0"):
        return {}
    if OVERFLOW_SHEET not in book.sheet_names:
        raise WorkbookRefused([Problem(OVERFLOW_SHEET, None, "", "", "缺少此工作表")])
    rows = read_sheet(book, OVERFLOW_SHEET)
    parts: dict[tuple[str, str, str], list[tuple[int, str]]] = {}
    for line, row in enumerate(rows[1:], start=2):
        try:
            sheet, uuid, column, part, text = row[:5]
            parts.setdefault((str(sheet), str(uuid), str(column)), []).append((int(part), str(text)))
        except (ValueError, TypeError):
            raise WorkbookRefused([Problem(OVERFLOW_SHEET, line, "", str(row[:4]), "续接行格式有误")]) from None
    if len(rows) - 1 != int(manifest["overflow"]):
        raise WorkbookRefused([Problem(OVERFLOW_SHEET, None, "", str(len(rows) - 1), "行数与说明页不符")])
    return {key: "".join(t for _, t in sorted(p)) for key, p in parts.items()}


def _header(spec: SheetSpec, first: Sequence[Any] | None, problems: list[Problem]) -> list[str] | None:
    """The sheet's header, or None (the missing columns added to ``problems``)."""
    header = ["" if h is None else str(h).strip() for h in (first or [])]
    missing = [k for k in spec.keys if k not in header]
    for key in missing:
        problems.append(Problem(spec.name, 1, key, "", "缺少此列"))
    return None if missing else header


def _parse_sheet(spec: SheetSpec, rows: list[list[Any]], problems: list[Problem],
                 checksum: Checksum, overflow: dict[tuple[str, str, str], str]) -> ParsedSheet:
    header = _header(spec, rows[0] if rows else None, problems)
    if header is None:
        return ParsedSheet(spec)
    checksum.sheet(spec.name, spec.keys)
    continued = {(u, c): t for (s, u, c), t in overflow.items() if s == spec.name}
    seen: dict[str, int] = {}

    def duplicate(uuid: str, line: int) -> str | None:
        if uuid in seen:
            return f"与第 {seen[uuid]} 行重复"
        seen[uuid] = line
        return None

    return _parse_body(spec, header, rows[1:], 2, problems, checksum, continued, duplicate)


def _parse_body(spec: SheetSpec, header: list[str], body: list[list[Any]], first_line: int, problems: list[Problem],
                checksum: Checksum | None, continued: dict[tuple[str, str], str],
                duplicate: Callable[[str, int], str | None] | None) -> ParsedSheet:
    """Rows ``body`` (Excel line ``first_line`` on) parsed to database values; bad cells and duplicates go to
    ``problems`` (``duplicate(uuid, line)`` says why a uuid is a repeat, or None), the rest to the checksum."""
    width = len(header)
    uuid_key = header.index("uuid")
    if continued:  # texts longer than a cell: put their parts back together first
        body = [list(r) for r in body]
        for r in body:
            for key in spec.keys:
                rest = continued.get((r[uuid_key], key))
                if rest is not None:
                    r[header.index(key)] = f"{r[header.index(key)]}{rest}"
    if any(len(r) < width for r in body):
        body = [list(r) + [""] * (width - len(r)) for r in body]
    columns = list(zip(*body, strict=True)) if body else [() for _ in header]
    parsed: list[list[Any]] = []
    bad: set[int] = set()
    for column in spec.columns:
        cells = list(columns[header.index(column.key)])
        values, errors = parse_column(column, cells)
        for i, message in errors:
            problems.append(Problem(spec.name, i + first_line, column.key, str(cells[i]), message))
            bad.add(i)
        parsed.append(values)
    out = ParsedSheet(spec)
    canon = [v if set(map(type, v)) <= {str} else ["" if x is None else str(x) for x in v] for v in parsed]
    uuid_at = spec.index("uuid")
    texts: list[str] = []
    for i, (values, text) in enumerate(zip(zip(*parsed, strict=True), map(SEP.join, zip(*canon, strict=True)),
                                                  strict=True)):
        if bad and i in bad:
            continue
        uuid = values[uuid_at]
        why = duplicate(uuid, i + first_line) if duplicate is not None else None
        if why is not None:
            problems.append(Problem(spec.name, i + first_line, "uuid", uuid, why))
            continue
        out.rows.append(values)
        out.lines.append(i + first_line)
        texts.append(text)
        if len(texts) >= 1000 and checksum is not None:
            checksum.rows_text(END.join(texts) + END)
            texts.clear()
    if texts and checksum is not None:
        checksum.rows_text(END.join(texts) + END)
    return out


def read_site_workbook(path: str | os.PathLike[str], specs: Mapping[str, SheetSpec], schema_version: int,
                       progress: Callable[[int, int], None] | None = None,
                       key_for: Callable[[dict[str, str]], bytes | None] | None = None) -> ParsedWorkbook:
    """Validate the whole file (manifest, checksum, sheets, columns, each cell) or raise WorkbookRefused.

    ``key_for(manifest)`` gives the pairing key the checksum is an HMAC with (None: plain SHA-256), or refuses.
    """
    book = open_workbook(path)
    manifest = _manifest(book, schema_version)
    key = key_for(manifest) if key_for is not None else None
    problems: list[Problem] = []
    listed = [s for s in manifest.get("sheets", "").split(",") if s]
    for name in listed:
        if name not in specs:
            problems.append(Problem(name, None, "", "", "本程序不认识这种记录"))
        elif name not in book.sheet_names:
            problems.append(Problem(name, None, "", "", "缺少此工作表"))
    for name in specs:
        if name not in listed:
            problems.append(Problem(name, None, "", "", "缺少此工作表"))
    if problems:
        raise WorkbookRefused(problems)
    checksum = Checksum(key)
    checksum.manifest(manifest)
    overflow = _overflow(book, manifest)
    sheets: dict[str, ParsedSheet] = {}
    for n, name in enumerate(listed):
        rows = read_parts(book, manifest, name)
        sheets[name] = sheet = _parse_sheet(specs[name], rows, problems, checksum, overflow)
        expected = manifest.get(f"rows.{name}", "")
        if not problems and expected != str(max(0, len(rows) - 1)):
            problems.append(Problem(name, None, "", str(max(0, len(rows) - 1)),
                                    f"行数与说明页记录的 {expected} 行不符，文件可能被截断或改动"))
        if len(problems) > MAX_PROBLEMS:
            break
        del sheet
        if progress is not None:
            progress(n + 1, len(listed))
    if not problems and not hmac.compare_digest(checksum.hexdigest(), manifest.get("checksum", "")):
        problems.append(Problem(MANIFEST_SHEET, None, "checksum", manifest.get("checksum", ""),
                                "校验和不符：导出后文件内容被改动过" if key is None else
                                "签名不符：导出后文件内容被改动过，或两站的配对密钥不同"))
    if problems:
        raise WorkbookRefused(problems[:MAX_PROBLEMS])
    return ParsedWorkbook(manifest, sheets, checksum.hexdigest())


class RowStore(Protocol):
    """Where a streamed check keeps what it has read (``frontdesk.db.scratch.ImportScratch``): the uuids per
    table, and the checked rows until the merge takes them."""

    def remember(self, table: str, uuids: Sequence[str], lines: Sequence[int]) -> list[tuple[int, str, int]]: ...

    def known(self, table: str, uuids: Sequence[str]) -> set[str]: ...

    def keep(self, table: str, chunk: Any) -> None: ...

    def kept(self, table: str) -> Iterator[Any]: ...


class StreamedWorkbook:
    """A large site workbook read once, sheet by sheet and chunk by chunk, never whole: ``validate`` checks it
    all (manifest, checksum, cells, duplicates, references) holding one chunk of rows, and puts each chunk of
    checked rows and its uuids in a ``RowStore`` on disk; ``chunks`` then hands the rows out again from there,
    one chunk at a time, for the merge."""

    def __init__(self, path: str | os.PathLike[str], specs: Mapping[str, SheetSpec], schema_version: int,
                 key_for: Callable[[dict[str, str]], bytes | None] | None = None) -> None:
        self.path, self.specs = Path(path), specs
        self.book = open_workbook(path)
        self.manifest = _manifest(self.book, schema_version)
        self.key = key_for(self.manifest) if key_for is not None else None
        self.listed = [s for s in self.manifest.get("sheets", "").split(",") if s]
        self.checksum = ""
        self._store: RowStore | None = None

    def rows(self, name: str) -> int:
        """The sheet's row count as the manifest states it (checked by ``validate``)."""
        try:
            return int(self.manifest.get(f"rows.{name}", "0") or 0)
        except ValueError:
            return 0

    def _loaded(self) -> Iterator[tuple[str, Any]]:
        """(part sheet name, its calamine sheet) for every part of every listed table, in order. calamine
        loads a sheet whole, without Python's lock: the next part loads on a second thread while this one's rows
        are parsed (two parts in memory at most)."""
        names = [part for name in self.listed for part in part_names(self.manifest, name)]

        def load(part: str) -> Any:
            try:
                return self.book.get_sheet_by_name(part)
            except Exception as exc:
                return WorkbookRefused([Problem(part, None, "", "", f"工作表无法读取（{exc}）")])

        with ThreadPoolExecutor(1, thread_name_prefix="calamine") as pool:
            coming = pool.submit(load, names[0]) if names else None
            for k, part in enumerate(names):
                assert coming is not None
                sheet = coming.result()
                coming = pool.submit(load, names[k + 1]) if k + 1 < len(names) else None
                if isinstance(sheet, WorkbookRefused):
                    raise sheet
                yield part, sheet
                del sheet

    def _lines(self, name: str, size: int, loaded: Iterator[tuple[str, Any]]
               ) -> Iterator[tuple[list[str] | None, list[list[Any]], int]]:
        """(header, a chunk of raw rows, the chunk's first Excel line) in turn; the header alone first. The
        table's part sheets are taken from ``loaded`` in turn (read it to the end to stay in step)."""
        line = 2
        top: list[Any] | None = None
        parts = part_names(self.manifest, name)
        for k in range(len(parts)):
            part, sheet = next(loaded)
            assert part == parts[k]
            try:
                rows = iter(sheet.iter_rows())
                first = next(rows, None)
            except Exception as exc:
                raise WorkbookRefused([Problem(part, None, "", "", f"工作表无法读取（{exc}）")]) from exc
            if k == 0:
                top = first
                yield first, [], 1
            elif first != top:
                raise WorkbookRefused([Problem(part, 1, "", "", "表头与第一部分不同")])
            chunk: list[list[Any]] = []
            for row in rows:
                chunk.append(row)
                if len(chunk) >= size:
                    yield None, chunk, line
                    line += len(chunk)
                    chunk = []
            if chunk:
                yield None, chunk, line
                line += len(chunk)
            del rows, sheet
            heap.give_back()  # the part's cells, freed on calamine's thread: back to the system

    def validate(self, exists: Callable[[str, list[str]], set[str]], store: RowStore, size: int = 2_000,
                 progress: Callable[[int, int], None] | None = None,
                 on_rows: Callable[[str, ParsedSheet], None] | None = None) -> None:
        """Check every sheet or raise WorkbookRefused; ``exists(table, uuids)`` names those stored here already,
        ``on_rows(name, chunk)`` sees each chunk of good rows (to collect what they name)."""
        problems: list[Problem] = []
        specs = self.specs
        for name in self.listed:
            if name not in specs:
                problems.append(Problem(name, None, "", "", "本程序不认识这种记录"))
            elif name not in self.book.sheet_names:
                problems.append(Problem(name, None, "", "", "缺少此工作表"))
        problems.extend(Problem(n, None, "", "", "缺少此工作表") for n in specs if n not in self.listed)
        if problems:
            raise WorkbookRefused(problems)
        checksum = Checksum(self.key)
        checksum.manifest(self.manifest)
        overflow = _overflow(self.book, self.manifest)
        pending: list[tuple[str, int, str, str, str]] = []  # (sheet, line, column, uuid, target) not seen yet
        loaded = self._loaded()
        for n, name in enumerate(self.listed):
            spec = specs[name]
            continued = {(u, c): t for (s, u, c), t in overflow.items() if s == name}
            header: list[str] | None = None
            count = 0
            refs = [(i, c.key, c.references) for i, c in enumerate(spec.columns) if c.references]
            at_uuid = spec.index("uuid")
            for head, raw, line in self._lines(name, size, loaded):
                if line == 1:
                    header = _header(spec, head, problems)
                    if header is not None:
                        checksum.sheet(name, spec.keys)
                    continue
                if header is None:  # missing columns (named): the table's parts are passed over
                    continue
                count += len(raw)
                part = _parse_body(spec, header, raw, line, problems, checksum, continued, None)
                del raw
                for at, uuid, first in store.remember(name, [r[at_uuid] for r in part.rows], part.lines):
                    problems.append(Problem(name, at, "uuid", uuid, f"与第 {first} 行重复"))
                for i, key, target in refs:
                    wanted = sorted({r[i] for r in part.rows if r[i] is not None})
                    if wanted:
                        wanted = sorted(set(wanted) - store.known(target, wanted))
                    if not wanted:
                        continue
                    missing = set(wanted) - exists(target, wanted)
                    pending.extend((name, ln, key, r[i], target) for r, ln in zip(part.rows, part.lines, strict=True)
                                   if r[i] in missing)
                if not problems:
                    store.keep(name, (part.rows, part.lines))
                    if on_rows is not None:
                        on_rows(name, part)
                if len(problems) > MAX_PROBLEMS:
                    raise WorkbookRefused(problems[:MAX_PROBLEMS])
            expected = self.manifest.get(f"rows.{name}", "")
            if not problems and expected != str(count):
                problems.append(Problem(name, None, "", str(count),
                                        f"行数与说明页记录的 {expected} 行不符，文件可能被截断或改动"))
            if progress is not None:
                progress(n + 1, len(self.listed))
        if not problems and not hmac.compare_digest(checksum.hexdigest(), self.manifest.get("checksum", "")):
            problems.append(Problem(MANIFEST_SHEET, None, "checksum", self.manifest.get("checksum", ""),
                                    "校验和不符：导出后文件内容被改动过" if self.key is None else
                                    "签名不符：导出后文件内容被改动过，或两站的配对密钥不同"))
        if problems:
            raise WorkbookRefused(problems[:MAX_PROBLEMS])
        # references to records later in the file (or in their own sheet further down)
        late: list[Problem] = []
        for target in dict.fromkeys(t for *_rest, t in pending):
            wanted = sorted({u for *_r, u, t in pending if t == target})
            there = store.known(target, wanted)
            late.extend(Problem(s, ln, key, u, f"引用的 {t} 记录不存在") for s, ln, key, u, t in pending
                        if t == target and u not in there)
        if late:
            raise WorkbookRefused(late[:MAX_PROBLEMS])
        self.checksum = checksum.hexdigest()
        self._store = store

    def chunks(self, name: str) -> Iterator[ParsedSheet]:
        """The validated sheet's rows again, a chunk at a time (as ``validate`` read them), as database values."""
        assert self._store is not None, "validate first"
        spec = self.specs[name]
        for rows, lines in self._store.kept(name):
            yield ParsedSheet(spec, rows, lines)


PROBLEM_COLUMNS = [Column("sheet", "工作表"), Column("row", "行"), Column("column", "列"), Column("value", "值"),
                   Column("message", "问题", width=60)]


def write_problems(path: str | os.PathLike[str], problems: Sequence[Problem]) -> int:
    """Save the reasons a file was refused as a workbook the sender can work through."""
    rows = [(p.sheet, "" if p.row is None else str(p.row), p.column, p.value, p.message) for p in problems]
    return export_rows(path, "错误清单", PROBLEM_COLUMNS, rows)
