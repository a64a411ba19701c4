"""Issue 17 finding 7: demo-data can be run again on a database that already holds demo data."""

from __future__ import annotations

import sqlite3

import psycopg
import pytest

from frontdesk.db.models import Contact
from frontdesk.services import demo


@pytest.mark.xfail(strict=True, raises=(sqlite3.IntegrityError, psycopg.IntegrityError),
                   reason="issue 17 finding 7 is still open on this branch: a second demo-data run stops at a "
                          "UNIQUE constraint (return_order.uuid); the generators (services/demo*.py) belong to "
                          "another engineer. Remove this marker when their fix lands.")
def test_demo_data_runs_twice(admin):
    demo.generate(60, 3)
    first = Contact.select().count()
    demo.generate(60, 3)  # again, same seed: adds or keeps, never a raw IntegrityError
    assert Contact.select().count() >= first > 0
