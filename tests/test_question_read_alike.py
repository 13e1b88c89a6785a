"""A question reads the same evidence however it is typed: without marks as with them (`content_runs_as_marked`), a
Latin code as a name whole on its own (`Question.compound_pairs`), a dossier's frame ("gồm những giấy tờ gì") as no
content. Wordings modelled on dev plans of different documents: a province's digital-transformation plan (a target
for factories using MES, a free-trade zone piloted), a ministry's plant-quarantine procedures, a demining decree's
dossiers, a province's 5G plan and an emulation plan for the Party Congress."""
from retrieval.accents import AccentRestorer
from retrieval.query import content_runs_as_marked, content_segments, key_words, latin_codes
from retrieval.query import Question

PLAN_TEXTS = [
    "Tỷ lệ nhà máy sử dụng nền tảng số phục vụ sản xuất (MES) đạt tối thiểu 50%.",
    "Xây dựng, triển khai thí điểm khu thương mại tự do tại Long Thành.",
    "Chủ tịch Ủy ban nhân dân cấp tỉnh quyết định công bố dịch hại; thời hạn thi hành trong 05 ngày.",
    "Hồ sơ thẩm định bao gồm: Tờ trình phê duyệt phương án kỹ thuật thi công, dự toán rà phá bom mìn.",
    "Phát triển mạng 5G phủ sóng các khu công nghiệp; phát động thi đua chào mừng Đại hội XIV của Đảng.",
]


def runs(question: str, restore=None) -> tuple[tuple[str, ...], ...]:
    from retrieval.query import has_marks

    return content_runs_as_marked(question, set(), None, has_marks(question), restore)


def test_a_question_typed_without_marks_splits_its_words_as_typed_with_them():
    restore = AccentRestorer.from_texts(PLAN_TEXTS).restore
    # folded, "máy" is "mấy", "thí" is "thì", "thi hành" opens with "thì": each a question word when read folded
    for marked, bare in [("tỷ lệ nhà máy sử dụng MES đạt bao nhiêu?", "ty le nha may su dung MES dat bao nhieu?"),
                         ("thí điểm khu thương mại tự do ở đâu?", "thi diem khu thuong mai tu do o dau?"),
                         ("thời hạn thi hành quyết định công bố dịch hại là bao lâu?",
                          "thoi han thi hanh quyet dinh cong bo dich hai la bao lau?")]:
        assert runs(bare, restore) == runs(marked)
        assert runs(bare) != runs(marked)  # read by the folded question words alone it loses a word


def test_restoring_marks_only_joins_runs_never_drops_a_content_word():
    restore = AccentRestorer.from_texts(PLAN_TEXTS).restore
    for bare in ("ai quyet dinh cong bo dich hai cap tinh?", "mang 5G phu song khu cong nghiep nao?"):
        before = {w for r in runs(bare) for w in r}
        assert before <= {w for r in runs(bare, restore) for w in r}


def test_a_latin_code_is_read_whole_and_makes_no_word_pair_with_its_neighbour():
    for text, code, pair in [("tỷ lệ nhà máy dùng MES ở Đồng Nai", "mes", "dung mes"),
                             ("Đồng Nai thí điểm FTZ ở đâu?", "ftz", "diem ftz"),
                             ("phủ sóng 5G tại khu công nghiệp nào?", "5g", "song 5g")]:
        codes = latin_codes(text)
        assert code in codes
        _, pairs = key_words(tuple(tuple(r) for r in content_segments(text)))
        assert pair in pairs
        q = Question(text=text, folded="", qtype="fact", key_bigrams=pairs, codes=codes)
        assert pair not in q.compound_pairs
        assert set(q.compound_pairs) == {b for b in pairs if code not in b.split()}


def test_roman_numerals_place_names_and_document_numbers_are_no_codes():
    assert latin_codes("chào mừng Đại hội XIV của Đảng") == frozenset()
    assert latin_codes("Kế hoạch 552/KH-UBND ở TP.HCM, quý IV/2026") == frozenset()
    assert latin_codes("HỒ SƠ GỒM NHỮNG GÌ") == frozenset()  # typed in capitals throughout
    assert latin_codes("ứng dụng IoT và AI") == {"iot", "ai"}


def test_a_dossier_question_frame_is_no_content():
    for text, kept in [("Hồ sơ thẩm định phương án kỹ thuật thi công gồm những giấy tờ gì?", "thi cong"),
                       ("Hồ sơ đề nghị công bố dịch hại gồm giấy tờ nào?", "dich hai"),
                       ("Thủ tục đăng ký thi đua cần những loại giấy tờ?", "thi dua")]:
        words = " ".join(" ".join(r) for r in content_segments(text))
        assert "giay" not in words.split() and "to" not in words.split()
        assert kept in words
