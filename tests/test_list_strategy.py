"""List questions: a list of lists answers through the part its question names, and a question naming several
provinces hears from each of them. Wordings from the Nghệ An thi đua plan, the Sơn La export plan, the Bộ VHTTDL
network plan and the Hà Nội / Nghệ An 5G plans, rebuilt as small synthetic plans."""
from __future__ import annotations

from corpus.model import Clause, Document, Locality
from corpus.places import key as place_key
from retrieval.query import Question, content_runs, folded, key_words, role_flags
from retrieval.strategies import each_place_first, items_heading_first, strategy_for
from tests.snippets import OrderingRetriever, OrderingStore


def plan(doc: str, rows: list[tuple[str, str, str | None, list[str]]], start: int = 0) -> list[Clause]:
    return [Clause(id=f"{doc}:{i}", doc_id=doc, kind=kind, label=label, section_path=path, text=text,
                   source=f"{doc}.md", lines=(start + 10 * i, start + 10 * i))
            for i, (kind, text, label, path) in enumerate(rows)]


def question(text: str, provinces: tuple[str, ...] = ()) -> Question:
    f = folded(text)
    tokens, pairs = key_words(content_runs(text, set(), None))
    return Question(text=text, folded=f, qtype="fact", key_tokens=tokens, key_bigrams=pairs,
                    provinces_named=tuple(place_key(p) for p in provinces), **role_flags(f)._asdict())


def order(q: Question, clauses: list[Clause], scored_lines: list[int]) -> list[int]:
    r = OrderingRetriever(OrderingStore(clauses, {clauses[0].doc_id: (0, len(clauses))}))
    by_line = {c.lines[0]: p for p, c in enumerate(clauses)}
    scored = [(by_line[n], 0.5 - 0.01 * i, 0.5) for i, n in enumerate(scored_lines)]
    return [clauses[p].lines[0] for p, _, _ in items_heading_first(r, q, scored)]  # type: ignore[arg-type]


def nested_khen_thuong() -> list[Clause]:
    """Nghệ An: "III. TIÊU CHÍ THI ĐUA VÀ HÌNH THỨC KHEN THƯỞNG" > "2. Hình thức và tiêu chuẩn khen thưởng" >
    "a) Hình thức khen thưởng" and its dashes; "1. Tiêu chí thi đua" > "a) Đối với tỉnh Nghệ An" beside it."""
    iii, two, crit = "III. TIÊU CHÍ THI ĐUA VÀ HÌNH THỨC KHEN THƯỞNG", "2. Hình thức và tiêu chuẩn khen thưởng", "1. Tiêu chí thi đua"
    a = "a) Hình thức khen thưởng"
    return plan("na", [("heading", iii, "III", []),                                             # 0
                       ("heading", crit, "1", [iii]),                                           # 10
                       ("heading", "a) Đối với tỉnh Nghệ An", "a", [iii, crit]),               # 20
                       ("bullet", "- Hoàn thành vượt mức các chỉ tiêu kinh tế - xã hội.", "-", [iii, crit, "a) Đối với tỉnh Nghệ An"]),
                       ("heading", two, "2", [iii]),                                            # 40
                       ("heading", a, "a", [iii, two]),                                         # 50
                       ("bullet", "- Huân chương Lao động.", "-", [iii, two, a]),              # 60
                       ("bullet", "- Bằng khen của Thủ tướng Chính phủ.", "-", [iii, two, a]),  # 70
                       ("bullet", "- Giấy khen của Chủ tịch UBND tỉnh.", "-", [iii, two, a]),   # 80
                       ("heading", "b) Tiêu chuẩn khen thưởng", "b", [iii, two]),              # 90
                       ("paragraph", "Thực hiện theo Luật Thi đua, khen thưởng.", None, [iii, two, "b) Tiêu chuẩn khen thưởng"])])


def test_a_list_of_lists_answers_through_the_part_the_question_names():
    got = order(question("Có những hình thức khen thưởng nào?"), nested_khen_thuong(), [20, 30, 0, 50, 90, 40, 60, 70])
    assert got[:3] == [50, 60, 70]  # the part naming the list, then its items found, in plan order


def test_a_list_of_lists_named_in_other_layouts():
    # Sơn La: "III. GIẢI PHÁP" > "1. Nhóm giải pháp về thị trường" (its dashes) beside "2. Nhóm giải pháp về vốn"
    g, m, v = "III. GIẢI PHÁP XUẤT KHẨU", "1. Giải pháp phát triển thị trường xuất khẩu", "2. Giải pháp về vốn tín dụng"
    cs = plan("sl", [("paragraph", "Đẩy mạnh xuất khẩu sản phẩm hàng hóa của tỉnh.", None, []),
                     ("heading", g, "III", []),
                     ("heading", m, "1", [g]),
                     ("bullet", "- Tham gia hội chợ quốc tế.", "-", [g, m]),
                     ("bullet", "- Xây dựng thương hiệu nông sản.", "-", [g, m]),
                     ("heading", v, "2", [g]),
                     ("bullet", "- Ưu tiên vốn vay cho doanh nghiệp.", "-", [g, v])])
    got = order(question("Giải pháp xuất khẩu về phát triển thị trường gồm những gì?"), cs, [0, 10, 50, 30, 40])
    assert got[:3] == [20, 30, 40]
    # Bộ VHTTDL: "III. CÁC NHÓM GIẢI PHÁP" > "2. Nhóm giải pháp về hợp tác quốc tế" over its items
    n, h = "III. CÁC NHÓM GIẢI PHÁP", "2. Nhóm giải pháp về hợp tác quốc tế"
    cs = plan("vh", [("paragraph", "Thực hiện Quy hoạch mạng lưới cơ sở văn hóa và thể thao.", None, []),
                     ("heading", n, "III", []),
                     ("heading", "1. Nhóm giải pháp về cơ chế, chính sách", "1", [n]),
                     ("bullet", "- Rà soát cơ chế ưu đãi.", "-", [n, "1. Nhóm giải pháp về cơ chế, chính sách"]),
                     ("heading", h, "2", [n]),
                     ("bullet", "- Mở rộng hợp tác quốc tế về thể thao.", "-", [n, h]),
                     ("bullet", "- Huy động vốn ODA.", "-", [n, h])])
    got = order(question("Nhóm giải pháp về hợp tác quốc tế gồm những nội dung nào?"), cs, [0, 10, 30, 60, 50])
    assert got[:3] == [40, 50, 60]


def test_a_list_of_lists_whose_parts_the_question_does_not_name_moves_nothing():
    # "hình thức khen thưởng" asked of a plan whose parts are "1. Tiêu chí thi đua", "2. Tổ chức thực hiện": none named
    iii = "III. HÌNH THỨC KHEN THƯỞNG VÀ TỔ CHỨC"
    cs = plan("dl", [("paragraph", "Đợt thi đua chào mừng Đại hội.", None, []),
                     ("heading", iii, "III", []),
                     ("heading", "1. Tiêu chí thi đua", "1", [iii]),
                     ("bullet", "- Hoàn thành chỉ tiêu.", "-", [iii, "1. Tiêu chí thi đua"]),
                     ("heading", "2. Tổ chức thực hiện", "2", [iii]),
                     ("bullet", "- Sở Nội vụ hướng dẫn.", "-", [iii, "2. Tổ chức thực hiện"])])
    scored = [0, 30, 10, 50]
    assert order(question("Có những hình thức khen thưởng nào?"), cs, scored) == scored


def two_provinces() -> OrderingRetriever:
    """Hà Nội's 5G plan writes at length on funding; Nghệ An's says it once, further down."""
    hn = plan("hn", [("heading", "IV. KINH PHÍ THỰC HIỆN", "IV", []),
                     ("paragraph", "Kinh phí được bố trí từ ngân sách nhà nước.", None, ["IV. KINH PHÍ THỰC HIỆN"]),
                     ("paragraph", "Doanh nghiệp viễn thông bố trí kinh phí của doanh nghiệp.", None, ["IV. KINH PHÍ THỰC HIỆN"])])
    na = plan("na", [("paragraph", "Kinh phí từ nguồn xã hội hóa của doanh nghiệp viễn thông.", None, ["III. KINH PHÍ"])], start=100)
    ms = plan("bo", [("paragraph", "Kinh phí thực hiện theo quy định.", None, [])], start=200)
    docs = {"hn": Document(id="hn", source="hn.md", locality=Locality(province="Hà Nội")),
            "na": Document(id="na", source="na.md", locality=Locality(province="Nghệ An")),
            "bo": Document(id="bo", source="bo.md")}
    clauses = hn + na + ms
    return OrderingRetriever(OrderingStore(clauses, {"hn": (0, 3), "na": (3, 4), "bo": (4, 5)}, docs))


def test_each_province_named_answers_with_its_own_best_clause():
    r = two_provinces()
    q = question("Kinh phí ở Hà Nội và ở Nghệ An lấy từ những nguồn nào?", ("Hà Nội", "Nghệ An"))
    scored = [(1, 0.6, 0.8), (2, 0.5, 0.7), (0, 0.4, 0.6), (4, 0.1, 0.6), (3, 0.05, 0.7)]
    got = each_place_first(r, q, scored)  # type: ignore[arg-type]
    assert [p for p, _, _ in got[:2]] == [1, 3]  # Hà Nội's best, then Nghệ An's though it scored far lower
    assert sorted(got) == sorted(scored)


def test_a_province_clause_not_covering_the_question_is_not_put_forward():
    r = two_provinces()
    q = question("Kinh phí ở Hà Nội và ở Nghệ An lấy từ những nguồn nào?", ("Hà Nội", "Nghệ An"))
    scored = [(1, 0.6, 0.8), (2, 0.5, 0.7), (3, 0.05, 0.2)]
    assert each_place_first(r, q, scored) == scored  # type: ignore[arg-type]


def test_one_province_named_keeps_the_rankers_order():
    r = two_provinces()
    q = question("Kinh phí ở Hà Nội lấy từ những nguồn nào?", ("Hà Nội",))
    scored = [(1, 0.6, 0.8), (4, 0.5, 0.7), (3, 0.05, 0.7)]
    assert each_place_first(r, q, scored) == scored  # type: ignore[arg-type]


def test_the_answer_speaks_for_each_province_named():
    from retrieval.answer import compose_answer

    r = two_provinces()
    docs = r.store.documents
    docs["hn"].issuer, docs["na"].issuer = "Ủy ban nhân dân thành phố Hà Nội", "Ủy ban nhân dân tỉnh Nghệ An"
    cs = r.store.clauses
    ranked = [(cs[1], 0.6, 0.8), (cs[3], 0.05, 0.7), (cs[2], 0.5, 0.7)]
    q = question("Kinh phí ở Hà Nội và ở Nghệ An lấy từ những nguồn nào?", ("Hà Nội", "Nghệ An"))
    both = compose_answer(strategy_for(q), q, ranked, docs)
    assert "xã hội hóa" in both and "ngân sách nhà nước" in both  # Nghệ An's clause, though it scored far lower
    q = question("Kinh phí ở Hà Nội lấy từ những nguồn nào?", ("Hà Nội",))
    one = compose_answer(strategy_for(q), q, ranked, docs)
    assert "xã hội hóa" not in one
