"""A question's Latin code is read whole (`latin_codes`, `without_code_pairs`, `Evidence.pair_share`) and a dossier's
frame ("gồm những giấy tờ gì") is no content. Wordings modelled on dev plans of different documents: a province's
digital-transformation plan (factories using MES, a free-trade zone piloted), a province's 5G plan for industrial
zones, a ministry's plant-quarantine procedures, a demining decree's dossiers and an emulation plan for the Party
Congress."""
from retrieval.query import content_segments, key_words, latin_codes, without_code_pairs


def pairs_of(text: str) -> tuple[str, ...]:
    return key_words(tuple(tuple(r) for r in content_segments(text)))[1]


def test_a_latin_code_the_plan_writes_makes_no_word_pair_with_its_neighbour():
    for text, code, pair, kept in [("tỷ lệ nhà máy dùng MES ở Đồng Nai", "mes", "dung mes", "nha may"),
                                   ("Đồng Nai thí điểm FTZ ở đâu?", "ftz", "diem ftz", "thi diem"),
                                   ("ty le nha may dung MES o Dong Nai", "mes", "dung mes", None),
                                   ("phủ sóng 5G tại khu công nghiệp nào?", "5g", "song 5g", "phu song")]:
        codes = latin_codes(text)
        assert code in codes
        pairs = pairs_of(text)
        assert pair in pairs
        left = without_code_pairs(pairs, codes)
        assert pair not in left
        assert kept is None or kept in left


def test_a_code_not_passed_on_keeps_its_pairs():
    pairs = pairs_of("Hà Nội phải lắp bao nhiêu trạm 6G trong KCN?")
    assert "tram 6g" in pairs
    # the evidence passes only the codes a clause writes: a plan writing "5G" passes none of "6G"
    assert without_code_pairs(pairs, ()) == pairs


def test_roman_numerals_place_names_and_document_numbers_are_no_codes():
    assert latin_codes("chào mừng Đại hội XIV của Đảng") == frozenset()
    assert latin_codes("ở TP.HCM, quý IV/2026") == frozenset()
    assert latin_codes("HỒ SƠ GỒM NHỮNG GÌ") == frozenset()  # typed in capitals throughout
    assert latin_codes("ứng dụng IoT và AI") == {"iot", "ai"}


def test_a_dossier_question_frame_is_no_content():
    for text, kept in [("Hồ sơ thẩm định phương án kỹ thuật thi công gồm những giấy tờ gì?", "thi cong"),
                       ("Hồ sơ đề nghị công bố dịch hại gồm giấy tờ nào?", "dich hai"),
                       ("Thủ tục đăng ký thi đua cần những loại giấy tờ?", "thi dua")]:
        words = " ".join(" ".join(r) for r in content_segments(text)).split()
        assert "giay" not in words and "to" not in words
        assert kept in " ".join(words)


# three plans' clauses, modelled on a province's digital-transformation plan, a 5G plan for industrial zones and a
# city's plan for smart factories
from retrieval.evidence import Evidence  # noqa: E402
from retrieval.strategies import strategy_for  # noqa: E402
from tests.snippets import EvidenceStore, plan_clause, plans_of, read_evidence  # noqa: E402

PLANS = plans_of(("p1", "Kế hoạch chuyển đổi số tỉnh", "Đồng Nai"), ("p2", "Kế hoạch phát triển hạ tầng 5G", "Nghệ An"),
                 ("p3", "Kế hoạch nhà máy thông minh", "Hà Nội"))
CLAUSES = [
    plan_clause("p1", 10, "Tỷ lệ nhà máy sử dụng nền tảng số phục vụ sản xuất (MES) đạt tối thiểu 50%.", ["II. Mục tiêu"]),
    plan_clause("p1", 20, "Triển khai thử nghiệm khu thương mại tự do (Free Trade Zone / FTZ) tại Long Thành.",
                ["III. Nhiệm vụ"]),
    plan_clause("p2", 30, "Phủ sóng mạng 5G tại 100% khu công nghiệp trên địa bàn tỉnh.", ["II. Mục tiêu"]),
    plan_clause("p3", 40, "Thí điểm ứng dụng 5G, IoT cho ít nhất 10 dự án nhà máy thông minh.", ["II. Mục tiêu"]),
]


def _share(question: str, line: tuple[str, int]) -> float:
    ev = Evidence(EvidenceStore(CLAUSES, PLANS), strategy_for)  # type: ignore[arg-type]
    return read_evidence(ev, "best_pair_share", question, [line], PLANS)


def test_a_code_the_clause_writes_is_found_whatever_word_the_question_writes_beside_it():
    # without the code's pair the question's Vietnamese pairs alone are looked for
    assert _share("ty le nha may dung MES dat bao nhieu?", ("p1", 10)) == 1.0
    assert _share("khu thương mại FTZ ở đâu?", ("p1", 20)) == 1.0  # "FTZ" found; "mại FTZ" not looked for
    assert _share("phủ sóng 5G khu công nghiệp đạt bao nhiêu?", ("p2", 30)) > 0.5


def test_a_code_the_clause_does_not_write_leaves_its_pair_missing():
    assert _share("phủ sóng 6G khu công nghiệp đạt bao nhiêu?", ("p2", 30)) < _share(
        "phủ sóng 5G khu công nghiệp đạt bao nhiêu?", ("p2", 30))


def test_codes_the_clause_writes_side_by_side_as_the_question_does_still_count():
    # "5G, IoT" is written as the question pairs them: that pair is found, not dropped
    assert _share("thi điểm 5G IoT nhà máy thông minh ít nhất bao nhiêu dự án?", ("p3", 40)) > 0.5
