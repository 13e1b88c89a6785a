"""An answer shows the whole of what is asked when the plan writes it as a short enumeration: the sources of a
plan's kinh phí ("1. Nguồn ngân sách", "2. Nguồn xã hội hóa"), the gains of a simplified procedure (the share cut
and the sum saved), the products a heading announces with a colon; and a list across plans names every plan whose
clause holds all the question's words, though the ranker scores it a tenth of the first. Wordings from the Sơn La
export plan, the Đồng Tháp transport and technology plans, the Đồng Nai simplification decision and the Hà Nội /
Nghệ An 5G plans, rebuilt as small synthetic plans."""
from __future__ import annotations

import pytest

from corpus.model import Clause, Document, Target
from retrieval.answer import compose_answer
from retrieval.query import Question, content_runs, folded, key_words, role_flags
from retrieval.strategies import SECTION_ITEMS, bare_title, each_plan_first, section_named, title_body, strategy_for
from tests.snippets import OrderingRetriever, OrderingStore


def plan(doc: str, rows: list[tuple[str, str, list[str]]], **facts) -> list[Clause]:
    """Clauses of plan ``doc``, ten lines apart; ``facts`` maps a row's index to its typed fields."""
    return [Clause(id=f"{doc}:{i}", doc_id=doc, kind=kind, label=None, section_path=path, text=text,
                   source=f"{doc}.md", lines=(10 * i + 10, 10 * i + 10), **facts.get(f"c{i}", {}))
            for i, (kind, text, path) in enumerate(rows)]


def question(text: str, qtype: str) -> Question:
    f = folded(text)
    tokens, pairs = key_words(content_runs(text, set(), None))
    return Question(text=text, folded=f, qtype=qtype, key_tokens=tokens, key_bigrams=pairs, **role_flags(f)._asdict())


def answer(q: Question, ranked: list[tuple[Clause, float, float]], *plans: list[Clause]) -> str:
    by_doc = {p[0].doc_id: p for p in plans}
    docs = {d: Document(id=d, source=f"{d}.md", title=f"Kế hoạch {d}") for d in by_doc}
    return compose_answer(strategy_for(q), q, ranked, docs, plan=lambda d: by_doc[d])


# --------------------------------------------------------------------------- an item's section named by the question

DT_KP = "IV. KINH PHÍ THỰC HIỆN"
DT_TRANSPORT = plan("dt", [
    ("heading", DT_KP, []),
    ("item", "1. Ngân sách nhà nước bố trí theo phân cấp hiện hành.", [DT_KP]),
    ("item", "2. Huy động các doanh nghiệp, tổ chức, cá nhân cùng tham gia đầu tư, tài trợ kinh phí chuyển đổi số.", [DT_KP]),
    ("heading", "V. TỔ CHỨC THỰC HIỆN", []),
])
LT_KP = "IV. KINH PHÍ VÀ NGUỒN LỰC THỰC HIỆN"
DT_ROADMAP = plan("lt", [
    ("heading", LT_KP, []),
    ("item", "1. Kinh phí thực hiện lồng ghép từ các chương trình, dự án được phân bổ hằng năm.", [LT_KP]),
    ("item", "2. Huy động nguồn lực xã hội theo hình thức hợp tác công tư.", [LT_KP]),
])
GAINS = "1.3. Lợi ích phương án đơn giản hóa"
DN_SIMPLIFY = plan("dn", [
    ("heading", GAINS, ["1. Thủ tục tiếp nhận đối tượng bảo trợ xã hội"]),
    ("bullet", "- Chi phí tiết kiệm: 3.200.000 đồng/năm.", ["1. Thủ tục tiếp nhận đối tượng bảo trợ xã hội", GAINS]),
    ("bullet", "- Tỷ lệ cắt giảm chi phí: 10%.", ["1. Thủ tục tiếp nhận đối tượng bảo trợ xã hội", GAINS]),
], c2={"target": Target(values=[10.0], unit="%", comparison="=", year=None, text="10%")})


@pytest.mark.parametrize("text, qtype, clauses, found, wanted", [
    ("Kinh phí chuyển đổi số trong quản lý hạ tầng giao thông lấy từ đâu?", "fact", DT_TRANSPORT, 2,
     "Ngân sách nhà nước"),
    ("Kinh phí thực hiện lộ trình đổi mới công nghệ lấy từ nguồn nào?", "fact", DT_ROADMAP, 1, "hợp tác công tư"),
    ("Đơn giản hóa thủ tục tiếp nhận đối tượng bảo trợ xã hội cắt giảm bao nhiêu phần trăm chi phí?", "target",
     DN_SIMPLIFY, 2, "3.200.000"),
])
def test_an_item_whose_section_the_question_names_is_quoted_with_the_sections_other_items(
        text, qtype, clauses, found, wanted):
    q = question(text, qtype)
    out = answer(q, [(clauses[found], 0.9, 0.8)], clauses)
    assert clauses[found].text in out and wanted in out, out


def test_an_item_whose_section_names_nothing_asked_is_quoted_alone():
    q = question("Ai tài trợ kinh phí chuyển đổi số?", "fact")
    tasks = "2. Nhiệm vụ trọng tâm"
    cs = plan("dt", [("heading", tasks, []),
                     ("item", "1. Huy động doanh nghiệp tài trợ kinh phí chuyển đổi số.", [tasks]),
                     ("item", "2. Đào tạo nhân lực số.", [tasks])])
    assert section_named(cs[1], cs, q) == []
    assert "Đào tạo nhân lực số" not in answer(q, [(cs[1], 0.9, 0.8)], cs)


def test_a_long_section_is_a_chapter_not_an_enumeration_and_is_not_quoted_whole():
    q = question("Kinh phí thực hiện lấy từ đâu?", "fact")
    cs = plan("dt", [("heading", DT_KP, [])] + [("item", f"{i}. Nguồn thứ {i}.", [DT_KP])
                                               for i in range(1, SECTION_ITEMS + 3)])
    assert section_named(cs[1], cs, q) == []
    assert section_named(DT_TRANSPORT[2], DT_TRANSPORT, q) == [DT_TRANSPORT[1]]


# --------------------------------------------------------------------------- a heading found alone

SL_KP = "IV. KINH PHÍ"
SL_EXPORT = plan("sl", [
    ("heading", SL_KP, []),
    ("item", "1. Nguồn ngân sách: Hàng năm, các sở ngành xây dựng dự toán kinh phí gửi Sở Tài chính tổng hợp.", [SL_KP]),
    ("item", "2. Nguồn xã hội hóa từ các doanh nghiệp, HTX và các nguồn huy động hợp pháp khác.", [SL_KP]),
    ("heading", "V. TỔ CHỨC THỰC HIỆN", []),
])
NA_KP = "III. KINH PHÍ THỰC HIỆN"
NA_5G = plan("na", [
    ("heading", NA_KP, []),
    ("bullet", "- Ngân sách nhà nước theo phân cấp.", [NA_KP]),
    ("bullet", "- Các doanh nghiệp viễn thông chủ động bố trí kinh phí, nguồn xã hội hóa.", [NA_KP]),
])
FRUIT = "- Các sản phẩm trái cây: Tổng sản phẩm trái cây tham gia xuất khẩu đến năm 2030 đạt trên 46.200 tấn. Một số sản phẩm trái cây chủ yếu:"
SL_FRUIT = plan("sf", [
    ("heading", FRUIT, ["a) Sản phẩm nông sản"]),
    ("bullet", "+ Xoài: giá trị xuất khẩu đến năm 2030 dự kiến đạt 25 triệu USD.", ["a) Sản phẩm nông sản", FRUIT[:60] + "…"]),
    ("bullet", "+ Nhãn: giá trị xuất khẩu đến năm 2030 dự kiến đạt 30,2 triệu USD.", ["a) Sản phẩm nông sản", FRUIT[:60] + "…"]),
], c0={"target": Target(values=[46200.0], unit="tấn", comparison=">", year=2030, text="trên 46.200 tấn")})


@pytest.mark.parametrize("text, qtype, clauses, wanted", [
    ("Kế hoạch xuất khẩu lấy kinh phí từ đâu?", "fact", SL_EXPORT, ("Nguồn ngân sách", "Nguồn xã hội hóa")),
    ("Kinh phí phát triển sóng 5G lấy từ nguồn nào?", "fact", NA_5G, ("Ngân sách nhà nước", "nguồn xã hội hóa")),
    ("Giá trị xuất khẩu nhãn đến năm 2030 dự kiến là bao nhiêu?", "target", SL_FRUIT, ("46.200 tấn", "30,2 triệu USD")),
])
def test_a_heading_found_alone_is_quoted_with_the_short_enumeration_it_heads(text, qtype, clauses, wanted):
    q = question(text, qtype)
    out = answer(q, [(clauses[0], 0.9, 0.8)], clauses)
    assert all(w in out for w in wanted), out
    assert "TỔ CHỨC THỰC HIỆN" not in out


def test_a_heading_stating_a_fact_without_a_colon_keeps_to_its_first_clause():
    stage = "2. Giai đoạn 2031 - 2035"
    cs = plan("gd", [("heading", stage, []), ("item", "2.1. Mở rộng cơ chế.", [stage]), ("item", "2.2. Nâng cấp hạ tầng.", [stage])],
              c0={"deadline": "Giai đoạn 2031 - 2035"})
    assert title_body(cs[0], cs) == []
    assert title_body(SL_EXPORT[0], SL_EXPORT) == SL_EXPORT[1:3]
    assert title_body(SL_EXPORT[1], SL_EXPORT) == []  # an item is no title


def heading(text: str) -> Clause:
    return Clause(id="h:1", doc_id="h", kind="heading", label=None, section_path=[], text=text, source="h.md", lines=(1, 1))


@pytest.mark.parametrize("text", [
    "IV. KINH PHÍ",                                                                      # Sơn La
    "IV. KINH PHÍ VÀ NGUỒN LỰC THỰC HIỆN",                                               # Đồng Tháp
    "5. Tổ chức các hoạt động hỗ trợ thi hành Luật Tiêu chuẩn và quy chuẩn kỹ thuật sửa đổi",  # Lai Châu, long
    "1.3. Lợi ích phương án đơn giản hóa",                                               # Đồng Nai
])
def test_a_heading_naming_its_section_in_one_phrase_is_a_bare_title(text):
    assert bare_title(heading(text))


@pytest.mark.parametrize("text", [
    "2. Trưởng Đoàn kiểm tra lập hồ sơ kiểm tra theo quy định. Hồ sơ kiểm tra gồm có các văn bản, tài liệu sau đây:",
    "- Các sản phẩm trái cây: Tổng sản phẩm trái cây tham gia xuất khẩu đạt trên 46.200 tấn. Một số sản phẩm chủ yếu:",
    "a) Hồ sơ gồm:",
])
def test_a_heading_that_says_something_or_announces_a_list_is_no_bare_title(text):
    assert not bare_title(heading(text))


def test_a_sentence_heading_found_alone_is_quoted_with_its_first_item_only():
    opener = "2. Tổ kiểm tra lập biên bản theo quy định. Biên bản gồm các nội dung sau:"
    cs = plan("kt", [("heading", opener, []), ("item", "a) Thời gian kiểm tra;", [opener]),
                     ("item", "b) Kết quả kiểm tra.", [opener])])
    assert title_body(cs[0], cs) == [cs[1]]


# --------------------------------------------------------------------------- a list across plans

def test_a_list_across_plans_names_each_plan_whose_clause_holds_every_question_word():
    q = question("Có những kế hoạch nào về phát triển hạ tầng 5G, IoT trong các khu công nghiệp?", "list")
    hn = plan("hn", [("paragraph", "PHÁT TRIỂN HẠ TẦNG 5G, IOT TRONG CÁC KHU CÔNG NGHIỆP TRÊN ĐỊA BÀN THÀNH PHỐ HÀ NỘI", [])])
    na = plan("na", [("bullet", "- Phát triển hạ tầng trạm 5G, IoT tại các khu công nghiệp Nghệ An.", ["2. Nhiệm vụ"])])
    far = plan("xa", [("bullet", "- Phát triển hạ tầng giao thông nông thôn.", ["2. Nhiệm vụ"])])
    ranked = [(hn[0], 0.48, 1.0), (far[0], 0.07, 0.6), (na[0], 0.068, 1.0)]
    out = answer(q, ranked, hn, na, far)
    assert "HÀ NỘI" in out and "Nghệ An" in out and "giao thông nông thôn" not in out, out


def test_the_plans_listed_first_are_those_that_answer_in_score_order():
    # Đồng Tháp: "5. Công an Tỉnh" of the transport plan scores 0.77, "10. Công an tỉnh" of the sea plan 0.078
    # (coverage 1), a third plan's clause sharing half the words 0.01
    cs = [Clause(id=f"{d}:1", doc_id=d, kind="heading", label=None, section_path=["V. TỔ CHỨC THỰC HIỆN"], text=t,
                 source=f"{d}.md", lines=(1, 1))
          for d, t in (("gt", "5. Công an Tỉnh"), ("bien", "10. Công an tỉnh"), ("kh", "Căn cứ chức năng, nhiệm vụ"))]
    cs += [Clause(id="gt:2", doc_id="gt", kind="bullet", label=None, section_path=["5. Công an Tỉnh"],
                  text="- Xử lý vi phạm trật tự an toàn giao thông.", source="gt.md", lines=(2, 2))]
    r = OrderingRetriever(OrderingStore(cs))
    scored = [(0, 0.77, 1.0), (3, 0.5, 1.0), (1, 0.078, 1.0), (2, 0.01, 0.6)]
    got = [cs[p].id for p, _, _ in each_plan_first(r, scored)]  # type: ignore[arg-type]
    assert got == ["gt:1", "bien:1", "gt:2", "kh:1"]
