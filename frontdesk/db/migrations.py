"""Schema version table and ordered migrations: each step atomic, the database file backed up first."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import peewee

from frontdesk.db import search_index
from frontdesk.db.connection import database
from frontdesk.db.models import AuditLog, Department, NumberSequence, SchemaVersion, SiteSetting, Staff
from frontdesk.errors import T, UserError

# A step imports its module's models itself: checking that nothing is pending, at every start,
# must not load every module's tables.

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Migration:
    """One schema step. ``apply`` must only add (tables, columns, indexes), never drop user data."""

    version: int
    name: str
    apply: Callable[[peewee.Database], None]


def _foundation(db: peewee.Database) -> None:
    db.create_tables([SiteSetting, Department, Staff, NumberSequence, AuditLog])


def _reception(db: peewee.Database) -> None:
    from frontdesk.db.models import Contact, Transfer

    db.create_tables([Contact, Transfer])
    # list pages sort newest first inside a filter; these keep each filter + sort on an index
    db.execute_sql("CREATE INDEX IF NOT EXISTS contact_live_received ON contact(deleted, received_at)")
    db.execute_sql("CREATE INDEX IF NOT EXISTS contact_status_received ON contact(status, received_at)")
    db.execute_sql("CREATE INDEX IF NOT EXISTS contact_owner_received ON contact(owner_uuid, received_at)")
    db.execute_sql("CREATE INDEX IF NOT EXISTS contact_phone_received ON contact(phone, received_at)")
    db.execute_sql("CREATE INDEX IF NOT EXISTS transfer_status_due ON transfer(status, due_at)")
    search_index.create(db)


def _complaints(db: peewee.Database) -> None:
    from frontdesk.db.models import Complaint, ComplaintEvent, Holiday

    db.create_tables([Complaint, ComplaintEvent, Holiday])
    # every list filter + the newest-first sort stays on an index; due_at serves the overdue filter
    for name, columns in (
        ("complaint_stage_opened", "stage, opened_at"),
        ("complaint_severity_opened", "severity, opened_at"),
        ("complaint_level_opened", "level, opened_at"),
        ("complaint_due", "due_at"),
        ("complaint_staff_opened", "staff_uuid, opened_at"),
        ("complaint_department_opened", "department_uuid, opened_at"),
        ("complaint_event_case_at", "complaint_uuid, at"),
    ):
        table = "complaint_event" if name.startswith("complaint_event") else "complaint"
        db.execute_sql(f"CREATE INDEX IF NOT EXISTS {name} ON {table}({columns})")


def _visits_phrases(db: peewee.Database) -> None:
    from frontdesk.db.models import ForbiddenPhrase, KeyCustomer, ReturnVisit, StandardPhrase
    from frontdesk.domain import phrases as phrase_seed

    db.create_tables([StandardPhrase, ForbiddenPhrase, ReturnVisit, KeyCustomer])
    db.execute_sql("CREATE INDEX IF NOT EXISTS return_visit_phone_at ON return_visit(phone, visited_at)")
    db.execute_sql("CREATE INDEX IF NOT EXISTS return_visit_complaint ON return_visit(complaint_uuid)")
    db.execute_sql("CREATE INDEX IF NOT EXISTS return_visit_contact ON return_visit(contact_uuid)")
    # seed 001 rows carry the same UUID at every site, so a site import never duplicates them
    for position, (situation, text) in enumerate(phrase_seed.STANDARD_SEED):
        StandardPhrase.create(
            uuid=phrase_seed.seed_uuid("standard", situation, text), situation=situation, text=text,
            position=position,
        )
    for category, text, checked, note in phrase_seed.FORBIDDEN_SEED:
        ForbiddenPhrase.create(
            uuid=phrase_seed.seed_uuid("forbidden", "", text), text=text, category=category, checked=checked,
            note=note,
        )


def _sync(db: peewee.Database) -> None:
    from frontdesk.db.models.sync import ImportHistory, SyncBase, SyncConflict

    db.create_tables([ImportHistory, SyncBase, SyncConflict])
    db.execute_sql("CREATE INDEX IF NOT EXISTS sync_conflict_peer_record ON sync_conflict(peer, record_uuid)")


def _aftersales(db: peewee.Database) -> None:
    from frontdesk.db.models import RepairEvent, RepairOrder, ReturnOrder

    db.create_tables([ReturnOrder, RepairOrder, RepairEvent])
    # each filter + the newest-first sort stays on an index that also holds `deleted`, so counts never
    # read the table; single-column indexes serve the sort by that column (SQLite keys them by rowid)
    for name, table, columns in (
        ("return_order_live_received", "return_order", "deleted, received_at"),
        ("return_order_status_received", "return_order", "status, deleted, received_at"),
        ("return_order_kind_received", "return_order", "kind, deleted, received_at"),
        ("return_order_kind", "return_order", "kind"),
        ("return_order_phone_received", "return_order", "phone, received_at"),
        ("return_order_name_received", "return_order", "customer_name, deleted, received_at"),
        ("repair_order_live_received", "repair_order", "deleted, received_at"),
        ("repair_order_status_received", "repair_order", "status, deleted, received_at"),
        ("repair_order_status_since", "repair_order", "status, deleted, status_since"),
        ("repair_order_status", "repair_order", "status"),
        ("repair_order_since", "repair_order", "status_since"),
        ("repair_order_warranty_received", "repair_order", "warranty, deleted, received_at"),
        ("repair_order_warranty", "repair_order", "warranty"),
        ("repair_order_phone_received", "repair_order", "phone, received_at"),
        ("repair_order_name_received", "repair_order", "customer_name, deleted, received_at"),
        ("repair_event_repair_at", "repair_event", "repair_uuid, at"),
    ):
        db.execute_sql(f"CREATE INDEX IF NOT EXISTS {name} ON {table}({columns})")


def _discipline(db: peewee.Database) -> None:
    from frontdesk.db import discipline_schema

    discipline_schema.create(db)


def _assessments(db: peewee.Database) -> None:
    from frontdesk.db import assessment_schema

    assessment_schema.create(db)


def _contact_filter_indexes(db: peewee.Database) -> None:
    # "open complaints" and the like: without statistics per value SQLite counted them through the
    # category index (one row in seven) instead of the few open rows
    db.execute_sql("CREATE INDEX IF NOT EXISTS contact_status_category ON contact(status, category, received_at)")
    db.execute_sql("ANALYZE contact")


MIGRATIONS: list[Migration] = [
    Migration(1, "foundation: site, departments, staff, numbering, audit", _foundation),
    Migration(2, "reception log, transfers, contact search index", _reception),
    Migration(3, "complaints, events, holiday overrides", _complaints),
    Migration(4, "phrase book, return visits, key customers", _visits_phrases),
    Migration(5, "returns, exchanges, repair orders", _aftersales),
    Migration(6, "shifts, attendance, fines, incidents, handover", _discipline),
    Migration(7, "import history, sync state, conflicts", _sync),
    Migration(8, "contact index for status + category filters", _contact_filter_indexes),
    Migration(9, "assessment templates, runs, scores, etiquette self-checks", _assessments),
]
MIGRATIONS.sort(key=lambda m: m.version)  # steps run in version order whatever order they were listed in
LATEST_VERSION = MIGRATIONS[-1].version


def schema_version() -> int:
    """The highest applied migration, 0 for an empty database."""
    db = database.obj
    if not db.table_exists(SchemaVersion._meta.table_name):
        return 0
    return SchemaVersion.select(peewee.fn.MAX(SchemaVersion.version)).scalar() or 0


def applied_versions() -> set[int]:
    db = database.obj
    if not db.table_exists(SchemaVersion._meta.table_name):
        return set()
    return {row.version for row in SchemaVersion.select(SchemaVersion.version)}


def pending_migrations() -> list[Migration]:
    """Every known step not applied yet, in order (a gap left by a step added later is filled too)."""
    applied = applied_versions()
    return [m for m in MIGRATIONS if m.version not in applied]


def migrate(backup_dir: Path | None = None, keep: int = 14) -> list[int]:
    """Apply pending migrations in order; back the file up first when it already holds data."""
    current = schema_version()
    unknown = applied_versions() - {m.version for m in MIGRATIONS}
    if unknown:
        raise UserError(
            T("errors", "数据库结构版本（{0}）比本程序支持的（{1}）新，请升级 FrontDesk 后再打开。").format(
                max(unknown), LATEST_VERSION
            )
        )
    pending = pending_migrations()
    if not pending:
        return []
    if current > 0 and backup_dir is not None:
        from frontdesk.db.backup import backup_database

        path = backup_database(backup_dir, keep=keep, reason=f"before-v{pending[0].version}")
        log.info("backed up %s before migrating from version %d", path, current)
    db = database.obj
    db.create_tables([SchemaVersion], safe=True)
    applied = []
    for step in pending:
        with db.atomic():
            step.apply(db)
            SchemaVersion.create(version=step.version, name=step.name)
        log.info("applied migration %d: %s", step.version, step.name)
        applied.append(step.version)
    return applied
