"""The default assessment template, from seed 004 四(三) 考核内容 (items) and seed 000 (the self-check item)."""

from __future__ import annotations

import uuid
from decimal import Decimal

from frontdesk.domain.assessment import DEFAULT_THRESHOLDS, AutoItem, Dimension, ItemSpec, TemplateSpec

_NS = uuid.UUID("5b7e3c1a-2d4f-4e8a-9c6b-0f1e2d3c4b5a")
DEFAULT_NAME = "客服人员季度考核"
DEFAULT_FAMILY = str(uuid.uuid5(_NS, "template-family:default"))
DEFAULT_UUID = str(uuid.uuid5(_NS, "template:default:1"))

DEFAULT_WEIGHTS: dict[Dimension, Decimal] = {
    Dimension.ATTITUDE: Decimal(30), Dimension.KNOWLEDGE: Decimal(25),
    Dimension.SKILL: Decimal(25), Dimension.DISCIPLINE: Decimal(20),
}

DEFAULT_ITEMS: tuple[ItemSpec, ...] = (
    ItemSpec("A1", Dimension.ATTITUDE, "热情主动：主动迎接顾客，微笑服务"),
    ItemSpec("A2", Dimension.ATTITUDE, "耐心细致：耐心倾听，不打断顾客"),
    ItemSpec("A3", Dimension.ATTITUDE, "诚实守信：承诺及时兑现，不推诿"),
    ItemSpec("A4", Dimension.ATTITUDE, "积极负责：主动协调，跟进反馈"),
    ItemSpec("A5", Dimension.ATTITUDE, "服务礼仪自查（完成率与“否”项）", AutoItem.SELF_CHECK.value),
    ItemSpec("K1", Dimension.KNOWLEDGE, "商品与服务信息"),
    ItemSpec("K2", Dimension.KNOWLEDGE, "促销活动、会员制度、停车规定"),
    ItemSpec("K3", Dimension.KNOWLEDGE, "退换货、维修、投诉处理政策与流程"),
    ItemSpec("S1", Dimension.SKILL, "顾客接待与记录"),
    ItemSpec("S2", Dimension.SKILL, "咨询解答准确清晰"),
    ItemSpec("S3", Dimension.SKILL, "投诉处理与情绪安抚"),
    ItemSpec("S4", Dimension.SKILL, "售后服务（退换货、维修）办理"),
    ItemSpec("D1", Dimension.DISCIPLINE, "考勤：按时到岗，不迟到早退"),
    ItemSpec("D2", Dimension.DISCIPLINE, "着装、工牌与仪容"),
    ItemSpec("D3", Dimension.DISCIPLINE, "遵守规章制度与言行规范"),
)

DEFAULT_SPEC = TemplateSpec(weights=DEFAULT_WEIGHTS, items=DEFAULT_ITEMS, scale_max=5,
                            thresholds=dict(DEFAULT_THRESHOLDS))
