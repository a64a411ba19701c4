"""The current schema, for a fresh database: every registered model's table, the named indexes, the search index.

A fresh database is built from here and stamped at the latest version (Vorta's way); only an old
database runs migration steps. A step that adds an index adds it here too, so both end up alike
(``tests/unit/test_migrations.py`` compares them table by table and index by index).
"""

from __future__ import annotations

import peewee

from frontdesk.db import changes, search_index, seeds
from frontdesk.db.models import all_models

# (name, table, columns): list filters + their newest-first sorts, each on an index
INDEXES: tuple[tuple[str, str, str], ...] = (
    ("contact_live_received", "contact", "deleted, received_at"),
    ("contact_status_received", "contact", "status, received_at"),
    ("contact_owner_received", "contact", "owner_uuid, received_at"),
    ("contact_phone_received", "contact", "phone, received_at"),
    # "open complaints" and the like: counted through these few rows, not the category index
    ("contact_status_category", "contact", "status, category, received_at"),
    # the reception list's date sorts, with their tiebreak (step 19)
    ("contact_promised_id", "contact", "promised_reply_at, id"),
    ("contact_follow_up_due_id", "contact", "follow_up_due, id"),
    ("transfer_status_due", "transfer", "status, due_at"),
    ("complaint_stage_opened", "complaint", "stage, opened_at"),
    ("complaint_severity_opened", "complaint", "severity, opened_at"),
    ("complaint_level_opened", "complaint", "level, opened_at"),
    ("complaint_due", "complaint", "due_at"),
    ("complaint_staff_opened", "complaint", "staff_uuid, opened_at"),
    ("complaint_department_opened", "complaint", "department_uuid, opened_at"),
    ("complaint_event_case_at", "complaint_event", "complaint_uuid, at"),
    ("return_visit_phone_at", "return_visit", "phone, visited_at"),
    ("return_visit_complaint", "return_visit", "complaint_uuid"),
    ("return_visit_contact", "return_visit", "contact_uuid"),
    # each filter + sort holds `deleted` too, so counts never read the table; single-column indexes
    # serve the sort by that column (SQLite keys them by rowid)
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
    ("shift_staff_day", "shift", "staff_uuid, day"),
    ("shift_day_status", "shift", "day, status"),
    ("shift_status_day", "shift", "status, day"),
    ("shift_end", "shift", "end_at"),
    ("shift_swap_shift", "shift_swap", "shift_uuid"),
    ("leave_staff_start", "leave_request", "staff_uuid, start_at"),
    ("leave_start", "leave_request", "start_at"),
    ("fine_rule_code_from", "fine_rule", "code, effective_from"),
    ("incident_occurred", "incident", "occurred_at"),
    ("incident_status_occurred", "incident", "status, occurred_at"),
    ("incident_staff_occurred", "incident", "staff_uuid, occurred_at"),
    ("incident_month_staff", "incident", "month, staff_uuid"),
    ("incident_shift", "incident", "shift_uuid"),
    ("dismissal_incident", "dismissal_proposal", "incident_uuid"),
    ("handover_day", "handover", "day, shift_type_uuid"),
    ("handover_incoming", "handover", "incoming_uuid, acknowledged_at"),
    ("sync_conflict_peer_record", "sync_conflict", "peer, record_uuid"),
    ("assessment_template_family_version", "assessment_template", "family, version"),
    ("assessment_run_period", "assessment_run", "period_key"),
    ("assessment_run_person", "assessment", "run_uuid, staff_uuid"),
    ("assessment_staff_period", "assessment", "staff_uuid, period_start"),
    ("assessment_period_total", "assessment", "period_key, total"),
    ("self_check_staff_slot", "self_check", "staff_uuid, slot"),
    ("self_check_slot", "self_check", "slot"),
    ("self_check_reviewed", "self_check", "reviewed_at, slot"),
    ("kb_article_category_title", "kb_article", "category, title"),
    # the knowledge page: counted and listed in category order through these, never reading the answers
    ("kb_article_live_category", "kb_article", "deleted, category"),
    ("kb_article_live_validity", "kb_article", "deleted, active, valid_to, valid_from"),
    ("kb_article_title", "kb_article", "title"),
    ("kb_article_valid_from", "kb_article", "valid_from"),
    ("kb_article_valid_to", "kb_article", "valid_to"),
    # migration 16 (expressway desk): help calls and notices, newest first, by kind / outcome
    ("help_call_live_received", "help_call", "deleted, received_at"),
    ("help_call_kind_received", "help_call", "kind, deleted, received_at"),
    ("help_call_outcome_received", "help_call", "outcome, deleted, received_at"),
    ("help_call_received", "help_call", "received_at"),
    ("help_call_plate", "help_call", "plate"),
    ("outbound_notice_live_published", "outbound_notice", "deleted, published_at"),
    ("outbound_notice_kind_published", "outbound_notice", "kind, deleted, published_at"),
    ("outbound_notice_published", "outbound_notice", "published_at"),
    ("desk_message_left", "desk_message", "left_at"),
    ("desk_message_pending", "desk_message", "acknowledged_at, recipient_uuid"),
    ("duty_check_shift", "duty_check", "day, shift_type_uuid, item_uuid"),
    ("duty_check_done", "duty_check", "done_at"),
    ("inspection_at", "inspection", "at"),
    ("inspection_kind_at", "inspection", "kind, at"),
    ("inspection_finding_inspection", "inspection_finding", "inspection_uuid"),
    ("public_opinion_received", "public_opinion", "received_at"),
    ("public_opinion_status_received", "public_opinion", "status, received_at"),
)


def synced_tables() -> list[str]:
    """Tables whose rows carry change numbers (every SyncedModel's)."""
    return [m._meta.table_name for m in all_models() if "change_seq" in m._meta.fields]


# PostgreSQL only: a sort on a column of repeated values orders by (column, id) (``ListSpec.tiebreak``), which a
# PostgreSQL index on the column alone does not keep (SQLite's does: it keys every index by rowid), so the
# reception list's sorts walk these instead of sorting millions of rows (step 19 adds them to old databases).
PG_INDEXES: tuple[tuple[str, str, str], ...] = (
    ("contact_channel_id", "contact", "channel, id"),
    ("contact_category_id", "contact", "category, id"),
    ("contact_status_id", "contact", "status, id"),
    ("contact_phone_id", "contact", "phone, id"),
    ("contact_name_id", "contact", "customer_name, id"),
)


def create_pg_indexes(db: peewee.Database) -> None:
    """``PG_INDEXES`` on a PostgreSQL database; nothing on SQLite."""
    if isinstance(db, peewee.PostgresqlDatabase):
        for name, table, columns in PG_INDEXES:
            create_index(db, name, table, columns)


def create_index(db: peewee.Database, name: str, table: str, columns: str) -> None:
    """A plain named index (portable SQL)."""
    db.execute_sql(f"CREATE INDEX IF NOT EXISTS {name} ON {table}({columns})")


def create_tables(db: peewee.Database, models: list[type[peewee.Model]]) -> None:
    """``db.create_tables``; ``WITHOUT ROWID`` is SQLite's alone, so other databases build those tables without it."""
    if isinstance(db, peewee.SqliteDatabase):
        db.create_tables(models)
        return
    sqlite_only = [m for m in models if m._meta.without_rowid]
    for model in sqlite_only:
        model._meta.without_rowid = False
    try:
        db.create_tables(models)
    finally:
        for model in sqlite_only:
            model._meta.without_rowid = True


def create(db: peewee.Database) -> None:
    """Build every table of the current schema in an empty database, with its seed rows."""
    create_tables(db, all_models())
    for name, table, columns in INDEXES:
        create_index(db, name, table, columns)
    create_pg_indexes(db)
    search_index.create(db)
    search_index.create(db, search_index.ARTICLES)
    seeds.insert_all()
    changes.stamp_existing(db, synced_tables())  # as step 12 leaves an old database's rows
    if isinstance(db, peewee.SqliteDatabase):
        db.execute_sql("ANALYZE contact")  # as step 8 left an old database: planner statistics for contacts
