"""Site settings: each key declared once with its type and default; bad stored text reads as the default."""

from __future__ import annotations

import re
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pytest

from frontdesk.db.models import SiteSetting
from frontdesk.services.core import site_settings
from frontdesk.services.core.site_settings import OPTIONS, SiteOption

ROOT = Path(__file__).resolve().parents[2] / "frontdesk"

SAMPLES = {
    "site_code": "S02",
    "site_name": "义乌服务区",
    "attendance.grace_minutes": 12,
    "selfcheck.frequency": "weekly",
    "aftersales.policy": {"clothing": [3, 10]},
    "aftersales.refund_threshold": Decimal("800.50"),
    "aftersales.stuck_days": 9,
    "sync_last_export_at": datetime(2026, 11, 18, 10, 30, 5),
    "complaints.calendar_data": "chinesecalendar 1.10.0",
    "holidays.schedule_years": [2027, 2028],
    "demo.progress": {"rows": 300, "seed": 5, "steps": {"contacts": 12}, "made": {"contacts": 270}},
    "reports.hot_words": {"site_words": ["道闸", "充电桩"], "stop_words": ["顾客"]},
    "print.papers": {"pickup_slip": "R80", "repair_receipt": "A4", "return_voucher": "R80"},
    "print.direct": True,
    "sync.head_office": "ZB",
}


def test_every_key_is_declared_once():
    keys = [option.key for option in OPTIONS]
    assert len(keys) == len(set(keys))
    declared = [v for v in vars(site_settings).values() if isinstance(v, SiteOption)]
    assert {id(o) for o in declared} == {id(o) for o in OPTIONS}, "list every SiteOption in OPTIONS"
    assert set(SAMPLES) == set(keys)


def test_only_site_settings_touches_the_site_setting_table():
    allowed = {ROOT / "services" / "core" / "site_settings.py"}
    offenders = [
        str(path.relative_to(ROOT)) for path in ROOT.rglob("*.py")
        if "SiteSetting" in path.read_text(encoding="utf-8") and path not in allowed and "db" not in path.parts
    ]
    assert offenders == []


def test_no_module_spells_a_site_setting_key():
    """site_code and site_name are also ordinary field names, so only the other keys are looked for."""
    keys = [o.key for o in OPTIONS if o.key not in ("site_code", "site_name")]
    pattern = re.compile("|".join(re.escape(f'"{key}"') for key in keys))
    offenders = [
        str(path.relative_to(ROOT)) for path in ROOT.rglob("*.py")
        if path.name != "site_settings.py" and "frozen" not in path.parts and pattern.search(path.read_text("utf-8"))
    ]
    assert offenders == []


@pytest.mark.parametrize("option", OPTIONS, ids=lambda o: o.key)
def test_missing_reads_as_the_default_and_a_value_round_trips(paths, option):
    assert option.get() == option.default
    option.put(SAMPLES[option.key])
    assert option.get() == SAMPLES[option.key]


@pytest.mark.parametrize(
    ("option", "stored"),
    [
        (site_settings.GRACE_MINUTES, "soon"),
        (site_settings.SELFCHECK_FREQUENCY, "hourly"),
        (site_settings.AFTERSALES_POLICY, "[1, 2]"),
        (site_settings.AFTERSALES_POLICY, "{not json"),
        (site_settings.REFUND_THRESHOLD, "0"),
        (site_settings.REFUND_THRESHOLD, "-5"),
        (site_settings.STUCK_DAYS, "0"),
        (site_settings.STUCK_DAYS, "3.5"),
        (site_settings.LAST_EXPORT_AT, ""),
        (site_settings.LAST_EXPORT_AT, "yesterday"),
        (site_settings.DEMO_PROGRESS, "[]"),
    ],
)
def test_bad_stored_text_reads_as_the_default(paths, option, stored):
    SiteSetting.insert(key=option.key, value=stored).on_conflict(conflict_target=[SiteSetting.key], update={SiteSetting.value: stored}).execute()
    assert option.get() == option.default


def test_a_negative_grace_period_reads_as_zero(paths):
    SiteSetting.insert(key=site_settings.GRACE_MINUTES.key, value="-3").execute()
    assert site_settings.GRACE_MINUTES.get() == 0


def test_the_default_is_never_shared(paths):
    site_settings.AFTERSALES_POLICY.get()["clothing"] = [1, 1]
    assert site_settings.AFTERSALES_POLICY.get() == {}
