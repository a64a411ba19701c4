"""Frozen schema step 2 (reception log, transfers, contact search index): SQL dumped from the v9 code; never edit."""

from __future__ import annotations

DDL: tuple[str, ...] = (
    'CREATE TABLE "contact" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(36) NOT NULL, "site_code" VARCHAR(16) NOT NULL, "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, "revision" INTEGER NOT NULL, "deleted" INTEGER NOT NULL, "number" VARCHAR(32) NOT NULL, "received_at" DATETIME NOT NULL, "channel" VARCHAR(12) NOT NULL, "category" VARCHAR(12) NOT NULL, "customer_name" VARCHAR(30) NOT NULL, "phone" VARCHAR(20) NOT NULL, "request" TEXT NOT NULL, "handling" TEXT NOT NULL, "reply_mode" VARCHAR(12) NOT NULL, "promised_reply_at" DATETIME, "follow_up" VARCHAR(200) NOT NULL, "follow_up_owner_uuid" VARCHAR(36), "follow_up_due" DATE, "status" VARCHAR(12) NOT NULL, "owner_uuid" VARCHAR(36) NOT NULL, "closed_at" DATETIME, FOREIGN KEY ("follow_up_owner_uuid") REFERENCES "staff" ("uuid") ON DELETE SET NULL, FOREIGN KEY ("owner_uuid") REFERENCES "staff" ("uuid"))',
    'CREATE UNIQUE INDEX "contact_uuid" ON "contact" ("uuid")',
    'CREATE INDEX "contact_site_code" ON "contact" ("site_code")',
    'CREATE INDEX "contact_updated_at" ON "contact" ("updated_at")',
    'CREATE UNIQUE INDEX "contact_number" ON "contact" ("number")',
    'CREATE INDEX "contact_received_at" ON "contact" ("received_at")',
    'CREATE INDEX "contact_channel" ON "contact" ("channel")',
    'CREATE INDEX "contact_category" ON "contact" ("category")',
    'CREATE INDEX "contact_customer_name" ON "contact" ("customer_name")',
    'CREATE INDEX "contact_phone" ON "contact" ("phone")',
    'CREATE INDEX "contact_follow_up_owner_uuid" ON "contact" ("follow_up_owner_uuid")',
    'CREATE INDEX "contact_status" ON "contact" ("status")',
    'CREATE INDEX "contact_owner_uuid" ON "contact" ("owner_uuid")',
    'CREATE TABLE "transfer" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(36) NOT NULL, "site_code" VARCHAR(16) NOT NULL, "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, "revision" INTEGER NOT NULL, "deleted" INTEGER NOT NULL, "contact_uuid" VARCHAR(36) NOT NULL, "department_uuid" VARCHAR(36) NOT NULL, "transferred_by_uuid" VARCHAR(36) NOT NULL, "transferred_at" DATETIME NOT NULL, "due_at" DATETIME NOT NULL, "instructions" VARCHAR(500) NOT NULL, "status" VARCHAR(12) NOT NULL, "reply" TEXT NOT NULL, "result" VARCHAR(500) NOT NULL, "replied_at" DATETIME, "chase_count" INTEGER NOT NULL, "last_chased_at" DATETIME, FOREIGN KEY ("contact_uuid") REFERENCES "contact" ("uuid"), FOREIGN KEY ("department_uuid") REFERENCES "department" ("uuid"), FOREIGN KEY ("transferred_by_uuid") REFERENCES "staff" ("uuid"))',
    'CREATE UNIQUE INDEX "transfer_uuid" ON "transfer" ("uuid")',
    'CREATE INDEX "transfer_site_code" ON "transfer" ("site_code")',
    'CREATE INDEX "transfer_updated_at" ON "transfer" ("updated_at")',
    'CREATE INDEX "transfer_contact_uuid" ON "transfer" ("contact_uuid")',
    'CREATE INDEX "transfer_department_uuid" ON "transfer" ("department_uuid")',
    'CREATE INDEX "transfer_transferred_by_uuid" ON "transfer" ("transferred_by_uuid")',
    'CREATE INDEX "transfer_transferred_at" ON "transfer" ("transferred_at")',
    'CREATE INDEX "transfer_due_at" ON "transfer" ("due_at")',
    'CREATE INDEX "transfer_status" ON "transfer" ("status")',
    'CREATE INDEX contact_live_received ON contact(deleted, received_at)',
    'CREATE INDEX contact_status_received ON contact(status, received_at)',
    'CREATE INDEX contact_owner_received ON contact(owner_uuid, received_at)',
    'CREATE INDEX contact_phone_received ON contact(phone, received_at)',
    'CREATE INDEX transfer_status_due ON transfer(status, due_at)',
    "CREATE VIRTUAL TABLE contact_fts USING fts5(uni, bi, content='', tokenize='unicode61', detail='full', columnsize=0)",
)

ROWS: dict[str, tuple[tuple[str, ...], list[tuple[object, ...]]]] = {}
