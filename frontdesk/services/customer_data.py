"""Customer phone numbers leaving the program in a file: masked unless the actor may export customer data."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from frontdesk.domain.phones import mask_phone
from frontdesk.domain.roles import Actor, Permission
from frontdesk.excel.exporter import Column

CUSTOMER_PHONE_KEYS = frozenset({"phone"})  # the column key every customer list gives its phone column


def guard_phones(actor: Actor, columns: Sequence[Column], rows: Iterable[Any]) -> Iterable[Any]:
    """``rows`` (tuples in column order or dicts by key) with customer phones masked as 138****8000.

    Seed 001 forbids leaking customer data (严禁泄露…客户资料): a clerk's export carries no full number;
    an actor with EXPORT_CUSTOMER_DATA (manager and admin by default) gets the rows untouched.
    """
    if actor.can(Permission.EXPORT_CUSTOMER_DATA):
        return rows
    indexes = [i for i, c in enumerate(columns) if c.key in CUSTOMER_PHONE_KEYS]
    return _masked(rows, indexes, [columns[i].key for i in indexes]) if indexes else rows


def _masked(rows: Iterable[Any], indexes: list[int], keys: list[str]) -> Iterator[Any]:
    for row in rows:
        if isinstance(row, Mapping):
            row = dict(row)
            for key in keys:
                row[key] = mask_phone(row.get(key))
        else:
            row = list(row)
            for i in indexes:
                row[i] = mask_phone(row[i])
            row = tuple(row)
        yield row
