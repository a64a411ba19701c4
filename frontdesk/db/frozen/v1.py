"""Frozen schema step 1 (foundation: site, departments, staff, numbering, audit): SQL dumped from the v9 code; never edit."""

from __future__ import annotations

DDL: tuple[str, ...] = (
    'CREATE TABLE "audit_log" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(36) NOT NULL, "site_code" VARCHAR(16) NOT NULL, "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, "revision" INTEGER NOT NULL, "deleted" INTEGER NOT NULL, "at" DATETIME NOT NULL, "actor_uuid" VARCHAR(36) NOT NULL, "actor_name" VARCHAR(30) NOT NULL, "entity" VARCHAR(40) NOT NULL, "entity_uuid" VARCHAR(36) NOT NULL, "action" VARCHAR(20) NOT NULL, "old_value" TEXT NOT NULL, "new_value" TEXT NOT NULL, "note" VARCHAR(200) NOT NULL)',
    'CREATE UNIQUE INDEX "audit_log_uuid" ON "audit_log" ("uuid")',
    'CREATE INDEX "audit_log_site_code" ON "audit_log" ("site_code")',
    'CREATE INDEX "audit_log_updated_at" ON "audit_log" ("updated_at")',
    'CREATE INDEX "audit_log_at" ON "audit_log" ("at")',
    'CREATE INDEX "audit_log_entity_uuid" ON "audit_log" ("entity_uuid")',
    'CREATE TABLE "department" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(36) NOT NULL, "site_code" VARCHAR(16) NOT NULL, "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, "revision" INTEGER NOT NULL, "deleted" INTEGER NOT NULL, "name" VARCHAR(50) NOT NULL, "note" VARCHAR(200) NOT NULL, "active" INTEGER NOT NULL)',
    'CREATE UNIQUE INDEX "department_uuid" ON "department" ("uuid")',
    'CREATE INDEX "department_site_code" ON "department" ("site_code")',
    'CREATE INDEX "department_updated_at" ON "department" ("updated_at")',
    'CREATE UNIQUE INDEX "department_site_code_name" ON "department" ("site_code", "name")',
    'CREATE TABLE "number_sequence" ("site_code" VARCHAR(16) NOT NULL, "module" VARCHAR(4) NOT NULL, "day" VARCHAR(8) NOT NULL, "last" INTEGER NOT NULL, PRIMARY KEY ("site_code", "module", "day"))',
    'CREATE TABLE "site_setting" ("key" VARCHAR(64) NOT NULL PRIMARY KEY, "value" TEXT NOT NULL)',
    'CREATE TABLE "staff" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(36) NOT NULL, "site_code" VARCHAR(16) NOT NULL, "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, "revision" INTEGER NOT NULL, "deleted" INTEGER NOT NULL, "staff_no" VARCHAR(20) NOT NULL, "name" VARCHAR(30) NOT NULL, "department_uuid" VARCHAR(36), "position" VARCHAR(30) NOT NULL, "role" VARCHAR(10) NOT NULL, "phone" VARCHAR(20) NOT NULL, "hire_date" DATE, "active" INTEGER NOT NULL, "password_hash" VARCHAR(255), "failed_logins" INTEGER NOT NULL, "locked_until" DATETIME, "last_login" DATETIME, FOREIGN KEY ("department_uuid") REFERENCES "department" ("uuid") ON DELETE SET NULL)',
    'CREATE UNIQUE INDEX "staff_uuid" ON "staff" ("uuid")',
    'CREATE INDEX "staff_site_code" ON "staff" ("site_code")',
    'CREATE INDEX "staff_updated_at" ON "staff" ("updated_at")',
    'CREATE INDEX "staff_name" ON "staff" ("name")',
    'CREATE INDEX "staff_department_uuid" ON "staff" ("department_uuid")',
    'CREATE UNIQUE INDEX "staff_site_code_staff_no" ON "staff" ("site_code", "staff_no")',
)

ROWS: dict[str, tuple[tuple[str, ...], list[tuple[object, ...]]]] = {}
