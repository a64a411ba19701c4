"""Control characters are removed where text enters, stored ones never block an export, old rows are cleaned."""

from __future__ import annotations

import pytest
from openpyxl import Workbook
from sync_helpers import add_contact, at_site

from frontdesk.db import migrations, search_index
from frontdesk.db.connection import close_database, database, open_database
from frontdesk.db.models import Contact, Staff
from frontdesk.domain.text import clean
from frontdesk.services.core.roster_import import import_roster
from frontdesk.services.sync.exporter import export_site
from frontdesk.services.sync.importer import import_site


@pytest.mark.parametrize(("raw", "want"), [
    ("ab", "ab"), ("a\x07b", "ab"), ("a\tb\nc", "a\tb\nc"), ("a\r\nb\rc", "a\nb\nc"), ("\x0b\x1f\x7f\x85x", "x"),
    ("a\ud800b", "ab"), ("中文\u3000", "中文\u3000"),
])
def test_clean_keeps_tab_and_newline_only(raw, want):
    assert clean(raw) == want


def test_a_form_and_a_roster_cell_store_clean_text(admin, tmp_path):
    uuid = add_contact(admin, "王\x07女士", "停车\x0b收费\n第二行")
    row = Contact.get(Contact.uuid == uuid)
    assert (row.customer_name, row.request) == ("王女士", "停车收费\n第二行")
    wb = Workbook()
    ws = wb.active
    ws.title = "花名册"
    ws.append(["员工花名册"])
    ws.append(["工号", "姓名", "职位"])
    ws.append(["2001", "张_x0007_三", "领\u0085班"])  # Excel's escape of BEL, as a pasted roster cell holds it
    wb.save(tmp_path / "r.xlsx")
    import_roster(admin, tmp_path / "r.xlsx")
    staff = Staff.get(Staff.staff_no == "2001")
    assert (staff.name, staff.position) == ("张三", "领班")


def test_a_control_character_stored_in_a_contact_does_not_block_sync(tmp_path):
    with at_site(tmp_path, "S01") as a:
        uuid = add_contact(a, "王女士", "停车收费")
        with database.obj.atomic():  # as a program version before cleaning at the door left it
            database.obj.execute_sql("UPDATE contact SET request = ?, handling = ? WHERE uuid = ?",
                                     ("停车\x07收费", "\x0b已处理", uuid))
        summary = export_site(a, tmp_path / "s01.xlsx", to="HQ")
        assert {(p.sheet, p.value, p.column) for p in summary.cleaned} == {
            ("contact", uuid, "request"), ("contact", uuid, "handling")}
    with at_site(tmp_path, "HQ") as hq:
        report = import_site(hq, tmp_path / "s01.xlsx")  # no "校验和不符"
        assert report.total.inserted > 0
        row = Contact.get(Contact.uuid == uuid)
        assert (row.request, row.handling) == ("停车收费", "已处理")


def test_migration_cleans_stored_text_and_the_search_index(tmp_path):
    db = open_database(tmp_path / "old.db")
    try:
        migrations.run_steps(db, migrations.MIGRATIONS[:11])
        db.execute_sql(
            "INSERT INTO staff (uuid, site_code, created_at, updated_at, revision, deleted, staff_no, name, position,"
            " role, phone, active, failed_logins) VALUES ('00000000-0000-4000-8000-000000000001', 'S01', "
            "'2026-01-01 00:00:00', '2026-01-01 00:00:00', 1, 0, '1', '管理员', '', 'admin', '', 1, 0)")
        db.execute_sql(
            "INSERT INTO contact (uuid, site_code, created_at, updated_at, revision, deleted, number, received_at, "
            "channel, category, customer_name, phone, request, handling, reply_mode, follow_up, status, owner_uuid) "
            "VALUES ('00000000-0000-4000-8000-000000000002', 'S01', '2026-01-01 00:00:00', '2026-01-01 00:00:00', 1,"
            " 0, 'S01-JD-1', '2026-01-01 00:00:00', 'walk_in', 'consult', '李\x07先生', '138', '寄存\x1b物品', '', "
            "'now', '', 'open', '00000000-0000-4000-8000-000000000001')")
        rowid = db.execute_sql("SELECT id FROM contact").fetchone()[0]
        search_index.add(rowid, ["S01-JD-1", "李\x07先生", "138", "寄存\x1b物品", ""])
        migrations.migrate()
        assert db.execute_sql("SELECT customer_name, request FROM contact").fetchone() == ("李先生", "寄存物品")
        assert search_index.count("存物") == 1  # indexed as cleaned (the old text split this bigram)
    finally:
        close_database()
