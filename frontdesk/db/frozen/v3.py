"""Frozen schema step 3 (complaints, events, holiday overrides): SQL dumped from the v9 code; never edit."""

from __future__ import annotations

DDL: tuple[str, ...] = (
    'CREATE TABLE "complaint" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(36) NOT NULL, "site_code" VARCHAR(16) NOT NULL, "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, "revision" INTEGER NOT NULL, "deleted" INTEGER NOT NULL, "number" VARCHAR(32) NOT NULL, "contact_uuid" VARCHAR(36), "opened_at" DATETIME NOT NULL, "opened_by" VARCHAR(36) NOT NULL, "customer_name" VARCHAR(30) NOT NULL, "phone" VARCHAR(20) NOT NULL, "subject" VARCHAR(100) NOT NULL, "description" TEXT NOT NULL, "category" VARCHAR(16) NOT NULL, "department_uuid" VARCHAR(36), "staff_uuid" VARCHAR(36), "severity" VARCHAR(10) NOT NULL, "level" INTEGER NOT NULL, "stage" VARCHAR(10) NOT NULL, "paused" INTEGER NOT NULL, "due_at" DATETIME, "satisfaction" VARCHAR(12) NOT NULL, "customer_confirmed" INTEGER NOT NULL, "closed_at" DATETIME, FOREIGN KEY ("contact_uuid") REFERENCES "contact" ("uuid") ON DELETE SET NULL, FOREIGN KEY ("department_uuid") REFERENCES "department" ("uuid") ON DELETE SET NULL, FOREIGN KEY ("staff_uuid") REFERENCES "staff" ("uuid") ON DELETE SET NULL)',
    'CREATE UNIQUE INDEX "complaint_uuid" ON "complaint" ("uuid")',
    'CREATE INDEX "complaint_site_code" ON "complaint" ("site_code")',
    'CREATE INDEX "complaint_updated_at" ON "complaint" ("updated_at")',
    'CREATE UNIQUE INDEX "complaint_number" ON "complaint" ("number")',
    'CREATE INDEX "complaint_contact_uuid" ON "complaint" ("contact_uuid")',
    'CREATE INDEX "complaint_opened_at" ON "complaint" ("opened_at")',
    'CREATE INDEX "complaint_customer_name" ON "complaint" ("customer_name")',
    'CREATE INDEX "complaint_phone" ON "complaint" ("phone")',
    'CREATE INDEX "complaint_department_uuid" ON "complaint" ("department_uuid")',
    'CREATE INDEX "complaint_staff_uuid" ON "complaint" ("staff_uuid")',
    'CREATE TABLE "complaint_event" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(36) NOT NULL, "site_code" VARCHAR(16) NOT NULL, "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, "revision" INTEGER NOT NULL, "deleted" INTEGER NOT NULL, "complaint_uuid" VARCHAR(36) NOT NULL, "kind" VARCHAR(10) NOT NULL, "from_stage" VARCHAR(10) NOT NULL, "to_stage" VARCHAR(10) NOT NULL, "at" DATETIME NOT NULL, "actor_uuid" VARCHAR(36) NOT NULL, "actor_name" VARCHAR(30) NOT NULL, "note" TEXT NOT NULL, "remedy" VARCHAR(10) NOT NULL, "promised_at" DATETIME, FOREIGN KEY ("complaint_uuid") REFERENCES "complaint" ("uuid"))',
    'CREATE UNIQUE INDEX "complaint_event_uuid" ON "complaint_event" ("uuid")',
    'CREATE INDEX "complaint_event_site_code" ON "complaint_event" ("site_code")',
    'CREATE INDEX "complaint_event_updated_at" ON "complaint_event" ("updated_at")',
    'CREATE INDEX "complaint_event_complaint_uuid" ON "complaint_event" ("complaint_uuid")',
    'CREATE TABLE "holiday" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(36) NOT NULL, "site_code" VARCHAR(16) NOT NULL, "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, "revision" INTEGER NOT NULL, "deleted" INTEGER NOT NULL, "date" DATE NOT NULL, "is_workday" INTEGER NOT NULL, "note" VARCHAR(100) NOT NULL)',
    'CREATE UNIQUE INDEX "holiday_uuid" ON "holiday" ("uuid")',
    'CREATE INDEX "holiday_site_code" ON "holiday" ("site_code")',
    'CREATE INDEX "holiday_updated_at" ON "holiday" ("updated_at")',
    'CREATE UNIQUE INDEX "holiday_site_code_date" ON "holiday" ("site_code", "date")',
    'CREATE INDEX complaint_stage_opened ON complaint(stage, opened_at)',
    'CREATE INDEX complaint_severity_opened ON complaint(severity, opened_at)',
    'CREATE INDEX complaint_level_opened ON complaint(level, opened_at)',
    'CREATE INDEX complaint_due ON complaint(due_at)',
    'CREATE INDEX complaint_staff_opened ON complaint(staff_uuid, opened_at)',
    'CREATE INDEX complaint_department_opened ON complaint(department_uuid, opened_at)',
    'CREATE INDEX complaint_event_case_at ON complaint_event(complaint_uuid, at)',
)

ROWS: dict[str, tuple[tuple[str, ...], list[tuple[object, ...]]]] = {}
