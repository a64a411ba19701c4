"""Merging one parsed sheet into its table: insert new, update changed-only-there, skip, record conflicts."""

from __future__ import annotations

import itertools
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from frontdesk import clock
from frontdesk.db import changes, search_index, sync_sql
from frontdesk.db.models import current_site_code
from frontdesk.domain.roles import Role
from frontdesk.excel.sync_format import SheetSpec, digest
from frontdesk.excel.sync_validate import ParsedSheet
from frontdesk.services.core import master_data
from frontdesk.services.core import staff as staff_service
from frontdesk.services.sync.preparer import Job, work_out
from frontdesk.services.sync.schema import (
    CHANGE_PEER,
    CHANGE_SEQ,
    CHUNK,
    content_positions,
    local_defaults,
    rows_by_uuid,
)


@dataclass
class Counts:
    inserted: int = 0
    updated: int = 0
    skipped: int = 0
    conflicts: int = 0
    held: list[str] = field(default_factory=list)  # why rows were held back as conflicts (the last admin)

    def add(self, other: Counts) -> None:
        self.inserted += other.inserted
        self.updated += other.updated
        self.skipped += other.skipped
        self.conflicts += other.conflicts
        self.held.extend(other.held)


@dataclass
class _Plan:
    inserts: list[tuple[Any, ...]] = field(default_factory=list)
    updates: list[tuple[tuple[Any, ...], tuple[Any, ...]]] = field(default_factory=list)  # (incoming, local)
    bases: list[tuple[str, str, bytes]] = field(default_factory=list)
    conflicts: list[tuple[tuple[Any, ...], tuple[Any, ...], bytes]] = field(default_factory=list)
    counts: Counts = field(default_factory=Counts)
    base_of: dict[str, bytes] = field(default_factory=dict)  # conflicting uuid → the merge base's digest
    settled: list[str] = field(default_factory=list)  # uuids now at a version the peer has: its conflicts close


@dataclass
class Prepared:
    """A chunk's rows with what the merge works out from them alone, ahead of its transaction: each row's
    content digest and, for an indexed table, the search tokens of its live rows by uuid."""

    sheet: ParsedSheet
    digests: list[bytes]
    tokens: dict[str, object]

    def part(self, start: int, rows: int) -> Prepared:
        """Rows ``start`` to ``start + rows`` of the chunk (merged in a transaction of their own), or the rest
        of it when the sheet's checks need every row at once (``WHOLE``)."""
        sheet = self.sheet
        if sheet.spec.name in WHOLE:
            rows = len(sheet.rows)
        if start == 0 and rows >= len(sheet.rows):
            return self
        stop = start + rows
        return Prepared(ParsedSheet(sheet.spec, sheet.rows[start:stop], sheet.lines[start:stop]),
                        self.digests[start:stop], self.tokens)


WHOLE = {"staff"}  # sheets merged a chunk at a time, never in pieces: the last-admin check sees every row


def job(spec: SheetSpec) -> Job:
    """What working out ``spec``'s digests and search tokens needs (here or in the preparer's process)."""
    texts = tuple(spec.index(k) for k in search_index.INDEXED[spec.name][1]) if spec.name in search_index.INDEXED else ()
    return Job(spec.name, tuple(content_positions(spec)), texts, spec.index("deleted"), search_index.uses_grams())


def prepare(spec: SheetSpec, sheet: ParsedSheet,
            worked: tuple[list[bytes], list[object | None]] | None = None) -> Prepared:
    """A chunk's digests and search tokens (no database needed: done before the lock is taken), or ``worked``,
    what ``preparer.work_out`` gave for its rows elsewhere."""
    digests, tokens = worked if worked is not None else work_out(job(spec), sheet.rows)
    at_uuid = spec.index("uuid")
    return Prepared(sheet, digests, {row[at_uuid]: t for row, t in zip(sheet.rows, tokens, strict=False) if t is not None})


def _bases(peer: str, uuids: Sequence[str]) -> dict[str, bytes]:
    found: dict[str, bytes] = {}
    for start in range(0, len(uuids), CHUNK):
        part = uuids[start:start + CHUNK]
        sql = f"SELECT record_uuid, digest FROM sync_base WHERE peer = ? AND record_uuid IN ({','.join('?' * len(part))})"
        found.update((u, bytes(d)) for u, d in sync_sql.rows(sql, [peer, *part]))
    return found


def _open_conflicts(peer: str, table: str) -> dict[str, tuple[int, bytes]]:
    rows = sync_sql.rows(
        "SELECT record_uuid, id, incoming_digest FROM sync_conflict WHERE peer = ? AND entity = ? AND status = 'open'",
        (peer, table),
    )
    return {u: (i, bytes(d)) for u, i, d in rows}


def _plan(spec: SheetSpec, sheet: ParsedSheet, peer: str, digests: Sequence[bytes] | None = None) -> _Plan:
    plan = _Plan()
    at_uuid, at_rev = spec.index("uuid"), spec.index("revision")
    content = content_positions(spec)
    uuids = [row[at_uuid] for row in sheet.rows]
    local = rows_by_uuid(spec, uuids)
    bases = _bases(peer, uuids) if local else {}
    me = current_site_code()
    guard = spec.name in master_data.MASTER_TABLES and me == master_data.head_office()
    at_site, at_origin = spec.index("site_code"), spec.index("origin_site")
    refused = 0
    for k, row in enumerate(sheet.rows):
        uuid = row[at_uuid]
        incoming = digests[k] if digests is not None else digest([row[i] for i in content])
        mine = local.get(uuid)
        if guard and mine is not None and mine[at_site] == me and row[at_origin] != me:
            # head office's own record (master data it publishes) edited at a site: never applied here
            if digest([mine[i] for i in content]) != incoming:
                refused += 1
            continue
        if mine is None:
            plan.inserts.append(row)
            plan.bases.append((peer, uuid, incoming))
            continue
        base = bases.get(uuid)
        here = digest([mine[i] for i in content])
        if here == incoming:
            verdict = "skip"
        elif base is None:  # never exchanged with this site: the higher revision wins, a tie is a conflict
            verdict = "update" if row[at_rev] > mine[at_rev] else "skip" if row[at_rev] < mine[at_rev] else "conflict"
        elif incoming == base:
            verdict = "skip"  # only this site changed it since: ours is newer
        else:
            verdict = "update" if here == base else "conflict"
        if verdict == "update":
            plan.updates.append((row, mine))
            plan.settled.append(uuid)
        elif verdict == "conflict":
            plan.conflicts.append((row, mine, incoming))
            if base is not None:
                plan.base_of[uuid] = base
            continue  # the base stays, so the same incoming version is a conflict until resolved
        elif here == incoming:
            plan.settled.append(uuid)
        if base != incoming:
            plan.bases.append((peer, uuid, incoming))
    held = takes_last_admin(spec, plan.updates)
    notes = []
    for row, mine in plan.updates:
        if row[at_uuid] in held:  # refused like a conflict: both versions kept for the manager, the base stays
            plan.conflicts.append((row, mine, digest([row[i] for i in content])))
            notes.append(f"员工 {mine[spec.index('staff_no')]} {mine[spec.index('name')]}：对方的修改会使本站"
                         "没有可登录的在职管理员，未采用，已作为冲突保留")
    plan.updates = [(row, mine) for row, mine in plan.updates if row[at_uuid] not in held]
    plan.settled = [u for u in plan.settled if u not in held]
    plan.bases = [b for b in plan.bases if b[1] not in held]
    if refused:
        notes.append(f"{spec.name}：{refused} 条总部自己的记录在站点 {peer} 被改过，未采用（站点不能修改总部发布的记录）")
    plan.counts = Counts(len(plan.inserts), len(plan.updates),
                         len(sheet.rows) - len(plan.inserts) - len(plan.updates) - len(plan.conflicts),
                         len(plan.conflicts), notes)
    return plan


def takes_last_admin(spec: SheetSpec, pairs: Sequence[tuple[Sequence[Any], Sequence[Any]]]) -> set[str]:
    """The staff records among ``pairs`` (incoming, local) whose change would leave this site without an admin
    who can sign in (demoted, deactivated, deleted or given another 工号): all of them, or none when another
    admin stays. Only the staff sheet has any."""
    if spec.name != "staff" or not pairs:
        return set()
    site = current_site_code()
    admins = staff_service.usable_admins(site)
    at = {k: spec.index(k) for k in ("uuid", "role", "active", "deleted", "staff_no", "site_code")}

    def stays(row: Sequence[Any], mine: Sequence[Any]) -> bool:
        return (row[at["role"]] == Role.ADMIN.value and bool(row[at["active"]]) and not row[at["deleted"]]
                and row[at["staff_no"]] == mine[at["staff_no"]] and row[at["site_code"]] == site)

    losing = {mine[at["uuid"]] for row, mine in pairs if mine[at["uuid"]] in admins and not stays(row, mine)}
    return losing if losing and not admins - losing else set()


def _writable(spec: SheetSpec, row: Sequence[Any]) -> list[Any]:
    """A row in stored form ready to be written: flags as booleans (PostgreSQL's columns take no 0/1)."""
    out = list(row)
    for i in spec.flags:
        if out[i] is not None:
            out[i] = bool(out[i])
    return out


def as_json(spec: SheetSpec, row: Sequence[Any]) -> str:
    return json.dumps(dict(zip(spec.keys, row, strict=True)), ensure_ascii=False)


def _fts_texts(spec: SheetSpec, row: Sequence[Any]) -> list[str]:
    """The texts the table's search index holds for ``row``, in ``search_index.INDEXED`` order."""
    return [row[spec.index(k)] or "" for k in search_index.INDEXED[spec.name][1]]


def write_row(spec: SheetSpec, row: Sequence[Any], old: Sequence[Any] | None) -> None:
    """Overwrite one stored record with ``row`` (database values) as a local edit of this site (a new change
    number, this site its origin), keeping the search index in step."""
    seq = changes.take()
    row = list(row)
    row[spec.index("origin_site")], row[spec.index("origin_seq")] = current_site_code(), seq
    keys = [k for k in spec.keys if k != "uuid"]
    sets = ", ".join(f'"{k}" = ?' for k in [*keys, CHANGE_SEQ, CHANGE_PEER])
    values = list(_writable(spec, row)[spec.index(k)] for k in keys)
    sync_sql.run(f'UPDATE "{spec.name}" SET {sets} WHERE uuid = ?', [*values, seq, "", row[spec.index("uuid")]])
    if spec.name in search_index.INDEXED and old is not None:
        _reindex(spec, [(row, old)])


def _reindex(spec: SheetSpec, pairs: Sequence[tuple[Sequence[Any], Sequence[Any]]]) -> None:
    """Records (contacts, articles) whose texts or deleted flag changed: replace, add (revived) or remove
    (tombstoned)."""
    at_del, at_uuid = spec.index("deleted"), spec.index("uuid")
    fts = search_index.INDEXED[spec.name][0]
    ids = dict(sync_sql.rows(
        f'SELECT uuid, id FROM "{spec.name}" WHERE uuid IN ({",".join("?" * len(pairs))})',
        [new[at_uuid] for new, _ in pairs])) if pairs else {}
    for new, old in pairs:
        rowid = ids[new[at_uuid]]
        was, now_live = not old[at_del], not new[at_del]
        old_texts, new_texts = _fts_texts(spec, old), _fts_texts(spec, new)
        if was and now_live:
            search_index.replace(rowid, old_texts, new_texts, fts)
        elif was:
            search_index.remove(rowid, old_texts, fts)
        elif now_live:
            search_index.add(rowid, new_texts, fts)


def apply_sheet(spec: SheetSpec, sheet: ParsedSheet, peer: str, import_id: int | None,
                prepared: Prepared | None = None) -> Counts:
    """Merge ``sheet`` into its table (inside the caller's transaction) and return what happened; ``prepared``
    is ``prepare(spec, sheet)`` when it was worked out ahead."""
    plan = _plan(spec, sheet, peer, prepared.digests if prepared is not None else None)
    applied = len(plan.inserts) + len(plan.updates)
    # every row applied takes a change number of ours (so it is relayed onward); its origin stays as it came
    seq = itertools.count(changes.take(applied) - applied + 1 if applied else 0)
    if plan.inserts:
        extra = local_defaults(spec.name)
        keys = [*spec.keys, *extra, CHANGE_SEQ, CHANGE_PEER]
        columns = ", ".join(f'"{k}"' for k in keys)
        tail = tuple(extra.values())
        sync_sql.run_many(f'INSERT INTO "{spec.name}" ({columns}) VALUES ({",".join("?" * len(keys))})',
                          [(*_writable(spec, row), *tail, next(seq), peer) for row in plan.inserts])
        if spec.name in search_index.INDEXED:
            _index_new(spec, plan.inserts, prepared.tokens if prepared is not None else None)
    if plan.updates:
        keys = [k for k in spec.keys if k != "uuid"]
        positions = [spec.index(k) for k in keys]
        at_uuid = spec.index("uuid")
        sets = ", ".join(f'"{k}" = ?' for k in [*keys, CHANGE_SEQ, CHANGE_PEER])
        sync_sql.run_many(f'UPDATE "{spec.name}" SET {sets} WHERE uuid = ?',
                          [[w[i] for i in positions] + [next(seq), peer, row[at_uuid]]
                           for row, _ in plan.updates for w in (_writable(spec, row),)])
        if spec.name in search_index.INDEXED:
            for start in range(0, len(plan.updates), CHUNK):
                _reindex(spec, plan.updates[start:start + CHUNK])
    if plan.bases:
        sync_sql.run_many("INSERT INTO sync_base (peer, record_uuid, digest) VALUES (?, ?, ?) "
                          "ON CONFLICT (peer, record_uuid) DO UPDATE SET digest = excluded.digest", plan.bases)
    if plan.settled:
        _supersede(spec, plan.settled, peer)
    if plan.conflicts:
        _record_conflicts(spec, plan.conflicts, peer, import_id, plan.base_of)
    return plan.counts


def _supersede(spec: SheetSpec, uuids: Sequence[str], peer: str) -> None:
    """Open conflicts with ``peer`` over records that now hold a version the peer sent (it resolved the
    conflict on its side, or the same way): closed as superseded, so the stale copy is never offered again."""
    for start in range(0, len(uuids), CHUNK):
        part = uuids[start:start + CHUNK]
        sync_sql.run(
            "UPDATE sync_conflict SET status = 'superseded', resolved_by = ?, resolved_at = ? "
            f"WHERE peer = ? AND entity = ? AND status = 'open' AND record_uuid IN ({','.join('?' * len(part))})",
            [peer, str(clock.now()), peer, spec.name, *part])


def _shadows(spec: SheetSpec, uuids: Sequence[str]) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for start in range(0, len(uuids), CHUNK):
        part = uuids[start:start + CHUNK]
        sql = ("SELECT record_uuid, row_values FROM sync_shadow WHERE entity = ? "
               f"AND record_uuid IN ({','.join('?' * len(part))})")
        found.update((u, json.loads(v)) for u, v in sync_sql.rows(sql, [spec.name, *part]))
    return found


def _base_json(spec: SheetSpec, shadow: dict[str, Any] | None, base: bytes | None) -> str:
    """The base as JSON when the shadow kept here is that version (its digest matches), else ""."""
    if shadow is None or base is None:
        return ""
    values = [shadow.get(k) for k in spec.keys]
    if digest([values[i] for i in content_positions(spec)]) != base:
        return ""
    return as_json(spec, values)


def newer_side(spec: SheetSpec, mine: Sequence[Any], row: Sequence[Any]) -> str:
    """Which version is newer: the higher revision, then the later edit time ("" when neither is)."""
    at_rev, at_upd = spec.index("revision"), spec.index("updated_at")
    here, there = (int(mine[at_rev] or 0), str(mine[at_upd] or "")), (int(row[at_rev] or 0), str(row[at_upd] or ""))
    return "incoming" if there > here else "local" if here > there else ""


def _index_new(spec: SheetSpec, rows: Sequence[Sequence[Any]], tokens: dict[str, object] | None = None) -> None:
    at_uuid, at_del = spec.index("uuid"), spec.index("deleted")
    live = [r for r in rows if not r[at_del]]
    fts = search_index.INDEXED[spec.name][0]
    for start in range(0, len(live), CHUNK):
        part = live[start:start + CHUNK]
        ids = dict(sync_sql.rows(
            f'SELECT uuid, id FROM "{spec.name}" WHERE uuid IN ({",".join("?" * len(part))})',
            [r[at_uuid] for r in part]))
        if tokens is None:
            search_index.add_many(((ids[r[at_uuid]], _fts_texts(spec, r)) for r in part), fts)
        else:
            search_index.add_tokens(((ids[r[at_uuid]], tokens[r[at_uuid]]) for r in part), fts)


def _record_conflicts(spec: SheetSpec, conflicts: Sequence[tuple[tuple[Any, ...], tuple[Any, ...], bytes]],
                      peer: str, import_id: int | None, base_of: dict[str, bytes]) -> None:
    """One open conflict per record and peer, with the base (when known here) and the newer side: the same
    incoming version again adds nothing."""
    known = _open_conflicts(peer, spec.name)
    at_uuid = spec.index("uuid")
    shadows = _shadows(spec, [row[at_uuid] for row, _m, _i in conflicts])
    for row, mine, incoming in conflicts:
        uuid = row[at_uuid]
        existing = known.get(uuid)
        if existing is not None and existing[1] == incoming:
            continue
        base = _base_json(spec, shadows.get(uuid), base_of.get(uuid))
        newer = newer_side(spec, mine, row)
        if existing is not None:
            sync_sql.run("UPDATE sync_conflict SET local_values = ?, incoming_values = ?, incoming_digest = ?, "
                           "import_id = ?, base_values = ?, newer = ? WHERE id = ?",
                           (as_json(spec, mine), as_json(spec, row), incoming, import_id, base, newer, existing[0]))
        else:
            sync_sql.run(
                "INSERT INTO sync_conflict (detected_at, import_id, peer, entity, record_uuid, local_values, "
                "incoming_values, incoming_digest, base_values, newer, status, resolved_by) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', '')",
                (str(clock.now()), import_id, peer, spec.name, uuid, as_json(spec, mine), as_json(spec, row), incoming,
                 base, newer))
