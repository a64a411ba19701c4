"""Markers the frozen steps use in their seed rows (kept apart so the steps need not import the package)."""

from __future__ import annotations


class _Now:
    """Stands in a frozen seed row for the time the step runs."""

    def __repr__(self) -> str:
        return "NOW"


NOW = _Now()
