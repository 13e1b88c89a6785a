"""Physical lines → logical lines: markdown stripped, labels read, hard wraps rejoined.

Plans arrive as plain text, markdown, or text pulled from a PDF whose sentences
wrap every ~80 characters; every layout becomes the same stream of logical lines,
each remembering the span of source lines it came from.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from corpus.model import SourceText

ROMAN = r"(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})"

# (type, regex) — the label regexes read the start of a cleaned line.
_LABELS: list[tuple[str, re.Pattern[str]]] = [
    # legal documents number chapters, sections and articles: "Chương II", "Mục 1", "Điều 5."
    ("chapter", re.compile(rf"^(?P<label>Chương\s+(?:[IVXLC]{{1,7}}|\d{{1,2}}))\b[.:]?\s*(?P<body>\S.*)$")),
    ("article", re.compile(r"^(?P<label>Điều\s+\d{1,3}[a-zđ]?)\s*[.:]\s*(?P<body>\S.*)$")),
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


_HEADING = re.compile(r"^(#{1,6})\s+")
_HTML_EMPHASIS = re.compile(r"</?(?:b|strong|i|em|u)>", re.I)
_BULLET_STAR = re.compile(r"^\*\s+\S")
_MARKUP = re.compile(r"\*+|__")
_SPACES = re.compile(r"\s+")


def clean_markup(raw: str) -> tuple[list[str], bool, int | None]:
    """Strip markdown/HTML emphasis → (segments, whole-line emphasis, markdown heading level)."""
    s = raw.replace("\u00a0", " ").replace("\ufeff", "").strip()
    md_level = None
    if s.startswith("#"):
        m = _HEADING.match(s)
        if m:
            md_level = len(m.group(1))
            s = s[m.end():]
    if "<" in s:
        s = _HTML_EMPHASIS.sub("", s)
    s = s.replace("\\", " ") if s.endswith("\\") else s
    if "*" not in s and "_" not in s:
        s = _SPACES.sub(" ", s).strip()
        return ([s] if s else []), md_level is not None, md_level
    emphasis = md_level is not None or (s.startswith("**") and s.rstrip(" :").endswith("**"))
    bullet_star = bool(_BULLET_STAR.match(s)) and not s.startswith("**")
    segments = _GLUE.split(s) if not bullet_star else [s]
    out = []
    for seg in segments:
        if bullet_star and seg is segments[0]:
            seg = "• " + seg[1:].lstrip()
        seg = _MARKUP.sub("", seg)
        seg = _SPACES.sub(" ", seg).strip()
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


# ----------------------------------------------------------------------------- the line stream

MARKDOWN_FORMATS = ("md", "markdown")
_PIPE_ONLY = re.compile(r"^\|[\s|:\-+]*$")  # "|", "||", "|---|---|": cell walls, never text
_FOOTNOTE_REF = re.compile(r"\s?\[\d{1,3}\](?=[\s.,;:)*…]|$)")
_MARKER = re.compile(r"\*{1,3}|__")
_EMPTY_EMPHASIS = re.compile(r"\*\*\s+\*\*|(?<!\*)\*\s+\*(?!\*)")  # "** **", "* *": markers around nothing
# Lines of a letterhead or signature block are set one per visual line on purpose; they never wrap
# into each other even inside one Markdown paragraph or one table cell.
_STANDALONE = re.compile(
    r"^(?:CỘNG H(?:ÒA|OÀ) XÃ HỘI|Độc lập\s*[-–]\s*Tự do|(?:TM|KT|TL|TUQ|T/M|Q)\.\s|"
    r"(?:PHÓ )?(?:CHỦ TỊCH|BÍ THƯ|GIÁM ĐỐC|TRƯỞNG BAN|TRƯỞNG PHÒNG|CHÁNH VĂN PHÒNG|BỘ TRƯỞNG|THỨ TRƯỞNG|"
    r"THỦ TƯỚNG|TỔNG GIÁM ĐỐC|CỤC TRƯỞNG|VỤ TRƯỞNG|CHÁNH ÁN|VIỆN TRƯỞNG)\b|"
    r"Số\s*:|SỐ\s*:|Nơi nhận|NƠI NHẬN|Kính gửi)")
# A line ending on a conjunction, a preposition or a comma has not ended: "BỘ NÔNG NGHIỆP VÀ" / "MÔI TRƯỜNG".
_DANGLING = re.compile(r"(?:\b(?:và|của|về|cho|với|các|những|tại|trong|theo|để|hoặc|từ|đến|và các)|[,\-–])$",
                       re.I)
_NEW_SENTENCE = re.compile(r"^(?:Căn cứ|Thực hiện|Xét đề nghị|Theo đề nghị|Trên đây|Nơi nhận|Phụ lục|PHỤ LỤC)\b")
_PERSON_NAME = re.compile(r"^(?:[A-ZĐÀ-Ỹ][a-zà-ỹđ]+)(?:\s+[A-ZĐÀ-Ỹ][a-zà-ỹđ]+){1,4}$")


@dataclass
class _Physical:
    """One source line of a Markdown paragraph: its text without markup and where emphasis lies."""

    no: int
    text: str
    segments: list[str]
    md_level: int | None
    whole_emph: bool  # every letter bold (or a heading)
    starts_emph: bool
    ends_emph: bool
    inherits_emph: bool = False  # opens inside a bold run begun on the line above


def _emphasis_walk(raw: str, bold: bool, italic: bool) -> tuple[bool, bool, bool, bool, bool, bool]:
    """Follow ``**``/``*`` markers through a line whose emphasis may have opened on an earlier line.

    Returns (whole, starts, ends, any_letter, bold_after, italic_after): bold covers every / the first /
    the last letter, and the emphasis state the next line of the same paragraph inherits.
    """
    if "*" not in raw and "_" not in raw:
        letters = any(ch.isalnum() for ch in raw)
        return bold and letters, bold, bold, letters, bold, italic
    first = last = None
    whole = True
    pos = 0
    s = raw
    if re.match(r"^\*\s+\S", s) and not bold and not italic and s.count("*") == 1:
        s = s[1:]  # "* item": a list bullet, not an italic marker
    for m in _MARKER.finditer(s + "\x00"):
        chunk = s[pos:m.start()] if m.start() <= len(s) else s[pos:]
        if any(ch.isalnum() for ch in chunk):
            first = bold if first is None else first
            last = bold
            whole = whole and bold
        run = m.group(0)
        if run == "***":
            bold, italic = not bold, not italic
        elif run == "**" or run == "__":
            bold = not bold
        else:
            italic = not italic
        pos = m.end()
    tail = s[pos:]
    if any(ch.isalnum() for ch in tail):
        first = bold if first is None else first
        last = bold
        whole = whole and bold
    return whole and first is not None, bool(first), bool(last), first is not None, bold, italic


def strip_footnote_refs(text: str) -> str:
    """"có liên quan[1];" → "có liên quan;" and "a) [2]" → "a)": the note itself stays at the end."""
    if "[" not in text:
        return text
    head = re.match(r"^\s*\[\d{1,3}\]", text)  # a line opening with "[1]" is the note's own text
    cut = head.end() if head else 0
    return text[:cut] + _FOOTNOTE_REF.sub("", text[cut:])


_BARE_LABEL = re.compile(rf"(?:\d{{1,2}}(?:\.\d{{1,2}})*\.?|{ROMAN}\.|[a-zđ]\)|[a-zđ]\.|\(\d{{1,3}}\)|Điều \d+\.?|[-–+•])")


def _is_bare_label(text: str) -> bool:
    """"3." or "a)" or "Điều 5." alone on a line: the numbering of the text on the next line."""
    return len(text) <= 8 and _BARE_LABEL.fullmatch(text) is not None


def _starts_item(text: str) -> bool:
    ltype, _, body = read_label(text)
    if ltype is None:
        return False
    if ltype == "bullet_dash" and _starts_lower(body):
        return False  # "kinh tế\n- xã hội": a hyphen that wrapped to the start of a line
    return True


def _markdown_lines(src: "SourceText", owned: set[int], noise: set[int]) -> list[LogicalLine]:
    """Markdown as the crawled plans have it: a paragraph is a run of non-blank lines, hard-wrapped.

    Lines of one paragraph join into one logical line unless the next one opens a numbered or bulleted
    item, emphasis switches on or off at the line break (a bold heading over plain text), or either
    is a letterhead / signature line set on its own. A line holding only ``|`` is a cell wall of a
    table the table reader did not claim (a letterhead, a signature block): it ends the logical line.
    """
    out: list[LogicalLine] = []
    bold = italic = False
    block: list[_Physical] = []
    blank = False
    blank_before_block = False

    def flush() -> None:
        nonlocal block
        if not block:
            return
        text = " ".join(p.text for p in block)
        if not any(ch.isalnum() for ch in text):
            noise.update(p.no for p in block)
            block = []
            return
        parts = block[0].segments if len(block) == 1 and len(block[0].segments) > 1 else []
        ltype, label, body = read_label(parts[-1] if parts else text)
        if parts:
            if ltype is None:
                ltype, label, body = read_label(parts[0])
                body = " — ".join([body] + parts[1:])
                parts = []
            text = " — ".join(block[0].segments)
        emphasis = all(p.whole_emph for p in block) or bool(block[0].md_level)
        out.append(LogicalLine(block[0].no, block[-1].no, text, ltype, label, body, emphasis,
                               block[0].md_level, blank_before_block, parts))
        block = []

    for no, raw in enumerate(src.lines, start=1):
        if no in owned:
            flush()
            bold = italic = False
            blank = False
            continue
        s = raw.replace("\u00a0", " ").strip()
        if not s:
            flush()
            bold = italic = False
            blank = True
            continue
        if _PIPE_ONLY.match(s):
            flush()
            noise.add(no)
            bold = italic = False
            continue
        if "*" in s:
            s = _EMPTY_EMPHASIS.sub(" ", s)
        segments, _, md_level = clean_markup(strip_footnote_refs(s))
        whole, starts, ends, letters, bold_after, italic_after = _emphasis_walk(s, bold, italic)
        if md_level:
            whole = starts = ends = True
            bold_after = italic_after = False
        text = " ".join(segments)
        if re.fullmatch(r"[-–+•]", text):  # "-" alone, its item on the next line
            flush()
            block.append(_Physical(no, text, segments, None, whole, starts, ends))
            blank_before_block = blank
            bold, italic = bold_after, italic_after
            continue
        if not segments or is_noise(text):
            noise.add(no)  # a stray marker, a rule, a page number: it also ends the logical line
            flush()
            bold, italic = bold_after, italic_after
            continue
        cur = _Physical(no, text, segments, md_level, whole, starts, ends, inherits_emph=bold and starts)
        if block:
            prev = block[-1]
            head = block[0].text
            bare = len(block) == 1 and _is_bare_label(prev.text)
            switch = prev.ends_emph != cur.starts_emph and (prev.whole_emph or cur.whole_emph)
            # one bold run wrapped over two lines ("**CỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM**") is one line
            wrapped_run = (cur.inherits_emph and prev.ends_emph) or bool(_DANGLING.search(prev.text))
            new = bool(md_level or prev.md_level or len(cur.segments) > 1 or len(prev.segments) > 1
                       or (switch and not bare and not wrapped_run) or (_starts_item(text) and not bare)
                       or (not wrapped_run and _STANDALONE.match(text))
                       or (not wrapped_run and _STANDALONE.match(head) and not prev.text.endswith(":"))
                       or (len(text) < 40 and _PERSON_NAME.match(text) and head.isupper() and prev.text.isupper())
                       or (_NEW_SENTENCE.match(text) and prev.text.rstrip().endswith((".", ";", ":"))))
            if new:
                flush()
                blank = False
        if not block:
            blank_before_block = blank
        block.append(cur)
        blank = False
        bold, italic = bold_after, italic_after
    flush()
    return out


def _wrapped_text_lines(src: "SourceText", owned: set[int], noise: set[int]) -> list[LogicalLine]:
    """Plain text, DOCX / HTML paragraphs and PDF text: one line per paragraph unless hard-wrapped."""
    lines = src.lines
    wrapped = looks_wrapped(lines)
    out: list[LogicalLine] = []
    prev: LogicalLine | None = None
    blank = False
    for no, raw in enumerate(lines, start=1):
        if no in owned:
            prev = None
            continue
        if not raw.strip():
            blank = True
            continue
        if _PIPE_ONLY.match(raw.strip()):
            noise.add(no)
            prev = None
            continue
        segments, emphasis, md_level = clean_markup(raw)
        text = " ".join(segments)
        if not segments or is_noise(text):
            noise.add(no)
            continue
        ltype, label, body = read_label(segments[0])
        if prev is not None and len(segments) == 1 and continues(prev, text, ltype, blank, wrapped):
            prev.text = f"{prev.text} {text}"
            prev.body = f"{prev.body} {text}"
            prev.end = no
            prev.emphasis = prev.emphasis and emphasis
            blank = False
            continue
        if len(segments) > 1:
            # "**I. MỤC ĐÍCH****1. Mục đích**": the line opens several levels; the clause
            # takes the last labelled part and the earlier ones stay as its headings.
            parts = segments
            ltype, label, body = read_label(parts[-1])
            if ltype is None:
                ltype, label, body = read_label(parts[0])
                body = " — ".join([body] + parts[1:])
                text = " — ".join(parts)
                parts = []
            else:
                text = " — ".join(parts)
        else:
            parts = []
        prev = LogicalLine(no, no, text, ltype, label, body, emphasis, md_level, blank, parts)
        out.append(prev)
        blank = False
    return out


def logical_lines(src: "SourceText", owned: set[int], noise: set[int]) -> list[LogicalLine]:
    """Physical lines → logical lines in document order; lines in ``owned`` (tables) are skipped.

    Every non-blank line not owned ends up in exactly one logical line or in ``noise``.
    """
    if src.fmt in MARKDOWN_FORMATS:
        return _markdown_lines(src, owned, noise)
    return _wrapped_text_lines(src, owned, noise)
