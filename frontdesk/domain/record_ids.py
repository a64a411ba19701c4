"""Record ids: time-ordered UUIDs (version 7, RFC 9562), so records made one after another sit side by side in
every index keyed by uuid and a long import appends to those indexes instead of touching a page per row."""

from __future__ import annotations

import uuid
from datetime import datetime

_MS = (1 << 48) - 1
_A, _B = (1 << 12) - 1, (1 << 62) - 1
RANDOM_BITS = 74  # rand_a (12) and rand_b (62): unique even among ids made in the same millisecond


def time_ordered(at: datetime, bits: int) -> str:
    """The UUIDv7 of a record made at ``at`` (naive site-local time), ``bits`` its random part (74 bits used):
    the first 48 bits are the Unix time in milliseconds, so ids sort by the time they were made."""
    ms = int(at.timestamp() * 1000) & _MS
    value = (ms << 80) | (0x7 << 76) | (((bits >> 62) & _A) << 64) | (0b10 << 62) | (bits & _B)
    return str(uuid.UUID(int=value))
