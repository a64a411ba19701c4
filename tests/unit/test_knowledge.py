"""Knowledge base: managers edit and staff read, fields named on bad input, validity, substring search and
suggestions for a request being typed, the export, and the search index kept in step by sync."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from frontdesk.db.models import AuditLog, KbArticle
from frontdesk.domain.knowledge import ArticleInput, KbCategory, validity
from frontdesk.errors import NotFound, PermissionDenied, ValidationError
from frontdesk.services.core import list_exports
from frontdesk.services.core.listing import ListQuery
from frontdesk.services.reception import knowledge

TODAY = date(2026, 11, 18)  # conftest's FROZEN_AT


def _article(title: str = "停车收费标准", **changes) -> ArticleInput:  # noqa: ANN003
    values = {"category": KbCategory.PARKING.value, "title": title, "keywords": "停车 收费",
              "answer": "首小时免费，之后每小时 5 元。"}
    values.update(changes)
    return ArticleInput(**values)


def _titles(actor, **query) -> list[str]:  # noqa: ANN001, ANN003
    return [r["title"] for r in knowledge.list_articles(actor, ListQuery(page_size=200, **query)).rows]


def test_manager_adds_edits_and_deletes_staff_only_reads(frozen_clock, manager, staff_actor):
    uuid = knowledge.save_article(manager, _article(keywords="停车，收费、 停车费"))
    assert knowledge.get_article(staff_actor, uuid)["keywords"] == "停车 收费 停车费"
    assert _titles(staff_actor) == ["停车收费标准"]
    with pytest.raises(PermissionDenied):
        knowledge.save_article(staff_actor, _article("另一条"))
    with pytest.raises(PermissionDenied):
        knowledge.save_article(staff_actor, _article(answer="改了"), uuid)
    with pytest.raises(PermissionDenied):
        knowledge.delete_article(staff_actor, uuid)
    knowledge.save_article(manager, _article(answer="首小时免费，之后每小时 6 元。"), uuid)
    assert knowledge.get_article(staff_actor, uuid)["answer"].endswith("6 元。")
    assert _titles(staff_actor, search="6 元") == ["停车收费标准"]
    assert _titles(staff_actor, search="5 元") == []  # the index forgot the old answer
    knowledge.delete_article(manager, uuid)
    assert _titles(staff_actor) == [] and _titles(staff_actor, search="停车") == []
    assert KbArticle.get(KbArticle.uuid == uuid).deleted  # a tombstone, so the deletion travels
    with pytest.raises(NotFound):
        knowledge.get_article(staff_actor, uuid)
    actions = [a.action for a in AuditLog.select().where(AuditLog.entity == "kb_article").order_by(AuditLog.id)]
    assert actions == ["create", "update", "delete"]


@pytest.mark.parametrize(("changes", "field"), [
    ({"category": "weather"}, "category"),
    ({"title": "  "}, "title"),
    ({"title": "长" * 101}, "title"),
    ({"keywords": "词" * 201}, "keywords"),
    ({"answer": ""}, "answer"),
    ({"answer": "答" * 2001}, "answer"),
    ({"valid_from": TODAY, "valid_to": TODAY - timedelta(days=1)}, "valid_to"),
])
def test_bad_input_names_the_field_and_saves_nothing(frozen_clock, manager, changes, field):
    with pytest.raises(ValidationError) as caught:
        knowledge.save_article(manager, _article(**changes))
    assert field in caught.value.fields
    assert KbArticle.select().count() == 0


def test_a_duplicate_title_in_the_same_category_is_refused(frozen_clock, manager):
    first = knowledge.save_article(manager, _article())
    with pytest.raises(ValidationError) as caught:
        knowledge.save_article(manager, _article(answer="别的"))
    assert set(caught.value.fields) == {"title"}
    knowledge.save_article(manager, _article(category=KbCategory.TOLL.value))  # another category: fine
    knowledge.save_article(manager, _article(answer="改"), first)  # saving itself again: fine
    assert KbArticle.select().count() == 2


def test_validity_rule():
    assert validity(True, None, None, TODAY).value == "valid"
    assert validity(True, TODAY, TODAY, TODAY).value == "valid"  # both ends inside
    assert validity(True, None, TODAY - timedelta(days=1), TODAY).value == "expired"
    assert validity(True, TODAY + timedelta(days=1), None, TODAY).value == "upcoming"
    assert validity(False, None, None, TODAY).value == "inactive"


def test_validity_filter_and_mark_follow_the_clock(frozen_clock, manager, staff_actor):
    day = timedelta(days=1)
    knowledge.save_article(manager, _article("常年有效"))
    knowledge.save_article(manager, _article("双十一满减", valid_from=TODAY - 20 * day, valid_to=TODAY - day))
    knowledge.save_article(manager, _article("周年庆满赠", valid_from=TODAY - day, valid_to=TODAY + 10 * day))
    knowledge.save_article(manager, _article("元旦停车免费", valid_from=TODAY + 30 * day))
    knowledge.save_article(manager, _article("旧规定", active=False))
    rows = {r["title"]: r["validity"] for r in knowledge.list_articles(staff_actor, ListQuery()).rows}
    assert rows == {"常年有效": "valid", "双十一满减": "expired", "周年庆满赠": "valid", "元旦停车免费": "upcoming",
                    "旧规定": "inactive"}
    assert sorted(_titles(staff_actor, filters={"validity": "valid"})) == ["周年庆满赠", "常年有效"]
    assert _titles(staff_actor, filters={"validity": "expired"}) == ["双十一满减"]
    assert _titles(staff_actor, filters={"validity": "upcoming"}) == ["元旦停车免费"]
    assert _titles(staff_actor, filters={"validity": "inactive"}) == ["旧规定"]
    suggested = [r["title"] for r in knowledge.suggest(staff_actor, "停车收费")]
    assert sorted(suggested) == ["周年庆满赠", "常年有效"]  # expired, upcoming and inactive are not suggested
    frozen_clock.advance(days=11)  # the anniversary offer ends, the same list spec now marks it expired
    rows = {r["title"]: r["validity"] for r in knowledge.list_articles(staff_actor, ListQuery()).rows}
    assert rows["周年庆满赠"] == "expired"
    assert [r["title"] for r in knowledge.suggest(staff_actor, "停车收费")] == ["常年有效"]


def test_substring_search_of_one_two_and_more_characters(frozen_clock, manager, staff_actor):
    for data in knowledge.sample_articles():
        knowledge.save_article(manager, data)
    assert "停车收费标准" in _titles(staff_actor, search="停")
    assert set(_titles(staff_actor, search="停车")) >= {"停车收费标准", "停车场开放时间", "元旦停车免费活动"}
    assert _titles(staff_actor, search="充电桩") == ["充电桩使用说明"]
    assert _titles(staff_actor, search="K123") == ["K123 路段施工"]  # title, any case
    assert _titles(staff_actor, search="遗失") == ["会员卡遗失补办"]  # a keyword
    assert _titles(staff_actor, search="导盲犬") == ["可以带宠物进入吗"]  # inside the answer
    assert _titles(staff_actor, search="会员 补办") == ["会员卡遗失补办"]  # words AND
    assert _titles(staff_actor, search="潜水艇") == []
    parking = _titles(staff_actor, search="停车", filters={"category": "parking"})
    assert "元旦停车免费活动" not in parking and "停车收费标准" in parking


def test_suggestions_rank_a_typed_request(frozen_clock, manager, staff_actor):
    for data in knowledge.sample_articles():
        knowledge.save_article(manager, data)
    best = knowledge.suggest(staff_actor, "客户问地下停车场怎么收费，一小时多少钱")
    assert best[0]["title"] == "停车收费标准" and best[0]["answer"].startswith("地下停车场首小时免费")
    assert best[0]["category_label"] == "停车服务"
    assert knowledge.suggest(staff_actor, "会员卡丢了")[0]["title"] == "会员卡遗失补办"
    assert knowledge.suggest(staff_actor, "车子抛锚了要拖车")[0]["title"] == "车辆故障救援电话"
    assert knowledge.suggest(staff_actor, "停车")  # two characters already suggest
    assert knowledge.suggest(staff_actor, "停") == []  # one character is too little
    assert knowledge.suggest(staff_actor, "，。！") == []
    assert len(knowledge.suggest(staff_actor, "会员积分停车发票退货", limit=3)) == 3
    titles = {r["title"] for r in knowledge.suggest(staff_actor, "双十一满减活动", limit=20)}
    assert "双十一满减活动" not in titles  # that promotion has ended


def test_export_has_the_listed_columns_and_rows(frozen_clock, manager, staff_actor):
    knowledge.save_article(manager, _article())
    knowledge.save_article(manager, _article("过期活动", valid_to=TODAY - timedelta(days=1)))
    export = list_exports.export_list("knowledge", staff_actor, ListQuery(filters={"validity": "expired"}))
    assert [c.key for c in export.columns] == ["category", "title", "keywords", "answer", "valid_from", "valid_to",
                                               "active", "validity", "updated_at"]
    rows = list(export.rows)
    assert export.total == 1 and rows[0][1] == "过期活动" and rows[0][7] == "expired"


def test_sample_articles_are_a_few_dozen_valid_ones(frozen_clock, manager):
    samples = knowledge.sample_articles()
    assert 30 <= len(samples) <= 60
    assert knowledge.add_sample_articles(manager) == len(samples)
    assert knowledge.add_sample_articles(manager) == 0  # again: every title is there already
    states = {r["validity"] for r in knowledge.list_articles(manager, ListQuery(page_size=100)).rows}
    assert states == {"valid", "expired", "upcoming"}


def test_articles_travel_from_head_office_with_their_search_index(tmp_path):
    from sync_helpers import at_site

    from frontdesk.services.sync.exporter import export_site
    from frontdesk.services.sync.importer import import_site

    with at_site(tmp_path, "HQ") as hq:
        kept = knowledge.save_article(hq, _article())
        gone = knowledge.save_article(hq, _article("失物招领", category="service", keywords="失物",
                                                   answer="贵重物品保管 30 天。"))
        export_site(hq, tmp_path / "1.xlsx")
    with at_site(tmp_path, "S01") as site:
        report = import_site(site, tmp_path / "1.xlsx")
        assert report.sheets["kb_article"].inserted == 2
        assert _titles(site, search="失物") == ["失物招领"]
        assert knowledge.suggest(site, "停车怎么收费")[0]["uuid"] == kept
    with at_site(tmp_path, "HQ") as hq:
        knowledge.save_article(hq, _article(answer="自 12 月起每小时 6 元。"), kept)
        knowledge.delete_article(hq, gone)
        export_site(hq, tmp_path / "2.xlsx")
    with at_site(tmp_path, "S01") as site:
        report = import_site(site, tmp_path / "2.xlsx")
        assert report.sheets["kb_article"].updated == 2
        assert _titles(site, search="失物") == []  # the tombstone left the index
        assert _titles(site, search="12 月") == ["停车收费标准"] and _titles(site, search="5 元") == []


def test_a_long_request_ranks_on_its_rarest_pairs_within_a_budget():
    from frontdesk.domain.textsearch import rarest_pairs, request_pairs

    assert request_pairs("请问怎么收费") == ["问怎", "么收", "收费"]  # question words left out
    assert request_pairs("怎么") == ["怎么"]  # unless nothing else is left
    assert len(request_pairs("地下停车场首小时免费之后每小时五元当日封顶", most=12)) == 12
    counts = {"停车": 47_000, "下停": 7_000, "地下": 12_000, "场怎": 0}
    assert rarest_pairs(counts, 20_000) == ["下停", "地下"]
    assert rarest_pairs(counts, 1_000) == ["下停"]  # at least one
    assert rarest_pairs({"场怎": 0}, 20_000) == []
