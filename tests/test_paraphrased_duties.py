"""A body task whose lead the plan gives only by restating it in other words (issue #9, round 8's typical miss).

Real plans list tasks by topic and say who does them elsewhere, in their own words: a unit's paragraph in "Tổ chức
thực hiện" ("Dữ liệu từ hệ thống camera giám sát, phạt nguội … được chia sẻ" under "Công an Tỉnh" for the task
"Khai thác dữ liệu từ hệ thống camera giám sát …"), an appendix row ("Triển khai Chiến lược tài chính toàn diện
quốc gia theo hướng …" | Sở Tài chính), a duty of enterprises ("Đảm bảo tốc độ, độ trễ … của mạng 5G" under "Các
doanh nghiệp viễn thông"). The wordings of the fixtures are taken from three different development plans.

`corpus.paraphrase_links.ParaphrasedDuties` links the task to the one duty restating most of its rare words, when
its unit clearly beats every other unit; a unit that only coordinates, a group named by its kind, two units about
as close, an objective or a legal article link nothing.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from corpus import parse_file
from snippets import clause, parse_md

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "paraphrase"

LINKED = [  # (fixture, the body task, its lead, the duty it was read from)
    ("unit_paragraphs.md", "- Khai thác dữ liệu từ hệ thống camera giám sát, phục vụ", "Công an Tỉnh",
     "- Dữ liệu từ hệ thống camera giám sát, phạt nguội"),
    ("unit_paragraphs.md", "- Tăng cường hợp tác quốc tế để nâng cao", "Sở Giáo dục và Đào tạo",
     "- Tăng cường hợp tác quốc tế, liên kết đào tạo"),
    ("appendix_rows.md", "- Triển khai các nội dung theo Chiến lược tài chính", "Sở Tài chính",
     "Triển khai Chiến lược tài chính toàn diện quốc gia theo hướng"),
    ("appendix_rows.md", "- Thúc đẩy mỗi người dân tuổi thành niên", "Sở Khoa học và Công nghệ",
     "Triển khai các chương trình thúc đẩy phát triển công dân số"),
    ("enterprise_duties.md", "- Kiểm tra chất lượng dịch vụ", "Các doanh nghiệp viễn thông",
     "- Đảm bảo tốc độ, độ trễ"),
    ("enterprise_duties.md", "- Thu thập phản hồi từ khách hàng", "Các doanh nghiệp viễn thông",
     "- Điều chỉnh và tối ưu hóa hệ thống dựa trên phản hồi của khách hàng"),
]


@pytest.mark.parametrize("fixture,task,lead,source", LINKED)
def test_a_task_restated_in_other_words_by_one_units_duty_takes_that_unit(fixture, task, lead, source):
    plan = parse_file(FIXTURES / fixture)
    c = clause(plan, task)
    assert c.lead == lead
    assert c.lead_source is not None and c.lead_source.mechanism == "paraphrase"
    assert c.lead_source.clause_id == clause(plan, source).id  # where it was read: the restating duty


def test_an_objective_restated_by_a_duty_is_no_task_of_that_unit():
    plan = parse_file(FIXTURES / "unit_paragraphs.md")
    assert clause(plan, "- Khai thác hiệu quả dữ liệu từ hệ thống camera").lead is None  # under "I. MỤC TIÊU"


def test_a_task_two_units_rows_restate_about_as_well_gets_neither():
    """"Đẩy nhanh tốc độ phủ mạng cáp quang, mạng di động băng rộng": the row of Sở Khoa học và Công nghệ and the row
    of the Ban Quản lý both restate it; the plan does not say which."""
    plan = parse_file(FIXTURES / "appendix_rows.md")
    assert clause(plan, "- Đẩy nhanh tốc độ phủ mạng cáp quang").lead is None


def test_a_unit_that_only_coordinates_on_the_restated_duty_does_not_lead_it():
    """"- Phối hợp xây dựng bản đồ số hạ tầng giao thông …" under Sở Nông nghiệp và Môi trường restates the task
    nearly word for word, but the unit coordinates: neither the paraphrase nor the restatement linker names it."""
    plan = parse_file(FIXTURES / "unit_paragraphs.md")
    c = clause(plan, "- Xây dựng bản đồ số hạ tầng giao thông")
    assert c.lead is None


PLAN_WITH_A_GROUP = """
**KẾ HOẠCH**

**II. NHIỆM VỤ VÀ GIẢI PHÁP**

**1. Chuyển đổi số**

- Tổ chức tập huấn kỹ năng số, an toàn thông tin cho cán bộ, công chức các cơ quan, đơn vị trên địa bàn.

**III. TỔ CHỨC THỰC HIỆN**

**1. Các cơ quan, đơn vị**

- Căn cứ chức năng, nhiệm vụ, cử cán bộ, công chức tham gia tập huấn kỹ năng số, an toàn thông tin do tỉnh tổ chức.

**2. Sở Nội vụ**

- Chủ trì thẩm định hồ sơ khen thưởng các tập thể, cá nhân tiêu biểu.
"""


def test_a_group_named_by_its_kind_is_not_read_as_the_lead_of_what_it_restates():
    """"Các cơ quan, đơn vị" each do their part of everything: their duty restating a task names no one lead."""
    plan = parse_md(PLAN_WITH_A_GROUP)
    c = clause(plan, "- Tổ chức tập huấn kỹ năng số")
    assert c.lead is None or (c.lead_source is not None and c.lead_source.mechanism != "paraphrase")



@pytest.mark.parametrize("lead, by_kind", [
    ("Các cơ quan, đơn vị", True), ("Các sở, ban, ngành cấp tỉnh", True),
    ("Ủy ban nhân dân các xã, phường, đặc khu", True), ("UBND các huyện, thị trấn", True),  # every level it names
    ("Sở Khoa học và Công nghệ", False), ("Công an tỉnh", False)])
def test_a_body_named_by_its_kind_and_level_alone_is_a_group(lead, by_kind):
    """A lead naming bodies only by their kind and the levels of `corpus.text.UNIT_LEVELS` names no one unit."""
    from corpus.paraphrase_links import _group_by_kind

    assert _group_by_kind(lead) is by_kind


PLAN_IN_ARTICLES = """
**THÔNG TƯ**

**Điều 5. Kiểm tra định kỳ**

1. Kiểm tra chất lượng dịch vụ viễn thông, bảo đảm tốc độ, độ trễ và độ ổn định của mạng đạt yêu cầu kỹ thuật.

**Điều 9. Trách nhiệm của doanh nghiệp viễn thông**

1. Doanh nghiệp viễn thông có trách nhiệm bảo đảm tốc độ, độ trễ và độ ổn định của mạng đạt yêu cầu kỹ thuật.
"""


def test_a_legal_articles_provisions_are_not_linked_by_paraphrase():
    """Regulations repeat their wordings from article to article: a provision's actor is read from its own
    sentence, never from another article that words it alike."""
    plan = parse_md(PLAN_IN_ARTICLES)
    c = clause(plan, "Kiểm tra chất lượng dịch vụ viễn thông")
    assert c.lead_source is None or c.lead_source.mechanism != "paraphrase"
