"""What the demo generators share: the batch's journal, a random source seeded per step, Chinese names and phones."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TypeVar

from frontdesk.demo.journal import Journal, Step
from frontdesk.domain.record_ids import time_ordered

Item = TypeVar("Item")

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红玉兰梅鑫晨浩宇欣怡子涵梓萱雨轩佳琪思远博文俊杰晓东海燕春梅国庆建华丹丹婷婷"


@dataclass
class DemoContext:
    """Shared by the generators: the journal of the batch, a seeded random source and the demo team.

    A generator splits its work into steps, one ``with ctx.step(rows):`` each, and walks a plan it can
    compute again with ``ctx.remaining(plan)``: a resumed run skips the steps already committed, and every
    step draws from a random source seeded by (batch seed, generator, step), so it needs none of the
    earlier steps' draws.
    """

    journal: Journal
    today: date
    staff_uuids: list[str] = field(default_factory=list)
    department_uuids: list[str] = field(default_factory=list)
    generator: str = ""
    rng: random.Random = field(default_factory=random.Random)

    def begin(self, generator: str) -> DemoContext:
        self.generator = generator
        self.reseed("start")
        return self

    @property
    def done(self) -> int:
        """The current generator's steps committed so far (by this run or an earlier one)."""
        return self.journal.steps(self.generator)

    @property
    def made(self) -> int:
        return self.journal.made(self.generator)

    def reseed(self, *parts: object) -> None:
        key = ":".join(str(p) for p in (self.journal.batch.seed, self.generator, *parts))
        self.rng = random.Random(key)

    def remaining(self, plan: Sequence[Item]) -> Iterator[Item]:
        """The plan's items from the first one not committed; each must be written by one ``step``."""
        for index in range(self.done, len(plan)):
            if self.done != index:
                raise RuntimeError(f"demo {self.generator}: item {index - 1} was not written in one step")
            self.reseed(index)
            yield plan[index]

    def step(self, rows: int = 0) -> AbstractContextManager[Step]:
        return self.journal.step(self.generator, rows)

    def uuid(self, at: datetime) -> str:
        """A record id as the program makes one (time-ordered, ``domain.record_ids``) for a record made at ``at``."""
        return time_ordered(at, self.rng.getrandbits(128))  # 128 bits drawn, as always: the rest stays the same

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
    """A module's demo data: ``share`` of the requested rows, made by ``run(ctx, rows, progress)``.

    ``progress`` is told the generator's rows made so far (``ctx.made``) after each step.
    """

    name: str
    share: float
    run: Callable[[DemoContext, int, Callable[[int], None]], None]
