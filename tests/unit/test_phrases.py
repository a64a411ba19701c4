"""Phrase book: seed 001 rows from the migration, the forbidden-phrase check and its cache, manager-only edits."""

import pytest

from frontdesk.db.models import ForbiddenPhrase, StandardPhrase
from frontdesk.domain.phrases import (
    FORBIDDEN_SEED,
    STANDARD_SEED,
    ForbiddenMatcher,
    Situation,
    normalize,
    seed_uuid,
)
from frontdesk.errors import PermissionDenied, ValidationError
from frontdesk.services.reception import phrases


def test_migration_seeds_seed_001_with_stable_uuids(admin):
    assert StandardPhrase.select().count() == len(STANDARD_SEED)
    assert ForbiddenPhrase.select().count() == len(FORBIDDEN_SEED)
    greeting = StandardPhrase.get(StandardPhrase.situation == Situation.GREETING)
    assert greeting.uuid == seed_uuid("standard", Situation.GREETING, greeting.text)
    assert "为您服务" in greeting.text


def test_phrase_book_by_situation_for_staff(staff_actor):
    book = {situation: texts for situation, _label, texts in phrases.phrase_book(staff_actor)}
    for situation in ("greeting", "no_voice", "cannot_hear", "waiting", "wrong_number", "unfriendly", "thanks"):
        assert book[situation], situation
    assert "不客气，这是我们应尽的义务。" in book["thanks"]
    assert any("打错电话" in t for t in book["wrong_number"])
    only = phrases.list_phrases(staff_actor, "cannot_hear")
    assert {r["situation"] for r in only} == {"cannot_hear"} and len(only) == 3


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("已向客户解释：不行就是不行，这是规定。", ["不行就是不行"]),
        ("客户问费用，答复“你问我，我问谁”", ["你问我，我问谁"]),
        ("你问我 我问谁", ["你问我，我问谁"]),  # spacing and punctuation do not hide a phrase
        ("我也没办法，有意见找领导去", ["有意见找领导去", "我也没办法"]),
        ("已当场解答，客户满意", []),
        ("客户询问为什么收费", []),  # too-short spoken words are not checked in text by default
        ("", []),
    ],
)
def test_forbidden_found(admin, text, expected):
    assert phrases.forbidden_found(text) == expected


def test_matcher_reports_each_phrase_once_and_longest_first():
    m = ForbiddenMatcher.build(["我没办法", "你到底想怎么样", "没办法"])
    assert m.find("唉我没办法") == ["我没办法"]
    assert m.find("ＡＢＣ你到底想怎么样？") == ["你到底想怎么样"]
    assert normalize("Ａ，b c！") == "abc"


def test_forbidden_cache_invalidated_on_edit(manager):
    assert phrases.forbidden_found("这事找物业去") == []
    uuid = phrases.save_forbidden(manager, "找物业去", "推诿客户")
    assert phrases.forbidden_found("这事找物业去") == ["找物业去"]
    phrases.save_forbidden(manager, "找物业去", "推诿客户", checked=False, uuid=uuid)
    assert phrases.forbidden_found("这事找物业去") == []
    phrases.save_forbidden(manager, "找物业去", "推诿客户", checked=True, uuid=uuid)
    phrases.delete_forbidden(manager, uuid)
    assert phrases.forbidden_found("这事找物业去") == []
    assert ForbiddenPhrase.get(ForbiddenPhrase.uuid == uuid).deleted  # a tombstone, for sync


def test_forbidden_validation(manager):
    with pytest.raises(ValidationError) as exc:
        phrases.save_forbidden(manager, "我不知道")
    assert "text" in exc.value.fields
    with pytest.raises(ValidationError) as exc:
        phrases.save_forbidden(manager, "，。！")
    assert exc.value.fields["text"] == "用语不能只有标点符号"


def test_manager_edits_standard_phrases(manager, staff_actor):
    uuid = phrases.save_phrase(manager, "thanks", "感谢您的理解与配合！")
    texts = [r["text"] for r in phrases.list_phrases(staff_actor, "thanks")]
    assert texts[-1] == "感谢您的理解与配合！"
    phrases.save_phrase(manager, "thanks", "感谢您的理解与配合！", active=False, uuid=uuid)
    assert "感谢您的理解与配合！" not in [r["text"] for r in phrases.list_phrases(staff_actor, "thanks")]
    phrases.delete_phrase(manager, uuid)
    assert uuid not in [r["uuid"] for r in phrases.list_phrases(manager, include_inactive=True)]
    with pytest.raises(ValidationError) as exc:
        phrases.save_phrase(manager, "nowhere", " ")
    assert set(exc.value.fields) == {"text", "situation"}


def test_staff_cannot_edit_phrase_lists(staff_actor):
    some = phrases.list_phrases(staff_actor)[0]["uuid"]
    forbidden = phrases.list_forbidden(staff_actor)[0]["uuid"]
    for call in (
        lambda: phrases.save_phrase(staff_actor, "greeting", "您好"),
        lambda: phrases.delete_phrase(staff_actor, some),
        lambda: phrases.save_forbidden(staff_actor, "随便你"),
        lambda: phrases.delete_forbidden(staff_actor, forbidden),
    ):
        with pytest.raises(PermissionDenied):
            call()
    assert phrases.forbidden_found("随便你") == []
