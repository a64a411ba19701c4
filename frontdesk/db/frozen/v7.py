"""Frozen schema step 7 (import history, sync state, conflicts): SQL dumped from the v9 code; never edit."""

from __future__ import annotations

DDL: tuple[str, ...] = (
    'CREATE TABLE "import_history" ("id" INTEGER NOT NULL PRIMARY KEY, "at" DATETIME NOT NULL, "kind" VARCHAR(12) NOT NULL, "file_name" VARCHAR(260) NOT NULL, "checksum" VARCHAR(64) NOT NULL, "peer_site" VARCHAR(16) NOT NULL, "exported_at" VARCHAR(19) NOT NULL, "actor_uuid" VARCHAR(36) NOT NULL, "actor_name" VARCHAR(30) NOT NULL, "inserted" INTEGER NOT NULL, "updated" INTEGER NOT NULL, "skipped" INTEGER NOT NULL, "conflicts" INTEGER NOT NULL)',
    'CREATE INDEX "import_history_at" ON "import_history" ("at")',
    'CREATE TABLE "sync_base" ("peer" VARCHAR(16) NOT NULL, "record_uuid" VARCHAR(36) NOT NULL, "digest" BLOB NOT NULL, PRIMARY KEY ("peer", "record_uuid")) WITHOUT ROWID',
    'CREATE TABLE "sync_conflict" ("id" INTEGER NOT NULL PRIMARY KEY, "detected_at" DATETIME NOT NULL, "import_id" INTEGER, "peer" VARCHAR(16) NOT NULL, "entity" VARCHAR(40) NOT NULL, "record_uuid" VARCHAR(36) NOT NULL, "local_values" TEXT NOT NULL, "incoming_values" TEXT NOT NULL, "incoming_digest" BLOB NOT NULL, "status" VARCHAR(12) NOT NULL, "resolved_by" VARCHAR(30) NOT NULL, "resolved_at" DATETIME)',
    'CREATE INDEX "sync_conflict_detected_at" ON "sync_conflict" ("detected_at")',
    'CREATE INDEX "sync_conflict_record_uuid" ON "sync_conflict" ("record_uuid")',
    'CREATE INDEX "sync_conflict_status" ON "sync_conflict" ("status")',
    'CREATE INDEX sync_conflict_peer_record ON sync_conflict(peer, record_uuid)',
)

ROWS: dict[str, tuple[tuple[str, ...], list[tuple[object, ...]]]] = {}
