"""Site export: every synced record this database changed since the last export to a peer (or all), one workbook.

Rows are picked by the database's change number, never by wall-clock time: a row imported from another
site takes a new change number here, so it is relayed onward (A → head office → C). Each destination
has its own cursor (``sync_peer.sent_seq``); the manifest numbers the export, names the slice of change
numbers it holds and carries the version vector (per origin site: the highest origin number sent), so the
receiver can tell a missing export before it merges anything.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import frontdesk
from frontdesk.clock import now
from frontdesk.db import changes, sync_sql
from frontdesk.db.connection import database, transaction
from frontdesk.db.migrations import LATEST_VERSION
from frontdesk.db.models import SyncPeer
from frontdesk.domain.roles import Actor, Permission
from frontdesk.errors import T, ValidationError
from frontdesk.excel.exporter import Cancel
from frontdesk.excel.sync_export import SheetData, write_site_workbook
from frontdesk.excel.sync_format import Problem, SheetSpec, digest, dump_vector
from frontdesk.services.core import site
from frontdesk.services.core.permissions import require
from frontdesk.services.core.site_settings import LAST_EXPORT_AT
from frontdesk.services.sync import bundle, keys
from frontdesk.services.sync.schema import content_positions, select_sql, specs

SINCE_LAST = "last"  # the default: what this database changed since its last export to the destination
ANY_PEER = ""  # no destination named: one cursor for "whoever imports it"

Progress = Callable[[int, int | None], None]


@dataclass(frozen=True)
class ExportSummary:
    """What a site export wrote."""

    path: Path
    since: int  # the change number after which rows were taken (0: everything)
    counts: dict[str, int]
    checksum: str
    destination: str = ANY_PEER
    export_no: int = 0
    upto: int = 0
    cleaned: tuple[Problem, ...] = ()  # stored texts with characters no cell holds: sent cleaned, named here
    attachments: int = 0  # photo files carried in the bundle (or, for a bare workbook, listed)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def last_export_at(peer: str | None = None) -> datetime | None:
    """When the last export to ``peer`` was written (None: to any site)."""
    if peer is None:
        return LAST_EXPORT_AT.get()
    state = SyncPeer.get_or_none(SyncPeer.peer == peer.strip().upper())
    return state.sent_at if state is not None else None


def peer_state(peer: str) -> SyncPeer:
    """The exchange state with ``peer`` (an unsaved blank one for a site never exchanged with)."""
    return SyncPeer.get_or_none(SyncPeer.peer == peer) or SyncPeer(peer=peer)


def _where(since: int, upto: int, destination: str) -> tuple[str, tuple[Any, ...]]:
    # a version made at the destination, or imported from it and unchanged since, is not sent back to it:
    # it has that version or a newer one
    where, params = "change_seq > ? AND change_seq <= ?", (since, upto)
    if destination:
        where, params = where + " AND origin_site <> ? AND change_peer <> ?", (*params, destination, destination)
    return where, params


def _rows(spec: SheetSpec, where: str, params: tuple[Any, ...],
          sent: list[tuple[str, bytes]] | None) -> Iterator[tuple[Any, ...]]:
    """The rows to send; with ``sent``, each one's (uuid, content digest) is noted there too."""
    rows = sync_sql.stream(select_sql(spec, where) + " ORDER BY change_seq", params)  # its own cursor
    if sent is None:
        yield from rows
        return
    content, at_uuid = content_positions(spec), spec.index("uuid")
    for row in rows:
        sent.append((row[at_uuid], digest([row[i] for i in content])))
        yield row


def _note_sent(peer: str, sent: list[tuple[str, bytes]], seq: int) -> None:
    """What ``peer`` is sent now: its merge base once it acknowledges this export (``importer``)."""
    sql = ("INSERT INTO sync_sent (peer, record_uuid, digest, seq) VALUES (?, ?, ?, ?) ON CONFLICT (peer, record_uuid) "
           "DO UPDATE SET digest = excluded.digest, seq = excluded.seq")
    for start in range(0, len(sent), 5000):
        sync_sql.run_many(sql, [(peer, u, d, seq) for u, d in sent[start:start + 5000]])


def _count(spec: SheetSpec, where: str, params: tuple[Any, ...]) -> int:
    row = sync_sql.one(f'SELECT COUNT(*) FROM "{spec.name}" WHERE {where}', params)
    return int(row[0]) if row else 0


def _vector(all_specs: dict[str, SheetSpec], where: str, params: tuple[Any, ...],
            before: dict[str, int]) -> dict[str, int]:
    """``before`` raised by the highest origin number of each origin site among the rows sent now."""
    vector = dict(before)
    for spec in all_specs.values():
        sql = f'SELECT origin_site, MAX(origin_seq) FROM "{spec.name}" WHERE {where} GROUP BY origin_site'
        for origin, top in sync_sql.rows(sql, params):
            if origin:
                vector[origin] = max(vector.get(origin, 0), int(top or 0))
    return vector


def _attachments(all_specs: dict[str, SheetSpec], where: str, params: tuple[Any, ...]) -> set[str]:
    """The attachment names the rows sent now refer to."""
    names: set[str] = set()
    for table, columns in bundle.ATTACHMENT_COLUMNS.items():
        if table in all_specs:
            for column in columns:
                sql = f'SELECT "{column}" FROM "{table}" WHERE {where} AND "{column}" <> \'\''
                names |= bundle.names_in(r[0] for r in sync_sql.rows(sql, params))
    return names


def _write(path: Path, manifest: dict[str, str], sheets: list[SheetData], photos: list[str],
           progress: Progress | None, cancel: Cancel | None, cleaned: list[Problem], key: bytes | None) -> str:
    """The workbook alone at an ``.xlsx`` path, or packed with its photos into a ``.zip`` bundle."""
    if not bundle.is_bundle(path):
        return write_site_workbook(path, manifest, sheets, progress, cancel, cleaned, key)
    fd, tmp = tempfile.mkstemp(prefix=".export-", suffix=".xlsx", dir=path.parent)
    os.close(fd)
    try:
        checksum = write_site_workbook(tmp, manifest, sheets, progress, cancel, cleaned, key)
        source = bundle.folder()
        bundle.write_bundle(path, Path(tmp), photos, source if source is not None else path.parent)
        return checksum
    finally:
        Path(tmp).unlink(missing_ok=True)


def export_site(actor: Actor, path: str | os.PathLike[str], since: str | None = SINCE_LAST,
                progress: Progress | None = None, cancel: Cancel | None = None,
                to: str = ANY_PEER) -> ExportSummary:
    """Write the site workbook for destination ``to``: since the last export to it (``SINCE_LAST``) or all
    (None); then that destination's cursor moves to this export."""
    require(actor, Permission.ADMIN_SITE)
    me = site.site_code()
    to = (to or "").strip().upper()
    if to and to == me:
        raise ValidationError({"to": T("errors", "不能导出给本站自己")})
    started = now()
    all_specs = specs()
    with database.obj.atomic():  # one read snapshot: counts, rows, numbers and manifest agree
        upto = changes.high_water()
        state = peer_state(to)
        if since == SINCE_LAST and state.sent_seq > upto:
            raise ValidationError({"since": T(
                "errors", "发往 {0} 的游标（第 {1} 号变更）超过本站现有的最大变更号 {2}：本站数据库可能从备份恢复或重新初始化过。"
                          "请选择“全部记录”重新导出。").format(to or "总部", state.sent_seq, upto)})
        incremental = since == SINCE_LAST
        start = state.sent_seq if incremental else 0
        before = json.loads(state.sent_vector or "{}") if incremental else {}
        where, params = _where(start, upto, to)
        vector = _vector(all_specs, where, params, before)
        export_no = state.sent_no + 1
        back = SyncPeer.get_or_none(SyncPeer.peer == to) if to else None
        sent: list[tuple[str, bytes]] | None = [] if to else None
        sheets = [SheetData(spec, _rows(spec, where, params, sent), _count(spec, where, params))
                  for spec in all_specs.values()]
        cleaned: list[Problem] = []
        here = bundle.folder()
        photos = sorted(_attachments(all_specs, where, params))
        missing = [n for n in photos if here is None or not (here / n).is_file()]
        cleaned.extend(Problem("attachments", None, "photos", n, "照片文件在本站已缺失，未随文件发送") for n in missing)
        photos = [n for n in photos if n not in missing]
        manifest = {
            "site_code": me,
            "site_name": site.site_name(),
            "destination": to,
            "export_no": str(export_no),
            "from_seq": str(start),
            "to_seq": str(upto),
            "vector_before": dump_vector(before),
            "vector": dump_vector(vector),
            "received_seq": str(back.received_seq if back else 0),
            "exported_at": str(started),
            "schema_version": str(LATEST_VERSION),
            "app_version": frontdesk.__version__,
            "exported_by": actor.name,
            "attachments": str(len(photos)),
            "attachments_digest": bundle.list_digest(photos),
        }
        # signed with the key shared with the destination when paired (an edited file then fails at the
        # receiver even with its checksum recomputed); plain SHA-256 otherwise
        checksum = _write(Path(path), manifest, sheets, photos, progress, cancel, cleaned,
                          keys.load(to) if to else None)
    with transaction():
        SyncPeer.insert(peer=to, sent_no=export_no, sent_seq=upto, sent_vector=json.dumps(vector, sort_keys=True),
                        sent_at=started).on_conflict(conflict_target=[SyncPeer.peer], update={
                            SyncPeer.sent_no: export_no, SyncPeer.sent_seq: upto, SyncPeer.sent_at: started,
                            SyncPeer.sent_vector: json.dumps(vector, sort_keys=True)}).execute()
        if sent:
            _note_sent(to, sent, upto)
        LAST_EXPORT_AT.put(started)
    return ExportSummary(Path(path), start, {s.spec.name: s.count for s in sheets}, checksum, to, export_no, upto,
                         tuple(cleaned), len(photos))
