"""One label lookup for every enum vocabulary: stored value → Chinese label ('' for None or blank)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

Label = Callable[[Any], str]


def labeller(labels: Mapping[Any, str]) -> Label:
    """A ``label(value)`` over ``labels``: the label of a known value, an unknown value as is, '' for none."""
    table = {getattr(key, "value", key): text for key, text in labels.items()}

    def label(value: Any) -> str:
        """The Chinese label of a stored enum value ('' for None or blank; an unknown value as is)."""
        return table.get(value, value or "") if value else ""

    label.labels = tuple(table.values())  # type: ignore[attr-defined]  # every label, to size a column by
    return label
