"""Human numbers: per site, module and day; unique under concurrent saves; never reused."""

import threading
from datetime import date

from frontdesk.db.connection import database, transaction
from frontdesk.db.numbering import next_number, reserve


def test_sequence_per_module_and_day(admin):
    day = date(2026, 11, 23)
    with transaction():
        assert next_number("JD", day) == "S01-JD-20261123-0001"
        assert next_number("JD", day) == "S01-JD-20261123-0002"
        assert next_number("TS", day) == "S01-TS-20261123-0001"
        assert next_number("JD", date(2026, 11, 24)) == "S01-JD-20261124-0001"


def test_a_bulk_insert_reserves_numbers_in_a_row_after_the_ones_taken(admin):
    day = date(2026, 11, 23)
    with transaction():
        assert next_number("JD", day) == "S01-JD-20261123-0001"
        assert reserve("JD", day, 3) == ["S01-JD-20261123-0002", "S01-JD-20261123-0003", "S01-JD-20261123-0004"]
        assert reserve("JD", day, 0) == []
        assert next_number("JD", day) == "S01-JD-20261123-0005"
        assert reserve("TS", day, 1) == ["S01-TS-20261123-0001"]


def test_rolled_back_number_is_not_given_twice_once_committed(admin):
    day = date(2026, 1, 5)
    with transaction():
        first = next_number("WX", day)
    with transaction():
        second = next_number("WX", day)
    assert first != second


def test_concurrent_windows_never_share_a_number(paths, admin):
    """Two windows = two connections to the same file, saving at the same moment."""
    day = date(2026, 11, 23)
    results: list[str] = []
    errors: list[BaseException] = []
    barrier = threading.Barrier(4)
    lock = threading.Lock()

    def window() -> None:
        db = database.obj  # peewee keeps one connection per thread: each thread is a window
        try:
            barrier.wait()
            for _ in range(40):
                with transaction():
                    number = next_number("JD", day, site_code="S01")
                with lock:
                    results.append(number)
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)
        finally:
            db.close()

    threads = [threading.Thread(target=window) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert len(results) == 160 and len(set(results)) == 160
