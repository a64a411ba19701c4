"""Repair intake form (维修收件): item, fault, accessories checklist, appearance, warranty, estimate, photos."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate, QSize, Qt
from PySide6.QtGui import QIcon, QImageReader, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from frontdesk import clock
from frontdesk.domain.repairs import ACCESSORIES, MAX_PHOTOS, PickupMode, RepairInput, Warranty
from frontdesk.domain.repairs import label as repair_label
from frontdesk.domain.roles import Actor
from frontdesk.errors import UserError, ValidationError
from frontdesk.services.aftersales import repairs
from frontdesk.services.core import attachments
from frontdesk.ui import file_dialogs
from frontdesk.ui.dialogs.base import FormDialog
from frontdesk.ui.i18n import enum_text
from frontdesk.ui.messages import show_user_error
from frontdesk.ui.widgets.date_field import DateField
from frontdesk.ui.widgets.inputs import ChoiceCombo

THUMB = 56


def _line(name: str, hint: str = "") -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setPlaceholderText(hint)
    return edit


def is_image_file(path: str | Path) -> bool:
    """Qt can read the file as an image (checked by content, not by its name)."""
    reader = QImageReader(str(path))
    reader.setDecideFormatFromContent(True)
    return reader.canRead()


class RepairDialog(FormDialog):
    """Takes an item in for repair; ``saved`` holds (uuid, number) after a successful save."""

    def __init__(self, actor: Actor, attachments_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("维修收件登记"), parent, 640)
        self.actor = actor
        self.attachments_dir = attachments_dir
        self.saved: repairs.SavedRepair | None = None
        self.photos: list[str] = []
        self.customer_name = _line("customer_name", self.tr("如：张先生"))
        self.phone = _line("phone", self.tr("取件通知用，手机或座机"))
        self.item = _line("item", self.tr("如：蓝牙耳机"))
        self.brand_model = _line("brand_model", self.tr("如：华为 FreeBuds 5"))
        self.serial_no = _line("serial_no", self.tr("机身或包装上的序列号"))
        self.fault = QPlainTextEdit()
        self.fault.setObjectName("fault")
        self.fault.setTabChangesFocus(True)
        self.fault.setFixedHeight(56)
        self.accessory_boxes: list[QCheckBox] = []
        acc_box = QWidget()
        grid = QGridLayout(acc_box)
        grid.setContentsMargins(0, 0, 0, 0)
        for i, name in enumerate(ACCESSORIES):
            box = QCheckBox(enum_text(name))
            box.setProperty("accessory", name)  # stored in Chinese, as the checklist's vocabulary
            self.accessory_boxes.append(box)
            grid.addWidget(box, i // 4, i % 4)
        self.other_accessories = _line("other_accessories", self.tr("其他配件，用顿号分隔"))
        grid.addWidget(self.other_accessories, 2, 0, 1, 4)
        self.appearance = _line("appearance", self.tr("如：外观完好 / 背面有划痕"))
        self.warranty = ChoiceCombo([(w.value, enum_text(w.value, repair_label)) for w in Warranty])
        self.warranty.setObjectName("warranty")
        self.warranty.set_value(Warranty.OUT.value)
        self.estimated_date = DateField()
        self.estimated_date.setObjectName("estimated_date")
        self.estimated_date.set_value(QDate(clock.today()).addDays(7).toPython())
        self.estimated_cost = _line("estimated_cost", self.tr("元，保内可填 0"))
        self.pickup_mode = ChoiceCombo([(p.value, enum_text(p.value, repair_label)) for p in PickupMode])
        self.pickup_mode.setObjectName("pickup_mode")
        self.address = _line("address", self.tr("邮寄取件时填写收件地址"))
        self.pickup_mode.currentIndexChanged.connect(
            lambda _i: self.address.setEnabled(self.pickup_mode.value() == PickupMode.MAIL.value))
        self.address.setEnabled(False)

        photo_box = QWidget()
        photo_row = QHBoxLayout(photo_box)
        photo_row.setContentsMargins(0, 0, 0, 0)
        self.photo_list = QListWidget()
        self.photo_list.setObjectName("photo_list")
        self.photo_list.setViewMode(QListWidget.ViewMode.IconMode)
        self.photo_list.setIconSize(QSize(THUMB, THUMB))
        self.photo_list.setFixedHeight(THUMB + 14)
        self.photo_list.setFlow(QListWidget.Flow.LeftToRight)
        buttons = QVBoxLayout()
        self.add_photo_btn = QPushButton(self.tr("添加照片…"))
        self.add_photo_btn.setAutoDefault(False)
        self.add_photo_btn.clicked.connect(lambda: self.add_photos())
        self.remove_photo_btn = QPushButton(self.tr("移除"))
        self.remove_photo_btn.setAutoDefault(False)
        self.remove_photo_btn.clicked.connect(self.remove_photo)
        buttons.addWidget(self.add_photo_btn)
        buttons.addWidget(self.remove_photo_btn)
        photo_row.addWidget(self.photo_list, 1)
        photo_row.addLayout(buttons)

        for name, text, widget in (
            ("customer_name", self.tr("顾客"), self.customer_name), ("phone", self.tr("联系电话"), self.phone),
            ("item", self.tr("送修商品"), self.item), ("brand_model", self.tr("品牌型号"), self.brand_model),
            ("serial_no", self.tr("序列号"), self.serial_no), ("fault", self.tr("故障描述"), self.fault),
            ("accessories", self.tr("随机配件"), acc_box), ("appearance", self.tr("收件外观"), self.appearance),
            ("warranty", self.tr("保修"), self.warranty), ("estimated_date", self.tr("预计完成"), self.estimated_date),
            ("estimated_cost", self.tr("预计费用"), self.estimated_cost),
            ("pickup_mode", self.tr("取件方式"), self.pickup_mode), ("address", self.tr("邮寄地址"), self.address),
            ("photos", self.tr("照片"), photo_box),
        ):
            self.form.add(name, text, widget)

    def add_photos(self, files: list[str] | None = None) -> None:
        """Copy chosen images into the data folder (named by content hash); anything not an image is refused."""
        if files is None:
            files = [str(f) for f in file_dialogs.ask_open(
                self, self.tr("选择照片"), "photos", self.tr("图片 (*.jpg *.jpeg *.png *.gif *.bmp *.webp)"), many=True)]
        for file in files:
            if len(self.photos) >= MAX_PHOTOS:
                self.form.show_errors({"photos": self.tr("照片最多 {0} 张").format(MAX_PHOTOS)})
                return
            if not is_image_file(file):
                self.form.show_errors({"photos": self.tr("“{0}”不是图片文件，未添加").format(Path(file).name)})
                continue
            try:
                name = attachments.store_image(file, self.attachments_dir)
            except ValidationError as exc:
                self.form.show_errors(exc.fields)
                continue
            except UserError as exc:
                show_user_error(self, exc)
                continue
            if name in self.photos:
                continue
            self.photos.append(name)
            item = QListWidgetItem(QIcon(QPixmap(str(self.attachments_dir / name)).scaled(
                THUMB, THUMB, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)), "")
            item.setToolTip(Path(file).name)
            item.setData(Qt.ItemDataRole.UserRole, name)
            self.photo_list.addItem(item)

    def remove_photo(self) -> None:
        row = self.photo_list.currentRow()
        if row >= 0:
            item = self.photo_list.takeItem(row)
            self.photos.remove(item.data(Qt.ItemDataRole.UserRole))

    def value(self) -> RepairInput:
        accessories = [b.property("accessory") for b in self.accessory_boxes if b.isChecked()]
        accessories += [a.strip() for a in self.other_accessories.text().replace(",", "、").split("、") if a.strip()]
        return RepairInput(
            customer_name=self.customer_name.text(), phone=self.phone.text(), item=self.item.text(),
            fault=self.fault.toPlainText(), brand_model=self.brand_model.text(), serial_no=self.serial_no.text(),
            accessories=accessories, appearance=self.appearance.text(), warranty=self.warranty.value(),
            estimated_date=self.estimated_date.value(), estimated_cost=self.estimated_cost.text(),
            pickup_mode=self.pickup_mode.value(), address=self.address.text(), photos=list(self.photos),
        )

    def save(self) -> None:
        self.saved = repairs.create_repair(self.actor, self.value())
