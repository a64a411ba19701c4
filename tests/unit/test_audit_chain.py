"""The tamper-evident audit trail: entries hash-chained per site; check names the first altered or missing one."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from sync_helpers import at_site

from frontdesk.db import dialect, migrations
from frontdesk.db.connection import close_database, database, open_database
from frontdesk.db.models import AuditLog
from frontdesk.domain import audit_chain
from frontdesk.services.core import audit, system
from frontdesk.services.sync.exporter import export_site
from frontdesk.services.sync.importer import import_site

V9_DUMP = Path(__file__).parent.parent / "data" / "schema_v9.sql"


def _entry(**changes):  # noqa: ANN003, ANN202
    base = dict(uuid="u1", site_code="S01", at=datetime(2026, 11, 18, 10, 0), actor_uuid="a", actor_name="管理员",
                entity="fine", entity_uuid="e", action="create", old_value="", new_value='{"amount": "50.00"}',
                note="", deleted=False)
    return base | changes


def _chain(*entries):  # noqa: ANN002, ANN202
    out, prev = [], ""
    for entry in entries:
        digest = audit_chain.entry_hash(entry, prev)
        out.append(entry | {"prev_hash": prev, "hash": digest})
        prev = digest
    return out


def test_the_hash_covers_content_and_predecessor():
    one = audit_chain.entry_hash(_entry(), "")
    assert len(one) == 64 and one == audit_chain.entry_hash(_entry(), "")
    assert audit_chain.entry_hash(_entry(new_value='{"amount": "0.00"}'), "") != one
    assert audit_chain.entry_hash(_entry(deleted=True), "") != one
    assert audit_chain.entry_hash(_entry(), "x") != one
    assert audit_chain.entry_hash(_entry(at="2026-11-18 10:00:00", deleted=0), "") == one  # as SQL hands them back


def test_first_break_finds_alterations_and_gaps():
    rows = _chain(_entry(uuid="u1"), _entry(uuid="u2"), _entry(uuid="u3"))
    assert audit_chain.first_break(rows) is None
    assert audit_chain.first_break([]) is None
    forged = [rows[0], rows[1] | {"actor_name": "别人"}, rows[2]]
    assert audit_chain.first_break(forged) == audit_chain.ChainBreak(forged[1], "altered")
    assert audit_chain.first_break([rows[0], rows[2]]) == audit_chain.ChainBreak(rows[2], "unlinked")
    assert audit_chain.first_break(rows[1:]) == audit_chain.ChainBreak(rows[1], "unlinked")


def test_short_code():
    assert audit_chain.short_code("0123456789abcdef") == "0123-4567-89ab"
    assert audit_chain.short_code("") == ""


def _record(actor, n: int) -> None:  # noqa: ANN001
    for i in range(n):
        audit.record(actor, "fine", f"e{i}", "create", None, {"amount": f"{i}.00"})


def test_entries_are_chained_and_check_passes(admin):
    _record(admin, 3)
    rows = list(AuditLog.select().where(AuditLog.site_code == "S01").order_by(AuditLog.id))
    assert rows[0].prev_hash == "" and all(b.prev_hash == a.hash for a, b in zip(rows, rows[1:], strict=False))
    assert audit.chain_head() == rows[-1].hash
    assert audit.chain_problems() == []
    assert system.check().problems == []


def test_an_entry_rewritten_with_sql_is_named(admin):
    _record(admin, 3)
    target = AuditLog.select().where(AuditLog.entity_uuid == "e1").get()
    dialect.execute("UPDATE audit_log SET new_value = '{\"amount\": \"0.00\"}' WHERE id = ?", (target.id,))
    problems = system.check().problems
    assert len(problems) == 1 and "被改动" in problems[0] and f"第 {target.id} 条" in problems[0]
    assert not system.check().healthy


def test_a_deleted_entry_is_found_at_its_successor(admin):
    _record(admin, 3)
    middle, last = (AuditLog.select().where(AuditLog.entity_uuid == e).get() for e in ("e1", "e2"))
    AuditLog.delete().where(AuditLog.id == middle.id).execute()
    (problem,) = audit.chain_problems()
    assert "不连续" in problem and f"第 {last.id} 条" in problem


def test_a_blanked_hash_is_not_a_way_out(admin):
    _record(admin, 2)
    database.obj.execute_sql("UPDATE audit_log SET hash = '' WHERE entity_uuid = 'e1'")
    assert len(audit.chain_problems()) == 1


def test_each_site_keeps_its_own_chain(admin):
    _record(admin, 2)
    other = _chain(_entry(uuid="x1", site_code="S02"), _entry(uuid="x2", site_code="S02"))
    for row in other:
        AuditLog.insert(**row).execute()  # as a site import brings them, hashes included
    _record(admin, 1)
    assert audit.chain_problems() == []
    assert audit.chain_head("S02") == other[-1]["hash"]


@pytest.fixture
def old_database(tmp_path):  # noqa: ANN001, ANN201
    db = open_database(tmp_path / "old.db")
    db.connection().executescript(V9_DUMP.read_text(encoding="utf-8"))
    yield db
    close_database()


def test_migrating_chains_the_entries_already_there(old_database):
    for i, site in enumerate(["S01", "S01", "S02", "S01"]):
        old_database.execute_sql(
            "INSERT INTO audit_log (uuid, site_code, created_at, updated_at, revision, deleted, at, actor_uuid, "
            "actor_name, entity, entity_uuid, action, old_value, new_value, note) "
            "VALUES (?, ?, '2026-11-01 09:00:00', '2026-11-01 09:00:00', 1, 0, ?, 'a', '老李', 'fine', ?, "
            "'create', '', '{}', '')",
            (f"u{i}", site, f"2026-11-0{i + 1} 09:00:00", f"e{i}"),
        )
    assert migrations.migrate()[0] == 10  # the chain step, then any later ones
    assert audit.chain_problems() == []
    assert AuditLog.select().where(AuditLog.hash == "").count() == 0
    first_s02 = AuditLog.get(AuditLog.uuid == "u2")
    assert first_s02.prev_hash == ""


def test_the_chain_travels_and_head_office_checks_it_per_site(tmp_path):
    with at_site(tmp_path, "S01") as a:
        _record(a, 3)
        export_site(a, tmp_path / "s01.xlsx")
        head = audit.chain_head()
        database.obj.execute_sql("UPDATE audit_log SET actor_name = '别人' WHERE entity_uuid = 'e0'")
        export_site(a, tmp_path / "s01-forged.xlsx", since=None)  # everything: HQ2 has had nothing yet
    with at_site(tmp_path, "HQ") as hq:
        _record(hq, 1)
        import_site(hq, tmp_path / "s01.xlsx")
        assert audit.chain_head("S01") == head
        assert audit.chain_problems() == []
    with at_site(tmp_path, "HQ2") as hq:
        import_site(hq, tmp_path / "s01-forged.xlsx")
        (problem,) = audit.chain_problems()
        assert "S01" in problem and "被改动" in problem
