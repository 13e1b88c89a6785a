"""A question's everyday words find the plans' administrative words (`corpus.text.EVERYDAY_WORDS`): "tiền … lấy từ
đâu" the KINH PHÍ THỰC HIỆN section, "hạn chót" a task's thời hạn, "ai lo" the chủ trì line, "bà con" người dân,
"trường học" the cơ sở giáo dục. The plans' words are added to what BM25 searches, down-weighted, never to what the
question is judged covered by. The clauses below are written as three kinds of plan write them: a commune's
administrative-reform plan, a province's digital-transformation plan and a ministry's education programme."""
from __future__ import annotations

import bm25s
import numpy as np

from corpus.text import EVERYDAY_WORDS, everyday_plan_words, fold
from index.text import bm25_tokens
from retrieval import search
from retrieval.query import Question

# one line each of three plans' sections the everyday words stand for
COMMUNE_PLAN = [
    "IV. KINH PHÍ THỰC HIỆN. Kinh phí thực hiện Kế hoạch được bố trí trong dự toán ngân sách xã hằng năm.",
    "V. TỔ CHỨC THỰC HIỆN. Giao Văn phòng HĐND và UBND xã chủ trì, theo dõi, đôn đốc việc thực hiện Kế hoạch.",
    "Tuyên truyền nâng cao nhận thức của người dân về cải cách hành chính.",
]
PROVINCE_PLAN = [
    "Nguồn vốn: ngân sách tỉnh và nguồn vốn xã hội hóa; Sở Tài chính tham mưu bố trí.",
    "Thời hạn hoàn thành: trước ngày 30/6/2026.",
    "Tiến độ triển khai dịch vụ công trực tuyến được báo cáo định kỳ hằng quý.",
]
EDUCATION_PROGRAMME = [
    "Các cơ sở giáo dục tổ chức cho học sinh tham gia hoạt động trải nghiệm.",
    "Bồi dưỡng nâng cao năng lực cho đội ngũ nhà giáo và cán bộ quản lý.",
    "Thời gian hoàn thành: năm học 2025-2026.",
]
CLAUSES = COMMUNE_PLAN + PROVINCE_PLAN + EDUCATION_PROGRAMME


def test_everyday_words_give_the_plans_administrative_words():
    money = everyday_plan_words("Tiền làm kế hoạch này lấy từ đâu?")
    assert {"kinh phí", "nguồn vốn", "ngân sách"} <= set(money)
    assert {"thời hạn", "thời gian hoàn thành"} <= set(everyday_plan_words("Hạn chót nộp báo cáo là bao giờ?"))
    assert "chủ trì" in everyday_plan_words("Ai lo việc tuyên truyền cải cách hành chính?")
    assert "người dân" in everyday_plan_words("Bà con được hỗ trợ những gì?")
    assert "cơ sở giáo dục" in everyday_plan_words("Trường học phải tổ chức hoạt động gì cho học trò?")
    assert "nhà giáo" in everyday_plan_words("Cô giáo được bồi dưỡng gì?")


def test_typed_without_marks_phrases_match_folded_and_single_syllables_do_not():
    assert "kinh phí" in everyday_plan_words("ai bo tien lam viec nay", marked=False)
    assert "thời hạn" in everyday_plan_words("han chot nop bao cao", marked=False)
    assert "chủ trì" in everyday_plan_words("ai lo viec chuyen doi so", marked=False)
    # "tien" alone is also "tiến" (tiến độ), "hop" "hợp" (phối hợp): folded, a single syllable stands for too much
    assert everyday_plan_words("tien do trien khai the nao", marked=False) == ()
    assert "hội nghị" not in everyday_plan_words("don vi nao phoi hop", marked=False)


def test_a_syllable_inside_the_plans_own_compounds_adds_nothing():
    # "trường" of môi trường / thị trường, "dịch" of dịch vụ, "kiện" of điều kiện, "dân" of nhân dân
    for q in ("Bảo vệ môi trường ở xã thế nào?", "Phát triển thị trường tiêu thụ nông sản",
              "Dịch vụ công trực tuyến toàn trình", "Điều kiện được hỗ trợ", "Ủy ban nhân dân xã chỉ đạo gì?"):
        assert everyday_plan_words(q) == (), q


def test_an_amount_asked_is_no_question_of_where_the_money_comes_from():
    # a figure of the plan (export value, cost cut), not its KINH PHÍ section
    for q in ("Tỉnh muốn xuất khẩu bao nhiêu tấn xoài vào năm 2030, được bao nhiêu tiền?",
              "Thủ tục được cắt giảm chi phí bao nhiêu?", "Doanh thu du lịch đạt bao nhiêu tiền?"):
        assert "kinh phí" not in everyday_plan_words(q), q
    assert "kinh phí" in everyday_plan_words("Tiền triển khai Luật ở thành phố lấy từ những nguồn nào?")


def test_a_question_already_in_the_plans_words_gets_none_of_that_group():
    # it writes kinh phí / báo cáo / học sinh's plan words itself: the group would only add neighbouring topics
    assert everyday_plan_words("Kinh phí thực hiện lấy tiền từ ngân sách nào?") == ()
    assert everyday_plan_words("Các sở gửi báo cáo định kỳ về cơ quan nào?") == ()
    assert "cơ sở giáo dục" not in everyday_plan_words("Cơ sở giáo dục nào dạy học sinh kỹ năng số?")
    assert "kinh phí" in everyday_plan_words("Tiền làm đường giao thông nông thôn lấy từ đâu?")


def test_every_group_of_the_vocabulary_says_why():
    for everyday, plan, reason in EVERYDAY_WORDS:
        assert everyday.strip() and plan.strip() and len(reason) > 10
        # a plan word a group adds is never one of its own everyday words, folded: no group maps a word to itself
        assert not {fold(p.strip()) for p in plan.split(",")} & {fold(e.strip()) for e in everyday.split("|")}, plan


class _Store:
    """BM25 over the clauses above with the index's own tokens, as `ClauseStore.bm25_scorer` reads it."""

    def __init__(self, texts: list[str]) -> None:
        self.bm25 = bm25s.BM25()
        self.bm25.index([bm25_tokens(t) for t in texts], show_progress=False)
        self.n = len(texts)
        self.scored: list[str] = []  # each query text the store scored, once per scoring

    def bm25_scorer(self, query, doc_filter=None):
        self.scored.append(query)
        tokens = [t for t in bm25_tokens(query) if t in self.bm25.vocab_dict]
        return _Scores(np.asarray(self.bm25.get_scores(tokens), dtype=np.float64) if tokens else np.zeros(self.n))


class _Scores:
    def __init__(self, s: np.ndarray) -> None:
        self.s = s

    def top(self, k):
        s = self.s
        return [(int(p), float(s[p])) for p in sorted(range(len(s)), key=lambda p: (-s[p], p))[:k] if s[p] > 0]

    def at(self, positions):
        return self.s[np.asarray(positions, dtype=np.int64)]


def _top(question: str, weight: float, monkeypatch) -> list[str]:
    monkeypatch.setattr(search, "EVERYDAY_WEIGHT", weight)
    r = object.__new__(search.Retriever)
    r.store = _Store(CLAUSES)
    q = Question(text=question, folded=fold(question), qtype="fact", plan_words=everyday_plan_words(question))
    return [CLAUSES[p] for p in r.sparse_top(q, None)]


def test_bm25_finds_the_section_an_everyday_question_means(monkeypatch):
    for question, wanted in (("Tiền ở đâu ra để làm kế hoạch?", COMMUNE_PLAN[0]),
                             ("Hạn chót là ngày nào?", PROVINCE_PLAN[1]),
                             ("Trường học tổ chức gì cho học trò?", EDUCATION_PROGRAMME[0])):
        assert _top(question, search.EVERYDAY_WEIGHT or 0.5, monkeypatch)[0] == wanted, question


def test_the_added_words_weigh_less_than_the_questions_own(monkeypatch):
    # "báo cáo định kỳ" is the question's own: the clause writing it stays first though "hạn chót" adds thời hạn
    top = _top("Hạn chót báo cáo tiến độ dịch vụ công trực tuyến định kỳ?", 0.5, monkeypatch)
    assert top[0] == PROVINCE_PLAN[2]
    # without the added words, the everyday question misses the deadline line, which never writes "chậm nhất"
    assert PROVINCE_PLAN[1] not in _top("Chậm nhất là lúc nào?", 0.0, monkeypatch)
    deadlines = {PROVINCE_PLAN[1], EDUCATION_PROGRAMME[2]}  # "Thời hạn hoàn thành", "Thời gian hoàn thành"
    assert set(_top("Chậm nhất là lúc nào?", 0.5, monkeypatch)[:2]) == deadlines


def test_each_query_text_is_scored_once_per_question(monkeypatch):
    # an everyday question reads BM25 of its own words and of the plans' words, each for its top clauses and for the
    # scores at the pool: two scorings, one per text, not four
    for question in ("Tiền ở đâu ra để làm kế hoạch?", "Hạn chót là ngày nào?", "Trường học tổ chức gì cho học trò?"):
        monkeypatch.setattr(search, "EVERYDAY_WEIGHT", 0.5)
        r = object.__new__(search.Retriever)
        r.store = _Store(CLAUSES)
        q = Question(text=question, folded=fold(question), qtype="fact", plan_words=everyday_plan_words(question))
        r.sparse_top(q, None)
        assert r.store.scored == [question, search.plan_words_text(q)], question


def _every_group_searched(question: str, marked: bool) -> tuple[str, ...]:
    """`everyday_plan_words` as it read before the first-word index: every group's pattern searched (each syllable
    claimed by one phrase, the longest, `_groups_claiming`)."""
    from corpus.text import _EVERYDAY_MARKED, _EVERYDAY_UNMARKED, _groups_claiming, normalize, words

    norm = normalize(question)
    text, have, out = norm if marked else fold(norm), " " + " ".join(words(norm)) + " ", {}
    table = _EVERYDAY_MARKED if marked else _EVERYDAY_UNMARKED
    for _rx, plans, _ in (table[i] for i in _groups_claiming(text, table, list(range(len(table))))):
        missing = [p for p in plans if f" {' '.join(words(p))} " not in have]
        if len(missing) == len(plans):
            out.update(dict.fromkeys(missing))
    return tuple(out)


def test_a_question_is_searched_only_with_the_groups_of_its_own_words():
    # each everyday phrase of the vocabulary, alone, at a question's start, end and middle, in capitals, folded, glued
    # to a neighbour: the groups looked up by the question's words find what searching every group finds
    found = 0
    for everyday, _, _ in EVERYDAY_WORDS:
        for p in (p.strip() for p in everyday.split("|")):
            for text in (p, f"{p}?", f"Ở xã, {p} lấy từ đâu ra", f"({p.upper()}) là gì", fold(p), f"tiền{p}", f"{p}x",
                         f"Hạn chót {p} của trường học"):
                for marked in (True, False):
                    assert everyday_plan_words(text, marked) == _every_group_searched(text, marked), (text, marked)
                    found += bool(_every_group_searched(text, marked))
    assert found > 300
