"""Conflicts carry the base, both versions and the newer side; resolving at one site closes the stale copy at the
other after the next exchange; deletes travel as tombstones; the last export time is kept per peer."""

from __future__ import annotations

from datetime import date

import pytest
from sync_helpers import add_contact, at_site, hq_database, synced_rows  # noqa: F401 (autouse: head office on PostgreSQL on that pass)

from frontdesk.db.models import Contact, Holiday, SyncConflict
from frontdesk.domain.reception import ContactInput
from frontdesk.services.calendar import edits as holidays
from frontdesk.services.core.listing import ListQuery
from frontdesk.services.reception import contacts as reception
from frontdesk.services.sync import conflicts as sync_conflicts
from frontdesk.services.sync.exporter import export_site, last_export_at
from frontdesk.services.sync.importer import import_site


def _edit(actor, uuid: str, request: str) -> None:  # noqa: ANN001
    data = reception.to_input(reception.get_contact(actor, uuid))
    reception.save_contact(actor, ContactInput(**{**data.__dict__, "request": request}), uuid)


def _crossed(tmp_path, frozen_clock) -> str:  # noqa: ANN001
    """S01 and HQ both edit one contact and their exports cross: an open conflict at each site."""
    with at_site(tmp_path, "S01") as a:
        uuid = add_contact(a, "王女士", "原始")
        export_site(a, tmp_path / "s1.zip", to="HQ")
    with at_site(tmp_path, "HQ") as hq:
        import_site(hq, tmp_path / "s1.zip")
        export_site(hq, tmp_path / "h1.zip", to="S01")
    with at_site(tmp_path, "S01") as a:
        import_site(a, tmp_path / "h1.zip")
        frozen_clock.advance(hours=1)
        _edit(a, uuid, "站点版本")
        export_site(a, tmp_path / "s2.zip", to="HQ")
    with at_site(tmp_path, "HQ") as hq:
        frozen_clock.advance(hours=1)
        _edit(hq, uuid, "总部版本")  # later than the site's edit
        export_site(hq, tmp_path / "h2.zip", to="S01")
        assert import_site(hq, tmp_path / "s2.zip").total.conflicts == 1
    with at_site(tmp_path, "S01") as a:
        assert import_site(a, tmp_path / "h2.zip").total.conflicts == 1
    return uuid


def test_a_conflict_carries_the_base_both_versions_and_the_newer_side(tmp_path, frozen_clock):
    _crossed(tmp_path, frozen_clock)
    for code, local, incoming, newer in (("HQ", "总部版本", "站点版本", "local"), ("S01", "站点版本", "总部版本", "incoming")):
        with at_site(tmp_path, code) as me:
            (row,) = sync_conflicts.list_conflicts(me, ListQuery()).rows
            detail = sync_conflicts.get_conflict(me, row["id"])
            changed = {d["key"]: (d["base"], d["local"], d["incoming"]) for d in detail["differences"]}
            assert changed["request"] == ("原始", local, incoming), code
            assert detail["base"]["request"] == "原始" and detail["newer"] == newer, code


@pytest.mark.parametrize("choice", [sync_conflicts.TAKE_INCOMING, sync_conflicts.KEEP_LOCAL])
def test_resolving_at_one_site_clears_the_stale_copy_at_the_other(tmp_path, frozen_clock, choice):
    uuid = _crossed(tmp_path, frozen_clock)
    chosen = "站点版本" if choice == sync_conflicts.TAKE_INCOMING else "总部版本"
    with at_site(tmp_path, "HQ") as hq:
        sync_conflicts.resolve(hq, SyncConflict.get().id, choice)
        export_site(hq, tmp_path / "h3.zip", to="S01")
    with at_site(tmp_path, "S01") as a:
        import_site(a, tmp_path / "h3.zip")
        assert Contact.get(Contact.uuid == uuid).request == chosen
        conflict = SyncConflict.get()
        assert conflict.status == "superseded" and conflict.resolved_by == "HQ"
        assert sync_conflicts.open_count(a) == 0
        export_site(a, tmp_path / "s3.zip", to="HQ")
    with at_site(tmp_path, "HQ") as hq:
        report = import_site(hq, tmp_path / "s3.zip")
        assert report.total.conflicts == 0 and sync_conflicts.open_count(hq) == 0
        assert Contact.get(Contact.uuid == uuid).request == chosen


def test_moving_a_holiday_onto_a_deleted_date_travels_as_tombstones(tmp_path, frozen_clock):
    day, other = date(2027, 2, 1), date(2027, 2, 2)
    with at_site(tmp_path, "HQ") as hq:
        first = holidays.save_holiday(hq, day, True, "调休上班")
        holidays.delete_holiday(hq, first)
        moved = holidays.save_holiday(hq, other, False, "放假")
        export_site(hq, tmp_path / "h1.zip", to="S01")
    with at_site(tmp_path, "S01") as a:
        import_site(a, tmp_path / "h1.zip")
    with at_site(tmp_path, "HQ") as hq:
        holidays.save_holiday(hq, day, False, "改到 2 月 1 日", moved)  # onto the tombstone's date
        assert Holiday.select().where(Holiday.date == day).count() == 1  # no second row for the date
        export_site(hq, tmp_path / "h2.zip", to="S01")
        expected = synced_rows()["holiday"]
    with at_site(tmp_path, "S01") as a:
        import_site(a, tmp_path / "h2.zip")  # was: a unique-date clash, as the tombstone had been removed
        assert synced_rows()["holiday"] == expected
        live = Holiday.select().where(Holiday.deleted == False)  # noqa: E712
        assert [(h.date, h.note) for h in live if h.site_code == "HQ"] == [(day, "改到 2 月 1 日")]


def test_the_last_export_time_is_kept_per_destination(tmp_path, frozen_clock):
    with at_site(tmp_path, "S01") as a:
        assert last_export_at("HQ") is None
        export_site(a, tmp_path / "hq.zip", to="HQ")
        to_hq = last_export_at("HQ")
        frozen_clock.advance(hours=2)
        export_site(a, tmp_path / "s02.zip", to="S02")
        assert last_export_at("HQ") == to_hq and last_export_at("S02") > to_hq
        assert last_export_at("S03") is None
