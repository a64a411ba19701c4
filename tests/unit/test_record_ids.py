"""Record ids are time-ordered UUIDs (version 7): they sort by when the record was made, differ within one
millisecond, and the demo's ids follow its records' times the same way (so long tables append to uuid indexes)."""

from __future__ import annotations

import random
import uuid
from datetime import date, datetime, timedelta

from frontdesk.db.models.base import new_uuid
from frontdesk.demo.context import DemoContext
from frontdesk.domain.record_ids import RANDOM_BITS, time_ordered


def test_an_id_is_a_version_7_uuid_whose_first_48_bits_are_the_time_in_milliseconds():
    at = datetime(2026, 12, 2, 9, 30, 15, 250_000)
    value = uuid.UUID(time_ordered(at, (1 << RANDOM_BITS) - 1))
    assert value.version == 7 and value.variant == uuid.RFC_4122
    assert value.int >> 80 == int(at.timestamp() * 1000)


def test_ids_sort_by_time_and_differ_within_a_millisecond():
    at = datetime(2026, 12, 2, 9, 30)
    later = [time_ordered(at + timedelta(milliseconds=k), bits) for k, bits in enumerate([2**73, 5, 2**60, 0])]
    assert later == sorted(later)
    assert len({time_ordered(at, bits) for bits in range(1000)}) == 1000


def test_new_records_get_time_ordered_ids_from_the_programs_clock(frozen_clock):
    ids = [new_uuid() for _ in range(200)]
    assert len(set(ids)) == 200  # the clock stands still: the random part alone tells them apart
    assert {uuid.UUID(u).version for u in ids} == {7}
    assert {uuid.UUID(u).int >> 80 for u in ids} == {int(frozen_clock.at.timestamp() * 1000)}


def test_demo_ids_follow_the_records_times_and_the_seed():
    def ids(seed: int) -> list[str]:
        ctx = DemoContext(journal=None, today=date(2026, 1, 1), rng=random.Random(seed))  # type: ignore[arg-type]
        return [ctx.uuid(datetime(2026, 1, 1) + timedelta(minutes=k)) for k in range(50)]

    assert ids(4) == ids(4) and ids(4) != ids(5)
    assert ids(4) == sorted(ids(4))
