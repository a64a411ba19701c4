"""Master data down to sites: head office's fine schedule, SLA policy and holiday overrides apply at a site
unless the site saved its own version; a site's versions never change head office's."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta
from decimal import Decimal

import pytest
from sync_helpers import at_site, hq_database  # noqa: F401 (autouse: head office on PostgreSQL on that pass)

from frontdesk import clock
from frontdesk.db.models import Holiday
from frontdesk.domain.sla_policy import DEFAULT_POLICY
from frontdesk.services.calendar import edits as holiday_edits
from frontdesk.services.complaints import sla_policy
from frontdesk.services.core import holidays
from frontdesk.services.discipline import fine_rules
from frontdesk.services.sync.exporter import export_site
from frontdesk.services.sync.importer import import_site

pytestmark = pytest.mark.usefixtures("frozen_clock")


def _r01(actor, amount: str) -> None:  # noqa: ANN001
    today = clock.today()
    spec = fine_rules.spec_of(fine_rules.rule_for("R01", today))
    fine_rules.save_version(actor, dataclasses.replace(spec, min_amount=Decimal(amount), max_amount=Decimal(amount)),
                            today, "试行")


def _in_force() -> tuple[str, Decimal]:
    row = fine_rules.rule_for("R01", clock.today())
    return row.site_code, row.min_amount


def test_head_office_publishes_and_a_site_overrides_only_for_itself(tmp_path):
    day = clock.today() + timedelta(days=10)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    with at_site(tmp_path, "HQ") as hq:
        _r01(hq, "7")
        sla_policy.save_policy(hq, DEFAULT_POLICY, clock.today(), "总部标准")
        holiday_edits.save_holiday(hq, day, False, "总部放假")
        export_site(hq, tmp_path / "hq1.zip", to="S01")
    with at_site(tmp_path, "S01") as a:
        import_site(a, tmp_path / "hq1.zip")
        assert _in_force() == ("HQ", Decimal("7.00"))  # head office's version applies at the site
        assert sla_policy.in_force(clock.today()).site_code == "HQ"
        assert not holidays.work_calendar().is_workday(day)
        _r01(a, "9")  # the site's own version overrides head office's, here only
        holiday_edits.save_holiday(a, day, True, "本站照常上班")
        assert _in_force() == ("S01", Decimal("9.00"))
        assert holidays.work_calendar().is_workday(day)
        export_site(a, tmp_path / "s01.zip", to="HQ")
    with at_site(tmp_path, "HQ") as hq:
        import_site(hq, tmp_path / "s01.zip")
        assert _in_force() == ("HQ", Decimal("7.00"))  # the site's versions never change head office's
        assert not holidays.work_calendar().is_workday(day)
        assert sla_policy.in_force(clock.today()).note == "总部标准"


def test_a_site_edit_of_a_head_office_record_is_not_applied_there(tmp_path):
    day = date(2027, 3, 1)
    with at_site(tmp_path, "HQ") as hq:
        uuid = holiday_edits.save_holiday(hq, day, False, "总部放假")
        export_site(hq, tmp_path / "hq1.zip", to="S01")
    with at_site(tmp_path, "S01") as a:
        import_site(a, tmp_path / "hq1.zip")
        row = Holiday.get(Holiday.uuid == uuid)
        row.note = "站点改了总部的"  # no page offers this: a hand edit, or an older program
        row.save()
        export_site(a, tmp_path / "s01.zip", to="HQ")
    with at_site(tmp_path, "HQ") as hq:
        report = import_site(hq, tmp_path / "s01.zip")
        assert Holiday.get(Holiday.uuid == uuid).note == "总部放假"
        assert any("站点不能修改总部发布的记录" in line for line in report.lines())
