"""Demo departments and a small team of staff (password 123456), made before every other generator."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from frontdesk import clock
from frontdesk.db.models import Department, Staff, current_site_code
from frontdesk.demo.context import DemoContext
from frontdesk.domain.roles import Role
from frontdesk.services.core.passwords import hash_password

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


def generate_roster(ctx: DemoContext, count: int, progress: Callable[[int], None]) -> None:
    """Departments and ``count`` staff (a fixed small team, whatever the row count); all with password 123456."""
    for _ in ctx.remaining([count]):
        rng = ctx.rng
        password = hash_password(DEMO_PASSWORD)  # before the step: scrypt is slow, the lock is not held for it
        with ctx.step(count):
            names = {d.name for d in Department.live().where(Department.site_code == current_site_code())}
            for name, note in DEPARTMENTS:
                if name not in names:
                    Department.create(name=name, note=note)
            departments = [d.uuid for d in Department.live().where(Department.site_code == current_site_code())]
            taken = {s.staff_no for s in Staff.select(Staff.staff_no).where(Staff.site_code == current_site_code())}
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
        progress(ctx.made)


def team() -> tuple[list[str], list[str]]:
    """The site's live staff and departments, as uuids."""
    site = current_site_code()
    staff = [s.uuid for s in Staff.live().where(Staff.site_code == site).order_by(Staff.id)]
    departments = [d.uuid for d in Department.live().where(Department.site_code == site).order_by(Department.id)]
    return staff, departments
