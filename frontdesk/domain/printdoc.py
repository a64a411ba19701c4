"""What a printed form says (title, fields, tables, copies, QR text), independent of how it is drawn."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any, Literal, NamedTuple

from frontdesk.errors import T

Paper = Literal["A4", "A5", "R80"]
PAPERS: tuple[Paper, ...] = ("A4", "A5", "R80")
ROLL_PAPERS: tuple[Paper, ...] = ("R80",)  # 80 mm roll (receipt) printers: one column, continuous length
Align = Literal["left", "center", "right"]
ALIGNS: tuple[Align, ...] = ("left", "center", "right")


class Field(NamedTuple):
    """One label/value cell pair of the field grid; ``wide`` takes a whole row (e.g. 投诉内容)."""

    label: str
    value: str
    wide: bool = False


FieldLike = Field | tuple[str, object] | tuple[str, object, bool]


def _text(value: object) -> str:
    """``value`` as text; a str (a Message too, which the UI translates when printing) as it is."""
    return value if isinstance(value, str) else str(value)


def as_field(item: FieldLike) -> Field:
    """A ``Field`` from a ``(label, value)`` or ``(label, value, wide)`` tuple; None prints blank."""
    if isinstance(item, Field):
        return item
    label, value, *rest = item
    wide = bool(rest[0]) if rest else False
    return Field(_text(label), "" if value is None else _text(value), wide)


@dataclass
class Table:
    """A titled table of text; every row has as many cells as there are headers.

    ``align`` gives each column's alignment (e.g. "right" for amounts); missing columns are "left".
    """

    headers: list[str]
    rows: list[list[str]] = field(default_factory=list)
    title: str = ""
    align: list[Align] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.headers = [_text(h) for h in self.headers]
        if not self.headers:
            raise ValueError("a table needs at least one header")
        if len(self.align) > len(self.headers) or any(a not in ALIGNS for a in self.align):
            raise ValueError(f"align must list at most {len(self.headers)} of {ALIGNS}, not {self.align!r}")
        self.align = [*self.align, *["left"] * (len(self.headers) - len(self.align))]
        rows: list[list[str]] = []
        for number, row in enumerate(self.rows, start=1):
            cells = ["" if cell is None else _text(cell) for cell in row]
            if len(cells) != len(self.headers):
                raise ValueError(
                    f"table {self.title!r} row {number} has {len(cells)} cells, expected {len(self.headers)}"
                )
            rows.append(cells)
        self.rows = rows


@dataclass
class PrintDocument:
    """A printable form: one page layout repeated for every copy (联), e.g. 客户联 and 存根联."""

    title: str
    number: str = ""
    subtitle: str = ""
    site_name: str = ""
    fields: list[Field] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    signature_lines: list[str] = field(default_factory=list)
    copies: list[str] = field(default_factory=list)
    qr_text: str | None = None
    images: list[bytes] = field(default_factory=list)
    paper: Paper = "A4"
    landscape: bool = False
    field_columns: int = 2
    printed_at: datetime | None = None
    footer: str = ""

    def __post_init__(self) -> None:
        if not self.title.strip():
            raise ValueError("a printed document needs a title")
        if self.paper not in PAPERS:
            raise ValueError(f"paper must be one of {PAPERS}, not {self.paper!r}")
        if self.field_columns < 1:
            raise ValueError("field_columns must be at least 1")
        self.fields = [as_field(item) for item in self.fields]
        for image in self.images:
            if not image.startswith(b"\x89PNG\r\n\x1a\n"):
                raise ValueError("images must be PNG bytes")

    def copy_labels(self) -> list[str]:
        """One label per printed page set: the named copies, or a single unnamed copy."""
        return list(self.copies) or [""]

    def field_rows(self) -> list[list[Field]]:
        """The field grid, ``field_columns`` pairs per row; a wide field gets a row of its own."""
        return pack_fields(self.fields, self.field_columns)


def pack_fields(fields: Iterable[Field], columns: int) -> list[list[Field]]:
    """Fields in rows of at most ``columns``; a wide field closes the current row and stands alone."""
    rows: list[list[Field]] = []
    current: list[Field] = []
    for item in fields:
        if item.wide:
            if current:
                rows.append(current)
                current = []
            rows.append([item])
            continue
        current.append(item)
        if len(current) == columns:
            rows.append(current)
            current = []
    if current:
        rows.append(current)
    return rows


def copy_caption(index: int, labels: Sequence[str]) -> str:
    """The copy caption printed on a page, e.g. ``第1联 客户联``; empty for an unnamed single copy."""
    label = labels[index]
    if not label:
        return ""
    if len(labels) == 1:
        return label
    return T("print", "第{0}联 {1}").format(index + 1, label)


def localize(doc: PrintDocument, text: Callable[[str], str]) -> PrintDocument:
    """``doc`` with every label, value and caption put through ``text`` (the UI's translator of Messages,
    which leaves data as they are): a paper prints in the UI language."""

    def tr(value: Any) -> Any:
        return text(value) if isinstance(value, str) else value

    tables = [Table([tr(h) for h in t.headers], [[tr(c) for c in row] for row in t.rows], tr(t.title), list(t.align))
              for t in doc.tables]
    return replace(doc, title=tr(doc.title), subtitle=tr(doc.subtitle),
                   fields=[Field(tr(f.label), tr(f.value), f.wide) for f in doc.fields], tables=tables,
                   paragraphs=[tr(p) for p in doc.paragraphs], signature_lines=[tr(s) for s in doc.signature_lines],
                   copies=[tr(c) for c in doc.copies], footer=tr(doc.footer))
