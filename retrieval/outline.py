"""A plan's outline as its clauses show it: which heading a clause sits under, what a heading found alone answers
through (`title_body`, `heading_body`), the items of an enumeration (`enumeration`), and the few readings of a clause
or a question that both the answer (`retrieval.answer`) and the evidence (`retrieval.evidence`) share with the
question types (`retrieval.strategies`, which uses them and re-exports them under their old names).

It depends on the corpus model and the question's analysis only, never on the answer, the evidence or the
strategies: they import it, so nothing here can make an import cycle between them.
"""
from __future__ import annotations

import re
from typing import Sequence

from corpus.model import Clause
from corpus.responsibilities import LabelledLines, TableColumns, UnitSections
from corpus.text import COLLECTION_ASKED, FUNDING_TITLE, PLAN_NOUN, fold
from retrieval.query import Question, folded

UNIT_SECTION = UnitSections.mechanism  # a unit's own section heading makes the unit the lead of what it heads


def heads(first: Clause, c: Clause) -> bool:
    """``c`` sits directly under ``first``: its section path is ``first``'s and then ``first`` itself (`under`, one
    level down)."""
    return len(c.section_path) == len(first.section_path) + 1 and under(first, c)


def under(h: Clause, c: Clause) -> bool:
    """``c`` sits somewhere under the heading ``h``: its section path runs through ``h``'s and then ``h`` itself
    (a section title is stored cut short with "…", so the title is a start of ``h``'s text)."""
    n = len(h.section_path)
    if c.doc_id != h.doc_id or len(c.section_path) <= n or tuple(c.section_path[:n]) != tuple(h.section_path):
        return False
    title = folded(c.section_path[n]).rstrip("…").strip()
    return bool(title) and folded(h.text).startswith(title)


def states_own_fact(c: Clause) -> bool:
    """The clause states a figure, a thời hạn or a lead of its own. A lead read from another line ("- Cơ quan thực
    hiện: …" below "- Các nội dung hỗ trợ thi hành Luật bao gồm:") or a unit's own section heading naming its unit
    ("d) Đối với các doanh nghiệp", "3. Sở Tài chính": `LeadSource` of mechanism unit_section, read from itself) is
    no fact the heading states: what it heads is."""
    src = c.lead_source
    own_lead = bool(c.lead) and not c.lead_from_elsewhere and not (
        src is not None and src.mechanism == UNIT_SECTION and src.clause_id == c.id)
    return bool(own_lead or c.target or c.deadline)


def heading_body(first: Clause, cs: Sequence[Clause], plan: Sequence[Clause] = ()) -> Clause | None:
    """A heading answers through what it heads ("3. Hình thức khen thưởng" → "Các hình thức khen thưởng
    bao gồm: …"): of the clauses found under it, the one the plan writes first; when none was found and the
    heading states no fact of its own (no lead, figure or thời hạn: "1.2. Kiến nghị thực thi"), the first
    clause the plan writes under it (``plan``: the plan's clauses), since the title alone answers nothing."""
    if first.kind != "heading":
        return None
    title = folded(first.text)
    under = [c for c in cs if c is not first and c.doc_id == first.doc_id and c.section_path
             and folded(c.section_path[-1]) == title]
    if not under and not states_own_fact(first):
        under = [c for c in plan if c is not first and heads(first, c)][:1]
    return min(under, key=lambda c: c.lines[0], default=None)


# a sentence ends inside a heading's text ("… theo quy định. Hồ sơ kiểm tra gồm có …"), or the heading ends with a
# colon: it says something itself, or announces a list; a bare title is one phrase that names its section
_SENTENCE_INSIDE = re.compile(r"[.;!?]\s+\S|:\s*$")


def announces_list(c: Clause) -> bool:
    """A heading that only announces its list: one phrase ending with a colon ("- Các nội dung hỗ trợ thi hành Luật
    bao gồm:", "a) Hồ sơ gồm:"), no sentence before it ("… lập biên bản theo quy định. Biên bản gồm …:" says
    something of its own): its items are what it says, all of them."""
    body = re.sub(r"^\s*(?:[\dIVXLC]+[.)]|[a-zđ][.)]|[-+•])(?:\d+[.)])*\s*", "", c.text).rstrip()
    return c.kind == "heading" and body.endswith(":") and not _SENTENCE_INSIDE.search(body[:-1])


def bare_title(c: Clause) -> bool:
    """The heading is a title ("IV. KINH PHÍ VÀ NGUỒN LỰC THỰC HIỆN", "5. Tổ chức các hoạt động hỗ trợ thi hành
    Luật"), not a sentence or a list's announcement ("2. Trưởng Đoàn kiểm tra lập hồ sơ kiểm tra theo quy định. Hồ sơ
    kiểm tra gồm có các văn bản, tài liệu sau đây:"): its items are what it says. Read on its text after its label."""
    body = re.sub(r"^\s*(?:[\dIVXLC]+[.)]|[a-zđ][.)])(?:\d+[.)])*\s*", "", c.text)
    return c.kind == "heading" and not _SENTENCE_INSIDE.search(body)


def title_body(first: Clause, plan: Sequence[Clause], announced: bool = False) -> list[Clause]:
    """What a heading found alone says: the plan's clauses under it. A bare title (stating no fact of its own,
    `heading_body`, and one phrase: `bare_title`) is quoted with all of them when they are a short enumeration
    ("IV. KINH PHÍ" over "1. Nguồn ngân sách: …", "2. Nguồn xã hội hóa …": each source is part of the answer),
    else with the first. ``announced`` (a figure asked: `Strategy.quotes_announced_items`): a heading announcing
    its items with a colon ("… Một số sản phẩm trái cây chủ yếu:") is quoted with its short enumeration whatever
    figure it states itself, since the items hold each product's figure. None for any other clause."""
    if first.kind != "heading":
        return []
    listed = enumeration(first, plan, under_only=True)
    if listed and ((announced and first.text.rstrip().endswith(":")) or announces_list(first)):
        return listed
    own = heading_body(first, (), plan)
    if own is None:
        return []
    return listed if listed and bare_title(first) else [own]


# a unit's duty opens with its role, after the duty's label and, under a unit's own section, the unit's name ("3. Sở
# Văn hóa, Thể thao và Du lịch: Phối hợp với …", "b) Phối hợp với các sở, ngành", "c) Các doanh nghiệp … phối hợp với")
_COORDINATES = re.compile(r"^phoi hop\b")
_LABEL = re.compile(r"^\s*(?:[\dIVXLC]+[.)]|[a-zđ][.)]|[-–•+*])(?:\d+[.)])*\s*", re.I)
# the mechanisms reading a lead from the task's own role field: a table's "Cơ quan chủ trì" column, a labelled line
ROLE_FIELDS = frozenset({TableColumns.mechanism, LabelledLines.mechanism})


def coordinates_only(c: Clause) -> bool:
    """The clause's own words say its lead only works with another on what it says ("Phối hợp với Ban Tuyên giáo
    …" under the unit's section, "Các doanh nghiệp công nghệ số phối hợp với …"): the task is someone else's, and
    its "phối hợp" names the unit's hosts, not the task's partners. "Chủ trì, phối hợp với …" opens with the lead. A lead
    the plan states in the task's own role column or labelled line (`ROLE_FIELDS`: "5. Phối hợp triển khai Chương
    trình … — Cơ quan chủ trì: Ban Quản lý khu Kinh tế") leads the task whatever verb its name opens with."""
    if not c.lead or (c.lead_source is not None and c.lead_source.mechanism in ROLE_FIELDS):
        return False
    body = folded(_LABEL.sub("", c.text, count=1)).strip()
    lead = folded(c.lead).strip()
    head, sep, rest = body.partition(":")
    if sep and head.strip() == lead:
        body = rest.strip()
    elif body.startswith(lead + " "):
        body = body[len(lead):].strip()
    return bool(_COORDINATES.match(body))


def funding_heading(c: Clause) -> bool:
    """A heading whose own title names money (`corpus.text.FUNDING_TITLE`: "IV. KINH PHÍ", "6. Bảo đảm kinh phí")."""
    return c.kind == "heading" and FUNDING_TITLE.search(folded(c.text)) is not None


MAX_ITEMS = 12  # items of one enumeration a list answer quotes: a plan's lists run to about ten ("a)" … "k)")


def enumeration(first: Clause, plan: Sequence[Clause], under_only: bool = False) -> list[Clause]:
    """The items a list answer gathers besides ``first``, in the plan's order: those under it when it
    opens them (a heading, "Hồ sơ … gồm có các văn bản, tài liệu sau đây:"), else the other items of its
    own section when it is one of them ("- Hệ thống kiểm tra tải trọng xe tự động.", not ``under_only``);
    none when it stands alone or the enumeration runs past MAX_ITEMS (a section of prose, not a list)."""
    under = [c for c in plan if c is not first and heads(first, c)]
    if not under and first.section_path and not under_only:
        under = [c for c in plan if c is not first and c.section_path == first.section_path]
    return under if len(under) <= MAX_ITEMS else []


# "văn bản nào", "luật nào" alone ask for a document a plan cites ("kiến nghị sửa văn bản nào"), not for plans
# "có kế hoạch gì" ("Sơn La và Lai Châu mỗi tỉnh có kế hoạch gì") and "kế hoạch … những luật nào" ask for them too;
# "những chương trình tập huấn … nào" does not (`PLAN_NOUN`); a question opening with the kind of the documents
# asked ("Có những thông tư nào …", "Những văn bản nào …": `COLLECTION_ASKED`) asks which documents there are
# a tense or aspect word may stand between "nào" and the verb ("Những tỉnh nào đã ban hành kế hoạch …", "Tỉnh nào
# cũng có kế hoạch …"): the stop words that mark when, not what
_ASPECT = r"(?:(?:%s) )?" % "|".join(fold(w) for w in ("đã", "đang", "sẽ", "cũng"))
_ASKS_PLANS = re.compile(r"\b(?:ke hoach|chuong trinh|de an) nao\b"
                         r"|\bnhung %s|\bnao %s(?:ban hanh|co ke hoach)\b"
                         r"|\bco (?:nhung )?ke hoach gi\b|\bke hoach\b.*\bnhung luat nao\b|%s"
                         % (PLAN_NOUN, _ASPECT, COLLECTION_ASKED.pattern))
# a plan answers a list across plans (`strategies.plan_answers`, `strategies.plan_answers_asked`) whatever its score
# when its best clause holds every content word of the question (rarity-weighted coverage 1; the margin is
# float rounding), whatever its score: the ranker's probabilities are sharp, and a second plan on the subject,
# written in other words than the first plan's title, scores a tenth of it ("PHÁT TRIỂN HẠ TẦNG 5G, IOT …" of
# Hà Nội against Nghệ An's "HỆ THỐNG SÓNG VIỄN THÔNG 5G …")
LIST_FULL_COVERAGE = 0.999


def asks_plans(q: Question) -> bool:
    """"Có những kế hoạch nào về …", "Những tỉnh nào ban hành kế hoạch …": the answer is the plans themselves."""
    return bool(_ASKS_PLANS.search(q.folded))
