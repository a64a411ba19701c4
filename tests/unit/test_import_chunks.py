"""Long imports write in short transactions: a clerk's save never waits long; a failure mid-way is reported."""

import sqlite3
import threading
import time

import pytest
from openpyxl import Workbook

from frontdesk.db import chunks
from frontdesk.db.chunks import ChunkFailed, write_in_chunks
from frontdesk.db.models import Department, FineRule, ImportHistory, Staff
from frontdesk.errors import StorageError, UserError
from frontdesk.services.core import staff as staff_service
from frontdesk.services.core.roster_import import import_roster
from frontdesk.services.discipline import fine_rules
from frontdesk.services.discipline.schedule_import import import_fines, preview_fines


def _sheet(path, header, rows):  # noqa: ANN001, ANN202
    wb = Workbook()
    ws = wb.active
    ws.append(header)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def _fine_sheet(tmp_path, n: int):  # noqa: ANN001, ANN202
    return _sheet(tmp_path / "fines.xlsx", ["编号", "类别", "违规行为", "罚款"],
                  [[f"X{i:03d}", "规章制度", f"测试条目 {i}", 10 + i] for i in range(n)])


@pytest.fixture
def one_item_per_chunk(monkeypatch):
    monkeypatch.setattr(chunks, "CHUNK_SECONDS", 0.0)
    monkeypatch.setattr(chunks, "PAUSE_SECONDS", 0.0)


def test_chunks_commit_as_they_go_and_a_failure_keeps_what_was_committed(admin):
    names = [f"部门{i}" for i in range(5)]

    def write(name: str) -> None:
        if name == "部门3":
            raise StorageError("磁盘空间已满")
        Department.create(name=name)

    with pytest.raises(ChunkFailed) as failed:
        write_in_chunks(names, write, seconds=0.0, pause=0.0)
    assert (failed.value.done, failed.value.index) == (3, 3)
    assert isinstance(failed.value.cause, StorageError)
    assert {d.name for d in Department.select()} == {"部门0", "部门1", "部门2"}


def test_finish_runs_once_in_the_last_transaction(admin):
    calls = []
    assert write_in_chunks([], lambda _x: None, finish=lambda: calls.append("done")) == 0
    assert write_in_chunks(list(range(4)), lambda _x: None, finish=lambda: calls.append("again"),
                           seconds=0.0, pause=0.0) == 4
    assert calls == ["done", "again"]


def test_a_clerk_waits_well_under_a_second_beside_a_long_write(admin, paths):
    conn = sqlite3.connect(paths.database)
    conn.execute("CREATE TABLE clerk_save (n INTEGER)")
    conn.commit()
    conn.close()
    stop, waits = threading.Event(), []

    def clerk() -> None:
        own = sqlite3.connect(paths.database, timeout=10, isolation_level=None)
        try:
            while not stop.is_set():
                began = time.perf_counter()
                own.execute("BEGIN IMMEDIATE")
                own.execute("INSERT INTO clerk_save VALUES (1)")
                own.execute("COMMIT")
                waits.append(time.perf_counter() - began)
                time.sleep(0.05)  # not Event.wait: under libfaketime its timeout overshoots
        finally:
            own.close()

    writer = threading.Thread(target=clerk)
    writer.start()
    try:
        began = time.perf_counter()
        write_in_chunks(range(200), lambda i: (time.sleep(0.01), Department.create(name=f"d{i}")))
        took = time.perf_counter() - began
    finally:
        stop.set()
        writer.join()
    assert took > 2.0 and Department.select().count() == 200
    assert len(waits) >= 5 and max(waits) < 1.0, max(waits)


def test_fine_preview_takes_no_write_lock(admin, paths, tmp_path, monkeypatch, frozen_clock):
    from frontdesk.services.discipline import schedule_import as fine_schedule_import

    real, outside = fine_schedule_import._spec, []

    def spec_while_a_clerk_saves(*args):  # noqa: ANN002, ANN202
        if not outside:
            other = sqlite3.connect(paths.database, timeout=0, isolation_level=None)
            try:
                other.execute("BEGIN IMMEDIATE")  # fails at once ("database is locked") if the preview held it
                other.execute("COMMIT")
                outside.append("saved")
            finally:
                other.close()
        return real(*args)

    monkeypatch.setattr(fine_schedule_import, "_spec", spec_while_a_clerk_saves)
    preview = preview_fines(admin, _fine_sheet(tmp_path, 3))
    assert outside == ["saved"] and preview.count("new") == 3


def _table(model) -> list[tuple]:  # noqa: ANN001
    """Every row, without the change stamps: an undo is a write here too, so it takes a new change number
    (an export between two chunks may have sent the undone version)."""
    fields = [f for f in model._meta.sorted_fields if f.name not in ("change_seq", "origin_seq")]
    return list(model.select(*fields).order_by(model.id).tuples())


def test_with_undo_a_failure_after_the_first_chunk_undoes_the_committed_ones(admin):
    before = _table(Department)

    def write(name: str) -> int:
        if name == "部门3":
            raise StorageError("磁盘空间已满")
        return Department.create(name=name).id

    def undo(ids: list[int]) -> None:
        assert ids == sorted(ids, reverse=True)  # newest first
        Department.delete().where(Department.id.in_(ids)).execute()

    with pytest.raises(ChunkFailed) as failed:
        write_in_chunks([f"部门{i}" for i in range(5)], write, undo=undo, seconds=0.0, pause=0.0)
    assert (failed.value.done, failed.value.undone, failed.value.undo_error) == (3, True, None)
    assert _table(Department) == before


def test_an_undo_that_fails_too_is_reported(admin):
    def write(name: str) -> str:
        if name == "b":
            raise OSError(28, "No space left on device")
        Department.create(name=name)
        return name

    def undo(_names: list[str]) -> None:
        raise StorageError("数据库已锁定")

    with pytest.raises(ChunkFailed) as failed:
        write_in_chunks(["a", "b"], write, undo=undo, seconds=0.0, pause=0.0)
    assert not failed.value.undone and isinstance(failed.value.undo_error, StorageError)
    message = failed.value.user_error(3).message
    assert "第 3 行中断：No space left on device" in message and "1 行未能撤销（数据库已锁定）" in message


def test_fine_import_failing_after_the_first_chunk_is_undone_and_a_rerun_completes(admin, tmp_path, monkeypatch,
                                                                                   one_item_per_chunk, frozen_clock):
    from frontdesk.db.models import AuditLog
    from frontdesk.services.core import audit

    path = _fine_sheet(tmp_path, 5)
    before = _table(FineRule)
    real, calls = fine_rules.save_version, []

    def full_at_the_fourth(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        calls.append(1)
        if len(calls) == 4:
            raise OSError(28, "No space left on device")
        return real(*args, **kwargs)

    monkeypatch.setattr(fine_rules, "save_version", full_at_the_fourth)
    with pytest.raises(UserError, match="第 5 行中断：No space left on device") as caught:
        import_fines(admin, path)
    assert "已写入的 3 行已撤销，数据与导入前相同" in caught.value.message
    assert _table(FineRule) == before  # as before the import: the three committed versions are gone again
    assert not ImportHistory.select().where(ImportHistory.kind == "fines").exists()
    undone = AuditLog.select().where(AuditLog.action == "import_undo")
    assert sorted(e.entity_uuid for e in undone) == ["X000", "X001", "X002"]
    assert audit.chain_problems() == []  # the audit trail only grows: the writes and their undoing
    monkeypatch.setattr(fine_rules, "save_version", real)
    preview = import_fines(admin, path)
    assert preview.count("new") == 5
    assert FineRule.select().where(FineRule.code.startswith("X")).count() == 5
    assert ImportHistory.get(ImportHistory.kind == "fines").inserted == 5


def test_a_fine_version_used_meanwhile_is_kept_by_the_undo(admin, tmp_path, monkeypatch, one_item_per_chunk,
                                                         frozen_clock):
    from decimal import Decimal

    from frontdesk.clock import now
    from frontdesk.db.models import Incident

    path = _fine_sheet(tmp_path, 3)
    real, calls = fine_rules.save_version, []

    def used_then_full(actor, spec, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        calls.append(1)
        if len(calls) == 2:
            rule = FineRule.get(FineRule.code == "X000")
            Incident.create(number="N1", staff=admin.uuid, rule=rule.uuid, rule_code="X000",  # a clerk records one
                            occurred_at=now(), month="2026-01", amount=Decimal("10.00"))
        if len(calls) == 3:
            raise StorageError("磁盘空间已满，无法保存。")
        return real(actor, spec, *args, **kwargs)

    monkeypatch.setattr(fine_rules, "save_version", used_then_full)
    with pytest.raises(UserError, match="其中 1 行导入后已被他人修改"):
        import_fines(admin, path)
    assert [r.code for r in FineRule.select().where(FineRule.code.startswith("X"))] == ["X000"]


def test_roster_import_failing_after_the_first_chunk_leaves_the_roster_as_it_was(admin, tmp_path, monkeypatch,
                                                                                 one_item_per_chunk, frozen_clock):
    staff_service.save_staff(admin, staff_service.StaffInput("300", "老员工", position="前台", phone="13800001234"))
    path = _sheet(tmp_path / "r.xlsx", ["工号", "姓名"], [["300", "改名了"]] + [[f"30{i}", f"员工{i}"]
                                                                             for i in range(1, 4)])
    before = _table(Staff)
    real = staff_service.save_staff

    def full_at_third(actor, data, uuid=None, password=None):  # noqa: ANN001, ANN202
        if data.staff_no == "302":
            raise StorageError("磁盘空间已满，无法保存。")
        return real(actor, data, uuid, password)

    monkeypatch.setattr(staff_service, "save_staff", full_at_third)
    with pytest.raises(UserError, match="第 4 行中断") as caught:
        import_roster(admin, path)
    assert "已写入的 2 行已撤销" in caught.value.message
    assert _table(Staff) == before  # the renamed row has its name (and revision) back, the new one is gone
    monkeypatch.setattr(staff_service, "save_staff", real)
    preview = import_roster(admin, path)
    assert (preview.count("update"), preview.count("new")) == (1, 3)
    assert Staff.get(Staff.staff_no == "300").name == "改名了"


def test_a_bug_mid_way_is_undone_and_still_reported_as_a_bug(admin, tmp_path, monkeypatch, one_item_per_chunk,
                                                             frozen_clock):
    path = _sheet(tmp_path / "r.xlsx", ["工号", "姓名"], [[f"30{i}", f"员工{i}"] for i in range(3)])
    before, real = _table(Staff), staff_service.save_staff

    def bug_at_second(actor, data, uuid=None, password=None):  # noqa: ANN001, ANN202
        if data.staff_no == "301":
            raise KeyError("bug")
        return real(actor, data, uuid, password)

    monkeypatch.setattr(staff_service, "save_staff", bug_at_second)
    with pytest.raises(KeyError):
        import_roster(admin, path)
    assert _table(Staff) == before


def test_an_import_written_past_midnight_dates_undated_rows_the_new_day(admin, tmp_path, frozen_clock,
                                                                        monkeypatch):
    import datetime as dt

    frozen_clock.set(dt.datetime(2026, 12, 31, 23, 59, 59))
    path = _fine_sheet(tmp_path, 3)
    real, checked = fine_rules.version_problems, []

    def midnight_passes_after_the_check(*args):  # noqa: ANN002, ANN202
        checked.append(1)
        found = real(*args)
        if len(checked) == 3:  # every line checked on the 31st; the writing starts on the 1st
            frozen_clock.set(dt.datetime(2027, 1, 1, 0, 0, 1))
        return found

    monkeypatch.setattr(fine_rules, "version_problems", midnight_passes_after_the_check)
    import_fines(admin, path)
    dates = {r.effective_from for r in FineRule.select().where(FineRule.code.startswith("X"))}
    assert dates == {dt.date(2027, 1, 1)}


def test_a_rule_changed_between_check_and_write_is_audited_against_the_change(admin, tmp_path, monkeypatch,
                                                                               frozen_clock):
    from frontdesk.db.models import AuditLog

    path = _fine_sheet(tmp_path, 1)  # X000, a new rule
    real, checked = fine_rules.version_problems, []

    def someone_adds_it_meanwhile(*args):  # noqa: ANN002, ANN202
        found = real(*args)
        if not checked:
            checked.append(1)
            spec = args[0]
            real_save(admin, type(spec)(spec.code, spec.category, "别人刚加的", spec.min_amount, spec.max_amount,
                                        spec.unit, spec.dismissal, spec.tiers), args[1])
        return found

    real_save = fine_rules.save_version
    monkeypatch.setattr(fine_rules, "version_problems", someone_adds_it_meanwhile)
    import_fines(admin, path)
    entries = list(AuditLog.select().where(AuditLog.entity_uuid == "X000").order_by(AuditLog.id))
    assert [e.action for e in entries] == ["create", "new_version"]  # not a second "create" from a stale read
    assert "别人刚加的" in entries[1].old_value
