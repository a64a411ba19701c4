"""Demo data run: the generators in their explicit order, each given its share of the requested rows."""

from __future__ import annotations

import random
from collections.abc import Callable

from frontdesk import clock
from frontdesk.db.connection import analyze
from frontdesk.demo import aftersales, assessments, complaints, reception, shifts, visits
from frontdesk.demo.context import DemoContext, DemoGenerator
from frontdesk.demo.staff import DEMO_PASSWORD, roster

__all__ = ["DEMO_PASSWORD", "GENERATORS", "generate"]

# In the order they run: each reads what the ones above it made.
GENERATORS: tuple[DemoGenerator, ...] = (
    DemoGenerator("returns", 0.03, aftersales.generate_returns),
    DemoGenerator("repairs", 0.03, aftersales.generate_repairs),
    DemoGenerator("contacts", 1.0, reception.generate_contacts),
    DemoGenerator("complaints", 0.03, complaints.generate_complaints),  # most open from the 投诉 contacts
    DemoGenerator("shifts", 0.01, shifts.generate),
    DemoGenerator("visits", 0.02, visits.generate_visits),  # visited contacts and closed complaints
    # last: they read the incidents, attendance, complaints and visits made above
    DemoGenerator("assessments", 0.0001, assessments.generate),
)


def generate(rows: int, seed: int = 2026, progress: Callable[[str, int, int], None] | None = None) -> dict[str, int]:
    """Fill the database with about ``rows`` records spread over the modules that exist."""
    rng = random.Random(seed)
    staff, departments = roster(rng, 24)
    ctx = DemoContext(rng, clock.today(), staff, departments)
    counts = {"departments": len(departments), "staff": len(staff)}
    total_share = sum(g.share for g in GENERATORS)
    for generator in GENERATORS:
        n = round(rows * generator.share / total_share)

        def report(done: int, name: str = generator.name, n: int = n) -> None:
            if progress:
                progress(name, done, n)

        counts[generator.name] = generator.run(ctx, n, report)
    analyze()
    return counts
