"""Demo data: one declared order; a second run writes nothing; a stopped run is finished by the next; clerks go on."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

import pytest

from frontdesk import clock
from frontdesk.db import models, search_index
from frontdesk.db.connection import database
from frontdesk.db.models import Complaint, Contact, ReturnVisit, Staff
from frontdesk.demo import journal, runner
from frontdesk.demo.runner import GENERATORS, Run
from frontdesk.domain.reception import Category, Channel, ContactInput
from frontdesk.paths import data_paths
from frontdesk.services.core import site, system
from frontdesk.services.reception import contacts as reception
from frontdesk.settings import Settings
from tests.conftest import FROZEN_AT

ROWS, SEED = 150, 3
TABLES = ("AuditLog", "Department", "Staff", "ReturnOrder", "RepairOrder", "RepairEvent", "Contact", "Transfer",
          "Complaint", "ComplaintEvent", "Shift", "LeaveRequest", "ShiftSwap", "Incident", "FineMonth", "Handover",
          "KeyCustomer", "ReturnVisit", "SelfCheck", "AssessmentTemplate", "AssessmentRun", "Assessment")


class Stopped(Exception):
    """Stands for the run being killed."""


def _snapshot() -> dict[str, object]:
    """Rows per table, and which contacts exist (their uuids come from the per-step seeds)."""
    counts: dict[str, object] = {name: getattr(models, name).select().count() for name in TABLES}
    counts["contact uuids"] = {c.uuid for c in Contact.select(Contact.uuid)}
    counts["contact numbers"] = {c.number for c in Contact.select(Contact.number)}
    return counts


@dataclass(frozen=True)
class CleanRun:
    """A run that nothing stopped, and a second run on the same database."""

    first: runner.Outcome
    snapshot: dict[str, object]
    again: runner.Outcome
    after_again: dict[str, object]
    tables: dict[str, int]
    recorded: journal.Batch | None


@pytest.fixture(scope="module")
def uninterrupted(tmp_path_factory: pytest.TempPathFactory) -> CleanRun:
    """Made once per module: the tests that stop a run compare what the resumed one leaves with this."""
    clock.freeze(FROZEN_AT)
    system.start(data_paths(tmp_path_factory.mktemp("clean") / "data"), Settings(), backup_on_start=False)
    try:
        site.initialize("S01", "测试服务台", "admin", "admin123", "管理员")
        first = runner.generate(ROWS, SEED)
        snapshot = _snapshot()
        again = runner.generate(5000, 99)  # whatever is asked: the database already holds its demo batch
        tables = {"contacts": Contact.select().count(), "staff": Staff.select().count()}
        return CleanRun(first, snapshot, again, _snapshot(), tables, journal.recorded())
    finally:
        system.stop()
        clock.reset()


def test_generators_run_in_one_declared_order_assessments_last():
    names = [g.name for g in GENERATORS]
    assert isinstance(GENERATORS, tuple) and len(set(names)) == len(names)
    assert names.index("contacts") < names.index("complaints") < names.index("visits")
    assert names[-1] == "assessments"


def test_a_second_run_writes_nothing_and_reports_the_batch_complete(uninterrupted):
    first, again = uninterrupted.first, uninterrupted.again
    assert first.run is Run.NEW and (first.rows, first.seed) == (ROWS, SEED)
    assert again.run is Run.COMPLETE and (again.rows, again.seed) == (ROWS, SEED)
    assert again.counts == first.counts and uninterrupted.after_again == uninterrupted.snapshot
    planned = round(ROWS / sum(g.share for g in GENERATORS))
    assert first.counts["contacts"] == uninterrupted.tables["contacts"] == planned
    assert first.counts["staff"] == uninterrupted.tables["staff"] == 25
    assert uninterrupted.recorded is not None and uninterrupted.recorded.complete


def _stopping(monkeypatch: pytest.MonkeyPatch, where: str):  # noqa: ANN202
    """Stop the run at ``where``: a progress callback that raises, or a write that fails inside a step."""
    calls = []
    if where == "inside-a-contact-step":
        real = search_index.add_many

        def failing(rows, table=search_index.TABLE):  # noqa: ANN001, ANN202 - the third day's contacts are inserted, then this fails
            if table == search_index.TABLE:  # the contacts' index (the knowledge base has its own)
                calls.append(1)
                if len(calls) == 3:
                    raise Stopped
            return real(rows, table)

        monkeypatch.setattr(search_index, "add_many", failing)
        return None

    def progress(generator: str, done: int, total: int) -> None:
        calls.append(generator)
        if calls.count("assessments") == 6:  # a run created, part of its people scored
            raise Stopped

    return progress


@pytest.mark.parametrize("where", ["inside-a-contact-step", "between-assessment-steps"])
def test_a_stopped_run_is_finished_by_the_next_without_duplicates(admin, frozen_clock, monkeypatch, uninterrupted,
                                                                   where):
    with pytest.raises(Stopped):
        runner.generate(ROWS, SEED, _stopping(monkeypatch, where))
    monkeypatch.undo()
    stopped = journal.recorded()
    assert stopped is not None and not stopped.complete
    assert stopped.made.get("contacts", 0) == Contact.select().count()  # a step's rows and its record, or neither
    if where == "inside-a-contact-step":
        assert stopped.steps["contacts"] == 2 and "contacts" not in stopped.finished
    else:
        assert stopped.steps["assessments"] == 6 and stopped.finished == tuple(g.name for g in GENERATORS[:-1])
    resumed = runner.generate(10, 1)  # the recorded rows and seed are what the run finishes
    assert resumed.run is Run.RESUMED and (resumed.rows, resumed.seed) == (ROWS, SEED)
    assert _snapshot() == uninterrupted.snapshot
    linked = [c.contact_uuid for c in Complaint.select(Complaint.contact).where(Complaint.contact.is_null(False))]
    assert len(linked) == len(set(linked))
    visited = [v.contact_uuid for v in ReturnVisit.select(ReturnVisit.contact).where(ReturnVisit.contact.is_null(False))]
    assert len(visited) == len(set(visited))
    assert runner.generate(ROWS, SEED).run is Run.COMPLETE and _snapshot() == uninterrupted.snapshot


@pytest.mark.demo_pauses
def test_a_clerk_saving_beside_demo_data_never_waits_a_second(admin, frozen_clock):
    """The demo writes in short steps and lets go of the lock between them: each save waits well under 1 s."""
    stop, waits, failures = threading.Event(), [], []

    def clerk() -> None:
        try:
            while not stop.is_set():
                began = time.perf_counter()
                reception.save_contact(admin, ContactInput(channel=Channel.PHONE.value, category=Category.CONSULT.value,
                                                           customer_name="李先生", phone="13800001111",
                                                           request="咨询停车收费标准"))
                waits.append(time.perf_counter() - began)
                time.sleep(0.03)
        except Exception as exc:  # noqa: BLE001 - any error (DatabaseBusy above all) fails the test below
            failures.append(exc)
        finally:
            database.obj.close()

    thread = threading.Thread(target=clerk)
    thread.start()
    try:
        outcome = runner.generate(600, SEED)
    finally:
        stop.set()
        thread.join()
    assert failures == []
    assert outcome.run is Run.NEW and Contact.select().count() == outcome.counts["contacts"] + len(waits)
    assert len(waits) >= 20 and max(waits) < 1.0, f"longest wait {max(waits):.3f} s over {len(waits)} saves"


def test_open_demo_cases_are_mostly_on_time_and_each_overdue_one_names_its_clock(admin, frozen_clock):  # noqa: ANN001
    """Issue 13: with demo data 9 of 10 open cases showed overdue; a desk keeping its clocks has a few."""
    from frontdesk.services.complaints import case_list
    from frontdesk.services.core.listing import ListQuery

    runner.generate(12000, 5)
    rows = [r for r in case_list.list_complaints(admin, ListQuery(page_size=500)).rows if r["stage"] != "closed"]
    overdue = [r for r in rows if r["overdue"]]
    assert len(rows) >= 6
    assert len(overdue) * 5 <= len(rows), f"{len(overdue)} of {len(rows)} open cases overdue"
    assert all(r["due_clock"] for r in overdue)
    assert case_list.overdue_count(admin) == len(overdue)
