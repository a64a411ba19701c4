"""Site export: every synced record changed since a date (or the last export, or all) to one workbook."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import frontdesk
from frontdesk.clock import now
from frontdesk.db.connection import database, transaction
from frontdesk.db.migrations import LATEST_VERSION
from frontdesk.domain.roles import Actor, Permission
from frontdesk.excel.exporter import Cancel
from frontdesk.excel.sync_export import SheetData, write_site_workbook
from frontdesk.excel.sync_format import SheetSpec
from frontdesk.services.core import site
from frontdesk.services.core.permissions import require
from frontdesk.services.core.site_settings import LAST_EXPORT_AT
from frontdesk.services.sync.schema import select_sql, specs

SINCE_LAST = "last"  # the default: what changed since this site's last export (everything the first time)

Progress = Callable[[int, int | None], None]


@dataclass(frozen=True)
class ExportSummary:
    """What a site export wrote."""

    path: Path
    since: datetime | None
    counts: dict[str, int]
    checksum: str

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def last_export_at() -> datetime | None:
    return LAST_EXPORT_AT.get()


def resolve_since(since: date | datetime | str | None) -> datetime | None:
    """``SINCE_LAST`` → the last export time; a date → its midnight; None → everything."""
    if since == SINCE_LAST:
        return last_export_at()
    if isinstance(since, datetime):
        return since
    if isinstance(since, date):
        return datetime.combine(since, datetime.min.time())
    return None


def _rows(spec: SheetSpec, since: datetime | None) -> Iterator[tuple[Any, ...]]:
    sql = select_sql(spec, "updated_at >= ?" if since else "") + " ORDER BY id"
    cursor = database.obj.cursor()  # its own cursor: rows stream while other sheets are counted
    yield from cursor.execute(sql, (str(since),) if since else ())


def _count(spec: SheetSpec, since: datetime | None) -> int:
    where = " WHERE updated_at >= ?" if since else ""
    return database.obj.execute_sql(f'SELECT COUNT(*) FROM "{spec.name}"{where}',
                                    (str(since),) if since else ()).fetchone()[0]


def export_site(actor: Actor, path: str | os.PathLike[str], since: date | datetime | str | None = SINCE_LAST,
                progress: Progress | None = None, cancel: Cancel | None = None) -> ExportSummary:
    """Write the site workbook at ``path``; remember the time as this site's last export."""
    require(actor, Permission.ADMIN_SITE)
    started = now()
    start_from = resolve_since(since)
    with database.obj.atomic():  # one read snapshot: counts, rows and manifest agree
        sheets = [SheetData(spec, _rows(spec, start_from), _count(spec, start_from)) for spec in specs().values()]
        manifest = {
            "site_code": site.site_code(),
            "site_name": site.site_name(),
            "exported_at": str(started),
            "since": str(start_from) if start_from else "",
            "schema_version": str(LATEST_VERSION),
            "app_version": frontdesk.__version__,
            "exported_by": actor.name,
        }
        checksum = write_site_workbook(path, manifest, sheets, progress, cancel)
    with transaction():
        LAST_EXPORT_AT.put(started)
    return ExportSummary(Path(path), start_from, {s.spec.name: s.count for s in sheets}, checksum)
