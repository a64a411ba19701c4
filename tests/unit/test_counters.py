"""Four counters at once: 4 processes × 250 saves (contacts, complaint stages, incidents) on one database.

Every number unique, no lost write, no "busy" error; and two clerks saving the same contacts at the same
moment: each time one save wins and the other is told (the revision check against a real race). Run on whichever database the pass uses: on the
PostgreSQL pass (``FRONTDESK_TEST_DATABASE=postgresql``) the four processes share one database of this
process's throwaway cluster (``tests/pgcluster.py``); on the SQLite pass they share one SQLite file (WAL,
``BEGIN IMMEDIATE``, a 10 s busy timeout: several processes on one file on a local disk are supported, the
writers queue), which is how several windows on one PC share a database.
"""

from __future__ import annotations

import multiprocessing
import time
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any

from frontdesk.db.models import Complaint, ComplaintEvent, Contact, Incident
from frontdesk.domain.roles import Role
from frontdesk.services.core import audit
from frontdesk.services.core import staff as staff_service

COUNTERS = 4
# per counter, in blocks of five: a contact, a case opened directly at the complaints desk, a 投诉 contact
# opening its case, that case's next stage, an incident
SAVES = 250
BLOCK = 5
TIME_LIMIT_S = 60  # the run itself takes well under 30 s; the limit only catches a hang


def _counter(target: str, data_dir: str, staff_no: str, saves: int, barrier: Any, results: Any) -> None:
    """One counter PC: sign in, wait for the others, then save as fast as the database lets it."""
    from datetime import timedelta

    from frontdesk import clock
    from frontdesk.domain.complaints import ComplaintInput
    from frontdesk.domain.reception import Category, Channel, ContactInput
    from frontdesk.domain.sla import Stage
    from frontdesk.errors import UserError
    from frontdesk.paths import data_paths
    from frontdesk.services.complaints import cases
    from frontdesk.services.core import auth, system
    from frontdesk.services.discipline import incidents
    from frontdesk.services.discipline.incidents import IncidentInput
    from frontdesk.services.reception import contacts
    from frontdesk.settings import Settings

    out: dict[str, Any] = {"staff_no": staff_no, "contacts": [], "cases": [], "stages": [], "incidents": [], "direct": [],
                           "errors": []}
    try:
        system.start(data_paths(Path(data_dir)), Settings(database=target), backup_on_start=False)
        actor = auth.login(staff_no, "secret1")
        barrier.wait(timeout=60)
        started = time.perf_counter()
        case_uuid = None
        for i in range(saves):
            step = i % BLOCK
            try:
                if step == 1:
                    saved_case = cases.open_complaint(actor, ComplaintInput(
                        customer_name="王女士", phone="13800138000", subject=f"柜台{staff_no} 第{i}次 直接投诉"))
                    out["direct"].append(saved_case.uuid)
                elif step in (0, 2):
                    category = Category.COMPLAINT if step == 2 else Category.CONSULT
                    request = f"柜台{staff_no} 第{i}次保存"
                    saved = contacts.save_contact(actor, ContactInput(
                        channel=Channel.WALK_IN.value, category=category.value, customer_name="顾客",
                        phone="13800138000", request=request))
                    out["contacts"].append((saved.uuid, saved.number, request))
                    if step == 2:
                        case_uuid = Complaint.get(Complaint.contact == saved.uuid).uuid
                        out["cases"].append(case_uuid)
                elif step == 3:
                    cases.advance(actor, case_uuid, Stage.VERIFY, f"柜台{staff_no} 核实 {i}")
                    out["stages"].append(case_uuid)
                else:
                    (uuid,) = incidents.record_incident(actor, IncidentInput(
                        staff_uuids=[actor.uuid], rule_code="R06", occurred_at=clock.now() - timedelta(minutes=1),
                        amount=Decimal("30"), description=f"柜台{staff_no} 第{i}次"))
                    out["incidents"].append(uuid)
            except UserError as exc:  # "busy" and every other message a clerk would see
                out["errors"].append(f"{type(exc).__name__}: {exc.message}")
        out["seconds"] = time.perf_counter() - started
        system.stop()
    except BaseException as exc:  # noqa: BLE001 - reported to the test, which fails with it
        import traceback

        out["errors"].append(f"crash {type(exc).__name__}: {exc}\n{traceback.format_exc()}")
    results.put(out)


def _run_counters(target: str, data_dir: Path, staff_nos: list[str]) -> list[dict[str, Any]]:
    # forked from this process, which has closed its database (each counter opens its own connection); where
    # fork is missing, a fresh interpreter each
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    ctx = multiprocessing.get_context(method)
    barrier, results = ctx.Barrier(len(staff_nos)), ctx.Queue()
    workers = [ctx.Process(target=_counter, args=(target, str(data_dir), no, SAVES, barrier, results))
               for no in staff_nos]
    for w in workers:
        w.start()
    try:
        outs = [results.get(timeout=TIME_LIMIT_S + 30) for _ in workers]
    finally:
        for w in workers:
            w.join(timeout=10)
            if w.is_alive():
                w.kill()
    return outs


def _assert_unique(numbers: list[str], what: str) -> None:
    repeated = [n for n, times in Counter(numbers).items() if times > 1]
    assert not repeated, f"{what}: numbers given twice: {repeated[:5]}"


def test_four_counters_save_at_once(paths, admin, database_url):  # noqa: ANN001
    staff_nos = []
    for k in range(COUNTERS):
        no = str(3001 + k)
        staff_service.save_staff(admin, staff_service.StaffInput(staff_no=no, name=f"柜台{k + 1}",
                                                                 role=Role.MANAGER.value), password="secret1")
        staff_nos.append(no)
    from frontdesk.services.core import system

    system.stop()  # the test process stays off the database while the counters work (one PC fewer)
    started = time.perf_counter()
    outs = _run_counters(database_url, paths.root, staff_nos)
    elapsed = time.perf_counter() - started
    system.start(paths, _settings(database_url), backup_on_start=False)

    errors = [e for out in outs for e in out["errors"]]
    assert not errors, f"{len(errors)} errors shown to clerks, e.g. {errors[:3]}"
    blocks = SAVES // BLOCK
    for out in outs:
        assert (len(out["contacts"]), len(out["direct"]), len(out["stages"]), len(out["incidents"])) == (
            2 * blocks, blocks, blocks, blocks)

    # every save is in the database, as saved (no lost write)
    saved = {uuid: (number, request) for out in outs for uuid, number, request in out["contacts"]}
    stored = {c.uuid: (c.number, c.request) for c in Contact.select(Contact.uuid, Contact.number, Contact.request)}
    assert stored == saved
    assert Complaint.select().count() == 2 * COUNTERS * blocks
    staged = {c.uuid for c in Complaint.select(Complaint.uuid).where(Complaint.stage == "verify")}
    assert staged == {u for out in outs for u in out["stages"]}
    assert ComplaintEvent.select().where(ComplaintEvent.to_stage == "verify").count() == COUNTERS * blocks
    assert {i.uuid for i in Incident.select(Incident.uuid)} == {u for out in outs for u in out["incidents"]}

    # every number unique: contacts, cases and incidents, and the change numbers sync relies on
    _assert_unique([number for number, _request in stored.values()], "contacts")
    _assert_unique([c.number for c in Complaint.select(Complaint.number)], "complaints")
    _assert_unique([i.number for i in Incident.select(Incident.number)], "incidents")
    seqs = [row[0] for model in (Contact, Complaint, Incident)
            for row in model.select(model.change_seq).tuples()]
    _assert_unique(seqs, "change numbers")
    per_day = Counter(n.rsplit("-", 1)[0] for n, _r in stored.values())
    for prefix, count in per_day.items():  # numbers run 0001… without a gap, whichever counter took them
        taken = sorted(int(n.rsplit("-", 1)[1]) for n, _r in stored.values() if n.startswith(prefix + "-"))
        assert taken == list(range(1, count + 1)), prefix
    assert audit.chain_problems() == []  # the audit chain stayed one chain: no two entries on one predecessor
    assert elapsed < TIME_LIMIT_S, f"{COUNTERS} × {SAVES} saves took {elapsed:.1f} s"
    print(f"\n{COUNTERS} counters × {SAVES} saves on {'PostgreSQL' if database_url else 'SQLite'}: {elapsed:.1f} s "
          f"(saving {max(out['seconds'] for out in outs):.1f} s)")


def _settings(database_url: str):  # noqa: ANN202
    from frontdesk.settings import Settings

    return Settings(database=database_url)


ROUNDS = 40


def _editor(target: str, data_dir: str, staff_no: str, uuids: list[str], barrier: Any, results: Any) -> None:
    """One of two clerks who open the same contacts at the same moment and both save."""
    from frontdesk.domain.reception import Category, Channel, ContactInput
    from frontdesk.errors import RecordChanged, UserError
    from frontdesk.paths import data_paths
    from frontdesk.services.core import auth, system
    from frontdesk.services.reception import contacts
    from frontdesk.settings import Settings

    out: dict[str, Any] = {"staff_no": staff_no, "won": [], "told": [], "errors": []}
    try:
        system.start(data_paths(Path(data_dir)), Settings(database=target), backup_on_start=False)
        actor = auth.login(staff_no, "secret1")
        for uuid in uuids:
            loaded = contacts.get_contact(actor, uuid)
            barrier.wait(timeout=60)  # both forms hold the same revision now
            data = ContactInput(channel=Channel.WALK_IN.value, category=Category.CONSULT.value, customer_name="顾客",
                                phone="13800138000", request=loaded["request"], handling=f"柜台{staff_no}的处理")
            try:
                contacts.save_contact(actor, data, uuid, loaded["revision"])
                out["won"].append(uuid)
            except RecordChanged:
                out["told"].append(uuid)
            except UserError as exc:
                out["errors"].append(f"{type(exc).__name__}: {exc.message}")
            barrier.wait(timeout=60)  # both saves done before the next contact is opened
        system.stop()
    except BaseException as exc:  # noqa: BLE001 - reported to the test, which fails with it
        out["errors"].append(f"crash {type(exc).__name__}: {exc}")
    results.put(out)


def test_two_clerks_save_the_same_contact_at_once(paths, admin, database_url):  # noqa: ANN001
    """The revision check against a real race: each time exactly one save wins, the other is told."""
    from frontdesk.services.core import system
    from frontdesk.services.reception import contacts
    from tests.unit.test_counters_revision import walk_in

    staff_nos = []
    for k in range(2):
        no = str(3101 + k)
        staff_service.save_staff(admin, staff_service.StaffInput(staff_no=no, name=f"柜台{k + 1}",
                                                                 role=Role.STAFF.value), password="secret1")
        staff_nos.append(no)
    uuids = [contacts.save_contact(admin, walk_in(request=f"同一条记录 {i}")).uuid for i in range(ROUNDS)]
    system.stop()
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    ctx = multiprocessing.get_context(method)
    barrier, results = ctx.Barrier(2), ctx.Queue()
    workers = [ctx.Process(target=_editor, args=(database_url, str(paths.root), no, uuids, barrier, results))
               for no in staff_nos]
    for w in workers:
        w.start()
    try:
        outs = [results.get(timeout=TIME_LIMIT_S + 30) for _ in workers]
    finally:
        for w in workers:
            w.join(timeout=10)
            if w.is_alive():
                w.kill()
    system.start(paths, _settings(database_url), backup_on_start=False)
    assert not [e for out in outs for e in out["errors"]]
    won = {uuid: out["staff_no"] for out in outs for uuid in out["won"]}
    assert sorted(won) == sorted(uuids), "every contact saved by exactly one clerk"
    assert sorted(u for out in outs for u in out["told"]) == sorted(uuids), "and the other one told"
    for row in Contact.select(Contact.uuid, Contact.handling, Contact.revision).where(Contact.uuid.in_(uuids)):
        assert row.handling == f"柜台{won[row.uuid]}的处理" and row.revision == 2  # the winner's text, one write
