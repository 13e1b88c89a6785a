"""A question asking for a list's items opens with the heading that names the list, then the items under it:
each item alone shares few of the question's words, so the ranker scores them below prose on the subject."""
from __future__ import annotations

from corpus.model import Clause
from retrieval.query import Question, content_runs, folded, key_words, role_flags
from retrieval.strategies import items_heading_first
from tests.snippets import OrderingRetriever, OrderingStore, row_clauses as plan


def question(text: str) -> Question:
    f = folded(text)
    tokens, pairs = key_words(content_runs(text, set(), None))
    return Question(text=text, folded=f, qtype="fact", key_tokens=tokens, key_bigrams=pairs, **role_flags(f)._asdict())


def order(q: Question, clauses: list[Clause], scored_lines: list[int]) -> list[int]:
    r = OrderingRetriever(OrderingStore(clauses, {clauses[0].doc_id: (0, len(clauses))}))
    by_line = {c.lines[0]: p for p, c in enumerate(clauses)}
    scored = [(by_line[n], 0.5 - 0.01 * i, 0.5) for i, n in enumerate(scored_lines)]
    return [clauses[p].lines[0] for p, _, _ in items_heading_first(r, q, scored)]  # type: ignore[arg-type]


def test_the_heading_naming_the_list_comes_first_with_its_items():
    # TP.HCM: "8. Phương án huy động kinh phí" and its dashes, under prose about the database
    iv, h = "IV. TỔ CHỨC THỰC HIỆN", "8. Phương án huy động kinh phí"
    cs = plan("hcm", [("heading", "1. Xây dựng cơ sở dữ liệu quy hoạch", [iv]),
                      ("paragraph", "Xây dựng hệ thống cơ sở dữ liệu quy hoạch thống nhất.", [iv, "1. Xây dựng cơ sở dữ liệu quy hoạch"]),
                      ("heading", "2. Vận hành cơ sở dữ liệu quy hoạch", [iv]),
                      ("heading", "3. Khai thác cơ sở dữ liệu quy hoạch", [iv]),
                      ("heading", h, [iv]),
                      ("bullet", "- Lồng ghép vào kế hoạch đầu tư công trung hạn.", [iv, h]),
                      ("bullet", "- Sử dụng cơ chế thuê dịch vụ công nghệ thông tin.", [iv, h])])
    got = order(question("Huy động kinh phí cho hệ thống cơ sở dữ liệu quy hoạch bằng những cách nào?"),
                cs, [10, 0, 20, 60, 30, 40, 50])
    assert got[:3] == [40, 50, 60]


def test_a_list_named_by_its_own_heading_in_other_layouts():
    # Sơn La: "a) Các nhóm giải pháp chủ yếu"; Bộ VHTTDL: "III. LĨNH VỰC ƯU TIÊN ĐẦU TƯ"
    h = "a) Các nhóm giải pháp chủ yếu"
    cs = plan("sl", [("paragraph", "Thúc đẩy xuất khẩu nông sản của tỉnh.", []),
                     ("heading", h, []),
                     ("bullet", "- Giải pháp về thị trường.", [h]),
                     ("bullet", "- Giải pháp về vốn.", [h])])
    assert order(question("Kế hoạch xuất khẩu có những nhóm giải pháp chủ yếu nào?"), cs, [0, 30, 20, 10])[:3] == [10, 20, 30]
    h = "III. LĨNH VỰC ƯU TIÊN ĐẦU TƯ"
    cs = plan("vh", [("paragraph", "Phát triển mạng lưới cơ sở văn hóa.", []), ("heading", h, []),
                     ("bullet", "- Thư viện.", [h]), ("bullet", "- Bảo tàng.", [h])])
    assert order(question("Những lĩnh vực ưu tiên đầu tư gồm những gì?"), cs, [0, 30, 10, 20])[:3] == [10, 20, 30]


def test_a_heading_sharing_only_the_plans_subject_moves_nothing():
    iv = "IV. TỔ CHỨC THỰC HIỆN"
    cs = plan("hcm", [("paragraph", "Xây dựng hệ thống cơ sở dữ liệu quy hoạch thống nhất.", [iv]),
                      ("heading", "1. Xây dựng cơ sở dữ liệu quy hoạch", [iv]),
                      ("bullet", "- Số hóa hồ sơ.", [iv, "1. Xây dựng cơ sở dữ liệu quy hoạch"]),
                      ("heading", "2. Vận hành cơ sở dữ liệu quy hoạch", [iv]),
                      ("heading", "3. Khai thác cơ sở dữ liệu quy hoạch", [iv])])
    scored = [0, 20, 10, 30, 40]
    assert order(question("Cơ sở dữ liệu quy hoạch gồm những gì?"), cs, scored) == scored
