"""Nothing is wired up by importing a module: a process that saves through reception alone opens complaint cases."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Only what a script needs to open a data folder and log in, then the reception service itself.
SCRIPT = """
import sys
from pathlib import Path
from frontdesk.paths import data_paths
from frontdesk.services.core import auth, site, system
from frontdesk.settings import Settings

early = "frontdesk.services.complaints.cases" in sys.modules
paths = data_paths(Path(sys.argv[1]))
system.start(paths, Settings(), backup_on_start=False)
site.initialize("S01", "测试服务台", "admin", "admin123", "管理员")
actor = auth.login("admin", "admin123")

from frontdesk.services.reception import contacts as reception
from frontdesk.domain.reception import Category, Channel, ContactInput
from frontdesk.db.models import Complaint

saved = reception.save_contact(actor, ContactInput(
    channel=Channel.WALK_IN.value, category=Category.COMPLAINT.value, customer_name="李先生",
    phone="13800001111", request="停车收费不合理\\n要求退款"))
cases = list(Complaint.select().where(Complaint.contact == saved.uuid))
print(early, len(cases), cases[0].subject if cases else "-", sep="|")
system.stop()
"""


def test_a_complaint_contact_opens_its_case_in_a_process_that_imports_only_reception(tmp_path):
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", SCRIPT, str(tmp_path / "data")], capture_output=True,
                            text=True, timeout=120, env=env, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    early, count, subject = result.stdout.strip().split("|")
    assert early == "False", "the set-up modules imported complaints, so the test proves nothing"
    assert (count, subject) == ("1", "停车收费不合理")


OPEN_CASE = """
import sys
from datetime import datetime
from pathlib import Path
from frontdesk import clock
from frontdesk.paths import data_paths
from frontdesk.services.complaints import cases as complaints
from frontdesk.services.core import auth, site, system
from frontdesk.domain.complaints import ComplaintInput
from frontdesk.settings import Settings

clock.freeze(datetime(2025, 11, 3, 9, 0))  # a Monday
system.start(data_paths(Path(sys.argv[1])), Settings(), backup_on_start=False)
site.initialize("S01", "测试服务台", "admin", "admin123", "管理员")
actor = auth.login("admin", "admin123")
complaints.open_complaint(actor, ComplaintInput(customer_name="王女士", phone="13800138000", subject="多收费"))
system.stop()
"""

# The second process changes the calendar through the holiday service alone.
EDIT_CALENDAR = """
import sys
from datetime import date, datetime
from pathlib import Path
from frontdesk import clock
from frontdesk.db.connection import database
from frontdesk.paths import data_paths
from frontdesk.services.core import auth, system
from frontdesk.settings import Settings

clock.freeze(datetime(2025, 11, 3, 9, 30))
system.start(data_paths(Path(sys.argv[1])), Settings(), backup_on_start=False)
actor = auth.login("admin", "admin123")
early = "frontdesk.services.complaints.cases" in sys.modules
from frontdesk.services.calendar import edits as holidays  # the calendar's edits, nothing else
before = database.obj.execute_sql("SELECT due_at FROM complaint").fetchone()[0]
database.obj.execute_sql("UPDATE complaint SET due_at = NULL")  # a calendar change must rewrite the index
holidays.save_holiday(actor, date(2025, 11, 4), False, "停电停业")
after = database.obj.execute_sql("SELECT due_at FROM complaint").fetchone()[0]
print(early, before, after, sep="|")
system.stop()
"""


def test_a_holiday_saved_through_the_holiday_service_alone_rewrites_open_deadlines(tmp_path):
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    data = str(tmp_path / "data")
    for script in (OPEN_CASE, EDIT_CALENDAR):
        result = subprocess.run([sys.executable, "-c", script, data], capture_output=True, text=True,
                                timeout=120, env=env, cwd=tmp_path)
        assert result.returncode == 0, result.stderr
    early, before, after = result.stdout.strip().split("|")
    assert early == "False", "the set-up modules imported complaints, so the test proves nothing"
    assert after == before != "None", "the calendar changed but the open case's deadline index was not rewritten"
