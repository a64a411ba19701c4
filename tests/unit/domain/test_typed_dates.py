"""Typed dates, table-driven: every form a clerk types, the shortcuts, and what is refused."""

from __future__ import annotations

from datetime import date

import pytest

from frontdesk.domain.typed_dates import (
    NO_SUCH_DAY,
    NOT_A_DATE,
    DateTypingError,
    format_date,
    parse_typed_date,
)

TODAY = date(2026, 11, 18)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1120", date(2026, 11, 20)),
        ("0105", date(2026, 1, 5)),
        ("11-20", date(2026, 11, 20)),
        ("1-5", date(2026, 1, 5)),
        ("11/20", date(2026, 11, 20)),
        ("11.20", date(2026, 11, 20)),
        ("11月20日", date(2026, 11, 20)),
        ("20261120", date(2026, 11, 20)),
        ("2026-11-20", date(2026, 11, 20)),
        ("2026/11/20", date(2026, 11, 20)),
        ("2026.11.20", date(2026, 11, 20)),
        ("2026-1-5", date(2026, 1, 5)),
        ("2026年11月20日", date(2026, 11, 20)),
        ("2026／11／20", date(2026, 11, 20)),
        ("  2026-11-20  ", date(2026, 11, 20)),
        ("t", TODAY),
        ("T", TODAY),
        ("今天", TODAY),
        ("+3", date(2026, 11, 21)),
        ("+ 14", date(2026, 12, 2)),
        ("-1", date(2026, 11, 17)),
        ("-18", date(2026, 10, 31)),
        ("+0", TODAY),
        ("20240229", date(2024, 2, 29)),
        ("", None),
        ("   ", None),
    ],
)
def test_typed_forms(text: str, expected: date | None) -> None:
    assert parse_typed_date(text, TODAY) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("未填写", NOT_A_DATE),
        ("填写0261120", NOT_A_DATE),
        ("abc", NOT_A_DATE),
        ("112", NOT_A_DATE),
        ("2026112", NOT_A_DATE),
        ("20261320", NO_SUCH_DAY),
        ("20250229", NO_SUCH_DAY),
        ("0230", NO_SUCH_DAY),
        ("13-01", NO_SUCH_DAY),
        ("2026-02-30", NO_SUCH_DAY),
        ("00010101", NOT_A_DATE),
        ("+99999", NOT_A_DATE),
        ("t+1", NOT_A_DATE),
    ],
)
def test_refused(text: str, message: str) -> None:
    with pytest.raises(DateTypingError) as exc:
        parse_typed_date(text, TODAY)
    assert str(exc.value) == message


@pytest.mark.parametrize(
    ("today", "text", "expected"),
    [
        (date(2026, 12, 31), "+1", date(2027, 1, 1)),  # over the year end
        (date(2027, 1, 1), "-1", date(2026, 12, 31)),
        (date(2028, 2, 29), "0229", date(2028, 2, 29)),  # leap day in the current year
        (date(2028, 3, 1), "-1", date(2028, 2, 29)),
        (date(2027, 1, 1), "1231", date(2027, 12, 31)),  # month-and-day stays in today's year
    ],
)
def test_edges_of_the_calendar(today: date, text: str, expected: date) -> None:
    assert parse_typed_date(text, today) == expected


def test_format_round_trips() -> None:
    assert format_date(date(2026, 1, 5)) == "2026-01-05"
    assert format_date(None) == ""
    assert parse_typed_date(format_date(date(2026, 1, 5)), TODAY) == date(2026, 1, 5)
