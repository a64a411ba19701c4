"""A large file merges in short transactions: the outcome is the same as in one, and a merge stopped half way
is completed by importing the same file again (nothing twice)."""

from __future__ import annotations

import pytest
from sync_helpers import add_repair, at_site, hq_database, photo, synced_rows  # noqa: F401 (autouse: head office on PostgreSQL on that pass)

from frontdesk.demo import runner as demo
from frontdesk.services.sync import importer
from frontdesk.services.sync.exporter import export_site
from frontdesk.services.sync.importer import import_site
from frontdesk.services.sync.schema import content_positions, specs

pytestmark = pytest.mark.usefixtures("frozen_clock")


@pytest.fixture
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importer, "ONE_TRANSACTION_ROWS", 20)
    monkeypatch.setattr(importer, "MERGE_CHUNK", 7)


def test_a_chunked_merge_equals_a_whole_one_and_a_stopped_one_completes(tmp_path, small_chunks):
    with at_site(tmp_path, "S01") as a:
        demo.generate(60, 5)
        add_repair(a, "王女士", [photo("chunk")], tmp_path)
        export_site(a, tmp_path / "s01.zip", to="HQ")
        expected = synced_rows()

    class Stop(Exception):
        pass

    def stop_half_way(stage: str, done: int, total: int) -> None:
        if stage == "merge" and done == total // 2:
            raise Stop

    with at_site(tmp_path, "HQ") as hq:
        with pytest.raises(Stop):
            import_site(hq, tmp_path / "s01.zip", progress=stop_half_way)
        report = import_site(hq, tmp_path / "s01.zip")  # the same file again: the rest goes in
        assert report.total.conflicts == 0
        again = import_site(hq, tmp_path / "s01.zip")
        assert again.total.inserted == again.total.updated == 0
        got = synced_rows()
        for table, rows in expected.items():  # content (seed rows differ here in creation time alone)
            at = content_positions(specs()[table])
            assert {tuple(r[i] for i in at) for r in rows} <= {tuple(r[i] for i in at) for r in got[table]}, table


def test_transactions_are_cut_to_the_tables_pace_and_staff_stays_whole(tmp_path, monkeypatch):
    monkeypatch.setattr(importer, "ONE_TRANSACTION_ROWS", 0)  # streamed, from the scratch file
    monkeypatch.setattr(importer, "MERGE_CHUNK", 40)
    monkeypatch.setattr(importer, "FIRST_ROWS", 5)
    monkeypatch.setattr(importer, "MIN_ROWS", 3)
    monkeypatch.setattr(importer, "TX_SECONDS", 1e-9)  # every row seems slow: the smallest transactions
    monkeypatch.setattr(importer, "PAUSE_SECONDS", 0.0)
    with at_site(tmp_path, "S01") as a:
        demo.generate(60, 5)
        export_site(a, tmp_path / "s01.zip", to="HQ")
        expected = synced_rows()
    sizes: list[tuple[str, int]] = []
    apply = importer.apply_sheet

    def counted(spec, sheet, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        sizes.append((spec.name, len(sheet.rows)))
        return apply(spec, sheet, *args, **kwargs)

    monkeypatch.setattr(importer, "apply_sheet", counted)
    with at_site(tmp_path, "HQ") as hq:
        report = import_site(hq, tmp_path / "s01.zip")
        assert report.total.conflicts == 0
        got = synced_rows()
        for table, rows in expected.items():
            at = content_positions(specs()[table])
            assert {tuple(r[i] for i in at) for r in rows} <= {tuple(r[i] for i in at) for r in got[table]}, table
    contact = [n for name, n in sizes if name == "contact"]
    assert contact[0] == 5 and max(contact[1:]) == 3  # the first finds the pace, the rest take the fewest rows
    assert sum(contact) == len(expected["contact"])
    staff = [n for name, n in sizes if name == "staff"]
    assert staff == [len(expected["staff"])]  # the last-admin check sees every row at once
