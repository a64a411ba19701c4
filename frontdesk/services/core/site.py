"""Site identity and site-wide settings; first-run initialisation."""

from __future__ import annotations

import re

from frontdesk.db.connection import transaction
from frontdesk.db.models import Staff, set_current_site
from frontdesk.domain.roles import Actor, Permission, Role
from frontdesk.errors import T, ValidationError
from frontdesk.services.core import audit
from frontdesk.services.core.passwords import hash_password, password_problem
from frontdesk.services.core.permissions import require
from frontdesk.services.core.site_settings import SITE_CODE, SITE_NAME

SITE_CODE_RE = re.compile(r"^[A-Z][A-Z0-9]{1,7}$")


def is_initialized() -> bool:
    return bool(SITE_CODE.get())


def site_code() -> str:
    return SITE_CODE.get()


def site_name() -> str:
    return SITE_NAME.get()


def load_site() -> None:
    """Stamp records created from now on with this site's code."""
    set_current_site(site_code())


def validate_initial(site_code: str, site_name: str, admin_user: str, admin_password: str) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not SITE_CODE_RE.match(site_code):
        errors["site_code"] = T("errors", "站点代码为 2–8 位大写字母或数字，以字母开头，例如 S01")
    if not site_name.strip():
        errors["site_name"] = T("errors", "请填写站点名称")
    elif len(site_name) > 50:
        errors["site_name"] = T("errors", "站点名称不超过 50 字")
    if not re.match(r"^[A-Za-z0-9_.-]{2,20}$", admin_user):
        errors["admin_user"] = T("errors", "账户名为 2–20 位字母、数字或 _.-")
    problem = password_problem(admin_password)
    if problem:
        errors["admin_password"] = problem
    return errors


def initialize(
    site_code: str, site_name: str, admin_user: str, admin_password: str, admin_name: str = "系统管理员"
) -> None:
    """First run: record the site and create the admin account (refused once done)."""
    site_code = site_code.strip().upper()
    errors = validate_initial(site_code, site_name.strip(), admin_user.strip(), admin_password)
    if errors:
        raise ValidationError(errors)
    with transaction():
        if is_initialized():
            raise ValidationError({"site_code": T("errors", "本数据库已初始化，站点代码为 {0}").format(SITE_CODE.get())})
        SITE_CODE.put(site_code)
        SITE_NAME.put(site_name.strip())
        set_current_site(site_code)
        Staff.create(
            staff_no=admin_user.strip(),
            name=admin_name,
            role=Role.ADMIN.value,
            position="管理员",
            password_hash=hash_password(admin_password),
        )


def rename_site(actor: Actor, name: str) -> None:
    require(actor, Permission.ADMIN_SITE)
    if not name.strip():
        raise ValidationError({"site_name": T("errors", "请填写站点名称")})
    with transaction():
        old = site_name()
        SITE_NAME.put(name.strip())
        audit.record(actor, "site", site_code(), "rename", {"site_name": old}, {"site_name": name.strip()})
