"""How far answers move when the dev plans are written in a layout the product has not seen.

The dev sets rise while the held-out half does not: mechanisms fitted to the dev plans' layouts. This rewrites
the DEV-half documents (eval/real_split.json; the test half is never read) into line-preserving perturbed copies
— same file names, same number of lines, so every gold {source, line} stays valid — one copy per named
perturbation (numbering styles, Markdown emphasis, '#' headings, role labels swapped for their synonyms,
heading case, headings without diacritics). A line whose perturbation would change an answer_contains string
that the line holds verbatim is left as it was, so the expected answers stay verbatim in every copy (checked:
the run stops if a copy loses one the original has).

Value formats (`ValueFormat`: dates, quarters, years, "hằng năm", "thường xuyên", "trước ngày") are the exception:
they rewrite a time in the line and the same way in the gold's answer_contains strings (`answer_of`), so the times
themselves are perturbed; the questions asked carry the rewritten strings.

Each copy is indexed alone (`planqa index DIR --index … --quiet`; the vector cache serves the unchanged
clauses) and the answerable dev questions whose sources are all in the indexed documents are asked in hybrid
mode, as `planqa eval --no-window` does. Unanswerable questions depend on the whole collection and are left out.
The report gives hit@5, MRR@10 and answers per perturbation, against the original dev-only collection, and the
questions that flip.

Run: .venv/bin/python benchmarks/perturb_layouts.py [--docs N] [--only NAME ...] [--ranker PATH] [--work DIR]
     [--out benchmarks/results/perturb.md]
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from corpus.text import COLUMN_MEANINGS, fold, strip_marks  # noqa: E402

SPLIT = ROOT / "eval" / "real_split.json"
PLANS = Path(os.environ.get("PLANQA_REAL_PLANS", ROOT.parent / "shared" / "real-plans"))
RESULTS = ROOT / "benchmarks" / "results" / "perturb.md"
SAMPLE_SEED = 17  # which documents --docs N picks, fixed so runs before and after a fix compare

# ----------------------------------------------------------------------------- line shapes

_LEAD = r"(?P<lead>\s*(?:#+\s*)?(?:\*\*|__)?\s*)"  # a line's opening marks: '#', bold
ROMAN = re.compile(_LEAD + r"(?P<num>[IVX]{1,5})(?P<sep>\.)\s+(?=\S)")
ARABIC = re.compile(_LEAD + r"(?P<num>\d{1,2})(?P<sep>\.)\s+(?=\S)")
LETTER = re.compile(_LEAD + r"(?P<num>[a-zđ])(?P<sep>\))\s+(?=\S)")
DASH = re.compile(r"(?P<lead>\s*)(?P<mark>[-+•])\s+(?=\S)")


def is_heading(line: str) -> bool:
    """A heading the plans write: a Roman-numbered line, or a numbered/lettered line opened in bold or '#'."""
    if ROMAN.match(line):
        return True
    m = ARABIC.match(line) or LETTER.match(line)
    return bool(m and ("**" in m.group("lead") or "#" in m.group("lead")))


def _body(line: str) -> tuple[str, str]:
    """A heading line split into its opening (marks and number) and its words."""
    m = ROMAN.match(line) or ARABIC.match(line) or LETTER.match(line)
    return (line[:m.end()], line[m.end():]) if m else ("", line)


# ----------------------------------------------------------------------------- perturbations


class Perturbation:
    """One layout change, applied line by line; `lines` in, the same number of lines out. The identity: the
    documents as crawled."""

    name, describe = "original", "the dev documents as crawled"

    def apply(self, lines: list[str]) -> list[str]:
        return [self.line(x) for x in lines]

    def line(self, line: str) -> str:
        return line


class RomanToDecimal(Perturbation):
    """I./1. → 1./1.1. (decimal outline): a Roman part becomes an Arabic number, its items n.m."""

    name, describe = "roman_to_decimal", "I. → 1., 1. under it → 1.1."

    def apply(self, lines: list[str]) -> list[str]:
        out, part = [], 0
        for x in lines:
            if m := ROMAN.match(x):
                part += 1
                out.append(x[:m.start("num")] + str(part) + "." + x[m.end("sep"):])
            elif part and (m := ARABIC.match(x)) and "**" in m.group("lead"):
                out.append(x[:m.start("num")] + f"{part}.{m.group('num')}." + x[m.end("sep"):])
            else:
                out.append(x)
        return out


class NumberParen(Perturbation):
    name, describe = "number_paren", "1. → 1), a) → a."

    def line(self, x: str) -> str:
        if m := ARABIC.match(x):
            return x[:m.start("sep")] + ")" + x[m.end("sep"):]
        if m := LETTER.match(x):
            return x[:m.start("sep")] + "." + x[m.end("sep"):]
        return x


class LettersToBullets(Perturbation):
    name, describe = "letters_to_bullets", "a) → -, - → +"

    def line(self, x: str) -> str:
        if m := LETTER.match(x):
            return x[:m.start("num")] + "-" + x[m.end("sep"):]
        if (m := DASH.match(x)) and m.group("mark") == "-":
            return x[:m.start("mark")] + "+" + x[m.end("mark"):]
        return x


class DashToDot(Perturbation):
    name, describe = "dash_to_dot", "- → •, + → -"

    def line(self, x: str) -> str:
        if m := DASH.match(x):
            return x[:m.start("mark")] + {"-": "•", "+": "-"}.get(m.group("mark"), m.group("mark")) + x[m.end("mark"):]
        return x


class BoldRemoved(Perturbation):
    name, describe = "bold_removed", "every ** and __ taken out"

    def line(self, x: str) -> str:
        return x.replace("**", "").replace("__", "")


class BoldAdded(Perturbation):
    name, describe = "bold_added", "numbered/lettered items and labelled lines set in bold"

    _LABEL = re.compile(r"^\s*[-+•]\s+([^:]{3,40}):")

    def line(self, x: str) -> str:
        if "**" in x or not x.strip():
            return x
        if ARABIC.match(x) or LETTER.match(x):
            return "**" + x.rstrip() + "**"
        if m := self._LABEL.match(x):
            return x[:m.start(1)] + "**" + m.group(1) + ":**" + x[m.end():]
        return x


class ItalicLabels(Perturbation):
    name, describe = "italic_labels", "a labelled line's label in italics (- *Cơ quan chủ trì:* …)"

    _LABEL = re.compile(r"^(\s*[-+•]\s+)([^:*]{3,40}):")

    def line(self, x: str) -> str:
        if m := self._LABEL.match(x):
            return m.group(1) + "*" + m.group(2) + ":*" + x[m.end():]
        return x


class HashHeadings(Perturbation):
    name, describe = "hash_headings", "Roman parts → '## ', bold numbered headings → '### ' (bold kept)"

    def line(self, x: str) -> str:
        if x.lstrip().startswith("#") or not self._whole(x):
            return x
        if ROMAN.match(x):
            return "## " + x.lstrip()
        if (m := ARABIC.match(x) or LETTER.match(x)) and "**" in m.group("lead"):
            return "### " + x.lstrip()
        return x

    @staticmethod
    def _whole(x: str) -> bool:
        """A heading line whole: its bold closes at its end or runs on to the next line, never a bold label
        before plain text ("**2. Thời gian thực hiện:** Từ …" is an item, not a heading)."""
        head, body = _body(x)
        inner = body.rstrip().rstrip(":").rstrip()
        inner = inner[:-2] if inner.endswith("**") else inner
        return "**" not in inner


class HashHeadingsPlain(Perturbation):
    name, describe = "hash_headings_plain", "headings as '## ' / '### ' without bold"

    def apply(self, lines: list[str]) -> list[str]:
        out, open_run = [], False
        for x in lines:
            y = HashHeadings().line(x)
            if y != x:
                open_run = y.count("**") % 2 == 1  # the heading wraps: its closing marker is on a later line
                out.append(y.replace("**", ""))
            elif open_run and x.strip():
                open_run = "**" not in x
                out.append(x.replace("**", ""))
            else:
                open_run = False
                out.append(x)
        return out


class _HeadingWords(Perturbation):
    """Rewrites the words of every heading, over all the lines a wrapped bold heading takes ("**1. Sở" over
    "Tài chính **(cơ quan chủ trì)"), up to where its bold closes."""

    def words(self, text: str, first: bool) -> str:
        return text

    def apply(self, lines: list[str]) -> list[str]:
        out, open_run = [], False
        for x in lines:
            if is_heading(x):
                head, body = _body(x)
                out.append(head + self.words(body, True))
                open_run = "**" in head and body.count("**") % 2 == 0  # the opening bold is not closed yet
            elif open_run and x.strip():
                cut = x.find("**")
                out.append(self.words(x, False) if cut < 0 else self.words(x[:cut], False) + x[cut:])
                open_run = cut < 0
            else:
                open_run = False
                out.append(x)
        return out


class HeadingsUpper(_HeadingWords):
    name, describe = "headings_upper", "numbered headings in capitals"

    def words(self, text: str, first: bool) -> str:
        return text.upper()


class HeadingsSentence(_HeadingWords):
    name, describe = "headings_sentence_case", "capitalised headings in sentence case (I. MỤC ĐÍCH → I. Mục đích)"

    def words(self, text: str, first: bool) -> str:
        letters = [c for c in text if c.isalpha()]
        if not letters or sum(c.isupper() for c in letters) < 0.8 * len(letters):
            return text
        low = text.lower()
        if not first:
            return low
        i = next((k for k, c in enumerate(low) if c.isalpha()), 0)
        return low[:i] + low[i:i + 1].upper() + low[i + 1:]


class HeadingsUnmarked(_HeadingWords):
    name, describe = "headings_no_diacritics", "numbered headings typed without diacritics"

    def words(self, text: str, first: bool) -> str:
        return strip_marks(text)


def _labels(meaning: str, marked: tuple[str, ...]) -> tuple[str, ...]:
    """Marked spellings of one column meaning, each checked against corpus.text's folded vocabulary."""
    known = dict(COLUMN_MEANINGS)[meaning]
    for w in marked:
        assert fold(w) in known, f"{w!r} is not a {meaning} label in corpus.text.COLUMN_MEANINGS"
    return marked


# rings of synonymous role labels; each label is replaced by the next one of its ring (longest match first)
ROLE_RINGS = (
    _labels("chu_tri", ("Cơ quan chủ trì", "Đơn vị chủ trì", "Chủ trì")),
    _labels("chu_tri", ("Cơ quan thực hiện", "Đơn vị thực hiện", "Đơn vị chủ trì")),
    _labels("phoi_hop", ("Cơ quan phối hợp", "Đơn vị phối hợp", "Phối hợp")),
    _labels("thoi_han", ("Thời gian thực hiện", "Thời hạn", "Tiến độ")),
    _labels("thoi_han", ("Thời gian hoàn thành", "Thời hạn")),
)


class RoleSynonyms(Perturbation):
    name, describe = "role_synonyms", "role labels swapped for synonyms (Cơ quan chủ trì → Đơn vị chủ trì → Chủ trì, " \
                                      "Thời gian thực hiện → Thời hạn → Tiến độ)"

    def __init__(self) -> None:
        swap: dict[str, str] = {}
        for ring in ROLE_RINGS:
            for a, b in zip(ring, ring[1:] + ring[:1]):
                swap.setdefault(a, b)
        self.swap = swap
        alts = "|".join(re.escape(k) for k in sorted(swap, key=len, reverse=True))
        # a label opening a line or a bullet, before its colon ("- Cơ quan chủ trì: …", "**Thời hạn:** …")
        self.re = re.compile(r"^(\s*(?:[-+•]\s+)?(?:\*\*|\*)?)(%s)(?=\s*(?:\*\*|\*)?\s*:)" % alts)

    def line(self, x: str) -> str:
        m = self.re.match(x)
        return x[:m.start(2)] + self.swap[m.group(2)] + x[m.end(2):] if m else x


class TableRoleSynonyms(RoleSynonyms):
    name, describe = "table_role_synonyms", "a table's role header cells swapped for synonyms"

    def line(self, x: str) -> str:
        # the crawled tables write a cell per line ("**Cơ quan chủ trì**" between "|" lines), or a row per line
        return "|".join(self._cell(c) for c in x.split("|"))

    def _cell(self, c: str) -> str:
        s = c.strip().strip("*").strip()
        return c.replace(s, self.swap[s]) if s in self.swap else c


# ----------------------------------------------------------------------------- value formats


class ValueFormat(Perturbation):
    """A time or date written in another format, the same rewrite applied to the document lines and to the gold's
    answer_contains strings (`answer`), so the expected answer follows the value it names. Line count unchanged."""

    rx: re.Pattern[str] = re.compile(r"(?!)")

    def sub(self, m: re.Match[str]) -> str:
        return m.group(0)

    def line(self, x: str) -> str:
        return self.rx.sub(self.sub, x)

    def answer(self, s: str) -> str:
        return self.line(s)


def _cap(like: str, text: str) -> str:
    """`text` with the first letter's case of `like` ("Hằng năm" → "Hàng năm", "hằng năm" → "hàng năm")."""
    return text[:1].upper() + text[1:] if like[:1].isupper() else text[:1].lower() + text[1:]


_DATE = r"(?<![\d/.-])(?P<d>[0-3]?\d)/(?P<m>[01]?\d)/(?P<y>(?:19|20)\d\d)(?![\d/])"
_ROMAN_Q = {"I": "1", "II": "2", "III": "3", "IV": "4"}


class DateDashes(ValueFormat):
    name, describe = "date_dashes", "30/6/2026 → 30-6-2026"
    rx = re.compile(_DATE)

    def sub(self, m: re.Match[str]) -> str:
        return f"{m['d']}-{m['m']}-{m['y']}"


class DateWords(ValueFormat):
    name, describe = "date_words", "(ngày) 30/6/2026 → ngày 30 tháng 6 năm 2026"
    rx = re.compile(r"(?:(?P<n>[Nn]gày)\s+)?" + _DATE)

    def sub(self, m: re.Match[str]) -> str:
        return f"{m['n'] or 'ngày'} {m['d']} tháng {m['m']} năm {m['y']}"


_QUARTER = re.compile(r"(?P<q>[Qq]uý)\s+(?P<r>IV|I{1,3})\s*/\s*(?P<y>(?:19|20)\d\d)\b")


class QuarterDigits(ValueFormat):
    name, describe = "quarter_digits", "Quý II/2026 → quý 2 năm 2026"
    rx = _QUARTER

    def sub(self, m: re.Match[str]) -> str:
        return f"{m['q'].lower()} {_ROMAN_Q[m['r']]} năm {m['y']}"


class QuarterYearWord(ValueFormat):
    name, describe = "quarter_nam", "Quý II/2026 → Quý II năm 2026"
    rx = _QUARTER

    def sub(self, m: re.Match[str]) -> str:
        return f"{m['q']} {m['r']} năm {m['y']}"


class YearBare(ValueFormat):
    name, describe = "year_bare", "năm 2026 → 2026 (not after a month or 'tháng … năm')"
    rx = re.compile(r"(?<![Tt]háng )(?<!\d )\b[Nn]ăm\s+(?P<y>(?:19|20)\d\d)\b")

    def sub(self, m: re.Match[str]) -> str:
        return m["y"]


class YearlySwap(ValueFormat):
    name, describe = "yearly_swap", "Hằng năm ↔ Hàng năm (also quý, tháng)"
    rx = re.compile(r"\b(?P<w>[Hh][ằà]ng)\s+(?P<u>năm|quý|tháng)\b")

    def sub(self, m: re.Match[str]) -> str:
        other = {"hằng": "hàng", "hàng": "hằng"}[m["w"].lower()]
        return _cap(m["w"], other) + " " + m["u"]


class YearlyPeriodic(ValueFormat):
    name, describe = "yearly_dinh_ky", "Hằng năm / Hàng năm → Định kỳ hằng năm"
    rx = re.compile(r"(?<![Đđ]ịnh kỳ )\b(?P<w>[Hh][ằà]ng)\s+năm\b")

    def sub(self, m: re.Match[str]) -> str:
        return _cap(m["w"], "định kỳ hằng năm")


class ContinuousWords(ValueFormat):
    name, describe = "continuous", "Thường xuyên → Liên tục (not 'thường xuyên, liên tục')"
    rx = re.compile(r"\b(?P<w>[Tt]hường xuyên)\b(?!\s*,?\s*liên tục)")

    def sub(self, m: re.Match[str]) -> str:
        return _cap(m["w"], "liên tục")


class DeadlineLatest(ValueFormat):
    name, describe = "deadline_cham_nhat", "trước ngày 15/12 → chậm nhất ngày 15/12"
    rx = re.compile(r"\b(?P<w>[Tt]rước)(?=\s+ngày\s+\d)")

    def sub(self, m: re.Match[str]) -> str:
        return _cap(m["w"], "chậm nhất")


class DeadlineBare(ValueFormat):
    name, describe = "deadline_bare", "trước ngày 15/12 → trước 15/12 (a date: not 'trước ngày 18 hằng tháng')"
    rx = re.compile(r"\b(?P<w>[Tt]rước)\s+ngày\s+(?=\d{1,2}(?:/\d|\s+tháng\s+\d))")

    def sub(self, m: re.Match[str]) -> str:
        return m["w"] + " "


VALUE_FORMATS: list[Perturbation] = [
    DateDashes(), DateWords(), QuarterDigits(), QuarterYearWord(), YearBare(), YearlySwap(), YearlyPeriodic(),
    ContinuousWords(), DeadlineLatest(), DeadlineBare(),
]


def answer_of(p: Perturbation, s: str) -> str:
    """An answer string as perturbation `p` writes it (a layout change leaves it as it was)."""
    return p.answer(s) if isinstance(p, ValueFormat) else s


PERTURBATIONS: list[Perturbation] = [
    RomanToDecimal(), NumberParen(), LettersToBullets(), DashToDot(), BoldRemoved(), BoldAdded(), ItalicLabels(),
    HashHeadings(), HashHeadingsPlain(), HeadingsUpper(), HeadingsSentence(), HeadingsUnmarked(), RoleSynonyms(),
    TableRoleSynonyms(), *VALUE_FORMATS,
]


# ----------------------------------------------------------------------------- documents and gold


def dev_documents() -> list[str]:
    return sorted(json.loads(SPLIT.read_text(encoding="utf-8"))["dev"])


def dev_questions(docs: set[str]) -> list[dict]:
    """Answerable questions of every real_dev*.jsonl whose relevant lines are all in `docs`."""
    out = []
    for path in sorted((ROOT / "eval").glob("real_dev*.jsonl")):
        for row in path.read_text(encoding="utf-8").splitlines():
            q = json.loads(row)
            if q.get("answerable") and q["relevant"] and all(r["source"] in docs for r in q["relevant"]):
                out.append({**q, "id": f"{path.stem}:{q['id']}"})
    return out


def protect(lines: list[str], needles: list[str], perturbed: list[str],
            p: Perturbation | None = None) -> tuple[list[str], int]:
    """Put back a line whose perturbation drops an answer string the original line holds verbatim (a value format
    may write it as it writes the answer string: `answer_of`)."""
    out, kept = [], 0
    for a, b in zip(lines, perturbed):
        if a != b and any(n in a and n not in b and (p is None or answer_of(p, n) not in b) for n in needles):
            out.append(a)
            kept += 1
        else:
            out.append(b)
    return out, kept


def write_copy(p: Perturbation, docs: list[str], needles: dict[str, list[str]], dest: Path) -> dict:
    """The perturbed copy of `docs` in `dest`; counts of lines changed and lines kept to protect answers."""
    dest.mkdir(parents=True, exist_ok=True)
    changed, kept, touched = 0, 0, set()
    for name in docs:
        text = (PLANS / name).read_text(encoding="utf-8")
        lines = text.split("\n")
        new, k = protect(lines, needles.get(name, []), p.apply(lines), p)
        assert len(new) == len(lines), f"{p.name} changed the number of lines of {name}"
        whole_a, whole_b = "\n".join(lines), "\n".join(new)
        lost = [n for n in needles.get(name, []) if n in whole_a and n not in whole_b and answer_of(p, n) not in whole_b]
        assert not lost, f"{p.name} lost answer strings of {name}: {lost[:3]}"
        diff = sum(a != b for a, b in zip(lines, new))
        changed += diff
        kept += k
        if diff:
            touched.add(name)
        (dest / name).write_text(whole_b, encoding="utf-8")
    return {"changed": changed, "kept": kept, "documents": len(touched)}


def perturbed_gold(p: Perturbation, questions: list[dict], copy: Path) -> tuple[list[dict], int]:
    """The questions with their answer strings as `p` writes them (`answer_of`) where the copy holds them so, else
    as they were (a line put back by `protect`); the question text is left as a person would type it."""
    text = {n: (copy / n).read_text(encoding="utf-8") for n in {r["source"] for q in questions for r in q["relevant"]}}
    out, moved = [], 0
    for q in questions:
        # spaces as the answer check reads them: a value may wrap ("Quý\nIV năm 2025")
        hay = " ".join(" ".join(text[s] for s in {r["source"] for r in q["relevant"]}).split())
        new = [answer_of(p, n) if " ".join(answer_of(p, n).split()) in hay else n for n in q["answer_contains"]]
        was = " ".join(" ".join((PLANS / s).read_text(encoding="utf-8")
                                for s in {r["source"] for r in q["relevant"]}).split())
        assert all(" ".join(m.split()) in hay for n, m in zip(q["answer_contains"], new) if " ".join(n.split()) in was), \
            f"{p.name}: {q['id']} lost an answer string"
        moved += new != q["answer_contains"]
        out.append({**q, "answer_contains": new})
    return out, moved


# ----------------------------------------------------------------------------- index and ask


def build_index(src: Path, index: Path, model: str | None) -> float:
    t = time.perf_counter()
    cmd = [sys.executable, "-m", "planqa.cli", "index", str(src), "--index", str(index), "--quiet"]
    if model:
        cmd += ["--model", model]
    subprocess.run(cmd, check=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    return time.perf_counter() - t


def ask(index: Path, gold: Path, ranker: str | None, model: str | None) -> dict[str, dict]:
    """Per question: hit@5, reciprocal rank at 10, answer right — hybrid mode, as `planqa eval` scores it."""
    from retrieval import Retriever
    from retrieval.evaluate import evaluate

    return scores(evaluate(Retriever.load(index, model=model, ranker=ranker), gold, modes=("hybrid",), k=10))


def scores(report) -> dict[str, dict]:
    """Per question of a hybrid `retrieval.evaluate.EvalReport`: hit@5, reciprocal rank at 10, answer right, its gold
    type, whether it is answerable and whether the assistant abstained (`benchmarks/perturb_questions.py` reads the
    last two for the unanswerable rows)."""
    return {r.question.id: {"hit": r.reciprocal_rank(5) > 0, "rr": r.reciprocal_rank(10), "ans": r.answer_ok,
                            "type": r.question.type, "answerable": r.question.answerable, "abstained": r.abstained}
            for r in report.results["hybrid"]}


def summary(res: dict[str, dict], qtype: str | None = None) -> tuple[float, float, float]:
    res = {k: r for k, r in res.items() if qtype is None or r["type"] == qtype}
    n = len(res) or 1
    return (sum(r["hit"] for r in res.values()) / n, sum(r["rr"] for r in res.values()) / n,
            sum(r["ans"] for r in res.values()) / n)


def flips(base: dict[str, dict], new: dict[str, dict], key: str) -> tuple[list[str], list[str]]:
    lost = sorted(q for q in base if base[q][key] and not new[q][key])
    won = sorted(q for q in base if not base[q][key] and new[q][key])
    return lost, won


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=0, help="a sample of this many dev documents (0: all)")
    ap.add_argument("--only", nargs="*", default=[], help="perturbation names to run (default: all)")
    ap.add_argument("--ranker", default=None, help="ranking model file (default: the shipped one)")
    ap.add_argument("--model", default=None, help="embedding model (default: the index default)")
    ap.add_argument("--work", type=Path, default=Path("/tmp/perturb_layouts"), help="where copies and indexes go")
    ap.add_argument("--out", type=Path, default=RESULTS)
    ap.add_argument("--json", type=Path, default=None, help="also write per-question results")
    ap.add_argument("--dry", action="store_true", help="value formats: write the copies and count, ask nothing")
    ap.add_argument("--label", default="", help="a line naming the code measured (e.g. the commit)")
    args = ap.parse_args()

    docs = dev_documents()  # the test half is never listed, read or indexed
    if args.docs:
        docs = sorted(random.Random(SAMPLE_SEED).sample(docs, min(args.docs, len(docs))))
    questions = dev_questions(set(docs))
    needles: dict[str, list[str]] = {}
    for q in questions:
        for source in {r["source"] for r in q["relevant"]}:
            needles.setdefault(source, []).extend(q["answer_contains"])
    args.work.mkdir(parents=True, exist_ok=True)
    gold = args.work / "gold.jsonl"
    gold.write_text("".join(json.dumps(q, ensure_ascii=False) + "\n" for q in questions), encoding="utf-8")
    chosen = [p for p in PERTURBATIONS if not args.only or p.name in args.only]
    print(f"{len(docs)} dev documents, {len(questions)} answerable questions, {len(chosen)} perturbations",
          file=sys.stderr)

    runs: list[tuple[str, str, dict, dict[str, dict]]] = []
    identity = Perturbation()
    for p in [identity, *chosen]:
        src, index = args.work / "docs" / p.name, args.work / "index" / p.name
        stats = write_copy(p, docs, needles, src)
        if args.dry and not isinstance(p, ValueFormat):
            continue
        if p is not identity and not stats["changed"]:
            print(f"{p.name}: no line changed, skipped", file=sys.stderr)
            continue
        asked = gold
        if isinstance(p, ValueFormat):  # the answer strings follow the values they name
            rows, stats["answers_moved"] = perturbed_gold(p, questions, src)
            asked = args.work / f"gold-{p.name}.jsonl"
            asked.write_text("".join(json.dumps(q, ensure_ascii=False) + "\n" for q in rows), encoding="utf-8")
            if args.dry:
                print(f"{p.name}: {stats}", file=sys.stderr)
                continue
        stats["index_s"] = build_index(src, index, args.model)
        t = time.perf_counter()
        res = ask(index, asked, args.ranker, args.model)
        stats["ask_s"] = time.perf_counter() - t
        runs.append((p.name, p.describe, stats, res))
        h, m, a = summary(res)
        print(f"{p.name}: hit@5 {h:.3f} MRR {m:.3f} answers {a:.3f} {stats}", file=sys.stderr)

    if args.dry:
        return
    base = runs[0][3]
    docs_of = {q["id"]: sorted({r["source"] for r in q["relevant"]}) for q in questions}
    lines = [
        "# Robustness to unseen layouts",
        "",
        f"`benchmarks/perturb_layouts.py`{' ' + args.label if args.label else ''}: {len(docs)} dev documents "
        f"rewritten line for line, {len(questions)} answerable dev questions (real_dev*.jsonl) asked in hybrid "
        "mode on a dev-only index of each copy. Answer strings are never altered. Δ against the original; "
        "lost/won = questions whose answer flips; docs = distinct documents of the lost answers.",
        "",
        "| perturbation | lines changed (docs) | hit@5 | MRR@10 | answers | Δ answers | lost | won | docs "
        "| when hit@5 | when MRR | when answers |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    h0, m0, a0 = summary(base)
    details = []
    for name, describe, stats, res in runs:
        h, m, a = summary(res)
        lost, won = flips(base, res, "ans")
        hl, hw = flips(base, res, "hit")
        lost_docs = Counter(d for q in lost for d in docs_of[q])
        lines.append(f"| {name} | {stats['changed']} ({stats['documents']}) | {h:.3f} | {m:.3f} | {a:.3f} | "
                     f"{a - a0:+.3f} | {len(lost)} | {len(won)} | {len(lost_docs)} | "
                     + " | ".join(f"{v:.3f}" for v in summary(res, "when")) + " |")
        if name != "original" and (lost or won or hl or hw):
            details.append(f"- **{name}** ({describe}): answers lost {', '.join(lost) or '–'}; won "
                           f"{', '.join(won) or '–'}; hit@5 lost {', '.join(hl) or '–'}; won {', '.join(hw) or '–'}")
    lines += ["", "Flips:", "", *details]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    if args.json:
        args.json.write_text(json.dumps({n: r for n, _, _, r in runs}, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
