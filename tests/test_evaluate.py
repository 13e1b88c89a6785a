"""Metric arithmetic of retrieval.evaluate, and the integrity of eval/gold.jsonl.

The metric tests drive `evaluate` with a small retriever-like class that returns
canned AskResponses, so every Recall/MRR/accuracy value can be worked out by hand.
The gold test checks every cited line against the real sample plans, because a
wrong line number would make every evaluation meaningless.
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from index.text import normalize
from retrieval.contract import AskResponse, Citation, Result
from retrieval.evaluate import (
    EvalReport,
    GoldError,
    RelevantLine,
    answer_matches,
    check_thresholds,
    covers,
    evaluate,
    format_report,
    load_gold,
)

GOLD = Path(__file__).resolve().parent.parent / "eval" / "gold.jsonl"


# ----------------------------------------------------------------------------- helpers


def cite(source: str, start: int, end: int, label: str | None = None) -> Citation:
    return Citation(source=source, doc_id=source.split(".")[0], clause_id=f"{source}:{start}",
                    lines=[start, end], label=label)


def response(question: str, found: bool, answer: str | None,
             spans: list[tuple[str, int, int]]) -> AskResponse:
    results = [Result(text=f"clause {s}:{a}-{b}", score=1.0 - i / 100, citation=cite(s, a, b))
               for i, (s, a, b) in enumerate(spans)]
    return AskResponse(question=question, found=found, answer=answer, results=results)


class CannedRetriever:
    """Answers from a table keyed by (mode, question); records each call's arguments."""

    def __init__(self, table: dict[tuple[str, str], tuple[bool, str | None, list]]):
        self.table = table
        self.calls: list[tuple[str, int, str]] = []

    def ask(self, question: str, top_k: int = 5, locality: str | None = None,
            offset: int = 0, mode: str = "hybrid") -> AskResponse:
        self.calls.append((question, top_k, mode))
        if (mode, question) not in self.table:
            return response(question, False, None, [])
        found, answer, spans = self.table[(mode, question)]
        return response(question, found, answer, spans)


def gold_line(qid: str, question: str, type_: str, relevant: list[tuple[str, int]],
              contains: list[str], persona: str = "citizen") -> str:
    return json.dumps({
        "id": qid, "question": question, "type": type_, "persona": persona,
        "relevant": [{"source": s, "line": n} for s, n in relevant],
        "answer_contains": contains, "answerable": bool(relevant),
    }, ensure_ascii=False)


@pytest.fixture
def small_gold(tmp_path: Path) -> Path:
    lines = [
        gold_line("a1", "ai chủ trì kinh tế?", "who", [("A.txt", 10), ("B.txt", 20)], ["Phòng Kinh tế"]),
        gold_line("a2", "BHYT bao nhiêu?", "target", [("A.txt", 30)], ["97%"]),
        gold_line("a3", "ai phụ trách an ninh?", "who", [("C.txt", 5)], ["Công an xã"]),
        "",  # blank lines are allowed
        gold_line("u1", "thời tiết ngày mai?", "unanswerable", [], []),
        gold_line("u2", "kết quả bóng đá?", "unanswerable", [], []),
    ]
    p = tmp_path / "gold.jsonl"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return p


def canned() -> CannedRetriever:
    filler = [("A.txt", 100 + i, 100 + i) for i in range(6)]
    return CannedRetriever({
        # a1: A:10 at rank 1, B:20 at rank 3 (cited with a directory); A:10 again at rank 4.
        ("hybrid", "ai chủ trì kinh tế?"): (
            True, "PHÒNG  Kinh\ntế chủ trì",
            [("A.txt", 8, 12), ("B.txt", 1, 19), ("plans/B.txt", 15, 25), ("A.txt", 10, 10)]),
        # a2: the only covering clause is at rank 7; the answer lacks "97%".
        ("hybrid", "BHYT bao nhiêu?"): (True, "đạt 97 %", filler + [("A.txt", 30, 31)]),
        # a3: nothing relevant, and the retriever says not found.
        ("hybrid", "ai phụ trách an ninh?"): (False, None, [("C.txt", 6, 9)]),
        ("hybrid", "thời tiết ngày mai?"): (False, None, []),
        ("hybrid", "kết quả bóng đá?"): (True, "Đội tuyển thắng", [("A.txt", 1, 2)]),
        # bm25: a2 at rank 2 with a right answer, everything else missed; one wrong answer.
        ("bm25", "BHYT bao nhiêu?"): (True, "tỷ lệ đạt 97% trở lên", [("Z.txt", 30, 30), ("A.txt", 29, 30)]),
        ("bm25", "ai chủ trì kinh tế?"): (True, "Phòng Văn hóa", [("C.txt", 10, 10)]),
    })


# ----------------------------------------------------------------------------- metrics


def test_overall_metrics_are_exact(small_gold: Path):
    retriever = canned()
    report = evaluate(retriever, small_gold, modes=("hybrid", "bm25"), k=10)
    h = report.overall["hybrid"]
    assert (h.answerable, h.unanswerable, h.errors) == (3, 2, 0)
    assert h.recall[1] == pytest.approx((0.5 + 0 + 0) / 3)
    assert h.recall[5] == pytest.approx((1 + 0 + 0) / 3)
    assert h.recall[10] == pytest.approx((1 + 1 + 0) / 3)
    assert h.mrr == pytest.approx((1 + 1 / 7 + 0) / 3)
    assert h.answer_accuracy == pytest.approx(1 / 3)
    assert h.abstention_accuracy == pytest.approx(1 / 2)

    b = report.overall["bm25"]
    assert b.recall[1] == 0
    assert b.recall[5] == pytest.approx(1 / 3)
    assert b.mrr == pytest.approx((0 + 1 / 2 + 0) / 3)
    assert b.answer_accuracy == pytest.approx(1 / 3)
    assert b.abstention_accuracy == 1.0
    # every question asked once per mode, with top_k = k and the mode passed through
    assert len(retriever.calls) == 10
    assert {(k, m) for _, k, m in retriever.calls} == {(10, "hybrid"), (10, "bm25")}


def test_metrics_per_type(small_gold: Path):
    report = evaluate(canned(), small_gold, modes=("hybrid",), k=10)
    per = report.by_type["hybrid"]
    assert set(per) == {"who", "target", "unanswerable"}
    assert per["who"].recall[1] == pytest.approx(0.25)
    assert per["who"].recall[5] == pytest.approx(0.5)
    assert per["who"].mrr == pytest.approx(0.5)
    assert per["who"].answer_accuracy == pytest.approx(0.5)
    assert per["who"].abstention_accuracy is None
    assert per["target"].recall[5] == 0
    assert per["target"].recall[10] == 1
    assert per["target"].mrr == pytest.approx(1 / 7)
    assert per["unanswerable"].recall[5] is None
    assert per["unanswerable"].abstention_accuracy == pytest.approx(0.5)


def test_smaller_k_cuts_results_and_cutoffs(small_gold: Path):
    """With k=5 the rank-7 hit no longer counts, and recall@10 is not reported."""
    report = evaluate(canned(), small_gold, modes=("hybrid",), k=5)
    h = report.overall["hybrid"]
    assert report.cutoffs == (1, 5)
    assert set(h.recall) == {1, 5}
    assert h.mrr == pytest.approx(1 / 3)
    assert check_thresholds(report, {"hybrid.recall@10": 0.1}) == [
        "hybrid.recall@10: unknown metric 'recall@10'"]


def test_results_beyond_k_are_ignored(tmp_path: Path):
    p = tmp_path / "g.jsonl"
    p.write_text(gold_line("x", "q?", "fact", [("A.txt", 3)], ["x"]) + "\n", encoding="utf-8")
    spans = [("A.txt", 50 + i, 50 + i) for i in range(3)] + [("A.txt", 1, 5)]
    retriever = CannedRetriever({("hybrid", "q?"): (True, "x", spans)})  # returns 4 despite top_k=3
    report = evaluate(retriever, p, modes=("hybrid",), k=3)
    assert report.overall["hybrid"].recall[1] == 0
    assert report.overall["hybrid"].mrr == 0
    assert report.cutoffs == (1, 3)


def test_covers_is_inclusive_and_matches_file_name():
    rel = RelevantLine("000_a.txt", 20)
    assert covers(cite("000_a.txt", 20, 20), rel)
    assert covers(cite("000_a.txt", 18, 20), rel)
    assert covers(cite("/some/dir/000_a.txt", 20, 25), rel)
    assert not covers(cite("000_a.txt", 21, 25), rel)
    assert not covers(cite("000_a.txt", 10, 19), rel)
    assert not covers(cite("001_b.txt", 1, 100), rel)


def test_answer_matching_normalises_both_sides():
    assert answer_matches("Giao Phòng Văn hoá -  Xã hội chủ trì", ["phòng văn hóa - xã hội"])
    assert answer_matches("Uỷ ban nhân dân xã", ["ỦY BAN"])
    assert answer_matches("thuỷ sản\tđạt 100%", ["thủy sản đạt", "100%"])
    # NFD input (combining marks) equals NFC
    assert answer_matches("Ha\u0300 No\u0302\u0323i", ["Hà Nội"])
    assert not answer_matches("đạt 97 %", ["97%"])
    assert not answer_matches(None, ["x"])
    assert not answer_matches("Phòng Kinh tế", ["Phòng Kinh tế", "Công an xã"])


def test_error_in_ask_is_recorded_and_fails_the_gate(small_gold: Path):
    class Broken(CannedRetriever):
        def ask(self, question, top_k=5, locality=None, offset=0, mode="hybrid"):
            if question == "BHYT bao nhiêu?":
                raise RuntimeError("index gone")
            return super().ask(question, top_k, locality, offset, mode)

    report = evaluate(Broken(canned().table), small_gold, modes=("hybrid",))
    h = report.overall["hybrid"]
    assert h.errors == 1
    assert h.recall[10] == pytest.approx(1 / 3)  # a2 now counts as missed
    problems = check_thresholds(report, {})
    assert problems == ["hybrid: 1 question(s) raised errors in ask()"]
    failure = next(f for f in report.failures("hybrid") if f.question.id == "a2")
    assert failure.reason == "error: RuntimeError: index gone"


# ----------------------------------------------------------------------------- report outputs


def test_failures_list_expected_top3_and_answer(small_gold: Path):
    report = evaluate(canned(), small_gold, modes=("hybrid",))
    fails = {f.question.id: f for f in report.failures("hybrid")}
    assert set(fails) == {"a2", "a3", "u2"}  # a1 found both lines in top 5 with a right answer
    assert fails["a2"].expected == ("A.txt:30",)
    assert fails["a2"].got == ("A.txt:100-100", "A.txt:101-101", "A.txt:102-102")
    assert fails["a2"].answer == "đạt 97 %"
    assert fails["a2"].reason == "not in top 5: A.txt:30; answer lacks: 97%"
    assert fails["a3"].reason == "not in top 5: C.txt:5; answered not found"
    assert fails["u2"].reason == "answered an unanswerable question"
    assert fails["u2"].expected == ()
    # with a cutoff of 10 the rank-7 hit is no longer a retrieval miss
    assert {f.question.id: f.reason for f in report.failures("hybrid", cutoff=10)}["a2"] == "answer lacks: 97%"
    with pytest.raises(KeyError):
        report.failures("dense")
    # `planqa eval --failures` prints one readable line per failure
    line = str(fails["a2"])
    assert line.startswith("a2 [") and "not in top 5: A.txt:30" in line and "got: A.txt:100-100" in line
    assert "\n" not in line and "GoldQuestion" not in line


def test_to_dict_is_json(small_gold: Path):
    report = evaluate(canned(), small_gold, modes=("hybrid", "bm25"))
    d = json.loads(json.dumps(report.to_dict(), ensure_ascii=False))
    assert d["questions"] == 5 and d["k"] == 10
    assert set(d["modes"]) == {"hybrid", "bm25"}
    hybrid = d["modes"]["hybrid"]
    assert hybrid["overall"]["recall@5"] == pytest.approx(1 / 3)
    assert hybrid["overall"]["abstention_accuracy"] == 0.5
    assert hybrid["by_type"]["target"]["mrr"] == pytest.approx(1 / 7)
    assert [f["id"] for f in hybrid["failures"]] == ["a2", "a3", "u2"]
    assert hybrid["failures"][0]["expected_answer_contains"] == ["97%"]


def test_format_report_is_markdown(small_gold: Path):
    text = format_report(evaluate(canned(), small_gold, modes=("hybrid", "bm25")))
    assert ("| mode | answerable | unanswerable | R@1 | R@5 | R@10 | MRR@10 | hit@5 | answer acc | abstain acc "
            "| false refusals | false answers | errors |") in text
    assert "| hybrid | 3 | 2 | 0.167 | 0.333 | 0.667 | 0.381 | 0.333 | 0.333 | 0.500 | 0.333 | 0.500 | 0 |" in text
    assert "## By question type: bm25" in text
    assert "| unanswerable | 2 | – | – | – | – | – | – | 1.000 | – | 0.000 |" in text


def test_false_refusals_and_false_answers_are_counted_apart(small_gold: Path):
    h = evaluate(canned(), small_gold, modes=("hybrid",)).overall["hybrid"]
    # a3 is answerable and was refused; u2 is unanswerable and was answered
    assert h.false_refusals == pytest.approx(1 / 3)
    assert h.false_answers == pytest.approx(1 / 2)
    assert h.value("false_refusals") == h.false_refusals and h.value("hit@5") == pytest.approx(1 / 3)


def test_a_baseline_answers_its_own_mode(small_gold: Path):
    baseline = CannedRetriever({("window", "BHYT bao nhiêu?"): (True, "đạt 97%", [("A.txt", 1, 40)])})
    main = canned()
    report = evaluate(main, small_gold, modes=("hybrid", "window"), baselines={"window": baseline})
    assert {m for _, _, m in main.calls} == {"hybrid"} and {m for _, _, m in baseline.calls} == {"window"}
    w = report.overall["window"]
    assert w.recall[1] == pytest.approx(1 / 3) and w.answer_accuracy == pytest.approx(1 / 3)


def test_check_thresholds(small_gold: Path):
    report: EvalReport = evaluate(canned(), small_gold, modes=("hybrid", "bm25"))
    assert check_thresholds(report, {"hybrid.recall@10": 0.6, "hybrid.who.recall@5": 0.5,
                                     "bm25.abstention_accuracy": 1.0}) == []
    problems = check_thresholds(report, {
        "hybrid.recall@5": 0.95, "hybrid.answer_accuracy": 0.3, "dense.mrr": 0.5,
        "hybrid.foo": 0.1, "hybrid.when.recall@5": 0.1, "recall@5": 0.1,
        "hybrid.unanswerable.recall@5": 0.1,
    })
    assert problems == [
        "hybrid.recall@5 = 0.333 is below the minimum 0.950",
        "dense.mrr: mode 'dense' was not evaluated",
        "hybrid.foo: unknown metric 'foo'",
        "hybrid.when.recall@5: no questions of type 'when'",
        "recall@5: expected 'mode.metric' or 'mode.type.metric'",
        "hybrid.unanswerable.recall@5: no questions to measure it on",
    ]


# ----------------------------------------------------------------------------- gold loading


@pytest.mark.parametrize("bad, message", [
    ('{"id": "x", ', "invalid JSON"),
    ('{"id": "x", "question": "q", "type": "who", "persona": "citizen", "relevant": [], '
     '"answer_contains": []}', "missing field(s): answerable"),
    (gold_line("x", "q", "how", [("A.txt", 1)], ["a"]), "type 'how' is not one of"),
    (gold_line("x", "q", "who", [("A.txt", 1)], ["a"], persona="mayor"), "persona 'mayor'"),
    (gold_line("x", "q", "who", [("A.txt", 0)], ["a"]), "relevant[0].line must be an integer >= 1"),
    (gold_line("x", "q", "who", [("A.txt", 1)], []), "needs 'relevant' lines and 'answer_contains'"),
    (gold_line("x", "q", "unanswerable", [("A.txt", 1)], ["a"]).replace('"answerable": true',
                                                                       '"answerable": false'),
     "must have empty 'relevant'"),
    (gold_line("x", "q", "fact", [], []), "type 'unanswerable' goes with answerable=false"),
    (gold_line("x", "q", "who", [("A.txt", 1), ("A.txt", 1)], ["a"]), "same line twice"),
    ("[1, 2]", "expected a JSON object"),
])
def test_load_gold_names_the_bad_line(tmp_path: Path, bad: str, message: str):
    p = tmp_path / "g.jsonl"
    good = gold_line("ok", "q", "who", [("A.txt", 1)], ["a"])
    p.write_text(good + "\n\n" + bad + "\n", encoding="utf-8")
    with pytest.raises(GoldError) as e:
        load_gold(p)
    assert f"{p}:3: " in str(e.value)
    assert message in str(e.value)


def test_load_gold_rejects_duplicates_and_empty(tmp_path: Path):
    p = tmp_path / "g.jsonl"
    line = gold_line("same", "q", "who", [("A.txt", 1)], ["a"])
    p.write_text(line + "\n" + line + "\n", encoding="utf-8")
    with pytest.raises(GoldError, match=r":2: duplicate id 'same' \(first on line 1\)"):
        load_gold(p)
    p.write_text("\n\n", encoding="utf-8")
    with pytest.raises(GoldError, match="no questions"):
        load_gold(p)
    with pytest.raises(GoldError, match="cannot read"):
        load_gold(tmp_path / "missing.jsonl")


def test_load_gold_reads_fields(small_gold: Path):
    gold = load_gold(small_gold)
    assert [q.id for q in gold] == ["a1", "a2", "a3", "u1", "u2"]
    assert gold[0].relevant == (RelevantLine("A.txt", 10), RelevantLine("B.txt", 20))
    assert gold[0].answer_contains == ("Phòng Kinh tế",)
    assert gold[3].answerable is False and gold[3].relevant == ()
    assert json.loads(gold_line("a1", "ai chủ trì kinh tế?", "who", [("A.txt", 10), ("B.txt", 20)],
                                ["Phòng Kinh tế"])) == gold[0].to_dict()


# ----------------------------------------------------------------------------- the real gold set


def test_gold_set_matches_the_sample_plans(plans_dir: Path):
    gold = load_gold(GOLD)
    plan_files = sorted(p.name for p in plans_dir.glob("*.txt"))
    texts = {name: (plans_dir / name).read_text(encoding="utf-8") for name in plan_files}
    problems = []
    for q in gold:
        for rel in q.relevant:
            if rel.source not in texts:
                problems.append(f"{q.id}: unknown plan {rel.source}")
                continue
            lines = texts[rel.source].split("\n")
            if not 1 <= rel.line <= len(lines):
                problems.append(f"{q.id}: {rel} is past the end ({len(lines)} lines)")
            elif not lines[rel.line - 1].strip():
                problems.append(f"{q.id}: {rel} is a blank line")
        named = {rel.source for rel in q.relevant if rel.source in texts}
        for s in q.answer_contains:
            if not any(normalize(s) in normalize(texts[name]) for name in named):
                problems.append(f"{q.id}: {s!r} occurs in none of {sorted(named)}")
    assert problems == []

    assert len(gold) >= 80
    assert sum(1 for q in gold if not q.answerable) >= 10
    per_plan = Counter(src for q in gold for src in {r.source for r in q.relevant})
    assert set(per_plan) == set(plan_files), "every sample plan needs gold questions"
    assert min(per_plan.values()) >= 12, per_plan
    types = Counter(q.type for q in gold)
    assert all(types[t] >= 5 for t in ("who", "target", "when", "duties", "list", "fact")), types
    # users type without diacritics; the gold set must say so too
    assert sum(1 for q in gold if q.question.isascii()) >= 15
