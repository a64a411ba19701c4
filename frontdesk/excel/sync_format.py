"""The site-export workbook format: sheet specs, cell parsers, canonical rows, checksums (no peewee, no Qt)."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum
from functools import cached_property
from typing import Any

from frontdesk.domain.text import clean, is_clean

FORMAT = "frontdesk-site-export/1"
MANIFEST_SHEET = "_manifest"
OVERFLOW_SHEET = "_overflow"  # the rest of texts longer than one Excel cell holds
OVERFLOW_KEYS = ("sheet", "uuid", "column", "part", "text")
CELL_LIMIT = 32_000  # Excel keeps at most 32,767 characters in a cell
SEP, END = "\x1f", "\x1e"
# manifest entries the checksum covers too: who sent it to whom, which slice of change numbers, the vectors
# a table of more rows than this continues on sheets "<table>~2", "<table>~3"… (manifest "parts.<table>"), so
# a reader that loads a sheet whole (calamine does) holds one part at a time; Excel opens each part on its own
PART_ROWS = 10_000
PART_MARK = "~"
COVERED_KEYS = ("integrity", "site_code", "destination", "export_no", "from_seq", "to_seq", "vector_before", "vector",
                "received_seq", "schema_version", "attachments", "attachments_digest")


def dump_vector(vector: dict[str, int]) -> str:
    """A version vector as manifest text: ``HQ:120,S01:37`` (sites sorted)."""
    return ",".join(f"{site}:{vector[site]}" for site in sorted(vector))


def parse_vector(text: str) -> dict[str, int]:
    """The inverse of dump_vector; ValueError for anything else."""
    out: dict[str, int] = {}
    for part in filter(None, (text or "").split(",")):
        site, _, number = part.partition(":")
        if not site or not number.isdigit():
            raise ValueError(part)
        out[site] = int(number)
    return out


class FieldKind(Enum):
    """How a synced column travels: every value is the database's own stored form."""

    TEXT = "text"
    INT = "int"  # integers, money in fen, booleans as 0/1
    BOOL = "bool"
    DATETIME = "datetime"  # text "YYYY-MM-DD HH:MM:SS"
    DATE = "date"  # text "YYYY-MM-DD"
    UUID = "uuid"  # a reference: the referenced record's uuid


@dataclass(frozen=True)
class SyncColumn:
    """One column of a synced sheet; ``key`` is the database column name (stable across versions)."""

    key: str
    kind: FieldKind
    nullable: bool = False
    max_length: int | None = None
    references: str | None = None  # the referenced sheet (table) for a UUID column


@dataclass(frozen=True)
class SheetSpec:
    """One synced table: its sheet name (the table name) and columns, ``uuid`` among them."""

    name: str
    columns: tuple[SyncColumn, ...]

    @cached_property
    def keys(self) -> list[str]:
        return [c.key for c in self.columns]

    @cached_property
    def flags(self) -> list[int]:
        """Positions of the flag (boolean) columns."""
        return [i for i, c in enumerate(self.columns) if c.kind is FieldKind.BOOL]

    @cached_property
    def _positions(self) -> dict[str, int]:
        return {c.key: i for i, c in enumerate(self.columns)}

    def index(self, key: str) -> int:
        return self._positions[key]


@dataclass(frozen=True)
class Problem:
    """Why a file is refused: where (sheet, Excel row, column), the value found, what is wrong."""

    sheet: str
    row: int | None
    column: str
    value: str
    message: str

    def __str__(self) -> str:
        where = self.sheet + (f" 第 {self.row} 行" if self.row else "") + (f" 列 {self.column}" if self.column else "")
        shown = f"“{self.value}”" if self.value else ""
        return f"{where}：{shown}{self.message}"


def canonical_row(values: Sequence[Any]) -> str:
    """The text a row contributes to checksums: None and "" alike (an empty cell holds both)."""
    return SEP.join(["" if v is None else v if v.__class__ is str else str(v) for v in values]) + END


PLAIN, KEYED = "sha256", "hmac-sha256"  # the manifest's ``integrity``: unpaired, or signed with the pairing key


class Checksum:
    """SHA-256 (HMAC-SHA256 with a pairing key) over the covered manifest entries and every sheet's name,
    column keys and canonical rows, in file order."""

    def __init__(self, key: bytes | None = None) -> None:
        self._h = hmac.new(key, digestmod=hashlib.sha256) if key is not None else hashlib.sha256()

    def manifest(self, items: dict[str, str]) -> None:
        """The covered manifest entries, first (an edited cursor or vector changes the checksum)."""
        self._h.update(SEP.join(f"{k}={items.get(k, '')}" for k in COVERED_KEYS).encode() + END.encode())

    def sheet(self, name: str, keys: Sequence[str]) -> None:
        self._h.update(f"{name}{END}{SEP.join(keys)}{END}".encode())

    def row(self, values: Sequence[Any]) -> None:
        self._h.update(canonical_row(values).encode())

    def rows_text(self, text: str) -> None:
        self._h.update(text.encode())

    def hexdigest(self) -> str:
        return self._h.hexdigest()


def digest(values: Sequence[Any]) -> bytes:
    """A short content digest of one record (8 bytes), used to tell who changed it since the last sync."""
    return hashlib.blake2b(canonical_row(values).encode(), digest_size=8).digest()


# --- cell parsers: a calamine value to the database's stored form, ValueError when it is not one ---------


def _number_text(value: float) -> str:
    return str(int(value)) if value.is_integer() else repr(value)


def _text(column: SyncColumn) -> Callable[[Any], Any]:
    limit, empty = column.max_length, None if column.nullable else ""

    def parse(value: Any) -> Any:
        if value.__class__ is not str:
            if isinstance(value, float):
                value = _number_text(value)
            elif isinstance(value, dt.datetime | dt.date | dt.time):
                value = str(value)
            else:
                value = "" if value is None else str(value)
        if not value:
            return empty
        value = clean(value)  # what a cell decoded from _x0007_ would bring in
        if limit is not None and len(value) > limit:
            raise ValueError(f"超过 {limit} 字")
        return value

    return parse


def _required(column: SyncColumn) -> Any:
    if column.nullable:
        return None
    raise ValueError("不能为空")


def _int(column: SyncColumn) -> Callable[[Any], Any]:
    def parse(value: Any) -> Any:
        if value.__class__ is float and value.is_integer():
            return int(value)
        if value == "" or value is None:
            return _required(column)
        if isinstance(value, bool):
            return int(value)
        if isinstance(value, int):
            return value
        if isinstance(value, str) and value.strip().lstrip("-").isdigit():
            return int(value)
        raise ValueError("不是整数")

    return parse


def _bool(column: SyncColumn) -> Callable[[Any], Any]:
    def parse(value: Any) -> Any:
        if value == "" or value is None:
            return _required(column)
        if value in (0, 1, True, False) and not isinstance(value, str):
            return int(value)
        if isinstance(value, str) and value.strip() in ("0", "1"):
            return int(value)
        raise ValueError("应为 0 或 1")

    return parse


def _datetime(column: SyncColumn) -> Callable[[Any], Any]:
    def parse(value: Any) -> Any:
        if value.__class__ is str and value:
            try:
                return str(dt.datetime.fromisoformat(value))
            except ValueError:
                raise ValueError("不是日期时间（YYYY-MM-DD HH:MM:SS）") from None
        if isinstance(value, dt.datetime):
            return str(value)
        if isinstance(value, dt.date):
            return str(dt.datetime.combine(value, dt.time()))
        if value == "" or value is None:
            return _required(column)
        raise ValueError("不是日期时间（YYYY-MM-DD HH:MM:SS）")

    return parse


def _date(column: SyncColumn) -> Callable[[Any], Any]:
    def parse(value: Any) -> Any:
        if value.__class__ is str and value:
            try:
                return dt.date.fromisoformat(value).isoformat()
            except ValueError:
                raise ValueError("不是日期（YYYY-MM-DD）") from None
        if isinstance(value, dt.datetime):
            return value.date().isoformat()
        if isinstance(value, dt.date):
            return value.isoformat()
        if value == "" or value is None:
            return _required(column)
        raise ValueError("不是日期（YYYY-MM-DD）")

    return parse


def _uuid(column: SyncColumn) -> Callable[[Any], Any]:
    def parse(value: Any) -> Any:
        if value.__class__ is str and len(value) == 36 and value.count("-") == 4:
            return value
        if value == "" or value is None:
            return _required(column)
        raise ValueError("不是有效的记录编号（UUID）")

    return parse


_PARSERS = {
    FieldKind.TEXT: _text, FieldKind.INT: _int, FieldKind.BOOL: _bool, FieldKind.DATETIME: _datetime,
    FieldKind.DATE: _date, FieldKind.UUID: _uuid,
}


def parser(column: SyncColumn) -> Callable[[Any], Any]:
    """The parser of ``column``'s cells."""
    return _PARSERS[column.kind](column)


def _fast(column: SyncColumn, values: list[Any]) -> list[Any] | None:
    """A whole column parsed at C speed when every cell has the usual shape; None to go cell by cell."""
    kinds = set(map(type, values))
    kind = column.kind
    if kind is FieldKind.TEXT and kinds == {str}:
        if not is_clean("".join(values)):
            return None
        if column.max_length is not None and max(map(len, values), default=0) > column.max_length:
            return None
        return [v or None for v in values] if column.nullable else values
    if kind is FieldKind.UUID and kinds <= {str}:
        lengths = set(map(len, values))
        if lengths <= {36} or (column.nullable and lengths <= {0, 36}):
            return [v or None for v in values] if 0 in lengths else values
        return None
    if kind in (FieldKind.INT, FieldKind.BOOL) and kinds == {float} and all(map(float.is_integer, values)):
        out = list(map(int, values))
        return out if kind is FieldKind.INT or set(out) <= {0, 1} else None
    if kind in (FieldKind.DATETIME, FieldKind.DATE) and kinds == {str}:
        if "" not in values:
            parse_iso = dt.datetime.fromisoformat if kind is FieldKind.DATETIME else dt.date.fromisoformat
            try:
                return list(map(str, map(parse_iso, values)))
            except ValueError:
                return None
        if column.nullable:
            cell = _PARSERS[kind](column)
            try:
                return [cell(v) if v else None for v in values]
            except ValueError:
                return None
    return None


def parse_column(column: SyncColumn, values: list[Any]) -> tuple[list[Any], list[tuple[int, str]]]:
    """Every cell of a column as database values, and the (index, message) of each cell that is not one."""
    fast = _fast(column, values) if values else []
    if fast is not None:
        return fast, []
    parse, out, errors = parser(column), [], []
    for i, value in enumerate(values):
        try:
            out.append(parse(value))
        except ValueError as exc:
            out.append(None)
            errors.append((i, str(exc)))
    return out, errors
