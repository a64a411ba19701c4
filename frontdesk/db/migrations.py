"""Schema version and ordered migrations (Vorta's way): a fresh database is built at the latest version
and stamped; an old one runs only the steps above its version, each atomic, the file backed up first.

Steps 1–9 replay the SQL they ran when they were written (``db/frozen``), so no step builds a table
from today's model classes. A later step changes the schema with the portable helpers below, and the
model (or ``db/schema.INDEXES``) gets the same change, so a fresh and a migrated database stay alike::

    Migration(11, "repair orders: courier", lambda db: add_column(
        db, "repair_order", "courier", peewee.CharField(max_length=30, default="", constraints=[sql_default("")])))
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import peewee
from playhouse.migrate import SchemaMigrator

from frontdesk import clock
from frontdesk.db import changes, frozen, schema, search_index
from frontdesk.db.connection import database
from frontdesk.db.fields import has_sql_default, sql_default
from frontdesk.db.models import SchemaVersion
from frontdesk.domain import audit_chain, text
from frontdesk.errors import T, UserError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Migration:
    """One schema step. ``apply`` must only add (tables, columns, indexes), never drop user data."""

    version: int
    name: str
    apply: Callable[[peewee.Database], None]


def add_column(db: peewee.Database, table: str, name: str, field: peewee.Field) -> None:
    """``ALTER TABLE … ADD COLUMN`` in portable SQL; a NOT NULL column needs ``constraints=[sql_default(v)]``.

    peewee's ``default=`` lives in Python only, so without an SQL default the rows already there
    would have no value (SQLite refuses the statement, PostgreSQL fails on the first row).
    """
    if not field.null and not has_sql_default(field):
        raise ValueError(f"{table}.{name}: a NOT NULL column added to existing rows needs an SQL DEFAULT")
    migrator = SchemaMigrator.from_database(db)
    field.name = field.column_name = name
    ctx = migrator.make_context()
    ctx.literal("ALTER TABLE ").sql(peewee.Entity(table)).literal(" ADD COLUMN ").sql(field.ddl(ctx))
    if isinstance(field, peewee.ForeignKeyField):
        migrator.add_inline_fk_sql(ctx, field)
    db.execute(ctx)
    if field.index or field.unique:
        index = peewee.Index(f"{table}_{name}", peewee.Table(table), [peewee.Entity(name)], unique=field.unique)
        db.execute(index)


def add_index(db: peewee.Database, name: str, table: str, columns: str) -> None:
    """A named index (list it in ``db/schema.INDEXES`` too, for fresh databases)."""
    schema.create_index(db, name, table, columns)


def _audit_chain(db: peewee.Database) -> None:
    """The audit trail becomes hash-chained: two columns, then every site's existing entries chained in order."""
    add_column(db, "audit_log", "prev_hash", peewee.CharField(max_length=64, default="", constraints=[sql_default("")]))
    add_column(db, "audit_log", "hash", peewee.CharField(max_length=64, default="", constraints=[sql_default("")]))
    names = ", ".join(f'"{n}"' for n in audit_chain.CHAINED_FIELDS)
    cursor = db.execute_sql(f'SELECT "id", {names} FROM "audit_log" ORDER BY "site_code", "id"')
    last: dict[str, str] = {}
    updates = []
    for row in cursor.fetchall():
        entry = dict(zip(audit_chain.CHAINED_FIELDS, row[1:], strict=True))
        prev = last.get(entry["site_code"], "")
        last[entry["site_code"]] = digest = audit_chain.entry_hash(entry, prev)
        updates.append((prev, digest, row[0]))
    if updates:
        db.cursor().executemany('UPDATE "audit_log" SET "prev_hash" = ?, "hash" = ? WHERE "id" = ?', updates)


def _sla_policy(db: peewee.Database) -> None:
    """Complaints: SLA policy versions, the case's policy and handler, classification/escalation log fields."""

    class SlaPolicyV11(peewee.Model):  # the table as this step made it, not today's model
        uuid = peewee.CharField(max_length=36, unique=True)
        site_code = peewee.CharField(max_length=16, index=True)
        created_at = peewee.DateTimeField()
        updated_at = peewee.DateTimeField(index=True)
        revision = peewee.IntegerField()
        deleted = peewee.BooleanField()
        effective_from = peewee.DateField()
        spec = peewee.TextField()
        changed_by = peewee.CharField(max_length=30)
        note = peewee.CharField(max_length=200)

        class Meta:
            table_name = "sla_policy"
            legacy_table_names = False

    class StaffRef(peewee.Model):  # only what the handler's foreign key points at
        uuid = peewee.CharField(max_length=36, unique=True)

        class Meta:
            table_name = "staff"

    class ComplaintV11(peewee.Model):
        handler_uuid = peewee.ForeignKeyField(StaffRef, field="uuid", null=True, on_delete="SET NULL",
                                              column_name="handler_uuid")

        class Meta:
            table_name = "complaint"

    with db.bind_ctx([SlaPolicyV11, StaffRef, ComplaintV11]):
        db.create_tables([SlaPolicyV11])
        add_column(db, "complaint", "handler_uuid", ComplaintV11._meta.fields["handler_uuid"])
    text = partial(peewee.CharField, default="", constraints=[sql_default("")])
    add_column(db, "complaint", "policy_uuid", text(max_length=36))
    for name, length in (("field", 20), ("old_value", 60), ("new_value", 60)):
        add_column(db, "complaint_event", name, text(max_length=length))


def _knowledge_base(db: peewee.Database) -> None:
    """Knowledge base: the article table, its category index and its search index."""

    class KbArticleV13(peewee.Model):  # the table as this step made it, not today's model
        uuid = peewee.CharField(max_length=36, unique=True)
        site_code = peewee.CharField(max_length=16, index=True)
        created_at = peewee.DateTimeField()
        updated_at = peewee.DateTimeField(index=True)
        revision = peewee.IntegerField()
        deleted = peewee.BooleanField()
        category = peewee.CharField(max_length=20, index=True)
        title = peewee.CharField(max_length=100)
        keywords = peewee.CharField(max_length=200)
        answer = peewee.TextField()
        valid_from = peewee.DateField(null=True)
        valid_to = peewee.DateField(null=True)
        active = peewee.BooleanField()
        # step 12 gave every synced table these, so a table made after it has them from the start
        change_seq = peewee.BigIntegerField(default=0, index=True, constraints=[sql_default(0)])
        origin_site = peewee.CharField(max_length=16, default="", constraints=[sql_default("")])
        origin_seq = peewee.BigIntegerField(default=0, constraints=[sql_default(0)])
        change_peer = peewee.CharField(max_length=16, default="", constraints=[sql_default("")])

        class Meta:
            table_name = "kb_article"
            legacy_table_names = False

    with db.bind_ctx([KbArticleV13]):
        db.create_tables([KbArticleV13])
    for name, columns in (("kb_article_category_title", "category, title"), ("kb_article_live_category", "deleted, category"),
                          ("kb_article_live_validity", "deleted, active, valid_to, valid_from"),
                          ("kb_article_title", "title"), ("kb_article_valid_from", "valid_from"),
                          ("kb_article_valid_to", "valid_to")):
        add_index(db, name, "kb_article", columns)
    if isinstance(db, peewee.SqliteDatabase):
        search_index.create(db, search_index.ARTICLES)


class _SyncedSince12(peewee.Model):
    """The columns every synced table has from its start when a step after 12 (change numbers) makes it;
    steps 14-16 share it because those columns have not changed since."""

    uuid = peewee.CharField(max_length=36, unique=True)
    site_code = peewee.CharField(max_length=16, index=True)
    created_at = peewee.DateTimeField()
    updated_at = peewee.DateTimeField(index=True)
    revision = peewee.IntegerField()
    deleted = peewee.BooleanField()
    change_seq = peewee.BigIntegerField(default=0, index=True, constraints=[sql_default(0)])
    origin_site = peewee.CharField(max_length=16, default="", constraints=[sql_default("")])
    origin_seq = peewee.BigIntegerField(default=0, constraints=[sql_default(0)])
    change_peer = peewee.CharField(max_length=16, default="", constraints=[sql_default("")])

    class Meta:
        legacy_table_names = False


def _train_records(db: peewee.Database) -> None:
    """Satisfaction in three dimensions on complaints and return visits; training sessions and attendance.
    (An ad-hoc assessment needs no column: its run's period_kind is "adhoc".)"""
    text = partial(peewee.CharField, max_length=12, default="", constraints=[sql_default("")])
    for table in ("complaint", "return_visit"):
        for name in ("sat_speed", "sat_result", "sat_communication"):
            add_column(db, table, name, text())

    class StaffRef(peewee.Model):  # only what the attendance's foreign key points at
        uuid = peewee.CharField(max_length=36, unique=True)

        class Meta:
            table_name = "staff"

    class TrainingSessionV14(_SyncedSince12):
        kind = peewee.CharField(max_length=12, index=True)
        title = peewee.CharField(max_length=60)
        held_on = peewee.DateField(index=True)
        hours = peewee.BigIntegerField()  # hundredths
        trainer = peewee.CharField(max_length=30)
        content = peewee.TextField()
        pass_score = peewee.BigIntegerField(null=True)  # hundredths
        created_by_name = peewee.CharField(max_length=30)

        class Meta:
            table_name = "training_session"

    class TrainingAttendanceV14(_SyncedSince12):
        session = peewee.ForeignKeyField(TrainingSessionV14, field="uuid", column_name="session_uuid")
        staff = peewee.ForeignKeyField(StaffRef, field="uuid", column_name="staff_uuid")
        status = peewee.CharField(max_length=10)
        score = peewee.BigIntegerField(null=True)

        class Meta:
            table_name = "training_attendance"

    with db.bind_ctx([TrainingSessionV14, TrainingAttendanceV14, StaffRef]):
        db.create_tables([TrainingSessionV14, TrainingAttendanceV14])


def _expressway_desk(db: peewee.Database) -> None:
    """Expressway help calls and outbound notices (issue 19 item 6); meal times of shift types (item 9)."""

    class HelpCallV16(_SyncedSince12):  # the tables as this step made them, not today's models
        number = peewee.CharField(max_length=40, unique=True)
        received_at = peewee.DateTimeField()
        kind = peewee.CharField(max_length=16)
        caller_phone = peewee.CharField(max_length=30)
        plate = peewee.CharField(max_length=10)
        vehicle_type = peewee.CharField(max_length=16)
        direction = peewee.CharField(max_length=16)
        stake = peewee.CharField(max_length=12)
        stake_m = peewee.IntegerField(null=True)
        location = peewee.CharField(max_length=200)
        description = peewee.TextField()
        dispatched = peewee.CharField(max_length=200)
        dispatched_at = peewee.DateTimeField(null=True)
        outcome = peewee.CharField(max_length=16)
        outcome_note = peewee.TextField()
        closed_at = peewee.DateTimeField(null=True)
        recorded_by = peewee.CharField(max_length=36)

        class Meta:
            table_name = "help_call"
            legacy_table_names = False

    class OutboundNoticeV16(_SyncedSince12):
        kind = peewee.CharField(max_length=16)
        title = peewee.CharField(max_length=100)
        content = peewee.TextField()
        channel = peewee.CharField(max_length=16)
        published_at = peewee.DateTimeField()
        reach = peewee.IntegerField()
        valid_to = peewee.DateTimeField(null=True)
        note = peewee.CharField(max_length=200)
        recorded_by = peewee.CharField(max_length=36)

        class Meta:
            table_name = "outbound_notice"
            legacy_table_names = False

    with db.bind_ctx([HelpCallV16, OutboundNoticeV16]):
        db.create_tables([HelpCallV16, OutboundNoticeV16])
    for name, table, columns in (
            ("help_call_live_received", "help_call", "deleted, received_at"),
            ("help_call_kind_received", "help_call", "kind, deleted, received_at"),
            ("help_call_outcome_received", "help_call", "outcome, deleted, received_at"),
            ("help_call_received", "help_call", "received_at"), ("help_call_plate", "help_call", "plate"),
            ("outbound_notice_live_published", "outbound_notice", "deleted, published_at"),
            ("outbound_notice_kind_published", "outbound_notice", "kind, deleted, published_at"),
            ("outbound_notice_published", "outbound_notice", "published_at")):
        add_index(db, name, table, columns)
    for name in ("meal_start", "meal_end"):
        add_column(db, "shift_type", name, peewee.CharField(max_length=5, default="", constraints=[sql_default("")]))



# the synced tables as step 12 found them (not today's list: a later table gets its columns from its model)
_SYNCED_V11 = (
    "audit_log", "department", "staff", "contact", "transfer", "complaint", "complaint_event", "holiday",
    "sla_policy", "forbidden_phrase", "standard_phrase", "key_customer", "return_visit", "repair_event",
    "repair_order", "return_order", "dismissal_proposal", "fine_month", "fine_rule", "handover", "incident",
    "leave_request", "shift", "shift_swap", "shift_type", "assessment", "assessment_run", "assessment_template",
    "self_check",
)


def _change_sequence(db: peewee.Database) -> None:
    """Sync by change number: every synced row gets change_seq (indexed) and its origin's site and number;
    the counter and the per-peer exchange state tables."""

    class ChangeCounterV12(peewee.Model):
        name = peewee.CharField(max_length=16, primary_key=True)
        value = peewee.BigIntegerField()

        class Meta:
            table_name = "change_counter"

    class SyncPeerV12(peewee.Model):
        peer = peewee.CharField(max_length=16, primary_key=True)
        sent_no = peewee.IntegerField()
        sent_seq = peewee.BigIntegerField()
        sent_vector = peewee.TextField()
        received_no = peewee.IntegerField()
        received_seq = peewee.BigIntegerField()
        known_seq = peewee.BigIntegerField()

        class Meta:
            table_name = "sync_peer"

    class SyncSentV12(peewee.Model):
        peer = peewee.CharField(max_length=16)
        record_uuid = peewee.CharField(max_length=36)
        digest = peewee.BlobField()
        seq = peewee.BigIntegerField()

        class Meta:
            table_name = "sync_sent"
            primary_key = peewee.CompositeKey("peer", "record_uuid")
            without_rowid = True

    with db.bind_ctx([ChangeCounterV12, SyncPeerV12, SyncSentV12]):
        db.create_tables([ChangeCounterV12, SyncPeerV12, SyncSentV12])
    for table in _SYNCED_V11:
        add_column(db, table, "change_seq", peewee.BigIntegerField(default=0, index=True, constraints=[sql_default(0)]))
        add_column(db, table, "origin_site", peewee.CharField(max_length=16, default="", constraints=[sql_default("")]))
        add_column(db, table, "origin_seq", peewee.BigIntegerField(default=0, constraints=[sql_default(0)]))
        add_column(db, table, "change_peer", peewee.CharField(max_length=16, default="", constraints=[sql_default("")]))
    changes.stamp_existing(db, _SYNCED_V11)
    _clean_stored_text(db)


def _clean_stored_text(db: peewee.Database) -> None:
    """Control characters (but tab and newline) out of every stored text of the synced tables, as text is
    cleaned where it enters from now on; the contact search index follows (it indexed the old text)."""
    for table in _SYNCED_V11:
        names = [c.name for c in db.get_columns(table)
                 if c.data_type.upper().startswith(("VARCHAR", "TEXT", "CHAR")) and c.name != "uuid"]
        quoted = ", ".join(f'"{n}"' for n in names)
        fixes = []
        for row in db.execute_sql(f'SELECT "id", {quoted} FROM "{table}"').fetchall():
            texts = list(row[1:])
            clean = [text.clean(v) if isinstance(v, str) else v for v in texts]
            if clean != texts:
                fixes.append((row[0], texts, clean))
        sets = ", ".join(f'"{n}" = ?' for n in names)
        for rowid, old, new in fixes:
            db.execute_sql(f'UPDATE "{table}" SET {sets} WHERE "id" = ?', (*new, rowid))
            if table == "contact" and isinstance(db, peewee.SqliteDatabase):
                at = [names.index(c) for c in search_index.CONTACT_COLUMNS]
                live = db.execute_sql('SELECT "deleted" FROM "contact" WHERE "id" = ?', (rowid,)).fetchone()[0] == 0
                if live:
                    search_index.replace(rowid, [old[i] or "" for i in at], [new[i] or "" for i in at])




# seed 002's duty checklist as step 15 seeded it: (uuid, name, shift type uuid, due, reading, unit, note, position)
_DUTY_SEED_V15 = (
    ("a68ad4a3-b413-510f-a98e-8d285f397788", "抄早电表", "4a2cfce8-5b7e-5f39-b1a8-7c7a8bb8ba12", "08:30", True,
     "kWh", "每天开店后抄总电表读数", 0),
    ("935a1d27-e369-5db4-94af-8342eaee7cd2", "开启区域照明", "4a2cfce8-5b7e-5f39-b1a8-7c7a8bb8ba12", "08:30", False,
     "", "大厅、操房、更衣区", 1),
    ("aa69e121-9134-52d8-b548-fba47fb36491", "制冷/暖设备定时开启", "4a2cfce8-5b7e-5f39-b1a8-7c7a8bb8ba12", "09:00", False,
     "", "按季节设定温度", 2),
    ("abc353e3-1391-556a-b2ee-644420fa12af", "课程广播提示", "ff8731b7-1e75-53c5-ac55-94d7c212ac4c", "18:50", False,
     "", "课程表：19:00 动感单车 · 19:30 瑜伽 · 20:00 搏击操（上课前 10 分钟广播）", 3),
    ("2eba79b4-3193-5861-99cf-3f0ea63a148c", "关闭区域照明及冷暖设备", "ff8731b7-1e75-53c5-ac55-94d7c212ac4c", "22:00", False,
     "", "闭店前逐区检查", 4),
)
_DUTY_INDEXES_V15 = (
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


def _desk_duties(db: peewee.Database) -> None:
    """Desk duties: messages for absent colleagues, the per-shift duty checklist (seed 002's lines) and its ticks;
    supervision: inspection rounds and mystery-shopper visits, their findings, public-opinion entries."""

    class DeskMessageV15(_SyncedSince12):
        author_uuid = peewee.CharField(max_length=36)
        author_name = peewee.CharField(max_length=30)
        recipient_uuid = peewee.CharField(max_length=36)
        recipient_name = peewee.CharField(max_length=30)
        caller = peewee.CharField(max_length=30)
        caller_phone = peewee.CharField(max_length=30)
        body = peewee.CharField(max_length=500)
        urgent = peewee.BooleanField()
        left_at = peewee.DateTimeField()
        acknowledged_at = peewee.DateTimeField(null=True)
        acknowledged_by = peewee.CharField(max_length=36)
        acknowledged_by_name = peewee.CharField(max_length=30)

        class Meta:
            table_name = "desk_message"

    class DutyItemV15(_SyncedSince12):
        name = peewee.CharField(max_length=60)
        shift_type_uuid = peewee.CharField(max_length=36)
        due_time = peewee.CharField(max_length=5)
        needs_reading = peewee.BooleanField()
        unit = peewee.CharField(max_length=10)
        note = peewee.CharField(max_length=200)
        position = peewee.IntegerField()
        active = peewee.BooleanField()

        class Meta:
            table_name = "duty_item"

    class DutyCheckV15(_SyncedSince12):
        item_uuid = peewee.CharField(max_length=36)
        day = peewee.DateField()
        shift_type_uuid = peewee.CharField(max_length=36)
        status = peewee.CharField(max_length=10)
        done_at = peewee.DateTimeField(null=True)
        staff_uuid = peewee.CharField(max_length=36)
        staff_name = peewee.CharField(max_length=30)
        reading = peewee.BigIntegerField(null=True)
        note = peewee.CharField(max_length=200)
        incident_uuid = peewee.CharField(max_length=36)

        class Meta:
            table_name = "duty_check"

    class InspectionV15(_SyncedSince12):
        kind = peewee.CharField(max_length=12)
        at = peewee.DateTimeField()
        inspector = peewee.CharField(max_length=30)
        staff_uuid = peewee.CharField(max_length=36)
        staff_name = peewee.CharField(max_length=30)
        checklist = peewee.TextField()
        failed = peewee.IntegerField()
        summary = peewee.CharField(max_length=500)
        recording = peewee.CharField(max_length=300)
        recorded_by = peewee.CharField(max_length=36)
        recorded_by_name = peewee.CharField(max_length=30)

        class Meta:
            table_name = "inspection"

    class InspectionFindingV15(_SyncedSince12):
        inspection_uuid = peewee.CharField(max_length=36)
        staff_uuid = peewee.CharField(max_length=36)
        staff_name = peewee.CharField(max_length=30)
        text = peewee.CharField(max_length=300)
        action = peewee.CharField(max_length=10)
        rule_code = peewee.CharField(max_length=8)
        amount = peewee.BigIntegerField(null=True)
        incident_uuid = peewee.CharField(max_length=36)
        coaching = peewee.CharField(max_length=300)
        recorded_by_name = peewee.CharField(max_length=30)

        class Meta:
            table_name = "inspection_finding"

    class PublicOpinionV15(_SyncedSince12):
        source = peewee.CharField(max_length=12)
        platform = peewee.CharField(max_length=30)
        received_at = peewee.DateTimeField()
        rating = peewee.IntegerField(null=True)
        author = peewee.CharField(max_length=30)
        content = peewee.CharField(max_length=1000)
        status = peewee.CharField(max_length=10)
        follow_up = peewee.CharField(max_length=500)
        followed_up_at = peewee.DateTimeField(null=True)
        handler_name = peewee.CharField(max_length=30)
        recorded_by_name = peewee.CharField(max_length=30)

        class Meta:
            table_name = "public_opinion"

    tables = [DeskMessageV15, DutyItemV15, DutyCheckV15, InspectionV15, InspectionFindingV15, PublicOpinionV15]
    with db.bind_ctx(tables):
        db.create_tables(tables)
        now = clock.now()
        for uuid, name, shift, due, reading, unit, note, position in _DUTY_SEED_V15:
            DutyItemV15.insert(uuid=uuid, site_code="", created_at=now, updated_at=now, revision=1, deleted=False,
                               name=name, shift_type_uuid=shift, due_time=due, needs_reading=reading, unit=unit,
                               note=note, position=position, active=True).execute()
    for name, table, columns in _DUTY_INDEXES_V15:
        add_index(db, name, table, columns)
    changes.stamp_existing(db, ["duty_item"])
def _sync_exchange(db: peewee.Database) -> None:
    """Sync: conflicts keep the base and which side is newer, the last export time per peer, and the shadow
    table of versions a peer has (the base of a later conflict)."""

    class SyncShadowV18(peewee.Model):
        entity = peewee.CharField(max_length=40)
        record_uuid = peewee.CharField(max_length=36)
        row_values = peewee.TextField()

        class Meta:
            table_name = "sync_shadow"
            primary_key = peewee.CompositeKey("entity", "record_uuid")
            without_rowid = True

    with db.bind_ctx([SyncShadowV18]):
        schema.create_tables(db, [SyncShadowV18])  # WITHOUT ROWID on SQLite only
    add_column(db, "sync_conflict", "base_values", peewee.TextField(default="", constraints=[sql_default("")]))
    add_column(db, "sync_conflict", "newer", peewee.CharField(max_length=8, default="", constraints=[sql_default("")]))
    add_column(db, "sync_peer", "sent_at", peewee.DateTimeField(null=True))



def _list_sorts(db: peewee.Database) -> None:
    """The reception list's date sorts on an index (both databases), and on PostgreSQL the (column, id)
    indexes its other sorts need (SQLite's single-column indexes already end in the rowid)."""
    add_index(db, "contact_promised_id", "contact", "promised_reply_at, id")
    add_index(db, "contact_follow_up_due_id", "contact", "follow_up_due, id")
    schema.create_pg_indexes(db)
    if isinstance(db, peewee.SqliteDatabase):
        db.execute_sql("ANALYZE contact")  # an index without statistics looks selective to SQLite's planner


MIGRATIONS: list[Migration] = [
    Migration(1, "foundation: site, departments, staff, numbering, audit", partial(frozen.replay, version=1)),
    Migration(2, "reception log, transfers, contact search index", partial(frozen.replay, version=2)),
    Migration(3, "complaints, events, holiday overrides", partial(frozen.replay, version=3)),
    Migration(4, "phrase book, return visits, key customers", partial(frozen.replay, version=4)),
    Migration(5, "returns, exchanges, repair orders", partial(frozen.replay, version=5)),
    Migration(6, "shifts, attendance, fines, incidents, handover", partial(frozen.replay, version=6)),
    Migration(7, "import history, sync state, conflicts", partial(frozen.replay, version=7)),
    Migration(8, "contact index for status + category filters", partial(frozen.replay, version=8)),
    Migration(9, "assessment templates, runs, scores, etiquette self-checks", partial(frozen.replay, version=9)),
    Migration(10, "audit trail: hash chain per site", _audit_chain),
    Migration(11, "complaints: SLA policy versions, handler, classification log", _sla_policy),
    Migration(12, "sync: change numbers, origin of each version, exchange state per peer", _change_sequence),
    Migration(13, "knowledge base articles and their search index", _knowledge_base),
    Migration(14, "satisfaction in three dimensions, ad-hoc assessments, training records", _train_records),
    Migration(16, "expressway help calls and outbound notices; meal times of shift types", _expressway_desk),
    Migration(15, "desk duties: messages for absent colleagues, duty checklist and its ticks; supervision",
              _desk_duties),
    Migration(18, "sync: conflict base and newer side, last export per peer, shadow versions", _sync_exchange),
    Migration(19, "reception list sorts: date indexes; (column, id) indexes on PostgreSQL", _list_sorts),
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


def create_fresh(db: peewee.Database) -> list[int]:
    """Build the current schema in an empty database and stamp every step as applied."""
    with db.atomic():
        db.create_tables([SchemaVersion])
        schema.create(db)
        for step in MIGRATIONS:
            SchemaVersion.create(version=step.version, name=step.name)
    log.info("created a fresh database at schema version %d", LATEST_VERSION)
    return [m.version for m in MIGRATIONS]


def run_steps(db: peewee.Database, steps: list[Migration]) -> list[int]:
    """Apply ``steps`` in order, each in its own transaction with its version row."""
    db.create_tables([SchemaVersion], safe=True)
    applied = []
    for step in steps:
        with db.atomic():
            step.apply(db)
            SchemaVersion.create(version=step.version, name=step.name)
        log.info("applied migration %d: %s", step.version, step.name)
        applied.append(step.version)
    return applied


def migrate(backup_dir: Path | None = None, keep: int = 14) -> list[int]:
    """Create a fresh database at the latest version, or apply an old one's pending steps after a backup."""
    current = schema_version()
    unknown = applied_versions() - {m.version for m in MIGRATIONS}
    if unknown:
        raise UserError(
            T("errors", "数据库结构版本（{0}）比本程序支持的（{1}）新，请升级 FrontDesk 后再打开。").format(
                max(unknown), LATEST_VERSION
            )
        )
    db = database.obj
    if current == 0:
        return create_fresh(db)
    pending = pending_migrations()
    if not pending:
        return []
    if backup_dir is not None and isinstance(db, peewee.SqliteDatabase):  # a server is backed up by pg_dump
        from frontdesk.db.backup import backup_database

        path = backup_database(backup_dir, keep=keep, reason=f"before-v{pending[0].version}")
        log.info("backed up %s before migrating from version %d", path, current)
    return run_steps(db, pending)
