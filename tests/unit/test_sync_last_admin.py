"""Site import and the last admin: a row from another site that would leave this one without an admin is held."""

from __future__ import annotations

import pytest
from sync_helpers import at_site, hq_database  # noqa: F401 (autouse: head office on PostgreSQL on that pass)

from frontdesk.clock import now
from frontdesk.db.models import Staff, SyncConflict
from frontdesk.domain.roles import Role
from frontdesk.errors import ValidationError
from frontdesk.services.core import staff as staff_service
from frontdesk.services.sync import conflicts as sync_conflicts
from frontdesk.services.sync.exporter import export_site
from frontdesk.services.sync.importer import import_site


def _hq_changes_admins(tmp_path, **values) -> None:  # noqa: ANN001, ANN003
    """HQ receives S01's roster and changes every S01 admin record (HQ holds no S01 password, so nothing stops it)."""
    with at_site(tmp_path, "HQ") as hq:
        import_site(hq, tmp_path / "s01.xlsx")
        changed = Staff.update(revision=Staff.revision + 1, updated_at=now(), **values).where(
            (Staff.site_code == "S01") & (Staff.role == Role.ADMIN.value)).execute()
        assert changed >= 1
        export_site(hq, tmp_path / "hq.xlsx", since=None)


@pytest.mark.parametrize("values", [{"active": False}, {"role": Role.MANAGER.value}, {"deleted": True},
                                    {"staff_no": "admin2"}])
def test_a_row_taking_away_the_last_admin_is_held_as_a_conflict(tmp_path, values):
    with at_site(tmp_path, "S01") as a:
        export_site(a, tmp_path / "s01.xlsx", since=None)
    _hq_changes_admins(tmp_path, **values)
    with at_site(tmp_path, "S01") as a:
        report = import_site(a, tmp_path / "hq.xlsx")
        admin = Staff.get(Staff.uuid == a.uuid)
        assert (admin.active, admin.role, admin.deleted, admin.staff_no) == (True, Role.ADMIN.value, False, "admin")
        assert staff_service.usable_admins("S01") == {a.uuid}
        assert report.sheets["staff"].conflicts == 1 and report.sheets["staff"].updated == 0
        assert any("admin 管理员：对方的修改会使本站没有可登录的在职管理员" in line for line in report.lines())
        conflict = SyncConflict.get((SyncConflict.entity == "staff") & (SyncConflict.record_uuid == a.uuid))
        with pytest.raises(ValidationError) as refused:  # taking the incoming version is refused the same way
            sync_conflicts.resolve(a, conflict.id, sync_conflicts.TAKE_INCOMING)
        assert "没有可登录的在职管理员" in str(refused.value.fields["choice"])
        assert Staff.get(Staff.uuid == a.uuid).active
        sync_conflicts.resolve(a, conflict.id, sync_conflicts.KEEP_LOCAL)
        again = import_site(a, tmp_path / "hq.xlsx")  # the same file: held again, nothing applied
        assert Staff.get(Staff.uuid == a.uuid).active and again.sheets["staff"].updated == 0


def test_with_another_admin_left_the_change_is_applied(tmp_path):
    with at_site(tmp_path, "S01") as a:
        export_site(a, tmp_path / "s01.xlsx", since=None)
    _hq_changes_admins(tmp_path, active=False)
    with at_site(tmp_path, "S01") as a:
        second = staff_service.save_staff(a, staff_service.StaffInput("admin2", "副管理员", role=Role.ADMIN.value),
                                          password="second-admin-1")
        report = import_site(a, tmp_path / "hq.xlsx")
        assert report.sheets["staff"].updated == 1 and report.sheets["staff"].conflicts == 0
        assert not Staff.get(Staff.uuid == a.uuid).active
        assert staff_service.usable_admins("S01") == {second}
