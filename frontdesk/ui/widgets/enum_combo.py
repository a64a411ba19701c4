"""Combos over the domain's enum values, showing their translated Chinese labels."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from PySide6.QtWidgets import QWidget

from frontdesk.domain.reception import label as reception_label
from frontdesk.ui.i18n import enum_text
from frontdesk.ui.widgets.inputs import ChoiceCombo


def enum_combo(values: Iterable[StrEnum], blank: str | None = None, parent: QWidget | None = None) -> ChoiceCombo:
    """A combo of enum values; ``blank`` adds a first "all"/"none" entry with value None."""
    choices: list[tuple[object, str]] = [(None, blank)] if blank is not None else []
    choices += [(v.value, enum_text(v.value, reception_label)) for v in values]
    return ChoiceCombo(choices, parent)
