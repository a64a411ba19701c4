"""A large import's digests and search tokens, worked out by a helper process from the scratch file: the same
results as working them out in the merge's own thread, chunk by chunk, and the merge carries on alone when the
helper cannot start, dies, or falls out of step."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontdesk.db.scratch import ImportScratch
from frontdesk.services.sync import preparer
from frontdesk.services.sync.preparer import Job, Preparer, work_out

CONTACTS = Job("contact", content=(1, 2, 3), texts=(1, 2), deleted=3)
STAFF = Job("staff", content=(1,))


def _rows(table: str, n: int, first: int = 0) -> list[list[object]]:
    if table == "staff":
        return [[f"s{k}", f"员工{k}"] for k in range(first, first + n)]
    return [[f"c{k}", f"顾客{k}来电咨询停车收费{k}", f"1380000{k:04d}", k % 3 == 0] for k in range(first, first + n)]


@pytest.fixture
def scratch(tmp_path: Path) -> tuple[Path, list[tuple[str, list[list[object]]]]]:
    """A scratch file as the streamed check leaves it: two contact chunks, then a staff one."""
    store = ImportScratch(tmp_path / "scratch.db")
    chunks = [("contact", _rows("contact", 5)), ("contact", _rows("contact", 3, 5)), ("staff", _rows("staff", 2))]
    for table, rows in chunks:
        store.keep(table, (rows, list(range(2, 2 + len(rows)))))
    store.close(remove=False)
    return tmp_path / "scratch.db", chunks


def test_the_helper_works_out_what_the_merge_would_for_every_chunk(scratch):
    path, chunks = scratch
    with Preparer(path, [CONTACTS, STAFF]) as helper:
        got = [helper.next(table, rows) for table, rows in chunks]
        assert helper.failure == ""  # every chunk came from the helper
    jobs = {"contact": CONTACTS, "staff": STAFF}
    assert got == [work_out(jobs[table], rows) for table, rows in chunks]
    digests, tokens = got[0]
    assert len(digests) == 5 and tokens[0] is None and tokens[1] is not None  # a deleted row is not indexed


def test_without_a_helper_the_merge_works_everything_out_itself(scratch, monkeypatch):
    path, chunks = scratch
    monkeypatch.setattr(preparer, "command", lambda: [str(path.parent / "no-such-program")])
    with Preparer(path, [CONTACTS, STAFF]) as helper:
        assert helper.failure.startswith("could not start")
        assert helper.next("contact", chunks[0][1]) == work_out(CONTACTS, chunks[0][1])


def test_a_helper_that_dies_midway_leaves_the_rest_to_the_merge(scratch):
    path, chunks = scratch
    with Preparer(path, [CONTACTS, STAFF]) as helper:
        assert helper.next("contact", chunks[0][1]) == work_out(CONTACTS, chunks[0][1])
        assert helper._process is not None
        helper._process.kill()
        helper._process.wait()
        rest = [helper.next(table, rows) for table, rows in chunks[1:]]
        assert helper.failure != "" and helper._process is None
    assert rest == [work_out(CONTACTS, chunks[1][1]), work_out(STAFF, chunks[2][1])]


def test_a_helper_out_of_step_is_given_up_not_believed(scratch):
    path, chunks = scratch
    with Preparer(path, [CONTACTS, STAFF]) as helper:
        other = _rows("contact", 4, 100)  # not the chunk the helper worked out (5 rows)
        assert helper.next("contact", other) == work_out(CONTACTS, other)
        assert "out of step" in helper.failure and helper._process is None


def test_a_helper_reports_a_scratch_file_it_cannot_read_and_the_merge_goes_on(tmp_path):
    rows = _rows("contact", 2)
    with Preparer(tmp_path / "missing.db", [CONTACTS]) as helper:
        assert helper.next("contact", rows) == work_out(CONTACTS, rows)
        assert helper.failure != ""
