"""A large file streams (validated, then merged, chunk by chunk): it is refused for the same reasons as a small
one, naming the same rows, with nothing written."""

from __future__ import annotations

import zipfile

import pytest
from openpyxl import load_workbook
from sync_helpers import add_contact, at_site, dump_all, hq_database, synced_rows  # noqa: F401 (autouse: head office on PostgreSQL on that pass)
from test_sync_refused import (  # noqa: F401 (the same cases, collected again here with streaming forced)
    exported,
    test_a_reference_to_a_record_neither_here_nor_in_the_file_is_refused,
    test_refused_files_name_the_problem_and_change_nothing,
)

from frontdesk.demo import runner as demo
from frontdesk.excel import sync_export
from frontdesk.excel.sync_validate import WorkbookRefused
from frontdesk.services.sync import importer
from frontdesk.services.sync.exporter import export_site
from frontdesk.services.sync.importer import import_site
from frontdesk.services.sync.schema import content_positions, specs

pytestmark = pytest.mark.usefixtures("frozen_clock")


@pytest.fixture(autouse=True)
def streamed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importer, "ONE_TRANSACTION_ROWS", 0)
    monkeypatch.setattr(importer, "MERGE_CHUNK", 2)
    monkeypatch.setattr(importer, "PAUSE_SECONDS", 0.0)


def test_a_repeated_uuid_in_another_chunk_is_refused(tmp_path, exported):  # noqa: F811
    wb = load_workbook(exported)
    ws = wb["contact"]
    at = next(c.column for c in ws[1] if c.value == "uuid")
    ws.cell(row=5, column=at).value = ws.cell(row=2, column=at).value  # rows 2 and 5 fall in different chunks
    wb.save(tmp_path / "twice.xlsx")
    with at_site(tmp_path, "HQ") as hq:
        before = dump_all()
        with pytest.raises(WorkbookRefused) as caught:
            import_site(hq, tmp_path / "twice.xlsx")
        assert ("contact", 5, "uuid") in {(p.sheet, p.row, p.column) for p in caught.value.problems}
        assert dump_all() == before
        assert import_site(hq, exported).total.inserted > 0


def test_a_long_table_continues_on_part_sheets_and_arrives_whole(tmp_path, monkeypatch):
    monkeypatch.setattr(sync_export, "PART_ROWS", 4)
    with at_site(tmp_path, "S01") as a:
        demo.generate(60, 5)
        export_site(a, tmp_path / "s01.zip", to="HQ")
        expected = synced_rows()
    with zipfile.ZipFile(tmp_path / "s01.zip") as z:
        z.extract("s01.xlsx", tmp_path)
    names = load_workbook(tmp_path / "s01.xlsx", read_only=True).sheetnames
    assert "contact" in names and "contact~2" in names
    with at_site(tmp_path, "HQ") as hq:
        dry = import_site(hq, tmp_path / "s01.zip", dry_run=True)  # the whole-file reader joins the parts too
        report = import_site(hq, tmp_path / "s01.zip")
        assert report.total.inserted == dry.total.inserted > 0 and report.total.conflicts == 0
        got = synced_rows()
        for table, rows in expected.items():
            at = content_positions(specs()[table])
            assert {tuple(r[i] for i in at) for r in rows} <= {tuple(r[i] for i in at) for r in got[table]}, table


def test_the_search_indexes_merge_more_at_a_time_only_while_a_large_file_merges(tmp_path, monkeypatch):
    from frontdesk.db import search_index
    from frontdesk.db.connection import is_sqlite
    from frontdesk.db.sync_sql import rows

    def automerge() -> dict[str, int]:
        return {t: int(v) for t in (search_index.TABLE, search_index.ARTICLES)
                for (v,) in rows(f"SELECT v FROM {t}_config WHERE k = 'automerge'")}

    with at_site(tmp_path, "S01") as a:
        demo.generate(20, 5)
        export_site(a, tmp_path / "s01.zip", to="HQ")
    seen: list[dict[str, int]] = []
    merge = importer._merge_streamed

    def watched(*args, **kwargs):
        seen.append(automerge())
        return merge(*args, **kwargs)

    monkeypatch.setattr(importer, "_merge_streamed", watched)
    with at_site(tmp_path, "HQ") as hq:
        if not is_sqlite():
            pytest.skip("FTS5's merging is SQLite's")
        assert automerge() == {}  # FTS5's own default (4)
        assert import_site(hq, tmp_path / "s01.zip").total.inserted > 0
        assert seen == [{search_index.TABLE: search_index.BULK_AUTOMERGE, search_index.ARTICLES: search_index.BULK_AUTOMERGE}]
        assert automerge() == {search_index.TABLE: 4, search_index.ARTICLES: 4}

        def broken(*args, **kwargs):
            raise OSError("disk gone")

        monkeypatch.setattr(importer, "_merge_streamed", broken)
        with pytest.raises(OSError):
            import_site(hq, tmp_path / "s01.zip")
        assert automerge() == {search_index.TABLE: 4, search_index.ARTICLES: 4}
