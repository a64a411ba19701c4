"""Frozen schema step 8 (contact index for status + category filters): SQL dumped from the v9 code; never edit."""

from __future__ import annotations

DDL: tuple[str, ...] = (
    'CREATE INDEX contact_status_category ON contact(status, category, received_at)',
    'ANALYZE contact',
)

ROWS: dict[str, tuple[tuple[str, ...], list[tuple[object, ...]]]] = {}
