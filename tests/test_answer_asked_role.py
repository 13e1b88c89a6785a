"""A who question asking chủ trì is answered by a clause whose own words give its unit the lead of the task, not
by one saying the unit only coordinates ("3. Sở Văn hóa, Thể thao và Du lịch: Phối hợp với …"): the latter names
a partner of someone else's task. Wordings from four plans' layouts (a unit's section with its duty after a colon,
lettered duties under a unit's heading, a unit named in the sentence, a body asked in the "Tổ chức thực hiện")."""
from __future__ import annotations

import pytest

from corpus.model import Clause
from retrieval.query import analyse
from retrieval.strategies import LEAD_COORDINATES, LEAD_STATED, LEAD_UNSAID, STRATEGIES, lead_role


def clause(n: int, text: str, section: list[str], doc: str = "d", **kw) -> Clause:
    return Clause(id=f"{doc}:{n:04d}", doc_id=doc, kind=kw.pop("kind", "bullet"), label=None, section_path=section,
                  text=text, source=f"{doc}.md", lines=(n, n), **kw)


def question(text: str):
    return analyse(text, {}, [])


@pytest.mark.parametrize("text, lead, role", [
    ("3. Sở Văn hóa, Thể thao và Du lịch: Phối hợp với Ban Tuyên giáo và Dân vận Tỉnh ủy chỉ đạo Báo và Phát thanh, "
     "Truyền hình tuyên truyền về Đợt thi đua.", "Sở Văn hóa, Thể thao và Du lịch", LEAD_COORDINATES),
    ("b) Phối hợp với các sở, ngành, UBND các xã, phường", "Sở Công Thương", LEAD_COORDINATES),
    ("c) Các doanh nghiệp công nghệ số phối hợp với đầu mối các bộ, ngành, các trường đại học, cao đẳng xây dựng "
     "chương trình đào tạo kỹ năng chuyên ngành", "Các doanh nghiệp công nghệ số", LEAD_COORDINATES),
    ("a) Chủ trì, phối hợp với các sở, ban, ngành, UBND các xã, phường và cơ quan, đơn vị có liên quan",
     "Sở Công Thương", LEAD_STATED),
    ("5. Sở Giáo dục và Đào tạo: Chủ trì, phối hợp triển khai các nhiệm vụ chuyển đổi số trong lĩnh vực giáo dục",
     "Sở Giáo dục và Đào tạo", LEAD_STATED),
    ("Trung tâm Chuyển đổi số Thành phố chủ trì, phối hợp với Công an Thành phố và các đơn vị có liên quan đảm bảo "
     "kết nối hạ tầng, an toàn thông tin", "Trung tâm Chuyển đổi số Thành phố", LEAD_STATED),
    ("5. Giao Sở Nông nghiệp và Môi trường chủ trì phối hợp với các sở, ban, ngành tỉnh tổ chức triển khai thực hiện "
     "Kế hoạch", "Sở Nông nghiệp và Môi trường", LEAD_STATED),
    ("4. Sở Nội vụ", "Sở Nội vụ", LEAD_UNSAID),
    ("- Tham mưu, hướng dẫn khen thưởng tổng kết Đợt thi đua", "Sở Nội vụ", LEAD_UNSAID),
])
def test_the_role_a_clause_gives_its_unit_is_read_from_its_own_words(text, lead, role):
    assert lead_role(clause(1, text, [], lead=lead)) == role


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
