"""Marks put back on a question typed without them, from the plans' own words (retrieval.accents)."""
from retrieval.accents import AccentRestorer, typed_without_marks

# wordings from plans of different layouts: a unit section, a labelled line, a table row, a target
PLAN_TEXTS = [
    "3. Sở Khoa học và Công nghệ chủ trì, phối hợp với các sở, ngành kiểm tra việc thi hành Luật.",
    "- Cơ quan chủ trì: Sở Nội vụ; thời gian thực hiện: Quý IV/2026.",
    "Tỷ lệ hộ gia đình được sử dụng nước sạch đạt 95% — Đơn vị tính: %; Năm 2030: 98",
    "Ủy ban nhân dân tỉnh Lai Châu ban hành Kế hoạch triển khai thi hành Luật Tiêu chuẩn.",
    "Đồng Tháp phấn đấu đến năm 2030 có 100% thủ tục hành chính được cung cấp trực tuyến.",
    "Báo cáo kết quả thực hiện về Sở Tài chính trước ngày 15/12 hằng năm.",
]


def test_a_question_typed_without_marks_reads_as_the_plans_write_it():
    r = AccentRestorer.from_texts(PLAN_TEXTS)
    assert r.restore("ai chu tri kiem tra thi hanh luat o lai chau") == "ai chủ trì kiểm tra thi hành luật ở lai châu"
    assert r.restore("ty le ho gia dinh su dung nuoc sach nam 2030") == "tỷ lệ hộ gia đình sử dụng nước sạch năm 2030"


def test_question_words_the_plans_never_write_are_restored_too():
    r = AccentRestorer.from_texts(PLAN_TEXTS)
    assert r.restore("dong thap phan dau bao nhieu thu tuc") == "đồng tháp phấn đấu bao nhiêu thủ tục"
    assert r.restore("bao cao ve dau truoc ngay nao") == "báo cáo về đâu trước ngày nào"


def test_codes_numbers_and_unknown_words_are_kept_as_typed():
    r = AccentRestorer.from_texts(PLAN_TEXTS)
    out = r.restore("Ty le IoT o KCN xyzzy nam 2030, Quy IV/2026")
    assert out == "Tỷ lệ IoT ở KCN xyzzy năm 2030, Quý IV/2026"


def test_only_a_question_without_marks_counts_as_typed_without_them():
    assert typed_without_marks("ai chu tri kiem tra thi hanh luat")
    assert not typed_without_marks("Ai chủ trì kiểm tra thi hành luật?")
    assert not typed_without_marks("2030")
