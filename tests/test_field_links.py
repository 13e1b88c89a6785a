"""A lead given elsewhere in the plan: by the field a unit is said to lead ("trong lĩnh vực y tế"), and by
a numbered reference from a unit's own section ("tại mục IV, V"). Synthetic snippets in the wordings of
different real plans (a provincial digital-economy programme's "Tổ chức thực hiện", a construction
department's transformation plan, a science plan's unit list)."""
from __future__ import annotations

import pytest

from corpus.field_links import claimed_field, covers, field_parts, own_field, references
from snippets import clause, parse_md

TASKS_BY_FIELD = """
**III. NHIỆM VỤ THEO NGÀNH, LĨNH VỰC**

**1. Nông nghiệp và Môi trường**

a) Xây dựng nền tảng truy xuất nguồn gốc nông sản của tỉnh.

b) Lắp đặt thiết bị quan trắc chất lượng nước tại các khu nuôi trồng.

**2. Du lịch và Văn hóa**

a) Số hóa di tích, hiện vật của bảo tàng tỉnh.

**3. Thương mại, công nghiệp và năng lượng**

a) Hỗ trợ hộ kinh doanh bán hàng trên sàn thương mại điện tử.

b) Xây dựng lưới điện thông minh tại các khu công nghiệp.

**4. Y tế**

a) Triển khai bệnh án điện tử tại các bệnh viện công lập.

**IV. TỔ CHỨC THỰC HIỆN**

{units}
"""


@pytest.mark.parametrize("units, task, lead", [
    # the unit's heading, then its duty in a bullet: "- Chủ trì, phối hợp triển khai các nhiệm vụ … trong lĩnh vực y tế"
    ("**1. Sở Y tế**\n\n- Chủ trì, phối hợp triển khai các nhiệm vụ chuyển đổi số trong lĩnh vực y tế của Kế hoạch.",
     "bệnh án điện tử", "Sở Y tế"),
    # the field's words in another order than the title's: "văn hóa và du lịch" for "Du lịch và Văn hóa"
    ("**1. Sở Văn hóa, Thể thao và Du lịch:** Chủ trì, phối hợp triển khai các nhiệm vụ chuyển đổi số trong "
     "lĩnh vực văn hóa và du lịch của Kế hoạch.", "Số hóa di tích", "Sở Văn hóa, Thể thao và Du lịch"),
    # a sentence with its subject and "thuộc lĩnh vực", the claim's words after a colon
    ("1. Sở Nông nghiệp và Môi trường chủ trì triển khai các nhiệm vụ: xây dựng cơ chế thử nghiệm; triển khai các "
     "chương trình chuyển đổi số thuộc lĩnh vực nông nghiệp và môi trường của Kế hoạch.",
     "quan trắc chất lượng nước", "Sở Nông nghiệp và Môi trường"),
    # "trong lĩnh vực quản lý": the field the unit's name says ("Công Thương" = công nghiệp + thương mại)
    ("**1. Sở Công Thương:** Chủ trì, phối hợp triển khai các nhiệm vụ chuyển đổi số trong lĩnh vực quản lý "
     "của Kế hoạch.", "lưới điện thông minh", "Sở Công Thương"),
])
def test_a_unit_claiming_a_field_leads_the_tasks_under_that_fields_title(units, task, lead):
    plan = parse_md(TASKS_BY_FIELD.format(units=units))
    c = clause(plan, task)
    assert c.lead == lead
    src = c.lead_source
    assert src is not None and src.mechanism == "field" and c.lead_from_elsewhere
    claim = next(x for x in plan.clauses if x.id == src.clause_id)
    assert "lĩnh vực" in claim.text and src.lines == claim.lines
    # the other fields are nobody's
    others = [x for x in plan.clauses if x.section_path and "NHIỆM VỤ" in x.section_path[0]
              and x.kind in ("item", "bullet") and x.lead is not None]
    assert all(x.lead == lead for x in others)


def test_two_units_claiming_one_field_give_its_tasks_to_neither():
    plan = parse_md(TASKS_BY_FIELD.format(units="""
**1. Sở Nội vụ**

- Chủ trì, phối hợp với Sở Giáo dục và Đào tạo triển khai các nhiệm vụ về thương mại, công nghiệp của Kế hoạch.

**2. Sở Công Thương:** Chủ trì triển khai các nhiệm vụ trong lĩnh vực năng lượng, thương mại của Kế hoạch.
"""))
    # both claim "thương mại" (a title whose parts they share out differently: tests/test_own_time_and_shared_fields.py)
    assert clause(plan, "lưới điện thông minh").lead is None
    assert clause(plan, "sàn thương mại điện tử").lead is None


def test_a_task_that_names_its_own_lead_keeps_it():
    plan = parse_md(TASKS_BY_FIELD.format(units="**1. Sở Y tế:** Chủ trì triển khai các nhiệm vụ trong lĩnh vực "
                                                 "y tế của Kế hoạch.").replace(
        "a) Triển khai bệnh án điện tử tại các bệnh viện công lập.",
        "a) Triển khai bệnh án điện tử tại các bệnh viện công lập (Bảo hiểm xã hội tỉnh chủ trì).\n\n"
        "b) Kết nối dữ liệu khám chữa bệnh với cơ sở dữ liệu dân cư."))
    assert clause(plan, "bệnh án điện tử").lead == "Bảo hiểm xã hội tỉnh"
    kept = clause(plan, "Kết nối dữ liệu khám chữa bệnh")
    assert kept.lead == "Sở Y tế" and kept.lead_source.mechanism == "field"


def test_a_task_inside_a_fields_section_that_names_the_field_does_not_hide_the_section_from_the_units_claim():
    plan = parse_md(TASKS_BY_FIELD.format(units="**1. Sở Y tế:** Chủ trì triển khai các nhiệm vụ trong lĩnh vực "
                                                 "y tế của Kế hoạch.").replace(
        "a) Triển khai bệnh án điện tử tại các bệnh viện công lập.",
        "a) Triển khai bệnh án điện tử tại các bệnh viện công lập.\n\n"
        "b) Bảo hiểm xã hội tỉnh chủ trì triển khai các nhiệm vụ thanh toán điện tử trong lĩnh vực y tế."))
    assert clause(plan, "bệnh án điện tử").lead == "Sở Y tế"
    assert clause(plan, "thanh toán điện tử").lead == "Bảo hiểm xã hội tỉnh"


def test_the_partners_a_claim_names_come_with_its_lead():
    plan = parse_md(TASKS_BY_FIELD.format(units="**1. Sở Y tế**\n\n- Chủ trì, phối hợp với Bảo hiểm xã hội tỉnh "
                                                 "triển khai các nhiệm vụ về y tế của Kế hoạch."))
    c = clause(plan, "bệnh án điện tử")
    assert (c.lead, c.partners) == ("Sở Y tế", "Bảo hiểm xã hội tỉnh")


@pytest.mark.parametrize("text, lead, parts", [
    ("Chủ trì, phối hợp triển khai các nhiệm vụ chuyển đổi số trong lĩnh vực giáo dục và đào tạo của Kế hoạch.",
     "Sở Giáo dục và Đào tạo", {"giao duc", "dao tao"}),
    ("Chủ trì, phối hợp triển khai các nhiệm vụ, đề án chuyển đổi số trong lĩnh vực quốc phòng, cơ yếu;",
     "Bộ Chỉ huy Quân sự tỉnh", {"quoc phong", "co yeu"}),
    ("Chủ trì, phối hợp triển khai thực hiện về an sinh xã hội của Kế hoạch.", "Sở Y tế", {"an sinh xa hoi"}),
    ("Chủ động xây dựng kế hoạch, đề án cụ thể nhằm thúc đẩy đổi mới công nghệ trong lĩnh vực phụ trách.",
     "Sở Xây dựng", {"xay dung"}),
    # no field: a task done "in" a field it names in passing, not one the unit is said to lead
    ("Tổ chức tập huấn kỹ năng số cho cán bộ làm việc trong lĩnh vực xây dựng.", "Sở Xây dựng", set()),
    ("Tham mưu bố trí nguồn nhân lực quản lý nhà nước về tài nguyên và môi trường biển.", "Sở Nội vụ", set()),
])
def test_the_field_a_clause_claims(text, lead, parts):
    assert claimed_field(text, lead) == frozenset(parts)


def test_a_field_title_matches_by_its_parts_or_the_initials_of_a_units_name():
    assert covers(field_parts("văn hóa và du lịch"), field_parts("Du lịch và Văn hóa"))
    assert covers(field_parts("lao động, việc làm"), field_parts("Lao động, việc làm và an sinh xã hội"))
    assert covers(own_field("Sở Công Thương"), field_parts("Thương mại, công nghiệp và năng lượng"))
    assert not covers(field_parts("nông nghiệp và môi trường"), field_parts("Tài nguyên và môi trường"))
    assert not covers(own_field("Sở Nội vụ"), field_parts("Nông nghiệp, văn hóa"))
    assert field_parts("Phát triển kinh tế số và xã hội số theo hướng đẩy nhanh tiến trình giao dịch") == frozenset()


# ---------------------------------------------------------------- numbered references from a unit's section

REFERRED = """
**II. NHIỆM VỤ**

**1. Hạ tầng số**

a) Phủ sóng 5G các khu công nghiệp.

**2. Y tế số**

a) Triển khai bệnh án điện tử.

**III. GIẢI PHÁP**

**1. Tuyên truyền**

a) Tổ chức các hội nghị, hội thảo về kinh tế số.

**2. Kinh phí**

a) Bố trí kinh phí thực hiện Kế hoạch hằng năm.

**IV. TỔ CHỨC THỰC HIỆN**

**1. Sở Khoa học và Công nghệ**

a) Chủ trì, phối hợp với các sở, ngành thực hiện các nhiệm vụ {reference} của Kế hoạch.

**2. Sở Y tế:** Chủ trì triển khai các nhiệm vụ trong lĩnh vực y tế số của Kế hoạch.
"""


@pytest.mark.parametrize("reference", ["tại mục II, III", "tại mục II và III", "tại mục II, mục III"])
def test_a_units_section_referring_to_sections_by_number_leads_their_tasks(reference):
    plan = parse_md(REFERRED.format(reference=reference))
    src = clause(plan, "Chủ trì, phối hợp với các sở, ngành")
    for task in ("Phủ sóng 5G", "Tổ chức các hội nghị", "Bố trí kinh phí"):
        c = clause(plan, task)
        assert c.lead == "Sở Khoa học và Công nghệ", task
        assert (c.lead_source.mechanism, c.lead_source.clause_id) == ("cross_reference", src.id)
    # the field another unit claims in the section referred to stays that unit's
    assert clause(plan, "bệnh án điện tử").lead == "Sở Y tế"


def test_a_group_of_bodies_referring_to_the_plans_tasks_leads_none_of_them():
    plan = parse_md(REFERRED.format(reference="tại mục II").replace(
        "**1. Sở Khoa học và Công nghệ**", "**1. Các sở, ngành có liên quan; Ủy ban nhân dân các xã**"))
    assert clause(plan, "Phủ sóng 5G").lead is None


@pytest.mark.parametrize("text, refs", [
    ("Chủ trì thực hiện các nhiệm vụ tại mục IV, V của Chương trình.", [["IV"], ["V"]]),
    ("Chủ trì thực hiện các nhiệm vụ tại mục II.1 và II.3 của Kế hoạch.", [["II", "1"], ["II", "3"]]),
    ("Chủ trì các nội dung tại điểm a, b khoản 2 mục III Kế hoạch này.", [["III", "2", "a"], ["III", "2", "b"]]),
    ("Chủ trì các nhiệm vụ tại khoản 1, khoản 2 mục II.", [["II", "1"], ["II", "2"]]),
    ("Các cơ quan quản lý các lĩnh vực trọng điểm tại điểm d, khoản 1, mục III", [["III", "1", "d"]]),
    # a reference into an article or another text names no section of the plan
    ("Thực hiện theo quy định tại khoản 1 Điều 8 của Nghị định số 116/2014/NĐ-CP.", []),
    ("Báo cáo thẩm định đánh giá các nội dung quy định tại điểm c khoản 2 Điều 3 Thông tư này.", []),
])
def test_the_sections_a_clause_refers_to_by_number(text, refs):
    assert references(text) == refs


def test_a_reference_read_smallest_first_reaches_the_point():
    plan = parse_md("""
**II. NHIỆM VỤ**

1. Hạ tầng số

a) Phủ sóng 5G các khu công nghiệp.

b) Xây dựng trung tâm dữ liệu của tỉnh.

**III. TỔ CHỨC THỰC HIỆN**

1. Sở Khoa học và Công nghệ chủ trì thực hiện các nội dung tại điểm b khoản 1 mục II của Kế hoạch.
""")
    assert clause(plan, "trung tâm dữ liệu").lead == "Sở Khoa học và Công nghệ"
    assert clause(plan, "Phủ sóng 5G").lead is None


def test_a_reference_inside_a_units_name_assigns_nothing():
    plan = parse_md("""
**II. NHIỆM VỤ**

1. Hạ tầng số

a) Phủ sóng 5G các khu công nghiệp.

**III. TỔ CHỨC THỰC HIỆN**

1. Cơ quan chủ trì: Các cơ quan quản lý các lĩnh vực trọng điểm tại điểm a, khoản 1, mục II.
""")
    assert clause(plan, "Phủ sóng 5G").lead is None


def test_the_linker_mechanisms_are_those_of_the_registered_linkers():
    """One list says which leads were linked from elsewhere; it must name every registered linker and no other."""
    from corpus.responsibilities import LINKER_MECHANISMS, LINKERS

    assert set(LINKER_MECHANISMS) == {linker.mechanism for linker in LINKERS}
