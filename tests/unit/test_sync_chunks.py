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
