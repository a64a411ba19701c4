"""Memory a long job has freed, handed back to the system: glibc keeps freed heap pages mapped otherwise."""

from __future__ import annotations

import ctypes
import ctypes.util
import sys
from functools import cache


@cache
def _trim() -> object | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim
    except (OSError, AttributeError):  # not glibc (musl has no malloc_trim)
        return None


def give_back() -> None:
    """Return the heap's free pages to the system (glibc ``malloc_trim``); nothing elsewhere."""
    trim = _trim()
    if trim is not None:
        trim(0)  # type: ignore[operator]
