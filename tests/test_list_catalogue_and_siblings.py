"""List questions about the plans themselves are answered from the documents' typed metadata (titles, localities),
and a list's items asked for ("gồm những gì") are the parts of the list the question names, not the lines under the
one part the ranker found. Wordings modelled on the HCM Luật Việc làm plan, the Lai Châu Luật Tiêu chuẩn plan, the
national Luật Bảo vệ dữ liệu cá nhân plan, the Sơn La export plan, the Đồng Tháp plans, the bom mìn circular, the
Đắk Lắk and Nghệ An emulation plans and the Bộ NN&MT procedure decision, rebuilt as small synthetic plans."""
from __future__ import annotations

import pytest

from corpus.model import Clause, Document, Locality
from retrieval.query import analyse
from retrieval.strategies import named_siblings
from tests.snippets import catalogue_of


def doc(d: str, title: str, province: str | None = None) -> Document:
    return Document(d, f"{d}.md", title=title, kind="Kế hoạch", locality=Locality(level="tỉnh" if province else None,
                                                                             name=province, province=province))


PLANS = {
    "hcm": doc("hcm", "Kế hoạch triển khai thi hành Luật Việc làm trên địa bàn Thành phố Hồ Chí Minh", "Hồ Chí Minh"),
    "lc": doc("lc", "Kế hoạch triển khai thi hành Luật sửa đổi, bổ sung một số điều của Luật Tiêu chuẩn và quy chuẩn "
                    "kỹ thuật trên địa bàn tỉnh Lai Châu", "Lai Châu"),
    "tw": doc("tw", "Quyết định ban hành kế hoạch triển khai thi hành Luật Bảo vệ dữ liệu cá nhân"),
    "sl": doc("sl", "Quyết định về việc ban hành kế hoạch xuất khẩu sản phẩm hàng hóa tỉnh Sơn La giai đoạn 2026 - 2030",
              "Sơn La"),
    "dt1": doc("dt1", "Kế hoạch thực hiện lộ trình đổi mới công nghệ đến năm 2035 trên địa bàn tỉnh Đồng Tháp", "Đồng Tháp"),
    "dt2": doc("dt2", "Kế hoạch chuyển đổi số trong hoạt động xây dựng, quản lý kết cấu hạ tầng giao thông", "Đồng Tháp"),
    "na": doc("na", "Kế hoạch phát triển hệ thống sóng viễn thông 5G tại các khu công nghiệp Nghệ An", "Nghệ An"),
}


def plans_for(text: str) -> tuple[str, ...]:
    return catalogue_of(text, PLANS)


@pytest.mark.parametrize("text, wanted", [
    # a kind of plan its titles state: the law plans, whatever else the question says of the collection
    ("nhung ke hoach nao trien khai thi hanh mot luat moi, do la luat gi", {"hcm", "lc", "tw"}),
    ("Những kế hoạch nào là kế hoạch triển khai thi hành một luật, luật gì?", {"hcm", "lc", "tw"}),
    ("Trong bộ văn bản có kế hoạch triển khai thi hành những luật nào?", {"hcm", "lc", "tw"}),
    # a place's plans, nothing else asked of them: every plan of the provinces named, by their typed province
    ("Tỉnh Đồng Tháp có những kế hoạch nào trong bộ tài liệu?", {"dt1", "dt2"}),
    ("Sơn La và Lai Châu mỗi tỉnh có kế hoạch gì?", {"sl", "lc"}),
])
def test_plans_asked_by_their_titles_or_places_are_the_catalogue(text, wanted):
    assert set(plans_for(text)) == wanted


@pytest.mark.parametrize("text", [
    # a subject no title states: the abstention decides, not the catalogue
    "Những kế hoạch nào triển khai thi hành Luật Đất đai?",
    "Những kế hoạch nào nhắc tới cơ chế thử nghiệm có kiểm soát (sandbox)?",
    # plans asked by what their clauses assign to a unit
    "Những kế hoạch nào của tỉnh Đồng Tháp giao nhiệm vụ cho Sở Tài chính?",
    # a question about one plan's clauses, not which plans there are
    "Kế hoạch xuất khẩu Sơn La 2026-2030 có những nhóm giải pháp nào?",
])
def test_questions_about_what_plans_say_are_no_catalogue(text):
    assert plans_for(text) == ()


def test_a_place_no_plan_is_about_has_no_catalogue():
    assert plans_for("Tỉnh Bình Phước có những kế hoạch nào?") == ()


# --------------------------------------------------------------------------- the parts of a named list

def heading(doc_id: str, n: int, text: str, path: list[str]) -> Clause:
    return Clause(id=f"{doc_id}:{n}", doc_id=doc_id, kind="heading", label=None, section_path=path, text=text,
                  source=f"{doc_id}.md", lines=(10 * n, 10 * n))


BM_LIST = "1. Hình thức đào tạo, huấn luyện"
BM = [heading("bm", 0, BM_LIST, ["Điều 27. Hình thức, chương trình đào tạo"]),
      heading("bm", 1, "a) Đào tạo cơ bản", ["Điều 27. Hình thức, chương trình đào tạo", BM_LIST]),
      heading("bm", 2, "b) Tập huấn chuyên môn", ["Điều 27. Hình thức, chương trình đào tạo", BM_LIST]),
      heading("bm", 3, "c) Huấn luyện bổ sung", ["Điều 27. Hình thức, chương trình đào tạo", BM_LIST])]
SL_LIST = "III. NHÓM GIẢI PHÁP XUẤT KHẨU"
SL = [heading("sl", 0, SL_LIST, []),
      heading("sl", 1, "1. Phát triển vùng nguyên liệu", [SL_LIST]),
      heading("sl", 2, "2. Đẩy mạnh xúc tiến thương mại", [SL_LIST]),
      heading("sl", 3, "3. Hoàn thiện hạ tầng logistics", [SL_LIST])]
DL_LIST = "2. Tiêu chí thi đua"
DL = [heading("dl", 0, DL_LIST, ["III. ĐỐI TƯỢNG, TIÊU CHÍ THI ĐUA"]),
      heading("dl", 1, "a) Đối với các sở, ban, ngành, UBND các xã, phường", ["III. ĐỐI TƯỢNG, TIÊU CHÍ THI ĐUA", DL_LIST]),
      heading("dl", 2, "b) Đối với các doanh nghiệp", ["III. ĐỐI TƯỢNG, TIÊU CHÍ THI ĐUA", DL_LIST])]
NN_LIST = "1. Công bố dịch hại thực vật thuộc thẩm quyền của Bộ"
NN = [heading("nn", 0, NN_LIST, []),
      heading("nn", 1, "a) Trình tự thực hiện:", [NN_LIST]),
      heading("nn", 2, "c) Thành phần, số lượng hồ sơ:", [NN_LIST])]


def items_for(text: str, plan: list[Clause], found: int) -> list[str]:
    return [c.text for c in named_siblings(plan[found], plan, analyse(text, {}, []))]


@pytest.mark.parametrize("text, plan, found, wanted", [
    ("cac hinh thuc dao tao, huan luyen nguoi lam ra pha bom min gom nhung gi", BM, 3,
     ["a) Đào tạo cơ bản", "b) Tập huấn chuyên môn"]),
    ("Các hình thức đào tạo, huấn luyện người làm rà phá bom mìn gồm những gì?", BM, 1,
     ["b) Tập huấn chuyên môn", "c) Huấn luyện bổ sung"]),
    ("Kế hoạch xuất khẩu Sơn La có những nhóm giải pháp xuất khẩu nào?", SL, 2,
     ["1. Phát triển vùng nguyên liệu", "3. Hoàn thiện hạ tầng logistics"]),
])
def test_a_part_of_the_list_named_answers_with_its_sibling_parts(text, plan, found, wanted):
    assert items_for(text, plan, found) == wanted


@pytest.mark.parametrize("text, plan, found", [
    # the question names the part found ("đối với sở, ban, ngành"): that part's own lines are the answer
    ("Tiêu chí thi đua đối với sở, ban, ngành và UBND xã, phường ở Đắk Lắk gồm những gì?", DL, 1),
    # "hồ sơ gồm những gì" names the part "c) Thành phần, số lượng hồ sơ", not the procedure heading above it
    ("Thủ tục công bố dịch hại thực vật thuộc thẩm quyền Bộ: hồ sơ gồm những gì?", NN, 2),
    # the list itself found: its own enumeration answers, not its siblings
    ("Các hình thức đào tạo, huấn luyện gồm những gì?", BM, 0),
])
def test_a_part_the_question_names_keeps_its_own_lines(text, plan, found):
    assert items_for(text, plan, found) == []


def test_a_catalogue_question_reads_each_plans_title_words_once(retriever):
    # "which plans are there" questions read every plan's title: worded once per plan, not once per question
    from retrieval.catalogue import catalogue_plans

    titles = retriever.evidence.title_words
    titles.cache_clear()
    for text in ("Có những kế hoạch nào về cải cách hành chính?", "Những kế hoạch nào về chuyển đổi số?",
                 "Có những kế hoạch nào về bảo hiểm y tế?"):
        catalogue_plans(retriever, retriever.analyse(text))
    assert 0 < titles.cache_info().misses <= len(retriever.store.documents)
    assert all(titles(d.title or "") == frozenset(retriever.evidence.words(d.title or ""))
               for d in retriever.store.documents.values())
