"""Hot topics by word segmentation: rjieba with the site dictionary and stop words; the dictionary service
(managers change it, bad words refused at the field, nothing saved) and the weekly report using it."""

from datetime import date, datetime

import pytest

from frontdesk.db.models import Contact, SiteSetting
from frontdesk.domain.report import Period
from frontdesk.domain.segment import (
    DEFAULT_SITE_WORDS,
    DEFAULT_STOP_WORDS,
    Segmenter,
    hot_topics,
    list_problems,
    split_words,
)
from frontdesk.errors import PermissionDenied, ValidationError
from frontdesk.services.reports import weekly as reports_weekly
from frontdesk.services.reports import weekly_words

pytestmark = pytest.mark.usefixtures("frozen_clock")


def test_site_words_are_kept_whole_and_stop_words_left_out():
    plain = Segmenter(site_words=(), stop_words=())
    assert "道闸" not in plain.words("道闸坏了，充电桩不能扫码支付")  # jieba alone splits them
    seg = Segmenter()
    assert seg.words("顾客反映道闸坏了，要求充电桩能扫码支付") == {"道闸", "充电桩", "扫码支付"}
    assert seg.words("ETC 123 ok") == set() and seg.words("") == set()


def test_counts_each_word_once_per_text_and_ranks():
    seg = Segmenter()
    counts, total = seg.count(["充电桩充电桩坏了"] * 3 + [("道闸不抬杆", 4), "", "表扬"])
    assert total == 9 and counts["充电桩"] == 3 and counts["道闸"] == 4
    assert [(t.word, t.count) for t in hot_topics(counts)] == [("抬杆", 4), ("道闸", 4), ("充电桩", 3)]
    assert [t.word for t in hot_topics(counts, limit=1)] == ["抬杆"] and hot_topics(counts, min_count=5) == []


def test_word_lists_are_split_and_checked():
    assert split_words("道闸，充电桩 道闸\n扫码支付、ETC") == ["道闸", "充电桩", "扫码支付", "ETC"]
    assert list_problems(["道闸", "ETC"]) is None
    assert "标点" in list_problems(["道闸!"])
    assert "太长" in list_problems(["充" * 13])


def test_defaults_until_a_manager_saves(admin, manager, staff_actor):
    words = weekly_words.get_hot_words(staff_actor)
    assert words.site_words == DEFAULT_SITE_WORDS and words.stop_words == DEFAULT_STOP_WORDS
    with pytest.raises(PermissionDenied):
        weekly_words.save_hot_words(staff_actor, ["道闸"], [])
    saved = weekly_words.save_hot_words(manager, ["道闸", "抬杆慢"], ["顾客"])
    assert weekly_words.get_hot_words(staff_actor) == saved
    assert weekly_words.reset_hot_words(manager).site_words == DEFAULT_SITE_WORDS


def test_bad_words_name_the_field_and_nothing_is_saved(admin, manager):
    for site_words, stop_words, field in ((["道闸?"], [], "site_words"), ([], ["很" * 20], "stop_words"),
                                          (["道闸"], ["道闸"], "stop_words")):
        with pytest.raises(ValidationError) as err:
            weekly_words.save_hot_words(manager, site_words, stop_words)
        assert list(err.value.fields) == [field]
    assert SiteSetting.get_or_none(SiteSetting.key == "reports.hot_words") is None


def _contact(actor, at: datetime, request: str, n: int) -> None:
    for i in range(n):
        Contact.create(number=f"S01-JD-SEG-{request[:2]}{i:03d}", received_at=at, channel="phone", category="help",
                       status="open", request=request, owner=actor.uuid)


def test_weekly_report_uses_the_site_dictionary(admin, manager):
    at = datetime(2026, 11, 25, 10)
    _contact(admin, at, "顾客反映出口道闸不抬杆", 5)
    _contact(admin, at, "充电桩无法扫码支付", 3)
    week = Period(date(2026, 11, 23), date(2026, 11, 29))
    topics = {r[1]: r[2] for r in reports_weekly.weekly_analysis(admin, week).table("topics").rows}
    assert topics["道闸"] == 5 and topics["抬杆"] == 5 and topics["充电桩"] == 3 and topics["扫码支付"] == 3
    assert "顾客" not in topics and "反映" not in topics
    weekly_words.save_hot_words(manager, ["出口道闸"], [*DEFAULT_STOP_WORDS, "抬杆"])
    topics = {r[1]: r[2] for r in reports_weekly.weekly_analysis(admin, week).table("topics").rows}
    assert topics.get("出口道闸") == 5 and "抬杆" not in topics and "道闸" not in topics

