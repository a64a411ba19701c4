"""Frozen schema step 9 (assessment templates, runs, scores, etiquette self-checks): SQL dumped from the v9 code; never edit."""

from __future__ import annotations

from frontdesk.db.frozen.marks import NOW

DDL: tuple[str, ...] = (
    'CREATE TABLE "assessment_template" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(36) NOT NULL, "site_code" VARCHAR(16) NOT NULL, "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, "revision" INTEGER NOT NULL, "deleted" INTEGER NOT NULL, "family" VARCHAR(36) NOT NULL, "version" INTEGER NOT NULL, "name" VARCHAR(50) NOT NULL, "period_kind" VARCHAR(10) NOT NULL, "scale_max" INTEGER NOT NULL, "content" TEXT NOT NULL, "current" INTEGER NOT NULL, "changed_by" VARCHAR(30) NOT NULL, "note" VARCHAR(200) NOT NULL)',
    'CREATE UNIQUE INDEX "assessment_template_uuid" ON "assessment_template" ("uuid")',
    'CREATE INDEX "assessment_template_site_code" ON "assessment_template" ("site_code")',
    'CREATE INDEX "assessment_template_updated_at" ON "assessment_template" ("updated_at")',
    'CREATE INDEX "assessment_template_family" ON "assessment_template" ("family")',
    'CREATE INDEX "assessment_template_current" ON "assessment_template" ("current")',
    'CREATE TABLE "assessment_run" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(36) NOT NULL, "site_code" VARCHAR(16) NOT NULL, "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, "revision" INTEGER NOT NULL, "deleted" INTEGER NOT NULL, "name" VARCHAR(60) NOT NULL, "period_kind" VARCHAR(10) NOT NULL, "period_key" VARCHAR(10) NOT NULL, "period_start" DATE NOT NULL, "period_end" DATE NOT NULL, "template_uuid" VARCHAR(36) NOT NULL, "created_by_name" VARCHAR(30) NOT NULL, FOREIGN KEY ("template_uuid") REFERENCES "assessment_template" ("uuid"))',
    'CREATE UNIQUE INDEX "assessment_run_uuid" ON "assessment_run" ("uuid")',
    'CREATE INDEX "assessment_run_site_code" ON "assessment_run" ("site_code")',
    'CREATE INDEX "assessment_run_updated_at" ON "assessment_run" ("updated_at")',
    'CREATE INDEX "assessment_run_period_key" ON "assessment_run" ("period_key")',
    'CREATE INDEX "assessment_run_template_uuid" ON "assessment_run" ("template_uuid")',
    'CREATE TABLE "assessment" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(36) NOT NULL, "site_code" VARCHAR(16) NOT NULL, "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, "revision" INTEGER NOT NULL, "deleted" INTEGER NOT NULL, "run_uuid" VARCHAR(36) NOT NULL, "staff_uuid" VARCHAR(36) NOT NULL, "template_uuid" VARCHAR(36) NOT NULL, "period_key" VARCHAR(10) NOT NULL, "period_start" DATE NOT NULL, "evidence" TEXT NOT NULL, "scores" TEXT NOT NULL, "dimensions" TEXT NOT NULL, "total" INTEGER, "grade" VARCHAR(10) NOT NULL, "follow_up" VARCHAR(10) NOT NULL, "status" VARCHAR(12) NOT NULL, "assessor_uuid" VARCHAR(36) NOT NULL, "assessor_name" VARCHAR(30) NOT NULL, "assessor_comment" VARCHAR(300) NOT NULL, "scored_at" DATETIME, "staff_comment" VARCHAR(300) NOT NULL, "acknowledged_at" DATETIME, FOREIGN KEY ("run_uuid") REFERENCES "assessment_run" ("uuid"), FOREIGN KEY ("staff_uuid") REFERENCES "staff" ("uuid"), FOREIGN KEY ("template_uuid") REFERENCES "assessment_template" ("uuid"))',
    'CREATE UNIQUE INDEX "assessment_uuid" ON "assessment" ("uuid")',
    'CREATE INDEX "assessment_site_code" ON "assessment" ("site_code")',
    'CREATE INDEX "assessment_updated_at" ON "assessment" ("updated_at")',
    'CREATE INDEX "assessment_staff_uuid" ON "assessment" ("staff_uuid")',
    'CREATE TABLE "self_check" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(36) NOT NULL, "site_code" VARCHAR(16) NOT NULL, "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, "revision" INTEGER NOT NULL, "deleted" INTEGER NOT NULL, "staff_uuid" VARCHAR(36) NOT NULL, "slot" DATE NOT NULL, "frequency" VARCHAR(10) NOT NULL, "answers" TEXT NOT NULL, "item_count" INTEGER NOT NULL, "no_count" INTEGER NOT NULL, "submitted_at" DATETIME NOT NULL, "reviewed_by_name" VARCHAR(30) NOT NULL, "reviewed_at" DATETIME, "review_note" VARCHAR(200) NOT NULL, FOREIGN KEY ("staff_uuid") REFERENCES "staff" ("uuid"))',
    'CREATE UNIQUE INDEX "self_check_uuid" ON "self_check" ("uuid")',
    'CREATE INDEX "self_check_site_code" ON "self_check" ("site_code")',
    'CREATE INDEX "self_check_updated_at" ON "self_check" ("updated_at")',
    'CREATE INDEX "self_check_staff_uuid" ON "self_check" ("staff_uuid")',
    'CREATE INDEX assessment_template_family_version ON assessment_template(family, version)',
    'CREATE INDEX assessment_run_period ON assessment_run(period_key)',
    'CREATE INDEX assessment_run_person ON assessment(run_uuid, staff_uuid)',
    'CREATE INDEX assessment_staff_period ON assessment(staff_uuid, period_start)',
    'CREATE INDEX assessment_period_total ON assessment(period_key, total)',
    'CREATE INDEX self_check_staff_slot ON self_check(staff_uuid, slot)',
    'CREATE INDEX self_check_slot ON self_check(slot)',
    'CREATE INDEX self_check_reviewed ON self_check(reviewed_at, slot)',
)

# seed rows: table -> (columns, rows); NOW stands for the time the step runs
ROWS: dict[str, tuple[tuple[str, ...], list[tuple[object, ...]]]] = {
    'assessment_template': (
        ('id', 'uuid', 'site_code', 'created_at', 'updated_at', 'revision', 'deleted', 'family', 'version', 'name', 'period_kind', 'scale_max', 'content', 'current', 'changed_by', 'note'),
        [
            (1, '74621b67-1129-5b9d-b9e5-bcb2a73e1790', '', NOW, NOW, 1, 0, 'ebfd5424-6551-5438-b042-90dc6251fd06', 1, '客服人员季度考核', 'quarter', 5, '{"weights": {"attitude": "30", "knowledge": "25", "skill": "25", "discipline": "20"}, "items": [{"key": "A1", "dimension": "attitude", "text": "热情主动：主动迎接顾客，微笑服务", "auto": ""}, {"key": "A2", "dimension": "attitude", "text": "耐心细致：耐心倾听，不打断顾客", "auto": ""}, {"key": "A3", "dimension": "attitude", "text": "诚实守信：承诺及时兑现，不推诿", "auto": ""}, {"key": "A4", "dimension": "attitude", "text": "积极负责：主动协调，跟进反馈", "auto": ""}, {"key": "A5", "dimension": "attitude", "text": "服务礼仪自查（完成率与“否”项）", "auto": "self_check"}, {"key": "K1", "dimension": "knowledge", "text": "商品与服务信息", "auto": ""}, {"key": "K2", "dimension": "knowledge", "text": "促销活动、会员制度、停车规定", "auto": ""}, {"key": "K3", "dimension": "knowledge", "text": "退换货、维修、投诉处理政策与流程", "auto": ""}, {"key": "S1", "dimension": "skill", "text": "顾客接待与记录", "auto": ""}, {"key": "S2", "dimension": "skill", "text": "咨询解答准确清晰", "auto": ""}, {"key": "S3", "dimension": "skill", "text": "投诉处理与情绪安抚", "auto": ""}, {"key": "S4", "dimension": "skill", "text": "售后服务（退换货、维修）办理", "auto": ""}, {"key": "D1", "dimension": "discipline", "text": "考勤：按时到岗，不迟到早退", "auto": ""}, {"key": "D2", "dimension": "discipline", "text": "着装、工牌与仪容", "auto": ""}, {"key": "D3", "dimension": "discipline", "text": "遵守规章制度与言行规范", "auto": ""}], "thresholds": {"excellent": "90", "good": "80", "pass": "60"}}', 1, '默认模板', 'seed 004 考核内容'),
        ],
    ),
}
