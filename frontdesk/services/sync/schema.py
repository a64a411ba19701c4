"""Which tables travel between sites and how: every registered SyncedModel, in reference order."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import peewee

from frontdesk.db import sync_sql
from frontdesk.db.models import all_models
from frontdesk.db.models.base import SyncedModel
from frontdesk.excel.sync_format import FieldKind, SheetSpec, SyncColumn

# Account state that belongs to one site's logins, never sent: a model may add its own as
# ``sync_local_fields = ("field", ...)``.
LOCAL_ONLY: dict[str, tuple[str, ...]] = {"staff": ("password_hash", "failed_logins", "locked_until", "last_login")}
# bookkeeping and origin stamps: records differing only here hold the same content (a seed row created
# with one uuid at every site differs in site and creation time alone)
NOT_CONTENT = ("revision", "updated_at", "created_at", "site_code", "origin_site", "origin_seq")
# this database's own change number of a row and the peer whose import wrote it: stamped here, never sent
CHANGE_SEQ, CHANGE_PEER = "change_seq", "change_peer"
CHUNK = 900  # uuids per IN (...) query, under SQLite's variable limit


def synced_models() -> list[type[SyncedModel]]:
    """Every synced table of the model registry, referenced tables before the tables that reference them."""
    models = {m._meta.table_name: m for m in all_models()
              if issubclass(m, SyncedModel) and not m._meta.options.get("sync_skip")}
    deps = {
        name: sorted({f.rel_model._meta.table_name for f in m._meta.sorted_fields
                      if isinstance(f, peewee.ForeignKeyField) and f.rel_model is not m} & set(models))
        for name, m in models.items()
    }
    ordered: list[str] = []
    visiting: set[str] = set()

    def visit(name: str) -> None:
        if name in ordered or name in visiting:
            return
        visiting.add(name)
        for dep in deps[name]:
            visit(dep)
        ordered.append(name)

    for name in sorted(models):
        visit(name)
    return [models[name] for name in ordered]


def _kind(field: peewee.Field) -> FieldKind:
    if isinstance(field, peewee.ForeignKeyField):
        return FieldKind.UUID
    if isinstance(field, peewee.BooleanField):
        return FieldKind.BOOL
    if isinstance(field, peewee.DateTimeField):
        return FieldKind.DATETIME
    if isinstance(field, peewee.DateField):
        return FieldKind.DATE
    if isinstance(field, peewee.IntegerField | peewee.BigIntegerField | peewee.SmallIntegerField):
        return FieldKind.INT  # MoneyField too: integer fen
    if isinstance(field, peewee.CharField | peewee.TextField):
        return FieldKind.UUID if field.name == "uuid" else FieldKind.TEXT
    raise TypeError(f"{field.model.__name__}.{field.name}: {type(field).__name__} cannot be synced yet")


def local_fields(model: type[SyncedModel]) -> tuple[str, ...]:
    return LOCAL_ONLY.get(model._meta.table_name, ()) + tuple(getattr(model, "sync_local_fields", ()))


def local_defaults(table: str) -> dict[str, Any]:
    """Values for the site-local columns of a record inserted by an import (peewee defaults live in Python)."""
    model = next((m for m in synced_models() if m._meta.table_name == table), None)
    out: dict[str, Any] = {}
    for name in local_fields(model) if model is not None else ():
        f = model._meta.fields[name]
        value = f.default() if callable(f.default) else f.default
        out[f.column_name] = f.db_value(value)
    return out


def synced_fields(model: type[SyncedModel]) -> list[peewee.Field]:
    skip = {"id", CHANGE_SEQ, CHANGE_PEER, *local_fields(model)}
    return [f for f in model._meta.sorted_fields if f.name not in skip]


def sheet_spec(model: type[SyncedModel]) -> SheetSpec:
    columns = []
    for f in synced_fields(model):
        references = f.rel_model._meta.table_name if isinstance(f, peewee.ForeignKeyField) else None
        columns.append(SyncColumn(f.column_name, _kind(f), bool(f.null), getattr(f, "max_length", None), references))
    return SheetSpec(model._meta.table_name, tuple(columns))


def specs() -> dict[str, SheetSpec]:
    return {m._meta.table_name: sheet_spec(m) for m in synced_models()}


def content_positions(spec: SheetSpec) -> list[int]:
    return [i for i, k in enumerate(spec.keys) if k not in NOT_CONTENT]


def select_sql(spec: SheetSpec, where: str = "") -> str:
    columns = ", ".join(f'"{k}"' for k in spec.keys)
    return f'SELECT {columns} FROM "{spec.name}"' + (f" WHERE {where}" if where else "")


def rows_by_uuid(spec: SheetSpec, uuids: Sequence[str], extra: str = "") -> dict[str, tuple[Any, ...]]:
    """The stored rows (database values, spec column order; ``extra`` columns appended) of ``uuids``."""
    columns = ", ".join([f'"{k}"' for k in spec.keys] + ([extra] if extra else []))
    at = spec.index("uuid")
    found: dict[str, tuple[Any, ...]] = {}
    for start in range(0, len(uuids), CHUNK):
        part = uuids[start:start + CHUNK]
        sql = f'SELECT {columns} FROM "{spec.name}" WHERE uuid IN ({",".join("?" * len(part))})'
        for row in sync_sql.rows(sql, part):
            found[row[at]] = row
    return found


def existing_uuids(table: str, uuids: Sequence[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(uuids), CHUNK):
        part = uuids[start:start + CHUNK]
        sql = f'SELECT uuid FROM "{table}" WHERE uuid IN ({",".join("?" * len(part))})'
        found.update(r[0] for r in sync_sql.rows(sql, part))
    return found
