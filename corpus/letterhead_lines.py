"""Where a plan writes its letterhead fields: the clauses stating its number, place and date, title and signature.

`corpus.metadata` reads the fields' values from the raw lines; once the clauses exist this module records
which of them state each value (`corpus.model.LetterheadLines` on `Document.field_lines`), so retrieval cites
the plan's number line, its place-and-date line, its title line or its signature block from that typed record
instead of searching the clauses' text for the values again.
"""
from __future__ import annotations

import re
from typing import Sequence

from corpus.model import REFERENCE_ROLES, Clause, Document, FieldLine, LetterheadLines
from corpus.text import CAPITALS, DOCUMENT_KINDS, fold, folded

# lines between a signature block's title and the signer's name (a blank line or the crawl's table bar)
SIGNATURE_GAP = 2
TITLE_PREFIX = 60  # characters of a plan's title that find its title line when the stored title is cut short
TITLE_LINE_MIN = 10  # characters of a header line (and of a title's core) that can be the title at all
_PLACE_DATE = re.compile(r"\bngay\b.*\bnam\b")  # folded "…, ngày 19 tháng 11 năm 2025"
# a place named before the issue date written in full: "Hà Nội, ngày 18 tháng 11 năm 2025" above a ministry's plan,
# whose place is the capital, not the nation the plan is for (`Document.locality`); the place is a name, its first
# and last words capitalised ("Thành phố Hồ Chí Minh"), read on the text as written (`corpus.text.CAPITALS`)
_ANY_PLACE_DATE = re.compile(r"^[%s][^,\d]{0,40}(?<=\s)[%s]\w*, ngày \d{1,2}\s+tháng \d{1,2} năm \d{4}\b"
                             % (CAPITALS, CAPITALS))


def signing_title(text: str) -> bool:
    """A signature block's title line ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "THỨ TRƯỞNG"): written in
    capitals, no list dash, no name ("Nơi nhận:" has small letters)."""
    t = text.strip().strip("*").strip()
    return bool(t) and not t.startswith(("-", "+")) and any(ch.isalpha() for ch in t) and t == t.upper()


def number_lines(plan: Sequence[Clause], doc: Document) -> list[int]:
    """Indexes in ``plan`` of the header clauses holding the plan's number ("Số: 08 - CTr/ĐUUB"); none when
    the number has no digit, which names nothing."""
    number = folded(doc.number or "")
    if not any(ch.isdigit() for ch in number):
        return []
    return [i for i, c in enumerate(plan) if c.kind == "header" and number in folded(c.text)]


def signature_lines(plan: Sequence[Clause], doc: Document) -> list[int]:
    """Indexes in ``plan`` of its footer clauses holding the signer's name (`Document.signer`; none when unread),
    with the title lines written just above the name ("KT. BỘ TRƯỞNG / THỨ TRƯỞNG"), which say in what capacity
    it was signed; a recipient line naming the signer ("- Thứ trưởng X;") only when no block does."""
    name = folded(doc.signer or "")
    if not name:
        return []
    naming = [i for i, c in enumerate(plan) if c.kind == "footer" and name in folded(c.text)]
    blocks = [i for i in naming if not plan[i].text.lstrip().startswith(("-", "+", "*"))]
    found: set[int] = set(blocks or naming)
    for i in blocks:
        j = i - 1
        while (j >= 0 and plan[j].kind == "footer" and signing_title(plan[j].text)
               and plan[j + 1].lines[0] - plan[j].lines[1] <= SIGNATURE_GAP):
            found.add(j)
            j -= 1
    return sorted(found)


def title_line(plan: Sequence[Clause], doc: Document) -> int | None:
    """Index in ``plan`` of the header clause stating its title: the longest header line inside the title, or
    the line the (possibly shortened) title begins with."""
    title = folded(doc.title or "")
    kind = folded(doc.kind or "")
    core = title[len(kind):].strip() if kind and title.startswith(kind) else title
    best, size = None, 0
    for i, c in enumerate(plan):
        if c.kind != "header":
            continue
        t = folded(c.text)
        if (len(t) >= TITLE_LINE_MIN and (t in title or (len(core) >= TITLE_LINE_MIN and core[:TITLE_PREFIX] in t))
                and len(t) > size):
            best, size = i, len(t)
    return best


def place_line(plan: Sequence[Clause], doc: Document) -> int | None:
    """Index in ``plan`` (the plan's clauses up to its title line) of the letterhead line stating where and when it
    was issued ("Nghệ An, ngày 19 tháng 11 năm 2025"): a header clause opening on the plan's place (its commune or
    province) and giving a date; else one opening on any place name and giving the date in full (a ministry's plan,
    issued in the capital: `_ANY_PLACE_DATE`)."""
    names = [folded(n) for n in (doc.locality.name, doc.locality.province) if n]
    headers = [(i, c.text) for i, c in enumerate(plan) if c.kind == "header"]
    for i, text in headers:
        t = folded(text)
        if any(t.startswith(n) for n in names) and _PLACE_DATE.search(t):
            return i
    return next((i for i, text in headers if _ANY_PLACE_DATE.match(" ".join(text.strip("*_ ").split()))), None)


# the kinds of document a plan names (`corpus.text.DOCUMENT_KINDS`), folded, longest first
_KINDS = "|".join(sorted((re.escape(fold(k.lower())) for k, *_ in DOCUMENT_KINDS), key=len, reverse=True))
# a preamble line's role by the words it opens with (folded, after a list dash): the acts the plan rests on, the one it
# carries out, and on whose proposal it was issued; the first two name a document of a known kind early in the line
# ("Căn cứ Luật …", "Thực hiện Quyết định số 1850/QĐ-TTg …", "Triển khai Kế hoạch hành động số 328-KH/TU …")
_OPENING_ROLES = (("basis", re.compile(r"can cu\b")),
                  ("implements", re.compile(r"(?:trien khai(?: thuc hien)?|thuc hien|thi hanh)\b")),
                  ("proposal", re.compile(r"(?:theo|xet) de nghi\b")))
NAMED_WITHIN = 40  # characters after the opening words within which a basis or an implemented document is named
_NAMES_KIND = re.compile(r"\b(?:%s)\b" % _KINDS)
# the plan replaces or repeals a document by number: "Kế hoạch này thay thế Kế hoạch số 371/KH-UBND …" (the plan's
# own kind with "này" before the verb), or a line opening with the repeal ("2. Bãi bỏ Thông tư số 15/2024/TT-BCT …")
_REPLACES = re.compile(r"\b(?:%s) nay\b[^.;]{0,60}?\b(?:thay the|bai bo)\b|^(?:\d+\W+)?(?:bai bo|thay the)\b" % _KINDS)
# the marked words a replacing or repealing line writes ("thay thế", "bãi bỏ"), in each case, looked for before its
# text is folded (folding every clause would double the letterhead's share of the parse)
_REPLACING_MARKS = ("thay thế", "bãi bỏ", "Thay thế", "Bãi bỏ", "THAY THẾ", "BÃI BỎ")
_NUMBERED = re.compile(r"\b(?:%s) (?:so )?\d" % _KINDS)


def reference_role(c: Clause) -> str | None:
    """The role in which a clause names another document (`corpus.model.REFERENCE_ROLES`), None when it names none
    so: a preamble line (before any heading) opening on "Căn cứ", "Thực hiện" or "Theo đề nghị", or a line anywhere
    but a table's row saying the plan replaces or repeals a numbered document."""
    preamble = not c.section_path and c.kind in ("header", "paragraph")
    if not preamble and (c.kind == "table_row" or not any(w in c.text for w in _REPLACING_MARKS)):
        return None  # most clauses: read no further (the folding below is the parse's cost)
    t = re.sub(r"^[\W_]+", "", folded(c.text))
    if _REPLACES.search(t) and _NUMBERED.search(t):
        return "replaces"
    if not preamble:
        return None
    for role, opening in _OPENING_ROLES:
        m = opening.match(t)
        if m and (role == "proposal" or _NAMES_KIND.search(t[m.end():m.end() + NAMED_WITHIN])):
            return role
    return None


def reference_lines(plan: Sequence[Clause]) -> dict[str, list[int]]:
    """Indexes in ``plan`` of the clauses naming another document, by role (`reference_role`)."""
    out: dict[str, list[int]] = {role: [] for role in REFERENCE_ROLES}
    for i, c in enumerate(plan):
        role = reference_role(c)
        if role is not None:
            out[role].append(i)
    return out


def field_lines(plan: Sequence[Clause], doc: Document) -> LetterheadLines:
    """The clauses of ``plan`` (one document's, in order) that state its letterhead fields; the place-and-date
    line is looked for above the title line only, and not at all when no title line was found."""
    def at(i: int) -> FieldLine:
        return FieldLine(plan[i].id, plan[i].lines)

    title = title_line(plan, doc)
    place = place_line(plan[:title], doc) if title is not None else None
    refs = reference_lines(plan)
    return LetterheadLines(number=tuple(at(i) for i in number_lines(plan, doc)),
                           place_date=at(place) if place is not None else None,
                           title=at(title) if title is not None else None,
                           signature=tuple(at(i) for i in signature_lines(plan, doc)),
                           **{role: tuple(at(i) for i in refs[role]) for role in REFERENCE_ROLES})
