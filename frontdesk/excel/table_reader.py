"""Read a hand-typed sheet: headers found by Chinese or English names, blank rows and extra columns ignored."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from frontdesk.errors import T
from frontdesk.excel.sync_format import Problem
from frontdesk.excel.sync_validate import WorkbookRefused, open_workbook, read_sheet

_NOISE = re.compile(r"[\s_\-（）()*:：.。]+")  # "Staff No." reads as "staff no"


@dataclass(frozen=True)
class HeaderField:
    """A column the import understands: its key, the names a clerk may type, and whether it must be there."""

    key: str
    names: tuple[str, ...]
    required: bool = False


def _norm(text: Any) -> str:
    return _NOISE.sub("", str(text or "")).casefold()


def _match(header: Sequence[Any], fields: Sequence[HeaderField]) -> dict[str, int]:
    wanted = {_norm(n): f.key for f in fields for n in (f.key, *f.names)}
    found: dict[str, int] = {}
    for i, cell in enumerate(header):
        key = wanted.get(_norm(cell))
        if key is not None and key not in found:
            found[key] = i
    return found


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def cell_text(value: Any) -> str:
    """A hand-typed cell as text: a whole number Excel stored as 1001.0 reads "1001"; blank is ""."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value).strip()


def cell_date(value: Any) -> dt.date | None:
    """A hand-typed date cell (an Excel date, 2024-03-01, 2024/3/1, 2024.3.1, 2024年3月1日); None when blank.

    Raises ValueError with the message to show beside the cell."""
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = cell_text(value).replace("/", "-").replace(".", "-").replace("年", "-").replace("月", "-").rstrip("日")
    try:
        year, month, day = (int(p) for p in text.split("-"))
        return dt.date(year, month, day)
    except ValueError:
        raise ValueError(T("errors", "不是日期（例如 2024-03-01）")) from None


def read_table(path: str | os.PathLike[str], fields: Sequence[HeaderField],
               max_header_row: int = 10) -> tuple[str, list[tuple[int, dict[str, Any]]]]:
    """The best-matching sheet's name and its non-blank rows as (Excel row number, {key: value}).

    The header may sit below a title line (within the first ``max_header_row`` rows). Raises
    WorkbookRefused when no sheet has every required column.
    """
    book = open_workbook(path)
    best: tuple[int, str, int, dict[str, int], list[list[Any]]] | None = None
    for name in book.sheet_names:
        rows = read_sheet(book, name)
        for at, header in enumerate(rows[:max_header_row]):
            found = _match(header, fields)
            if best is None or len(found) > best[0]:
                best = (len(found), name, at, found, rows)
    if best is None or not best[3]:
        raise WorkbookRefused([Problem(path.__fspath__() if hasattr(path, "__fspath__") else str(path), None, "", "",
                                       "找不到表头：第一行应为列名，例如 " + "、".join(f.names[0] for f in fields))])
    _, sheet, at, found, rows = best
    missing = [f for f in fields if f.required and f.key not in found]
    if missing:
        raise WorkbookRefused([Problem(sheet, at + 1, f.names[0], "", "缺少此列") for f in missing])
    out: list[tuple[int, dict[str, Any]]] = []
    for line, raw in enumerate(rows[at + 1:], start=at + 2):
        values = {key: (raw[i] if i < len(raw) else None) for key, i in found.items()}
        if all(_blank(v) for v in values.values()):
            continue
        out.append((line, {k: (v.strip() if isinstance(v, str) else v) for k, v in values.items()}))
    return sheet, out
