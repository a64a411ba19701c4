"""How far a demo-data batch got, kept in the database: each step's rows and its record commit together.

A run killed at any point leaves whole steps and a record that names them, so the next run goes on from the
first step not committed. Between steps the demo lets go of the write lock often enough that a clerk saving
at the counter meanwhile waits well under a second (see ``HOLD_SECONDS``).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import Any

from frontdesk.db import chunks
from frontdesk.db.connection import transaction
from frontdesk.services.core.site_settings import DEMO_PROGRESS

# Longest run of steps that follow one another with no gap a waiting save could use; then the demo pauses.
HOLD_SECONDS = 0.15
# Longer than SQLite's longest busy-handler sleep (100 ms), so a save waiting for the lock gets it.
PAUSE_SECONDS = chunks.PAUSE_SECONDS


@dataclass(frozen=True)
class Batch:
    """One demo-data batch: what was asked for, the steps committed and rows made per generator."""

    rows: int
    seed: int
    steps: dict[str, int] = field(default_factory=dict)
    made: dict[str, int] = field(default_factory=dict)
    finished: tuple[str, ...] = ()
    complete: bool = False

    def dump(self) -> dict[str, Any]:
        return {"rows": self.rows, "seed": self.seed, "steps": self.steps, "made": self.made,
                "finished": list(self.finished), "complete": self.complete}

    @classmethod
    def load(cls, value: dict[str, Any]) -> Batch | None:
        try:
            return cls(int(value["rows"]), int(value["seed"]),
                       {str(k): int(v) for k, v in value.get("steps", {}).items()},
                       {str(k): int(v) for k, v in value.get("made", {}).items()},
                       tuple(str(name) for name in value.get("finished", [])), bool(value.get("complete")))
        except (KeyError, TypeError, ValueError, AttributeError):
            return None


def recorded() -> Batch | None:
    """The batch this database holds (complete or not), or None when demo data was never generated."""
    value = DEMO_PROGRESS.get()
    return Batch.load(value) if value else None


@dataclass
class Step:
    """The rows one step made; a step that learns its count as it goes sets ``rows`` before it ends."""

    rows: int = 0


class Journal:
    """The steps of one batch: each runs in its own short transaction, which also records it."""

    def __init__(self, batch: Batch) -> None:
        self.batch = batch
        self._held = 0.0  # seconds the steps since the last usable gap held the write lock
        self._free_since = time.perf_counter()

    def steps(self, generator: str) -> int:
        return self.batch.steps.get(generator, 0)

    def made(self, generator: str) -> int:
        return self.batch.made.get(generator, 0)

    @contextmanager
    def step(self, generator: str, rows: int = 0) -> Iterator[Step]:
        """One transaction: the body's writes and this batch's record with the step counted, or neither."""
        step = Step(rows)
        with self.holding(), transaction():
            yield step
            batch = replace(self.batch, steps={**self.batch.steps, generator: self.steps(generator) + 1},
                            made={**self.batch.made, generator: self.made(generator) + step.rows})
            DEMO_PROGRESS.put(batch.dump())
        self.batch = batch

    def finish(self, generator: str) -> None:
        """``generator`` made all its rows: a later run skips it."""
        self._save(replace(self.batch, finished=(*self.batch.finished, generator)))

    def complete(self) -> None:
        self._save(replace(self.batch, complete=True))

    def _save(self, batch: Batch) -> None:
        with self.holding(), transaction():
            DEMO_PROGRESS.put(batch.dump())
        self.batch = batch

    @contextmanager
    def holding(self) -> Iterator[None]:
        """Around any write of the demo: first a pause when the writes before held the lock back to back for
        ``HOLD_SECONDS`` (the time since the last one, spent building rows, counts towards it), so a save
        waiting meanwhile goes in; then the write, timed."""
        free_for = time.perf_counter() - self._free_since
        if free_for >= PAUSE_SECONDS:
            self._held = 0.0  # the lock was free long enough for a waiting save to take it
        elif self._held >= HOLD_SECONDS:
            time.sleep(PAUSE_SECONDS - free_for)
            self._held = 0.0
        began = time.perf_counter()
        try:
            yield
        finally:
            self._free_since = time.perf_counter()
            self._held += self._free_since - began
