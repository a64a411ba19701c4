"""The one clock of the program: site-local wall-clock time from a single settable source.

Everything in ``frontdesk`` asks this module for the time; nothing else reads the system clock for a date.
Tests freeze or advance it (``tests/conftest.py: frozen_clock``); the program never sets it.
Durations (how long a query took) use ``time.perf_counter`` and are not dates.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta

Source = Callable[[], datetime]


def _system() -> datetime:
    return datetime.now()


_source: list[Source] = [_system]


def now() -> datetime:
    """Local wall-clock time of the site, to the second (the data stores naive local times)."""
    return _source[0]().replace(microsecond=0)


def now_precise() -> datetime:
    """Local wall-clock time with microseconds (for ordering events within a second)."""
    return _source[0]()


def today() -> date:
    """The site's local date."""
    return _source[0]().date()


def set_source(source: Source) -> None:
    """Read the time from ``source`` from now on (tests; a site clock correction)."""
    _source[0] = source


def reset() -> None:
    """Read the system clock again."""
    _source[0] = _system


class FrozenClock:
    """A clock that stands still at ``at`` until it is set or advanced (for tests and demos)."""

    def __init__(self, at: datetime) -> None:
        self.at = at

    def __call__(self) -> datetime:
        return self.at

    def set(self, at: datetime) -> None:
        self.at = at

    def advance(self, delta: timedelta | None = None, **kwargs: float) -> datetime:
        """Move forward by ``delta`` or by ``timedelta(**kwargs)``; returns the new time."""
        self.at = self.at + (delta if delta is not None else timedelta(**kwargs))
        return self.at


def freeze(at: datetime) -> FrozenClock:
    """Stop the clock at ``at``; returns the handle to set or advance it. ``reset()`` undoes it."""
    clock = FrozenClock(at)
    set_source(clock)
    return clock
