"""The shared list exporter: typed round trips, formula-safe text, layout, cancel and progress."""

from __future__ import annotations

import datetime as dt
import enum
import re
import zipfile
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from frontdesk.excel.exporter import YUAN_FORMAT, Column, ExportCancelled, Kind, XlsxWriter, export_rows

INJECTIONS = [
    '=HYPERLINK("http://x","y")',
    "+86 138 0013 8000",
    "-5",
    "@SUM(A1)",
    "=1+1",
    "#N/A",
    "=",
    "\t=cmd|' /C calc'!A0",
]


class Status(enum.Enum):
    OPEN = "open"
    CLOSED = "closed"


STATUS_LABELS = {Status.OPEN: "处理中", Status.CLOSED: "已关闭"}

COLUMNS = [
    Column("no", "编号"),
    Column("count", "数量", Kind.INT),
    Column("amount", "金额", Kind.MONEY),
    Column("fee", "费用", Kind.MONEY, number_format=YUAN_FORMAT),
    Column("day", "日期", Kind.DATE),
    Column("at", "登记时间", Kind.DATETIME),
    Column("status", "状态", Kind.ENUM, labels=STATUS_LABELS),
    Column("kind", "类别", Kind.ENUM, labels=lambda code: {"wx": "维修", "ts": "投诉"}.get(code, "其他")),
    Column("done", "已处理", Kind.BOOL),
]

ROWS: list[tuple[Any, ...]] = [
    ("S01-WX-20261123-0001", 3, Decimal("1234567.89"), Decimal("12.50"), dt.date(2026, 11, 23),
     dt.datetime(2026, 11, 23, 8, 30, 15), Status.OPEN, "wx", True),
    ("S01-TS-20261123-0002", -7, Decimal("-0.01"), 5, dt.date(1900, 3, 1),
     dt.datetime(2026, 11, 23, 23, 59, 59), Status.CLOSED, "ts", False),
    ("中文 备注", 0, Decimal("0"), Decimal("0.005"), dt.date(2099, 12, 31),
     dt.datetime(2000, 2, 29, 0, 0, 1), "closed", "zz", 0),
    (None, None, None, None, None, None, None, None, None),
]

EXPECTED = [
    ("S01-WX-20261123-0001", 3, 1234567.89, 12.5, dt.date(2026, 11, 23),
     dt.datetime(2026, 11, 23, 8, 30, 15), "处理中", "维修", "是"),
    ("S01-TS-20261123-0002", -7, -0.01, 5, dt.date(1900, 3, 1),
     dt.datetime(2026, 11, 23, 23, 59, 59), "已关闭", "投诉", "否"),
    ("中文 备注", 0, 0, 0.005, dt.date(2099, 12, 31),
     dt.datetime(2000, 2, 29, 0, 0, 1), "已关闭", "其他", "否"),
]


def sheet_xml(path: Path, index: int = 1) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read(f"xl/worksheets/sheet{index}.xml").decode()


def read_openpyxl(path: Path) -> list[tuple[Any, ...]]:
    ws = load_workbook(path).worksheets[0]
    rows = list(ws.iter_rows(values_only=True))
    # openpyxl reads every date-formatted cell back as a datetime
    return [tuple(v.date() if isinstance(v, dt.datetime) and i == 4 else v for i, v in enumerate(r))
            for r in rows]


def read_calamine(path: Path, index: int = 0) -> list[list[Any]]:
    calamine = pytest.importorskip("python_calamine")
    return calamine.CalamineWorkbook.from_path(str(path)).get_sheet_by_index(index).to_python(
        skip_empty_area=False)


@pytest.fixture
def exported(tmp_path: Path) -> Path:
    path = tmp_path / "list.xlsx"
    assert export_rows(path, "登记列表", COLUMNS, iter(ROWS)) == len(ROWS)
    return path


def test_every_kind_round_trips_through_openpyxl(exported: Path) -> None:
    rows = read_openpyxl(exported)
    assert rows[0] == tuple(c.header for c in COLUMNS)
    assert rows[1:] == EXPECTED[:3]  # the all-empty last row has no cells to read


def test_every_kind_round_trips_through_calamine(exported: Path) -> None:
    rows = read_calamine(exported)
    assert rows[0] == [c.header for c in COLUMNS]
    assert [tuple(r) for r in rows[1:]] == EXPECTED[:3]


def test_numbers_are_numbers_with_formats(exported: Path) -> None:
    ws = load_workbook(exported).worksheets[0]
    assert ws["B2"].data_type == "n" and ws["B2"].number_format == "General"
    assert ws["C2"].data_type == "n" and ws["C2"].number_format == "#,##0.00"
    assert ws["D2"].number_format == YUAN_FORMAT
    assert ws["E2"].is_date and ws["E2"].number_format == "yyyy-mm-dd"
    assert ws["F2"].is_date and ws["F2"].number_format == "yyyy-mm-dd hh:mm:ss"
    assert ws["I2"].data_type == "s"
    assert ws["A1"].font.bold


def test_dict_rows_by_key(tmp_path: Path) -> None:
    path = tmp_path / "dicts.xlsx"
    rows = ({c.key: v for c, v in zip(COLUMNS, row, strict=True)} | {"extra": 1} for row in ROWS[:2])
    export_rows(path, "字典", COLUMNS, rows)
    assert read_openpyxl(path)[1:] == EXPECTED[:2]


def test_single_column_dict_rows(tmp_path: Path) -> None:
    path = tmp_path / "one.xlsx"
    export_rows(path, "单列", [Column("n", "名称")], [{"n": "甲"}, {"n": "乙"}])
    assert read_openpyxl(path) == [("名称",), ("甲",), ("乙",)]


@pytest.fixture
def injected(tmp_path: Path) -> Path:
    path = tmp_path / "inject.xlsx"
    columns = [Column("text", "=HEADER()"), Column("label", "状态", Kind.ENUM, labels={1: "=EVIL()"})]
    export_rows(path, "注入", columns, [(text, 1) for text in INJECTIONS])
    return path


def test_formula_injection_reads_back_as_text_with_openpyxl(injected: Path) -> None:
    ws = load_workbook(injected).worksheets[0]
    assert [c.value for c in ws["A"]] == ["=HEADER()", *INJECTIONS]
    assert all(c.data_type == "s" for c in ws["A"])
    assert [c.value for c in ws["B"]][1:] == ["=EVIL()"] * len(INJECTIONS)


def test_formula_injection_reads_back_as_text_with_calamine(injected: Path) -> None:
    rows = read_calamine(injected)
    assert [r[0] for r in rows] == ["=HEADER()", *INJECTIONS]
    assert {r[1] for r in rows[1:]} == {"=EVIL()"}


def test_formula_injection_sheet_xml_has_no_formulas(injected: Path) -> None:
    xml = sheet_xml(injected)
    assert "<f>" not in xml and "<f " not in xml
    cells = re.findall(r"<c [^>]*>", xml)
    assert len(cells) == 2 * (len(INJECTIONS) + 1)
    assert all('t="inlineStr"' in c for c in cells)


def test_awkward_text(tmp_path: Path) -> None:
    path = tmp_path / "text.xlsx"
    texts = ["a & b <c> \"d\" 'e'", "  两端空格  ", "第一行\n第二行", "a\rb", "bell\x07gone", "x" * 40000, ""]
    export_rows(path, "文本", [Column("t", "文本")], [(t,) for t in texts])
    got = [c.value for c in load_workbook(path).worksheets[0]["A"]][1:]
    assert got[:4] == texts[:4]
    assert got[4] == "bellgone"  # control characters cannot be stored in .xlsx
    assert got[5] == "x" * 32767  # Excel's limit for one cell
    assert got[6] is None


def test_ooxml_escape_lookalike_survives_excel_style_readers(tmp_path: Path) -> None:
    path = tmp_path / "esc.xlsx"
    export_rows(path, "转义", [Column("t", "文本")], [("_x0041_ 编码",)])
    assert "_x005F_x0041_" in sheet_xml(path)  # Excel (and calamine) would read a bare _x0041_ as "A"
    assert read_calamine(path)[1] == ["_x0041_ 编码"]


def test_frozen_header_autofilter_and_widths(tmp_path: Path) -> None:
    path = tmp_path / "layout.xlsx"
    columns = [
        Column("a", "短"),
        Column("b", "很长很长的中文说明", Kind.TEXT),
        Column("c", "宽度", width=33),
        Column("d", "日期", Kind.DATE),
        Column("e", "备注"),
    ]
    rows = [("x", "y", "z", dt.date(2026, 1, 1), "这是一条比较长的备注内容" * 2) for _ in range(5)]
    export_rows(path, "布局", columns, rows)
    ws = load_workbook(path).worksheets[0]
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == "A1:E6"
    widths = {letter: ws.column_dimensions[letter].width for letter in "ABCDE"}
    assert widths["A"] == 8  # the minimum
    assert widths["B"] == 18 + 3  # nine CJK characters plus the filter button
    assert widths["C"] == 33  # declared
    assert widths["D"] == 12
    assert widths["E"] == 24 * 2 + 2


def test_empty_export_has_header_and_filter(tmp_path: Path) -> None:
    path = tmp_path / "empty.xlsx"
    assert export_rows(path, "空", COLUMNS, iter(())) == 0
    ws = load_workbook(path).worksheets[0]
    assert ws.auto_filter.ref == "A1:I1"
    assert [c.value for c in ws[1]] == [c.header for c in COLUMNS]


def rows_of(n: int) -> Iterator[tuple[str, int]]:
    for i in range(n):
        yield (f"第{i}行", i)


TWO = [Column("t", "文本"), Column("n", "数", Kind.INT)]


def test_progress_every_thousand_rows_and_at_the_end(tmp_path: Path) -> None:
    calls: list[tuple[int, int | None]] = []
    export_rows(tmp_path / "p.xlsx", "进度", TWO, rows_of(2500), total=2500,
                progress=lambda done, total: calls.append((done, total)))
    assert calls == [(1000, 2500), (2000, 2500), (2500, 2500)]


def test_rows_are_consumed_lazily(tmp_path: Path) -> None:
    pulled = 0

    def source() -> Iterator[tuple[str, int]]:
        nonlocal pulled
        for row in rows_of(3000):
            pulled += 1
            yield row

    behind: list[int] = []
    export_rows(tmp_path / "p.xlsx", "流式", TWO, source(), progress=lambda done, _: behind.append(pulled - done))
    assert behind == [0, 0, 0]


def test_total_taken_from_a_sized_input(tmp_path: Path) -> None:
    calls: list[tuple[int, int | None]] = []
    export_rows(tmp_path / "p.xlsx", "进度", TWO, list(rows_of(10)), progress=lambda *a: calls.append(a))
    assert calls == [(10, 10)]


def test_cancel_leaves_no_file_and_keeps_an_old_one(tmp_path: Path) -> None:
    path = tmp_path / "out.xlsx"
    path.write_bytes(b"old export")
    seen: list[int] = []
    with pytest.raises(ExportCancelled):
        export_rows(path, "取消", TWO, rows_of(1_000_000), progress=lambda done, _: seen.append(done),
                    cancel=lambda: len(seen) >= 3)
    assert seen == [1000, 2000, 3000]
    assert [p.name for p in tmp_path.iterdir()] == ["out.xlsx"]
    assert path.read_bytes() == b"old export"


def test_cancel_before_start(tmp_path: Path) -> None:
    with pytest.raises(ExportCancelled):
        export_rows(tmp_path / "x.xlsx", "取消", TWO, rows_of(5), cancel=lambda: True)
    assert list(tmp_path.iterdir()) == []


def test_failing_source_leaves_no_file(tmp_path: Path) -> None:
    def broken() -> Iterator[tuple[str, int]]:
        yield from rows_of(1500)
        raise ConnectionError("database went away")

    with pytest.raises(ConnectionError) as info:
        export_rows(tmp_path / "x.xlsx", "出错", TWO, broken())
    assert "data row 1501" in "".join(info.value.__notes__)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("column", "value", "error"),
    [
        (Column("n", "数", Kind.INT), "12", TypeError),
        (Column("n", "数", Kind.INT), True, TypeError),
        (Column("m", "金额", Kind.MONEY), Decimal("NaN"), ValueError),
        (Column("m", "金额", Kind.MONEY), float("inf"), ValueError),
        (Column("d", "日期", Kind.DATE), "2026-01-01", TypeError),
        (Column("d", "日期", Kind.DATE), dt.date(1899, 12, 31), ValueError),
    ],
)
def test_bad_values_are_refused_without_a_file(tmp_path: Path, column: Column, value: Any,
                                               error: type[Exception]) -> None:
    with pytest.raises(error):
        export_rows(tmp_path / "x.xlsx", "错", [column], [(value,)])
    assert list(tmp_path.iterdir()) == []


def test_wrong_row_length_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="expected 2 values"):
        export_rows(tmp_path / "x.xlsx", "错", TWO, [("a",)])


def test_enum_column_needs_labels() -> None:
    with pytest.raises(ValueError, match="labels"):
        Column("s", "状态", Kind.ENUM)


def test_aware_datetime_is_written_as_local_time(tmp_path: Path) -> None:
    path = tmp_path / "tz.xlsx"
    moment = dt.datetime(2026, 6, 1, 4, 0, tzinfo=dt.UTC)
    export_rows(path, "时区", [Column("t", "时间", Kind.DATETIME)], [(moment,)])
    assert load_workbook(path).worksheets[0]["A2"].value == moment.astimezone().replace(tzinfo=None)


def test_several_sheets_in_one_workbook(tmp_path: Path) -> None:
    path = tmp_path / "sync.xlsx"
    with XlsxWriter(path) as writer:
        assert writer.add_sheet("登记", COLUMNS, ROWS[:2]) == 2
        assert writer.add_sheet("投诉/退货", [Column("fee", "费用", Kind.MONEY)], [(Decimal("9.99"),)]) == 1
        writer.add_sheet("清单", [Column("k", "类别"), Column("n", "行数", Kind.INT)], [("登记", 2), ("投诉", 1)])
        assert not path.exists()  # appears only when the writer closes
    wb = load_workbook(path)
    assert wb.sheetnames == ["登记", "投诉_退货", "清单"]
    assert [c.value for c in wb["投诉_退货"]["A"]] == ["费用", 9.99]
    assert wb["投诉_退货"]["A2"].number_format == "#,##0.00"
    assert wb["清单"].auto_filter.ref == "A1:B3"
    assert all(ws.freeze_panes == "A2" for ws in wb.worksheets)
    assert [r[0] for r in read_calamine(path, 2)] == ["类别", "登记", "投诉"]


def test_exception_inside_the_block_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "x.xlsx"
    with pytest.raises(RuntimeError), XlsxWriter(path) as writer:
        writer.add_sheet("一", TWO, rows_of(3))
        raise RuntimeError("stop")
    assert list(tmp_path.iterdir()) == []


def test_sheet_titles_are_made_valid_and_unique(tmp_path: Path) -> None:
    path = tmp_path / "titles.xlsx"
    with XlsxWriter(path) as writer:
        for title in ["a/b:c", "长" * 40, "Same", "same"]:
            writer.add_sheet(title, TWO, [])
    assert load_workbook(path).sheetnames == ["a_b_c", "长" * 31, "Same", "same(2)"]
