"""A plan named by its title words is read whole when the question has marks (`Evidence.plan_name_words`).

The name ends at a `PLAN_NAME_STOP_MARKED` word read with its marks: folded, "có" would end "cơ sở dữ liệu", "tại"
"tài nguyên", "bao" "bảo vệ", "hằng" "hàng hóa". A question typed without marks falls back to the folded
`PLAN_NAME_STOP`. Words opening what is asked of the plan ("gồm", "đặt") end the name. Wordings modelled on a
planning-database plan, a personal-data-protection plan, a marine-resources plan, an export plan and an emulation
plan; the store is a small in-memory one read by the real `Evidence`.
"""
from __future__ import annotations

from corpus.model import Document, Locality
from corpus.text import PLAN_NAME_STOP, PLAN_NAME_STOP_MARKED, fold
from retrieval.evidence import Evidence
from retrieval.query import analyse
from retrieval.strategies import strategy_for
from tests.snippets import EvidenceStore, plan_clause

PLANS = {
    "db": Document("db", "db.md", title="Kế hoạch Triển khai hệ thống thông tin và cơ sở dữ liệu quốc gia về quy hoạch",
                   kind="Kế hoạch", locality=Locality(province="Hồ Chí Minh")),
    "pd": Document("pd", "pd.md", title="Kế hoạch Triển khai thi hành Luật Bảo vệ dữ liệu cá nhân", kind="Kế hoạch"),
    "mr": Document("mr", "mr.md", title="Kế hoạch Khai thác bền vững tài nguyên, bảo vệ môi trường biển và hải đảo",
                   kind="Kế hoạch", locality=Locality(province="Đồng Tháp")),
    "ex": Document("ex", "ex.md", title="Kế hoạch Xuất khẩu sản phẩm hàng hóa giai đoạn 2026 - 2030", kind="Kế hoạch",
                   locality=Locality(province="Sơn La")),
    "td": Document("td", "td.md", title="Kế hoạch Phát động đợt thi đua chào mừng Đại hội XIV của Đảng",
                   kind="Kế hoạch", locality=Locality(province="Đắk Lắk")),
}
CLAUSES = [plan_clause(d, 10, "1. Mục đích", ["I. MỤC ĐÍCH, YÊU CẦU"]) for d in PLANS]


def _name(question: str) -> str:
    ev = Evidence(EvidenceStore(CLAUSES, PLANS), strategy_for)  # type: ignore[arg-type]
    return " ".join(ev.plan_name_words(analyse(question, PLANS, [], words=ev.words)))


def test_marked_stop_words_do_not_cut_syllables_that_fold_alike():
    assert _name("Sở Y tế được giao gì trong kế hoạch cơ sở dữ liệu quốc gia về quy hoạch?") == "co so du lieu quoc gia"
    assert _name("Bộ Quốc phòng làm gì trong kế hoạch thi hành Luật Bảo vệ dữ liệu cá nhân?") == \
        "luat bao ve du lieu ca nhan"
    assert _name("Công an làm gì trong kế hoạch khai thác bền vững tài nguyên, bảo vệ môi trường biển?") == \
        "khai thac ben vung tai nguyen"
    assert _name("Sở Tài chính làm gì trong kế hoạch xuất khẩu sản phẩm hàng hóa?") == "xuat khau san pham hang hoa"


def test_marked_stop_words_still_end_the_name():
    assert _name("Kế hoạch xuất khẩu có hỗ trợ xuất khẩu lao động không?") == "xuat khau"
    assert _name("Trong kế hoạch kinh tế số tại Đồng Nai ai chủ trì?") == "kinh te so"
    assert _name("Báo cáo kế hoạch đổi mới công nghệ hằng năm gửi ai?") == "doi moi cong nghe"


def test_words_opening_what_is_asked_end_the_name():
    assert _name("Nội dung thi đua trong kế hoạch 0124/KH-UBND Đắk Lắk gồm những gì?") == ""
    assert _name("Kế hoạch 1088/KH-UBND thi hành Luật Việc làm đặt thời hạn tập huấn khi nào?") == "luat viec lam"
    assert _name("Kế hoạch phát triển 5G khu công nghiệp đặt mục tiêu bao nhiêu trạm?") == "phat trien 5g khu cong nghiep"
    assert _name("Chương trình phát triển tài nguyên nước gồm mấy nhóm giải pháp?") == "phat trien tai nguyen nuoc"


def test_unmarked_questions_fall_back_to_folded_stop_words():
    assert _name("so y te lam gi trong ke hoach co so du lieu quy hoach") == ""  # "co" may be "có": it ends
    assert _name("so tai chinh lam gi trong ke hoach xuat khau san pham hang hoa") == "xuat khau san pham"
    assert _name("ke hoach quy hoach su dung dat cap xa gom nhung gi") == "quy hoach su dung dat cap xa"


def test_marked_stop_words_fold_into_the_folded_ones_but_dat():
    """`đặt` ends a name only with its marks: folded it is also "đất" (land), "đạt" (reached)."""
    assert {fold(w) for w in PLAN_NAME_STOP_MARKED} - PLAN_NAME_STOP == {"dat"}


# Titles sharing only folded syllables with a name a question gives: "sửa đổi … môi trường … công bố" holds "đổi",
# "môi", "công" of "đổi mới công nghệ"; "chuyên ngành công thương" holds "chuyên", "thông" of "chuyển đổi số … giao
# thông"; "trong các khu công nghiệp" holds "trong" of "trọng điểm". Modelled on a ministry's procedures decision, a
# ministry's inspection circular and a province's 5G plan, beside plans the questions do name.
OTHERS = {
    "qd": Document("qd", "qd.md", kind="Quyết định", title="Quyết định Về việc công bố thủ tục hành chính nội bộ được "
                   "sửa đổi, bổ sung lĩnh vực bảo vệ môi trường"),
    "tt": Document("tt", "tt.md", kind="Thông tư",
                   title="Thông tư Quy định về quy trình kiểm tra chuyên ngành công thương"),
    "g5": Document("g5", "g5.md", kind="Kế hoạch", title="Kế hoạch Phát triển hạ tầng 5G trong các khu công nghiệp"),
    "cd": Document("cd", "cd.md", kind="Kế hoạch",
                   title="Kế hoạch Chuyển đổi số trong hoạt động quản lý kết cấu hạ tầng giao thông"),
    "dm": Document("dm", "dm.md", kind="Kế hoạch", title="Kế hoạch Thực hiện lộ trình đổi mới công nghệ đến năm 2035"),
}


def _named(question: str, plans: tuple[str, ...]):
    docs = {d: OTHERS[d] for d in plans}
    store = EvidenceStore([plan_clause(d, 10, "1. Mục đích", ["I. MỤC ĐÍCH, YÊU CẦU"]) for d in docs], docs)
    ev = Evidence(store, strategy_for)  # type: ignore[arg-type]
    q = analyse(question, docs, [], words=ev.words)
    return ev, q, ev.named_plans(q)


def test_a_marked_question_matches_a_plans_title_with_the_marks():
    for question, other in (("Có kế hoạch đổi mới công nghệ cho ngành kinh tế mũi nhọn không?", "qd"),
                            ("Có kế hoạch chuyển đổi số hạ tầng giao thông không, hạn chót khi nào?", "tt"),
                            ("Kế hoạch các đề án trọng điểm giao sở nào chủ trì?", "g5")):
        ev, q, _ = _named(question, (other,))
        name, marked = ev.plan_name_words(q), ev.plan_name_marked(q)
        assert marked is not None and [fold(w) for w in marked] == list(name), question
        assert ev.marked_title_share(name, marked, other) < ev.title_share(name, other), question
    # a title that writes the name with its marks matches it as much as folded ("không" ends no name: no title has it)
    ev, q, named = _named("Có kế hoạch chuyển đổi số hạ tầng giao thông không?", ("tt", "cd"))
    assert named == frozenset({"cd"})
    name = ev.plan_name_words(q)
    assert ev.marked_title_share(name, ev.plan_name_marked(q), "cd") == ev.title_share(name, "cd") > 0.8


def test_a_title_sharing_folded_syllables_names_no_plan_of_a_marked_question():
    assert _named("Có kế hoạch đổi mới công nghệ cho ngành kinh tế mũi nhọn không?", ("qd",))[2] is None
    assert _named("Có kế hoạch đổi mới công nghệ cho ngành kinh tế mũi nhọn không?", ("qd", "dm"))[2] == {"dm"}


def test_a_question_typed_without_marks_is_matched_folded():
    ev, q, _ = _named("co ke hoach doi moi cong nghe cho nganh kinh te mui nhon khong", ("qd",))
    assert ev.plan_name_marked(q) is None
    name = ev.plan_name_words(q)
    assert ev.marked_title_share(name, None, "qd") == ev.title_share(name, "qd") > 0.5


def test_a_question_without_marks_names_no_plan_whose_title_writes_less_than_half_the_name():
    # typed without marks the name is read folded ("cac du an", cut at "trong", which may be "trong" or "trọng"); a
    # title writing only "các" of it, less than half, names no plan (NAMED_PLAN_MIN_SHARE)
    assert _named("ke hoach cac du an trong diem giao so nao chu tri", ("g5",))[2] is None
    assert _named("co ke hoach phat trien ha tang 5g khu cong nghiep khong", ("g5",))[2] == {"g5"}
