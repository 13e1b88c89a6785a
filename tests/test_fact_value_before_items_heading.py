"""A fact question that reads as asking a list's items ("các … nào") but asks a kind of value (a source of money): when
the best-scored clause states that value, no heading is put before it (`strategies.value_or_items_heading_first`);
when it states none, the heading naming the list comes first as for any items question (`items_heading_first`).
Wordings modelled on three dev plans: Nghệ An's 5G plan, Sơn La's export plan, the ministry's sports network plan."""
from __future__ import annotations

from corpus.model import Clause
from retrieval.query import Question, answer_slot, asks_source, content_runs, folded, key_words, role_flags
from retrieval.strategies import value_or_items_heading_first
from tests.snippets import OrderingRetriever, OrderingStore, row_clauses as plan


def question(text: str) -> Question:
    f = folded(text)
    tokens, pairs = key_words(content_runs(text, set(), None))
    source = asks_source(f)
    return Question(text=text, folded=f, qtype="fact", key_tokens=tokens, key_bigrams=pairs, asks_source=source,
                    answer_slot=answer_slot(f, source), **role_flags(f)._asdict())


def order(q: Question, clauses: list[Clause], scored_lines: list[int]) -> list[int]:
    r = OrderingRetriever(OrderingStore(clauses, {clauses[0].doc_id: (0, len(clauses))}))
    by_line = {c.lines[0]: p for p, c in enumerate(clauses)}
    scored = [(by_line[n], 0.9 - 0.1 * i, 0.7) for i, n in enumerate(scored_lines)]
    return [clauses[p].lines[0] for p, _, _ in value_or_items_heading_first(r, q, scored)]  # type: ignore[arg-type]


def _zone_plan() -> list[Clause]:
    h, z = "III. KINH PHÍ THỰC HIỆN", "5. Các chủ đầu tư xây dựng và kinh doanh hạ tầng Khu công nghiệp"
    return plan("na", [("heading", h, []),
                       ("paragraph", "Nguồn kinh phí thực hiện từ các doanh nghiệp viễn thông và huy động nguồn lực xã hội hóa.", [h]),
                       ("heading", z, []),
                       ("bullet", "- Tạo điều kiện về mặt bằng cho việc lắp đặt thiết bị 5G và IoT trong khu công nghiệp.", [z]),
                       ("bullet", "- Đầu tư hạ tầng bảo đảm triển khai ứng dụng 5G, IoT trong khu công nghiệp.", [z])])


def test_a_source_stated_first_keeps_its_place_before_a_heading_sharing_more_words():
    # Nghệ An: "các khu công nghiệp … lấy từ nguồn nào" reads as items, the source sentence scored first answers
    q = question("Kinh phí phát triển 5G, IoT tại các khu công nghiệp Nghệ An lấy từ nguồn nào?")
    assert q.asks_items and q.asks_source
    assert order(q, _zone_plan(), [10, 0, 20, 30, 40])[0] == 10
    assert order_items_only(q, _zone_plan(), [10, 0, 20, 30, 40])[0] == 20  # the heading would have come first


def test_a_source_stated_first_in_other_layouts():
    # Sơn La: "Tiền … cho các sản phẩm xuất khẩu … lấy từ những nguồn nào"; the ministry: "vốn … các dự án … nguồn nào"
    h, s = "IV. KINH PHÍ", "3. Các giải pháp hỗ trợ doanh nghiệp xuất khẩu sản phẩm chủ lực"
    cs = plan("sl", [("heading", h, []),
                     ("paragraph", "Kinh phí thực hiện từ nguồn ngân sách nhà nước theo phân cấp và nguồn xã hội hóa.", [h]),
                     ("heading", s, []),
                     ("bullet", "- Hỗ trợ doanh nghiệp xuất khẩu sản phẩm chủ lực tham gia hội chợ.", [s])])
    q = question("Tiền hỗ trợ các doanh nghiệp xuất khẩu sản phẩm chủ lực lấy từ những nguồn nào?")
    assert q.asks_items and q.asks_source
    assert order(q, cs, [10, 20, 30, 0])[0] == 10
    b = "b) Các dự án đầu tư cơ sở văn hóa và thể thao sử dụng nguồn vốn ngoài đầu tư công"
    cs = plan("vh", [("paragraph", "Các dự án được huy động từ nguồn vốn xã hội hóa, vốn ODA và các nguồn vốn hợp pháp khác.", []),
                     ("heading", b, []),
                     ("bullet", "- Ưu tiên các doanh nghiệp đầu tư cơ sở văn hóa và thể thao được vay vốn tín dụng dài hạn.", [b])])
    q = question("Vốn cho các dự án văn hóa, thể thao ngoài đầu tư công huy động từ nguồn nào?")
    assert q.asks_items and q.asks_source
    assert order(q, cs, [0, 20, 10])[0] == 0


def test_without_the_value_stated_first_the_heading_naming_the_list_still_comes_first():
    # the best clause states no source (a task of the zone heading): the items ordering applies as before
    q = question("Kinh phí phát triển 5G, IoT tại các khu công nghiệp Nghệ An lấy từ nguồn nào?")
    cs = _zone_plan()
    assert order(q, cs, [30, 20, 40, 10, 0]) == order_items_only(q, cs, [30, 20, 40, 10, 0])


def test_an_items_question_asking_no_value_orders_as_before():
    q = question("Các chủ đầu tư hạ tầng khu công nghiệp phải làm những việc gì?")
    assert q.asks_items and not q.asks_source
    cs = _zone_plan()
    assert order(q, cs, [10, 30, 20, 40, 0]) == order_items_only(q, cs, [10, 30, 20, 40, 0])


def order_items_only(q: Question, clauses: list[Clause], scored_lines: list[int]) -> list[int]:
    from retrieval.strategies import items_heading_first

    r = OrderingRetriever(OrderingStore(clauses, {clauses[0].doc_id: (0, len(clauses))}))
    by_line = {c.lines[0]: p for p, c in enumerate(clauses)}
    scored = [(by_line[n], 0.9 - 0.1 * i, 0.7) for i, n in enumerate(scored_lines)]
    return [clauses[p].lines[0] for p, _, _ in items_heading_first(r, q, scored)]  # type: ignore[arg-type]
