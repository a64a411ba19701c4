"""A large file streams (validated, then merged, chunk by chunk): it is refused for the same reasons as a small
one, naming the same rows, with nothing written."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook
from sync_helpers import add_contact, at_site, dump_all, hq_database  # noqa: F401 (autouse: head office on PostgreSQL on that pass)
from test_sync_refused import (  # noqa: F401 (the same cases, collected again here with streaming forced)
    exported,
    test_a_reference_to_a_record_neither_here_nor_in_the_file_is_refused,
    test_refused_files_name_the_problem_and_change_nothing,
)

from frontdesk.excel.sync_validate import WorkbookRefused
from frontdesk.services.sync import importer
from frontdesk.services.sync.importer import import_site

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
