"""打印设置 for managers: A4 or the 80 mm roll for each after-sales paper, and printing without a preview."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QLabel, QWidget

from frontdesk.domain.roles import Actor
from frontdesk.services.aftersales import print_settings
from frontdesk.ui.dialogs.base import FormDialog
from frontdesk.ui.widgets.inputs import ChoiceCombo


class PrintSettingsDialog(FormDialog):
    """Saved for the whole site: every desk prints these papers on the chosen paper."""

    def __init__(self, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("打印设置"), parent, 420)
        self.actor = actor
        current = print_settings.load()
        intro = QLabel(self.tr("80 mm 小票：用于热敏小票打印机（纸宽 80 mm，连续纸，按内容长度打印）。"))
        intro.setWordWrap(True)
        self.add_above(intro)
        names = {"return_voucher": self.tr("退换货凭证"), "repair_receipt": self.tr("维修受理单"),
                 "pickup_slip": self.tr("维修取件单")}
        choices = [("A4", self.tr("A4 纸")), ("R80", self.tr("80 mm 小票"))]
        self.papers: dict[str, ChoiceCombo] = {}
        for kind in print_settings.KINDS:
            combo = ChoiceCombo(choices)
            combo.setObjectName(f"paper_{kind}")
            combo.set_value(current.paper(kind))
            self.papers[kind] = combo
            self.form.add(f"paper_{kind}", names[kind], combo)
        self.direct = QCheckBox(self.tr("按 Ctrl+P 直接用默认打印机打印，不打开预览"))
        self.direct.setObjectName("direct")
        self.direct.setChecked(current.direct)
        self.form.add("direct", self.tr("一键打印"), self.direct)

    def save(self) -> None:
        print_settings.save(self.actor, print_settings.PrintSettings(
            {kind: combo.value() for kind, combo in self.papers.items()}, self.direct.isChecked()))
