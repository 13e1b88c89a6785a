"""Physical lines → logical lines: markdown stripped, labels read, hard wraps rejoined.

Plans arrive as plain text, markdown, or text pulled from a PDF whose sentences
wrap every ~80 characters; every layout becomes the same stream of logical lines,
each remembering the span of source lines it came from.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from corpus.targets import UNIT
from corpus.text import CAPITALS, PERSON_NAME

if TYPE_CHECKING:
    from corpus.model import SourceText

ROMAN = r"(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})"
ROMAN_NUMBER = rf"(?=[IVXL]){ROMAN}"  # a Roman numeral of at least one letter: "IV" in "tại mục IV, V"

# (type, regex) — the label regexes read the start of a cleaned line.
_LABELS: list[tuple[str, re.Pattern[str]]] = [
    # legal documents number chapters, sections and articles: "Chương II", "Mục 1", "Điều 5."
    # "Chương II" may stand alone, its title on the next line
    ("chapter", re.compile(rf"^(?P<label>Chương\s+(?:[IVXLC]{{1,7}}|\d{{1,2}}))\b[.:]?\s*(?P<body>\S.*)?$")),
    ("article", re.compile(r"^(?P<label>Điều\s+\d{1,3}[a-zđ]?)\s*[.:]\s*(?P<body>\S.*)$")),
    # without its closing dot, a number followed by a target's unit is a decimal figure opening a wrapped line
    # ("8.95 tỷ USD.", "1.5 lần", "30.5% GRDP"), not the label of a heading ("1.2 Nông nghiệp", "2.1 ứng dụng")
    ("decimal", re.compile(rf"^(?P<label>\d{{1,2}}(?:\.\d{{1,2}}){{1,3}})(?:\.(?:\s+|(?=[{CAPITALS}]))|"
                           rf"\s*(?=[{CAPITALS}])|\s+(?!(?:{UNIT})(?![^\W\d_])))(?P<body>\S.*)$")),
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
# the label types that number a line ("1.", "II.", "a)", "1.2.", "(3)"), not bullets, chapters or articles
NUMBERED_LABELS = frozenset({"arabic", "roman", "letter", "decimal", "upper_letter", "paren", "paren_letter"})
BULLET_TYPES = {"bullet_dash", "bullet_plus", "bullet_dot"}

_SIGNATURE_NOISE = [
    re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?([+-]\d{4}|Z)?$"),  # signing timestamp
    re.compile(r"đã ký lên văn bản này", re.I),
    re.compile(r"^(Việt Nam|Viet Nam)$"),
    re.compile(r"^Ký bởi:", re.I),
    re.compile(r"^Thời gian ký:", re.I),
]
# a page number: "12", "Trang 3", "- 3 -", "3/12" (a page of a count: never more than the count, "30/11" is a date
# wrapped onto a line of its own), dashes on both sides or none ("03 -" is a range "03 - 04%" cut at its line end)
_PAGE_NUMBER = re.compile(r"^(?:(?P<dash>[-–])\s*)?(?:Trang\s+)?(?P<n>\d{1,3})(?:\s*/\s*(?P<of>\d{1,3}))?"
                          r"(?(dash)\s*[-–])$", re.I)
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


_HEADING = re.compile(r"^(#{1,6})\s+")
_HTML_EMPHASIS = re.compile(r"</?(?:b|strong|i|em|u)>", re.I)
_BULLET_STAR = re.compile(r"^\*\s+\S")
_MARKUP = re.compile(r"\*+|__")


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
        s = " ".join(s.split())  # single spaces (str.split splits where \s+ would)
        return ([s] if s else []), md_level is not None, md_level
    emphasis = md_level is not None or (s.startswith("**") and s.rstrip(" :").endswith("**"))
    bullet_star = bool(_BULLET_STAR.match(s)) and not s.startswith("**")
    segments = _GLUE.split(s) if not bullet_star else [s]
    out = []
    for seg in segments:
        if bullet_star and seg is segments[0]:
            seg = "• " + seg[1:].lstrip()
        seg = _MARKUP.sub("", seg)
        seg = " ".join(seg.split())
        if seg:
            out.append(seg)
    return out, emphasis, md_level


_ALNUM = re.compile(r"[^\W_]")
_ANY_SIGNATURE_NOISE = re.compile("|".join(
    f"(?i:{p.pattern})" if p.flags & re.I else f"(?:{p.pattern})" for p in _SIGNATURE_NOISE))
# Every label starts like this; most lines do not, and skip the dozen label patterns.
_MAY_BE_LABEL = re.compile(r"^(?:[\dIVXLC(\-–—+•●▪◦·*]|[A-Za-zđĐ][.)]|Chương\s|Điều\s)")


def is_noise(text: str) -> bool:
    """Page numbers, digital-signature stamps, decorative lines: not plan text."""
    t = text.strip()
    if not t:
        return True
    if not _ALNUM.search(t):
        return True
    if (m := _PAGE_NUMBER.match(t)) and (m["of"] is None or int(m["n"]) <= int(m["of"])):
        return True
    return _ANY_SIGNATURE_NOISE.search(t) is not None


def read_label(text: str) -> tuple[str | None, str | None, str]:
    if not _MAY_BE_LABEL.match(text):
        return None, None, text
    for ltype, rx in _LABELS:
        m = rx.match(text)
        if m:
            label = m.group("label")
            body = (m.group("body") or "").strip()
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


# A range wrapped at its dash: "tốc độ tăng bình quân 05" / "- 06%/năm", "giai đoạn 2026" / "- 2030, …".
_ENDS_ON_NUMBER = re.compile(r"(?<![\w/.-])\d+(?:,\d+)?$")
_DASH_NUMBER = re.compile(r"^[-–]\s*\d(?![\d.,]*\s*:)")  # "- 2026: …" labels a year, it carries nothing on


def wrapped_range(prev_text: str, cur_text: str) -> bool:
    """A line "- 06%/năm" after a line that stops on a bare number carries on a range ("05 - 06%"),
    it opens no bullet: a list item never follows a sentence left open on a figure."""
    return bool(_DASH_NUMBER.match(cur_text)) and bool(_ENDS_ON_NUMBER.search(prev_text.rstrip()))


def continues(prev: LogicalLine, cur_text: str, cur_type: str | None, blank_between: bool, wrapped: bool) -> bool:
    """Does a physical line carry on the previous logical line (hard wrap, page break)?"""
    if not blank_between and not prev.md_level and not is_heading_like(prev) and wrapped_range(prev.text, cur_text):
        return True
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
_GLUED_MARKER = re.compile(r"\*{4}|\*{1,3}|__")  # also "****": a bold run closed where the next opened
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
HEADING_STUB_WORDS = 2  # a plain line this short under a '#' heading ends its title ("Vụ", "Đông Nam")
DANGLING_TAIL = 8  # the longest dangling word ("và các") and the character before it (for \b): all a search needs
_NEW_SENTENCE = re.compile(r"^(?:Căn cứ|Thực hiện|Xét đề nghị|Theo đề nghị|Trên đây|Nơi nhận|Phụ lục|PHỤ LỤC)\b")


# Markdown links and images as a crawler leaves them: "[Đoàn Thanh niên](https://…)" reads as its text.
_LINK = re.compile(r"(!?)\[([^\]]*)\]\((?:[^()\s]|\([^)]*\))*\)")
# Site furniture a crawl keeps around the document: menus, breadcrumbs, download and share buttons.
_CHROME_WORDS = re.compile(
    r"^(?:trang chủ|đăng nhập|đăng ký|đăng xuất|tải về|tải văn bản|tải xuống|chia sẻ|in|in văn bản|lưu|"
    r"lưu văn bản|theo dõi|mục lục|văn bản gốc|văn bản liên quan|thuộc tính|lược đồ|bình luận|liên hệ|"
    r"quay lại|về đầu trang|xem thêm|facebook|zalo|twitter|home|login|download|share|print)$", re.I)
_COPYRIGHT = re.compile(r"©|\bbản quyền\b|copyright", re.I)


def unlink(text: str) -> str:
    """Markdown links → their text, images → nothing."""
    if "](" not in text:
        return text
    return _LINK.sub(lambda m: "" if m.group(1) else m.group(2), text)


def _is_chrome(raw: str) -> bool:
    """A line of web-page furniture: links only, a breadcrumb, a button word, a copyright line."""
    s = raw.strip()
    if not s:
        return False
    bare = _LINK.sub("", s)
    if bare != s and not re.search(r"[^\W_]", bare.replace(">", "").replace("»", "")):
        return True  # nothing but links (and separators)
    text = re.sub(r"[*_|>»/·•\-–]+", " ", unlink(s)).strip()
    return bool(_CHROME_WORDS.match(text)) or bool(_COPYRIGHT.search(text) and len(text) < 120) or (
        bare != s and re.match(r"^(?:trang chủ|home)\b", text, re.I) is not None)


def page_chrome(lines: list[str]) -> set[int]:
    """Line numbers (1-based) of web-page furniture before the document begins and after it ends."""
    chrome: set[int] = set()
    for order in (range(len(lines)), range(len(lines) - 1, -1, -1)):
        for k in order:
            if not lines[k].strip():
                continue
            if not _is_chrome(lines[k]):
                break
            chrome.add(k + 1)
    return chrome


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
    opens_run: bool = False  # a bold marker left open after the line's last letter ("… trái cây**:")
    marked_start: bool = False  # the line opens on an emphasis marker ("*Đơn", "**BIỂU"), not a "* " bullet
    closes_marked: bool = False  # the line ends on a marker that leaves no emphasis open ("… Cà Mau)*")


def _toggle(run: str, bold: bool, italic: bool) -> tuple[bool, bool]:
    """One emphasis marker flips bold ("**", "__"), italic ("*") or both ("***")."""
    if run == "***":
        return not bold, not italic
    if run in ("**", "__"):
        return not bold, italic
    return bold, not italic


def _note_letters(chunk: str, bold: bool, seen: tuple[bool | None, bool | None, bool]
                  ) -> tuple[bool | None, bool | None, bool]:
    """(first, last, whole) after a run of text set ``bold`` or not: only runs with letters count."""
    first, last, whole = seen
    if not any(ch.isalnum() for ch in chunk):
        return seen
    return (bold if first is None else first), bold, whole and bold


def _emphasis_walk(raw: str, bold: bool, italic: bool, glued_runs: bool = False
                   ) -> tuple[bool, bool, bool, bool, bool, bool]:
    """Follow ``**``/``*`` markers through a line whose emphasis may have opened on an earlier line.

    Returns (whole, starts, ends, any_letter, bold_after, italic_after): bold covers every / the first /
    the last letter, and the emphasis state the next line of the same paragraph inherits.
    """
    if "*" not in raw and "_" not in raw:
        letters = any(ch.isalnum() for ch in raw)
        return bold and letters, bold, bold, letters, bold, italic
    s = raw
    if re.match(r"^\*\s+\S", s) and not bold and not italic and s.count("*") == 1:
        s = s[1:]  # "* item": a list bullet, not an italic marker
    seen: tuple[bool | None, bool | None, bool] = (None, None, True)
    pos = 0
    for m in (_GLUED_MARKER if glued_runs else _MARKER).finditer(s):
        seen = _note_letters(s[pos:m.start()], bold, seen)
        # "…tranh****[29]**": one bold run closes where the next opens; with no blank line to end the paragraph,
        # reading it as one flip would leave bold open over the rest of the text
        bold, italic = (bold, italic) if glued_runs and m.group(0) == "****" else _toggle(m.group(0), bold, italic)
        pos = m.end()
    first, last, whole = _note_letters(s[pos:], bold, seen)
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


def _join_paragraph(block: list[_Physical], blank_before: bool) -> LogicalLine | None:
    """The physical lines of one logical line → that line; None when it holds no letter or digit.

    One physical line of several glued bold parts ("**I. MỤC ĐÍCH****1. Mục đích**") keeps its parts:
    the clause takes the last labelled one and the earlier ones become its headings.
    """
    text = " ".join(p.text for p in block)
    if not any(ch.isalnum() for ch in text):
        return None
    head = block[0]
    parts = head.segments if len(block) == 1 and len(head.segments) > 1 else []
    ltype, label, body = read_label(parts[-1] if parts else text)
    if parts:
        if ltype is None:
            ltype, label, body = read_label(parts[0])
            body = " — ".join([body] + parts[1:])
            parts = []
        text = " — ".join(head.segments)
    emphasis = all(p.whole_emph for p in block) or bool(head.md_level)
    return LogicalLine(head.no, block[-1].no, text, ltype, label, body, emphasis, head.md_level, blank_before, parts)


def _layout_break(prev: _Physical, cur: _Physical) -> bool:
    """A Markdown heading, or a line of glued bold parts, is a logical line of its own; a heading wrapped over
    lines goes on to the line that continues it: its bold run left open, or its last word unfinished ("và", ",")."""
    heading_wraps = bool(prev.md_level) and (cur.inherits_emph or bool(_DANGLING.search(prev.text[-DANGLING_TAIL:]))
                                             or _heading_goes_on(prev, cur))
    return bool(cur.md_level or (prev.md_level and not heading_wraps) or len(cur.segments) > 1
                or len(prev.segments) > 1)


def _heading_goes_on(prev: _Physical, cur: _Physical) -> bool:
    """A '#' heading wrapped onto the plain line under it with no mark to say so: the line goes on with it when it
    opens in lower case ("### 1. Mục" over "tiêu tổng quát": no sentence opens so), when both are set in capitals
    ("## I. MỤC" over "ĐÍCH, YÊU CẦU"), or when the heading stopped one word into its title ("### 1. Sở" over
    "Khoa học và Công nghệ"), or when the line is a stub no paragraph is: a word or two without a stop ("### 6. Sở
    Ngoại" over "Vụ"), or no word at all ("### 2. Kế hoạch phát triển giai đoạn" over "2026 - 2030"). A heading's
    body text sits on lines of its own under it otherwise."""
    if not prev.md_level or cur.md_level or cur.whole_emph or _starts_item(cur.text):
        return False
    first = next((ch for ch in cur.text if ch.isalpha()), "")
    if not first:
        return any(ch.isdigit() for ch in cur.text)
    title = read_label(prev.text)[2]
    stub = len(cur.text.split()) <= HEADING_STUB_WORDS and not cur.text.rstrip().endswith((".", ":", ";"))
    return first.islower() or (title.isupper() and cur.text.isupper()) or len(title.split()) == 1 or stub


def _emphasis_break(prev: _Physical, cur: _Physical) -> bool:
    """Emphasis switching on or off at the line break: a bold heading over plain text, or the reverse."""
    return prev.ends_emph != cur.starts_emph and (prev.whole_emph or cur.whole_emph)


def _standalone_break(head: str, prev: _Physical, cur: _Physical) -> bool:
    """A letterhead or signature line is set on its own (the one before, unless it introduces a list)."""
    return bool(_STANDALONE.match(cur.text)) or (bool(_STANDALONE.match(head)) and not prev.text.endswith(":"))


def _signer_break(head: str, prev: _Physical, cur: _Physical) -> bool:
    """A person's name under an upper-case title ("CHỦ TỊCH" / "Nguyễn Văn A") is the signer's line."""
    return len(cur.text) < 40 and bool(PERSON_NAME.match(cur.text)) and head.isupper() and prev.text.isupper()


def _sentence_break(prev: _Physical, cur: _Physical) -> bool:
    """"Căn cứ …", "Thực hiện …" after a finished sentence opens a new paragraph."""
    return bool(_NEW_SENTENCE.match(cur.text)) and prev.text.rstrip().endswith((".", ";", ":"))


def _opens_new_line(block: list[_Physical], cur: _Physical) -> bool:
    """Does ``cur`` start a new logical line rather than continue the paragraph in ``block``?

    A bare label ("3.", "a)") alone on a line numbers the text below it; one bold run wrapped over two
    lines ("**CỘNG HÒA XÃ HỘI\\nCHỦ NGHĨA VIỆT NAM**") or a line ending on "và", "của", "," continues.
    """
    prev, head = block[-1], block[0].text
    bare = len(block) == 1 and _is_bare_label(prev.text)
    # a bold run the line above left open after its last letter emphasises nothing there: no switch at the break
    wrapped_run = (cur.inherits_emph and (prev.ends_emph or prev.opens_run)) \
        or bool(_DANGLING.search(prev.text[-DANGLING_TAIL:])) or (len(block) == 1 and _heading_goes_on(prev, cur))
    if _layout_break(prev, cur) or _signer_break(head, prev, cur) or _sentence_break(prev, cur):
        return True
    starts_item = _starts_item(cur.text) and not wrapped_range(prev.text, cur.text)
    if not bare and (starts_item or (_emphasis_break(prev, cur) and not wrapped_run)):
        return True
    return not wrapped_run and _standalone_break(head, prev, cur)


# Markdown that writes no blank line between its paragraphs (text pasted from a PDF or a Word file): fewer blank
# lines between two text lines than this share of its text lines. The crawled plans separate their paragraphs (such
# blank lines are 7–94% of their text lines); a blank line next to a table row does not count.
UNBROKEN_BLANK_SHARE = 0.02


def unbroken_paragraphs(lines: list[str]) -> bool:
    """A Markdown text whose paragraphs follow each other with no blank line between them: a paragraph then
    ends where plain text's would (`continues`), not at the next blank line only."""
    text = breaks = 0
    last = ""  # the last non-blank line
    gap = False
    for x in lines:
        s = x.strip()
        if not s:
            gap = True
            continue
        table = s.startswith("|")
        if not table:
            text += 1
            breaks += gap and bool(last) and not last.startswith("|")
        last, gap = s, False
    return text >= 10 and breaks < UNBROKEN_BLANK_SHARE * text


_MARKED_START = re.compile(r"^(?:\*{1,3}|__)(?=\S)")  # "*Đơn", "**BIỂU": a run of emphasis opens the line


def _ends_unbroken(block: list[_Physical], cur: _Physical) -> bool:
    """In unbroken paragraphs: ``cur`` opens a new paragraph where a plain-text line would (`continues`: after a
    finished sentence or a short title line, a line opening in capitals), or where a new bold run opens on a label;
    never inside a bold run, never after a bare label."""
    prev = block[-1]
    if cur.inherits_emph or prev.opens_run or prev.md_level or cur.md_level:
        return False
    dangling = bool(_DANGLING.search(prev.text[-DANGLING_TAIL:]))
    numbers_next = len(block) == 1 and _is_bare_label(prev.text)  # "**2.1.**" over "**Thu ngân sách**"
    if not dangling and not numbers_next and (_is_bare_label(cur.text) or (prev.closes_marked and cur.marked_start)):
        return True  # "a)" alone numbers the lines below it; a run of emphasis closed, a new one opens: a new block
    if cur.starts_emph and (_is_bare_label(cur.text) or read_label(cur.text)[0] is not None):
        return True  # a bold run that opens on a number ("**1." over "Giai đoạn 2025 - 2030**") titles anew
    if prev.whole_emph or cur.whole_emph:
        return False
    if numbers_next:
        return False  # "2.1." over its title
    if dangling:
        return False  # "5. Giao Sở Nông nghiệp và" / "Môi trường chủ trì …": the sentence has not ended
    line = _join_paragraph(block, False)
    cur_type = read_label(cur.text)[0] if _starts_item(cur.text) else None
    return line is not None and not continues(line, cur.text, cur_type, False, True)


class _MarkdownReader:
    """Physical Markdown lines → logical lines, one call to :meth:`line` per physical line.

    What spans lines: the paragraph read so far, the bold/italic state a line hands to the next one
    of its paragraph, and whether a blank line came before the paragraph.
    """

    def __init__(self, noise: set[int]) -> None:
        self.noise = noise
        self.out: list[LogicalLine] = []
        self.block: list[_Physical] = []
        self.bold = self.italic = False
        self.blank = False
        self.blank_before_block = False

    def read(self, src: "SourceText", owned: set[int]) -> list[LogicalLine]:
        """Every line: table lines end a paragraph, as do blank lines and bare cell walls (noise)."""
        chrome = page_chrome(src.lines)
        self.unbroken = unbroken_paragraphs(src.lines)
        for no, raw in enumerate(src.lines, start=1):
            s = raw.replace("\u00a0", " ").strip()
            if no in owned:
                self._end_paragraph(blank=False)
            elif not s:
                self._end_paragraph(blank=True)
            elif _PIPE_ONLY.match(s) or no in chrome:
                self._end_paragraph(blank=self.blank)
                self.noise.add(no)
            else:
                self._text_line(no, s)
        self._flush()
        return self.out

    def _end_paragraph(self, blank: bool) -> None:
        """A paragraph ends and emphasis cannot run past it."""
        self._flush()
        self.bold = self.italic = False
        self.blank = blank

    def _flush(self) -> None:
        if not self.block:
            return
        line = _join_paragraph(self.block, self.blank_before_block)
        if line is None:
            self.noise.update(p.no for p in self.block)
        else:
            self.out.append(line)
        self.block = []

    def _text_line(self, no: int, s: str) -> None:
        """A line with text: it joins the open paragraph or starts a new one."""
        s = unlink(s)
        if "*" in s:
            s = _EMPTY_EMPHASIS.sub(" ", s)
        segments, _, md_level = clean_markup(strip_footnote_refs(s))
        whole, starts, ends, _, bold_after, italic_after = _emphasis_walk(s, self.bold, self.italic, self.unbroken)
        if md_level:
            # a heading is emphasis whole; a bold run it leaves open ("## **I. MỤC" over "ĐÍCH, YÊU CẦU**") wraps
            # the heading onto the lines that close it, as a bold heading without '#' wraps
            whole = starts = ends = True
            italic_after = False
        inherits = self.bold and starts
        self.bold, self.italic = bold_after, italic_after
        text = " ".join(segments)
        if len(text) == 1 and text in "-–+•":  # "-" alone, its item on the next line
            self._flush()
            self.block.append(_Physical(no, text, segments, None, whole, starts, ends))
            self.blank_before_block = self.blank
            return
        if not segments or is_noise(text):
            self.noise.add(no)  # a stray marker, a rule, a page number: it also ends the logical line
            self._flush()
            return
        cur = _Physical(no, text, segments, md_level, whole, starts, ends, inherits_emph=inherits,
                        opens_run=bold_after and not ends and not md_level,
                        marked_start=_MARKED_START.match(s) is not None,
                        closes_marked=s.endswith(("*", "_")) and not (bold_after or italic_after))
        if self.block and (_opens_new_line(self.block, cur) or (self.unbroken and _ends_unbroken(self.block, cur))):
            self._flush()
            self.blank = False
        if not self.block:
            self.blank_before_block = self.blank
        self.block.append(cur)
        self.blank = False


def _markdown_lines(src: "SourceText", owned: set[int], noise: set[int]) -> list[LogicalLine]:
    """Markdown as the crawled plans have it: a paragraph is a run of non-blank lines, hard-wrapped.

    Lines of one paragraph join into one logical line unless the next one opens a numbered or bulleted
    item, emphasis switches on or off at the line break (a bold heading over plain text), or either
    is a letterhead / signature line set on its own. A line holding only ``|`` is a cell wall of a
    table the table reader did not claim (a letterhead, a signature block): it ends the logical line.
    """
    return _MarkdownReader(noise).read(src, owned)


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
