"""The 站点 choice of a list's filter bar: shown only when the database holds records of two sites or more."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from frontdesk.domain.roles import Actor
from frontdesk.services.core import site_filter
from frontdesk.ui.widgets.inputs import ChoiceCombo
from frontdesk.ui.widgets.list_panel import ListPanel


def add_site_filter(panel: ListPanel, actor: Actor) -> ChoiceCombo | None:
    """Add the site choice to ``panel`` (head office: every site, or one) and return it; None at a single site."""
    sites = site_filter.known_sites(actor)
    if len(sites) < 2:
        return None
    combo = ChoiceCombo([(None, QCoreApplication.translate("SiteFilter", "全部站点")), *sites])
    combo.setObjectName("site_filter")
    combo.setToolTip(QCoreApplication.translate("SiteFilter", "只看某个站点的记录（总部）"))
    combo.currentIndexChanged.connect(lambda _index: panel.set_filter(site_filter.FILTER, combo.value()))
    panel.filter_bar.addWidget(combo)
    return combo
