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


# An appendix grouped by topic restates the body's sections in its groups' titles ("IV | Phát triển dữ liệu số" for
# "d) Dữ liệu số"): wordings of two development plans (Đồng Nai's digital economy plan, Hồ Chí Minh City's planning
# database plan) and a health task written for the fixture.
GROUPED = [  # (the body task, its lead, the row it was read from, the row's phối hợp and thời hạn)
    ("- Tổ chức và triển khai các nội dung theo Chiến lược dữ liệu", "Công an tỉnh",
     "Xây dựng Kế hoạch triển khai Chiến lược dữ liệu quốc gia", "Các sở, ban, ngành", "2025"),
    ("- Đảm bảo an toàn thông tin mạng, an ninh mạng theo hướng dẫn", "Công an Thành phố",
     "Xây dựng và thực hiện các biện pháp bảo đảm an toàn thông tin mạng", "Sở Khoa học và Công nghệ, các sở, ngành",
     "Quý IV/2026"),
    ("- Phát triển nền tảng hồ sơ sức khỏe điện tử", "Sở Y tế", "Triển khai bệnh án điện tử, hồ sơ sức khỏe điện tử",
     "Bảo hiểm xã hội tỉnh", "2026 - 2027"),
]


@pytest.mark.parametrize("task,lead,source,partners,deadline", GROUPED)
def test_a_row_of_the_appendix_group_on_the_tasks_topic_names_its_lead_where_other_groups_restate_it_as_well(
        task, lead, source, partners, deadline):
    """The task's rare words are restated about as well by a row of another group (the Chiến lược dữ liệu task by the
    social insurance database row, the network security task by a training row, the health records task by a row on
    remote examination under public services): a row of another group is another topic, so the row of the group
    whose title restates the task's section (`PARAPHRASE_GROUP_*`) names the lead, and gives its phối hợp and
    thời hạn."""
    plan = parse_file(FIXTURES / "appendix_groups.md")
    c = clause(plan, task)
    assert c.lead == lead
    assert c.lead_source is not None and c.lead_source.mechanism == "paraphrase"
    assert c.lead_source.clause_id == clause(plan, source).id
    assert (c.partners, c.deadline) == (partners, deadline)


def test_two_rows_of_the_group_on_the_tasks_topic_restating_it_about_as_well_name_no_lead():
    """"Triển khai các nội dung theo Chiến lược phát triển hạ tầng số quốc gia" under "4. Hạ tầng số": both rows of
    "VII. Phát triển hạ tầng số" (Sở Khoa học và Công nghệ, the Ban Quản lý) restate it; the plan does not say which."""
    plan = parse_file(FIXTURES / "appendix_groups.md")
    assert clause(plan, "- Triển khai các nội dung theo Chiến lược phát triển hạ tầng số").lead is None


def test_a_row_restating_a_task_loosely_under_another_topics_group_names_no_lead():
    """"Hỗ trợ doanh nghiệp nhỏ và vừa chuyển đổi số …" under "5. Doanh nghiệp số" shares a third of its rare words
    with a row of "VI. Phát triển dịch vụ công" (Sở Tài chính, administrative procedures): too little for a
    restatement, and the group is on another topic."""
    plan = parse_file(FIXTURES / "appendix_groups.md")
    assert clause(plan, "- Hỗ trợ doanh nghiệp nhỏ và vừa chuyển đổi số").lead is None


def test_a_units_paragraph_restating_the_task_about_as_well_as_the_groups_row_leaves_it_unlinked():
    """"Xây dựng Chương trình hỗ trợ các hộ kinh doanh cá thể, hợp tác xã …" under "6. Doanh nghiệp số" (Đồng Nai's
    wording): the row of "VIII. Phát triển doanh nghiệp số" (Sở Tài chính) restates it, but so does the paragraph of Sở
    Khoa học và Công nghệ in "Tổ chức thực hiện"; a unit's paragraph stays a rival, so neither unit is named."""
    plan = parse_file(FIXTURES / "appendix_groups.md")
    assert clause(plan, "- Xây dựng Chương trình hỗ trợ các hộ kinh doanh").lead is None


def test_a_units_paragraph_keeps_the_ordinary_bar_where_a_group_is_on_the_tasks_topic():
    """"Thu hút doanh nghiệp sản xuất thiết bị IoT, phát triển sản phẩm Make in Viet Nam …" under "6. Doanh nghiệp số":
    the paragraph of Sở Khoa học và Công nghệ restates under `PARAPHRASE_MIN_SHARE` of it. The lower bar rests on a
    group's title restating the task's section, which a unit's paragraph has not: no lead."""
    plan = parse_file(FIXTURES / "appendix_groups.md")
    assert clause(plan, "- Thu hút doanh nghiệp sản xuất thiết bị IoT").lead is None
