"""The one enum label lookup: known values, unknown values kept, blanks empty, enum members as keys."""

from __future__ import annotations

from frontdesk.domain import complaints, reception, visits
from frontdesk.domain.labels import labeller
from frontdesk.domain.reception import Category, Channel


def test_labeller_maps_known_keeps_unknown_and_blanks_nothing():
    label = labeller({Channel.PHONE: "电话", "x": "叉"})
    assert label("phone") == "电话" and label(Channel.PHONE) == "电话" and label("x") == "叉"
    assert label("nope") == "nope"
    assert label(None) == "" and label("") == ""


def test_each_vocabulary_uses_it():
    assert reception.label(Category.CONSULT.value) == "咨询"
    assert complaints.label(None) == "" and visits.label("unknown-value") == "unknown-value"
