"""Demo expressway desk: a few dozen help calls of the last days (some still open) and outbound notices."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from frontdesk import clock
from frontdesk.db.models import Staff
from frontdesk.demo.context import DemoContext
from frontdesk.domain.expressway import HelpCallInput, NoticeInput
from frontdesk.errors import ValidationError
from frontdesk.services.core import auth
from frontdesk.services.expressway import help_calls, notices

CALLS = 24
_PLATES = ("浙G3K721", "浙GD52810", "沪B8Q306", "苏E2N661", "浙A7M0C5", "皖K16270", "浙G52718D", "赣C8B993")
_SCENES = (  # kind, vehicle, description, dispatched, outcome, note
    ("breakdown", "car", "车辆抛锚在应急车道，发动机故障灯亮，车上 2 人已撤至护栏外", "清障车", "towed", "拖至金华服务区修理厂"),
    ("breakdown", "truck", "货车右后轮爆胎，占用应急车道", "清障车、路政", "resolved", "现场更换备胎后驶离"),
    ("breakdown", "car", "新能源车电量耗尽，无法行驶", "清障车", "towed", "拖至服务区充电桩"),
    ("accident", "car", "两车追尾，无人员受伤，占用第二车道", "交警、路政", "handed_over", "移交交警处理，车道已恢复"),
    ("accident", "bus", "大客车与护栏刮擦，乘客情绪稳定", "交警、路政、清障车", "handed_over", "乘客转乘后车辆拖离"),
    ("medical", "car", "驾驶员突发胸闷，车停在服务区入口", "120 救护车", "hospital", "送金华市中心医院"),
    ("medical", "bus", "乘客晕车呕吐、低血糖", "服务区医务室", "resolved", "休息后继续行程"),
    ("other", "car", "车主钥匙锁在车内，孩子在车上", "路政、开锁师傅", "resolved", "20 分钟后开锁"),
)
_NOTICES = (
    ("outage", "K88 路段夜间封闭施工", "本周三 22:00 至次日 5:00 K86+000—K92+500 上行封闭，请绕行 G60。", "sms", 12800, 2),
    ("roadworks", "K123+400 附近桥梁检修", "K123+400 附近占用第一车道施工，请减速慢行、注意标志。", "screen", 45000, 7),
    ("weather", "大雾天气行车提示", "今晨局部路段团雾，能见度不足 100 米，请开启雾灯、保持车距。", "broadcast", 3200, 1),
    ("publicity", "冬季行车安全宣传", "出行前检查轮胎、防冻液，疲劳驾驶请进服务区休息。", "wechat", 8600, None),
    ("publicity", "ETC 办理与扫码支付", "服务区客服中心可现场办理 ETC；收费站支持扫码支付。", "phone", 640, None),
    ("outage", "服务区加油站暂停营业", "北区加油站设备检修，暂停营业，南区照常。", "screen", 5200, 1),
)


def _boss_and_clerk() -> tuple[Staff | None, Staff | None]:
    live = Staff.live().where(Staff.active == True)  # noqa: E712
    return live.where(Staff.role == "manager").first(), live.where(Staff.role == "staff").first()


def generate(ctx: DemoContext, n: int, progress: Callable[[int], None]) -> None:
    """One step: the help calls and notices a clerk logged over the last fortnight (any ``n``)."""
    boss, clerk = _boss_and_clerk()
    if clerk is None:
        return
    actor = auth.actor_for(clerk)
    rng = ctx.rng
    for _ in ctx.remaining([0]):
        with ctx.step() as step:
            now = clock.now().replace(second=0, microsecond=0)
            for i in range(CALLS):
                kind, vehicle, text, sent, outcome, note = _SCENES[i % len(_SCENES)]
                at = now - timedelta(hours=3 + i * 13 + rng.randint(0, 6), minutes=rng.randint(0, 59))
                still_open = i < 2  # the newest two are being handled
                data = HelpCallInput(
                    kind, at, f"139{rng.randint(10000000, 99999999)}", _PLATES[i % len(_PLATES)], vehicle,
                    rng.choice(("up", "down")), f"K{rng.randint(60, 180)}+{rng.randint(0, 999):03d}", "", text,
                    sent, at + timedelta(minutes=rng.randint(3, 12)), "open" if still_open else outcome,
                    "" if still_open else note, None if still_open else at + timedelta(minutes=rng.randint(35, 90)))
                try:
                    help_calls.save_help_call(actor, data)
                    step.rows += 1
                except ValidationError:
                    continue
            for j, (kind, title, content, channel, reach, days) in enumerate(_NOTICES):
                at = now - timedelta(days=j * 2, hours=1 + j)
                valid_to = at + timedelta(days=days) if days else None
                notices.save_notice(auth.actor_for(boss) if boss and j % 2 else actor,
                                    NoticeInput(kind, title, content, channel, at, reach, valid_to))
                step.rows += 1
        progress(step.rows)
