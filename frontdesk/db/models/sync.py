"""Sync bookkeeping (site-local, never exported): import history, per-peer merge bases, open conflicts."""

from __future__ import annotations

import peewee

from frontdesk.clock import now
from frontdesk.db.fields import sql_default
from frontdesk.db.models.base import BaseModel


class ImportHistory(BaseModel):
    """One applied import: a site workbook or a hand-made spreadsheet (roster, fine schedule)."""

    at = peewee.DateTimeField(default=now, index=True)
    kind = peewee.CharField(max_length=12, default="site")  # site / roster / fines
    file_name = peewee.CharField(max_length=260, default="")
    checksum = peewee.CharField(max_length=64, default="")
    peer_site = peewee.CharField(max_length=16, default="")
    exported_at = peewee.CharField(max_length=19, default="")
    actor_uuid = peewee.CharField(max_length=36, default="")
    actor_name = peewee.CharField(max_length=30, default="")
    inserted = peewee.IntegerField(default=0)
    updated = peewee.IntegerField(default=0)
    skipped = peewee.IntegerField(default=0)
    conflicts = peewee.IntegerField(default=0)

    class Meta:
        table_name = "import_history"


class SyncBase(BaseModel):
    """The content digest of a record as last imported from ``peer``: what both sides last agreed on."""

    peer = peewee.CharField(max_length=16)
    record_uuid = peewee.CharField(max_length=36)
    digest = peewee.BlobField()

    class Meta:
        table_name = "sync_base"
        primary_key = peewee.CompositeKey("peer", "record_uuid")
        without_rowid = True


class SyncConflict(BaseModel):
    """A record changed at both sites since their last exchange: local kept, both versions stored as JSON."""

    detected_at = peewee.DateTimeField(default=now, index=True)
    import_id = peewee.IntegerField(null=True)
    peer = peewee.CharField(max_length=16)
    entity = peewee.CharField(max_length=40)
    record_uuid = peewee.CharField(max_length=36, index=True)
    local_values = peewee.TextField()
    incoming_values = peewee.TextField()
    incoming_digest = peewee.BlobField()
    # the version both sites last agreed on (JSON; "" when it is not known here) and which side is newer
    # by revision, then by edit time ("local" / "incoming" / "")
    base_values = peewee.TextField(default="", constraints=[sql_default("")])
    newer = peewee.CharField(max_length=8, default="", constraints=[sql_default("")])
    status = peewee.CharField(max_length=12, default="open", index=True)  # open / local / incoming / superseded
    resolved_by = peewee.CharField(max_length=30, default="")
    resolved_at = peewee.DateTimeField(null=True)

    class Meta:
        table_name = "sync_conflict"


class ChangeCounter(BaseModel):
    """The database's change number (``db/changes.py``): one row, bumped by every write of a synced record."""

    name = peewee.CharField(max_length=16, primary_key=True)
    value = peewee.BigIntegerField(default=0)

    class Meta:
        table_name = "change_counter"


class SyncPeer(BaseModel):
    """Exchange state with one other site: what we sent it (cursor, export number, cumulative version vector),
    what we imported from it (its export number and change number), and the highest origin number of its
    own edits we hold (our version vector's entry for it). Site-local, never exported."""

    peer = peewee.CharField(max_length=16, primary_key=True)
    sent_no = peewee.IntegerField(default=0)
    sent_seq = peewee.BigIntegerField(default=0)
    sent_vector = peewee.TextField(default="{}")
    received_no = peewee.IntegerField(default=0)
    received_seq = peewee.BigIntegerField(default=0)
    known_seq = peewee.BigIntegerField(default=0)
    sent_at = peewee.DateTimeField(null=True)  # when the last export to this peer was written

    class Meta:
        table_name = "sync_peer"


class SyncSent(BaseModel):
    """The content digest of a record as last exported to ``peer``, with the export's change number ``seq``:
    it becomes that peer's merge base (``sync_base``) once the peer acknowledges having imported that far."""

    peer = peewee.CharField(max_length=16)
    record_uuid = peewee.CharField(max_length=36)
    digest = peewee.BlobField()
    seq = peewee.BigIntegerField()

    class Meta:
        table_name = "sync_sent"
        primary_key = peewee.CompositeKey("peer", "record_uuid")
        without_rowid = True


class SyncShadow(BaseModel):
    """A record's version as it was when a peer last had it (imported from one, or exported since), kept by
    the first local edit after that: the base a later conflict shows. One per record, replaced as it moves on."""

    entity = peewee.CharField(max_length=40)
    record_uuid = peewee.CharField(max_length=36)
    row_values = peewee.TextField()  # JSON of the stored columns (database values)

    class Meta:
        table_name = "sync_shadow"
        primary_key = peewee.CompositeKey("entity", "record_uuid")
        without_rowid = True
