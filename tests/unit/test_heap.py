"""Freed heap handed back to the system: glibc's malloc_trim is found on Linux, and asking is harmless."""

from __future__ import annotations

import sys

from frontdesk import heap


def test_freed_heap_goes_back_to_the_system_where_glibc_can_do_it():
    if sys.platform.startswith("linux"):
        assert heap._trim() is not None
    freed = [bytes(2_000) for _ in range(5_000)]
    del freed
    assert heap.give_back() is None
