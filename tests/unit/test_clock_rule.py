"""House rule: only frontdesk/clock.py reads the clock; everything else asks it."""

import re
from pathlib import Path

import pytest

from frontdesk import clock

PACKAGE = Path(__file__).resolve().parents[2] / "frontdesk"

# Python, Qt and SQL ways of reading the wall clock for a date or a time of day.
BARE_READS = re.compile(
    r"datetime\.(now|today|utcnow)\(|\bdate\.today\(|\btime\.(time|localtime|gmtime|ctime|strftime)\("
    r"|QDate\.currentDate\(|QDateTime\.current(DateTime|DateTimeUtc|MSecsSinceEpoch|SecsSinceEpoch)\("
    r"|QTime\.currentTime\(|CURRENT_(TIMESTAMP|DATE|TIME)\b|\b(date|datetime|julianday|strftime)\([^)]*'now'"
    r"|\bnow\(\)\s*(?:AT|::)|\blocaltimestamp\b",
    re.IGNORECASE,
)


def bare_reads(root: Path) -> list[str]:
    found = []
    for path in sorted(root.rglob("*.py")):
        if path == root / "clock.py":
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if BARE_READS.search(line):
                found.append(f"{path.relative_to(root.parent).as_posix()}:{n}: {line.strip()}")
    return found


def test_no_bare_clock_read_outside_clock_module():
    assert bare_reads(PACKAGE) == []


@pytest.mark.parametrize("line", [
    "x = datetime.now()", "d = date.today()", "t = time.time()", "QDate.currentDate()",
    "QDateTime.currentDateTime().addSecs(1)", "INSERT ... VALUES (CURRENT_TIMESTAMP)",
    "VALUES (datetime('now', 'localtime'))", "SELECT julianday('now')",
])
def test_the_rule_sees_each_kind_of_read(tmp_path, line):
    pkg = tmp_path / "frontdesk"
    pkg.mkdir()
    (pkg / "mod.py").write_text(line + "\n", encoding="utf-8")
    (pkg / "clock.py").write_text("datetime.now()\n", encoding="utf-8")
    assert bare_reads(pkg) == [f"frontdesk/mod.py:1: {line}"]


def test_models_have_no_clock_of_their_own():
    from frontdesk.db.models import base

    assert not hasattr(base, "now")


def test_frozen_clock_sets_and_advances(frozen_clock):
    from tests.conftest import FROZEN_AT

    assert clock.now() == FROZEN_AT and clock.today() == FROZEN_AT.date()
    frozen_clock.advance(hours=15)
    assert clock.today() == FROZEN_AT.date().replace(day=FROZEN_AT.day + 1)
    frozen_clock.set(FROZEN_AT.replace(year=2028, month=2, day=29))
    assert clock.today().isoformat() == "2028-02-29"
    clock.reset()
    assert clock.now() != FROZEN_AT.replace(year=2028, month=2, day=29)
