"""Site export and import: round trip, idempotence, updates, tombstones, conflicts and their resolution."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook
from sync_helpers import add_contact, at_site, dump_all, hq_database, synced_rows  # noqa: F401 (autouse: head office on PostgreSQL on that pass)

from frontdesk.clock import now
from frontdesk.db import search_index
from frontdesk.db.models import Contact, ImportHistory, SyncConflict
from frontdesk.demo import runner as demo
from frontdesk.domain.reception import ContactInput
from frontdesk.domain.roles import Role
from frontdesk.errors import PermissionDenied
from frontdesk.services.core.listing import ListQuery
from frontdesk.services.reception import contacts as reception
from frontdesk.services.sync import conflicts as sync_conflicts
from frontdesk.services.sync.exporter import export_site, last_export_at
from frontdesk.services.sync.importer import import_site
from frontdesk.services.sync.schema import specs

INJECTION = '=HYPERLINK("http://x","y")'


def _edit(actor, uuid: str, request: str) -> None:  # noqa: ANN001
    row = reception.get_contact(actor, uuid)
    data = reception.to_input(row)
    reception.save_contact(actor, ContactInput(**{**data.__dict__, "request": request}), uuid)


def test_round_trip_is_identical_and_reimport_changes_nothing(tmp_path):
    with at_site(tmp_path, "S01") as a:
        demo.generate(300, 7)
        add_contact(a, INJECTION, "+86 138 0000 1111")
        add_contact(a, "-5", "@sum(A1)")
        summary = export_site(a, tmp_path / "a.xlsx")
        assert last_export_at() is not None and summary.total > 300
        expected = synced_rows()
    with at_site(tmp_path, "HQ") as hq:
        before = dump_all()
        before_rows = synced_rows()
        uuid_at = {name: spec.index("uuid") for name, spec in specs().items()}
        dry = import_site(hq, tmp_path / "a.xlsx", dry_run=True)
        assert dump_all() == before  # a dry run changes nothing
        report = import_site(hq, tmp_path / "a.xlsx")
        assert (report.total.inserted, report.total.updated, report.total.conflicts) == (
            dry.total.inserted, 0, 0)
        got = synced_rows()
        for table, rows in expected.items():
            seeded = {r[uuid_at[table]] for r in before_rows[table]}
            fresh = {r for r in rows if r[uuid_at[table]] not in seeded}
            assert fresh <= set(got[table]), table  # every record new here arrives exactly as it left
        assert Contact.get(Contact.customer_name == INJECTION).request == "+86 138 0000 1111"
        assert Contact.get(Contact.customer_name == "-5").site_code == "S01"  # records keep their origin
        found = reception.list_contacts(hq, ListQuery(search="HYPERLINK"))
        assert found.total == 1  # the search index knows imported contacts
        snapshot = {k: v for k, v in dump_all().items() if k != "import_history"}
        again = import_site(hq, tmp_path / "a.xlsx")
        assert again.total.inserted == again.total.updated == again.total.conflicts == 0
        assert {k: v for k, v in dump_all().items() if k != "import_history"} == snapshot
        assert ImportHistory.select().count() == 2
        history = ImportHistory.select().order_by(ImportHistory.id).first()
        assert (history.peer_site, history.inserted, history.checksum) == ("S01", report.total.inserted,
                                                                           report.checksum)


def test_changes_at_one_site_update_and_at_both_conflict(tmp_path):
    with at_site(tmp_path, "S01") as a:
        one = add_contact(a, "王女士", "停车收费")
        two = add_contact(a, "李先生", "寄存物品")
        gone = add_contact(a, "赵先生", "失物招领")
        export_site(a, tmp_path / "1.xlsx")
    with at_site(tmp_path, "HQ") as hq:
        import_site(hq, tmp_path / "1.xlsx")
        _edit(hq, two, "总部改过的诉求")
    with at_site(tmp_path, "S01") as a:
        _edit(a, one, "站点补充：发票丢失")
        _edit(a, two, "站点改过的诉求")
        Contact.update(deleted=True, revision=Contact.revision + 1, updated_at=now()).where(
            Contact.uuid == gone).execute()
        search_index.remove(Contact.get(Contact.uuid == gone).id, ["x"])  # as a delete would
        export_site(a, tmp_path / "2.xlsx")  # since the last export
        wb = load_workbook(tmp_path / "2.xlsx")
        assert wb["contact"].max_row == 4  # header + the three changed contacts only
    with at_site(tmp_path, "HQ") as hq:
        report = import_site(hq, tmp_path / "2.xlsx")
        assert (report.sheets["contact"].updated, report.sheets["contact"].conflicts) == (2, 1)
        assert Contact.get(Contact.uuid == one).request == "站点补充：发票丢失"
        assert Contact.get(Contact.uuid == two).request == "总部改过的诉求"  # local kept
        assert reception.list_contacts(hq, ListQuery(search="失物招领")).total == 0  # tombstone left the index
        assert reception.list_contacts(hq, ListQuery(search="发票丢失")).total == 1
        conflicts = sync_conflicts.list_conflicts(hq, ListQuery())
        assert conflicts.total == 1
        detail = sync_conflicts.get_conflict(hq, conflicts.rows[0]["id"])
        changed = {d["key"]: (d["local"], d["incoming"]) for d in detail["differences"]}
        assert changed["request"] == ("总部改过的诉求", "站点改过的诉求")
        again = import_site(hq, tmp_path / "2.xlsx")  # the same file again: no second conflict
        assert again.total.conflicts == 1 and SyncConflict.select().count() == 1
        sync_conflicts.resolve(hq, conflicts.rows[0]["id"], "incoming")
        assert Contact.get(Contact.uuid == two).request == "站点改过的诉求"
        assert reception.list_contacts(hq, ListQuery(search="站点改过")).total == 1
        third = import_site(hq, tmp_path / "2.xlsx")
        assert third.total.conflicts == 0 and third.total.updated == 0


def test_keep_local_wins_at_the_other_site(tmp_path):
    with at_site(tmp_path, "S01") as a:
        uuid = add_contact(a, "王女士", "原始")
        export_site(a, tmp_path / "1.xlsx")
    with at_site(tmp_path, "HQ") as hq:
        import_site(hq, tmp_path / "1.xlsx")
        _edit(hq, uuid, "总部版本")
    with at_site(tmp_path, "S01") as a:
        _edit(a, uuid, "站点版本")
        export_site(a, tmp_path / "2.xlsx")
    with at_site(tmp_path, "HQ") as hq:
        assert import_site(hq, tmp_path / "2.xlsx").total.conflicts == 1
        conflict = SyncConflict.get()
        sync_conflicts.resolve(hq, conflict.id, "local")
        assert SyncConflict.get().status == "local"
        export_site(hq, tmp_path / "3.xlsx")
    with at_site(tmp_path, "S01") as a:
        report = import_site(a, tmp_path / "3.xlsx")
        assert report.total.conflicts == 0
        assert Contact.get(Contact.uuid == uuid).request == "总部版本"


def test_only_admins_import_and_export(tmp_path, make_actor):
    manager = make_actor(Role.MANAGER)
    with pytest.raises(PermissionDenied):
        export_site(manager, tmp_path / "x.xlsx")
    with pytest.raises(PermissionDenied):
        import_site(manager, tmp_path / "x.xlsx")
    assert not (tmp_path / "x.xlsx").exists()


def test_text_longer_than_an_excel_cell_travels_whole(tmp_path):
    long_text = "投诉内容很长。" * 12_000  # 84,000 characters, more than one cell holds
    with at_site(tmp_path, "S01") as a:
        uuid = add_contact(a, "王女士", "短")
        Contact.update(handling=long_text).where(Contact.uuid == uuid).execute()
        export_site(a, tmp_path / "long.xlsx")
    with at_site(tmp_path, "HQ") as hq:
        assert import_site(hq, tmp_path / "long.xlsx").total.inserted > 0
        assert Contact.get(Contact.uuid == uuid).handling == long_text
