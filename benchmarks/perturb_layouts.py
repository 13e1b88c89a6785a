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

Line-shifting layouts (`LineShift`: hard wraps at ~72 columns, blank lines removed or doubled, attribute lines
joined into their task as "(Chủ trì: …; thời gian: …)" or split out of it, web-page menus and footers around the
document) move lines: each returns a `LineMap` (every original line → the new lines holding its text), the gold's
cited lines follow it (`remap_gold`), and an answer string is never cut by a new line break (checked: every string
found in the joined cited lines before is found in them after, spaces as `answer_matches` reads them).

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


DECIMAL = re.compile(_LEAD + r"(?P<num>\d{1,2}(?:\.\d{1,2})+)(?P<sep>\.?)\s+(?=\S)")


class RomanToDecimalDeep(Perturbation):
    """roman_to_decimal carried through the whole outline: the decimals a plan already writes under a part move down
    with it (IV. → 4., 1. → 4.1., 1.1. → 4.1.1.); roman_to_decimal leaves them as they were, so "1.1." follows "4.1.",
    an outline no plan writes."""

    name, describe = "roman_to_decimal_deep", "I. → 1., 1. under it → 1.1., 1.1. → 1.1.1."

    def apply(self, lines: list[str]) -> list[str]:
        out, part = [], 0
        for x in lines:
            if m := ROMAN.match(x):
                part += 1
                out.append(x[:m.start("num")] + str(part) + "." + x[m.end("sep"):])
            elif part and (m := DECIMAL.match(x)):
                out.append(x[:m.start("num")] + f"{part}.{m.group('num')}{m.group('sep')}" + x[m.end("sep"):])
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


class BoldItemsWhole(Perturbation):
    """Numbered/lettered items set in bold over all the lines they wrap onto, as a bold paragraph is crawled
    ("**1. Sở Tài chính chủ trì, phối hợp" … "… tổ chức thực hiện.**"); bold_added closes the bold at the first line's
    end, mid-sentence when the item wraps, which no crawled plan writes."""

    name, describe = "bold_items_whole", "numbered/lettered items in bold over every line they wrap onto"

    def apply(self, lines: list[str]) -> list[str]:
        out, i = list(lines), 0
        while i < len(lines):
            x = lines[i]
            if "**" in x or not x.strip() or not (ARABIC.match(x) or LETTER.match(x)):
                i += 1
                continue
            j = i  # the item goes on to the next blank, marked or bold line
            while j + 1 < len(lines) and lines[j + 1].strip() and "**" not in lines[j + 1] and "|" not in lines[j + 1] \
                    and not (ARABIC.match(lines[j + 1]) or LETTER.match(lines[j + 1]) or DASH.match(lines[j + 1])
                             or ROMAN.match(lines[j + 1])):
                j += 1
            out[i] = "**" + x.lstrip() if i < j else "**" + x.strip() + "**"
            if i < j:
                out[j] = lines[j].rstrip() + "**"
            i = j + 1
        return out


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


class WordSwap(ValueFormat):
    """A time's word (`rx`'s group "w") written as another (`to`), in the case the plan wrote it."""

    to = ""

    def sub(self, m: re.Match[str]) -> str:
        return _cap(m["w"], self.to)


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


class YearlyPeriodic(WordSwap):
    name, describe = "yearly_dinh_ky", "Hằng năm / Hàng năm → Định kỳ hằng năm"
    rx = re.compile(r"(?<![Đđ]ịnh kỳ )\b(?P<w>[Hh][ằà]ng)\s+năm\b")
    to = "định kỳ hằng năm"


class ContinuousWords(WordSwap):
    name, describe = "continuous", "Thường xuyên → Liên tục (not 'thường xuyên, liên tục')"
    rx = re.compile(r"\b(?P<w>[Tt]hường xuyên)\b(?!\s*,?\s*liên tục)")
    to = "liên tục"


class DeadlineLatest(WordSwap):
    name, describe = "deadline_cham_nhat", "trước ngày 15/12 → chậm nhất ngày 15/12"
    rx = re.compile(r"\b(?P<w>[Tt]rước)(?=\s+ngày\s+\d)")
    to = "chậm nhất"


class DeadlineBare(ValueFormat):
    name, describe = "deadline_bare", "trước ngày 15/12 → trước 15/12 (a date: not 'trước ngày 18 hằng tháng')"
    rx = re.compile(r"\b(?P<w>[Tt]rước)\s+ngày\s+(?=\d{1,2}(?:/\d|\s+tháng\s+\d))")

    def sub(self, m: re.Match[str]) -> str:
        return m["w"] + " "


VALUE_FORMATS: list[Perturbation] = [
    DateDashes(), DateWords(), QuarterDigits(), QuarterYearWord(), YearBare(), YearlySwap(), YearlyPeriodic(),
    ContinuousWords(), DeadlineLatest(), DeadlineBare(),
]


# ----------------------------------------------------------------------------- target formats


_FIG = r"(?P<n>\d+(?:[.,]\d+)*)"  # a figure as written, thousands or decimals alike


def figure_value(written: str) -> float:
    """A written figure's value, as the plans write them ("1.200" thousands, "1,16" a decimal)."""
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", written):
        written = written.replace(".", "")
    try:
        return float(written.replace(",", "."))
    except ValueError:
        return float("nan")


class TargetFormat(ValueFormat):
    """A chỉ tiêu's figure, comparison, unit or year written another way, the same rewrite applied to the line and
    to a target fact's expected value (`fact`): the fact changes only where the rewrite touched its own figure
    (same value) in the clause the fact is read from. `changes` names what a rewrite does to the target."""

    def changes(self, m: re.Match[str]) -> dict:
        return {}

    def fact(self, value: dict, clause_text: str) -> dict:
        """The gold target as the perturbed clause states it (keys the gold does not score stay absent)."""
        gold = dict(value)
        values = [float(v) for v in gold.get("values", [])]
        # line by line, as `line` rewrites them (a figure wrapped onto the next line is not rewritten)
        for m in (m for x in clause_text.split("\n") for m in self.rx.finditer(x)):
            n = m.groupdict().get("n")
            if n is None or not values or abs(figure_value(n) - values[0]) > 1e-6:
                continue
            ch = self.changes(m)
            if "comparison" in ch and "comparison" in gold and gold["comparison"] in ch.get("from", (gold["comparison"],)):
                gold["comparison"] = ch["comparison"]
            if "unit" in ch and gold.get("unit") is not None and fold(gold["unit"]) == fold(ch["unit_was"]):
                gold["unit"] = ch["unit"]
            break
        return gold


# bound words by the comparison they make; each is swapped for the next of its ring (same comparison)
BOUND_RINGS = {">=": ("tối thiểu", "không dưới", "ít nhất"), "<=": ("tối đa", "không quá", "không vượt quá"),
               ">": ("trên", "hơn"), "<": ("dưới", "thấp hơn")}
BOUND_SYMBOLS = {">=": "≥", "<=": "≤", ">": ">", "<": "<"}
_BOUND_WORD = {w: c for c, ring in BOUND_RINGS.items() for w in ring}
_BOUND_ALT = "|".join(re.escape(w) for w in sorted(_BOUND_WORD, key=len, reverse=True))
# a bound word right before a figure (after an optional "đạt"); "không dưới" is not read as "dưới"
_BOUND_RX = re.compile(rf"(?<![\w])(?<!không )(?P<w>{_BOUND_ALT})(?P<gap>\s+(?:đạt\s+)?)(?={_FIG})", re.I)


class BoundSynonyms(TargetFormat):
    name, describe = "bound_synonyms", "tối thiểu → không dưới → ít nhất, tối đa → không quá, trên → hơn, dưới → thấp hơn"
    rx = _BOUND_RX

    def sub(self, m: re.Match[str]) -> str:
        ring = BOUND_RINGS[_BOUND_WORD[m["w"].lower()]]
        return _cap(m["w"], ring[(ring.index(m["w"].lower()) + 1) % len(ring)]) + m["gap"]


class BoundSymbols(TargetFormat):
    name, describe = "bound_symbols", "tối thiểu 80% → ≥ 80%, trên → >, dưới → <, tối đa → ≤; 97% trở lên → ≥ 97%"
    rx = re.compile(_BOUND_RX.pattern + r"|" + rf"(?<![\w.,]){_FIG.replace('P<n>', 'P<t>')}(?P<pc>\s*%)?\s+trở lên", re.I)

    def sub(self, m: re.Match[str]) -> str:
        if m["w"]:
            return BOUND_SYMBOLS[_BOUND_WORD[m["w"].lower()]] + " "
        return "≥ " + m["t"] + (m["pc"] or "")


_REACHED = re.compile(rf"(?<!\w)(?P<w>[Đđ]ạt)\s+{_FIG}(?P<pc>\s*%)(?!\s*(?:[-–/]|trở|đến))")


class ReachedAbove(TargetFormat):
    name, describe = "reached_above", "đạt 95% → đạt trên 95% (the gold's = becomes >)"
    rx = _REACHED

    def sub(self, m: re.Match[str]) -> str:
        return f"{m['w']} trên {m['n']}{m['pc']}"

    def changes(self, m: re.Match[str]) -> dict:
        return {"comparison": ">", "from": ("=",)}


class ReachedOrMore(TargetFormat):
    name, describe = "reached_or_more", "đạt 95% → đạt 95% trở lên (the gold's = becomes >=)"
    rx = _REACHED

    def sub(self, m: re.Match[str]) -> str:
        return f"{m['w']} {m['n']}{m['pc']} trở lên"

    def changes(self, m: re.Match[str]) -> dict:
        return {"comparison": ">=", "from": ("=",)}


_PERCENT = re.compile(rf"(?<![\w.,]){_FIG}%(?!\s*/)")


class PercentSpaced(TargetFormat):
    name, describe = "percent_spaced", "95% → 95 %"
    rx = _PERCENT

    def sub(self, m: re.Match[str]) -> str:
        return m["n"] + " %"


class PercentWords(TargetFormat):
    name, describe = "percent_words", "95% → 95 phần trăm (the unit stays %)"
    rx = _PERCENT

    def sub(self, m: re.Match[str]) -> str:
        return m["n"] + " phần trăm"


class DecimalPoint(TargetFormat):
    name, describe = "decimal_point", "1,16 → 1.16 (one or two decimals)"
    rx = re.compile(r"(?<![\d.,])(?P<n>(?P<i>\d+),(?P<d>\d{1,2}))(?![\d.,])")

    def sub(self, m: re.Match[str]) -> str:
        return f"{m['i']}.{m['d']}"


class ThousandsSpace(TargetFormat):
    name, describe = "thousands_space", "30.000 → 30 000"
    rx = re.compile(r"(?<![\d.,/])(?P<n>\d{1,3}(?:\.\d{3})+)(?![\d.,/])")

    def sub(self, m: re.Match[str]) -> str:
        return m["n"].replace(".", " ")


# "Đến năm 2030, X đạt 50%;" / "… phấn đấu đến năm 2030 đạt 18.000 tấn;": the year moved behind the figure, to the end
# of its part of the sentence, when that part ends on the same line (a wrapped sentence keeps its year where it was)
_YEAR_BEFORE = re.compile(r"(?P<w>(?<!\w)[Đđ]ến (?:hết |cuối )?năm) (?P<y>20\d\d)(?P<comma>\s*,)?\s+"
                          r"(?P<rest>[^;.]*?\d[^;]*?)(?P<end>[;.]\s*$|;)")


class YearAfter(TargetFormat):
    name, describe = "year_after", "Đến năm 2030, X đạt 50%; → X đạt 50% vào năm 2030;"
    rx = _YEAR_BEFORE
    where = "vào năm {y}"

    def sub(self, m: re.Match[str]) -> str:
        rest = _cap(m["w"], m["rest"]) if m["w"][:1].isupper() else m["rest"]
        return f"{rest} {self.where.format(y=m['y'])}{m['end']}"

    def answer(self, s: str) -> str:
        return s


class YearInParens(YearAfter):
    name, describe = "year_in_parens", "Đến năm 2030, X đạt 50%; → X đạt 50% (năm 2030);"
    where = "(năm {y})"


# units written out or abbreviated; a unit after a figure, or a whole table cell
UNIT_SPELLINGS = {"ha": "hécta", "km": "ki-lô-mét", "m2": "mét vuông", "m²": "mét vuông", "USD": "đô la Mỹ",
                  "tỷ đồng": "tỷ VNĐ", "triệu đồng": "triệu VNĐ", "doanh nghiệp": "DN", "hợp tác xã": "HTX"}
CELL_UNITS = ("ha", "km", "m2", "m²", "usd", "tỷ đồng", "triệu đồng")  # the measures a table's unit cell writes
_UNIT_ALT = "|".join(re.escape(u) for u in sorted(UNIT_SPELLINGS, key=len, reverse=True))


class UnitSpelled(TargetFormat):
    name, describe = "unit_spelled", "ha → hécta, km → ki-lô-mét, m² → mét vuông, tỷ đồng → tỷ VNĐ, doanh nghiệp → DN"
    # (a cell: the whole of a line or of a "|" cell)
    rx = re.compile(rf"(?:{_FIG}(?P<sp>\s*)|(?P<cell>(?:^|\|)[\s*]*))(?P<u>{_UNIT_ALT})"
                    rf"(?(cell)(?=[\s*]*(?:\||$))|(?![\w²]))", re.I)

    def _new(self, u: str) -> str:
        key = next(k for k in UNIT_SPELLINGS if k.lower() == u.lower())
        new = UNIT_SPELLINGS[key]
        return _cap(u, new) if key[:1].islower() and not new.isupper() else new

    def sub(self, m: re.Match[str]) -> str:
        if m["cell"] is not None:  # a unit column's cell; "Doanh nghiệp" alone names the partner, no unit
            return m["cell"] + (self._new(m["u"]) if m["u"].lower() in CELL_UNITS else m["u"])
        return m["n"] + (m["sp"] or " ") + self._new(m["u"])

    def changes(self, m: re.Match[str]) -> dict:
        return {"unit": self._new(m["u"]), "unit_was": m["u"]}

    def fact(self, value: dict, clause_text: str) -> dict:
        gold = super().fact(value, clause_text)
        if gold.get("unit") is not None and gold == value:  # a unit column's cell names no figure
            for m in (m for x in clause_text.split("\n") for m in self.rx.finditer(x)):
                if m["cell"] is not None and m["u"].lower() in CELL_UNITS and fold(m["u"]) == fold(gold["unit"]):
                    return {**gold, "unit": self._new(m["u"])}
        return gold


TARGET_FORMATS: list[Perturbation] = [
    BoundSynonyms(), BoundSymbols(), ReachedAbove(), ReachedOrMore(), PercentSpaced(), PercentWords(),
    DecimalPoint(), ThousandsSpace(), YearAfter(), YearInParens(), UnitSpelled(),
]


# ----------------------------------------------------------------------------- line-shifting layouts


LineMap = list[list[int]]  # per original line (0-based): the new lines (0-based) that hold its text


def identity_map(n: int) -> LineMap:
    return [[i] for i in range(n)]


def _squash(text: str) -> str:
    """Spaces as the answer check reads them (`index.text.normalize` collapses every run of space)."""
    return " ".join(text.split())


class LineShift(Perturbation):
    """A layout change that moves lines: `shift` returns the new lines and a `LineMap`. An answer string of the
    document (`needles`) is never cut or rewritten: a line break may fall only where no answer string of that
    text crosses it, so the string stays whole in the joined cited lines (as `answer_matches` reads them)."""

    def apply(self, lines: list[str]) -> list[str]:
        return self.shift(lines, [])[0]

    def shift(self, lines: list[str], needles: list[str]) -> tuple[list[str], LineMap]:
        return list(lines), identity_map(len(lines))


TABLE_ROW = re.compile(r"^\s*\|")
MARKER = re.compile(r"^(?P<ind>\s*)(?P<mark>(?:[-+•]|\d{1,2}(?:\.\d{1,2})*[.)]|[a-zđ][.)])\s+)?")
WRAP_COLUMNS = 72  # the width PDF/Word-to-text output wraps at
# a word that would read as a new item or a heading when it opens a line ("- 06%", "2.", "a)", "#")
_ITEM_WORD = re.compile(r"^(?:[-+•#|>]|\d{1,2}(?:\.\d{1,2})*[.)]|[a-zđA-ZĐ][.)]|[IVX]{1,5}\.|\*\*\d)")


def _forbidden(text: str, needles: list[str]) -> list[tuple[int, int]]:
    """Spans of `text` no line break may cut: each occurrence of an answer string, each bold run."""
    spans = []
    for n in needles:
        for m in re.finditer(re.escape(n), text):
            spans.append((m.start(), m.end()))
    bolds = [m.start() for m in re.finditer(r"\*\*|__", text)]
    spans += [(a, b + 2) for a, b in zip(bolds[::2], bolds[1::2])]
    return spans


def wrap_line(line: str, needles: list[str], width: int = WRAP_COLUMNS, indent: str = "") -> list[str]:
    """`line` broken at spaces into lines of about `width` columns, as PDF/Word-to-text writes a paragraph: never
    inside an answer string or a bold run, never before a word that would open an item; continuation lines get
    `indent`."""
    if len(line) <= width:
        return [line]
    spans = _forbidden(line, needles)
    out, start = [], 0
    while len(line) - start > width:
        cut = None
        for m in re.finditer(r" +", line[start:]):
            pos = start + m.start()
            if pos - start > width and cut is not None:
                break
            nxt = line[start + m.end():].split(" ", 1)[0]
            if pos - start > 20 and not _ITEM_WORD.match(nxt) and not any(a < pos < b for a, b in spans):
                cut = (pos, start + m.end())
        if cut is None:
            break
        out.append(line[start:cut[0]])
        start = cut[1]
    out.append(line[start:])
    return [out[0]] + [indent + x for x in out[1:]]


def _wrappable(x: str) -> bool:
    """A paragraph or list-item line: not a table row, not a heading, not a '#' or wholly bold title."""
    s = x.strip()
    return bool(s) and not TABLE_ROW.match(x) and not s.startswith("#") and not is_heading(x) \
        and not (s.startswith("**") and s.endswith("**") and s.count("**") == 2)


class HardWrap(LineShift):
    name, describe = "hard_wrap", f"paragraph and list-item lines wrapped at ~{WRAP_COLUMNS} columns, continuation " \
                                  "lines unindented"
    indented = False

    def shift(self, lines: list[str], needles: list[str]) -> tuple[list[str], LineMap]:
        out: list[str] = []
        lmap: LineMap = []
        for x in lines:
            parts = [x]
            if _wrappable(x):
                ind = ""
                if self.indented:
                    m = MARKER.match(x)
                    ind = " " * (m.end() if m and m.group("mark") else len(m.group("ind")) + 2)
                parts = wrap_line(x, [n for n in needles if n in x], indent=ind)
            lmap.append(list(range(len(out), len(out) + len(parts))))
            out += parts
        return out, lmap


class HardWrapIndented(HardWrap):
    name, describe = "hard_wrap_indented", f"as hard_wrap, continuation lines indented under the item's text"
    indented = True


class BlankLinesRemoved(LineShift):
    """Every blank line taken out but those that close a crawled table: a table written a cell per line between
    "|" lines ends only at a blank line (as a Markdown table does), so without it the text under a table would be
    read as its cells — no layout writes a table so."""

    name, describe = "blank_lines_removed", "every blank line taken out (but the one after a table)"

    def shift(self, lines: list[str], needles: list[str]) -> tuple[list[str], LineMap]:
        out: list[str] = []
        lmap: LineMap = []
        for i, x in enumerate(lines):
            prev = next((y for y in reversed(lines[:i]) if y.strip()), "")
            if x.strip() or TABLE_ROW.match(prev):
                lmap.append([len(out)])
                out.append(x)
            else:
                lmap.append([])
        return out, lmap


class BlankLinesDoubled(LineShift):
    name, describe = "blank_lines_doubled", "every blank line written twice"

    def shift(self, lines: list[str], needles: list[str]) -> tuple[list[str], LineMap]:
        out: list[str] = []
        lmap: LineMap = []
        for x in lines:
            parts = [x] if x.strip() else [x, x]
            lmap.append(list(range(len(out), len(out) + len(parts))))
            out += parts
        return out, lmap


# a task's labelled attribute, by the column meanings of corpus.text (the roles a task line carries)
ATTRIBUTE_MEANINGS = ("chu_tri", "phoi_hop", "thoi_han", "san_pham")
# the short inline label each meaning is written with: "(Chủ trì: …; phối hợp: …; thời gian: …; sản phẩm: …)"
INLINE_LABELS = {"chu_tri": "Chủ trì", "phoi_hop": "phối hợp", "thoi_han": "thời gian", "san_pham": "sản phẩm"}
_LABEL_LINE = re.compile(r"^\s*(?:[-+•]\s+)?(?:\*\*|\*|__)?(?P<label>[^:*_|()]{2,40}?)\s*(?:\*\*|\*|__)?\s*:\s*"
                         r"(?:\*\*|\*|__)?\s*(?P<value>\S.*)$")


def attribute_of(x: str) -> tuple[str, str, str] | None:
    """(meaning, value, label) of a labelled attribute line ("- Cơ quan chủ trì: Sở Y tế." → ("chu_tri",
    "Sở Y tế.", "Cơ quan chủ trì"))."""
    m = _LABEL_LINE.match(x)
    if not m:
        return None
    label = fold(m.group("label")).strip()
    for meaning, labels in COLUMN_MEANINGS:
        if meaning in ATTRIBUTE_MEANINGS and label in labels:
            return meaning, m.group("value"), m.group("label").strip()
    return None


def _units(lines: list[str]) -> list[list[int]]:
    """Lines grouped into what a reader takes as one line of text: an item or a labelled line and the unmarked
    lines that carry it on (a hard-wrapped line), up to a blank line, a table row or the next marked line."""
    units: list[list[int]] = []
    for i, x in enumerate(lines):
        s = x.strip()
        opens = not units or not lines[units[-1][-1]].strip() or not s or TABLE_ROW.match(x) \
            or TABLE_ROW.match(lines[units[-1][-1]]) or bool(MARKER.match(x).group("mark")) or s.startswith(("#", "**")) \
            or attribute_of(x) is not None or i != units[-1][-1] + 1
        if opens:
            units.append([i])
        else:
            units[-1].append(i)
    return units


def _keeps(old: str, new: str, needles: list[str]) -> bool:
    """Every answer string in `old` is still in `new` (spaces as the answer check reads them)."""
    o, n = _squash(old), _squash(new)
    return all(_squash(s) not in o or _squash(s) in n for s in needles)


class LabelsInline(LineShift):
    name, describe = "labels_inline", "a task's labelled attribute lines (Cơ quan chủ trì: …, Thời gian thực hiện: …) " \
                                      "joined into the task line as \"(Chủ trì: …; thời gian: …)\""

    def shift(self, lines: list[str], needles: list[str]) -> tuple[list[str], LineMap]:
        units = _units(lines)
        text = lambda u: " ".join(lines[i].strip() for i in u)  # noqa: E731
        out: list[str] = []
        lmap: LineMap = [[] for _ in lines]
        k = 0
        while k < len(units):
            u = units[k]
            # the attribute units after this one (blank lines between them allowed)
            attrs, j = [], k + 1
            while j < len(units):
                t = text(units[j])
                if not t:
                    j += 1
                    continue
                a = attribute_of(t)
                if a is None or TABLE_ROW.match(lines[units[j][0]]):
                    break
                attrs.append((units[j], a))
                j += 1
            task = text(u)
            if attrs and task and attribute_of(task) is None and not TABLE_ROW.match(lines[u[0]]):
                old = "\n".join(lines[i] for i in range(u[0], attrs[-1][0][-1] + 1))
                # the short label ("Chủ trì"), or the line's own label where an answer string quotes it
                for own in (False, True):
                    inline = "; ".join(f"{a[2] if own else INLINE_LABELS[a[0]]}: {a[1].strip().rstrip('.;,').strip()}"
                                       for _, a in attrs)
                    joined = [*lines[u[0]:u[-1]], lines[u[-1]].rstrip() + f" ({inline})"]
                    if _keeps(old, " ".join(joined), needles):
                        break
                if _keeps(old, " ".join(joined), needles):
                    for n, i in enumerate(u):
                        lmap[i] = [len(out) + n]
                    for au, _ in attrs:
                        for i in au:
                            lmap[i] = [len(out) + len(u) - 1]
                    out += joined
                    # blank lines between the attributes are gone; those after the last one are kept
                    k = units.index(attrs[-1][0]) + 1
                    continue
            for i in u:
                lmap[i] = [len(out)]
                out.append(lines[i])
            k += 1
        return out, lmap


_INLINE_ATTRS = re.compile(r"\s*\((?P<body>(?:[^()]*?:[^()]*))\)\s*\.?\s*$")


class LabelsOwnLine(LineShift):
    name, describe = "labels_own_line", "a task's inline \"(Chủ trì: …; thời gian: …)\" written as labelled lines " \
                                        "under it (- Chủ trì: …)"

    def shift(self, lines: list[str], needles: list[str]) -> tuple[list[str], LineMap]:
        out: list[str] = []
        lmap: LineMap = []
        for x in lines:
            m = _INLINE_ATTRS.search(x)
            parts = [x]
            if m and not TABLE_ROW.match(x):
                items = [p.strip() for p in re.split(r";", m.group("body"))]
                if items and all(attribute_of(p) for p in items):
                    new = [x[:m.start()].rstrip()] + [f"- {p[:1].upper()}{p[1:]}." for p in items]
                    if _keeps(x, " ".join(new), needles):
                        parts = new
            lmap.append(list(range(len(out), len(out) + len(parts))))
            out += parts
        return out, lmap


# synthetic site chrome, varied per document (seeded by the document's first line)
_NAV = ("Trang chủ", "Giới thiệu", "Tin tức - Sự kiện", "Văn bản chỉ đạo điều hành", "Thủ tục hành chính",
        "Dịch vụ công trực tuyến", "Hỏi đáp", "Liên hệ", "Sơ đồ cổng", "English", "Thông báo", "Lịch công tác")
_FOOT = ("Bản quyền thuộc Cổng Thông tin điện tử", "Địa chỉ: Số 01, đường Trung tâm, phường Trung tâm",
         "Điện thoại: 0200.3800.000 - Email: congttdt@example.gov.vn", "Ghi rõ nguồn khi phát hành lại thông tin từ "
         "Cổng này", "Lượt truy cập: 1.234.567", "Đang trực tuyến: 89", "Chia sẻ: Facebook | Zalo | In trang",
         "Tin liên quan", "Về đầu trang", "Giấy phép số 01/GP-TTĐT do Sở Văn hóa cấp")


class WebNoise(LineShift):
    name, describe = "web_noise", "site menu and breadcrumb lines before the document, related links and footer after"

    def shift(self, lines: list[str], needles: list[str]) -> tuple[list[str], LineMap]:
        rnd = random.Random(lines[0] if lines else "")
        nav = rnd.sample(_NAV, rnd.randint(4, 9))
        style = rnd.randint(0, 2)
        head = ([f"- [{n}](/{fold(n).replace(' ', '-')})" for n in nav] if style == 0 else
                [" | ".join(nav)] if style == 1 else nav)
        head += ["", f"Trang chủ > {rnd.choice(('Văn bản', 'Tin tức', 'Chỉ đạo điều hành'))} > Chi tiết", ""]
        foot = ["", "Chia sẻ bài viết", "", *rnd.sample(_FOOT, rnd.randint(3, 7))]
        return head + list(lines) + foot, [[i + len(head)] for i in range(len(lines))]


LINE_SHIFTS: list[Perturbation] = [HardWrap(), HardWrapIndented(), BlankLinesRemoved(), BlankLinesDoubled(),
                                   LabelsInline(), LabelsOwnLine(), WebNoise()]


def remap_gold(questions: list[dict], maps: dict[str, LineMap], old: dict[str, list[str]],
               new: dict[str, list[str]]) -> list[dict]:
    """The questions with each cited line replaced by the lines its text went to; checks that every answer string
    found in the joined cited lines before is still found in them after (as `answer_matches` reads spaces)."""
    out = []
    for q in questions:
        rel, seen = [], set()
        for r in q["relevant"]:
            for j in maps[r["source"]][r["line"] - 1]:
                if (r["source"], j) not in seen:
                    seen.add((r["source"], j))
                    rel.append({"source": r["source"], "line": j + 1})
        assert rel, f"{q['id']}: every cited line was removed"
        before = " ".join(old[r["source"]][r["line"] - 1] for r in q["relevant"])
        after = " ".join(new[r["source"]][r["line"] - 1] for r in rel)
        for n in q["answer_contains"]:
            assert _squash(n) not in _squash(before) or _squash(n) in _squash(after), \
                f"{q['id']}: answer string {n!r} is no longer whole in its cited lines"
        out.append({**q, "relevant": rel})
    return out


def answer_of(p: Perturbation, s: str) -> str:
    """An answer string as perturbation `p` writes it (a layout change leaves it as it was)."""
    return p.answer(s) if isinstance(p, ValueFormat) else s


PERTURBATIONS: list[Perturbation] = [
    RomanToDecimal(), RomanToDecimalDeep(), NumberParen(), LettersToBullets(), DashToDot(), BoldRemoved(), BoldAdded(), BoldItemsWhole(),
    ItalicLabels(),
    HashHeadings(), HashHeadingsPlain(), HeadingsUpper(), HeadingsSentence(), HeadingsUnmarked(), RoleSynonyms(),
    TableRoleSynonyms(), *VALUE_FORMATS, *LINE_SHIFTS,
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


def write_copy(p: Perturbation, docs: list[str], needles: dict[str, list[str]], dest: Path,
               maps: dict[str, LineMap] | None = None) -> dict:
    """The perturbed copy of `docs` in `dest`; counts of lines changed and lines kept to protect answers. A
    `LineShift` puts its line map per document into `maps`; lines changed = original lines not carried to one
    identical line, plus lines added."""
    dest.mkdir(parents=True, exist_ok=True)
    changed, kept, touched = 0, 0, set()
    for name in docs:
        text = (PLANS / name).read_text(encoding="utf-8")
        lines = text.split("\n")
        if isinstance(p, LineShift):
            new, lmap = p.shift(lines, needles.get(name, []))
            assert len(lmap) == len(lines), f"{p.name}: the line map of {name} misses lines"
            if maps is not None:
                maps[name] = lmap
            k = 0
            whole_a, whole_b = "\n".join(lines), "\n".join(new)
            lost = [n for n in needles.get(name, []) if _squash(n) in _squash(whole_a) and _squash(n) not in _squash(whole_b)]
            hit = {j for m in lmap for j in m}
            diff = sum(len(m) != 1 or new[m[0]] != x for x, m in zip(lines, lmap)) + len(new) - len(hit)
        else:
            new, k = protect(lines, needles.get(name, []), p.apply(lines), p)
            assert len(new) == len(lines), f"{p.name} changed the number of lines of {name}"
            whole_a, whole_b = "\n".join(lines), "\n".join(new)
            lost = [n for n in needles.get(name, []) if n in whole_a and n not in whole_b and answer_of(p, n) not in whole_b]
            diff = sum(a != b for a, b in zip(lines, new))
        assert not lost, f"{p.name} lost answer strings of {name}: {lost[:3]}"
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
    # (the target formats run when named: their answers are the figures the facts benchmark scores)
    chosen = [p for p in [*PERTURBATIONS, *TARGET_FORMATS] if p.name in args.only] if args.only else PERTURBATIONS
    print(f"{len(docs)} dev documents, {len(questions)} answerable questions, {len(chosen)} perturbations",
          file=sys.stderr)

    runs: list[tuple[str, str, dict, dict[str, dict]]] = []
    identity = Perturbation()
    for p in [identity, *chosen]:
        src, index = args.work / "docs" / p.name, args.work / "index" / p.name
        maps: dict[str, LineMap] = {}
        stats = write_copy(p, docs, needles, src, maps)
        if args.dry and not isinstance(p, (ValueFormat, LineShift)):
            continue
        if p is not identity and not stats["changed"]:
            print(f"{p.name}: no line changed, skipped", file=sys.stderr)
            continue
        asked = gold
        if isinstance(p, LineShift):  # the cited lines follow their text
            rows = remap_gold(questions, maps, {n: (PLANS / n).read_text(encoding="utf-8").split("\n") for n in docs},
                              {n: (src / n).read_text(encoding="utf-8").split("\n") for n in docs})
            asked = args.work / f"gold-{p.name}.jsonl"
            asked.write_text("".join(json.dumps(q, ensure_ascii=False) + "\n" for q in rows), encoding="utf-8")
            if args.dry:
                print(f"{p.name}: {stats}", file=sys.stderr)
                continue
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
