"""A who question asking chủ trì is answered by any clause stating a lead before one whose own words say its unit
only coordinates ("3. Sở Văn hóa, Thể thao và Du lịch: Phối hợp với …"): the latter names
a partner of someone else's task. Wordings from four plans' layouts (a unit's section with its duty after a colon,
lettered duties under a unit's heading, a unit named in the sentence, a body asked in the "Tổ chức thực hiện")."""
from __future__ import annotations

import pytest

from corpus.model import Clause
from retrieval.query import analyse
from retrieval.strategies import STRATEGIES, coordinates_only


def clause(n: int, text: str, section: list[str], doc: str = "d", **kw) -> Clause:
    return Clause(id=f"{doc}:{n:04d}", doc_id=doc, kind=kw.pop("kind", "bullet"), label=None, section_path=section,
                  text=text, source=f"{doc}.md", lines=(n, n), **kw)


def question(text: str):
    return analyse(text, {}, [])


@pytest.mark.parametrize("text, lead, coordinates", [
    ("3. Sở Văn hóa, Thể thao và Du lịch: Phối hợp với Ban Tuyên giáo và Dân vận Tỉnh ủy chỉ đạo Báo và Phát thanh, "
     "Truyền hình tuyên truyền về Đợt thi đua.", "Sở Văn hóa, Thể thao và Du lịch", True),
    ("b) Phối hợp với các sở, ngành, UBND các xã, phường", "Sở Công Thương", True),
    ("c) Các doanh nghiệp công nghệ số phối hợp với đầu mối các bộ, ngành, các trường đại học, cao đẳng xây dựng "
     "chương trình đào tạo kỹ năng chuyên ngành", "Các doanh nghiệp công nghệ số", True),
    ("a) Chủ trì, phối hợp với các sở, ban, ngành, UBND các xã, phường và cơ quan, đơn vị có liên quan",
     "Sở Công Thương", False),
    ("5. Sở Giáo dục và Đào tạo: Chủ trì, phối hợp triển khai các nhiệm vụ chuyển đổi số trong lĩnh vực giáo dục",
     "Sở Giáo dục và Đào tạo", False),
    ("Trung tâm Chuyển đổi số Thành phố chủ trì, phối hợp với Công an Thành phố và các đơn vị có liên quan đảm bảo "
     "kết nối hạ tầng, an toàn thông tin", "Trung tâm Chuyển đổi số Thành phố", False),
    ("5. Giao Sở Nông nghiệp và Môi trường chủ trì phối hợp với các sở, ban, ngành tỉnh tổ chức triển khai thực hiện "
     "Kế hoạch", "Sở Nông nghiệp và Môi trường", False),
    ("4. Sở Nội vụ", "Sở Nội vụ", False),
    ("- Tham mưu, hướng dẫn khen thưởng tổng kết Đợt thi đua", "Sở Nội vụ", False),
])
def test_a_unit_only_coordinating_is_read_from_the_clauses_own_words(text, lead, coordinates):
    assert coordinates_only(clause(1, text, [], lead=lead)) is coordinates


def test_a_unit_that_only_coordinates_does_not_answer_who_leads_the_task():
    # Đắk Lắk's emulation plan: the Sở VHTTDL's section says it coordinates the publicity; the Sở Nội vụ leads
    culture = clause(245, "3. Sở Văn hóa, Thể thao và Du lịch: Phối hợp với Ban Tuyên giáo và Dân vận Tỉnh ủy chỉ đạo "
                          "Báo và Phát thanh, Truyền hình Đắk Lắk tuyên truyền sâu rộng về Đợt thi đua.",
                     ["IV. TỔ CHỨC THỰC HIỆN"], kind="item", lead="Sở Văn hóa, Thể thao và Du lịch",
                     partners="Ban Tuyên giáo và Dân vận Tỉnh ủy")
    interior = clause(254, "- Tham mưu, hướng dẫn khen thưởng tổng kết và tổ chức tổng kết Đợt thi đua.",
                      ["IV. TỔ CHỨC THỰC HIỆN", "4. Sở Nội vụ"], lead="Sở Nội vụ")
    q = question("Ai chủ trì triển khai đợt thi đua chào mừng Đại hội XIV ở Đắk Lắk?")
    assert STRATEGIES["who"].pick([culture, interior], q) is interior


def test_the_partners_asked_are_those_of_the_duty_the_unit_leads_not_of_one_it_coordinates():
    # Sơn La's export plan: lettered duties under "1. Sở Công Thương"; the "b) Phối hợp với …" line's partners are
    # the unit's hosts in another's task, so the lead's partners come from its "a) Chủ trì, phối hợp với …"
    section = ["VI. TỔ CHỨC THỰC HIỆN", "1. Sở Công Thương"]
    coordinates = clause(460, "b) Phối hợp với các sở, ngành, UBND các xã, phường", section, kind="heading",
                         lead="Sở Công Thương", partners="các sở, ngành, UBND các xã, phường")
    leads = clause(436, "a) Chủ trì, phối hợp với các sở, ban, ngành, UBND các xã, phường và cơ quan, đơn vị có liên "
                        "quan", section, kind="heading", lead="Sở Công Thương",
                   partners="các sở, ban, ngành, UBND các xã, phường và cơ quan, đơn vị có liên quan")
    q = question("Ai chủ trì triển khai kế hoạch xuất khẩu sản phẩm hàng hóa tỉnh Sơn La, phối hợp với những ai?")
    assert STRATEGIES["who"].pick([coordinates, leads], q) is leads


def test_a_unit_named_coordinating_in_its_sentence_yields_to_the_unit_given_the_lead():
    # Đồng Nai's digital economy plan: the businesses "phối hợp với" the universities; the Sở GD&ĐT's section
    # opens with "Chủ trì"
    business = clause(1530, "c) Các doanh nghiệp công nghệ số phối hợp với đầu mối các bộ, ngành, các trường đại học, "
                            "cao đẳng xây dựng chương trình đào tạo kỹ năng chuyên ngành công nghệ số.",
                      ["VI. TỔ CHỨC THỰC HIỆN", "19. Các doanh nghiệp công nghệ số"], kind="item",
                      lead="Các doanh nghiệp công nghệ số", partners="đầu mối các bộ, ngành, các trường đại học")
    education = clause(1420, "5. Sở Giáo dục và Đào tạo: Chủ trì, phối hợp triển khai các nhiệm vụ đào tạo kỹ năng số, "
                             "chương trình đào tạo chuyên ngành công nghệ số trong lĩnh vực giáo dục và đào tạo.",
                       ["VI. TỔ CHỨC THỰC HIỆN"], kind="item", lead="Sở Giáo dục và Đào tạo")
    q = question("Đơn vị nào chủ trì xây dựng chương trình đào tạo kỹ năng chuyên ngành công nghệ số ở Đồng Nai?")
    assert STRATEGIES["who"].pick([business, education], q) is education


def test_a_question_asking_who_coordinates_keeps_the_rankers_order():
    coordinates = clause(460, "b) Phối hợp với các sở, ngành, UBND các xã, phường", ["1. Sở Công Thương"],
                         kind="heading", lead="Sở Công Thương", partners="các sở, ngành, UBND các xã, phường")
    heading = clause(434, "1. Sở Công Thương", [], kind="heading", lead="Sở Công Thương")
    q = question("Sở Công Thương Sơn La phối hợp với những đơn vị nào?")
    assert q.asks_partners
    assert STRATEGIES["who"].pick([coordinates, heading], q) is coordinates


def test_a_table_rows_lead_is_not_put_below_a_units_general_duty():
    # Đồng Nai's appendix row states the task's chủ trì in its column; the unit's section line "Chủ trì, phối hợp …"
    # is a general duty: neither only coordinates, so the ranker's order stands
    row = clause(2492, "1.8. Xây dựng sàn giao dịch hạt điều", ["PHỤ LỤC"], kind="table_row",
                 lead="Sở Nông nghiệp và Môi trường", partners="Sở Khoa học và Công nghệ")
    duty = clause(1442, "7. Sở Công Thương: Chủ trì, phối hợp triển khai các nhiệm vụ thương mại điện tử.",
                  ["VI. TỔ CHỨC THỰC HIỆN"], kind="item", lead="Sở Công Thương", partners="các sở, ngành")
    q = question("Ai chủ trì xây dựng sàn giao dịch hạt điều ở Đồng Nai và ai phối hợp?")
    assert STRATEGIES["who"].pick([row, duty], q) is row
