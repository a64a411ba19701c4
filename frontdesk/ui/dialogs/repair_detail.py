"""Repair order detail: intake facts, photos, and the whole history (steps, notifications, pickup, rework)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from frontdesk.domain.repairs import ACCESSORIES, EventKind
from frontdesk.domain.repairs import label as repair_label
from frontdesk.domain.roles import Actor
from frontdesk.services.aftersales import policy as aftersales_settings
from frontdesk.services.aftersales import repairs
from frontdesk.ui.i18n import enum_text
from frontdesk.ui.keyboard import focus_on_show
from frontdesk.ui.models.page_model import format_value

STUCK_STYLE = "color: #c62828; font-weight: bold;"
PHOTO = 96


def accessories_text(text: str | None) -> str:
    """The recorded accessories: the checklist's names in the UI language, the others as typed."""
    return QCoreApplication.translate("RepairDetailDialog", "、").join(
        enum_text(n) if n in ACCESSORIES else n for n in (text or "").split("、") if n)


class RepairDetailDialog(QDialog):
    """Read-only view of one order; the page's buttons change it."""

    def __init__(self, actor: Actor, uuid: str, attachments_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        o = repairs.get_repair(actor, uuid)
        self.order = o
        self.setWindowTitle(self.tr("维修工单 {0}").format(o["number"]))
        self.setMinimumSize(760, 560)
        facts = QFormLayout()
        status = enum_text(o["status"], repair_label) + (self.tr("（返修 {0} 次）").format(o["rework_count"]) if o["rework_count"] else "")
        for text, value in (
            (self.tr("顾客"), f"{o['customer_name']}　{o['phone']}"),
            (self.tr("商品"), "　".join(p for p in (o["item"], o["brand_model"], o["serial_no"]) if p)),
            (self.tr("故障描述"), o["fault"]), (self.tr("随机配件"), accessories_text(o["accessories"]) or self.tr("无")),
            (self.tr("收件外观"), o["appearance"]),
            (self.tr("保修 / 取件"), f"{enum_text(o['warranty'], repair_label)} / {enum_text(o['pickup_mode'], repair_label)}　{o['address']}"),
            (self.tr("预计"), self.tr("{0}　{1} 元").format(format_value(o["estimated_date"]) or self.tr("待定"),
                                                format_value(o["estimated_cost"]))),
            (self.tr("当前状态"), status),
        ):
            label = QLabel(value)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            facts.addRow(text, label)
        self.stuck = QLabel(self.tr("已在本状态停留超过 {0} 天，请跟进").format(aftersales_settings.stuck_days()))
        self.stuck.setStyleSheet(STUCK_STYLE)
        self.stuck.setVisible(bool(o["stuck"]))
        if o["pickup_inspection"]:
            accepted = {True: self.tr("满意"), False: self.tr("不满意")}.get(o["customer_accepted"], "")
            facts.addRow(self.tr("取件检查"), QLabel(self.tr("{0}（{1}）").format(o["pickup_inspection"], accepted)))

        photos = QHBoxLayout()
        for name in o["photo_list"]:
            thumb = QLabel()
            pixmap = QPixmap(str(attachments_dir / name))
            if not pixmap.isNull():
                thumb.setPixmap(pixmap.scaled(PHOTO, PHOTO, Qt.AspectRatioMode.KeepAspectRatio,
                                              Qt.TransformationMode.SmoothTransformation))
            else:
                thumb.setText(self.tr("（照片缺失）"))
            thumb.setToolTip(name)
            photos.addWidget(thumb)
        photos.addStretch(1)

        self.log = QTableWidget(len(o["events"]), 4)
        self.log.setObjectName("log")
        self.log.setHorizontalHeaderLabels([self.tr("时间"), self.tr("事项"), self.tr("经办人"), self.tr("说明")])
        self.log.verticalHeader().setVisible(False)
        self.log.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.log.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        for row, event in enumerate(o["events"]):
            for col, text in enumerate((format_value(event["at"]), self.event_text(event), event["actor_name"],
                                        event["note"])):
                self.log.setItem(row, col, QTableWidgetItem(text))
        self.log.resizeColumnsToContents()
        self.log.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(facts)
        layout.addWidget(self.stuck)
        if o["photo_list"]:
            layout.addLayout(photos)
        layout.addWidget(QLabel(self.tr("处理经过")))
        layout.addWidget(self.log, 1)
        layout.addWidget(buttons)
        focus_on_show(self)  # the keyboard starts in the first table, not on 关闭

    def event_text(self, event: dict[str, Any]) -> str:
        kind = event["kind"]
        if kind == EventKind.NOTIFY.value:
            return self.tr("通知客户：{0}，{1}").format(enum_text(event["method"], repair_label), enum_text(event["result"], repair_label))
        if kind == EventKind.REWORK.value:
            return self.tr("返修，重新受理")
        if kind == EventKind.NOTE.value:
            return self.tr("备注")
        if kind == EventKind.PICKUP.value:
            return self.tr("取件验收：{0}").format(enum_text(event["to_status"], repair_label))
        return self.tr("转为“{0}”").format(enum_text(event["to_status"], repair_label))
