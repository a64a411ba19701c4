"""Sync by change number through head office: A → HQ → C over rounds, gaps and cursors from the future."""

from __future__ import annotations

from pathlib import Path

import pytest
from sync_helpers import add_contact, at_site, hq_database, synced_rows  # noqa: F401 (autouse: head office on PostgreSQL on that pass)

from frontdesk.db import changes
from frontdesk.db.connection import database, transaction
from frontdesk.db.migrations import LATEST_VERSION
from frontdesk.db.models import Contact, SyncPeer
from frontdesk.domain.reception import ContactInput
from frontdesk.errors import ValidationError
from frontdesk.excel.sync_validate import WorkbookRefused, read_site_workbook
from frontdesk.services.reception import contacts as reception
from frontdesk.services.sync.exporter import export_site
from frontdesk.services.sync.importer import import_site
from frontdesk.services.sync.schema import specs

pytestmark = pytest.mark.usefixtures("frozen_clock")


def _edit(actor, uuid: str, request: str) -> None:  # noqa: ANN001
    data = reception.to_input(reception.get_contact(actor, uuid))
    reception.save_contact(actor, ContactInput(**{**data.__dict__, "request": request}), uuid)


def _delete(uuid: str) -> None:
    with transaction():
        row = Contact.get(Contact.uuid == uuid)
        row.deleted = True
        row.save()


def _contacts_in(path: Path) -> list[str]:
    parsed = read_site_workbook(path, specs(), LATEST_VERSION)
    sheet = parsed.sheets["contact"]
    return [row[sheet.spec.index("uuid")] for row in sheet.rows]


def _contact_state() -> dict[str, tuple]:
    spec = specs()["contact"]
    return {r[spec.index("uuid")]: r for r in synced_rows()["contact"]}


def test_three_rounds_through_head_office_carry_every_record_exactly_once(tmp_path):
    made: dict[str, list[str]] = {"SA": [], "HQ": [], "SC": []}
    sent_to_hq: dict[str, list[str]] = {}

    def work(actor, code: str, round_no: int) -> set[str]:  # noqa: ANN001
        """Two new contacts, an edit of one made elsewhere, a delete of an own one; the uuids changed."""
        new = [add_contact(actor, f"{code}客户{round_no}-{i}", f"{code} 第 {round_no} 轮") for i in range(2)]
        changed = set(new)
        others = [u for site, uuids in made.items() if site != code for u in uuids
                  if Contact.get_or_none(Contact.uuid == u) is not None and u not in edited]
        if others:
            target = others[0]
            edited.add(target)
            _edit(actor, target, f"{code} 第 {round_no} 轮改过")
            changed.add(target)
        own = [u for u in made[code] if not Contact.get(Contact.uuid == u).deleted]
        if own:
            _delete(own[0])
            changed.add(own[0])
        made[code].extend(new)
        return changed

    edited: set[str] = set()
    for round_no in (1, 2, 3, 4):
        last = round_no == 4  # a quiet round: the third round's changes reach everyone
        for code in ("SA", "SC"):
            with at_site(tmp_path, code) as me:
                if round_no > 1:
                    got = import_site(me, tmp_path / f"HQ-{code}-{round_no - 1}.xlsx")
                    assert got.total.conflicts == 0
                changed = set() if last else work(me, code, round_no)
                export_site(me, tmp_path / f"{code}-HQ-{round_no}.xlsx", to="HQ")
                sent = _contacts_in(tmp_path / f"{code}-HQ-{round_no}.xlsx")
                assert len(sent) == len(set(sent))
                # exactly what changed here since the last export, nothing relayed back to head office
                assert set(sent) == changed, (code, round_no)
                sent_to_hq[code] = sent
        with at_site(tmp_path, "HQ") as hq:
            for code in ("SA", "SC"):
                assert import_site(hq, tmp_path / f"{code}-HQ-{round_no}.xlsx").total.conflicts == 0
            mine = set() if last else work(hq, "HQ", round_no)
            for code, other in (("SA", "SC"), ("SC", "SA")):
                path = tmp_path / f"HQ-{code}-{round_no}.xlsx"
                export_site(hq, path, to=code)
                sent = _contacts_in(path)
                assert len(sent) == len(set(sent))
                # the other site's changes (relayed) and head office's own, never the destination's own
                assert set(sent) == set(sent_to_hq[other]) | mine, (code, round_no)
    for code in ("SA", "SC"):
        with at_site(tmp_path, code) as me:
            import_site(me, tmp_path / f"HQ-{code}-4.xlsx")
    states = {}
    for code in ("SA", "HQ", "SC"):
        with at_site(tmp_path, code):
            states[code] = _contact_state()
    assert states["SA"] == states["HQ"] == states["SC"]
    assert len(states["HQ"]) == sum(map(len, made.values())) == 18
    deleted = {u for u, row in states["HQ"].items() if row[specs()["contact"].index("deleted")]}
    assert len(deleted) == 6  # a delete at every site in every round arrived everywhere
    assert len(edited) == 7  # round 1: only head office has records from elsewhere; then all three


def test_a_missing_export_is_named_and_nothing_is_written(tmp_path):
    with at_site(tmp_path, "S02") as s:
        for n in (1, 2, 3, 4):
            add_contact(s, f"客户{n}", "诉求")
            export_site(s, tmp_path / f"{n}.xlsx", to="HQ")
    with at_site(tmp_path, "HQ") as hq:
        import_site(hq, tmp_path / "1.xlsx")
        import_site(hq, tmp_path / "2.xlsx")
        before = synced_rows(), list(SyncPeer.select().dicts())
        with pytest.raises(WorkbookRefused) as caught:
            import_site(hq, tmp_path / "4.xlsx")
        assert "S02 的第 3 次导出缺失" in caught.value.message
        assert (synced_rows(), list(SyncPeer.select().dicts())) == before
        with pytest.raises(WorkbookRefused, match="更早的第 1 次"):
            import_site(hq, tmp_path / "1.xlsx")
        assert import_site(hq, tmp_path / "3.xlsx").total.inserted == 1
        assert import_site(hq, tmp_path / "4.xlsx").total.inserted == 1
        assert import_site(hq, tmp_path / "4.xlsx").total.inserted == 0  # the same file again: nothing


def test_a_gap_in_the_version_vector_of_a_relayed_origin_is_refused(tmp_path):
    with at_site(tmp_path, "SA") as a:
        add_contact(a, "甲", "诉求")
        export_site(a, tmp_path / "a1.xlsx", to="HQ")
    with at_site(tmp_path, "HQ") as hq:
        import_site(hq, tmp_path / "a1.xlsx")
        export_site(hq, tmp_path / "c1.xlsx", to="SC")  # A's contact relayed to C, whose copy is lost
        export_site(hq, tmp_path / "c2.xlsx", to="SC")
    with at_site(tmp_path, "SC") as c:
        before = synced_rows()
        with pytest.raises(WorkbookRefused) as caught:
            import_site(c, tmp_path / "c2.xlsx")
        assert "HQ 的第 1 次导出缺失" in caught.value.message
        assert synced_rows() == before
        # the chain numbers made consistent by hand (as a re-keyed file would): the vector still shows the gap
        SyncPeer.create(peer="HQ", received_no=1, received_seq=10**6)
        with pytest.raises(WorkbookRefused, match="缺少 SA 的变更"):
            import_site(c, tmp_path / "c2.xlsx")


def test_a_cursor_from_the_future_is_refused(tmp_path):
    with at_site(tmp_path, "S01") as a:
        add_contact(a, "甲", "诉求")
        export_site(a, tmp_path / "1.xlsx", to="HQ")
    with at_site(tmp_path, "HQ") as hq:
        import_site(hq, tmp_path / "1.xlsx")
        add_contact(hq, "乙", "诉求")
        export_site(hq, tmp_path / "back.xlsx", to="S01")  # says: HQ has S01's changes up to S01's top
    with at_site(tmp_path, "S01") as a:  # S01 restored from an old backup: its numbers went back
        with transaction():
            database.obj.execute_sql("UPDATE change_counter SET value = 2")
        with pytest.raises(WorkbookRefused, match="重新初始化"):
            import_site(a, tmp_path / "back.xlsx")
        with pytest.raises(ValidationError):  # its own cursor for HQ is ahead of what it has
            export_site(a, tmp_path / "2.xlsx", to="HQ")
        assert changes.high_water() == 2
        export_site(a, tmp_path / "all.xlsx", since=None, to="HQ")  # everything again is allowed


def test_every_write_path_stamps_a_change_number(tmp_path):
    from frontdesk.demo import runner as demo

    with at_site(tmp_path, "S01"):
        demo.generate(60, 3)
        for spec in specs().values():
            zero = database.obj.execute_sql(f'SELECT COUNT(*) FROM "{spec.name}" WHERE change_seq = 0').fetchone()[0]
            assert zero == 0, spec.name
        top = database.obj.execute_sql("SELECT MAX(change_seq) FROM contact").fetchone()[0]
        assert top <= changes.high_water()


def test_importing_own_export_or_one_for_another_site_is_refused(tmp_path):
    with at_site(tmp_path, "S01") as a:
        add_contact(a, "甲", "诉求")
        export_site(a, tmp_path / "own.xlsx", to="HQ")
        with pytest.raises(WorkbookRefused, match="本站自己导出"):
            import_site(a, tmp_path / "own.xlsx")
    with at_site(tmp_path, "S02") as b:
        with pytest.raises(WorkbookRefused, match="导出给站点 HQ"):
            import_site(b, tmp_path / "own.xlsx")


def _photos_here(root: Path, code: str) -> set[str]:
    folder = root / code / "attachments"
    return {p.name for p in folder.glob("*.*")} if folder.is_dir() else set()


def test_three_rounds_of_bundles_carry_every_record_and_photo_exactly_once(tmp_path):
    """A → HQ → C with edits, deletes and a repair photo at every site in every round, as .zip bundles."""
    from collections import Counter

    from sync_helpers import add_repair, photo

    from frontdesk.db.models import RepairOrder

    made: dict[str, list[str]] = {"SA": [], "HQ": [], "SC": []}
    photos: dict[str, set[str]] = {"SA": set(), "HQ": set(), "SC": set()}
    linked: dict[str, Counter] = {code: Counter() for code in made}
    edited: set[str] = set()
    deleted: set[str] = set()
    editors: set[str] = set()
    deleters: set[str] = set()
    edited: set[str] = set()

    def work(actor, code: str, round_no: int) -> None:  # noqa: ANN001
        made[code].extend(add_contact(actor, f"{code}客户{round_no}-{i}", f"{code} 第 {round_no} 轮") for i in range(2))
        _uuid, names = add_repair(actor, f"{code}修{round_no}", [photo(f"{code}-{round_no}")], tmp_path)
        photos[code].update(names)
        others = [u for site, uuids in made.items() if site != code for u in uuids
                  if Contact.get_or_none(Contact.uuid == u) is not None and u not in edited | deleted]
        if others:  # each record changed at one site only: concurrent changes are the conflict tests' business
            edited.add(others[-1])
            editors.add(code)
            _edit(actor, others[-1], f"{code} 第 {round_no} 轮改过")
        own = [u for u in made[code] if not Contact.get(Contact.uuid == u).deleted and u not in edited]
        if len(own) > 1:
            deleted.add(own[0])
            deleters.add(code)
            _delete(own[0])

    def take(actor, code: str, path: Path) -> None:  # noqa: ANN001
        report = import_site(actor, path)
        assert report.total.conflicts == 0, (code, path.name)
        linked[code].update(report.photos_added)

    for round_no in (1, 2, 3, 4):
        last = round_no == 4
        for code in ("SA", "SC"):
            with at_site(tmp_path, code) as me:
                if round_no > 1:
                    take(me, code, tmp_path / f"HQ-{code}-{round_no - 1}.zip")
                if not last:
                    work(me, code, round_no)
                export_site(me, tmp_path / f"{code}-HQ-{round_no}.zip", to="HQ")
        with at_site(tmp_path, "HQ") as hq:
            for code in ("SA", "SC"):
                take(hq, "HQ", tmp_path / f"{code}-HQ-{round_no}.zip")
            if not last:
                work(hq, "HQ", round_no)
            for code in ("SA", "SC"):
                export_site(hq, tmp_path / f"HQ-{code}-{round_no}.zip", to=code)
    for code in ("SA", "SC"):
        with at_site(tmp_path, code) as me:
            take(me, code, tmp_path / f"HQ-{code}-4.zip")
    everything = set().union(*photos.values())
    assert len(everything) == 9
    states, orders = {}, {}
    for code in ("SA", "HQ", "SC"):
        assert _photos_here(tmp_path, code) == everything, code
        # every photo made elsewhere was linked here exactly once, none of this site's own
        assert set(linked[code]) == everything - photos[code] and set(linked[code].values()) == {1}, code
        with at_site(tmp_path, code):
            states[code] = _contact_state()
            orders[code] = sorted(r.photos for r in RepairOrder.select())
    assert states["SA"] == states["HQ"] == states["SC"] and len(states["HQ"]) == 18
    assert editors == deleters == {"SA", "HQ", "SC"}  # edits and deletes at every site, arrived everywhere
    at_del = specs()["contact"].index("deleted")
    assert {u for u, row in states["HQ"].items() if row[at_del]} == deleted
    assert orders["SA"] == orders["HQ"] == orders["SC"] and len(orders["HQ"]) == 9


def test_a_missing_bundle_is_named_and_a_forged_one_is_refused(tmp_path):
    import json
    import zipfile

    from sync_helpers import add_repair, photo

    from frontdesk.services.sync import keys

    with at_site(tmp_path, "SA") as a:
        keys.pair(a, "HQ", tmp_path / "k")
    with at_site(tmp_path, "HQ") as hq:
        keys.pair(hq, "SA", tmp_path / "k")
    with at_site(tmp_path, "SA") as a:
        for n in (1, 2):
            add_repair(a, f"客户{n}", [photo(f"p{n}")], tmp_path)
            export_site(a, tmp_path / f"{n}.zip", to="HQ")
    forged = tmp_path / "forged.zip"  # the workbook edited and every hash the program checks recomputed
    with zipfile.ZipFile(tmp_path / "1.zip") as z:
        members = {n: z.read(n) for n in z.namelist()}
    from openpyxl import load_workbook

    (tmp_path / "x.xlsx").write_bytes(members["1.xlsx"])
    wb = load_workbook(tmp_path / "x.xlsx")
    wb["repair_order"]["B2"].value = "S99"
    wb.save(tmp_path / "x.xlsx")
    members["1.xlsx"] = (tmp_path / "x.xlsx").read_bytes()
    manifest = json.loads(members["manifest.json"])
    import hashlib

    manifest["workbook_sha256"] = hashlib.sha256(members["1.xlsx"]).hexdigest()
    members["manifest.json"] = json.dumps(manifest).encode()
    with zipfile.ZipFile(forged, "w") as z:
        for name, data in members.items():
            z.writestr(name, data)
    with at_site(tmp_path, "HQ") as hq:
        before = synced_rows()
        with pytest.raises(WorkbookRefused, match="SA 的第 1 次导出缺失"):
            import_site(hq, tmp_path / "2.zip")
        with pytest.raises(WorkbookRefused, match="签名不符"):
            import_site(hq, forged)
        assert synced_rows() == before and _photos_here(tmp_path, "HQ") == set()
        assert len(import_site(hq, tmp_path / "1.zip").photos_added) == 1
        assert len(import_site(hq, tmp_path / "2.zip").photos_added) == 1
