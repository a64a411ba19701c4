"""Write a site-export workbook: one sheet per synced table streamed by the shared exporter, then the manifest."""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from frontdesk.domain.text import clean_value, is_clean
from frontdesk.excel.exporter import Cancel, Column, Kind, XlsxWriter
from frontdesk.excel.sync_format import (
    CELL_LIMIT,
    END,
    FORMAT,
    KEYED,
    MANIFEST_SHEET,
    OVERFLOW_KEYS,
    OVERFLOW_SHEET,
    PART_MARK,
    PART_ROWS,
    PLAIN,
    SEP,
    Checksum,
    FieldKind,
    Problem,
    SheetSpec,
)

Progress = Callable[[int, int | None], None]


@dataclass(frozen=True)
class SheetData:
    """One table to write: its spec, its rows (database values in spec column order) and their count."""

    spec: SheetSpec
    rows: Iterable[Sequence[Any]]
    count: int


def _columns(spec: SheetSpec) -> list[Column]:
    numeric = (FieldKind.INT, FieldKind.BOOL)
    return [Column(c.key, c.key, Kind.INT if c.kind in numeric else Kind.TEXT) for c in spec.columns]


def _summed(spec: SheetSpec, rows: Iterable[Sequence[Any]], checksum: Checksum,
            overflow: list[tuple[str, str, str, int, str]], cleaned: list[Problem]) -> Iterator[Sequence[Any]]:
    """Pass rows through while adding them to the checksum, a thousand rows per hash update.

    A text longer than an Excel cell holds keeps its first CELL_LIMIT characters in its cell; the rest
    goes to the overflow sheet in parts (the checksum covers the whole text, so a lost part is noticed).
    """
    batch: list[str] = []
    long_text = [i for i, c in enumerate(spec.columns) if c.kind is FieldKind.TEXT and c.max_length is None]
    at_uuid = spec.index("uuid")
    seps = len(spec.columns) - 1
    for row in rows:
        line = SEP.join(["" if v is None else v if v.__class__ is str else str(v) for v in row])
        if line.count(SEP) != seps or not is_clean(line.replace(SEP, "")):
            # a stored text no cell can hold (written before text was cleaned at the door): sent cleaned, so
            # the checksum covers what the cell holds, and named in the export's report
            fixed = tuple(clean_value(v) for v in row)
            cleaned.extend(Problem(spec.name, None, spec.columns[i].key, str(row[at_uuid]),
                                   "含无法写入 Excel 的控制字符，已去除后导出") for i, v in enumerate(row) if v != fixed[i])
            row = fixed
            line = SEP.join(["" if v is None else v if v.__class__ is str else str(v) for v in row])
        batch.append(line)
        if any(row[i] is not None and len(row[i]) > CELL_LIMIT for i in long_text):
            row = list(row)
            for i in long_text:
                text = row[i]
                if text is not None and len(text) > CELL_LIMIT:
                    row[i] = text[:CELL_LIMIT]
                    for part, start in enumerate(range(CELL_LIMIT, len(text), CELL_LIMIT), start=1):
                        overflow.append((spec.name, row[at_uuid], spec.columns[i].key, part,
                                         text[start:start + CELL_LIMIT]))
        yield row
        if len(batch) >= 1000:
            checksum.rows_text(END.join(batch) + END)
            batch.clear()
    if batch:
        checksum.rows_text(END.join(batch) + END)


def write_site_workbook(path: str | os.PathLike[str], manifest: dict[str, str], sheets: Sequence[SheetData],
                        progress: Progress | None = None, cancel: Cancel | None = None,
                        cleaned: list[Problem] | None = None, key: bytes | None = None) -> str:
    """Write every sheet and then the manifest (with per-sheet counts and the checksum); return the checksum.
    A stored text that a cell cannot hold is written cleaned and named in ``cleaned`` (record uuid as value).

    Raises ExportCancelled when ``cancel()`` turns true; no file is left behind then.
    """
    total = sum(s.count for s in sheets)
    manifest = {**manifest, "integrity": KEYED if key is not None else PLAIN}
    checksum = Checksum(key)
    checksum.manifest(manifest)
    cleaned = [] if cleaned is None else cleaned
    counts: dict[str, int] = {}
    parts: dict[str, int] = {}
    overflow: list[tuple[str, str, str, int, str]] = []
    done = 0
    with XlsxWriter(path) as writer:
        for sheet in sheets:
            checksum.sheet(sheet.spec.name, sheet.spec.keys)
            rows = iter(_summed(sheet.spec, sheet.rows, checksum, overflow, cleaned))
            count = 0
            for part in itertools.count(1):
                head = next(rows, None) if part > 1 else None
                if part > 1 and head is None:
                    break
                offset = done

                def report(n: int, _total: int | None, offset: int = offset) -> None:
                    if progress is not None:
                        progress(offset + n, total)

                piece = rows if part == 1 else itertools.chain([head], rows)
                wrote = writer.add_sheet(
                    sheet.spec.name if part == 1 else f"{sheet.spec.name}{PART_MARK}{part}", _columns(sheet.spec),
                    itertools.islice(piece, PART_ROWS), total=sheet.count, progress=report, cancel=cancel,
                )
                count += wrote
                done += wrote
                parts[sheet.spec.name] = part
                if wrote < PART_ROWS:
                    break
            counts[sheet.spec.name] = count
        if overflow:
            writer.add_sheet(OVERFLOW_SHEET, [Column(k, k, Kind.INT if k == "part" else Kind.TEXT)
                                              for k in OVERFLOW_KEYS], overflow)
        manifest = {**manifest, "overflow": str(len(overflow))}
        digest = checksum.hexdigest()
        items = {"format": FORMAT, **manifest, "sheets": ",".join(counts), "checksum": digest}
        items.update({f"rows.{name}": str(n) for name, n in counts.items()})
        items.update({f"parts.{name}": str(n) for name, n in parts.items() if n > 1})
        writer.add_sheet(MANIFEST_SHEET, [Column("key", "key", width=24), Column("value", "value", width=70)],
                         list(items.items()))
    return digest
