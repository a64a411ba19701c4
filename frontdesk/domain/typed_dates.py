"""Dates as a clerk types them (``1120``, ``11-20``, ``20261120``, ``2026/11/20``, ``t``, ``+3``): one pure parser."""

from __future__ import annotations

import re
from datetime import date, timedelta

from frontdesk.errors import T

NOT_A_DATE = T("errors", "无法识别的日期，可输入 1120、11-20、20261120、2026-11-20、t（今天）、+3 或 -1")
NO_SUCH_DAY = T("errors", "没有这一天")

_TODAY = {"t", "today", "今", "今天", "j", "jt"}
_OFFSET = re.compile(r"^([+-])\s*(\d{1,4})$")
_YMD = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_MD = re.compile(r"^(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")


class DateTypingError(ValueError):
    """The text is not a date; ``message`` (also ``str(exc)``) is the translatable message to show."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def parse_typed_date(text: str, today: date) -> date | None:
    """The date ``text`` means on ``today``; ``None`` for blank text; :class:`DateTypingError` otherwise.

    Month-and-day forms (``1120``, ``11-20``, ``11月20日``) fall in ``today``'s year. ``t`` (or 今天) is today,
    ``+3`` three days on, ``-1`` yesterday. Full dates: ``20261120``, ``2026-11-20``, ``2026/11/20``,
    ``2026.11.20``, ``2026年11月20日``, with or without leading zeros when separated.
    """
    s = text.strip().lower().replace("／", "/").replace("－", "-").replace("＋", "+").replace("。", ".")
    if not s:
        return None
    if s in _TODAY:
        return today
    if m := _OFFSET.match(s):
        days = int(m.group(2))
        try:
            return today + timedelta(days=days if m.group(1) == "+" else -days)
        except OverflowError as exc:
            raise DateTypingError(NOT_A_DATE) from exc
    if s.isdigit() and len(s) == 8:
        return _make(int(s[:4]), int(s[4:6]), int(s[6:]))
    if s.isdigit() and len(s) == 4:
        return _make(today.year, int(s[:2]), int(s[2:]))
    if m := _YMD.match(s):
        return _make(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if m := _MD.match(s):
        return _make(today.year, int(m.group(1)), int(m.group(2)))
    raise DateTypingError(NOT_A_DATE)


def _make(year: int, month: int, day: int) -> date:
    if not 1900 <= year <= 2999:
        raise DateTypingError(NOT_A_DATE)
    try:
        return date(year, month, day)
    except ValueError as exc:
        raise DateTypingError(NO_SUCH_DAY) from exc


def format_date(value: date | None) -> str:
    """How a date field shows its value once typed: ``2026-11-20``; empty for ``None``."""
    return value.isoformat() if value else ""
