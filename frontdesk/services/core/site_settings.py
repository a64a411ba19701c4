"""Site-wide settings (rows of ``site_setting``): every key declared once here, with its type and default.

Per-installation options live in ``frontdesk/settings.py`` instead; these travel with the database.
A stored value that no longer parses reads as the default. ``put`` runs inside the caller's transaction.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any, Generic, TypeVar

from frontdesk.db.models import SiteSetting
from frontdesk.domain.attendance import DEFAULT_GRACE_MINUTES
from frontdesk.domain.repairs import DEFAULT_STUCK_DAYS
from frontdesk.domain.returns import DEFAULT_REFUND_THRESHOLD, parse_money
from frontdesk.domain.selfcheck import Frequency

V = TypeVar("V")


@dataclass(frozen=True)
class SiteOption(Generic[V]):
    """One site setting: its key, its default, and how its text is read and written."""

    key: str
    default: V
    parse: Callable[[str], V]  # stored text -> value; ValueError or TypeError means "use the default"
    dump: Callable[[V], str] = str

    def get(self) -> V:
        row = SiteSetting.get_or_none(SiteSetting.key == self.key)
        if row is not None:
            try:
                return self.parse(row.value)
            except (ValueError, TypeError):
                pass
        return copy.deepcopy(self.default)

    def put(self, value: V) -> None:
        dumped = self.dump(value)
        SiteSetting.insert(key=self.key, value=dumped).on_conflict(
            conflict_target=[SiteSetting.key], update={SiteSetting.value: dumped}).execute()


def _positive_int(text: str) -> int:
    if not text.isdigit() or int(text) <= 0:
        raise ValueError(text)
    return int(text)


def _positive_money(text: str) -> Decimal:
    value = parse_money(text)
    if value is None or value <= 0:
        raise ValueError(text)
    return value


def _flag(text: str) -> bool:
    if text not in ("0", "1"):
        raise ValueError(text)
    return text == "1"


def _json_object(text: str) -> dict[str, Any]:
    value = json.loads(text or "{}")
    if not isinstance(value, dict):
        raise ValueError(text)
    return value


def _year_list(text: str) -> list[int]:
    value = json.loads(text or "[]")
    if not isinstance(value, list) or not all(isinstance(y, int) and not isinstance(y, bool) for y in value):
        raise ValueError(text)
    return sorted(set(value))


SITE_CODE: SiteOption[str] = SiteOption("site_code", "", str)
SITE_NAME: SiteOption[str] = SiteOption("site_name", "", str)
GRACE_MINUTES: SiteOption[int] = SiteOption(
    "attendance.grace_minutes", DEFAULT_GRACE_MINUTES, lambda text: max(0, int(text)))
SELFCHECK_FREQUENCY: SiteOption[str] = SiteOption(
    "selfcheck.frequency", Frequency.DAILY.value, lambda text: Frequency(text).value)
# category -> [return days, exchange days], over domain.returns.default_policies()
AFTERSALES_POLICY: SiteOption[dict[str, Any]] = SiteOption(
    "aftersales.policy", {}, _json_object, lambda value: json.dumps(value, sort_keys=True))
REFUND_THRESHOLD: SiteOption[Decimal] = SiteOption(
    "aftersales.refund_threshold", DEFAULT_REFUND_THRESHOLD, _positive_money,
    lambda value: str(value.quantize(Decimal("0.01"))))
STUCK_DAYS: SiteOption[int] = SiteOption("aftersales.stuck_days", DEFAULT_STUCK_DAYS, _positive_int)
LAST_EXPORT_AT: SiteOption[datetime | None] = SiteOption("sync_last_export_at", None, datetime.fromisoformat)
HEAD_OFFICE: SiteOption[str] = SiteOption("sync.head_office", "HQ", str)  # whose master data applies here
# which chinesecalendar release the complaint deadlines were last indexed with
CALENDAR_STAMP: SiteOption[str] = SiteOption("complaints.calendar_data", "", str)
# years whose whole statutory holiday schedule is in the override table (imported from a file, or so marked)
HOLIDAY_YEARS: SiteOption[list[int]] = SiteOption(
    "holidays.schedule_years", [], _year_list, lambda value: json.dumps(sorted(set(value))))
# the demo-data batch and how far it got (frontdesk/demo/journal.py), written with each of its steps
DEMO_PROGRESS: SiteOption[dict[str, Any]] = SiteOption(
    "demo.progress", {}, _json_object, lambda value: json.dumps(value, sort_keys=True))

# weekly hot topics (services/reports/weekly_words.py): the site's own words and its stop words
HOT_WORDS: SiteOption[dict[str, Any]] = SiteOption(
    "reports.hot_words", {}, _json_object, lambda value: json.dumps(value, ensure_ascii=False, sort_keys=True))

# which paper each after-sales paper prints on ("A4" or "R80", the 80 mm roll), by paper kind; and whether the
# print key prints straight to the default printer (no preview)
PRINT_PAPERS: SiteOption[dict[str, Any]] = SiteOption(
    "print.papers", {}, _json_object, lambda value: json.dumps(value, sort_keys=True))
PRINT_DIRECT: SiteOption[bool] = SiteOption(
    "print.direct", False, lambda text: _flag(text), lambda value: "1" if value else "0")

OPTIONS: tuple[SiteOption[Any], ...] = (
    SITE_CODE, SITE_NAME, GRACE_MINUTES, SELFCHECK_FREQUENCY, AFTERSALES_POLICY, REFUND_THRESHOLD, STUCK_DAYS,
    LAST_EXPORT_AT, CALENDAR_STAMP, HOLIDAY_YEARS, DEMO_PROGRESS, HOT_WORDS, PRINT_PAPERS, PRINT_DIRECT, HEAD_OFFICE,
)
