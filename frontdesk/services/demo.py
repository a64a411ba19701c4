"""Demo data: realistic Chinese names, phones and texts for every module, bulk-inserted."""

from __future__ import annotations

import importlib
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from frontdesk import clock
from frontdesk.db.connection import analyze, transaction
from frontdesk.db.models import Department, Staff, current_site_code
from frontdesk.domain.roles import Role
from frontdesk.services.core.passwords import hash_password

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红玉兰梅鑫晨浩宇欣怡子涵梓萱雨轩佳琪思远博文俊杰晓东海燕春梅国庆建华丹丹婷婷"
DEPARTMENTS = [
    ("客服中心", "前台接待、投诉受理"),
    ("工程维修部", "设施设备维修"),
    ("收费管理部", "通行费、收费站事务"),
    ("路政巡查部", "道路巡查、施救"),
    ("商户管理部", "场内商户与柜台"),
    ("保洁部", "环境卫生"),
    ("安保部", "秩序与安全"),
    ("财务部", "退款、票据"),
]
POSITIONS = ["前台客服", "前台客服", "前台客服", "话务员", "值班主管", "客服经理"]
DEMO_PASSWORD = "123456"


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


GENERATORS: list[DemoGenerator] = []


def register(generator: DemoGenerator) -> None:
    if all(g.name != generator.name for g in GENERATORS):
        GENERATORS.append(generator)


def _roster(rng: random.Random, count: int) -> tuple[list[str], list[str]]:
    """Departments and staff (a fixed small team, whatever the row count); all with password 123456."""
    with transaction():
        existing = list(Department.live().where(Department.site_code == current_site_code()))
        names = {d.name for d in existing}
        for name, note in DEPARTMENTS:
            if name not in names:
                Department.create(name=name, note=note)
        departments = [d.uuid for d in Department.live().where(Department.site_code == current_site_code())]
        password = hash_password(DEMO_PASSWORD)
        taken = {s.staff_no for s in Staff.select(Staff.staff_no).where(Staff.site_code == current_site_code())}
        ctx = DemoContext(rng, clock.today(), [], departments)
        number = 1001
        made = 0
        while made < count:
            staff_no = str(number)
            number += 1
            if staff_no in taken:
                continue
            position = rng.choice(POSITIONS)
            role = Role.MANAGER if position in ("值班主管", "客服经理") else Role.STAFF
            Staff.create(
                staff_no=staff_no,
                name=ctx.person_name(),
                department=departments[0] if role == Role.STAFF else rng.choice(departments),
                position=position,
                role=role.value,
                phone=ctx.mobile(),
                hire_date=clock.today() - timedelta(days=rng.randrange(30, 3000)),
                active=rng.random() > 0.08,
                password_hash=password,
            )
            made += 1
        staff = [s.uuid for s in Staff.live().where(Staff.site_code == current_site_code())]
    return staff, departments


def _load_generators() -> None:
    """Import each module's demo generator so it registers itself."""
    from frontdesk.services import (
        demo_aftersales,  # noqa: F401
        demo_complaints,  # noqa: F401
        demo_reception,  # noqa: F401
        demo_shifts,  # noqa: F401
        demo_visits,  # noqa: F401
    )
    # assessments read the incidents, attendance, complaints and visits made above, so they register last
    importlib.import_module("frontdesk.services.demo_assessments")


def generate(rows: int, seed: int = 2026, progress: Callable[[str, int, int], None] | None = None) -> dict[str, int]:
    """Fill the database with about ``rows`` records spread over the modules that exist."""
    _load_generators()
    rng = random.Random(seed)
    staff, departments = _roster(rng, 24)
    ctx = DemoContext(rng, clock.today(), staff, departments)
    counts = {"departments": len(departments), "staff": len(staff)}
    total_share = sum(g.share for g in GENERATORS) or 1
    for generator in GENERATORS:
        n = round(rows * generator.share / total_share)

        def report(done: int, name: str = generator.name, n: int = n) -> None:
            if progress:
                progress(name, done, n)

        counts[generator.name] = generator.run(ctx, n, report)
    analyze()
    return counts
