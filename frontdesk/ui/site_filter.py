"""The 站点 choice of a list's filter bar: shown only when the database holds records of two sites or more."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox

from frontdesk.domain.roles import Actor
from frontdesk.services.core import site_filter
from frontdesk.ui.list_export_action import add_beside_pager
from frontdesk.ui.widgets.inputs import ChoiceCombo
from frontdesk.ui.widgets.list_panel import ListPanel


def site_combo(actor: Actor) -> ChoiceCombo | None:
    """The site choice (全部站点, then each site; its value a code or None); None at a single site.

    Lists put it in their filter bar (``add_site_filter``); the reports and the 工作台 beside their own controls."""
    sites = site_filter.known_sites(actor)
    if len(sites) < 2:
        return None
    combo = ChoiceCombo([(None, QCoreApplication.translate("SiteFilter", "全部站点")), *sites])
    combo.setObjectName("site_filter")
    # narrow in the bar (the reception filter bar is full at 1366 px), the whole site names in its popup
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(4)
    combo.view().setMinimumWidth(combo.view().sizeHintForColumn(0) + 24)
    combo.setToolTip(QCoreApplication.translate("SiteFilter", "只看某个站点的记录（总部）"))
    return combo


def add_site_filter(panel: ListPanel, actor: Actor, beside_pager: bool = False) -> ChoiceCombo | None:
    """Add the site choice to ``panel`` (head office: every site, or one) and return it; None at a single site.

    It goes in the filter bar, or ``beside_pager`` under the table for a page whose filter bar is full."""
    combo = site_combo(actor)
    if combo is None:
        return None
    combo.currentIndexChanged.connect(lambda _index: panel.set_filter(site_filter.FILTER, combo.value()))
    if beside_pager:
        add_beside_pager(panel, combo)  # type: ignore[arg-type] - any widget goes there
    else:
        panel.filter_bar.addWidget(combo)
    return combo
