"""Demo articles for the knowledge base: mall and expressway desk questions from seeds 000, 001 and 004."""

from __future__ import annotations

from datetime import date, timedelta

from frontdesk.domain.knowledge import ArticleInput, KbCategory

C = KbCategory

# (category, title, keywords, answer, days from today it starts, days from today it ends; None: open)
_ROWS: list[tuple[str, str, str, str, int | None, int | None]] = [
    (C.PARKING, "停车收费标准", "停车 收费 停车费 小时",
     "地下停车场首小时免费，之后每小时 5 元，当日封顶 40 元；会员凭会员卡每日免费停车 2 小时。", None, None),
    (C.PARKING, "停车场开放时间", "停车场 开放 营业时间",
     "停车场 7:00 开放，次日 1:00 关闭；夜间离场请走 B1 层东侧出口。", None, None),
    (C.PARKING, "扫码支付停车费", "扫码 支付 停车费 缴费",
     "在车位旁或电梯厅扫描二维码，输入车牌号即可缴费，缴费后 15 分钟内离场不再收费。", None, None),
    (C.PARKING, "车辆被剐蹭怎么办", "剐蹭 车辆 停车场 监控",
     "请先拍照留存现场，客服中心可协助调取停车场监控，并联系保安到场登记。", None, None),
    (C.PARKING, "充电桩使用说明", "充电桩 新能源 充电",
     "B2 层设有 24 个快充桩，扫码充电，电费 1.2 元/度，充电期间停车费照常计算。", None, None),
    (C.MEMBERSHIP, "如何办理会员卡", "会员 办卡 注册",
     "携带身份证到一楼客服中心，或关注商场公众号在线注册，当天即可使用电子会员卡。", None, None),
    (C.MEMBERSHIP, "会员积分规则", "积分 会员 消费",
     "每消费 1 元积 1 分，积分一年内有效；500 分可兑换 5 元购物券。", None, None),
    (C.MEMBERSHIP, "会员卡遗失补办", "会员卡 遗失 丢失 丢了 补办 挂失",
     "请携带身份证到客服中心挂失补办，积分自动转入新卡，补卡工本费 10 元。", None, None),
    (C.MEMBERSHIP, "会员生日礼", "生日 会员 礼品",
     "会员生日当月凭会员卡和身份证到客服中心领取生日礼一份。", None, None),
    (C.GOODS, "商品退换货规定", "退货 换货 退换 七天",
     "商品自购买之日起 7 日内，凭购物小票、保持原包装完好可办理退换；食品、贴身衣物除外。", None, None),
    (C.GOODS, "发票开具", "发票 开票 电子发票",
     "凭购物小票到客服中心或扫描小票二维码开具电子发票，购物后 30 天内有效。", None, None),
    (C.GOODS, "商品质量问题投诉", "质量 投诉 商品",
     "请保留商品和小票，客服中心登记后转相关专柜处理，3 个工作日内答复。", None, None),
    (C.SERVICE, "失物招领", "失物 招领 丢失 捡到",
     "拾到物品请交客服中心登记；寻找失物可在客服中心查询，贵重物品保管 30 天。", None, None),
    (C.SERVICE, "婴儿车和轮椅借用", "婴儿车 轮椅 借用 押金",
     "凭有效证件在客服中心免费借用婴儿车、轮椅，使用后请归还原处。", None, None),
    (C.SERVICE, "商场营业时间", "营业时间 开门 关门",
     "商场营业时间为 10:00—22:00，周五、周六延长至 22:30。", None, None),
    (C.SERVICE, "服务区加油站与便利店", "加油 便利店 服务区",
     "服务区加油站 24 小时营业，提供 92#、95#、0# 柴油；便利店 24 小时营业。", None, None),
    (C.FAQ, "卫生间和母婴室位置", "卫生间 厕所 母婴室",
     "每层东西两侧均有卫生间，母婴室位于三楼儿童区旁。", None, None),
    (C.FAQ, "可以带宠物进入吗", "宠物 狗 猫",
     "除导盲犬外，宠物不得进入商场室内区域，可寄存在一楼宠物寄存处。", None, None),
    (C.FAQ, "Wi-Fi 怎么连接", "wifi 无线网络 上网",
     "连接 “Mall-Free” 网络，输入手机号获取验证码即可免费上网 2 小时。", None, None),
    (C.PROMOTION, "双十一满减活动", "双十一 满减 促销 活动",
     "活动期间全场满 300 减 50，可叠加会员积分，特价商品除外。", -40, -10),
    (C.PROMOTION, "周年庆满赠", "周年庆 满赠 赠品 活动",
     "单笔消费满 500 元凭小票到客服中心领取周年庆礼品一份，每人每天限领一次。", -5, 25),
    (C.PROMOTION, "元旦停车免费活动", "元旦 停车 免费 活动",
     "元旦三天会员停车免费 4 小时，非会员免费 2 小时。", 30, 45),
    (C.PROMOTION, "春节期间营业安排", "春节 营业 安排 除夕",
     "除夕营业至 18:00，初一 12:00 开门，其余日期正常营业。", 60, 80),
    (C.ROAD, "实时路况查询", "路况 拥堵 查询 12122",
     "可拨打 12122 或在“浙里畅行”小程序查询实时路况，本中心也可为您代查。", None, None),
    (C.ROAD, "雨雾天气行车提示", "大雾 雨天 限速 路况",
     "雾天能见度低于 200 米时限速 60 公里，请开启雾灯、保持车距，必要时就近驶入服务区。", None, None),
    (C.ROADWORKS, "K123 路段施工", "施工 K123 封道 绕行",
     "K123+400 至 K126+000 南向半幅封闭施工，双向通行，请减速慢行，预计工期一个月。", -10, 20),
    (C.ROADWORKS, "金华东收费站入口封闭", "收费站 封闭 施工 绕行",
     "金华东收费站入口夜间 22:00—次日 6:00 封闭施工，请从金华收费站上高速。", -60, -30),
    (C.ACCIDENT, "车辆故障救援电话", "故障 救援 拖车 抛锚 12122",
     "请打开双闪、在车后 150 米放置警示牌，人员撤到护栏外，拨打 12122 报告桩号，我们将派救援车。", None, None),
    (C.ACCIDENT, "发生交通事故怎么办", "事故 追尾 报警 122",
     "请立即开启危险报警灯、设置警示标志、人员撤离到安全区域，拨打 122 报警并说明桩号和方向。", None, None),
    (C.TOURISM, "双龙洞旅游路线", "双龙洞 旅游 路线 景区",
     "从金华收费站下高速，沿 G351 往北约 15 公里到达双龙洞景区，节假日请提前预约。", None, None),
    (C.TOURISM, "横店影视城怎么走", "横店 影视城 路线",
     "走甬金高速至横店出口下，沿指示牌行驶约 5 公里即到。", None, None),
    (C.TOLL, "小型客车通行费标准", "收费 通行费 小车 标准",
     "一类客车按 0.45 元/公里计费，ETC 用户享 95 折优惠。", None, None),
    (C.TOLL, "节假日小型客车免费通行", "免费 节假日 通行费 小客车",
     "春节、清明、劳动节、国庆节期间 7 座及以下小型客车免收通行费，以进入收费站时间为准。", None, None),
    (C.TOLL, "绿色通道政策", "绿色通道 鲜活农产品 免费",
     "整车合法装载鲜活农产品的车辆免收通行费，需接受查验。", None, None),
    (C.REGULATION, "高速公路禁止行为", "法规 倒车 逆行 停车",
     "高速公路上禁止倒车、逆行、穿越中央分隔带掉头，禁止在车道内停车上下客。", None, None),
    (C.REGULATION, "消费者权益保护法七日无理由退货", "消费者 权益 七日 无理由 网购",
     "经营者采用网络、电视、电话、邮购等方式销售商品，消费者有权自收到商品之日起七日内退货，且无需说明理由。",
     None, None),
]


def articles(today: date) -> list[ArticleInput]:
    """The sample articles with validity periods placed around ``today``."""
    def day(offset: int | None) -> date | None:
        return None if offset is None else today + timedelta(days=offset)

    return [ArticleInput(category.value if isinstance(category, KbCategory) else category, title, answer,
                         keywords, day(start), day(end))
            for category, title, keywords, answer, start, end in _ROWS]
