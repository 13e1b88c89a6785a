"""A question typed without marks keeps its question words out of its content words (issue #10).

"TPHCM pho bien Luat Viec lam bang nhung hinh thuc nao?" is read with the place spelled out for the lookup, and a
code the plans spell out ("TPHCM" → "Thành phố Hồ Chí Minh") is written in full before the question is analysed:
both bring marks into a question typed without any. Question words are matched with their marks only when the
user typed marks (`query.has_marks`, passed as ``marked``); otherwise "nao", "nhung", "phai" were taken for content
words, and being rare in the plans they became the question's "rarest" words, which no clause holds — a false
refusal for a question the plan answers. Wordings about several plans (an employment-law plan, a data-protection
law plan, an emulation plan, a 5G plan, a planning-database plan).
"""
from __future__ import annotations

from retrieval.query import analyse, content_segments, has_marks

QUESTION_WORDS = {"nao", "nhung", "phai", "nhieu", "gi", "khi", "ai", "tu", "den", "may", "cho"}

# (the question as the user typed it, the same question after its code or place was spelled out with marks)
ASKED = [
    ("TPHCM pho bien Luat Viec lam bang nhung hinh thuc nao?",
     "Thành phố Hồ Chí Minh pho bien Luat Viec lam bang nhung hinh thuc nao?"),
    ("Bo Cong an phai hoan thanh Cong thong tin BVDLCN truoc khi nao?",
     "Bo Cong an phai hoan thanh Cong thong tin bảo vệ dữ liệu cá nhân truoc khi nao?"),
    ("Nghe An thi dua chao mung dai hoi XIV thuc hien den khi nao",
     "Nghệ An thi dua chao mung dai hoi XIV thuc hien den khi nao"),
    ("ha noi thi diem nha may thong minh dung 5G IoT cho it nhat may du an?",
     "Hà Nội thi diem nha may thong minh dung 5G IoT cho it nhat may du an?"),
    ("lo trinh CSDL quy hoach TPHCM: dao tao nhan luc keo dai giai doan nao",
     "lo trinh cơ sở dữ liệu quy hoach Thành phố Hồ Chí Minh: dao tao nhan luc keo dai giai doan nao"),
]


def _content(runs) -> set[str]:
    return {w for run in runs for w in run}


def test_an_unmarked_question_spelled_out_with_marks_keeps_its_question_words_out():
    for typed, spelled in ASKED:
        assert not has_marks(typed) and has_marks(spelled)
        q = analyse(spelled, {}, [], marked=has_marks(typed))
        assert not _content(q.content_runs) & QUESTION_WORDS, (typed, q.content_runs)
        # read as typed, the same words are question words: the spelled-out text alone would keep them
        assert _content(analyse(spelled, {}, []).content_runs) & QUESTION_WORDS, spelled


def test_the_content_words_of_the_spelled_out_question_are_the_topic():
    q = analyse(ASKED[0][1], {}, [], marked=False)
    assert {"pho", "bien", "luat", "hinh", "thuc"} <= _content(q.content_runs)
    q = analyse(ASKED[1][1], {}, [], marked=False)
    assert {"bao", "du", "lieu", "ca", "nhan", "cong", "thong", "tin"} <= _content(q.content_runs)


def test_a_question_typed_with_marks_is_read_with_them():
    # "xã hội" is a topic, "xã" the commune: with marks the two are told apart
    segs = content_segments("Tỷ lệ lao động qua đào tạo của xã Lạc Phượng?")
    assert ["lao", "dong", "qua", "dao", "tao"] in segs
    q = analyse("Chính sách an sinh xã hội của tỉnh gồm những gì?", {}, [])
    assert "xa" in _content(q.content_runs) and "hoi" in _content(q.content_runs)
    # … and read from the text itself when no one says how it was typed
    assert analyse(ASKED[0][1], {}, []).content_runs != analyse(ASKED[0][1], {}, [], marked=False).content_runs


def test_unmarked_text_has_no_marks_but_d_stroke_alone_is_no_mark():
    assert not has_marks("dong thap den 2030 dat bao nhieu")
    assert not has_marks("Đong Thap")  # "Đ" is a letter, not a tone or vowel mark
    assert has_marks("Đồng Tháp")
