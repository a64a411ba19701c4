"""The scratch file of a large import: repeated uuids come back with the line first seen, known ones are found
per table, and kept chunks come back in order, per table, exactly as they were put aside."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from frontdesk.db.scratch import ImportScratch


def test_repeats_are_named_with_the_line_first_seen_in_the_same_table_only(tmp_path):
    store = ImportScratch(tmp_path / "rows.db")
    try:
        assert store.remember("contact", ["a", "b", "c"], [2, 3, 4]) == []
        assert store.remember("staff", ["a"], [2]) == []  # another table: not a repeat
        assert store.remember("contact", ["d", "b", "d"], [5, 6, 7]) == [(6, "b", 3), (7, "d", 5)]
        assert store.known("contact", ["a", "d", "x"]) == {"a", "d"}
        assert store.known("staff", ["a", "b"]) == {"a"}
        assert store.known("complaint", ["a"]) == set()
    finally:
        store.close()
    assert not (tmp_path / "rows.db").exists()


def test_kept_chunks_come_back_in_order_per_table(tmp_path):
    store = ImportScratch(tmp_path / "rows.db")
    first = ([("u1", Decimal("9.50"), date(2026, 12, 1), None)], [2])
    try:
        store.keep("fine_rule", first)
        store.keep("contact", ([("c1",)], [2]))
        store.keep("fine_rule", ([("u2", Decimal("0"), None, True)], [3]))
        assert list(store.kept("fine_rule")) == [first, ([("u2", Decimal("0"), None, True)], [3])]
        assert list(store.kept("contact")) == [([("c1",)], [2])]
        assert list(store.kept("staff")) == []
    finally:
        store.close()


def test_many_uuids_are_looked_up_past_the_variable_limit(tmp_path):
    store = ImportScratch(tmp_path / "rows.db")
    uuids = [f"u{i:05d}" for i in range(5_000)]
    try:
        assert store.remember("contact", uuids, list(range(2, 5_002))) == []
        assert store.known("contact", uuids[::-1]) == set(uuids)
        again = store.remember("contact", uuids[-3:], [9_000, 9_001, 9_002])
        assert again == [(9_000, "u04997", 4_999), (9_001, "u04998", 5_000), (9_002, "u04999", 5_001)]
    finally:
        store.close()
