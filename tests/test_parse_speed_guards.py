"""The parser's shortcuts (issue #9's 3 s bound) read exactly what the searches they spare would have read.

Each cheap test stands before a costly one: a cue word before a deadline pattern, a tail of the text before an
end-anchored search, str.rstrip / str.split before a substitution. These tests hold each shortcut to the search
it replaces, on wordings of several plans and on every clause of the sample plans.
"""
from __future__ import annotations

import re

import pytest

from corpus import parse_file
from corpus.facts import _CUED_DEADLINES, _MAKES, _MAKING_CUES
from corpus.lines import _DANGLING, DANGLING_TAIL
from corpus.responsibilities import clean
from corpus.targets import _CITED_NAME_BEFORE, _CITED_NAMES, CITED_NAME_MAX
from corpus.text import MARKS_AND_SPACE, fold, words

# Deadline and product wordings as several plans write them, each under a pattern that has cues
WORDINGS = [
    "Thời gian hoàn thành: Quý II/2026.",
    "- Tiến độ thực hiện: trước ngày 30/6/2026;",
    "Hoàn thành: tháng 12/2026.",
    "Trả kết quả chậm nhất 03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.",
    "Trong thời hạn 24 giờ kể từ khi nhận được báo cáo, Sở Y tế phải có ý kiến.",
    "b) Trong vòng 15 ngày làm việc, UBND xã hoàn thiện hồ sơ.",
    "Báo cáo kết quả về Sở Nội vụ trước ngày 15/12 hằng năm.",
    "Nộp báo cáo chậm nhất là ngày 20 tháng cuối quý.",
    "Tổ chức tuyên truyền từ ngày ban hành Kế hoạch đến khi tổng kết Đợt thi đua.",
    "Triển khai từ năm 2026 đến hết năm 2030.",
    "Phấn đấu hoàn thành trong năm 2027 việc số hóa hồ sơ.",
    "Tổng hợp, báo cáo định kỳ 6 tháng, hằng năm.",
    "Kiểm tra, đôn đốc thường xuyên, liên tục.",
    "Các đơn vị gửi báo cáo khi kết thúc năm học.",
    "thời gian thực hiện quý III/2026",
    "Lộ trình giai đoạn 2026 - 2030",
    "Tháng 11 hàng năm, Trung tâm có văn bản báo cáo UBND tỉnh.",
    "Định kỳ kiểm tra việc thực hiện.",
    "Sở Tài chính chủ trì xây dựng Kế hoạch phân bổ kinh phí, trình UBND tỉnh.",
    "Giao Phòng Kinh tế soạn thảo Quy chế phối hợp, gửi Văn phòng trước 30/9.",
    "UBND xã có văn bản báo cáo cấp ủy xã về kết quả thực hiện.",
    "Công an tỉnh gửi Báo cáo tổng kết về Bộ Công an.",
    "Hoàn thiện Cơ sở dữ liệu đất đai của tỉnh.",
]


@pytest.fixture(scope="module")
def clause_texts(plan_files) -> list[str]:
    return [c.text for p in plan_files for c in parse_file(p).clauses]


def _all_texts(extra: list[str]) -> list[str]:
    # every wording also in capitals: a pattern read with re.I must find its cue in the lower-cased text too
    return WORDINGS + [w.upper() for w in WORDINGS] + extra


def test_a_deadline_pattern_never_matches_without_its_cue(clause_texts):
    matched = 0
    for text in _all_texts(clause_texts):
        low = text.lower()
        for rx, cues in _CUED_DEADLINES:
            if cues and rx.search(text):
                matched += 1
                assert any(cue in low for cue in cues), (rx.pattern[:60], text)
    assert matched > len(WORDINGS)  # the wordings do reach the cued patterns


def test_the_made_document_is_never_found_without_a_verb_cue(clause_texts):
    for text in _all_texts(clause_texts):
        if _MAKES.search(text):
            assert any(cue in text.lower() for cue in _MAKING_CUES), text


def test_cues_of_case_insensitive_patterns_hold_no_i_or_s():
    """re.I also matches "ı" to "i" and "ſ" to "s", which str.lower() keeps as they are."""
    cased = [cues for rx, cues in _CUED_DEADLINES if cues and rx.flags & re.I] + [_MAKING_CUES]
    assert len(cased) >= 3
    for cues in cased:
        assert not any(ch in cue for cue in cues for ch in "is"), cues


def test_marks_and_space_are_what_the_substitution_stripped():
    assert set(MARKS_AND_SPACE) == {"*", "_"} | {chr(c) for c in range(0x110000) if re.fullmatch(r"\s", chr(c))}
    for text in ("Mục tiêu cụ thể:**", "các nhiệm vụ sau: _\u00a0", "gồm:\u3000", "**Sở Y tế** ", "a) *", "", "  :\t"):
        assert text.rstrip(MARKS_AND_SPACE) == re.sub(r"[*_\s]+$", "", text)


def test_a_dangling_last_word_is_read_from_the_line_tail():
    for line in ("BỘ NÔNG NGHIỆP VÀ", "Ủy ban nhân dân tỉnh và các", "kinh tế -", "thực hiện các nội dung của",
                 "triển khai đồng bộ,", "Sở Văn hóa, Thể thao và Du lịch", "các hội, đoàn thể", "trong", "Lấy ý kiến"):
        assert bool(_DANGLING.search(line[-DANGLING_TAIL:])) == bool(_DANGLING.search(line)), line


def test_a_cited_name_before_a_figure_is_read_from_the_tail():
    whole = re.compile(rf"(?:{'|'.join(_CITED_NAMES)})\s*$", re.I)
    for before in ("căn cứ Quyết định ", "theo quy định tại Mục  ", "khoản 2 Điều\t", "ban hành kèm theo PHỤ LỤC ",
                   "tỷ lệ hộ nghèo đạt ", "Kế hoạch số ", "Nghị quyết", "tiết"):
        assert bool(_CITED_NAME_BEFORE.search(before.rstrip()[-CITED_NAME_MAX:])) == bool(whole.search(before)), before


def test_words_and_clean_read_as_their_substitutions_did():
    for text in ("  Sở  Y\u00a0tế;\t", "- Phòng Văn hóa – Xã hội:", "UBND\u3000xã An Hưng .", "", " , "):
        assert words(text) == re.findall(r"[a-z0-9]+", fold(text))
        assert clean(text) == re.sub(r"\s+", " ", text).strip(" .;,:-–")
