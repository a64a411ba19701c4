"""What the demo generators share: a seeded random source, the demo staff, and Chinese names and phones."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红玉兰梅鑫晨浩宇欣怡子涵梓萱雨轩佳琪思远博文俊杰晓东海燕春梅国庆建华丹丹婷婷"


@dataclass
class DemoContext:
    """Shared by the generators: a seeded random source and what earlier generators made."""

    rng: random.Random
    today: date
    staff_uuids: list[str]
    department_uuids: list[str]

    def person_name(self) -> str:
        given = self.rng.choice(GIVEN) + (self.rng.choice(GIVEN) if self.rng.random() < 0.7 else "")
        return self.rng.choice(SURNAMES) + given

    def customer_name(self) -> str:
        if self.rng.random() < 0.35:
            return self.rng.choice(SURNAMES) + self.rng.choice(["先生", "女士"])
        return self.person_name()

    def mobile(self) -> str:
        return self.rng.choice(["13", "15", "17", "18", "19"]) + f"{self.rng.randrange(10**9):09d}"

    def moment_in_last_year(self) -> datetime:
        day = self.today - timedelta(days=self.rng.randrange(365))
        return datetime(day.year, day.month, day.day, self.rng.randrange(7, 22), self.rng.randrange(60),
                        self.rng.randrange(60))


@dataclass(frozen=True)
class DemoGenerator:
    """A module's demo data: ``share`` of the requested rows, made by ``run(ctx, rows, progress)``."""

    name: str
    share: float
    run: Callable[[DemoContext, int, Callable[[int], None]], int]
