"""Physical lines → logical lines: markdown stripped, labels read, hard wraps rejoined.

Plans arrive as plain text, markdown, or text pulled from a PDF whose sentences
wrap every ~80 characters; every layout becomes the same stream of logical lines,
each remembering the span of source lines it came from.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

ROMAN = r"(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})"

# (type, regex) — the label regexes read the start of a cleaned line.
_LABELS: list[tuple[str, re.Pattern[str]]] = [
    ("decimal", re.compile(r"^(?P<label>\d{1,2}(?:\.\d{1,2}){1,3})\.?(?:\s+|(?=[A-ZĐÀ-Ỹ]))(?P<body>\S.*)$")),
    ("roman", re.compile(rf"^(?P<label>{ROMAN})[.)]\s*(?P<body>\S.*)$")),
    ("arabic", re.compile(r"^(?P<label>\d{1,2})[.)]\s*(?P<body>[^\d\s/.,%].*)$")),
    ("letter", re.compile(r"^(?P<label>[a-zđ])[.)]\s+(?P<body>\S.*)$")),
    ("upper_letter", re.compile(r"^(?P<label>[A-HJKMNOPQRSTUWYZĐ])[.)]\s+(?P<body>\S.*)$")),
    ("paren", re.compile(r"^(?:[-+•]\s*)?(?P<label>\(\d{1,3}\))\s*(?P<body>\S.*)$")),
    ("paren_letter", re.compile(r"^(?P<label>\([a-zđ]\))\s*(?P<body>\S.*)$")),
    ("bullet_dash", re.compile(r"^(?P<label>[-–—])\s*(?P<body>\S.*)$")),
    ("bullet_plus", re.compile(r"^(?P<label>\+)\s*(?P<body>\S.*)$")),
    ("bullet_dot", re.compile(r"^(?P<label>[•●▪◦·*])\s+(?P<body>\S.*)$")),
]
BULLET_TYPES = {"bullet_dash", "bullet_plus", "bullet_dot"}

_SIGNATURE_NOISE = [
    re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?([+-]\d{4}|Z)?$"),  # signing timestamp
    re.compile(r"đã ký lên văn bản này", re.I),
    re.compile(r"^(Việt Nam|Viet Nam)$"),
    re.compile(r"^Ký bởi:", re.I),
    re.compile(r"^Thời gian ký:", re.I),
]
_PAGE_NUMBER = re.compile(r"^(?:[-–]\s*)?(?:Trang\s+)?\d{1,3}(?:\s*/\s*\d{1,3})?(?:\s*[-–])?$", re.I)
_GLUE = re.compile(r"(?<=\S)\*{3,}(?=\S)")


@dataclass
class LogicalLine:
    start: int  # first physical line, 1-based
    end: int
    text: str  # cleaned text, label included
    ltype: str | None = None  # label type, None for a plain paragraph
    label: str | None = None
    body: str = ""  # text without its label
    emphasis: bool = False  # whole line bold / markdown heading
    md_level: int | None = None
    blank_before: bool = False
    parts: list[str] = field(default_factory=list)  # glued bold segments on one physical line


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def clean_markup(raw: str) -> tuple[list[str], bool, int | None]:
    """Strip markdown/HTML emphasis → (segments, whole-line emphasis, markdown heading level)."""
    s = raw.replace("\u00a0", " ").replace("\ufeff", "").strip()
    md_level = None
    m = re.match(r"^(#{1,6})\s+", s)
    if m:
        md_level = len(m.group(1))
        s = s[m.end():]
    s = re.sub(r"</?(?:b|strong|i|em|u)>", "", s, flags=re.I)
    s = s.replace("\\", " ") if s.endswith("\\") else s
    emphasis = md_level is not None or (s.startswith("**") and s.rstrip(" :").endswith("**"))
    bullet_star = bool(re.match(r"^\*\s+\S", s)) and not s.startswith("**")
    segments = _GLUE.split(s) if not bullet_star else [s]
    out = []
    for seg in segments:
        if bullet_star and seg is segments[0]:
            seg = "• " + seg[1:].lstrip()
        seg = re.sub(r"\*+|__", "", seg)
        seg = re.sub(r"\s+", " ", seg).strip()
        if seg:
            out.append(seg)
    return out, emphasis, md_level


def is_noise(text: str) -> bool:
    """Page numbers, digital-signature stamps, decorative lines: not plan text."""
    t = text.strip()
    if not t:
        return True
    if not any(ch.isalnum() for ch in t):
        return True
    if _PAGE_NUMBER.match(t):
        return True
    return any(p.search(t) for p in _SIGNATURE_NOISE)


def read_label(text: str) -> tuple[str | None, str | None, str]:
    for ltype, rx in _LABELS:
        m = rx.match(text)
        if m:
            label = m.group("label")
            body = m.group("body").strip()
            if ltype == "roman" and not label:
                continue
            if ltype == "arabic" and re.match(r"^\d{1,2}\.\d", text):
                continue
            return ltype, label, body
    return None, None, text


def is_heading_like(line: LogicalLine) -> bool:
    """Short labelled or emphasised lines title what follows rather than continue."""
    words = len(line.body.split())
    if line.emphasis or line.md_level:
        return True
    if line.ltype in ("roman", "upper_letter", "arabic", "decimal", "letter", "paren_letter") and words <= 14:
        return True
    letters = [c for c in line.text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) / len(letters) > 0.8


def _starts_lower(text: str) -> bool:
    for ch in text:
        if ch.isalpha():
            return ch.islower()
        if ch.isdigit():
            return False
        if ch in "(\"“'":
            continue
        return False
    return False


def continues(prev: LogicalLine, cur_text: str, cur_type: str | None, blank_between: bool, wrapped: bool) -> bool:
    """Does a physical line carry on the previous logical line (hard wrap, page break)?"""
    if cur_type is not None or prev.md_level:
        return False
    if re.match(r"^(?:Căn cứ|Thực hiện|Xét đề nghị|Theo đề nghị|Trên đây|Nơi nhận|Phụ lục|PHỤ LỤC)\b", cur_text):
        return False
    ends_sentence = prev.text.rstrip().endswith((".", "!", "?", ".)", ".”", '."'))
    if _starts_lower(cur_text):
        return not (ends_sentence and blank_between and not wrapped)
    if re.match(r"^\d", cur_text):  # "11/8/2025 và ..." split off a sentence
        return not ends_sentence and not is_heading_like(prev)
    if wrapped and not ends_sentence and not prev.text.rstrip().endswith((":", ";")):
        return not is_heading_like(prev) and len(prev.text) >= 45
    return False


def looks_wrapped(lines: list[str]) -> bool:
    """Text pulled from a PDF: most lines are short and stop mid-sentence."""
    body = [ln.strip() for ln in lines if len(ln.strip()) > 20]
    if len(body) < 10:
        return False
    short = sum(1 for ln in body if len(ln) <= 110)
    open_end = sum(1 for ln in body if not ln.endswith((".", ":", ";", "!", "?")))
    return short / len(body) > 0.8 and open_end / len(body) > 0.4
