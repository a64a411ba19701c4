"""The screenshots tool signs in as the site's admin through a service, not by reading the Staff model."""

from __future__ import annotations

from frontdesk.domain.roles import Role
from frontdesk.services.core import auth


def test_the_site_admin_actor_is_the_first_active_admin(admin, make_actor) -> None:  # noqa: ANN001
    make_actor(Role.MANAGER)
    actor = auth.site_admin_actor()
    assert actor is not None and actor.uuid == admin.uuid and actor.role is Role.ADMIN


def test_no_site_admin_actor_before_the_site_is_set_up(paths) -> None:  # noqa: ANN001
    assert auth.site_admin_actor() is None


def test_a_local_actor_is_an_active_staff_member_by_uuid(make_actor) -> None:  # noqa: ANN001
    clerk = make_actor(Role.STAFF)
    actor = auth.local_actor(clerk.uuid)
    assert actor is not None and actor.uuid == clerk.uuid and actor.role is Role.STAFF
    assert auth.local_actor("no-such-uuid") is None
