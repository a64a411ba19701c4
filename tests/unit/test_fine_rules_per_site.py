"""Fine rules are per site: a version made at one site, arrived by sync, never applies at another."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sync_helpers import at_site

from frontdesk import clock
from frontdesk.db.models import FineRule
from frontdesk.domain.fines import RuleSpec
from frontdesk.services.discipline import fine_rules
from frontdesk.services.sync.exporter import export_site
from frontdesk.services.sync.importer import import_site

pytestmark = pytest.mark.usefixtures("frozen_clock")


def _r01(actor) -> Decimal:  # noqa: ANN001
    return {r["code"]: r for r in fine_rules.current_rules(actor)}["R01"]["min_amount"]


def test_a_sites_r01_version_never_changes_head_offices_or_another_sites(tmp_path):
    with at_site(tmp_path, "SA") as a:
        spec = RuleSpec("R01", "规章制度", "工作时间扎堆聊天", Decimal(9), Decimal(9))
        fine_rules.save_version(a, spec, clock.today(), "本站上调")
        assert _r01(a) == Decimal("9.00") and fine_rules.rule_for("R01", clock.today()).min_amount == Decimal(9)
        export_site(a, tmp_path / "a.xlsx", to="HQ")
    with at_site(tmp_path, "HQ") as hq:
        assert _r01(hq) == Decimal("5.00")
        import_site(hq, tmp_path / "a.xlsx")
        assert FineRule.select().where(FineRule.site_code == "SA").count() == 1  # kept, as SA's record
        assert _r01(hq) == Decimal("5.00")
        assert fine_rules.rule_for("R01", clock.today()).min_amount == Decimal("5.00")
        assert fine_rules.rule_for("R01", clock.today(), site="SA").min_amount == Decimal("9.00")
        assert len(fine_rules.rule_history(hq, "R01")) == 1
        export_site(hq, tmp_path / "c.xlsx", to="SC")
    with at_site(tmp_path, "SC") as c:
        import_site(c, tmp_path / "c.xlsx")  # SA's version relayed through head office
        assert FineRule.select().where(FineRule.site_code == "SA").count() == 1
        assert _r01(c) == Decimal("5.00")
    with at_site(tmp_path, "SA") as a:
        assert _r01(a) == Decimal("9.00")
