"""Evaluation of a `Retriever` against a gold set of questions over the sample plans.

A gold question names the source lines where its answer sits; a result "finds" a
line when its citation covers it, so retrieval is scored by clause, not by
wording. The same run asks every question in each mode (hybrid, the dense-only and
BM25-only baselines, and the window baseline of a generic RAG setup, `retrieval.windows`),
so the numbers are comparable. Refusing an answerable question (a false refusal) and
answering an unanswerable one (a false answer) are counted apart: they are different harms. `planqa eval` and the
regression gate (`check_thresholds`) read the report built here.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Protocol, Sequence

from index.text import normalize
from retrieval.contract import AskResponse, Citation
from retrieval.search import RETRIEVAL_MODES

QUESTION_TYPES = ("who", "target", "when", "duties", "list", "fact", "unanswerable")
PERSONAS = ("official", "citizen", "staff")
RECALL_CUTOFFS = (1, 5, 10)
FAILURE_CITATIONS = 3  # a failure shows the citations that came back first, enough to see what won instead
_KEYS = {"id", "question", "type", "persona", "relevant", "answer_contains", "answerable"}


class GoldError(ValueError):
    """A malformed gold file; the message names the file and line."""


class AskingRetriever(Protocol):
    """What evaluation needs from a retriever (the real `Retriever` or a test double)."""

    def ask(self, question: str, top_k: int = 5, locality: str | None = None,
            offset: int = 0, mode: str = "hybrid") -> AskResponse: ...


@dataclass(frozen=True)
class RelevantLine:
    source: str
    line: int

    def __str__(self) -> str:
        return f"{self.source}:{self.line}"


@dataclass(frozen=True)
class GoldQuestion:
    id: str
    question: str
    type: str
    persona: str
    relevant: tuple[RelevantLine, ...]
    answer_contains: tuple[str, ...]
    answerable: bool

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "question": self.question, "type": self.type,
            "persona": self.persona,
            "relevant": [{"source": r.source, "line": r.line} for r in self.relevant],
            "answer_contains": list(self.answer_contains), "answerable": self.answerable,
        }


# ----------------------------------------------------------------------------- loading


def _check_fields(obj: Any) -> None:
    """Exactly the gold fields: a typo in a field name would otherwise silently drop what it holds."""
    if not isinstance(obj, dict):
        raise ValueError("expected a JSON object")
    missing = sorted(_KEYS - obj.keys())
    if missing:
        raise ValueError(f"missing field(s): {', '.join(missing)}")
    extra = sorted(obj.keys() - _KEYS)
    if extra:
        raise ValueError(f"unknown field(s): {', '.join(extra)}")


def _check_labels(obj: dict) -> None:
    """The id, question, type, persona and answerable flag: what the report groups and counts by."""
    for key in ("id", "question"):
        if not isinstance(obj[key], str) or not obj[key].strip():
            raise ValueError(f"{key!r} must be a non-empty string")
    if obj["type"] not in QUESTION_TYPES:
        raise ValueError(f"type {obj['type']!r} is not one of {', '.join(QUESTION_TYPES)}")
    if obj["persona"] not in PERSONAS:
        raise ValueError(f"persona {obj['persona']!r} is not one of {', '.join(PERSONAS)}")
    if not isinstance(obj["answerable"], bool):
        raise ValueError("'answerable' must be true or false")


def _relevant_line(i: int, r: Any) -> RelevantLine:
    """One cited line: a source file and a 1-based line number, nothing else."""
    if not isinstance(r, dict) or set(r) != {"source", "line"}:
        raise ValueError(f"relevant[{i}] must be an object with exactly 'source' and 'line'")
    if not isinstance(r["source"], str) or not r["source"].strip():
        raise ValueError(f"relevant[{i}].source must be a non-empty string")
    if isinstance(r["line"], bool) or not isinstance(r["line"], int) or r["line"] < 1:
        raise ValueError(f"relevant[{i}].line must be an integer >= 1")
    return RelevantLine(r["source"], r["line"])


def _relevant_lines(value: Any) -> list[RelevantLine]:
    """The lines that hold the answer, each once (a line listed twice would count twice in recall)."""
    if not isinstance(value, list):
        raise ValueError("'relevant' must be a list")
    relevant = [_relevant_line(i, r) for i, r in enumerate(value)]
    if len(set(relevant)) != len(relevant):
        raise ValueError("'relevant' lists the same line twice")
    return relevant


def _answer_contains(value: Any) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(s, str) and s.strip() for s in value):
        raise ValueError("'answer_contains' must be a list of non-empty strings")
    return value


def _check_answerable(answerable: bool, kind: str, relevant: list[RelevantLine], contains: list[str]) -> None:
    """An answerable question says where and what its answer is; an unanswerable one says neither."""
    if answerable and (not relevant or not contains):
        raise ValueError("an answerable question needs 'relevant' lines and 'answer_contains'")
    if not answerable and (relevant or contains):
        raise ValueError("an unanswerable question must have empty 'relevant' and 'answer_contains'")
    if answerable == (kind == "unanswerable"):
        raise ValueError("type 'unanswerable' goes with answerable=false, and only with it")


def _parse_gold_line(obj: Any) -> GoldQuestion:
    """Validate one decoded JSON object; raises ValueError with a plain reason."""
    _check_fields(obj)
    _check_labels(obj)
    relevant = _relevant_lines(obj["relevant"])
    contains = _answer_contains(obj["answer_contains"])
    _check_answerable(obj["answerable"], obj["type"], relevant, contains)
    return GoldQuestion(obj["id"], obj["question"], obj["type"], obj["persona"],
                        tuple(relevant), tuple(contains), obj["answerable"])


def load_gold(path: Path | str) -> list[GoldQuestion]:
    """Read a gold JSONL file (blank lines allowed); a bad line raises GoldError naming it."""
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as e:
        raise GoldError(f"{path}: cannot read gold file: {e.strerror or e}") from e
    questions: list[GoldQuestion] = []
    seen: dict[str, int] = {}
    for lineno, line in enumerate(raw.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            raise GoldError(f"{path}:{lineno}: invalid JSON: {e.msg} (column {e.colno})") from e
        try:
            q = _parse_gold_line(obj)
        except ValueError as e:
            raise GoldError(f"{path}:{lineno}: {e}") from e
        if q.id in seen:
            raise GoldError(f"{path}:{lineno}: duplicate id {q.id!r} (first on line {seen[q.id]})")
        seen[q.id] = lineno
        questions.append(q)
    if not questions:
        raise GoldError(f"{path}: no questions")
    return questions


# ----------------------------------------------------------------------------- scoring


def _file_name(source: str) -> str:
    """Compare sources by file name, so a citation carrying a directory still matches."""
    return source.replace("\\", "/").rsplit("/", 1)[-1]


def covers(citation: Citation, rel: RelevantLine) -> bool:
    """True when the cited clause spans the relevant line in the same source file."""
    if _file_name(citation.source) != _file_name(rel.source) or len(citation.lines) < 2:
        return False
    return citation.lines[0] <= rel.line <= citation.lines[1]


def answer_matches(answer: str | None, needles: Iterable[str]) -> bool:
    """Every expected string occurs in the answer, both sides normalised (case, tone, spaces)."""
    if answer is None:
        return False
    hay = normalize(answer)
    return all(normalize(n) in hay for n in needles)


def _citation_label(c: Citation) -> str:
    span = f"{c.lines[0]}-{c.lines[1]}" if len(c.lines) >= 2 else "?"
    label = f" {c.label}" if c.label else ""
    return f"{c.source}:{span}{label}"


@dataclass
class QuestionResult:
    """One question asked in one mode: where its relevant lines turned up, and the answer."""

    question: GoldQuestion
    mode: str
    found: bool
    answer: str | None
    first_ranks: tuple[int | None, ...]  # per relevant line: 1-based rank of first covering result
    top: tuple[str, ...]                 # citation labels of the results, best first
    error: str | None = None

    def recall_at(self, k: int) -> float:
        if not self.first_ranks:
            return 0.0
        return sum(1 for r in self.first_ranks if r is not None and r <= k) / len(self.first_ranks)

    def reciprocal_rank(self, k: int) -> float:
        ranks = [r for r in self.first_ranks if r is not None and r <= k]
        return 1.0 / min(ranks) if ranks else 0.0

    @property
    def answer_ok(self) -> bool:
        return self.error is None and self.found and answer_matches(self.answer, self.question.answer_contains)

    @property
    def abstained(self) -> bool:
        return self.error is None and not self.found


@dataclass
class Metrics:
    """Averages over a group of questions; None where the group has no question of that kind."""

    answerable: int
    unanswerable: int
    recall: dict[int, float | None]
    mrr: float | None
    answer_accuracy: float | None
    abstention_accuracy: float | None
    errors: int
    hit5: float | None = None  # share of answerable questions with some relevant line in the top 5
    false_refusals: float | None = None  # share of answerable questions answered "not in the plans"
    false_answers: float | None = None  # share of unanswerable questions answered anyway

    def value(self, name: str) -> float | None:
        """Look a metric up by the name thresholds use: recall@5, mrr, answer_accuracy, ..."""
        if name.startswith("recall@"):
            try:
                return self.recall[int(name[len("recall@"):])]
            except (ValueError, KeyError):
                raise KeyError(name) from None
        if name == "hit@5":
            return self.hit5
        if name in ("mrr", "answer_accuracy", "abstention_accuracy", "false_refusals", "false_answers"):
            return getattr(self, name)
        raise KeyError(name)

    def to_dict(self) -> dict[str, Any]:
        return {
            "answerable": self.answerable, "unanswerable": self.unanswerable,
            **{f"recall@{k}": v for k, v in self.recall.items()},
            "mrr": self.mrr, "answer_accuracy": self.answer_accuracy,
            "abstention_accuracy": self.abstention_accuracy, "errors": self.errors,
            "hit@5": self.hit5, "false_refusals": self.false_refusals, "false_answers": self.false_answers,
        }


def _mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


def _metrics(results: Sequence[QuestionResult], cutoffs: Sequence[int], k: int) -> Metrics:
    ans = [r for r in results if r.question.answerable]
    una = [r for r in results if not r.question.answerable]
    return Metrics(
        answerable=len(ans), unanswerable=len(una),
        recall={c: _mean([r.recall_at(c) for r in ans]) for c in cutoffs},
        mrr=_mean([r.reciprocal_rank(k) for r in ans]),
        answer_accuracy=_mean([1.0 if r.answer_ok else 0.0 for r in ans]),
        abstention_accuracy=_mean([1.0 if r.abstained else 0.0 for r in una]),
        errors=sum(1 for r in results if r.error is not None),
        hit5=_mean([1.0 if r.reciprocal_rank(5) > 0 else 0.0 for r in ans]),
        false_refusals=_mean([1.0 if r.abstained else 0.0 for r in ans]),
        false_answers=_mean([0.0 if r.abstained else 1.0 for r in una]),
    )


@dataclass
class Failure:
    """A question that went wrong in one mode, with what was expected and what came back."""

    question: GoldQuestion
    expected: tuple[str, ...]
    got: tuple[str, ...]  # the first FAILURE_CITATIONS citations
    answer: str | None
    reason: str

    def __str__(self) -> str:
        """One readable line for `planqa eval --failures`."""
        got = ", ".join(self.got) or "nothing"
        return f"{self.question.id} [{self.question.type}] {self.question.question} — {self.reason}; got: {got}"

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.question.id, "question": self.question.question,
                "type": self.question.type, "expected": list(self.expected),
                "expected_answer_contains": list(self.question.answer_contains),
                "got": list(self.got), "answer": self.answer, "reason": self.reason}


@dataclass
class EvalReport:
    gold_path: str
    k: int
    cutoffs: tuple[int, ...]
    results: dict[str, list[QuestionResult]]
    overall: dict[str, Metrics] = field(default_factory=dict)
    by_type: dict[str, dict[str, Metrics]] = field(default_factory=dict)

    @property
    def modes(self) -> tuple[str, ...]:
        return tuple(self.results)

    def failures(self, mode: str, cutoff: int = 5) -> list[Failure]:
        """Questions that missed a relevant line in the top `cutoff`, got a wrong answer,
        or answered when they should have abstained."""
        if mode not in self.results:
            raise KeyError(f"mode {mode!r} was not evaluated (have: {', '.join(self.results)})")
        out = []
        for r in self.results[mode]:
            q = r.question
            reasons = []
            if r.error is not None:
                reasons.append(f"error: {r.error}")
            elif q.answerable:
                missed = [str(rel) for rel, rank in zip(q.relevant, r.first_ranks)
                          if rank is None or rank > cutoff]
                if missed:
                    reasons.append(f"not in top {cutoff}: {', '.join(missed)}")
                if not r.found:
                    reasons.append("answered not found")
                elif not r.answer_ok:
                    reasons.append("answer lacks: " + ", ".join(
                        s for s in q.answer_contains if not answer_matches(r.answer, [s])))
            elif r.found:
                reasons.append("answered an unanswerable question")
            if reasons:
                out.append(Failure(q, tuple(str(x) for x in q.relevant), r.top[:FAILURE_CITATIONS], r.answer,
                                   "; ".join(reasons)))
        return out

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready summary: metrics per mode (overall and per type) and failures."""
        return {
            "gold": self.gold_path, "k": self.k,
            "questions": len(next(iter(self.results.values()), [])),
            "modes": {
                mode: {
                    "overall": self.overall[mode].to_dict(),
                    "by_type": {t: m.to_dict() for t, m in self.by_type[mode].items()},
                    "failures": [f.to_dict() for f in self.failures(mode)],
                }
                for mode in self.results
            },
        }


def _ask_one(retriever: AskingRetriever, q: GoldQuestion, mode: str, k: int) -> QuestionResult:
    try:
        resp = retriever.ask(q.question, top_k=k, mode=mode)
    except Exception as e:  # one broken question must not hide the others' scores
        return QuestionResult(q, mode, False, None, tuple(None for _ in q.relevant), (),
                              error=f"{type(e).__name__}: {e}")
    citations = [res.citation for res in resp.results[:k]]
    ranks = tuple(next((i for i, c in enumerate(citations, start=1) if covers(c, rel)), None)
                  for rel in q.relevant)
    return QuestionResult(q, mode, resp.found, resp.answer, ranks,
                          tuple(_citation_label(c) for c in citations))


def evaluate(retriever: AskingRetriever, gold_path: Path | str,
             modes: Sequence[str] = RETRIEVAL_MODES, k: int = 10,
             baselines: dict[str, AskingRetriever] | None = None) -> EvalReport:
    """Ask every gold question in every mode with top_k=k and score the responses.

    ``modes`` are the retriever's own (`retrieval.search.RETRIEVAL_MODES`) and those ``baselines`` answer, which
    the retriever itself does not have (``{"window": WindowBaseline}``).
    Recall is reported at the cutoffs 1, 5 and 10 that do not exceed k; MRR is MRR@k.
    """
    if k < 1:
        raise ValueError("k must be at least 1")
    modes = tuple(modes)
    if not modes:
        raise ValueError("at least one mode is needed")
    gold = load_gold(gold_path)
    cutoffs = tuple(c for c in RECALL_CUTOFFS if c <= k)
    if k not in cutoffs and k < max(RECALL_CUTOFFS):
        cutoffs = cutoffs + (k,)
    report = EvalReport(str(gold_path), k, cutoffs, {})
    for mode in modes:
        asker = (baselines or {}).get(mode, retriever)
        results = [_ask_one(asker, q, mode, k) for q in gold]
        report.results[mode] = results
        report.overall[mode] = _metrics(results, cutoffs, k)
        report.by_type[mode] = {
            t: _metrics([r for r in results if r.question.type == t], cutoffs, k)
            for t in QUESTION_TYPES if any(r.question.type == t for r in results)
        }
    return report


# ----------------------------------------------------------------------------- output


def _fmt(v: float | None) -> str:
    return "–" if v is None else f"{v:.3f}"


def _table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return lines


def format_report(report: EvalReport) -> str:
    """Markdown: one overall table (a row per mode), then a per-type table for each mode."""
    cols = [f"R@{c}" for c in report.cutoffs] + [f"MRR@{report.k}", "hit@5", "answer acc", "abstain acc",
                                                  "false refusals", "false answers"]

    def row(m: Metrics) -> list[str]:
        return ([_fmt(m.recall[c]) for c in report.cutoffs]
                + [_fmt(m.mrr), _fmt(m.hit5), _fmt(m.answer_accuracy), _fmt(m.abstention_accuracy),
                   _fmt(m.false_refusals), _fmt(m.false_answers)])

    n = len(next(iter(report.results.values()), []))
    out = [f"# Evaluation: {report.gold_path}", "",
           f"{n} questions, top_k={report.k}. Recall by clause; accuracy over answerable "
           f"questions, abstention over unanswerable ones.", "", "## Overall", ""]
    out += _table(["mode", "answerable", "unanswerable"] + cols + ["errors"],
                  ([mode, str(m.answerable), str(m.unanswerable)] + row(m) + [str(m.errors)]
                   for mode, m in report.overall.items()))
    for mode, per_type in report.by_type.items():
        out += ["", f"## By question type: {mode}", ""]
        out += _table(["type", "n"] + cols,
                      ([t, str(m.answerable + m.unanswerable)] + row(m) for t, m in per_type.items()))
    return "\n".join(out) + "\n"


def check_thresholds(report: EvalReport, thresholds: dict[str, float]) -> list[str]:
    """Human-readable violations of minimum scores, for the regression gate.

    Keys are "mode.metric" (e.g. "hybrid.recall@5", "bm25.mrr", "hybrid.answer_accuracy")
    or "mode.type.metric" (e.g. "hybrid.who.recall@5"). A key that names nothing
    evaluated is itself a violation, so a typo cannot pass silently; so are questions
    whose `ask` raised.
    """
    problems: list[str] = []
    for mode in report.modes:
        errors = report.overall[mode].errors
        if errors:
            problems.append(f"{mode}: {errors} question(s) raised errors in ask()")
    for key, minimum in thresholds.items():
        parts = key.split(".")
        if len(parts) not in (2, 3):
            problems.append(f"{key}: expected 'mode.metric' or 'mode.type.metric'")
            continue
        mode, metric = parts[0], parts[-1]
        if mode not in report.overall:
            problems.append(f"{key}: mode {mode!r} was not evaluated")
            continue
        if len(parts) == 3:
            metrics = report.by_type[mode].get(parts[1])
            if metrics is None:
                problems.append(f"{key}: no questions of type {parts[1]!r}")
                continue
        else:
            metrics = report.overall[mode]
        try:
            value = metrics.value(metric)
        except KeyError:
            problems.append(f"{key}: unknown metric {metric!r}")
            continue
        if value is None:
            problems.append(f"{key}: no questions to measure it on")
        elif value < minimum - 1e-12 or math.isnan(value):
            problems.append(f"{key} = {value:.3f} is below the minimum {minimum:.3f}")
    return problems
