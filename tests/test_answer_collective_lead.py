"""A who question asking chủ trì is answered by a clause whose lead names a body ("Sở Nội vụ", "Sở Tư pháp") before one
whose lead is a collective ("Các cơ quan, đơn vị, địa phương, doanh nghiệp", "các cơ quan, đơn vị"): the collective is
whoever the plan addresses, the subject of a general duty or a lead read from a heading whose task another line gives
to named units. Wordings from three plans' layouts (an emulation plan's "Tổ chức thực hiện", a law's roll-out tasks
with labelled lines, a programme's closing request beside a unit's own section)."""
from __future__ import annotations

import pytest

from corpus.model import Clause
from retrieval.query import analyse
from retrieval.strategies import STRATEGIES, collective_lead


def clause(n: int, text: str, section: list[str], doc: str = "d", **kw) -> Clause:
    return Clause(id=f"{doc}:{n:04d}", doc_id=doc, kind=kw.pop("kind", "bullet"), label=None, section_path=section,
                  text=text, source=f"{doc}.md", lines=(n, n), **kw)


def question(text: str):
    return analyse(text, {}, [])


@pytest.mark.parametrize("lead, collective", [
    ("Các cơ quan, đơn vị, địa phương, doanh nghiệp", True),
    ("các cơ quan, đơn vị", True),
    ("các sở, ban, ngành, đoàn thể tỉnh; UBND các phường, xã; các đơn vị liên quan", True),
    ("Các doanh nghiệp công nghệ số", True),
    ("Sở Nội vụ", False),
    ("Sở Khoa học và Công nghệ; Sở Tư pháp; Sở Văn hóa, Thể thao và Du lịch", False),
    ("Công An Thành phố", False),
    ("Ủy ban nhân dân các xã, phường", False),
    ("Ban Quản lý các khu công nghệ cao và khu công nghiệp", False),
])
def test_a_collective_lead_is_read_from_its_head_word(lead, collective):
    assert collective_lead(clause(1, "- Tổ chức thực hiện.", [], lead=lead)) is collective


def test_a_body_leading_the_plan_answers_before_the_collective_addressed_in_general():
    # Đắk Lắk's emulation plan: "1. Các cơ quan, đơn vị, địa phương, doanh nghiệp … xây dựng kế hoạch" ranked above
    # the Sở Nội vụ's "Chủ trì, phối hợp … tổ chức triển khai thực hiện Kế hoạch này"
    section = ["IV. TỔ CHỨC THỰC HIỆN"]
    everyone = clause(220, "1. Các cơ quan, đơn vị, địa phương, doanh nghiệp căn cứ chức năng, nhiệm vụ được giao xây "
                           "dựng kế hoạch triển khai thực hiện đợt thi đua.", section, kind="heading",
                      lead="Các cơ quan, đơn vị, địa phương, doanh nghiệp")
    interior = clause(256, "- Chủ trì, phối hợp với các cơ quan, đơn vị, địa phương, doanh nghiệp tổ chức triển khai "
                           "thực hiện Kế hoạch này.", [*section, "4. Sở Nội vụ"], lead="Sở Nội vụ",
                      partners="các cơ quan, đơn vị, địa phương, doanh nghiệp")
    q = question("Ai chủ trì triển khai đợt thi đua chào mừng Đại hội XIV ở Đắk Lắk?")
    assert STRATEGIES["who"].pick([everyone, interior], q) is interior


def test_the_partners_line_of_a_task_yields_to_the_line_naming_the_units_that_carry_it_out():
    # Lai Châu's law roll-out: the "- Cơ quan phối hợp" line took its lead from the task's subject ("các cơ quan, đơn
    # vị tổ chức tuyên truyền"); the task's heading carries the units its "- Cơ quan thực hiện" line names
    section = ["II. NỘI DUNG"]
    partners_line = clause(78, "- Cơ quan phối hợp: Các sở, ngành; Ủy ban nhân dân các xã, phường.",
                           [*section, "1. Tuyên truyền, phổ biến"], lead="các cơ quan, đơn vị",
                           partners="Các sở, ngành; Ủy ban nhân dân các xã, phường")
    task = clause(69, "1. Trên cơ sở tài liệu do Trung ương biên soạn, các cơ quan, đơn vị tổ chức tuyên truyền, phổ "
                      "biến, giáo dục pháp luật về nội dung của Luật.", section, kind="heading",
                  lead="Sở Khoa học và Công nghệ; Sở Tư pháp; Sở Văn hóa, Thể thao và Du lịch",
                  partners="Các sở, ngành; Ủy ban nhân dân các xã, phường")
    q = question("Ở Lai Châu, tuyên truyền Luật Tiêu chuẩn và quy chuẩn kỹ thuật sửa đổi do những cơ quan nào làm, "
                 "ai phối hợp?")
    assert STRATEGIES["who"].pick([partners_line, task], q) is task


def test_a_closing_request_to_all_yields_to_the_unit_given_the_task():
    # a programme's closing request to every sở and commune beside the unit's own section
    everyone = clause(1551, "Yêu cầu các sở, ban, ngành, đoàn thể tỉnh; UBND các phường, xã; các đơn vị liên quan căn "
                            "cứ nhiệm vụ được phân công triển khai thực hiện tốt Kế hoạch này.", ["VI. TỔ CHỨC THỰC HIỆN"],
                      kind="paragraph",
                      lead="các sở, ban, ngành, đoàn thể tỉnh; UBND các phường, xã; các đơn vị liên quan")
    science = clause(1360, "1. Sở Khoa học và Công nghệ: Chủ trì, theo dõi, đôn đốc triển khai thực hiện Kế hoạch này.",
                     ["VI. TỔ CHỨC THỰC HIỆN"], kind="item", lead="Sở Khoa học và Công nghệ")
    q = question("Cơ quan nào chủ trì theo dõi, đôn đốc triển khai kế hoạch kinh tế số?")
    assert STRATEGIES["who"].pick([everyone, science], q) is science


def test_collective_leads_alone_keep_the_rankers_order():
    first = clause(1541, "21. Các cơ sở đào tạo đại học mở thêm chuyên ngành đào tạo về chuyển đổi số.", [],
                   kind="heading", lead="Các cơ sở đào tạo đại học")
    second = clause(2071, "6.5. Mở chuyên ngành đào tạo về “Chuyển đổi số”", ["PHỤ LỤC"], kind="table_row",
                    lead="Các Trường Đại học, Cao đẳng trên địa bàn tỉnh")
    q = question("Ai được giao mở chuyên ngành đào tạo về chuyển đổi số?")
    assert STRATEGIES["who"].pick([first, second], q) is first


def test_a_body_that_only_coordinates_still_yields_to_a_collective_that_leads():
    # the unit's own words say it coordinates someone else's task: no body leads here, the collective does
    culture = clause(245, "3. Sở Văn hóa, Thể thao và Du lịch: Phối hợp với Ban Tuyên giáo và Dân vận Tỉnh ủy chỉ đạo "
                          "tuyên truyền về Đợt thi đua.", ["IV. TỔ CHỨC THỰC HIỆN"], kind="item",
                     lead="Sở Văn hóa, Thể thao và Du lịch", partners="Ban Tuyên giáo và Dân vận Tỉnh ủy")
    everyone = clause(220, "1. Các cơ quan, đơn vị, địa phương, doanh nghiệp xây dựng kế hoạch triển khai đợt thi đua.",
                      ["IV. TỔ CHỨC THỰC HIỆN"], kind="heading", lead="Các cơ quan, đơn vị, địa phương, doanh nghiệp")
    q = question("Ai chủ trì triển khai đợt thi đua?")
    assert STRATEGIES["who"].pick([culture, everyone], q) is everyone
