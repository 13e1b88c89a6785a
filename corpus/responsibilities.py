"""Who leads (chủ trì), who coordinates (phối hợp), by when, with what product: one extractor per way plans say it.

Each mechanism is a small class with a ``mechanism`` name (a key of
:data:`corpus.model.LEAD_MECHANISMS`) and ``extract(ctx)``; they are registered once,
in :data:`EXTRACTORS` (facts stated somewhere in the plan, applied widest scope first
so the narrowest statement wins) and :data:`LINKERS` (which run after, once every
stated lead is known, and link indicators or tasks to a lead stated elsewhere).
A clause with no lead after all of them is one the plan assigns to nobody.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable
from functools import cached_property, lru_cache

from corpus.lines import NUMBERED_LABELS
from corpus.model import Clause, DeadlineSource, LeadSource, units_of
from corpus.structure import Node, opens_appendix, states_content
from corpus.text import (ACRONYM_RE, CAPITALS, MARKS_AND_SPACE, NON_TOPIC_WORDS, PARTNER_HEAD_RE, is_unmarked,
                         pattern_for, unmarked_pattern, words)
from corpus.timing import deadline_kinds, sets_no_time
from corpus.vocabulary import ABBREVIATIONS, LEAD_COLUMNS, UNIT_HEAD_RE, VERB_RE, fold

MAX_UNIT_WORDS = 25  # a "unit" longer than this is a sentence, not a name
MAX_PARTNER_WORDS = 50  # a partner list may name several units ("Ban Quản lý Khu kinh tế X, Sở Y và các doanh nghiệp …")
UNIT_SECTION_MAX_WORDS = 20
DUTY_SECTION_PART_WORDS = 25  # under a title about duties, one body's name may run this long  # "1. Sở Nông nghiệp và Môi trường" — a heading that is only a name
TOPIC_MIN_SCORE = 0.35  # share of an indicator's rare word pairs a topic section must have
TOPIC_MARGIN = 1.3  # the best unit must beat the next by this factor, else the plan does not say


def clean(v: str) -> str:
    return " ".join(v.split()).strip(" .;,:-–")  # single spaces (str.split splits where \s+ would)


def _introduced(nodes: list[Node], pos: int) -> list[int]:
    """The labelled points a clause ending in ":" introduces when the tree made them its siblings
    ("Chủ trì, phối hợp với … tham mưu:" then "a) …", "b) …"): the following siblings of another
    kind than the clause, up to the first of its own kind."""
    node = nodes[pos]
    if node.children or not node.body.rstrip(MARKS_AND_SPACE).endswith(":"):
        return []
    siblings = nodes[node.parent].children if node.parent is not None else [
        i for i, n in enumerate(nodes) if n.parent is None]
    out = []
    for s in siblings[siblings.index(pos) + 1:] if pos in siblings else []:
        if nodes[s].ltype is None or nodes[s].ltype == node.ltype:
            break
        out.append(s)
    return out


def subtree(nodes: list[Node], pos: int) -> list[int]:
    out, todo = [], [pos, *_introduced(nodes, pos)]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(nodes[p].children)
    return sorted(out)


QUOTE_CHARS = 70  # how much of the source clause a LeadSource keeps for people


def _quote(c: Clause) -> str:
    label = f"{c.label} " if c.label and not c.text.startswith(c.label) else ""
    text = label + c.text
    return text if len(text) <= QUOTE_CHARS else text[: QUOTE_CHARS - 1].rstrip() + "…"


@dataclass
class Fact:
    scope: list[int]
    field: str
    value: str
    source: int
    mechanism: str


# A unit's role noted in brackets after its name: "Phòng Kinh tế (cơ quan thường trực)", "SỞ TÀI CHÍNH (cơ quan chủ trì)".
_ROLE_NOTE = r"\s*\((?:là\s+)?(?:cơ quan|đơn vị)?\s*(?:thường trực|chủ trì|đầu mối)[^()]*\)\s*$"
_ROLE_NOTE_RX = re.compile(_ROLE_NOTE, re.I)
# What may follow a lead's name however it was read, and is no part of it: how it acts ("… nghiêm túc triển khai",
# "… bằng nhiều hình thức"), the ground it acts on (", trên cơ sở đề xuất của …"), its remit ("… trong phạm vi
# chức năng, nhiệm vụ của mình"), the next sentence ("… trên địa bàn. Các cơ quan …").
_LEAD_TAIL = re.compile(r"\s+(?:nghiêm túc|khẩn trương|bằng (?:nhiều|các|mọi)|trong phạm vi|theo (?:chức năng|phạm vi)|"
                        r"có (?:nhiệm vụ|trách nhiệm))\b.*$|"
                        # the lead's assignment said of it: "Sở Khoa học và Công nghệ được giao chủ trì …"
                        r"\s+được (?:giao|phân công|Ủy ban nhân dân \S+ giao|UBND \S+ giao)\b.*$|"
                        # its role noted in brackets: "Phòng Kinh tế (cơ quan thường trực)"
                        rf"{_ROLE_NOTE}|"
                        r"\s*\([^()]*$|"  # a bracket the name's reading cut open: "Phòng Kinh tế (đơn vị"
                        r",\s*(?:trên cơ sở|căn cứ)\b.*$|(?<=\w)\.\s+(?=[A-ZĐ]).*$", re.S)
# A body that assigns names the one it assigns after "giao": "UBND tỉnh … giao Sở Nông nghiệp và Môi trường";
# "Bộ trưởng … giao một đơn vị đầu mối" names no body, the one who assigns acts.
_GIVES = re.compile(r"(?<!được)(?<!chuyển)(?<!bàn)(?<!Ngoại)\s+giao(?:\s+cho)?\s+(?=\S)(?!thông|dịch|thương|lưu|nhận|ban|khoán|đất|kế hoạch|chỉ tiêu|nhiệm vụ)")


def tidy_lead(value: str) -> str:
    """The lead's name without what follows it in the sentence (see :data:`_LEAD_TAIL`, :data:`_GIVES`)."""
    g = _GIVES.search(value)
    if g and g.start() > 0:
        after = value[g.end():]
        value = after if re.match(rf"(?=(?-i:[A-ZĐ])){_HEAD}\b", after) and _is_name_long_enough(clean(after)) \
            else value[:g.start()]
    return clean(_LEAD_TAIL.sub("", value)) or value


# The plan's closing words ("Trên đây là Kế hoạch …") may sit under the last unit's heading; no task of it.
_CLOSING = re.compile(r"^(?:Trên đây là|Trong quá trình (?:tổ chức )?thực hiện|Quá trình thực hiện)", re.I)


_ARTICLE = re.compile(r"^(?:Điều|Chương|Mục)\s+[0-9IVXL]+[a-z]?\s*[.:]\s*")


@dataclass
class Context:
    """What the extractors read and write: the clause tree and the facts found so far."""

    clauses: list[Clause]
    nodes: list[Node]
    facts: list[Fact] = field(default_factory=list)
    claimed: set[int] = field(default_factory=set)  # clauses a mechanism has read as a statement
    line_to_pos: dict[int, int] = field(default_factory=dict)
    # clauses that state their own time limit ("Trong thời hạn 24 giờ kể từ …", corpus.facts): a deadline
    # stated on another line (a labelled "Thời hạn giải quyết:", a section's) never overrides it
    own_deadline: set[int] = field(default_factory=set)

    def body(self, pos: int) -> str:
        """The clause's words without its label ("Điều 2. Sở Y tế …" → "Sở Y tế …")."""
        text = self.nodes[pos].body or self.clauses[pos].text
        m = _ARTICLE.match(text)  # (anchored: a match, not a substitution that tries every position)
        return text[m.end():] if m else text

    def add(self, scope: list[int], fieldname: str, value: str | None, source: int, mechanism: str) -> None:
        value = clean(value or "")
        if fieldname == "lead":
            value = tidy_lead(value)
        if value:
            self.facts.append(Fact(sorted(set(scope)), fieldname, value, source, mechanism))

    def source_of(self, pos: int, mechanism: str, shared: tuple[str, ...] = ()) -> LeadSource:
        c = self.clauses[pos]
        return LeadSource(mechanism, c.id, c.lines, shared, _quote(c))

    def apply(self) -> None:
        """Widest scope first, so a statement about one task overrides one about its section."""
        applied: dict[tuple[int, str], Fact] = {}
        for f in sorted(self.facts, key=lambda f: -len(f.scope)):
            for p in f.scope:
                c = self.clauses[p]
                if p != f.source and (_CLOSING.match(c.text) or (f.field == "deadline" and p in self.own_deadline)):
                    continue
                setattr(c, f.field, f.value)
                applied[(p, f.field)] = f
                if f.field == "lead":
                    c.lead_source = self.source_of(f.source, f.mechanism)
                elif f.field == "deadline":
                    src = self.clauses[f.source]
                    c.deadline_source = DeadlineSource(f.mechanism, src.id, src.lines)
        self._partners_follow_their_lead(applied)

    def _partners_follow_their_lead(self, applied: dict[tuple[int, str], "Fact"]) -> None:
        """Partners coordinate with a lead: a task that states its own lead, another than the one its
        section's partners were stated with ("- Ban cán sự lớp: Phối hợp với chủ nhiệm lớp …" over
        "Chủ nhiệm lớp có trách nhiệm …"), does not keep those partners."""
        for (p, fieldname), pf in applied.items():
            lf = applied.get((p, "lead"))
            if fieldname != "partners" or lf is None or lf.source == pf.source or len(lf.scope) >= len(pf.scope):
                continue
            theirs = applied.get((pf.source, "lead"))
            if theirs is not None and fold(theirs.value).lower() != fold(lf.value).lower():
                self.clauses[p].partners = None


# ---------------------------------------------------------------- unit names

# A body's name opens with a unit word or is an acronym ("VNMAC chủ trì, …").
_HEAD = rf"(?:{UNIT_HEAD_RE}|{ACRONYM_RE})"
_UNIT_START = re.compile(rf"^(?:Giao\s+)?{_HEAD}\b")
# "tổ chức" after "các" is a noun: "Mặt trận Tổ quốc … và các tổ chức chính trị - xã hội tỉnh: …", and in a
# list of bodies: "Người đứng đầu cơ quan, tổ chức, đơn vị được giao nhiệm vụ …"
_LISTED_BODY = r"(?<=,\s)tổ chức,"
_ASSIGN = re.compile(rf"^(?:Giao\s+(?:cho\s+)?)?(?P<unit>{_HEAD}\b.*?)\s*,?\s*(?<![Cc]ác\s)(?!{_LISTED_BODY})(?P<verb>{VERB_RE}|:)", re.S)
_PARTNERS_WITH = re.compile(
    r"phối hợp\s+(?:chặt chẽ\s+)?(?:cùng\s+)?(?:với\s+)?(?P<v>.+?)(?=,\s*(?:tham mưu|tổ chức|triển khai|thực hiện)|;|\.(?:\s|$)|"
    # "các cơ quan, đơn vị liên quan nghiên cứu …": a generic list ends with "liên quan"
    r"(?<=liên quan)\s+(?!(?:và|hoặc|đến|tới|theo)\b)(?=\w)|"
    r"(?<!chương)(?<!lộ)\s+trình\b(?!\s+độ)|"  # "… phối hợp với Sở X trình cấp có thẩm quyền …"
    # verbs end the list only in lower case: "Ban Tổ chức Tỉnh ủy", "Bộ Tổng Tham mưu" are names
    # "… phối hợp với các bộ, ngành và tổ chức liên quan thực hiện …": after "và" a "tổ chức" is a body, and after
    # "các" ("… phối hợp với các tổ chức, doanh nghiệp cung cấp dịch vụ …")
    r"\s+(?-i:(?<!\svà\s)(?<!\bcác\s)tổ chức|tham mưu|triển khai thực hiện|triển khai|thực hiện|để|nhằm|theo chức năng|trong việc)\b|"
    r"\s+(?-i:theo dõi|chỉ đạo|hướng dẫn|kiểm tra|tuyên truyền|tổng hợp|xây dựng|rà soát|đề xuất|báo cáo|tham gia|"
    r"giám sát|đôn đốc|vận động|hỗ trợ|kịp thời|kiểm soát|phát triển|thúc đẩy|cập nhật|khảo sát|thẩm định|"
    r"xúc tiến|quảng bá|nâng cao|bảo đảm|đảm bảo)\b|"
    r"(?<!thành)(?<!thiết)(?<!xác)\s+(?-i:lập)\b|:|$)",  # "… phối hợp với giảng viên lập danh sách …"
    re.I,
)
_NOT_A_NAME = re.compile(r"\b(?:chủ trì|phối hợp|thực hiện|tham mưu|triển khai|(?<!các )(?<!Các )(?!(?<=, )tổ chức,)tổ chức|"
                         r"có trách nhiệm|là|(?<!người )ra quyết định|"
                         r"được)\b", re.I)


# Words that open a unit's name but also ordinary phrases: "Các chỉ tiêu", "Ban hành", "Hội nghị".
_GENERIC_OPENERS = re.compile(
    r"^(?:(?:Các|các)\s+(?!phòng|sở|ban|ngành|cơ quan|đơn vị|xã|phường|tổ chức|hội|đoàn|trường|doanh nghiệp|"
    r"bộ|cục|chi cục|viện|bệnh viện|ủy ban|hội đồng|ngân hàng|quỹ|công ty|tập đoàn|"
    r"địa phương|thành viên|chi bộ|tỉnh ủy|thành ủy|huyện ủy|đảng ủy|cấp ủy|trung tâm|thôn|tổ|chủ đầu tư|nhà|cơ sở|hợp tác xã|cá nhân|Bộ|Sở|cấp|"
    r"Phó|đồng chí|trưởng)|Ban hành|Hội (?:nghị|thảo|thi|chợ)|Đoàn kết|"
    r"Trường hợp|Tổ chức\b|Đội ngũ|Báo cáo|Đài thọ|Viện trợ|"
    r"Thanh tra(?:,|\s+và)\s*kiểm tra)", re.I)  # "Điều 35. Thanh tra, kiểm tra quản lý, hoạt động …" is an activity


def unit_name(text: str, duties: bool = False, capitals: bool = False) -> str | None:
    """The text, when it is only the name of a unit ("Sở Tài chính", "Công an tỉnh:"), else None. Under a title
    about duties (``duties``) a heading may name its bodies at length ("2. Cơ quan quản lý nhà nước về khắc phục
    hậu quả bom mìn vật nổ và các cơ quan chức năng có liên quan"). With ``capitals`` (a numbered heading) a name
    set in capitals ("1. SỞ TÀI CHÍNH") is read with each word capitalised, its acronyms kept."""
    found = _unit_name(text, duties)
    first = text.split()[0].strip("*(") if text.split() else ""
    if capitals and found is None:  # "1. SỞ TÀI CHÍNH (cơ quan chủ trì)": the name without its role noted after it
        text = pattern_for(_ROLE_NOTE_RX, text).sub("", text.replace("*", "")) or text
    if found is None and capitals and len(first) > 1 and first.isupper() and first not in ABBREVIATIONS:
        found = _unit_name(_capitalised(text), duties)
    # "1. So Tai chinh:", "2. SO NOI VU"; unmarked, a task's verb may read as a unit word ("Bao dam kinh phi":
    # "Bảo đảm", not "Báo")
    unmarked = capitals and is_unmarked(text)
    if found is None and unmarked and not _UNMARKED_TASK_START.match(clean(text.replace("*", ""))):
        found = _unit_name(text, duties, _UNMARKED_NAME) or (
            _unit_name(_capitalised(text), duties, _UNMARKED_NAME) if first.isupper() else None)
    return found


def _capitalised(text: str) -> str:
    """Words in capitals → capitalised ("SỞ TÀI CHÍNH (cơ quan chủ trì)" → "Sở Tài Chính (cơ quan chủ trì)"), a
    word the plans abbreviate ("UBND", "HĐND") left as it is."""
    return re.sub(r"\w+", lambda m: m.group(0) if m.group(0) in ABBREVIATIONS or not m.group(0).isupper()
                  else m.group(0).capitalize(), text)


def _unit_name(text: str, duties: bool, readers: tuple[re.Pattern[str], ...] | None = None) -> str | None:
    opener, for_, start, not_a_name, generic = readers or _NAME_READERS
    t = clean(opener.sub("", for_.sub("", re.sub(r"\*+", "", text))))
    part_words = DUTY_SECTION_PART_WORDS if duties else 12
    too_long = len(t.split()) > UNIT_SECTION_MAX_WORDS and (
        len(t.split()) > 2 * UNIT_SECTION_MAX_WORDS or any(len(p.split()) > part_words for p in t.split(",")))
    if not t or too_long or not start.match(t) or not_a_name.search(t):
        return None
    if generic.match(t):
        return None
    # "Các sở, ngành có liên quan; Ủy ban nhân dân các xã, phường": several bodies, each named
    several = all(start.match(p.strip()) for p in t.split(";"))
    if re.search(r"[.!?]\s|\d{4}", t) or (";" in t and not several):
        return None
    return t


def trim_unit(value: str) -> str:
    """"Sở Khoa học và Công nghệ tiến hành rà soát …" → "Sở Khoa học và Công nghệ"; a name cut by a verb
    that was a noun ("… và các tổ chức chính trị - xã hội") loses its dangling "và các"."""
    m = re.search(rf"(?<![Cc]ác)\s+(?:{VERB_RE}|tiến hành|chủ động|tích cực|là cơ quan|là đơn vị|là đầu mối)\b", value)
    head = value[: m.start()] if m and m.start() > 0 else value
    org = _ORGANISATIONS.search(head)
    if org:  # "… và các tổ chức chính trị - xã hội phát huy vai trò …": the name ends with its kind of body
        head = head[: org.end()]
    return re.sub(r"(?:\s+(?:và|cùng|với)(?:\s+các)?)+$", "", clean(head))


# "các tổ chức" names bodies by their kind; the name ends there, or after the place they belong to.
_ORGANISATIONS = re.compile(r"\b[Cc]ác tổ chức\s+(?:chính trị\s*-\s*xã hội(?:\s*-\s*nghề nghiệp)?|đoàn thể|thành viên|"
                            r"hội|xã hội)(?:\s+(?:tỉnh|thành phố|xã|phường|đặc khu|các cấp|cùng cấp|cơ sở))?")


def _is_name_long_enough(unit: str) -> bool:
    """Two words at least ("Sở Y tế", not "Sở"), or an acronym that stands for a body ("VNMAC")."""
    return len(unit.split()) >= 2 or re.fullmatch(r"[A-ZĐ]{3,}[0-9]*", unit) is not None


# A name never runs over the end of its sentence ("Trung tâm thông báo chiêu sinh …. Các cơ quan tham mưu …"), and
# the colon of a list ("… báo cáo cấp ủy xã về công tác bồi dưỡng, gồm:") follows no name.
_SENTENCE_END = re.compile(r"[.;!?]\s+(?=\S)")
_LIST_COLON = re.compile(r"(?:\b(?:gồm|bao gồm|như sau|sau đây|cụ thể là|cụ thể|trong đó)|,)\s*$", re.I)


@lru_cache(maxsize=16384)  # the sentence reader's steps (_coordinates, then _assigns) ask about the same text in turn
def parse_assignment(text: str) -> tuple[str | None, str | None, str | None]:
    """"Giao X chủ trì, phối hợp với Y …" → (lead X, partners Y, verb)."""
    m = _ASSIGN.match(text)
    if not m:
        return None, None, None
    unit, verb = trim_unit(clean(m["unit"])), m["verb"]
    if len(unit.split()) > MAX_UNIT_WORDS or not _is_name_long_enough(unit) or _GENERIC_OPENERS.match(unit):
        return None, None, None
    if _SENTENCE_END.search(m["unit"]) or (verb == ":" and _LIST_COLON.search(m["unit"])):
        return None, None, None
    partners = None
    named = _NAMED_THEN_COORDINATES.match(text[m.end("verb"):]) if verb == "chủ trì" else None
    pm = named or _PARTNERS_WITH.search(text[m.start("verb"):])
    if pm:
        partners = clean(pm["v"])
        if partners.lower().startswith(("triển khai", "thực hiện", "đôn đốc", "các nhiệm vụ")) \
                or TASK_START.match(partners):
            partners = None
    return unit, partners, verb


# The partners named before their verb: "X chủ trì, Y phối hợp …", "(X chủ trì; Y phối hợp)".
_NAMED_THEN_COORDINATES = re.compile(rf"^\s*[,;]\s*(?P<v>(?:(?=[A-ZĐ])|các\s)(?:{_HEAD}|(?i:{PARTNER_HEAD_RE}))\b[^;()]{{0,200}}?)"
                                     r"\s+phối hợp(?:\s+thực hiện)?\b")


# ---------------------------------------------------------------- extractors (stated facts)

class TableColumns:
    """Role columns of any table: chủ trì / cơ quan thực hiện / tham mưu, phối hợp, thời gian, sản phẩm.

    Merged cells were carried down by the table reader; the lead then records the row
    where the cell was written.
    """

    mechanism = "table_column"
    columns = (("phoi_hop", "partners"), ("thoi_han", "deadline"), ("san_pham", "product"))

    def extract(self, ctx: Context) -> None:
        for pos, (c, node) in enumerate(zip(ctx.clauses, ctx.nodes)):
            row = node.row
            if row is None or c.kind != "table_row":
                continue
            ctx.claimed.add(pos)
            for col in LEAD_COLUMNS:
                if row.cells.get(col):
                    written = row.carried.get(col)
                    src = ctx.line_to_pos.get(written, pos) if written else pos
                    lead, partners = cell_roles(row.cells[col])
                    ctx.add([pos], "lead", lead, src, "merged_cell" if written else self.mechanism)
                    if partners and not row.cells.get("phoi_hop"):
                        ctx.add([pos], "partners", partners, src, "merged_cell" if written else self.mechanism)
                    break
            for col, fieldname in self.columns:
                if row.cells.get(col):
                    ctx.add([pos], fieldname, row.cells[col], pos, self.mechanism)


_LABELS = [
    # also "Các đơn vị phối hợp:", "Cơ quan, đơn vị chủ trì:" and the bare "Chủ trì:" / "Phối hợp:"
    # a procedure sheet names what is done: "Cơ quan thực hiện thủ tục hành chính:", "Cơ quan giải quyết TTHC:"
    # also "Đơn vị phụ trách:", "Cơ quan được giao:", "Cơ quan chủ trì tham mưu:", "Chủ trì thực hiện:",
    # "Trách nhiệm thực hiện:" / "Phân công thực hiện: X chủ trì, phối hợp với Y" (the value names both roles)
    ("lead", re.compile(r"^(?:(?:Các\s+)?(?:Cơ quan|Đơn vị|Bộ phận)(?:\s*,\s*(?:đơn vị|cơ quan))?\s+(?:chủ trì|thực hiện|"
                        r"giải quyết|tham mưu|chịu trách nhiệm|phụ trách|được giao|đầu mối|triển khai)"
                        r"(?:\s+(?:thực hiện|chính|soạn thảo|tham mưu|triển khai))?"
                        r"(?:\s+(?:thủ tục hành chính|thủ tục|TTHC)(?:\s+nội bộ)?)?|Chủ trì(?:\s+(?:thực hiện|tham mưu))?|"
                        r"(?:Trách nhiệm|Phân công)(?:\s+(?:thực hiện|chủ trì))?(?=\s*:\s*\S[^:]*\bchủ trì\b)|"
                        r"Trách nhiệm (?:chủ trì|thực hiện))\s*:\s*(?P<v>.+)$",
                        re.I | re.S)),
    ("partners", re.compile(r"^(?:(?:Các\s+)?(?:Cơ quan|Đơn vị|Bộ phận)(?:\s*,\s*(?:đơn vị|cơ quan))?\s+(?:tham gia\s+)?phối hợp"
                            r"(?:\s+thực hiện)?|(?:Trách nhiệm\s+)?[Pp]hối hợp(?:\s+thực hiện)?)\s*:\s*(?P<v>.+)$", re.I | re.S)),
    # the colon may be left out before a time: "Thời gian thực hiện sau khi Chiến lược … được ban hành."
    # also "Thời điểm hoàn thành:", "Lộ trình thực hiện:", "Mốc thời gian:"
    ("deadline", re.compile(r"^(?:Thời (?:gian|hạn|điểm)(?:\s+(?:hoàn thành|thực hiện|triển khai|ban hành|trình|báo cáo|"
                            r"tổ chức|xây dựng|giải quyết))?|(?:Tiến độ|Lộ trình)(?:\s+(?:thực hiện|hoàn thành))?|"
                            r"Mốc thời gian(?:\s+hoàn thành)?)"
                            r"(?:\s*:\s*|\s+(?=(?:sau khi|trước|trong|từ|năm|quý|tháng|hằng|hàng|định kỳ|ngay|khi|đến|"
                            r"chậm nhất|\d)))(?P<v>.+)$", re.I | re.S)),
    ("product", re.compile(r"^(?:Sản phẩm|Kết quả)(?:\s+(?:đầu ra|dự kiến|đạt được))?\s*:\s*(?P<v>.+)$", re.I | re.S)),
]
_SPLIT_PART = re.compile(r"(?P<unit>[^;()]+?)\s*\(\s*thực hiện (?:nội dung|mục|điểm)\s+(?P<which>[^)]+)\)")


# Where a line holding several labels starts its next one: "Cơ quan chủ trì: X; Cơ quan phối hợp: Y; Thời gian: Z",
# or opens them in brackets after the task's own words: "Tổ chức tập huấn … (Chủ trì: X; phối hợp: Y; thời gian: Z)".
_NEXT_LABEL = re.compile(r"[;.(]\s*(?=(?:(?:Các\s+)?(?:Cơ quan|Đơn vị)[^:;.]{0,30}|Chủ trì[^:;.]{0,20}|Phối hợp[^:;.]{0,20}|"
                         r"Trách nhiệm[^:;.]{0,20}|Phân công[^:;.]{0,20}|Thời (?:gian|hạn|điểm)[^:;.]{0,25}|"
                         r"Tiến độ[^:;.]{0,20}|Lộ trình[^:;.]{0,20}|Mốc thời gian[^:;.]{0,20}|Sản phẩm[^:;.]{0,20}|Kết quả[^:;.]{0,20})\s*:)", re.I)


def labelled_parts(body: str) -> list[tuple[str, str]]:
    """Every label a line holds, in order: one for "Cơ quan chủ trì: X", three for "Chủ trì: X. Phối hợp: Y.
    Thời gian: Z" (a line whose first words are no label has none)."""
    first = labelled(body)
    if first is None:
        return []
    cuts = [m.end() for m in _NEXT_LABEL.finditer(body)]
    if not cuts:
        return [first]
    pieces = [body[a:b] for a, b in zip([0, *cuts], [*cuts, len(body)])]
    return [(f, _closed(v)) for piece in pieces if (hit := labelled(piece.rstrip(" ;")))
            for f, v in [hit]]


def _closed(value: str) -> str:
    """A value without the bracket that closes the labels' run ("… thời gian: Quý IV năm 2025)." → "Quý IV năm
    2025"): a ")" the value never opened."""
    v = value.rstrip(" .;")
    while v.endswith(")") and v.count(")") > v.count("("):
        v = v[:-1].rstrip(" .;")
    return v if v != value.rstrip(" .;") else value


# What a form writes where a field does not apply: "Thời hạn giải quyết: Không quy định.", "Phí, lệ phí: Không",
# "Cơ quan phối hợp: —". The line states no value.
_NOT_STATED = re.compile(r"^(?:không(?:\s+(?:quy định|có|áp dụng))?|chưa quy định|[-–—/.]+)\s*[.;]?$", re.I)


# A role written after a name in brackets: "Sở Y tế (chủ trì), Sở Tài chính (phối hợp)".
_ROLE_IN_BRACKETS = re.compile(r"\s*\(\s*(chủ trì|phối hợp)\s*\)", re.I)
_LEAD_THEN_REST = re.compile(r"^(?P<lead>.+?)\s+chủ trì\s*[,;.]\s*(?P<rest>.+)$", re.I | re.S)
_THEN_PARTNERS = re.compile(r"^(?P<v>.+?)\s*,?\s+phối hợp(?:\s+thực hiện)?\s*[.;]?\s*$", re.I | re.S)


def roles_in_value(value: str) -> tuple[str, str | None]:
    """A labelled lead's value may name both roles: "X chủ trì, phối hợp với Y", "X chủ trì; Y phối hợp",
    "X (chủ trì), Y (phối hợp)" → (X, Y); a plain name → (name, None)."""
    v = _ROLE_IN_BRACKETS.sub(lambda m: " " + m.group(1), value)
    m = _LEAD_THEN_REST.match(v)
    if not m:
        return trim_unit(value), None
    lead, rest = trim_unit(clean(m["lead"])), m["rest"].strip()
    pm = _PARTNERS_WITH.search(rest) if re.match(r"phối hợp\b", rest, re.I) else _THEN_PARTNERS.match(rest)
    partners = clean(pm["v"]) if pm and pm["v"] else None
    if partners is None and _ROLE_IN_BRACKETS.search(value) and "phối hợp" not in rest:
        partners = clean(rest)  # "X (chủ trì); Y, Z": the bodies after the one marked to lead coordinate
    if partners and (len(partners.split()) > MAX_PARTNER_WORDS or not re.match(rf"(?:{_HEAD}|{PARTNER_HEAD_RE})\b",
                                                                                 partners, re.I)):
        partners = None
    return lead, partners


_CELL_BREAK = re.compile(r"\s*(?:<br\s*/?>|\n)\s*[-+•]?\s*", re.I)


def cell_roles(value: str) -> tuple[str, str | None]:
    """A lead column's cell may state both roles: "Chủ trì: X; Phối hợp: Y" (also on lines of their own),
    "X chủ trì, phối hợp với Y", "X (chủ trì); Y" → (X, Y); a name alone → (name, None)."""
    v = _CELL_BREAK.sub("; ", value.strip().lstrip("-+• "))
    parts = dict(reversed(labelled_parts(v)))  # the first statement of each field
    if "lead" in parts:
        return roles_in_value(parts["lead"])[0], parts.get("partners")
    if not re.search(r"chủ trì|phối hợp", v, re.I):
        return value, None
    return roles_in_value(v)


def not_stated(value: str, fieldname: str | None = None) -> bool:
    """True for a labelled value that says the field is not set ("Không quy định", "Không", "—"); a thời hạn
    said in words not to be set ("Thời hạn giải quyết: Không quy định", "Chưa quy định": `timing.sets_no_time`) is
    stated, unlike a blank or a bare "Không": it is what the plan answers for "trong bao lâu"."""
    v = value.strip(" *")
    return _NOT_STATED.match(v) is not None and not (fieldname == "deadline" and sets_no_time(deadline_kinds(v)))


# The attribute lines of a procedure sheet (thủ tục hành chính) name the procedure or its handling in the label.
_RECORD_LABEL = re.compile(r"^[^:;.]{0,40}?(?:thủ tục|TTHC|giải quyết)[^:;.]{0,20}:", re.I)


def labelled(body: str) -> tuple[str, str] | None:
    """"Cơ quan chủ trì: Sở Tài chính." → ("lead", "Sở Tài chính."); the label names the field."""
    for fieldname, rx in _LABELS:
        m = rx.match(body.strip())
        if m:
            return fieldname, m["v"]
    return None


class LabelledLines:
    """Labelled lines that follow a task ("- Cơ quan chủ trì: X", "Thời gian thực hiện: Quý IV/2025",
    "Sản phẩm: …") or close a section ("1.2. Cơ quan chủ trì thực hiện: X") belong to that task:
    the content before them in their section, back to the previous line of the same label."""

    mechanism = "labelled_line"

    def extract(self, ctx: Context) -> None:
        for pos in range(len(ctx.clauses)):
            if pos in ctx.claimed or ctx.clauses[pos].kind in ("header", "footer", "table_header"):
                continue
            hits = labelled_parts(ctx.body(pos))
            if not hits:
                self._inline(ctx, pos)
                continue
            ctx.claimed.add(pos)
            hits = [(fieldname, value) for fieldname, value in hits if not not_stated(value, fieldname)]
            ctx.clauses[pos].labelled_fields = tuple(dict.fromkeys(fieldname for fieldname, _ in hits))
            record = _RECORD_LABEL.match(ctx.body(pos)) is not None
            for fieldname, value in hits:
                scope = self._record_scope(ctx, pos) if record else self._scope(ctx, pos, fieldname)
                if fieldname == "lead":
                    parts = list(_SPLIT_PART.finditer(value))
                    if parts:
                        self._split(ctx, pos, scope, parts)
                        continue
                    value, partners = roles_in_value(value)
                    if partners and "partners" not in dict(hits):
                        ctx.add(scope, "partners", partners, pos, self.mechanism)
                ctx.add(scope, fieldname, value, pos, self.mechanism)

    def _inline(self, ctx: Context, pos: int) -> None:
        """A task that carries its labels after its own sentence, on its line: "Tổ chức tuyên truyền …. Cơ quan
        chủ trì: X. Cơ quan phối hợp: Y." — the labels state the task's (and its points') facts; the task is
        read as a statement only when they name its lead."""
        body = ctx.body(pos)
        cut = _NEXT_LABEL.search(body)
        if cut is None:
            return
        hits = [(f, v) for f, v in labelled_parts(body[cut.end():]) if not not_stated(v, f)]
        if not any(f == "lead" for f, _ in hits):
            return
        ctx.claimed.add(pos)
        # a task's content line carrying the labels ("+ Nội dung: … (Cơ quan chủ trì: X; …)") states its task's
        parent = ctx.nodes[pos].parent
        scope = subtree(ctx.nodes, parent if parent is not None and states_content(body) else pos)
        for fieldname, value in hits:
            if fieldname == "lead":
                value, partners = roles_in_value(value)
                if partners and "partners" not in dict(hits):
                    ctx.add(scope, "partners", partners, pos, self.mechanism)
            ctx.add(scope, fieldname, value, pos, self.mechanism)

    @staticmethod
    def _record_scope(ctx: Context, pos: int) -> list[int]:
        """A procedure sheet's attribute line ("e) Cơ quan thực hiện thủ tục hành chính: X") describes the
        procedure it is listed under, not the steps and papers listed before it: the line and the procedure."""
        parent = ctx.nodes[pos].parent
        return [pos] if parent is None else [pos, parent]

    def _scope(self, ctx: Context, pos: int, fieldname: str) -> list[int]:
        parent = ctx.nodes[pos].parent
        if parent is None:
            return [pos]
        siblings = ctx.nodes[parent].children
        scope: list[int] = [pos]
        j = siblings.index(pos) - 1
        while j >= 0:
            hit = labelled(ctx.body(siblings[j]))
            if hit and hit[0] == fieldname:
                break
            if not hit:
                scope.extend(subtree(ctx.nodes, siblings[j]))
            j -= 1
        if j < 0:
            scope.append(parent)
        return scope

    def _split(self, ctx: Context, pos: int, scope: list[int], parts: list[re.Match[str]]) -> None:
        """"Phòng A (thực hiện nội dung a); Phòng B (thực hiện nội dung b, c)": each unit its items."""
        together = "; ".join(clean(p["unit"]) for p in parts)
        ctx.add(scope, "lead", together, pos, self.mechanism)
        parent = ctx.nodes[pos].parent
        for p in parts:
            for which in re.split(r"[,\s]+(?:và\s+)?", p["which"].strip()):
                target = _child_labelled(ctx, parent, which)
                if target is not None:
                    ctx.add(subtree(ctx.nodes, target), "lead", p["unit"], pos, self.mechanism)
        ctx.add([pos], "lead", together, pos, self.mechanism)


def _child_labelled(ctx: Context, parent: int | None, label: str) -> int | None:
    if parent is None:
        return None
    want = label.strip().strip(".)").lower()
    for ch in ctx.nodes[parent].children:
        if (ctx.clauses[ch].label or "").strip().strip(".)(").lower() == want:
            return ch
    return None


_DIRECTOR = re.compile(r"(?:Giao\s+)?(?P<who>đồng chí\s+.+?)\s+(?:trực tiếp\s+)?chỉ đạo\b", re.I)


class AssignmentBlocks:
    """A "Phân công thực hiện" block under a section: its "Giao X chủ trì / Y phối hợp / đồng chí Z
    chỉ đạo" lines govern the whole section; several leads there lead together."""

    mechanism = "assignment_block"

    def extract(self, ctx: Context) -> None:
        merged: dict[tuple[tuple[int, ...], str], tuple[list[str], int]] = {}
        for pos, node in enumerate(ctx.nodes):
            parent = node.parent
            if pos in ctx.claimed or parent is None or not ctx.nodes[parent].block:
                continue
            grand = ctx.nodes[parent].parent
            scope = tuple(subtree(ctx.nodes, grand if grand is not None else parent))
            body = ctx.body(pos)
            dm = _DIRECTOR.search(body)
            if dm:
                ctx.claimed.add(pos)
                ctx.add(list(scope), "directed_by", dm["who"], pos, self.mechanism)
                continue
            unit, _, verb = parse_assignment(body)
            if unit is None:
                continue
            ctx.claimed.add(pos)
            fieldname = "lead" if verb in ("tham mưu", "chủ trì") else "partners" if verb == "phối hợp" else None
            if fieldname:
                units, first = merged.get((scope, fieldname), ([], pos))
                if unit not in units:
                    units.append(unit)
                merged[(scope, fieldname)] = (units, first)
        for (scope, fieldname), (units, first) in merged.items():
            ctx.add(list(scope), fieldname, "; ".join(units), first, self.mechanism)


_ASSIGNMENT_TITLE = re.compile(r"phân công|trách nhiệm|tổ chức thực hiện|nhiệm vụ cụ thể|theo dõi|chế độ báo cáo", re.I)


@lru_cache(maxsize=4096)  # every clause of a section asks about the same few titles ("II. TO CHUC THUC HIEN" too)
def _assigns_duties(title: str) -> bool:
    return pattern_for(_ASSIGNMENT_TITLE, title).search(title) is not None


def in_assignment_section(ctx: Context, pos: int) -> bool:
    return any(_assigns_duties(t) for t in ctx.clauses[pos].section_path)


_DUTIES_OF = re.compile(r"^(?:Trách nhiệm|Nhiệm vụ)(?:\s+cụ thể)?\s+của\s+(?P<who>(?!mình\b).+)$", re.I)


class UnitSections:
    """A heading or bullet that names a unit ("1. Sở Tài chính", "- Công an tỉnh:", "**7. Sở Công Thương:**
    Chủ trì, …") makes the unit the lead of what it says and of the tasks under it."""

    mechanism = "unit_section"

    def extract(self, ctx: Context) -> None:
        for pos, (c, node) in enumerate(zip(ctx.clauses, ctx.nodes)):
            if pos in ctx.claimed or c.kind in ("header", "footer", "table_header", "table_row"):
                continue
            body = ctx.body(pos)
            head, sep, rest = body.partition(":")
            numbered = node.ltype in NUMBERED_LABELS  # "1. SỞ TÀI CHÍNH", never a signature's "CHỦ TỊCH"
            unit = unit_name(head, in_assignment_section(ctx, pos), numbered) if (sep or node.children) else None
            duty = (pattern_for(_DUTIES_OF, head) if numbered else _DUTIES_OF).match(head)  # "3. Trach nhiem cua …"
            if duty and (node.children or rest.strip()) and len(duty["who"].split()) <= UNIT_SECTION_MAX_WORDS:
                # "3. Trách nhiệm của tổ chức, đơn vị điều tra, khảo sát" over its points, or
                # "- Trách nhiệm của chủ nhiệm lớp: là cầu nối …" with its duties after the colon
                unit = clean(duty["who"])
            if unit is None or (not sep and not node.children):
                continue
            if not sep and not in_assignment_section(ctx, pos) and c.kind != "heading":
                continue
            ctx.claimed.add(pos)
            scope = subtree(ctx.nodes, pos)
            ctx.add(scope, "lead", unit, pos, self.mechanism)
            said = rest.strip()
            said = said[:1].lower() + said[1:]
            _, partners, _ = parse_assignment(f"{unit} {said}") if said else (None, None, None)
            if partners:
                ctx.add(scope, "partners", partners, pos, self.mechanism)


_RESPONSIBLE = re.compile(rf"^(?P<unit>{_HEAD}\b.{{0,240}}?)\s+(?:có trách nhiệm|chịu trách nhiệm|"
                          rf"là cơ quan (?:chủ trì|đầu mối|thường trực))\b", re.S)
# What may follow the units in "X, Y và các cơ quan có liên quan đến các lĩnh vực nêu tại Điều 1, có trách nhiệm".
_UNIT_TAIL = re.compile(r"\s+(?:đến các|nêu tại|tại Điều|theo quy định|trong phạm vi|theo lĩnh vực|được|là)\b")
# Bodies named outright (not "Các cơ quan", "Người đứng đầu"): their sentence assigns wherever it stands.
_NAMED_BODY = re.compile(r"^(?:Sở|Bộ|Cục|Công an|Ủy ban|UBND|Ban|Bộ Chỉ huy|Bộ Tư lệnh|Văn phòng|"
                         r"Thanh tra|Kho bạc|Ngân hàng|Bảo hiểm xã hội|Liên đoàn|Tỉnh đoàn|Thành đoàn|Trung tâm|Phòng|"
                         r"Binh chủng|Quân khu|Quân chủng|Viện|Chi cục|Tổng cục|Hội đồng|Giám đốc|Chủ tịch|Trưởng|"
                         r"Cấp ủy|Thủ trưởng|Các (?i:cơ quan|đơn vị|sở|bộ|tổ chức|cục|chi cục|viện|ủy ban)|"
                         # a body by its kind, a person by office: "Cơ quan thanh tra quốc phòng các cấp thực hiện …",
                         # "Người có thẩm quyền kiểm tra chuyên ngành … ban hành quyết định …"
                         r"Người có thẩm quyền|Người đứng đầu|Người ra quyết định|"
                         # and the parties of an investment: "Chủ đầu tư căn cứ …", "Người quyết định đầu tư, chủ đầu tư …"
                         r"Chủ đầu tư|Người quyết định đầu tư|Tổng Giám đốc)[\s,]+\S|"
                         r"^Cơ quan\s+(?!(?:chủ trì|phối hợp|thực hiện|tham mưu|cấp trên)\b)(?-i:[a-zđ])|"
                         rf"^{ACRONYM_RE}\b")
_BARE_KINDS = {"cơ quan", "đơn vị", "bộ phận", "các cơ quan", "các đơn vị"}  # a kind of body, no body's name
SENTENCE_HEADING_MIN_WORDS = 12  # a numbered heading this long is a task sentence, not a title
NAMED_ACTOR_MAX_WORDS = 20  # "Các bộ, cơ quan ngang bộ, Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương gửi …"
# "Giao X …", "Đề nghị X …", "Yêu cầu X …"; a plan asks bodies outside its authority the same way:
# "Khuyến khích Liên đoàn Lao động tỉnh, Hội Nông dân tỉnh xây dựng …", "Kính đề nghị Ủy ban MTTQ …".
# "Khuyến khích" asks only a named body: "Khuyến khích các doanh nghiệp đầu tư …" is a task of its section.
_OPENERS = r"(?:Giao(?:\s+cho)?|Kính đề nghị|Đề nghị|Yêu cầu|Khuyến khích(?=\s+(?-i:[A-ZĐ])))"  # also "Giao cho X …"
_OPENER = re.compile(rf"^{_OPENERS}\s+", re.I)
# "2. Đối với Phòng Văn hóa - Xã hội" heads that unit's duties as "2. Phòng Văn hóa - Xã hội" does
_FOR = re.compile(r"^\s*Đối với\s+", re.I)
# A unit name's readers: (lead-ins dropped, "đối với", start of a name, not a name, generic openers).
_NAME_READERS = (_OPENER, _FOR, _UNIT_START, _NOT_A_NAME, _GENERIC_OPENERS)
_UNMARKED_NAME = tuple(unmarked_pattern(rx) for rx in _NAME_READERS)  # the same, for a heading typed without marks
# Verbs that end the subject of a duty in a "Tổ chức thực hiện" section ("Sở Nội vụ hướng dẫn …").
_DUTY_VERBS = (
    "định kỳ", "tổng hợp", "báo cáo", "căn cứ", "chủ động", "tiếp tục", "tăng cường", "đẩy mạnh", "phân công",
    "kiểm tra", "rà soát", "tuyên truyền", "bố trí", "cung cấp", "đề xuất", "nghiên cứu", "ban hành",
    "thường xuyên", "tập trung", "quán triệt", "khẩn trương", "giám sát", "cân đối", "hỗ trợ", "phổ biến",
    "vận động", "ưu tiên", "bảo đảm", "đảm bảo", "lồng ghép", "nâng cao", "sử dụng", "quản lý", "cập nhật",
    # the acts of procedures and regulations: "Trung tâm có văn bản báo cáo …", "Binh chủng Công binh ban hành …"
    "tiến hành", "gửi", "có văn bản", "lập", "công bố", "thông báo", "trình", "thẩm định", "trực tiếp lãnh đạo",
    "nộp", "ra quyết định", "quyết định", "phê duyệt", "cử", "xác định", "cho ý kiến", "lấy ý kiến", "điều chỉnh", "chuẩn bị",
    # what bodies asked or encouraged do: "Đề nghị Ủy ban MTTQ tỉnh, các tổ chức chính trị-xã hội phát huy …"
    "phát huy", "tham gia", "quan tâm", "phát động", "hưởng ứng", "phản ánh",
    # what a regulation has bodies do: "Bộ Quốc phòng cấp chứng chỉ …", "VNMAC đào tạo, cấp chứng chỉ …"
    "cấp chứng chỉ", "cấp giấy", "cấp phép", "cấp lại", "cấp đổi",
    # what an investor does: "Chủ đầu tư lựa chọn đơn vị tư vấn …"
    "lựa chọn",
    # a body that hands a task on still acts: "Bộ Quốc phòng giao nhiệm vụ cho các tổ chức, đơn vị …"
    "giao nhiệm vụ",
    # a body due to finish a thing: "Sở Giáo dục và Đào tạo hoàn thành trước ngày 30 tháng 6 năm 2026"
    "hoàn thành", "hoàn tất",
)
DUTY_VERBS = _DUTY_VERBS  # the acts a duty opens with, for the linkers that read what a task does
# Partners never start with what is done: "X chủ trì, Y phối hợp rà soát …" names Y, not "rà soát …".
TASK_START = re.compile(rf"^(?:{VERB_RE}|rà soát|tuyên truyền|" + "|".join(re.escape(v) for v in _DUTY_VERBS) + r")\b",
                         re.I)
_SUBJECT = re.compile(
    rf"^(?P<unit>{_HEAD}\b.{{0,200}}?)\s*,?\s+(?<![Cc]ác\s)(?!{_LISTED_BODY})(?P<verb>{VERB_RE}|"
    # "đào tạo" is what a body does ("VNMAC đào tạo, cấp chứng chỉ …"), not a kind of body ("Các cơ sở đào tạo")
    + "|".join(re.escape(v) for v in _DUTY_VERBS) + r"|(?<!sở\s)(?<!trình\s)(?<!tâm\s)(?<!trường\s)(?<!ngành\s)đào tạo)\b", re.S)
_WITH = re.compile(rf"^phối hợp\s+(?:chặt chẽ\s+)?(?:với\s+|(?={_HEAD}\b))(?P<v>.+?)(?=\s+(?-i:trong|để|nhằm|(?<!\bcác\s)tổ chức|triển khai|thực hiện|"
                   r"tham mưu|xây dựng|hướng dẫn|tuyên truyền|rà soát|kiểm tra|theo dõi|chỉ đạo|tổng hợp|đề xuất|"
                   r"báo cáo|giám sát|đôn đốc|vận động|hỗ trợ)\b|[;:.]|,\s*(?:tham mưu|tổ chức|"
                   r"triển khai|thực hiện|xây dựng)|$)", re.S | re.I)
_UNMARKED_TASK_START = unmarked_pattern(TASK_START)


_VERB_FIRST = re.compile(r"^(?:Chủ trì\s*,?\s*)?(?:phối hợp|Phối hợp)\s+(?:chặt chẽ\s+)?(?:với\s+)?", re.I)


_COORDINATE = re.compile(rf"(?:^|[\s,;(])phối hợp\s+(?:chặt chẽ\s+)?(?:cùng\s+)?(?:với\s+)?"
                         rf"(?=(?:{_HEAD}|(?:các\s+)?{PARTNER_HEAD_RE})\b)", re.I)
# Partners named without "phối hợp": "X chủ trì, cùng với Y xây dựng …", "… với sự tham gia của Y", "… tham gia cùng
# Sở Khoa học và Công nghệ trong việc tuyên truyền …" (after a bare "cùng" only a body named outright: "cùng cấp",
# "cùng phát triển" name none).
_ALONG = re.compile(rf"(?:^|[\s,;(])(?:cùng với|với sự (?:tham gia|phối hợp) của|cùng(?=\s+(?-i:[A-ZĐ])))\s+"
                    rf"(?=(?-i:[A-ZĐ])|các\s+{_HEAD}\b)", re.I)


# "phối hợp, cung cấp thông tin với các sở, ngành …": a short act between "phối hợp," and "với" its partners
_COORDINATE_ACT = re.compile(rf"(?:^|[\s,;(])phối hợp\s*,\s*[^,;.()]{{3,40}}?\s+với\s+"
                             rf"(?=(?:{_HEAD}|(?:các\s+)?{PARTNER_HEAD_RE})\b)", re.I)


def coordination_phrases(ctx: Context, mechanism: str) -> None:
    """"… phối hợp (với) Y …" anywhere in a task names its partners Y, also mid-sentence ("Căn cứ …,
    phối hợp với Sở X trình …", "Tham mưu UBND tỉnh phối hợp các bộ, ngành …"), when no statement
    of the task itself gave them. Run by :class:`Sentences` after its own reading."""
    stated = {f.source for f in ctx.facts if f.field == "partners"}
    leading = {f.source for f in ctx.facts if f.field == "lead"}
    for pos, c in enumerate(ctx.clauses):
        if pos in stated or c.kind in ("header", "footer", "table_header", "table_row"):
            continue
        body = ctx.body(pos)
        m = _COORDINATE.search(body)
        if m:
            pm = _PARTNERS_WITH.search(body[m.start():].lstrip(" ,;("))
        elif pos in leading and ("với" in body or "cùng" in body) and (m := _ALONG.search(body)):
            pm = _PARTNERS_WITH.search("phối hợp với " + body[m.end():])
        elif "với" in body and (m := _COORDINATE_ACT.search(body)):
            # the act's subject matter follows the partners: "… với các sở, ngành về hoạt động thu gom …"
            pm = _PARTNERS_WITH.search("phối hợp với " + re.split(r"\s+về\s+(?-i:[a-zđ])", body[m.end():])[0])
        else:
            continue
        if pm and pm["v"] and len(pm["v"].split()) <= MAX_PARTNER_WORDS:
            ctx.add(subtree(ctx.nodes, pos), "partners", pm["v"], pos, mechanism)


class Sentences:
    """Sentences that assign: "Giao X …" (also "Đề nghị X …", "Yêu cầu X …"), "X chủ trì, phối hợp với Y …",
    "X có trách nhiệm …", "X phối hợp với Y …" (X acts, Y coordinates), "Y phối hợp thực hiện …" (Y only
    coordinates), and in a section that distributes duties ("Tổ chức thực hiện", "Trách nhiệm …") any
    "X <verb> …" whose subject is a unit."""

    mechanism = "sentence"

    def extract(self, ctx: Context) -> None:
        for pos, c in enumerate(ctx.clauses):
            if pos in ctx.claimed or c.kind in ("header", "footer", "table_header", "table_row"):
                continue
            self._read(ctx, pos)
        coordination_phrases(ctx, self.mechanism)

    def _read(self, ctx: Context, pos: int) -> None:
        """One clause: each way of assigning is tried in turn, the first that reads it wins."""
        node = ctx.nodes[pos]
        body = re.sub(r"^[-+•]\s*", "", ctx.body(pos))
        after_colon = re.search(rf":\s*(?={_OPENERS}\s)", body)
        if after_colon:  # "Đối với các nội dung …: Giao Sở Y tế chủ động triển khai …"
            body = body[after_colon.end():]
        body = _STEP.sub("", body)
        # a preamble ("Căn cứ …, Ủy ban nhân dân tỉnh ban hành Kế hoạch …") assigns no task
        subject_first = after_lead_in(body) if ctx.clauses[pos].section_path else body
        assigner = _ASSIGNER.match(subject_first)  # "UBND xã giao Phòng X chủ trì …": Phòng X is asked
        opener = assigner or _OPENER.match(subject_first)
        rest = subject_first[opener.end():] if opener else subject_first
        said = _Said(ctx, pos, subtree(ctx.nodes, pos), "heading" if node.children else self.mechanism,
                     body, rest, opener is not None, subject_first is not body)
        owner = _LIST_OWNER.search(body) if node.children else None
        if owner and owner.start() > 0 and len(owner["unit"].split()) <= MAX_UNIT_WORDS:
            # "b) Chủ đầu tư lựa chọn đơn vị tư vấn …. Đơn vị tư vấn, điều tra, khảo sát có nhiệm vụ:" over "- Lập …":
            # the list is the duties of the unit its last sentence names, whoever the clause's own sentence names
            ctx.add([p for p in said.scope if p != pos], "lead", owner["unit"], pos, said.mechanism)
            said.scope, said.own_sentence, said.rest = [pos], True, rest[: max(0, len(rest) - len(body) + owner.start())]
        for step in (_bracketed, _directed, _named_addressees, _verb_first, _responsible, _coordinates, _assigns,
                     _duty_subject, _actor_subject, _agent):
            if step(said):
                return
        later = _LATER_OPENER.search(body)
        if later:  # "Tổ chức tuyên truyền …. Giao Phòng X chủ trì, phối hợp với Y thực hiện."
            rest = body[later.end():]
            again = _Said(ctx, pos, said.scope, said.mechanism, rest, rest, True, False)
            for step in (_directed, _coordinates, _assigns, _duty_subject):
                if step(again):
                    return
        labelled_subject = _LABEL_THEN_SUBJECT.match(body)
        if (labelled_subject and not opener  # "- Định kỳ hằng quý: UBND xã tổ chức họp giao ban …"
                and len(body[:labelled_subject.end()].split()) <= LABEL_MAX_WORDS):
            rest = body[labelled_subject.end():]
            # no lead-in: after a label only a named body acts ("- Nước sạch: Các hộ dân sử dụng …" names none)
            again = _Said(ctx, pos, said.scope, said.mechanism, rest, rest, False, False)
            for step in (_responsible, _coordinates, _assigns, _duty_subject):
                if step(again):
                    return


# The last sentence of a clause that hands a list of duties to a unit: "… . Đơn vị tư vấn, điều tra, khảo sát bom mìn
# vật nổ có nhiệm vụ:", "; Ban Quản lý dự án có trách nhiệm sau:"; the unit opens the sentence (a body by its kind,
# "Đơn vị …", "Tổ chức …", counts: the frame says it acts).
_LIST_OWNER = re.compile(rf"(?<=[.;]\s)\s*(?P<unit>(?-i:{_HEAD}|Đơn vị|Tổ chức|Doanh nghiệp|Nhà thầu)\b[^.;:()]{{0,160}}?)"
                         r"\s+(?:có|có các|thực hiện các)\s+(?:nhiệm vụ|trách nhiệm)"
                         r"(?:\s+(?:sau(?: đây)?|như sau|cụ thể(?: như sau)?|chính))?\s*:\s*$")


# A body that assigns before the one assigned: "UBND xã giao Phòng Văn hóa - Xã hội chủ trì …", "Ủy ban nhân dân
# tỉnh giao cho Sở Y tế …" (the assigner is a short name).
ASSIGNER_MAX_WORDS = 8
_ASSIGNER = re.compile(rf"^(?:Chủ tịch\s+)?(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân|HĐND|Ban Thường vụ|Ban Chỉ đạo|"
                       rf"Thường trực)(?:\s+\S+){{0,{ASSIGNER_MAX_WORDS - 2}}}?\s+giao(?:\s+cho)?\s+(?=(?-i:[A-ZĐ]))(?={_HEAD}\b)")
# A task that names its lead in a later sentence or after a semicolon: "…. Giao Phòng X …", "…; giao Phòng X …",
# "…. Đề nghị Ủy ban MTTQ xã …" (the opener starts its sentence; mid-sentence only "giao" assigns).
_LATER_OPENER = re.compile(rf"(?:(?<=[.;])\s+(?:Giao|Đề nghị|Yêu cầu)(?:\s+cho)?|;\s+giao(?:\s+cho)?)\s+"
                           rf"(?=(?-i:[A-ZĐ]))(?={_HEAD}\b)")


# A short label, then the sentence with its subject: "1. Trách nhiệm chung: Trưởng các phòng, đơn vị chịu
# trách nhiệm …", "- Định kỳ hằng quý, 6 tháng, năm: UBND xã tổ chức họp giao ban …". The subject is a
# named body (capitalised); the label itself is no unit (a unit's own "X: …" is a unit section).
LABEL_MAX_WORDS = 8
_LABEL_THEN_SUBJECT = re.compile(rf"^[^:;.()]{{2,80}}?:\s*(?=(?-i:[{CAPITALS}]))(?={_HEAD}\b)")

# A task that names its lead in brackets: "… (Phòng Văn hóa - Xã hội chủ trì, phối hợp với Trung tâm …)",
# "(Giao Phòng Kinh tế chủ trì thực hiện)", "(Cơ quan chủ trì: Sở Y tế; phối hợp: Sở Tài chính)".
_BRACKET_SAYS = re.compile(
    r"\(\s*(?:(?:(?:cơ quan|đơn vị)\s+)?(?:chủ trì|thực hiện)\s*:\s*(?P<named>[^;()]+?)\s*(?=[;,)])|"
    rf"(?:Giao\s+)?(?P<unit>(?=(?-i:[A-ZĐ])){_HEAD}\b[^()]{{0,150}}?)\s*,?\s+(?:chủ trì|thực hiện|tham mưu|"
    r"phụ trách|đảm nhiệm|là cơ quan chủ trì)\b)(?P<rest>[^()]*)\)", re.I)
_BRACKET_PARTNERS = re.compile(r"phối hợp\s*:\s*(?P<v>[^;()]+)", re.I)


# A task closed by the name of its unit alone, in brackets: "- Tổ chức tuyên truyền … (Phòng Văn hóa - Xã hội)."
_BRACKET_NAME = re.compile(r"\((?P<name>[^()]{4,100})\)\s*[.;]?\s*$")


def _bracketed(s: _Said) -> bool:
    """The lead a task names in brackets after it, with the partners the brackets name."""
    m = _BRACKET_SAYS.search(s.body)
    if not m:
        named = _BRACKET_NAME.search(s.body)
        unit = unit_name(named["name"]) if named and named.start() > 0 else None
        if unit and len(unit.split()) >= 2 and unit[:1].isupper():
            s.add("lead", unit)
            return True
        return False
    unit = trim_unit(clean(m["unit"] or m["named"]))
    if (len(unit.split()) > MAX_UNIT_WORDS or not _is_name_long_enough(unit) or _GENERIC_OPENERS.match(unit)
            or _NOT_A_NAME.search(unit)):
        return False
    s.add("lead", unit)
    rest = m["rest"] or ""
    pm = (_BRACKET_PARTNERS.search(rest) or _NAMED_THEN_COORDINATES.match(rest) or _PARTNERS_WITH.search(rest)
          if "phối hợp" in rest else None)
    if pm and pm["v"] and len(pm["v"].split()) <= MAX_PARTNER_WORDS:
        s.add("partners", pm["v"])
    return True


# A step of a procedure names its actor after the step's label: "- Bước 1: Bộ X xây dựng …".
_STEP = re.compile(r"^(?:Bước|Giai đoạn|Công đoạn)\s+\d+\s*[:.]\s*", re.I)
# Words that open a lead-in before the subject: "Căn cứ …, X …", "Trong thời hạn 15 ngày …, X ban hành …",
# "Tháng 11 hằng năm, X …", "Đối với các nhiệm vụ …, các sở, ngành … chủ động …".
# a person by office, in lower case after the lead-in: "…, giám đốc Trung tâm …", "…, ban giám đốc Trung tâm …"
_OFFICES = r"(?:giám đốc|phó giám đốc|ban giám đốc|thủ trưởng|chủ tịch|chủ đầu tư)"
_LEAD_IN = re.compile(r"^(?:Căn cứ|Trên cơ sở|Trong|Đối với|Sau khi|Ngay sau khi|Khi|Trước khi|Tháng|Hằng|Hàng|"
                      r"Định kỳ|Trường hợp|Chậm nhất|Nhằm|Để|Nếu|Ngoài|"  # "Ngoài giảng viên chuyên trách, Trung tâm …"
                      # a time the sentence opens with: "Năm 2026, Sở Y tế chủ trì …", "Từ năm 2026, UBND các xã …",
                      # "Quý III/2026, …", "Giai đoạn 2026 - 2027, …", "Trước ngày 15/12 hằng năm, …"; and the ground
                      # it acts on: "Theo chức năng, nhiệm vụ được giao, Sở Công Thương theo dõi …"
                      r"Năm\s+\d{4}|Từ\s+(?:năm|ngày|tháng|quý|nay)|Quý|Giai đoạn|Trước ngày|Đầu năm|Cuối năm|Theo)\b")
# The subject after it is a named body (capitalised), "các sở, ngành …" or a person by office ("người ra
# quyết định kiểm tra"); a lower-case "ban, ngành" is
# still the lead-in's list ("Trên cơ sở đề xuất của các Sở, ban, ngành, Sở Tài chính …").
# A condition may end on "thì" instead of a comma: "Khi dịch hại … đã được khống chế … thì Chi cục Bảo vệ thực vật
# trình …".
_SUBJECT_AFTER_COMMA = re.compile(rf"(?P<sep>[,;]|\s(?:thì|,\s*thì))\s+(?=(?-i:[{CAPITALS}]|các\s|người\s|{_OFFICES}\s)){_HEAD}\b")
# or after the colon that ends it ("Đối với …: Cơ quan chủ quản …"); the subject's own list then follows
# (a named body, in a sentence that is no definition of scope: "…: Cơ quan nhà nước, … (sau đây gọi là …) đang
# quản lý, sử dụng tài sản công" says whom a rule covers, not who acts)
_DEFINES = re.compile(r"\b(?:sau đây gọi|gọi tắt là)\b")
_SUBJECT_AFTER_COLON = re.compile(rf":\s*(?=(?-i:[{CAPITALS}]))(?={_HEAD}\b)")
_LIABLE = re.compile(r"[^,;.]{0,80}?\bchịu trách nhiệm trước\b")
_ASIDE = re.compile(r"\([^()]*\)")
LEAD_IN_MAX_WORDS = 40  # a lead-in is a phrase; a longer run before the comma is the sentence itself
# A condition on circumstances that names no one ends the lead-in, with or without its comma, and the subject follows:
# "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc hoặc có vấn đề mới phát sinh, các cơ quan, tổ chức, cá nhân
# phản ánh …", "…, nếu có vướng mắc, phát sinh, các tỉnh ủy, thành ủy tổng hợp …", "…, nếu có khó khăn, vướng mắc các
# cơ quan, đơn vị, địa phương kịp thời phản ánh …". Any other condition ("nếu Sở A không …, Sở B …", "nếu có vướng
# mắc, báo cáo về Sở A, Sở B …") may hold the comma itself: the sentence then has no subject after it.
_CIRCUMSTANCE = re.compile(r",?\s*\b[Nn]ếu\s+(?:có\s+|thấy\s+)?(?:(?:khó khăn|vướng mắc|phát sinh|vấn đề(?:\s+mới)?|bất cập|"
                           rf"hoặc|và|có)[\s,]*)+(?=(?-i:các\s|[A-ZĐ]))(?={_HEAD}\b)")


def after_lead_in(body: str) -> str:
    """The sentence from its subject on, when a lead-in comes first; else the body itself.
    A lead-in with "phải" has no subject after it ("Trong thời hạn 07 ngày, … phải báo cáo X, Y …"), nor one
    with a request ("Trong quá trình …, nếu có khó khăn, đề nghị các sở …") or a condition, unless the condition is on
    circumstances alone and the subject follows it (`_CIRCUMSTANCE`)."""
    if not _LEAD_IN.match(body):
        return body
    condition = _CIRCUMSTANCE.search(body)
    if condition and len(body[: condition.start()].split()) <= LEAD_IN_MAX_WORDS:
        return body[condition.end():]
    m = _SUBJECT_AFTER_COMMA.search(body)
    colon = _SUBJECT_AFTER_COLON.search(body)
    if (colon and (not m or colon.start() < m.start()) and len(body[: colon.start()].split()) <= LEAD_IN_MAX_WORDS
            and _NAMED_BODY.match(body[colon.end():]) and not _DEFINES.search(body)):
        return body[colon.end():]  # "Đối với các khoản …: Cơ quan chủ quản lấy ý kiến của Bộ Tài chính, Bộ …"
    # a bracketed aside ("(nếu việc tiếp nhận đơn sau 15 giờ)") only qualifies the lead-in's time
    lead_in = _ASIDE.sub(" ", body[: m.start()]) if m else ""
    if not m or len(body[: m.start()].split()) > LEAD_IN_MAX_WORDS or re.search(r"\b(?:phải|nếu)\b|,\s*(?:đề nghị|yêu cầu)\s", lead_in):
        return body
    rest = body[m.end("sep"):].lstrip()
    if m["sep"].strip(" ,") == "thì" and _LIABLE.match(rest):
        return body  # "Trường hợp vi phạm thì người đứng đầu chịu trách nhiệm trước pháp luật": liability, no task
    return rest


@dataclass
class _Said:
    """One clause as :class:`Sentences` reads it: the words after any "Giao/Đề nghị/Yêu cầu" opener."""

    ctx: Context
    pos: int
    scope: list[int]
    mechanism: str
    body: str  # the clause's words, bullet mark and any lead-in before "…: Giao" removed
    rest: str  # the body after its lead-in and opener
    opener: bool  # the body opens with "Giao", "Đề nghị" or "Yêu cầu"
    lead_in: bool = False  # a lead-in ("Căn cứ …,", "Trong thời hạn …,") came before the subject
    own_sentence: bool = False  # a clause over a list another unit does: its first sentence speaks for it alone

    @cached_property
    def duty_section(self) -> bool:
        """The clause stands in a section that distributes duties ("Tổ chức thực hiện", "Trách nhiệm …")."""
        return in_assignment_section(self.ctx, self.pos)

    def add(self, fieldname: str, value: str, scope: list[int] | None = None) -> None:
        self.ctx.add(self.scope if scope is None else scope, fieldname, value, self.pos, self.mechanism)


def _directed(s: _Said) -> bool:
    """"Giao đồng chí X trực tiếp chỉ đạo …": the person who directs, not a lead."""
    dm = _DIRECTOR.search(s.body) if s.opener else None
    if dm:
        s.add("directed_by", dm["who"])
    return dm is not None


def _named_addressees(s: _Said) -> bool:
    """"8. Đề nghị Liên minh Hợp tác xã tỉnh, Đoàn Thanh niên tỉnh:" over their duties."""
    node = s.ctx.nodes[s.pos]
    named = unit_name(s.rest.split(":")[0]) if s.opener and (node.children or ":" in s.rest) else None
    if named:
        s.add("lead", named)
    return named is not None


def _verb_first(s: _Said) -> bool:
    """"Chủ trì, phối hợp với Y …" under a unit: its lead is the unit's; coordination_phrases reads Y."""
    return _VERB_FIRST.match(s.rest) is not None


def _responsible(s: _Said) -> bool:
    """"X có trách nhiệm …", "X là cơ quan chủ trì …"; "có trách nhiệm" names its subject whatever it is
    ("Giáo vụ có trách nhiệm …", "Cấp ủy cấp xã … có trách nhiệm"), also in a later sentence of the task."""
    m = _RESPONSIBLE.match(s.rest)
    unit = _by_agent(_UNIT_TAIL.split(m["unit"])[0].split(":")[0]) if m else None
    if (unit and _short_enough_subject(unit) and not _NOT_A_NAME.search(unit)
            and not _GENERIC_OPENERS.match(unit) and not _NOT_A_SUBJECT.match(unit)):
        s.add("lead", unit)
        _responsible_partners(s, s.rest[m.end():])
        return True
    for m in _RESPONSIBLE_ANY.finditer(s.rest) if "trách nhiệm" in s.rest else ():
        said = clean(m["unit"])
        unit = _by_agent(said)  # the sentence opens with its subject, or with the thing its agent answers for
        if _LEAD_IN.match(unit) and not s.rest[m.end():].lstrip().startswith("trước"):
            unit = after_lead_in(unit)  # ". Trường hợp sổ gốc không có thông tin … thì Trung tâm có trách nhiệm …"
        if (said[:1].isupper() and len(unit.split()) <= RESPONSIBLE_MAX_WORDS and not _NOT_A_NAME.search(unit)
                and not _GENERIC_OPENERS.match(unit) and not _NOT_A_SUBJECT.match(unit)):
            s.add("lead", unit)
            _responsible_partners(s, s.rest[m.end():])
            return True
    return False


# "Kinh phí cấp lại giấy chứng nhận do Trung tâm chịu trách nhiệm": the thing, then its agent after "do".
_DONE_BY = re.compile(rf"^[^,;]{{2,80}}?\s+do\s+(?=(?-i:[A-ZĐ])|các\s)(?P<agent>{_HEAD}\b.*)$")


def _by_agent(unit: str) -> str:
    """The subject of "… chịu trách nhiệm" is the agent when a thing comes first: "X do Y" → Y."""
    m = _DONE_BY.match(unit)
    return m["agent"] if m else unit


def _responsible_partners(s: _Said, duty: str) -> None:
    """"X có trách nhiệm phối hợp với Y …": Y coordinates, whatever it is, as "có trách nhiệm" names its
    subject whatever it is ("… phối hợp với giảng viên trực tiếp giảng dạy lập danh sách …")."""
    if not re.match(r"\s*phối hợp\b", duty):
        return
    pm = _PARTNERS_WITH.search(duty)
    if pm and pm["v"] and len(pm["v"].split()) <= MAX_PARTNER_WORDS:
        s.add("partners", pm["v"])


# A subject that opens with a unit may list several offices: "Bộ trưởng, Thủ trưởng cơ quan ngang bộ, cơ quan
# thuộc Chính phủ, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương chịu trách nhiệm …" (27 words)
RESPONSIBLE_LIST_MAX_WORDS = 32
LISTED_OFFICE_MAX_WORDS = 8  # each office of such a list is short; a longer run is a sentence


def _short_enough_subject(unit: str) -> bool:
    n = len(unit.split())
    return n <= MAX_UNIT_WORDS or (n <= RESPONSIBLE_LIST_MAX_WORDS and all(
        len(part.split()) <= LISTED_OFFICE_MAX_WORDS for part in re.split(r"[,;]", unit)))
RESPONSIBLE_MAX_WORDS = 16  # "Cấp ủy cấp xã nơi có trụ sở Trung tâm và ban giám đốc Trung tâm có trách nhiệm"
_RESPONSIBLE_ANY = re.compile(r"(?:^|(?<=[.;]\s))(?P<unit>[^.;:()]{2,160}?)\s+(?:có trách nhiệm|chịu trách nhiệm)\b")
# Sentence openings that are no subject: a condition, a case, an obligation on anyone.
_NOT_A_SUBJECT = re.compile(r"^(?:Trường hợp|Nếu|Khi|Người nào|Ai|Mọi|Mỗi|Việc)\b|.*\b(?:phải|nếu|thì)\b|"
                            rf"^(?:{VERB_RE}|" + "|".join(re.escape(v) for v in _DUTY_VERBS) + r")\b", re.I)


# The actor after "do" or "phải được": "… do Chủ tịch Ủy ban nhân dân các cấp quyết định",
# "… phải được Trưởng Đoàn kiểm tra thông báo trước bằng văn bản", "… phải được VNMAC thẩm định về chủ trương …",
# "… phải được VNMAC hoặc cơ quan thẩm định độc lập công nhận …": a unit or a body's acronym (`_HEAD`), its name
# ending at an act a body does to what is put before it (deciding, approving, appraising, recognising). Not every
# duty verb ends it: a name holds "kiểm tra", "xác định" ("Trưởng Đoàn kiểm tra", "Hội đồng xác định mức độ
# khuyết tật"), and "do X cung cấp" says where a thing comes from, not who acts.
_AGENT = re.compile(rf"\b(?:do|phải được)\s+(?P<unit>{_HEAD}\b[^,.;:()]{{0,80}}?)\s+(?:quyết định|thực hiện|chủ trì|"
                    r"ban hành|thông báo|phê duyệt|tổ chức|xây dựng|triển khai|trình|(?<!thành )lập|"
                    r"thẩm định|công nhận|chấp thuận)\b")


def _agent(s: _Said) -> bool:
    """A passive task names its actor after "do"/"phải được"; read last, when no subject acts."""
    m = _AGENT.search(s.body)
    if m and _is_name_long_enough(m["unit"]) and not _GENERIC_OPENERS.match(m["unit"]):
        s.add("lead", m["unit"])
        return True
    return False


# How a unit coordinates, said before "phối hợp": "Báo … chủ động phối hợp với Sở X xây dựng …" — the
# unit still acts and Sở X coordinates.
_MANNER = re.compile(r"^(?:(?:chủ động|tích cực|trực tiếp|thường xuyên|kịp thời)\s+|"
                     r"là (?:đơn vị |cơ quan )?(?:đầu mối|thường trực)\s*,?\s*)(?=phối hợp\b)", re.I)


def _coordinates(s: _Said) -> bool:
    """"X phối hợp với Y tổ chức …": X acts, Y coordinates; "Y phối hợp thực hiện …": Y only coordinates."""
    unit, _, verb = parse_assignment(s.rest)
    if unit is None or verb != "phối hợp":
        return False
    w = _WITH.match(_MANNER.sub("", s.rest[len(unit):].lstrip(" ,")).replace("phối hợp cùng ", "phối hợp ", 1))
    if w:
        s.add("lead", unit)
        s.add("partners", w["v"])
    elif not s.opener:
        s.add("partners", unit, [s.pos])
    else:
        s.add("lead", unit)
    return True


# A name that ends where a duty begins: with its place ("… UBND xã"), an acronym, or "(có) liên quan"; a duty verb
# after another word may be the name's own ("Trung tâm dịch vụ tổng hợp phường").
_NAME_END = re.compile(r"(?:\b(?:xã|phường|tỉnh|huyện|thành phố|đặc khu|thôn|liên quan)|[A-ZĐ]{2,})\s*$")


def _assigns(s: _Said) -> bool:
    """"Giao X …", "X chủ trì, phối hợp với Y …", "X tham mưu …", and "X: …" in a duty section."""
    unit, partners, verb = parse_assignment(s.rest)
    if unit is None or not (s.opener or verb in ("chủ trì", "tham mưu") or (verb == ":" and s.duty_section)):
        return False
    sm = _SUBJECT.match(s.rest) if s.opener and verb not in ("chủ trì", "tham mưu", "phối hợp", ":") else None
    if (sm and len(sm["unit"]) < len(unit) and _is_name_long_enough(clean(sm["unit"]))
            and (_NAME_END.search(sm["unit"]) or s.rest[sm.end():].startswith(","))):
        unit = clean(sm["unit"])  # "Giao Văn phòng HĐND và UBND xã tổng hợp, báo cáo …": the name ends at its duty
    s.add("lead", unit)
    if partners:
        s.add("partners", partners)
    return True


_THING_GIVEN = re.compile(r"(?:nhiệm vụ|chỉ tiêu|kế hoạch|chi tiết|dự toán|vốn|đất|khoán|biên chế)\b", re.I)


_DUTY_ALT = "|".join(re.escape(v) for v in _DUTY_VERBS)
_NAME_WITH_DUTY = re.compile(rf"^(?P<unit>(?-i:[A-ZĐ])\w*\s+(?:{_DUTY_ALT})\b.{{0,200}}?)\s*,?\s+(?<![Cc]ác\s)"
                             rf"(?!{_LISTED_BODY})(?P<verb>{VERB_RE}|{_DUTY_ALT})\b", re.S)


def _duty_subject(s: _Said) -> bool:
    """"X <duty verb> …" whose subject is a unit: in a section that distributes duties, after an opener,
    or elsewhere when a named body acts now ("+ Bộ Công an tổng hợp kết quả …", never "Các …" or a report)."""
    c = s.ctx.clauses[s.pos]
    sm = _SUBJECT.match(s.rest)
    if sm and not _is_name_long_enough(sm["unit"]):
        sm = _NAME_WITH_DUTY.match(s.rest) or sm  # "Đoàn kiểm tra yêu cầu …": the name holds a duty word
    # a numbered point over its own points is a sentence too when it is long: "1. Người có thẩm quyền kiểm tra
    # chuyên ngành quy định tại Điều 3 Thông tư này ban hành quyết định kiểm tra chuyên ngành." over "a) …"
    # a paragraph of a section acts too, for itself only ("Các cơ quan, đơn vị căn cứ thành tích … bình xét …")
    sentence = s.own_sentence or c.kind in ("bullet", "item") or (c.kind == "paragraph" and bool(c.section_path)
                                                and not s.ctx.nodes[s.pos].children) or (
        c.kind == "heading" and re.fullmatch(r"\d{1,2}[.)]?", c.label or "")
                                                and len(s.rest.split()) >= SENTENCE_HEADING_MIN_WORDS)
    named_actor = (sm is not None and sentence and _NAMED_BODY.match(s.rest)
                   and not re.search(r"\bđã\b", sm["unit"]) and len(sm["unit"].split()) <= NAMED_ACTOR_MAX_WORDS)
    if not (s.duty_section or s.opener or s.lead_in or named_actor):
        return False
    if not (sm and _is_name_long_enough(sm["unit"]) and len(sm["unit"].split()) <= MAX_UNIT_WORDS
            and not _GENERIC_OPENERS.match(sm["unit"]) and not _GENERIC_OPENERS.match(s.rest)
            and sm["unit"].strip().lower() not in _BARE_KINDS):
        return False
    # "Ủy ban nhân dân Thành phố yêu cầu các Sở, ban, ngành …": the units asked are the leads
    # (not "… đơn vị được giao nhiệm vụ": a body given a task is still the subject)
    # (not when a thing is given: "Giám đốc Trung tâm giao nhiệm vụ …", "Cơ quan chủ quản giao chỉ tiêu …" — the
    # giver still acts; nor the "giao" of a name, "Bộ Ngoại giao")
    # a body asked ("yêu cầu/đề nghị") is named by a unit's head; "Đoàn kiểm tra yêu cầu đối tượng kiểm tra giải
    # trình" asks the inspected party, the team still acts
    asked = re.split(r"(?<!được)(?<!Ngoại)\s+(yêu cầu|đề nghị|giao)\s+", sm["unit"])
    kept = _THING_GIVEN.match(asked[-1]) or (len(asked) > 1 and asked[-2] != "giao"
                                            and not re.match(rf"(?:{_HEAD})\b", asked[-1]))
    unit = _UNIT_TAIL.split(asked[0] if kept else re.sub(r"^cho\s+", "", asked[-1]))[0]
    # "Các tổ chức, đơn vị … phải căn cứ …", "Ban quản lý viện trợ có thể thuê tư vấn …": a modal ends the name
    unit = re.split(r"\s+(?:phải|cần|có thể)(?:\s|$)", unit)[0]
    if len(asked) > 1 and clean(unit).lower() in _BARE_KINDS:  # "… giao cho cơ quan quản lý …": a name cut short
        return False
    # a paragraph read only because a named body acts in it acts for that paragraph alone
    own = [s.pos] if c.kind == "paragraph" and not (s.duty_section or s.opener or s.lead_in) else None
    s.add("lead", unit, own)
    pm = _PARTNERS_WITH.search(s.rest[sm.end("unit"):])
    if pm and not pm["v"].lower().startswith(("triển khai", "thực hiện")):
        s.add("partners", pm["v"], own)
    return True


# Actors outside the administration that a plan still gives tasks to, named by their kind as the subject of a
# task sentence: "Các doanh nghiệp nhà nước, Tổng Công ty tiên phong, dẫn dắt …", "Doanh nghiệp viễn thông bảo
# đảm kinh phí …", "Các cơ sở đào tạo đại học … mở thêm chuyên ngành …", "Các nhà đầu tư chủ động bố trí …".
# The sentence opens with the kind (capitalised: it starts the sentence) and a duty verb ends the subject.
_ACTOR_KINDS = (r"doanh nghiệp|tổng công ty|tập đoàn|cơ sở đào tạo|cơ sở giáo dục|cơ sở giáo dục nghề nghiệp|"
                r"trường đại học|trường cao đẳng|nhà đầu tư|tổ chức tín dụng|hợp tác xã")
# such a subject may list actors with their places: "Các doanh nghiệp viễn thông trên địa bàn Thành phố, các nhà đầu
# tư trong các khu công nghệ cao, khu công nghiệp, cụm công nghiệp chủ động …" (26 words)
ACTOR_SUBJECT_MAX_WORDS = 30
_ACTOR_VERBS = ("tiên phong", "mở thêm", "chủ động", "đầu tư", "phát triển", "xây dựng", "tham gia", "bảo đảm",
                "đảm bảo", "bố trí", "phối hợp")
_ACTOR_SUBJECT = re.compile(
    rf"^(?P<unit>(?-i:Các\s+(?i:{_ACTOR_KINDS})|(?:Doanh nghiệp|Tổng công ty|Tổng Công ty|Tập đoàn|Cơ sở đào tạo|"
    rf"Cơ sở giáo dục|Trường đại học|Trường cao đẳng|Nhà đầu tư|Tổ chức tín dụng|Hợp tác xã))\b[^.;:()]{{0,160}}?)"
    # (not the "tổ chức" of a list, "Doanh nghiệp, tổ chức bảo đảm …", nor the "đầu tư" of "nhà đầu tư")
    rf"\s*,?\s+(?!(?<=,\s)tổ chức\b)(?<!nhà\s)(?P<verb>{VERB_RE}|"
    + "|".join(re.escape(v) for v in (*_ACTOR_VERBS, *_DUTY_VERBS)) + r")\b")
# a description of what such actors did or are, not a task: "Các doanh nghiệp đã đầu tư …", "… được hỗ trợ …"
_ACTOR_DESCRIBED = re.compile(r"\b(?:đã|được|chưa|còn|có|là|của|nhiều|ít|số)\b|\d")


def _actor_subject(s: _Said) -> bool:
    """"Các doanh nghiệp viễn thông … chủ động bố trí kinh phí …": enterprises, training institutions and
    investors lead the task whose sentence they open; read after every named body, for a bullet, a numbered
    point or a paragraph of a section, never for a description ("Các doanh nghiệp đã …")."""
    c = s.ctx.clauses[s.pos]
    if not (c.kind in ("bullet", "item", "heading") or (c.kind == "paragraph" and c.section_path)):
        return False
    m = _ACTOR_SUBJECT.match(s.rest)
    if not m or len(m["unit"].split()) > ACTOR_SUBJECT_MAX_WORDS or _ACTOR_DESCRIBED.search(m["unit"]):
        return False
    # a note in brackets under the point ("(Kèm theo Phụ lục …)") is no task of the actor's
    scope = [p for p in s.scope if p == s.pos or not s.ctx.clauses[p].text.lstrip(" *_").startswith("(")]
    s.add("lead", clean(m["unit"]), scope)
    pm = _PARTNERS_WITH.search(s.rest[m.end("unit"):])
    if pm and not pm["v"].lower().startswith(("triển khai", "thực hiện")):
        s.add("partners", pm["v"], scope)
    return True


# ---------------------------------------------------------------- linkers (leads stated elsewhere)

STOP_FOLDED = {fold(s) for s in NON_TOPIC_WORDS}
# (the look at the first letter spares the alternation at most positions)
_ABBR_RX = re.compile(r"\b(?=[" + re.escape("".join(sorted({a[0] for a in ABBREVIATIONS}))) + "])("
                      + "|".join(re.escape(a) for a in sorted(ABBREVIATIONS, key=len, reverse=True)) + r")\b")
INDICATOR_SECTION = re.compile(r"chỉ tiêu|mục tiêu", re.I)


def _words(text: str) -> list[str]:
    """The folded words of the text, each curated abbreviation written out."""
    return words(_ABBR_RX.sub(lambda m: ABBREVIATIONS[m.group(1)], text))


def _content_words(text: str) -> list[str]:
    return [w for w in _words(text) if w not in STOP_FOLDED and not w.isdigit()]


@lru_cache(maxsize=65536)
def _bigrams(text: str) -> frozenset[str]:
    """Adjacent word pairs of the text as written, none of them a stopword or number."""
    w = _words(text)
    return frozenset(f"{a} {b}" for a, b in zip(w, w[1:])
                     if a not in STOP_FOLDED and b not in STOP_FOLDED and not a.isdigit() and not b.isdigit())


_ITEM_NUMBER = re.compile(r"^\S{1,6}[.)]\s+")  # "1. ", "a) ", "2.4. ": an item's number before its text
ITEM_OPENER = re.compile(r"^(?:[-+•*]\s*|\S{1,6}[.)]\s+)")  # a bullet mark or an item's number before its text


def _task_pairs(ctx: "Context", pos: int) -> frozenset[str]:
    """The word pairs of a clause's own text without its item number: what a restatement elsewhere shares."""
    return _bigrams(_ITEM_NUMBER.sub("", ctx.body(pos)))


def _is_indicator(c: Clause) -> bool:
    return c.target is not None and (c.kind == "table_row" or any(INDICATOR_SECTION.search(s) for s in c.section_path))


def _link(ctx: Context, pos: int, src: int, mechanism: str, shared: tuple[str, ...] = ()) -> None:
    c, s = ctx.clauses[pos], ctx.clauses[src]
    c.lead, c.partners = s.lead, s.partners
    c.lead_source = ctx.source_of(src, mechanism, shared)


class NamedIndicators:
    """"Giao X …, tham mưu nội dung các chỉ tiêu về Y: A, B, C" → indicators A, B, C are X's."""

    mechanism = "named_indicator"

    def extract(self, ctx: Context) -> None:
        clauses = ctx.clauses
        assigners = [p for p, c in enumerate(clauses) if c.lead and re.search(r"chỉ tiêu về", c.text) and not _is_indicator(c)]
        if not assigners:
            return
        norm = {p: " ".join(_content_words(clauses[p].text)) for p in assigners}
        for pos, c in enumerate(clauses):
            if not _is_indicator(c) or c.kind == "table_row":
                continue
            body = re.sub(r"^\(\d+\)\s*", "", ctx.body(pos))
            raw = body.split(":")[0] if ":" in body else ""
            names = {" ".join(_content_words(raw)), " ".join(_content_words(re.sub(r"\([^)]*\)", " ", raw)))}
            names = {nm for nm in names if len(nm) >= 12}
            hits = [p for p in assigners if any(nm in norm[p] for nm in names)]
            if hits:
                _link(ctx, pos, hits[0], self.mechanism)


class CrossReferences:
    """"Sở X chủ trì thực hiện các nhiệm vụ tại mục II.3" / "tại mục (IV)(5)": the tasks of the section
    referred to get X, unless they already state their own lead."""

    mechanism = "cross_reference"

    def extract(self, ctx: Context) -> None:
        for pos, c in enumerate(ctx.clauses):
            # also a lead its unit's section gives ("**1. Sở X**" over "b) Chủ trì … tại mục IV, V"), when the
            # unit is named; parts of the section another unit leads by a link keep it (`corpus.field_links`)
            unit_claim = unit_section_claim(c)
            if not c.lead or (c.lead_from_elsewhere and not unit_claim):
                continue
            named = references(c.lead)  # "Các cơ quan quản lý các lĩnh vực tại điểm d, khoản 1, mục III" is a name
            for part, (lead, partners) in self._parts(c):
                for ref in (r for r in references(part) if r not in named):
                    target = _find_section(ctx, ref)
                    if target is None or target == pos or pos in subtree(ctx.nodes, target):
                        continue
                    scope = subtree(ctx.nodes, target)
                    if unit_claim:
                        left = contested(ctx, target, lead)
                        scope = [p for p in scope if p not in left]
                    for p in scope:
                        if ctx.clauses[p].lead is not None:
                            continue
                        if unit_claim:
                            link_lead(ctx, p, pos, self.mechanism)
                        else:
                            _link(ctx, p, pos, self.mechanism)
                        if lead != c.lead:  # another part of the sentence names its own unit
                            ctx.clauses[p].lead, ctx.clauses[p].partners = lead, partners

    @staticmethod
    def _parts(c: Clause) -> list[tuple[str, tuple[str | None, str | None]]]:
        """The clause's parts (split at ";" and sentence ends), each with the unit that leads what it refers to:
        "Giao Sở A chủ trì … tại mục II.1; Sở B chủ trì … tại mục II.2" gives II.2 to Sở B, not to Sở A. What the
        unit only coordinates on ("…, phối hợp thực hiện nội dung tại mục II.2", "- Phối hợp thực hiện … tại mục
        III" in its section) another leads: those parts give no lead."""
        out: list[tuple[str, tuple[str | None, str | None]]] = []
        for part in _CLAUSE_PARTS.split(c.text):
            unit, partners, verb = parse_assignment(_OPENER.sub("", part.strip(" -+•")))
            if unit and verb in ("chủ trì", "tham mưu") and fold(unit).lower() != fold(c.lead or "").lower():
                role: tuple[str | None, str | None] = (unit, partners)
            else:
                role = (c.lead, c.partners)
            pieces: list[str] = []
            for piece in _COORDINATING.split(part):
                if pieces and re.search(r"chủ trì\s*$", pieces[-1], re.I):
                    pieces[-1] += ", " + piece  # "X chủ trì, phối hợp với Y …": X still leads
                else:
                    pieces.append(piece)
            if not _PART_OPENS_COORDINATING.match(pieces[0]):
                out.append((pieces[0], role))  # the pieces after it name what the unit coordinates on
        return out


_CLAUSE_PARTS = re.compile(r";\s+|\.\s+(?=[A-ZĐ])")
# a unit's coordinating role in the same sentence: "…, phối hợp thực hiện …", "- Phối hợp với Sở Y thực hiện …"
_COORDINATING = re.compile(r",\s*(?=phối hợp\b)", re.I)
_PART_OPENS_COORDINATING = re.compile(r"^[\s\-+•*]*(?:\w[.)]\s*)?phối hợp\b", re.I)


def _find_section(ctx: Context, labels: list[str]) -> int | None:
    """The clause reached by following the labels down from the top ("IV", "5")."""
    if not labels:
        return None
    level = [p for p, n in enumerate(ctx.nodes) if n.parent is None]
    found = None
    for lab in labels:
        want = lab.lower()
        hit = next((p for p in level if re.sub(r"[.)(\s]", "", ctx.clauses[p].label or "").lower() == want), None)
        if hit is None:
            return None
        found = hit
        level = ctx.nodes[hit].children
    return found


APPENDIX_MIN_SHARE = 0.7  # share of a task's word pairs a table row must restate to be the same task
APPENDIX_ROW_SHARE = 0.4  # and of the row's own pairs, so a long row does not swallow every short task
APPENDIX_MIN_PAIRS = 8  # and at least this many pairs, so short generic tasks are not matched
# A row that restates the task in its own words: fewer pairs in common, so the row must stand out from every row
# another unit leads.
APPENDIX_PARAPHRASE_SHARE = 0.5  # share of the task's word pairs the row restates
APPENDIX_PARAPHRASE_PAIRS = 7  # and at least this many
APPENDIX_PARAPHRASE_MARGIN = 1.5  # times the pairs any row another unit leads restates
# A row that names a body task by its opening words ("Triển khai hệ sinh thái tín nhiệm mạng" for "Triển khai hệ sinh
# thái tín nhiệm mạng như một chỉ dẫn …"): this many words at least, the same, from the first on.
APPENDIX_OPENING_WORDS = 8
# or the row's whole task cell, when it is this long ("Triển khai hệ sinh thái tín nhiệm mạng"); six words in common
# and then apart ("Tổ chức các chương trình đào tạo chuyên gia …" / "… đào tạo kỹ năng số …") are two tasks
APPENDIX_WHOLE_CELL_WORDS = 6


@lru_cache(maxsize=16384)
def _opening_words(text: str) -> tuple[str, ...]:
    """The folded words a task opens with, as far as an appendix row's task cell could restate it."""
    return tuple(words(text[:APPENDIX_OPENING_CHARS]))


APPENDIX_OPENING_CHARS = 400  # longer than any task cell's opening the two share
CONTAINED_MIN_PAIRS = 5  # a row's task cell named in a body task's first sentence: this many of its word pairs
CONTAINED_ROW_SHARE = 0.6  # and this share of them at least ("Triển khai Chiến lược …" names "Triển khai Chương trình …")
CONTAINED_MARGIN = 1.15  # the row must be named this many times as fully as any row another unit leads
TASK_TABLE_COLUMNS = {"phoi_hop", "thoi_han", "san_pham"}  # what a task table states of a task besides its lead
_FIRST_SENTENCE = re.compile(r"(?<=[.;:])\s+(?=\S)")  # where a task's first sentence ends


def names_unit(value: str | None, unit: str | None) -> bool:
    """The lead value names the unit: the same value, or the unit as one of its parts ("Sở Khoa học và Công nghệ;
    UBND các phường xã" names "Sở Khoa học và Công nghệ"), whatever its case."""
    if value == unit:
        return True
    if not value or not unit:
        return False
    return " ".join(words(unit)) in {" ".join(words(u)) for u in units_of(value)}


def take_row_facts(ctx: Context, pos: int, row_pos: int, linked: bool = False) -> None:
    """A body task and the appendix row that restates it (the row's own wording of the task, with its lead): the
    row's phối hợp and product are the task's where the task states none, and its thời hạn cell where the task
    states none either (a time its words only mention, "… Chiến lược … đến năm 2025", is no thời hạn of it).
    Only for a table row: a unit's paragraph dates the paragraph, not each task it restates. ``linked``: the task's
    lead (and any partners) came from a unit's paragraph about its whole section; the row's partners, said of this
    task, come first."""
    c, row = ctx.clauses[pos], ctx.clauses[row_pos]
    c.partners = (row.partners or c.partners) if linked else (c.partners or row.partners)
    if row.deadline and not own_time(c):
        c.deadline, c.deadline_source = row.deadline, DeadlineSource("appendix_table", row.id, row.lines)
    c.product = c.product or row.product


def own_time(c: Clause) -> bool:
    """The task states its own thời hạn, which a row restating it does not replace: one the plan states as its
    time (a cell, a labelled line), or how often the task's own words say it is done ("Xây dựng và định kỳ hàng năm
    công bố báo cáo …", "Thường xuyên rà soát …"): a recurrence is the task's, never a time it only mentions in
    passing, as a year may be ("… Chiến lược … đến năm 2025"); the row's period ("2026 - 2030") is the plan's."""
    if not c.deadline or c.deadline_source is None:
        return False
    return c.deadline_source.stated or "recurring" in deadline_kinds(c.deadline)


class AppendixRows:
    """A task in the body that an appendix table restates with its lead ("Phụ lục: nhiệm vụ, chủ trì,
    phối hợp, thời gian"): the body clause takes the row's facts, and records the row."""

    mechanism = "appendix_table"

    def extract(self, ctx: Context) -> None:
        rows = [p for p, c in enumerate(ctx.clauses) if c.kind == "table_row" and c.lead]
        if not rows:
            return
        row_pairs = {p: _bigrams(ctx.nodes[p].body or ctx.clauses[p].text) for p in rows}
        opening = self._openings(ctx, rows)
        for pos, c in enumerate(ctx.clauses):
            # a task with its own lead is completed only where the plan distributes duties ("Tổ chức thực hiện")
            if c.kind not in ("item", "bullet", "paragraph") or (c.lead and (
                    c.partners and c.deadline or c.lead_source is None or c.lead_source.mechanism in LINKER_MECHANISMS
                    or not in_assignment_section(ctx, pos))):
                continue
            mine = _task_pairs(ctx, pos)
            if len(mine) < APPENDIX_MIN_PAIRS:
                continue
            best, share = None, 0.0
            for p in rows:
                shared = len(mine & row_pairs[p])
                s = shared / len(mine)
                if shared >= APPENDIX_MIN_PAIRS and s > share and shared >= APPENDIX_ROW_SHARE * len(row_pairs[p]):
                    best, share = p, s
            if best is None or share < APPENDIX_MIN_SHARE:
                # a paraphrase only of a task ("Xây dựng …", "Tổ chức …"), not of a procedure's attribute lines
                # (an objective under "Mục tiêu" restated loosely by a task row is no restatement of it)
                task = (TASK_START.match(ITEM_OPENER.sub("", ctx.body(pos)))
                        and not any(INDICATOR_SECTION.search(s) for s in c.section_path))
                best = self._paraphrase(ctx, mine, rows, row_pairs) if task else None
            if best is None:
                best = opening.get(pos)
            if best is not None and c.lead:
                self._complete(ctx, pos, best)
            elif best is not None:
                _take_row(ctx, pos, best, self.mechanism)


    def _complete(self, ctx: Context, pos: int, best: int) -> None:
        """A task that states its lead ("**4. Sở Tài chính**" / "- Rà soát, kịp thời cụ thể hoá các cơ chế …") and that
        an appendix row restates with the same lead: the row's partners, deadline and product are the task's where
        the task states none of its own."""
        c, row = ctx.clauses[pos], ctx.clauses[best]
        if names_unit(row.lead, c.lead):
            take_row_facts(ctx, pos, best)

    @staticmethod
    def _openings(ctx: Context, rows: list[int]) -> dict[int, int]:
        """Body tasks an appendix row names by their opening words: the row's task cell "Triển khai hệ sinh thái tín
        nhiệm mạng" for the task "- Triển khai hệ sinh thái tín nhiệm mạng như một chỉ dẫn quan trọng, …", "Triển
        khai ký số từ xa theo hướng ưu tiên phổ cập …; triển khai các giải pháp …" for "- Triển khai ký số từ xa
        theo hướng ưu tiên phổ cập … một cách đơn giản …". The two open with the same words, at least
        `APPENDIX_OPENING_WORDS` of them (or the row's whole cell, `APPENDIX_WHOLE_CELL_WORDS`), and each is the other's one best match: no row another unit leads shares
        as long an opening with the task, nor does another task of the body with the row."""
        row_words = {p: _opening_words((ctx.clauses[p].columns or {}).get("noi_dung") or "") for p in rows}
        firsts = {rw[0] for rw in row_words.values() if rw}
        tasks = {}
        for pos, c in enumerate(ctx.clauses):
            if c.lead or c.kind not in ("item", "bullet", "paragraph") or not c.section_path:
                continue
            body = ITEM_OPENER.sub("", ctx.body(pos))
            if TASK_START.match(body) and not any(INDICATOR_SECTION.search(t) for t in c.section_path):
                tw = _opening_words(body)
                if tw and tw[0] in firsts:
                    tasks[pos] = tw
        if not tasks:
            return {}

        def opening(a: list[str], b: list[str]) -> int:
            n = 0
            for x, y in zip(a, b):
                if x != y:
                    break
                n += 1
            return n

        by_task: dict[int, list[tuple[int, int]]] = {}
        by_row: dict[int, list[int]] = {}
        for t, tw in tasks.items():
            for r, rw in row_words.items():
                if rw and tw[0] == rw[0] and ((n := opening(tw, rw)) >= APPENDIX_OPENING_WORDS
                                              or n == len(rw) >= APPENDIX_WHOLE_CELL_WORDS):
                    by_task.setdefault(t, []).append((n, r))
                    by_row.setdefault(r, []).append(n)
        # another unit's row opening the same way leaves it open which; so does a row opening as another task does too
        return _each_others_best(ctx, by_task, by_row, rivals=lambda other, best: other >= best)

    @staticmethod
    def _paraphrase(ctx: Context, mine: frozenset[str], rows: list[int], row_pairs: dict[int, frozenset[str]]) -> int | None:
        """The row an appendix words its own way ("Xây dựng, nâng cấp hạ tầng công nghệ thông tin của Thành phố …"
        restated as "Xây dựng hạ tầng công nghệ thông tin, trang thiết bị tại Sở Tài chính …"): half the task's
        word pairs at least, and clearly more than any row another unit leads restates."""
        ranked = sorted(((len(mine & row_pairs[p]), p) for p in rows), reverse=True)
        shared, best = ranked[0]
        if shared < APPENDIX_PARAPHRASE_PAIRS or shared < APPENDIX_PARAPHRASE_SHARE * len(mine):
            return None
        lead = fold(ctx.clauses[best].lead or "").lower()
        rival = max((n for n, p in ranked[1:] if fold(ctx.clauses[p].lead or "").lower() != lead), default=0)
        return best if shared >= APPENDIX_PARAPHRASE_MARGIN * rival else None


def _take_row(ctx: Context, pos: int, best: int, mechanism: str) -> None:
    """A task with no lead of its own takes the appendix row's: the link (lead, partners), the row's thời hạn unless
    the task states its own time (the table's column says it outright), and its product."""
    c, row = ctx.clauses[pos], ctx.clauses[best]
    _link(ctx, pos, best, mechanism)
    if row.deadline and not own_time(c):
        c.deadline, c.deadline_source = row.deadline, DeadlineSource(mechanism, row.id, row.lines)
    c.product = row.product or c.product


def _each_others_best(ctx: Context, by_task: dict[int, list[tuple[float, int]]], by_row: dict[int, list[float]],
                      rivals: Callable[[float, float], bool]) -> dict[int, int]:
    """Each body task's best row (`by_task`: task → (score, row)), kept only where the plan leaves no doubt: no row
    another unit leads `rivals` it for the task, and no other task scores the row as high (`by_row`)."""
    out: dict[int, int] = {}
    for t, ranked in by_task.items():
        ranked.sort(reverse=True)
        best, r = ranked[0]
        lead = fold(ctx.clauses[r].lead or "").lower()
        if any(rivals(score, best) and fold(ctx.clauses[q].lead or "").lower() != lead for score, q in ranked[1:]):
            continue
        if sum(score >= best for score in by_row[r]) > 1:
            continue
        out[t] = r
    return out


class RowsNamedInTasks:
    """A body task whose first sentence names an appendix row's short task cell in full, after the other linkers
    (issue #9; a late pass of `AppendixRows`' mechanism, in `LATE_LINKERS`): the row's lead, partners, thời hạn and
    product where the task has no lead; where a unit's paragraph claimed the task's section for the unit the row names
    too, the row's partners, thời hạn and product."""

    mechanism = "appendix_table"

    def extract(self, ctx: Context) -> None:
        for pos, best in self._matches(ctx).items():
            c, row = ctx.clauses[pos], ctx.clauses[best]
            if c.lead is None:
                _take_row(ctx, pos, best, self.mechanism)
            elif names_unit(row.lead, c.lead):
                take_row_facts(ctx, pos, best, linked=True)

    @staticmethod
    def _matches(ctx: Context) -> dict[int, int]:
        """Body tasks whose opening sentence an appendix row's short task cell names in full: "Triển khai Chiến lược
        phát triển công nghiệp công nghệ số Việt Nam" for "- Triển khai Chương trình phát triển công nghiệp công nghệ
        số Việt Nam đến năm 2030, tầm nhìn … . Trong đó, …". The task says more than the row, so the share of the
        task's pairs the row restates is low; the share of the row's is high. At least `CONTAINED_MIN_PAIRS` of the
        row's pairs and `CONTAINED_ROW_SHARE` of them lie in the task's first sentence, the row restates less than half
        of the task's pairs (a closer restatement is the paraphrase linkers'), and each is the other's one best match:
        no row another unit leads is nearly as fully named by the task (`CONTAINED_MARGIN`), nor does another body task
        name the row as fully."""
        # rows of an appendix only (`Clause.appendix`, or after an unnumbered "PHỤ LỤC"): a table of the body lists
        start = next((p for p, c in enumerate(ctx.clauses) if c.appendix or opens_appendix(c.text)), len(ctx.clauses))
        # procedures or indicators more often than tasks; a row of a task table (one with a column of partners, times
        # or products besides the lead's, not a list of procedures with the body that handles each)
        named = {p: cols.get("noi_dung") or "" for p, c in enumerate(ctx.clauses)
                 if p > start and c.kind == "table_row" and c.lead and TASK_TABLE_COLUMNS & (cols := c.columns or {}).keys()}
        cells = {p: _bigrams(t) for p, t in named.items()}
        cells = {p: b for p, b in cells.items() if len(b) >= CONTAINED_MIN_PAIRS}
        if not cells:
            return {}
        tasks: dict[int, frozenset[str]] = {}
        whole: dict[int, frozenset[str]] = {}
        for pos, c in enumerate(ctx.clauses):
            if c.kind not in ("item", "bullet", "paragraph") or not c.section_path or c.lead and (
                    c.lead_source is None or c.lead_source.mechanism not in SECTION_LINKS):
                continue
            body = ITEM_OPENER.sub("", ctx.body(pos))
            # (a title standing alone, "TRIỂN KHAI QUYẾT ĐỊNH SỐ …", names what the rows under it are about)
            if TASK_START.match(body) and not body.isupper() \
                    and not any(INDICATOR_SECTION.search(t) for t in c.section_path):
                tasks[pos] = _bigrams(_FIRST_SENTENCE.split(body, 1)[0])
                whole[pos] = _bigrams(body)
        by_task: dict[int, list[tuple[float, int]]] = {}
        by_row: dict[int, list[float]] = {}
        for t, tp in tasks.items():
            for r, rp in cells.items():
                n = len(tp & rp)
                if n >= CONTAINED_MIN_PAIRS and (share := n / len(rp)) >= CONTAINED_ROW_SHARE \
                        and n < APPENDIX_PARAPHRASE_SHARE * len(whole[t]):
                    by_task.setdefault(t, []).append((share, r))
                    by_row.setdefault(r, []).append(share)
        # another unit's row named nearly as fully leaves it open which; so does another body task naming the row as fully
        return _each_others_best(ctx, by_task, by_row, rivals=lambda other, best: other * CONTAINED_MARGIN > best)


class RestatedTasks:
    """A task of the plan's body that another part of the plan restates under the unit that leads it ("8. Tăng
    cường đầu tư xây dựng, nâng cấp các cảng cá …" in the tasks, "- Tăng cường đầu tư xây dựng, nâng cấp các cảng
    cá …" under "2. Sở Nông nghiệp và Môi trường" in "Tổ chức thực hiện"): the same test as an appendix row's
    (most of the task's word pairs), read from clauses whose lead is stated where they stand."""

    mechanism = "restated"

    def extract(self, ctx: Context) -> None:
        # restated in the part that distributes duties ("Tổ chức thực hiện", "Trách nhiệm …")
        stated = [p for p, c in enumerate(ctx.clauses)
                  if c.lead and c.kind in ("item", "bullet", "paragraph") and c.lead_source is not None
                  and c.lead_source.mechanism not in LINKER_MECHANISMS and c.section_path
                  and in_assignment_section(ctx, p) and not any(LEGAL_PART.match(t) for t in c.section_path)
                  and not COORDINATING_DUTY.match(ctx.body(p))]
        if not stated:
            return
        pairs = {p: _task_pairs(ctx, p) for p in stated}
        for pos, c in enumerate(ctx.clauses):
            if c.lead or c.kind not in ("item", "bullet", "paragraph") or not c.section_path:
                continue
            # a task of the plan's body ("Tăng cường …", "Xây dựng …"), not an objective nor a duty of that part
            task = ITEM_OPENER.sub("", ctx.body(pos))
            if (not TASK_START.match(task) or task.isupper()
                    or any(INDICATOR_SECTION.search(s) for s in c.section_path) or in_assignment_section(ctx, pos)):
                continue
            mine = _task_pairs(ctx, pos)
            if len(mine) < APPENDIX_MIN_PAIRS:
                continue
            best, share = None, 0.0
            for p in stated:
                if ctx.clauses[p].section_path[0] == c.section_path[0]:
                    continue  # a restatement stands in another part of the plan
                shared = len(mine & pairs[p])
                if shared / len(mine) > share and shared >= APPENDIX_ROW_SHARE * len(pairs[p]):
                    best, share = p, shared / len(mine)
            if best is not None and share >= RESTATED_MIN_SHARE and share * len(mine) >= RESTATED_MIN_PAIRS:
                link_lead(ctx, pos, best, self.mechanism)


# A restatement in prose is looser than a table row, and regulations repeat their wordings from article to article:
# nearly all the task's pairs, and many of them, outside legal articles.
RESTATED_MIN_SHARE = 0.8
RESTATED_MIN_PAIRS = 10
LEGAL_PART = re.compile(r"^(?:Điều|Chương)\s+[0-9IVXL]+")
# A duty where its unit only coordinates or takes part ("- Phối hợp với Sở X …", "b) Chủ động phối hợp …", "- Tham
# gia huy động nguồn lực …"): another unit leads what it restates, so it names no lead for the task.
COORDINATING_DUTY = re.compile(r"^(?:\S{1,6}[.)]\s+|[-+•*]\s*)?(?:\*+\s*)?(?:[a-zđ]\)\s*)?"
                               r"(?:(?:chủ động|tích cực|thường xuyên)\s+)?(?:tham gia|phối hợp)\b", re.I)
# The mechanisms of the linkers (`LINKERS`): a lead one of them gave is itself read elsewhere, never a claim of its
# own. Listed here, not read off LINKERS, because the linkers defined below and in field_links/paraphrase_links use it.
LINKER_MECHANISMS = ("named_indicator", "cross_reference", "appendix_table", "topic", "field", "restated", "paraphrase")


# Leads a whole section took from a claim elsewhere: the claim, not each task under it, is what a topic rests on.
SECTION_LINKS = ("field", "cross_reference")


class TopicInference:
    """Indicators whose lead the plan gives only by topic (a later section on the same field):
    the unit whose section shares most of the indicator's rare word pairs, when one clearly does."""

    mechanism = "topic"

    def extract(self, ctx: Context) -> None:
        clauses = ctx.clauses
        candidates = [p for p, c in enumerate(clauses)
                      if c.lead and not _is_indicator(c) and not (c.lead_source and (
                          c.lead_source.inferred or c.lead_source.mechanism in SECTION_LINKS))]
        if not candidates or not any(_is_indicator(c) and not c.lead for c in clauses):
            return
        grams, common, idf = self._pair_weights(clauses)
        for pos, c in enumerate(clauses):
            if not _is_indicator(c) or c.lead:
                continue
            mine = _bigrams(c.text) - common
            total = sum(idf.get(g, 0) for g in mine)
            if not mine or total <= 0:
                continue
            found = self._clear_winner(clauses, candidates, grams, idf, mine, total)
            if found is not None:
                best, shared = found
                _link(ctx, pos, best, self.mechanism, tuple(sorted(shared)[:3]))

    @staticmethod
    def _pair_weights(clauses: list[Clause]) -> tuple[list[frozenset[str]], set[str], dict[str, float]]:
        """Each clause's word pairs (with its section title), the pairs too common to tell units apart,
        and every pair's rarity (idf) in this document."""
        grams = [_bigrams(c.text + " " + (c.section_path[-1] if c.section_path else "")) for c in clauses]
        df = Counter(g for gs in grams for g in gs)
        n = len(clauses)
        common = {g for g, d in df.items() if d > max(3, n // 8)}
        idf = {g: math.log(1 + n / d) for g, d in df.items()}
        return grams, common, idf

    @staticmethod
    def _clear_winner(clauses: list[Clause], candidates: list[int], grams: list[frozenset[str]],
                      idf: dict[str, float], mine: frozenset[str], total: float) -> tuple[int, set[str]] | None:
        """The clause of the unit sharing most of the indicator's rare pairs, when that unit beats the
        next by :data:`TOPIC_MARGIN` and reaches :data:`TOPIC_MIN_SCORE`; else the plan does not say."""
        by_lead: dict[str, tuple[float, int, set[str]]] = {}
        for cand in candidates:
            shared = mine & grams[cand]
            if len(shared) < 2:
                continue
            score = sum(idf[g] for g in shared) / total
            lead = clauses[cand].lead or ""
            if score > by_lead.get(lead, (0.0, -1, set()))[0]:
                by_lead[lead] = (score, cand, shared)
        ranked = sorted(by_lead.values(), key=lambda t: -t[0])
        if not ranked or (len(ranked) > 1 and ranked[1][0] * TOPIC_MARGIN > ranked[0][0]):
            return None  # two units fit about as well: the plan does not say, so neither do we
        score, best, shared = ranked[0]
        return (best, shared) if score >= TOPIC_MIN_SCORE else None


# The one registry: stated facts first (in this order, each clause read by the first that claims it),
# then the linkers, which need every stated lead.
EXTRACTORS = (TableColumns(), LabelledLines(), AssignmentBlocks(), UnitSections(), Sentences())
from corpus.field_links import (FieldAssignments, contested, link_lead, references,  # noqa: E402  (they read
                                unit_section_claim)  # this module's Context)

# Field claims before numbered references: "các nhiệm vụ … trong lĩnh vực y tế" is narrower than "tại mục IV".
from corpus.paraphrase_links import ParaphrasedDuties  # noqa: E402

LINKERS = (NamedIndicators(), AppendixRows(), RestatedTasks(), FieldAssignments(), CrossReferences(), TopicInference(),
           ParaphrasedDuties())
# Late passes of a linker's mechanism above, once every other linker has had its say: what they read is weaker
# evidence, taken only where nothing closer was found.
LATE_LINKERS = (RowsNamedInTasks(),)


def assign_responsibilities(clauses: list[Clause], nodes: list[Node], time_limits: set[int] = frozenset()) -> None:
    """Run every registered mechanism over one document's clauses (``time_limits``: the positions of
    clauses that state their own time limit, kept whatever another line says)."""
    ctx = Context(clauses, nodes, own_deadline=set(time_limits))
    for pos, c in enumerate(clauses):
        for line in range(c.lines[0], c.lines[1] + 1):
            ctx.line_to_pos.setdefault(line, pos)
    for ex in EXTRACTORS:
        ex.extract(ctx)
    ctx.apply()
    for linker in LINKERS + LATE_LINKERS:
        linker.extract(ctx)
