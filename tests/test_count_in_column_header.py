"""A count asked in the unit a table's column header names ("Lượng (Tấn)", "Diện tích (ha)") is held by a crawled
row writing its cells after their headers ("Kế hoạch 2027 Lượng (Tấn): 14.800"), though no cell repeats the unit
after its figure: `retrieval.evidence.clause_holds_value`."""
from __future__ import annotations

from corpus.model import Clause
from retrieval.evidence import clause_holds_value
from retrieval.query import answer_slot, folded


def _row(label: str, cells: dict[str, str]) -> Clause:
    """A crawled table row as the parser writes it: its label, then each cell after its column's header."""
    text = f"{label} — " + "; ".join(f"{h}: {v}" for h, v in cells.items())
    columns = {"noi_dung": label, **{f"col{i + 3}": v for i, v in enumerate(cells.values())}}
    return Clause(id="d:0001", doc_id="d", kind="table_row", label=None, section_path=[], text=text, source="d.md",
                  lines=(1, 1), columns=columns)


def test_a_cell_under_a_header_naming_the_unit_holds_the_count():
    # an export plan's tonnes by product, a land plan's hectares by crop, a labour plan's workers by sector
    cases = [
        ("Kế hoạch 2027 có bao nhiêu tấn xoài tham gia xuất khẩu?",
         _row("1. Xoài", {"Kế hoạch 2026 Lượng (Tấn)": "13.500", "Kế hoạch 2026 Giá trị (Nghìn USD)": "7.000",
                          "Kế hoạch 2027 Lượng (Tấn)": "14.800"})),
        ("dien tich trong ca phe nam 2028 du kien bao nhieu ha",
         _row("2. Cà phê", {"Năm 2028 Diện tích (ha)": "44.000", "Năm 2028 Sản lượng (tấn)": "90.000"})),
        ("Đến năm 2030 ngành dệt may có bao nhiêu người lao động?",
         _row("3. Dệt may", {"Năm 2030 Lao động (ĐVT: người)": "12.500", "Năm 2030 Doanh thu (tỷ đồng)": "800"})),
    ]
    for question, row in cases:
        slot = answer_slot(folded(question))
        assert slot is not None and slot.kind == "count" and slot.unit, question
        assert clause_holds_value(row, slot), question


def test_a_header_naming_another_unit_does_not_hold_the_count():
    slot = answer_slot(folded("Kế hoạch 2027 có bao nhiêu tấn xoài tham gia xuất khẩu?"))
    row = _row("1. Xoài", {"Kế hoạch 2027 Giá trị tham gia xuất khẩu (Nghìn USD)": "7.800"})
    assert not clause_holds_value(row, slot)
