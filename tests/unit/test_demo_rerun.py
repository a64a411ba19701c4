"""Issue 17 finding 7: demo-data can be run again on a database that already holds demo data."""

from __future__ import annotations

from frontdesk.db.models import Contact
from frontdesk.demo import runner as demo


def test_demo_data_runs_twice(admin):
    demo.generate(60, 3)
    first = Contact.select().count()
    demo.generate(60, 3)  # again, same seed: adds or keeps, never a raw IntegrityError
    assert Contact.select().count() >= first > 0
