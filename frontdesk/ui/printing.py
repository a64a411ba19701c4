"""Printing: a PrintDocument drawn as HTML in a QTextDocument, to PDF, to a printer or in a preview."""

from __future__ import annotations

import io
import re
import unicodedata
from functools import cache
from html import escape
from pathlib import Path
from string import Template

import segno
from PySide6.QtCore import QCoreApplication, QMarginsF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QFont,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QRawFont,
    QTextDocument,
)
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QWidget

from frontdesk.domain.printdoc import ROLL_PAPERS, Field, PrintDocument, Table, copy_caption, localize
from frontdesk.errors import UserError
from frontdesk.paths import owner_only, resource_dir
from frontdesk.ui import receipt
from frontdesk.ui.i18n import CJK_FAMILIES
from frontdesk.ui.messages import localized

TEMPLATE_DIR = resource_dir() / "print"
QR_URL = "frontdesk-print:qr.png"
LAYOUT_DPI = 96  # the units of the HTML (img width, px borders): CSS pixels, 96 per inch
PDF_DPI = 300
MARGINS_MM = {"A4": 15.0, "A5": 10.0, "R80": receipt.ROLL_MARGIN_MM}
QR_SIZE_MM = {"A4": 24.0, "A5": 20.0, "R80": receipt.QR_MM}
BODY_PT = {"A4": 10.5, "A5": 9.0, "R80": 8.5}  # as body in document.css, paper-A5.css and paper-R80.css
SIGNATURES_PER_ROW = 3
BLANK_WIDE_FIELD = "&nbsp;<br/>" * 3 + "&nbsp;"  # an empty wide field is room to write by hand (处理意见)
_SIGN_LINE = '<td class="sign-line" width="20%">&nbsp;</td>'
_SIGN_GAP = '<td class="sign-gap" width="4%"></td>'
_PAPER_IDS = {"A4": QPageSize.PageSizeId.A4, "A5": QPageSize.PageSizeId.A5}


def image_url(index: int) -> str:
    """The resource name of ``doc.images[index]`` in the rendered document."""
    return f"frontdesk-print:image-{index}.png"


def qr_png(text: str, scale: int = 8) -> bytes:
    """A QR code of ``text`` as PNG bytes (error correction M, no quiet zone: the page margin is one)."""
    buffer = io.BytesIO()
    segno.make(text, error="m", micro=False).save(buffer, kind="png", scale=scale, border=0)
    return buffer.getvalue()


def page_layout(doc: PrintDocument) -> QPageLayout:
    """The paper, orientation and margins the document is designed for (80 mm roll paper: as long as the
    content, one continuous page)."""
    if doc.paper in ROLL_PAPERS:
        margin = MARGINS_MM[doc.paper]
        size = QPageSize(QSizeF(receipt.ROLL_WIDTH_MM, roll_length_mm(doc)), QPageSize.Unit.Millimeter,
                         "80 mm", QPageSize.SizeMatchPolicy.ExactMatch)
        return QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF(margin, margin, margin, margin),
                           QPageLayout.Unit.Millimeter)
    orientation = QPageLayout.Orientation.Landscape if doc.landscape else QPageLayout.Orientation.Portrait
    margin = MARGINS_MM[doc.paper]
    return QPageLayout(
        QPageSize(_PAPER_IDS[doc.paper]),
        orientation,
        QMarginsF(margin, margin, margin, margin),
        QPageLayout.Unit.Millimeter,
    )


def mm_to_px(mm: float) -> float:
    """Millimetres in HTML layout pixels."""
    return mm / 25.4 * LAYOUT_DPI


@cache
def _template(name: str) -> str:
    return (TEMPLATE_DIR / name).read_text(encoding="utf-8")


def _text(value: str) -> str:
    """Escaped text with line breaks kept."""
    return escape(value).replace("\n", "<br/>")


def render_html(doc: PrintDocument, content_width_px: float | None = None) -> str:
    """The whole document as HTML: one page per copy, each after a page break; its text in the UI language."""
    doc = localize(doc, localized)
    if doc.paper in ROLL_PAPERS:
        return receipt.render_receipt_html(doc, round(mm_to_px(QR_SIZE_MM[doc.paper])))
    if content_width_px is None:
        content_width_px = mm_to_px(page_layout(doc).paintRect(QPageLayout.Unit.Millimeter).width())
    labels = doc.copy_labels()
    pages = [_render_page(doc, index, labels, content_width_px) for index in range(len(labels))]
    return '<html><head><meta charset="utf-8"/></head><body>\n' + "\n".join(pages) + "\n</body></html>"


def _render_page(doc: PrintDocument, index: int, labels: list[str], content_width_px: float) -> str:
    qr = ""
    if doc.qr_text:
        size = round(mm_to_px(QR_SIZE_MM[doc.paper]))
        qr = f'<img src="{QR_URL}" width="{size}" height="{size}"/>'
    meta_cells = []
    if doc.number:
        number = QCoreApplication.translate("Printing", "编号：{0}").format(doc.number)
        meta_cells.append(f'<td class="number">{_text(number)}</td>')
    if doc.printed_at:
        printed = QCoreApplication.translate("Printing", "打印时间：{0}").format(f"{doc.printed_at:%Y-%m-%d %H:%M}")
        meta_cells.append(f'<td class="printed">{_text(printed)}</td>')
    meta = ""
    if meta_cells:
        meta = (
            f'<table class="meta" width="100%" cellspacing="0" cellpadding="0"><tr>{"".join(meta_cells)}</tr>'
        )
        meta += "</table>"
    return Template(_template("page.html")).substitute(
        page_break=' style="page-break-before: always;"' if index else "",
        site_name=_text(doc.site_name),
        copy_caption=_text(localized(copy_caption(index, labels))),
        title=_text(doc.title),
        subtitle=f'<p class="subtitle">{_text(doc.subtitle)}</p>' if doc.subtitle else "",
        qr=qr,
        meta=meta,
        fields=_render_fields(doc),
        tables="\n".join(_render_table(table) for table in doc.tables),
        paragraphs="\n".join(f'<p class="para">{_text(text)}</p>' for text in doc.paragraphs),
        images="\n".join(_render_image(png, i, content_width_px) for i, png in enumerate(doc.images)),
        signatures=_render_signatures(doc.signature_lines),
        footer=f'<p class="footer">{_text(doc.footer)}</p>' if doc.footer else "",
    )


def _render_fields(doc: PrintDocument) -> str:
    rows = doc.field_rows()
    if not rows:
        return ""
    columns = doc.field_columns
    label_pct = round(100 / columns * 0.36)
    value_pct = round(100 / columns) - label_pct
    html_rows = []
    for row in rows:
        cells = []
        for position, item in enumerate(row):
            span = 1 + 2 * (columns - len(row)) if position == len(row) - 1 else 1
            cells.append(_field_cells(item, label_pct, value_pct, span))
        html_rows.append(f"<tr>{''.join(cells)}</tr>")
    return (
        '<table class="grid" width="100%" border="1" cellspacing="0" cellpadding="5">\n'
        + "\n".join(html_rows)
        + "\n</table>"
    )


def _field_cells(item: Field, label_pct: int, value_pct: int, span: int) -> str:
    value_attrs = f' colspan="{span}"' if span > 1 else f' width="{value_pct}%"'
    value = _text(item.value) or (BLANK_WIDE_FIELD if item.wide else "&nbsp;")
    return (
        f'<td class="label" width="{label_pct}%">{_text(item.label)}</td>'
        f'<td class="value"{value_attrs}>{value}</td>'
    )


def _render_table(table: Table) -> str:
    title = f'<p class="section">{_text(table.title)}</p>\n' if table.title else ""
    head = "".join(f"<th>{_text(h)}</th>" for h in table.headers)
    body = "\n".join(
        "<tr>"
        + "".join(
            f'<td align="{align}">{_text(cell) or "&nbsp;"}</td>'
            for cell, align in zip(row, table.align, strict=True)
        )
        + "</tr>"
        for row in table.rows
    )
    return (
        f'{title}<table class="data" width="100%" border="1" cellspacing="0" cellpadding="4">\n'
        f"<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody></table>"
    )


def _render_image(png: bytes, index: int, content_width_px: float) -> str:
    """A centred image, shrunk to the text width if wider (a chart PNG is usually drawn large)."""
    image = QImage.fromData(png, "PNG")
    width, height = float(image.width()), float(image.height())
    if width > content_width_px:
        width, height = content_width_px, height * content_width_px / width
    size = f'width="{round(width)}" height="{round(height)}"'
    return f'<p class="image"><img src="{image_url(index)}" {size}/></p>'


def _render_signatures(labels: list[str]) -> str:
    if not labels:
        return ""
    rows = []
    for start in range(0, len(labels), SIGNATURES_PER_ROW):
        chunk = labels[start : start + SIGNATURES_PER_ROW]
        cells = []
        for label in chunk:
            caption = QCoreApplication.translate("Printing", "{0}：").format(label)
            cells.append(f'<td class="sign-label">{_text(caption)}</td>{_SIGN_LINE}')
        padding = "<td></td>" * 2 * (SIGNATURES_PER_ROW - len(chunk))
        rows.append(f"<tr>{_SIGN_GAP.join(cells)}{padding}</tr>")
    return (
        '<table class="sign" width="100%" cellspacing="0" cellpadding="3">\n' + "\n".join(rows) + "\n</table>"
    )


def document_font(doc: PrintDocument) -> QFont:
    """The body font: a Simplified Chinese family first, so Han characters never take Japanese forms."""
    font = QFont()
    font.setFamilies([*CJK_FAMILIES, "sans-serif"])
    font.setPointSizeF(BODY_PT[doc.paper])
    # HarfBuzz 'locl' swaps digits in Latin runs for glyphs the font's cmap lacks, so the PDF's
    # ToUnicode map loses them ("S01" extracts as "S"); without it an SC font keeps its SC forms.
    font.setFeature(QFont.Tag("locl"), 0)
    return font


def stylesheet(paper: str) -> str:
    """document.css, then the paper's overrides (paper-A5.css), after the font family rule."""
    families = ", ".join(f'"{family}"' for family in CJK_FAMILIES)
    sheets = [f"body, table, td, th, p {{ font-family: {families}, sans-serif; }}", _template("document.css")]
    if (TEMPLATE_DIR / f"paper-{paper}.css").exists():
        sheets.append(_template(f"paper-{paper}.css"))
    return "\n".join(sheets)


def build_text_document(doc: PrintDocument, layout: QPageLayout | None = None) -> QTextDocument:
    """A paginated QTextDocument for ``layout`` (default: the document's own paper and margins)."""
    layout = layout or page_layout(doc)
    paint_mm = layout.paintRect(QPageLayout.Unit.Millimeter)
    page = QSizeF(mm_to_px(paint_mm.width()), mm_to_px(paint_mm.height()))
    text = _text_document(doc, page.width())
    text.setPageSize(page)
    return text


def _text_document(doc: PrintDocument, width_px: float) -> QTextDocument:
    text = QTextDocument()
    text.setDocumentMargin(0)
    text.setDefaultFont(document_font(doc))
    text.setDefaultStyleSheet(stylesheet(doc.paper))
    text.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, doc.title)
    images = {image_url(index): png for index, png in enumerate(doc.images)}
    if doc.qr_text:
        images[QR_URL] = qr_png(doc.qr_text)
    for url, png in images.items():
        text.addResource(QTextDocument.ResourceType.ImageResource, QUrl(url), QImage.fromData(png, "PNG"))
    text.setTextWidth(width_px)
    text.setHtml(render_html(doc, width_px))
    return text


def roll_length_mm(doc: PrintDocument) -> float:
    """How long a roll-paper document is: its content laid out at the printable width, plus the margins."""
    margin = MARGINS_MM[doc.paper]
    text = _text_document(doc, mm_to_px(receipt.ROLL_WIDTH_MM - 2 * margin))
    content_mm = text.documentLayout().documentSize().height() / LAYOUT_DPI * 25.4
    return round(content_mm + 2 * margin + 2.0, 1)  # 2 mm to spare: the last line never spills onto a page 2


def _print(doc: PrintDocument, device: QPagedPaintDevice) -> None:
    build_text_document(doc, device.pageLayout()).print_(device)


def write_pdf(doc: PrintDocument, path: str | Path) -> Path:
    """Write ``doc`` as a PDF with embedded (subset) fonts, so its Chinese text can be searched and copied."""
    path = Path(path)
    try:  # Qt would fail silently: find a locked file or a missing folder first
        with path.open("wb"):
            pass
        owner_only(path)  # Qt truncates and rewrites this file, keeping its mode: the user's alone
    except OSError as exc:
        raise UserError(f"无法写入 {path}：{exc.strerror}。文件是否正被其他程序打开？") from exc
    writer = QPdfWriter(str(path))
    writer.setResolution(PDF_DPI)
    writer.setPageLayout(page_layout(doc))
    writer.setTitle(doc.title)
    writer.setCreator("FrontDesk")
    _print(doc, writer)
    del writer  # the painter has ended: the file is complete
    path.write_bytes(fix_to_unicode(path.read_bytes(), unicode_fixes(document_font(doc))))
    return path


def unicode_fixes(font: QFont) -> dict[int, int]:
    """Code points Qt's PDF ToUnicode map picks wrongly for ``font``, and the ones meant.

    Qt maps each glyph back to the lowest code point that uses it. CJK fonts share one glyph
    between an ideograph and its radical (人 and ⼈ U+2F08, 门 and ⻔ U+2ED4), so copied or
    searched text would hold radicals; the space glyph is also U+0009 in Noto CJK.
    """
    return dict(_unicode_fixes(QRawFont.fromFont(font).familyName()))


@cache
def _unicode_fixes(family: str) -> tuple[tuple[int, int], ...]:
    raw = QRawFont.fromFont(QFont(family))
    ideographs = "".join(map(chr, range(0x4E00, 0xA000)))
    by_glyph: dict[int, int] = {}
    for char, glyph in zip(ideographs, raw.glyphIndexesForString(ideographs), strict=True):
        by_glyph.setdefault(glyph, ord(char))
    fixes = {0x0009: 0x0020}
    radicals = "".join(map(chr, range(0x2E80, 0x2FE0)))
    for char, glyph in zip(radicals, raw.glyphIndexesForString(radicals), strict=True):
        meant = by_glyph.get(glyph) if glyph else None
        folded = unicodedata.normalize("NFKC", char)
        if meant is None and folded != char and len(folded) == 1:
            meant = ord(folded)
        if meant is not None:
            fixes[ord(char)] = meant
    return tuple(sorted(fixes.items()))


_TO_UNICODE_REF = re.compile(rb"/ToUnicode (\d+) 0 R")
_CMAP_SECTION = re.compile(rb"begin(bfchar|bfrange)(.*?)end\1", re.S)
_CMAP_TOKEN = re.compile(rb"<([0-9A-Fa-f]+)>|\[|\]")


def fix_to_unicode(pdf: bytes, fixes: dict[int, int]) -> bytes:
    """``pdf`` with the Unicode targets of its (uncompressed) ToUnicode CMaps remapped by ``fixes``.

    Targets are rewritten in place as four hex digits for four, so no offset in the file moves.
    """
    out = bytearray(pdf)
    for number in set(_TO_UNICODE_REF.findall(pdf)):
        start = pdf.find(b"\n" + number + b" 0 obj")
        begin = pdf.find(b"stream", start)
        end = pdf.find(b"endstream", begin)
        if start < 0 or begin < 0 or end < 0 or b"/Filter" in pdf[start:begin]:
            continue  # not found, or compressed: leave it as Qt wrote it
        for section in _CMAP_SECTION.finditer(pdf, begin, end):
            for offset, target in _cmap_targets(section.group(1), section.group(2)):
                meant = fixes.get(int(target, 16))
                if meant is not None and meant <= 0xFFFF and len(target) == 4:
                    at = section.start(2) + offset
                    out[at : at + 4] = b"%04X" % meant
    return bytes(out)


def _cmap_targets(kind: bytes, body: bytes) -> list[tuple[int, bytes]]:
    """Offsets and hex digits of the one-character targets in a bfchar or bfrange section.

    Entries are ``<src> <dst>`` (bfchar), ``<lo> <hi> <dst>`` or ``<lo> <hi> [<dst> ...]`` (bfrange);
    a ``<lo> <hi> <dst>`` range over several codes counts up from ``dst`` and is left alone.
    """
    targets: list[tuple[int, bytes]] = []
    sources_per_entry = 1 if kind == b"bfchar" else 2
    sources: list[bytes] = []
    in_array = False
    for token in _CMAP_TOKEN.finditer(body):
        if token.group(0) == b"[":
            in_array = True
        elif token.group(0) == b"]":
            in_array, sources = False, []
        elif in_array:
            targets.append((token.start(1), token.group(1)))
        elif len(sources) < sources_per_entry:
            sources.append(token.group(1))
        else:
            if len(set(sources)) == 1:
                targets.append((token.start(1), token.group(1)))
            sources = []
    return targets


def print_document(doc: PrintDocument, printer: QPrinter) -> None:
    """Print ``doc`` on ``printer`` with the paper and margins the printer is set to."""
    _print(doc, printer)


def print_direct(doc: PrintDocument) -> str:
    """Print ``doc`` on the default printer at once, on its own paper (80 mm roll: as long as the content);
    the printer's name. A UserError when the computer has no default printer."""
    info = QPrinterInfo.defaultPrinter()
    if info.isNull():
        raise UserError("这台电脑没有默认打印机：请在系统设置中添加打印机，或在打印设置中关闭“一键打印”。")
    printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
    printer.setDocName(doc.title)
    printer.setPageLayout(page_layout(doc))
    print_document(doc, printer)
    return info.printerName()


def make_print_preview(doc: PrintDocument, parent: QWidget | None = None) -> QPrintPreviewDialog:
    """A preview dialog for ``doc`` whose printer starts on the document's paper; not yet shown."""
    dialog = QPrintPreviewDialog(parent)  # owns its printer
    printer = dialog.printer()
    printer.setPageLayout(page_layout(doc))
    printer.setDocName(doc.title)
    dialog.setWindowTitle(f"打印预览 - {doc.title}")
    dialog.paintRequested.connect(lambda target: print_document(doc, target))
    # Opens maximised at the page's width (it opened small at 38.6 %): readable at once on a 1366×768 screen.
    dialog.setWindowState(dialog.windowState() | Qt.WindowState.WindowMaximized)
    preview = dialog.findChild(QPrintPreviewWidget)
    if preview is not None:
        preview.setZoomMode(QPrintPreviewWidget.ZoomMode.FitToWidth)
        preview.previewChanged.connect(lambda: _fit_width_once(dialog, preview))
    return dialog


def _fit_width_once(dialog: QPrintPreviewDialog, preview: QPrintPreviewWidget) -> None:
    """The preview re-lays itself out when shown (and resets the zoom mode its toolbar shows): fit again, once."""
    if not dialog.property("fitted"):
        dialog.setProperty("fitted", True)
        preview.fitToWidth()


def show_print_preview(doc: PrintDocument, parent: QWidget | None = None) -> bool:
    """Show the print preview of ``doc`` modally; True if the user printed."""
    dialog = make_print_preview(doc, parent)
    return dialog.exec() == QPrintPreviewDialog.DialogCode.Accepted
