"""A long clause is quoted by its sentence holding the question's content words (`Question.key_tokens`), not the one
sharing most of any of its words: the question names its plan (kind, years, province) and the clause's opening
sentence repeats those, while the fact asked sits in a later sentence (`answer._quote`). Wordings modelled on three
dev plans: Cà Mau's three-year budget plan, TP.HCM's planning-data plan, Đồng Nai's procedure simplification."""
from __future__ import annotations

from retrieval.answer import MAX_QUOTE, _quote
from retrieval.query import Question, content_runs, folded, key_words, role_flags

FILLER = ("phù hợp với định hướng tiếp tục cơ cấu lại ngân sách, bảo đảm cân đối nguồn lực, tuân thủ các quy định về "
          "nguyên tắc, tiêu chí, định mức phân bổ và kế hoạch giải ngân của các cơ quan, đơn vị trên địa bàn")


def question(text: str) -> Question:
    f = folded(text)
    tokens, pairs = key_words(content_runs(text, set(), None))
    return Question(text=text, folded=f, qtype="fact", key_tokens=tokens, key_bigrams=pairs, **role_flags(f)._asdict())


def quoted(question_text: str, sentences: list[str]) -> str:
    text = " ".join(sentences)
    assert len(text) > MAX_QUOTE
    return _quote(text, question(question_text))


def test_the_sentence_holding_the_fact_asked_is_quoted_not_the_one_naming_the_plan():
    got = quoted("Kế hoạch tài chính - ngân sách 03 năm 2026-2028 của Cà Mau: dự kiến bố trí chi đầu tư phát triển được "
                 "chi tiết ở mẫu biểu nào?",
                 [f"Trên cơ sở tình hình thực hiện năm 2025, tỉnh Cà Mau xây dựng kế hoạch tài chính - ngân sách 03 năm "
                  f"2026 - 2028 {FILLER}.",
                  f"Phân bổ kế hoạch vốn đảm bảo khả năng cân đối nguồn vốn của tỉnh, {FILLER}.",
                  "Dự kiến bố trí chi đầu tư phát triển giai đoạn 2026 - 2028 chi tiết theo Mẫu biểu số 04 đính kèm."])
    assert "Mẫu biểu số 04" in got


def test_in_other_layouts():
    got = quoted("Theo kế hoạch hệ thống dữ liệu quy hoạch của TP.HCM năm 2026, phương án ứng phó sự cố được diễn tập "
                 "bao lâu một lần?",
                 [f"Năm 2026, Thành phố Hồ Chí Minh ban hành kế hoạch này {FILLER}.",
                  f"Các cơ quan của Thành phố thực hiện theo kế hoạch, {FILLER}, {FILLER}.",
                  "Phương án ứng phó sự cố được diễn tập tối thiểu một lần/năm."])
    assert "tối thiểu một lần/năm" in got
    got = quoted("Quyết định 2816 của Đồng Nai năm 2025: đổi, cấp lại Giấy xác nhận khuyết tật cắt giảm chi phí tuân "
                 "thủ bao nhiêu?",
                 [f"Năm 2025, tỉnh Đồng Nai ban hành quyết định thông qua phương án đơn giản hóa {FILLER}.",
                  f"Thủ tục được thực hiện tại Ủy ban nhân dân cấp xã, {FILLER}.",
                  "Chi phí tuân thủ thủ tục đổi, cấp lại Giấy xác nhận khuyết tật cắt giảm 40%."])
    assert "40%" in got


def test_a_short_clause_is_quoted_whole():
    text = "Dự kiến bố trí chi đầu tư phát triển chi tiết theo Mẫu biểu số 04 đính kèm."
    assert _quote(text, question("Chi đầu tư phát triển chi tiết ở mẫu biểu nào?")) == text
