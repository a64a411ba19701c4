"""Column specs and their cell encoders: Python values to SpreadsheetML cells, text never a formula."""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum
from typing import Any

Encoder = Callable[[Any], str]
YUAN_FORMAT = '"¥"#,##0.00'
"""Money shown with a yuan sign; pass as ``Column(number_format=YUAN_FORMAT)``."""


class Kind(Enum):
    """How a column's values are written and formatted."""

    TEXT = "text"
    INT = "int"
    MONEY = "money"
    DATE = "date"
    DATETIME = "datetime"
    ENUM = "enum"
    BOOL = "bool"


DEFAULT_FORMATS = {Kind.MONEY: "#,##0.00", Kind.DATE: "yyyy-mm-dd", Kind.DATETIME: "yyyy-mm-dd hh:mm:ss"}
_FIXED_WIDTHS = {Kind.DATE: 10, Kind.DATETIME: 19, Kind.BOOL: 2}


@dataclass(frozen=True)
class Column:
    """One exported column: row key (dict rows) or position (tuple rows), Chinese header, kind."""

    key: str
    header: str
    kind: Kind = Kind.TEXT
    width: int | None = None  # Excel character units; None = measured from header and leading rows
    labels: Mapping[Any, str] | Callable[[Any], str] | None = field(default=None, hash=False)
    number_format: str | None = None  # overrides the kind's default, e.g. YUAN_FORMAT

    def __post_init__(self) -> None:
        if self.kind is Kind.ENUM and self.labels is None:
            raise ValueError(f"column {self.key!r}: an ENUM column needs labels (a mapping or a callable)")


# --- encoders: each returns the rest of a cell element after '<c r="A2' (the caller writes that part) ---

_SPECIAL = re.compile(r"[&<>\r\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]|_x[0-9A-Fa-f]{4}_")
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_OOXML_ESCAPE = re.compile(r"_(?=x[0-9A-Fa-f]{4}_)")  # Excel reads _x0041_ as "A" unless written _x005F_x0041_
_WS = " \t\n\r"
_MAX_TEXT = 32767
_EMPTY = '"/>'
_EPOCH_ORDINAL = dt.date(1899, 12, 30).toordinal()


def _text(value: Any) -> str:
    """An inline string cell: always text, so '=…', '+…', '-…' and '@…' are never formulas."""
    s = value if value.__class__ is str else str(value)
    if not s:
        return _EMPTY
    if len(s) > _MAX_TEXT:
        s = s[:_MAX_TEXT]
    head = '" t="inlineStr"><is><t xml:space="preserve">' if s[0] in _WS or s[-1] in _WS else (
        '" t="inlineStr"><is><t>')
    if _SPECIAL.search(s):  # control characters cannot be stored in .xlsx at all: they are dropped
        s = _OOXML_ESCAPE.sub("_x005F_", _ILLEGAL.sub("", s))
        s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
    return f"{head}{s}</t></is></c>"


def _number(value: Any) -> str:
    if value.__class__ is int:
        return str(value)
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        raise TypeError(f"expected a number, got {value!r}")
    if isinstance(value, int):
        return str(int(value))  # IntEnum and friends: the number, not the name
    if not (value.is_finite() if isinstance(value, Decimal) else math.isfinite(value)):
        raise ValueError(f"cannot write {value!r} to Excel")
    return str(value) if isinstance(value, Decimal) else repr(float(value))


def _days(value: dt.date) -> int:
    days = value.toordinal() - _EPOCH_ORDINAL
    if days <= 60:  # Excel's serials count a 29 February 1900 that never was
        if days < 2:
            raise ValueError(f"Excel cannot store dates before 1900-01-01: {value!r}")
        days -= 1
    return days


def _date(value: Any) -> str:
    if isinstance(value, dt.datetime):
        value = value.date()
    elif not isinstance(value, dt.date):
        raise TypeError(f"expected a date, got {value!r}")
    return str(_days(value))


def _datetime(value: Any) -> str:
    if not isinstance(value, dt.datetime):
        return _date(value)
    if value.tzinfo is not None:  # Excel has no time zones: show local wall-clock time
        value = value.astimezone().replace(tzinfo=None)
    seconds = value.hour * 3600 + value.minute * 60 + value.second + value.microsecond / 1e6
    return repr(_days(value) + seconds / 86400)


def _enum(labels: Mapping[Any, str] | Callable[[Any], str]) -> Callable[[Any], str]:
    if not isinstance(labels, Mapping):
        return lambda value: _text(labels(value))
    cache = {key: _text(label) for key, label in labels.items()}
    for key, cell in list(cache.items()):  # labels keyed by Enum members also serve their raw stored values
        if isinstance(key, Enum):
            cache.setdefault(key.value, cell)

    def encode(value: Any) -> str:
        cell = cache.get(value)
        if cell is None and isinstance(value, Enum):
            cell = cache.get(value.value)
        return cell if cell is not None else _text(value.value if isinstance(value, Enum) else value)

    return encode


_YES, _NO = _text("是"), _text("否")


def _bool(value: Any) -> str:
    return _YES if value else _NO


def encoder(column: Column, style_id: int = 0) -> Encoder:
    """The encoder for ``column``; number kinds carry ``style_id``, the workbook's index of its number format."""
    kind = column.kind
    if kind is Kind.TEXT:
        return _text
    if kind is Kind.BOOL:
        return _bool
    if kind is Kind.ENUM:
        return _enum(column.labels)  # type: ignore[arg-type]
    convert = {Kind.DATE: _date, Kind.DATETIME: _datetime}.get(kind, _number)
    head = f'" s="{style_id}"><v>' if style_id else '"><v>'
    return lambda value: f"{head}{convert(value)}</v></c>"


def number_format(column: Column) -> str | None:
    """The Excel number format of ``column``'s cells (None: General)."""
    return column.number_format or DEFAULT_FORMATS.get(column.kind)


# --- column widths --------------------------------------------------------------------------------------


def display_width(text: str) -> int:
    """Width of ``text``'s longest line in Excel character units (CJK counts double), capped at 80 chars."""
    line = max(text.split("\n"), key=len)[:80]
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)


def known_width(column: Column) -> int | None:
    """The data width of ``column`` when it does not depend on the rows (dates, 是/否, mapped labels)."""
    if column.kind is Kind.ENUM and isinstance(column.labels, Mapping):
        return max((display_width(str(label)) for label in column.labels.values()), default=0)
    return _FIXED_WIDTHS.get(column.kind)


def sample_width(column: Column, value: Any) -> int:
    """Display width of one value of ``column``."""
    if column.kind is Kind.MONEY:
        return len(f"{value:,.2f}") + (1 if "¥" in (column.number_format or "") else 0)
    if column.kind is Kind.ENUM and callable(column.labels):
        value = column.labels(value)
    return display_width(str(value))
