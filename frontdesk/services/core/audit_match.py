"""Audited records against their audit trail: a fine or score rewritten or deleted with SQL no longer matches."""

from __future__ import annotations

import json
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from typing import Any

import peewee

from frontdesk.db.models import Assessment, AuditLog, Incident
from frontdesk.errors import Message, T
from frontdesk.services.core.audit import _plain

# entity -> (model, the fields whose newest audited value the stored record must still hold)
WATCHED: dict[str, tuple[type[peewee.Model], tuple[str, ...]]] = {
    "incident": (Incident, ("amount", "staff")),
    "assessment": (Assessment, ("total", "grade")),
}
CHUNK = 900  # uuids per IN (...) query
SHOWN = 20  # problems listed; the rest are counted


def _audited(entity: str, fields: tuple[str, ...]) -> dict[str, tuple[dict[str, Any], int]]:
    """Per record: the newest audited value of each watched field, and the id of the entry that set it last."""
    found: dict[str, tuple[dict[str, Any], int]] = {}
    rows = (AuditLog.select(AuditLog.id, AuditLog.entity_uuid, AuditLog.new_value)
            .where((AuditLog.entity == entity) & (AuditLog.new_value != "")).order_by(AuditLog.at, AuditLog.id)
            .tuples())
    for entry_id, uuid, text in rows.iterator():
        new = json.loads(text)
        values, last = found.get(uuid, ({}, 0))
        picked = {k: new[k] for k in fields if k in new}
        if picked:
            values.update(picked)
            last = entry_id
        found[uuid] = (values, last)
    return {u: v for u, v in found.items() if v[0]}


def _same(stored: Any, audited: Any) -> bool:
    """Equal as audit writes them; amounts and totals by value (an audited "10" is a stored 10.00)."""
    if stored == audited:
        return True
    if isinstance(stored, bool) or isinstance(audited, bool) or stored is None or audited is None:
        return False
    try:
        return Decimal(str(stored)) == Decimal(str(audited))
    except InvalidOperation:
        return False


def _stored(model: type[peewee.Model], uuids: list[str]) -> Iterator[peewee.Model]:
    for start in range(0, len(uuids), CHUNK):
        yield from model.select().where(model.uuid.in_(uuids[start:start + CHUNK]))


def problems() -> list[Message]:
    """One message per audited record that was deleted, or whose watched fields differ from their audit."""
    out: list[Message] = []
    for entity, (model, fields) in WATCHED.items():
        audited = _audited(entity, fields)
        stored = {row.uuid: row for row in _stored(model, list(audited))}
        for uuid, (values, entry) in audited.items():
            row = stored.get(uuid)
            label = getattr(row, "number", "") or uuid
            if row is None:
                out.append(T("errors", "记录被删除：{0} {1}（审计第 {2} 条记有它），数据库中已没有这条记录").format(
                    entity, uuid, entry))
                continue
            for name, value in values.items():
                now_value = _plain(row.__data__.get(name))
                if not _same(now_value, value):
                    out.append(T("errors", "记录与审计不符：{0} {1} 的 {2} 现为 {3}，审计第 {4} 条记为 {5}").format(
                        entity, label, name, now_value, entry, value))
    if len(out) > SHOWN:
        return [*out[:SHOWN], T("errors", "另有 {0} 处记录与审计不符").format(len(out) - SHOWN)]
    return out
