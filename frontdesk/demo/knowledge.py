"""Demo knowledge base: the service's sample articles (products, parking, tolls, promotions, some expired)."""

from __future__ import annotations

from collections.abc import Callable

from frontdesk.db.models import Staff
from frontdesk.demo.context import DemoContext
from frontdesk.services.core import auth
from frontdesk.services.reception import knowledge


def generate(ctx: DemoContext, n: int, progress: Callable[[int], None]) -> None:
    """One step: the sample articles saved by a manager, as a manager would type them (any ``n``)."""
    boss = Staff.live().where((Staff.role == "manager") & (Staff.active == True)).first()  # noqa: E712
    if boss is None:
        return
    for _ in ctx.remaining([0]):
        with ctx.step() as step:
            step.rows = knowledge.add_sample_articles(auth.actor_for(boss))
        progress(step.rows)
