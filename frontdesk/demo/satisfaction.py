"""Demo satisfaction in three dimensions: values whose worst is the overall one, from their own random stream."""

from __future__ import annotations

import random

from frontdesk.domain.complaints import Satisfaction

_GOOD = (Satisfaction.SATISFIED.value, Satisfaction.BASIC.value)


def dimensions_for(overall: str, seed: str, share: float = 1.0) -> tuple[str, str, str]:
    """Speed, result and communication whose worst is ``overall`` ('' × 3 when unrated or outside ``share``).

    Seeded by ``seed`` (the row's uuid), so the demo's main random stream, and every count drawn from it, stays
    as it was before the three dimensions existed.
    """
    r = random.Random(seed)
    if not overall or r.random() >= share:
        return "", "", ""
    if overall == Satisfaction.SATISFIED.value:
        return overall, overall, overall
    values = [r.choice(_GOOD) if overall == Satisfaction.BASIC.value else r.choice((*_GOOD, overall))
              for _ in range(3)]
    values[r.randrange(3)] = overall  # at least one is the overall value, none is worse
    return values[0], values[1], values[2]
