"""Demo data run: the generators in their explicit order, each given its share of the requested rows.

A database holds one demo batch. The first run records it (rows, seed) and every step it commits
(journal.py); a run that was stopped or killed is finished by the next one, with the recorded rows and
seed whatever is asked this time; once the batch is complete, a further run writes nothing and says so.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from frontdesk import clock
from frontdesk.db.connection import analyze
from frontdesk.demo import (
    aftersales,
    assessments,
    complaints,
    duty,
    expressway,
    knowledge,
    reception,
    shifts,
    staff,
    visits,
)
from frontdesk.demo import training as training_demo
from frontdesk.demo.context import DemoContext, DemoGenerator
from frontdesk.demo.journal import Batch, Journal, recorded
from frontdesk.demo.staff import DEMO_PASSWORD

__all__ = ["DEMO_PASSWORD", "GENERATORS", "Outcome", "Run", "generate", "prepare", "recorded"]

TEAM = 24  # demo staff, whatever the row count

# In the order they run: each reads what the ones above it made.
GENERATORS: tuple[DemoGenerator, ...] = (
    DemoGenerator("knowledge", 0.0, knowledge.generate),  # a fixed few dozen articles, whatever the rows
    DemoGenerator("returns", 0.03, aftersales.generate_returns),
    DemoGenerator("repairs", 0.03, aftersales.generate_repairs),
    DemoGenerator("contacts", 1.0, reception.generate_contacts),
    DemoGenerator("complaints", 0.03, complaints.generate_complaints),  # most open from the 投诉 contacts
    DemoGenerator("shifts", 0.01, shifts.generate),
    DemoGenerator("visits", 0.02, visits.generate_visits),  # visited contacts and closed complaints
    DemoGenerator("expressway", 0.0, expressway.generate),  # a fixed few help calls and notices
    DemoGenerator("training", 0.0, training_demo.generate),  # a year of sessions, read as 业务知识 evidence
    DemoGenerator("messages", 0.0, duty.generate),  # a fixed few messages, whatever the rows
    DemoGenerator("duties", 0.0, duty.generate_duties),  # the checklist ticked on the last days' shifts
    DemoGenerator("supervision", 0.0, duty.generate_supervision),  # a few inspections and opinion entries
    # last: they read the incidents, attendance, complaints and visits made above
    DemoGenerator("assessments", 0.0001, assessments.generate),
)


class Run(StrEnum):
    """What a call of ``generate`` did."""

    NEW = "new"  # made a new batch
    RESUMED = "resumed"  # finished a batch an earlier run left incomplete
    COMPLETE = "complete"  # the batch was complete already: nothing written


@dataclass(frozen=True)
class Outcome:
    """The batch (its rows and seed as first recorded) and what it holds: rows made per generator."""

    run: Run
    rows: int
    seed: int
    counts: dict[str, int]


def prepare(journal: Journal, progress: Callable[[str, int, int], None] | None = None) -> DemoContext:
    """The context for the generators: the demo team made (if this batch has not made it yet) and loaded."""
    ctx = DemoContext(journal, clock.today()).begin("staff")
    staff.generate_roster(ctx, TEAM, lambda done: progress("staff", done, TEAM) if progress else None)
    ctx.staff_uuids, ctx.department_uuids = staff.team()
    return ctx


def generate(rows: int, seed: int = 2026, progress: Callable[[str, int, int], None] | None = None) -> Outcome:
    """Fill the database with about ``rows`` records spread over the modules, or finish the batch begun before."""
    batch = recorded()
    if batch is not None and batch.complete:
        return Outcome(Run.COMPLETE, batch.rows, batch.seed, _counts(batch))
    journal = Journal(batch or Batch(rows, seed))
    rows, seed = journal.batch.rows, journal.batch.seed
    ctx = prepare(journal, progress)
    total_share = sum(g.share for g in GENERATORS)
    for generator in GENERATORS:
        if generator.name in journal.batch.finished:
            continue
        n = round(rows * generator.share / total_share)

        def report(done: int, name: str = generator.name, n: int = n) -> None:
            if progress:
                progress(name, done, n)

        generator.run(ctx.begin(generator.name), n, report)
        journal.finish(generator.name)
    journal.complete()
    analyze(journal.holding)
    return Outcome(Run.RESUMED if batch else Run.NEW, rows, seed, _counts(journal.batch))


def _counts(batch: Batch) -> dict[str, int]:
    people, departments = staff.team()
    return {"departments": len(departments), "staff": len(people),
            **{g.name: batch.made.get(g.name, 0) for g in GENERATORS}}
