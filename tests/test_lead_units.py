"""A clause's chủ trì and phối hợp come with the units they name as typed lists (`Clause.lead_units`,
`Clause.partner_units`), read by the corpus stage from the final lead whatever mechanism read it, kept by
the index's clause records, and read back from an index written before the lists were stored."""
from __future__ import annotations

import pytest
from snippets import clause, parse_md

from corpus.model import Clause, ParsedPlan, units_of

LABELLED = """
**II. NHIỆM VỤ**

1. Tổ chức tập huấn cho cán bộ

- Cơ quan chủ trì: Sở Nội vụ; Sở Tài chính.

- Đơn vị phối hợp: Bảo hiểm xã hội tỉnh, Công an tỉnh.
"""
TABLE = """
| STT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian |
|---|---|---|---|---|
| 1 | Rà soát cơ sở y tế | Sở Y tế/Sở Tài chính | Ủy ban nhân dân cấp xã | Quý IV/2026 |
"""
SENTENCE = """
**III. TỔ CHỨC THỰC HIỆN**

1. Sở Giáo dục và Đào tạo chủ trì, phối hợp với Sở Y tế, Sở Nội vụ tổ chức khám sức khỏe cho học sinh.
"""


def test_a_labelled_lead_and_its_partners_give_their_units():
    c = clause(parse_md(LABELLED), "Tổ chức tập huấn")
    assert c.lead_units == ("Sở Nội vụ", "Sở Tài chính")
    assert c.partner_units == ("Bảo hiểm xã hội tỉnh", "Công an tỉnh")


def test_a_table_row_lead_gives_its_units():
    c = clause(parse_md(TABLE), "Rà soát cơ sở y tế")
    assert c.lead_units == ("Sở Y tế", "Sở Tài chính")
    assert c.partner_units == ("Ủy ban nhân dân cấp xã",)


def test_a_sentence_lead_gives_one_unit_and_its_partners_theirs():
    c = clause(parse_md(SENTENCE), "khám sức khỏe")
    assert c.lead_units == ("Sở Giáo dục và Đào tạo",)
    assert c.partner_units == ("Sở Y tế", "Sở Nội vụ")


def test_a_clause_with_no_lead_has_no_units():
    c = clause(parse_md(LABELLED), "NHIỆM VỤ")
    assert c.lead is None and c.lead_units == () and c.partner_units == ()


def test_the_units_are_stored_with_the_clause_and_read_from_an_older_record():
    plan = parse_md(TABLE)
    again = ParsedPlan.from_dict(plan.to_dict())
    c = clause(again, "Rà soát cơ sở y tế")
    assert c.lead_units == ("Sở Y tế", "Sở Tài chính")
    old = clause(plan, "Rà soát cơ sở y tế").to_dict()
    del old["lead_units"], old["partner_units"]  # an index built before the lists were stored
    c = Clause.from_dict(old, plan.document.id)
    assert c.lead_units == ("Sở Y tế", "Sở Tài chính") and c.partner_units == ("Ủy ban nhân dân cấp xã",)


@pytest.mark.parametrize("value, units", [
    # a plain "và" inside one unit's name keeps it whole
    ("Sở Khoa học và Công nghệ", ("Sở Khoa học và Công nghệ",)),
    # "và" before "các" or a new body's head word joins two units
    ("Sở Y tế và Sở Tài chính", ("Sở Y tế", "Sở Tài chính")),
    ("Bộ Chỉ huy quân sự tỉnh và Công an tỉnh", ("Bộ Chỉ huy quân sự tỉnh", "Công an tỉnh")),
    ("Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội tỉnh",
     ("Mặt trận Tổ quốc Việt Nam tỉnh", "các tổ chức chính trị - xã hội tỉnh")),
])
def test_units_are_parted_at_separators_and_at_va_before_another_body(value, units):
    assert units_of(value) == units


@pytest.mark.parametrize("value, units", [
    # official names whose fields a comma and a "và" join, from a provincial, a ward's and a national plan
    ("Sở Văn hóa, Thể thao và Du lịch", ("Sở Văn hóa, Thể thao và Du lịch",)),
    ("Sở Văn hóa, Thể thao và Du lịch; Sở Khoa học và Công nghệ",
     ("Sở Văn hóa, Thể thao và Du lịch", "Sở Khoa học và Công nghệ")),
    ("Phòng Kinh tế, Hạ tầng và Đô thị phường, Công an phường", ("Phòng Kinh tế, Hạ tầng và Đô thị phường", "Công an phường")),
    ("Viện Văn hóa, Nghệ thuật, Thể thao và Du lịch Việt Nam", ("Viện Văn hóa, Nghệ thuật, Thể thao và Du lịch Việt Nam",)),
    ("Báo và Phát thanh, Truyền hình Cần Thơ, Sở Tài chính", ("Báo và Phát thanh, Truyền hình Cần Thơ", "Sở Tài chính")),
    # a name ends at its last field: what follows is another body
    ("Sở Văn hóa, Thể thao và Du lịch, Cổng Thông tin điện tử tỉnh",
     ("Sở Văn hóa, Thể thao và Du lịch", "Cổng Thông tin điện tử tỉnh")),
    # without a "và" joining fields, comma parts are units of their own
    ("Ban Chỉ huy Quân sự, Công an xã", ("Ban Chỉ huy Quân sự", "Công an xã")),
    ("các nhà mạng (Viettel, VNPT, MobiFone và doanh nghiệp khác)",
     ("các nhà mạng (Viettel", "VNPT", "MobiFone và doanh nghiệp khác)")),
    ("UBND các xã, phường", ("UBND các xã", "phường")),
])
def test_an_official_name_with_a_comma_inside_is_one_unit(value, units):
    assert units_of(value) == units


def test_the_catalog_lists_the_typed_units_of_each_lead():
    """`Catalog.units` reads `Clause.lead_units`: a lead "Sở Văn hóa, Thể thao và Du lịch; Sở Y tế" is two units,
    neither split at its comma nor counted as one string."""
    from retrieval.catalog import Catalog

    plan = parse_md("""
| STT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian |
|---|---|---|---|---|
| 1 | Tổ chức lễ hội văn hóa | Sở Văn hóa, Thể thao và Du lịch; Sở Y tế | Công an tỉnh | Quý IV/2026 |
| 2 | Kiểm tra an toàn thực phẩm | Sở Y tế | Công an tỉnh | Quý II/2026 |
""")
    catalog = Catalog({plan.document.id: plan.document}, plan.clauses)
    assert catalog.units() == ["Sở Y tế", "Sở Văn hóa, Thể thao và Du lịch"]
