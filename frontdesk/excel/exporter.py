"""The one list exporter every module uses: typed columns streamed to a formatted, formula-safe .xlsx."""

from __future__ import annotations

import io
import os
import re
import shutil
import tempfile
import zipfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from frontdesk.excel.cells import (
    YUAN_FORMAT,
    Column,
    Encoder,
    Kind,
    display_width,
    encoder,
    known_width,
    number_format,
    sample_width,
)
from frontdesk.paths import owner_only

if TYPE_CHECKING:
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

__all__ = ["YUAN_FORMAT", "Column", "ExportCancelled", "Kind", "XlsxWriter", "export_rows"]

Progress = Callable[[int, int | None], None]
Cancel = Callable[[], bool]

CHUNK_ROWS = 1000  # rows between flushes, progress reports and cancel checks
SAMPLE_ROWS = 1000  # leading rows measured for automatic column widths


class ExportCancelled(Exception):
    """The user cancelled an export; no file was written."""


# --- the writer --------------------------------------------------------------------------------------------


@dataclass
class _Sheet:
    ws: WriteOnlyWorksheet
    columns: Sequence[Column]
    rows_xml: IO[bytes]
    count: int = 0
    widths: list[int] = field(default_factory=list)


class XlsxWriter:
    """A workbook of one or more streamed sheets; the file appears (atomically) only when closed.

    ``with XlsxWriter(path) as w: w.add_sheet(...)``. Leaving the block with an exception, including
    ExportCancelled, writes nothing. Rows go to a temporary file as sheet XML written here (openpyxl's
    per-cell writer is ~10x slower); openpyxl builds everything else and the rows are spliced in on close.
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        if not self.path.parent.is_dir():  # fail before streaming a million rows, not after
            raise FileNotFoundError(f"folder does not exist: {self.path.parent}")
        self._wb = Workbook(write_only=True)
        self._sheets: list[_Sheet] = []
        self._closed = False

    def __enter__(self) -> XlsxWriter:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, *_: object) -> None:
        if exc_type is None:
            self.close()
        else:
            self.abort()

    def add_sheet(self, title: str, columns: Sequence[Column], rows: Iterable[Sequence[Any] | Mapping[str, Any]],
                  *, total: int | None = None, progress: Progress | None = None,
                  cancel: Cancel | None = None) -> int:
        """Stream ``rows`` (tuples in column order, or dicts by column key) into a new sheet; return the count.

        ``rows`` is consumed once, lazily: pass a peewee ``query.tuples().iterator()`` (or ``.dicts()``), not
        the query itself, which would cache every row. ``progress(done, total)`` is called every
        CHUNK_ROWS rows and at the end; when ``cancel()`` returns True, ExportCancelled is raised.
        """
        if self._closed:
            raise RuntimeError("XlsxWriter is closed")
        if not columns:
            raise ValueError("a sheet needs at least one column")
        if total is None and isinstance(rows, Sequence):  # not any Sized: len(peewee query) fetches it all
            total = len(rows)
        ws = self._wb.create_sheet(_sheet_title(title, self._wb.sheetnames))
        sheet = _Sheet(ws, columns, tempfile.TemporaryFile(prefix="frontdesk-export-", suffix=".xml"))
        self._sheets.append(sheet)
        try:
            self._stream(sheet, rows, total, progress, cancel)
        except BaseException:
            self.abort()
            raise
        return sheet.count

    def _encoder(self, ws: WriteOnlyWorksheet, column: Column) -> Encoder:
        fmt = number_format(column)
        if fmt is None:
            return encoder(column)
        cell = WriteOnlyCell(ws)  # registers the format in the workbook's styles; its index goes in s="…"
        cell.number_format = fmt
        return encoder(column, cell.style_id)

    def _stream(self, sheet: _Sheet, rows: Iterable[Any], total: int | None,
                progress: Progress | None, cancel: Cancel | None) -> None:
        columns = sheet.columns
        ncols = len(columns)
        keys = [column.key for column in columns]
        by_key = itemgetter(*keys) if ncols > 1 else (lambda row: (row[keys[0]],))
        cells = [(f'<c r="{get_column_letter(i)}', self._encoder(sheet.ws, c)) for i, c in enumerate(columns, 1)]
        known = [known_width(c) for c in columns]
        widths = sheet.widths = [w or 0 for w in known]
        measure = [i for i, c in enumerate(columns) if c.width is None and known[i] is None]
        out, chunk, n = sheet.rows_xml, [], 0  # n: rows written so far
        if cancel is not None and cancel():
            raise ExportCancelled
        try:
            for values in rows:
                if values.__class__ is not tuple and isinstance(values, Mapping):
                    values = by_key(values)
                elif len(values) != ncols:
                    raise ValueError(f"expected {ncols} values per row, got {len(values)}: {values!r}")
                r = str(n + 2)  # row 1 is the header
                parts = [f'<row r="{r}">']
                for (start, encode), value in zip(cells, values, strict=False):
                    if value is not None:
                        parts.append(f"{start}{r}{encode(value)}")
                parts.append("</row>")
                chunk.append("".join(parts))
                if n < SAMPLE_ROWS:
                    for i in measure:
                        if values[i] is not None:
                            widths[i] = max(widths[i], sample_width(columns[i], values[i]))
                n += 1
                if n % CHUNK_ROWS == 0:
                    out.write("".join(chunk).encode())
                    chunk.clear()
                    if progress is not None:
                        progress(n, total)
                    if cancel is not None and cancel():
                        raise ExportCancelled
        except Exception as exc:
            if not isinstance(exc, ExportCancelled):
                exc.add_note(f"while exporting data row {n + 1} to sheet {sheet.ws.title!r}")
            raise
        sheet.count = n
        if chunk or not n:  # the last partial chunk (or an empty sheet) is not reported yet
            out.write("".join(chunk).encode())
            if progress is not None:
                progress(n, total)
            if cancel is not None and cancel():
                raise ExportCancelled

    def abort(self) -> None:
        """Discard everything written so far; no file is created."""
        self._closed = True
        for sheet in self._sheets:
            sheet.rows_xml.close()

    def close(self) -> None:
        """Write the workbook to a temporary file beside ``path``, then move it into place."""
        if self._closed:
            return
        try:
            if not self._sheets:
                raise ValueError("nothing to write: add a sheet first")
            for sheet in self._sheets:
                _finish_sheet(sheet)
            skeleton = io.BytesIO()
            self._wb.save(skeleton)
            _assemble(skeleton, {s.ws.path.lstrip("/"): s.rows_xml for s in self._sheets}, self.path)
        finally:
            self.abort()


_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_HEADER_ALIGN = Alignment(horizontal="center", vertical="center")
_HEADER_BORDER = Border(bottom=Side(style="thin", color="8EA9DB"))
_INVALID_TITLE = re.compile(r"[\\*?:/\[\]]")


def _sheet_title(title: str, taken: list[str]) -> str:
    base = _INVALID_TITLE.sub("_", title).strip("'")[:31] or "Sheet"
    candidate, i = base, 1
    while candidate.casefold() in (t.casefold() for t in taken):
        i += 1
        candidate = f"{base[:31 - len(str(i)) - 2]}({i})"
    return candidate


def _finish_sheet(sheet: _Sheet) -> None:
    """Widths, frozen header, autofilter and the header row, set before openpyxl writes the sheet."""
    ws, columns = sheet.ws, sheet.columns
    header = []
    for i, column in enumerate(columns):
        letter = get_column_letter(i + 1)
        measured = max(display_width(column.header) + 3, sheet.widths[i] + 2, 8)  # 3: the filter button
        ws.column_dimensions[letter].width = column.width or min(measured, 50)
        cell = WriteOnlyCell(ws, value=column.header)
        cell.data_type = "s"  # a header is text even if it starts with '='
        cell.font, cell.fill, cell.alignment, cell.border = _HEADER_FONT, _HEADER_FILL, _HEADER_ALIGN, _HEADER_BORDER
        header.append(cell)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{sheet.count + 1}"
    ws.append(header)


def _assemble(skeleton: io.BytesIO, rows_by_part: dict[str, IO[bytes]], path: Path) -> None:
    """Copy openpyxl's package, splicing each sheet's streamed rows in after its header row."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=".xlsx.tmp", dir=path.parent)
    os.close(fd)
    try:
        owner_only(tmp)  # mkstemp's 0600 already, said out loud: os.replace keeps it for the export
        with zipfile.ZipFile(skeleton) as src, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as dst:
            for info in src.infolist():
                data = src.read(info)
                rows_xml = rows_by_part.get(info.filename)
                if rows_xml is None:
                    dst.writestr(info, data)
                    continue
                head, end, tail = data.partition(b"</sheetData>")
                if not end or end in tail:
                    raise RuntimeError(f"unexpected sheet XML from openpyxl in {info.filename}")
                size = rows_xml.seek(0, os.SEEK_END)
                rows_xml.seek(0)
                with dst.open(info.filename, "w", force_zip64=size > 1 << 31) as part:
                    part.write(head)
                    shutil.copyfileobj(rows_xml, part, 1 << 20)
                    part.write(end + tail)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def export_rows(path: str | os.PathLike[str], sheet_title: str, columns: Sequence[Column],
                rows: Iterable[Sequence[Any] | Mapping[str, Any]], *, total: int | None = None,
                progress: Progress | None = None, cancel: Cancel | None = None) -> int:
    """Export ``rows`` as one formatted sheet at ``path``; return the row count or raise ExportCancelled."""
    with XlsxWriter(path) as writer:
        return writer.add_sheet(sheet_title, columns, rows, total=total, progress=progress, cancel=cancel)
