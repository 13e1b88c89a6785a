"""The clause model: what a plan becomes, and what every later stage reads.

A plan is a :class:`Document` (its metadata) and a list of :class:`Clause` — the
smallest citable units, each knowing where it sits (section path, source lines)
and what the plan attaches to it (chủ trì, phối hợp, thời hạn, chỉ tiêu).
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any

from corpus.text import UNIT_HEAD_RE
from corpus.timing import deadline_kinds as read_deadline_kinds
from corpus.timing import due_year as read_due_year

SECTION_SEPARATOR = " › "
# what separates the units of a lead or partners value ("Sở Y tế; Sở Tài chính", "Sở Nội vụ, Công an tỉnh"):
# commas, semicolons and slashes part units; so does "và" before "các" or a new body's head word: "X và các Y"
# and "Sở Y tế và Sở Tài chính" join two units ("Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội
# tỉnh"), while a unit's own name joins words with a plain "và" ("Sở Văn hóa, Thể thao và Du lịch")
UNIT_SEPARATORS = re.compile(r"[,;/]|\s+và\s+(?=(?:các|Sở|Bộ|Ban|Phòng|Công an|UBND|Ủy ban)\b)")


# a unit's own name joins its fields with a plain "và" before a capitalised field: "Thể thao và Du lịch",
# "Báo và Phát thanh" ("và các …" and "và Sở …" part two units, `UNIT_SEPARATORS`)
_AND_NEXT = re.compile(r"\svà\s+(\w)")
_OPENS_UNIT = re.compile(UNIT_HEAD_RE + r"\b")


def _fields_joined(part: str) -> bool:
    return any(m.group(1).isupper() for m in _AND_NEXT.finditer(part))


def _field_part(part: str) -> bool:
    """A part after a comma that carries on a unit's name: a capitalised field that opens no unit of its own."""
    return part[:1].isupper() and not _OPENS_UNIT.match(part)


def units_of(value: str | None) -> tuple[str, ...]:
    """The units a chủ trì / phối hợp value names, one per part between its separators, in order.

    An official name with a comma inside stays whole: "Sở Văn hóa, Thể thao và Du lịch", "Phòng Kinh tế, Hạ tầng
    và Đô thị", "Báo và Phát thanh, Truyền hình Cần Thơ" — a unit (opening with a `UNIT_HEADS` word) whose next
    comma parts are capitalised fields opening no unit, up to the one whose fields are joined by "và" (its last).
    Without that "và" the parts are units of their own ("Sở Y tế, Công an tỉnh", "VNPT, Viettel")."""
    if not value:
        return ()
    pieces = UNIT_SEPARATORS.split(value)
    seps = [m.group(0) for m in UNIT_SEPARATORS.finditer(value)]
    parts: list[str] = []
    i = 0
    while i < len(pieces):
        name = pieces[i].strip()
        if _OPENS_UNIT.match(name):
            done = _fields_joined(name)  # "Báo và Phát thanh": one more field ends the name
            j = i
            while j + 1 < len(pieces) and seps[j] == "," and _field_part(pieces[j + 1].strip()):
                j += 1
                if done or _fields_joined(pieces[j]):
                    joined = ", ".join(p.strip() for p in pieces[i:j + 1])
                    name, i = joined, j
                    break
        parts.append(name)
        i += 1
    return tuple(dict.fromkeys(p for p in parts if p))


@dataclass
class SourceText:
    """Text lines of one plan file, as a reader produced them.

    ``pages`` / ``locators`` carry, per line, where a reader of the original can
    find it (PDF page number; DOCX "đoạn 12" or "bảng 2, hàng 3"). They are
    empty for plain text, where the line number itself is the locator.
    """

    source: str  # file name, as cited
    lines: list[str]
    pages: list[int | None] = field(default_factory=list)
    locators: list[str | None] = field(default_factory=list)
    fmt: str = "txt"

    def page_of(self, line_no: int) -> int | None:
        """Page of a 1-based line number, when the source has pages."""
        if not self.pages or not 1 <= line_no <= len(self.pages):
            return None
        return self.pages[line_no - 1]

    def locator_of(self, line_no: int) -> str | None:
        if not self.locators or not 1 <= line_no <= len(self.locators):
            return None
        return self.locators[line_no - 1]


@dataclass
class Locality:
    level: str | None = None  # "xã", "phường", "thị trấn"
    name: str | None = None  # "An Hưng"
    province: str | None = None  # "Hải Phòng", "Thái Nguyên"

    def label(self) -> str | None:
        if not self.name:
            return None
        return f"{self.level} {self.name}" if self.level else self.name


@dataclass
class Target:
    """A parsed chỉ tiêu target: "đạt 97% trở lên đến năm 2030" → 97, %, >=, 2030."""

    values: list[float]  # one value, or [low, high] for a range
    unit: str | None
    comparison: str  # "=", ">=", ">", "<=", "<", "range", "increase_avg"
    year: int | None
    text: str  # the phrase the target was read from

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


# How a lead was read, in the plans' own words for people (answers, bots).
LEAD_MECHANISMS: dict[str, str] = {
    "table_column": "cột chủ trì của bảng",
    "merged_cell": "ô gộp của bảng",
    "labelled_line": "dòng ghi cơ quan chủ trì",
    "assignment_block": "khối phân công",
    "unit_section": "mục của đơn vị",
    "sentence": "câu giao nhiệm vụ",
    "heading": "tiêu đề mục",
    "named_indicator": "giao chỉ tiêu",
    "cross_reference": "dẫn chiếu",
    "appendix_table": "bảng phụ lục",
    "restated": "nhiệm vụ nêu lại ở mục khác",
    "field": "giao theo lĩnh vực",
    "topic": "suy luận theo lĩnh vực",
    "paraphrase": "nhiệm vụ diễn đạt lại ở phần phân công",
}

# The fields a labelled attribute line may state (`Clause.labelled_fields`), as `corpus.responsibilities` reads them.
LABELLED_FIELDS = ("lead", "partners", "deadline", "product")


@dataclass(frozen=True)
class LeadSource:
    """Where a clause's chủ trì was read: by which mechanism, from which clause and line.

    ``clause_id`` is the clause's own id when the lead is written on it; ``shared``
    holds the word pairs a topic inference rests on.
    """

    mechanism: str  # a key of LEAD_MECHANISMS
    clause_id: str
    lines: tuple[int, int]  # the source clause's first and last line
    shared: tuple[str, ...] = ()
    quote: str = ""  # the source clause's opening words, for people

    @property
    def line(self) -> int:
        """The line the lead was written on (the source clause's first line)."""
        return self.lines[0]

    @property
    def inferred(self) -> bool:
        """True when no sentence of the plan states it: guessed from the topic."""
        return self.mechanism == "topic"

    def describe(self) -> str:
        """For people: "ô gộp của bảng, dòng 158"."""
        return f"{LEAD_MECHANISMS.get(self.mechanism, self.mechanism)}, dòng {self.line}"

    def to_dict(self) -> dict[str, Any]:
        return {"mechanism": self.mechanism, "clause_id": self.clause_id, "lines": list(self.lines),
                "shared": list(self.shared), "quote": self.quote}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "LeadSource":
        a, b = d["lines"]
        return cls(d["mechanism"], d["clause_id"], (int(a), int(b)), tuple(d.get("shared") or ()), d.get("quote") or "")


# Where a deadline was read (`Clause.deadline_source`): the task's own statement of it, or a phrase of its text.
DEADLINE_MECHANISMS: dict[str, str] = {
    "table_column": "cột thời hạn của bảng",
    "labelled_line": "dòng ghi thời hạn",
    "appendix_table": "bảng phụ lục",
    "plan_time": "thời gian thực hiện của kế hoạch",  # the plan's own time, for a task with none (corpus.facts)
    "in_text": "câu của nội dung",  # a time phrase of the clause's own words ("… hoàn thành trong năm 2026")
}


@dataclass(frozen=True)
class DeadlineSource:
    """Where a clause's thời hạn was read: by which mechanism, from which clause and lines."""

    mechanism: str  # a key of DEADLINE_MECHANISMS
    clause_id: str
    lines: tuple[int, int]  # the source clause's first and last line

    @property
    def stated(self) -> bool:
        """The plan states it as the task's thời hạn (a table cell, a labelled line, an appendix row),
        not a time the clause's words mention, perhaps in passing ("tầm nhìn đến năm 2050")."""
        return self.mechanism != "in_text"

    def to_dict(self) -> dict[str, Any]:
        return {"mechanism": self.mechanism, "clause_id": self.clause_id, "lines": list(self.lines)}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "DeadlineSource":
        a, b = d["lines"]
        return cls(d["mechanism"], d["clause_id"], (int(a), int(b)))


@dataclass(frozen=True)
class FieldLine:
    """A clause stating a letterhead field, and its source lines (`corpus.letterhead_lines`): the typed place
    retrieval cites for the plan's number, place and date, title or signature."""

    clause_id: str
    lines: tuple[int, int]  # the clause's first and last line

    def to_dict(self) -> dict[str, Any]:
        return {"clause_id": self.clause_id, "lines": list(self.lines)}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "FieldLine":
        a, b = d["lines"]
        return cls(d["clause_id"], (int(a), int(b)))


# the roles in which a plan names another document (`LetterheadLines.references`)
REFERENCE_ROLES = ("basis", "implements", "proposal", "replaces")


@dataclass(frozen=True)
class LetterheadLines:
    """Where each letterhead field of a plan is written, read once when the plan is parsed."""

    number: tuple[FieldLine, ...] = ()  # header lines holding the plan's number ("Số: 08 - CTr/ĐUUB")
    place_date: FieldLine | None = None  # "Nghệ An, ngày 19 tháng 11 năm 2025"
    title: FieldLine | None = None  # the header line stating the title
    signature: tuple[FieldLine, ...] = ()  # the signer's name with the signing titles above it
    # the lines stating the other documents the plan stands on (`corpus.letterhead_lines.reference_lines`), by role
    # (`REFERENCE_ROLES`): what it rests on ("Căn cứ …"), carries out ("Thực hiện Quyết định …"), on whose proposal
    # it was issued ("Theo đề nghị của Sở … tại Tờ trình số …"), and what it replaces or repeals ("Kế hoạch này thay
    # thế Kế hoạch số …", "Bãi bỏ Quyết định số …")
    basis: tuple[FieldLine, ...] = ()
    implements: tuple[FieldLine, ...] = ()
    proposal: tuple[FieldLine, ...] = ()
    replaces: tuple[FieldLine, ...] = ()

    def references(self, role: str) -> tuple[FieldLine, ...]:
        """The lines stating the plan's references of ``role`` (one of `REFERENCE_ROLES`)."""
        return getattr(self, role) if role in REFERENCE_ROLES else ()

    def asked(self, number: bool = False, date: bool = False, roles: tuple[str, ...] = (),
              title: bool = False) -> tuple[FieldLine, ...]:
        """The lines stating what a question asks of the plan document itself, in this order, once each: its title
        line (``title``: the period it names), its number lines (``number``), with the line stating where and when it
        was issued when its date is asked too (``date``), then the lines of each reference role asked (``roles``,
        `REFERENCE_ROLES`)."""
        out = [self.title] if title and self.title is not None else []
        out += list(self.number) if number else []
        if number and date and self.place_date is not None:
            out.append(self.place_date)
        for role in roles:
            out += self.references(role)
        return tuple(dict.fromkeys(out))

    def to_dict(self) -> dict[str, Any]:
        return {"number": [f.to_dict() for f in self.number],
                "place_date": self.place_date.to_dict() if self.place_date else None,
                "title": self.title.to_dict() if self.title else None,
                "signature": [f.to_dict() for f in self.signature],
                **{role: [f.to_dict() for f in self.references(role)] for role in REFERENCE_ROLES}}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "LetterheadLines":
        def one(v: dict[str, Any] | None) -> FieldLine | None:
            return FieldLine.from_dict(v) if v else None

        def many(key: str) -> tuple[FieldLine, ...]:
            return tuple(FieldLine.from_dict(f) for f in d.get(key) or ())

        return cls(many("number"), one(d.get("place_date")), one(d.get("title")), many("signature"),
                   *(many(role) for role in REFERENCE_ROLES))


@dataclass
class Document:
    id: str
    source: str  # file name
    title: str | None = None
    kind: str | None = None  # "Kế hoạch", "Chương trình hành động", ...
    number: str | None = None  # "08 - CTr/ĐUUB", "476/QĐ-UBND"
    issuer: str | None = None  # "UBND xã Lạc Phượng"
    locality: Locality = field(default_factory=Locality)
    date: str | None = None  # ISO date when known, else as written ("2026-04")
    signer: str | None = None
    line_count: int = 0
    fingerprint: str = ""  # sha256 of the source bytes
    fmt: str = "txt"
    noise_lines: list[int] = field(default_factory=list)  # page-break / signature lines
    # the clauses stating the letterhead fields (`corpus.letterhead_lines.field_lines`), set once the clauses exist
    field_lines: LetterheadLines = field(default_factory=LetterheadLines)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["locality"]["label"] = self.locality.label()
        d["field_lines"] = self.field_lines.to_dict()
        return d


@dataclass
class Clause:
    id: str  # "<doc_id>:<n>"; stable for an unchanged file
    doc_id: str
    kind: str  # "header", "heading", "item", "bullet", "paragraph", "table_row"
    label: str | None  # "(12)", "2.2.", "a.", "- "
    section_path: list[str]  # enclosing headings, outermost first
    text: str
    source: str
    lines: tuple[int, int]  # 1-based, inclusive
    lead: str | None = None  # chủ trì / tham mưu
    partners: str | None = None  # phối hợp
    # the units ``lead`` / ``partners`` name, one per part between commas, semicolons, slashes
    # (`corpus.responsibilities.units_of`), read once the lead is final; () when there is none
    lead_units: tuple[str, ...] = ()
    partner_units: tuple[str, ...] = ()
    directed_by: str | None = None  # "đồng chí X - chức vụ" chỉ đạo
    deadline: str | None = None  # thời gian hoàn thành
    # the kinds of time ``deadline`` states (`corpus.timing.TIME_KINDS`: period, start, end, recurring, duration,
    # event, unset: "Không quy định"), read once the deadline is final; () when there is none
    deadline_kinds: tuple[str, ...] = ()
    # the latest year ``deadline`` names (`corpus.timing.due_year`: "giai đoạn 2026 - 2030" → 2030), read with its
    # kinds; None when it names no year ("Hằng năm") or there is none
    due_year: int | None = None
    product: str | None = None  # sản phẩm
    # a labelled attribute line of a task ("- Cơ quan chủ trì: X", "Thời gian thực hiện: Quý IV/2025"):
    # the fields it states, in order ("lead", "partners", "deadline", "product"; `LABELLED_FIELDS`);
    # one line may hold several labels ("Chủ trì: X. Phối hợp: Y. Thời gian: Z"); () for any other clause
    labelled_fields: tuple[str, ...] = ()
    # a task's labelled attribute line that the task took in (`corpus.structure.take_in_attribute_lines`): the id of
    # the task's clause, which cites it with its lead, partners and time together; None for any other clause
    owning_task: str | None = None
    target: Target | None = None
    lead_source: LeadSource | None = None  # where the lead was read (set whenever lead is)
    # where the deadline was read (set whenever deadline is; None in an index built before it was stored)
    deadline_source: DeadlineSource | None = None
    columns: dict[str, str] | None = None  # table rows: meaning → cell text
    # table rows of a table with one column per year ("Chỉ tiêu | ĐVT | 2026 | 2027 | … | 2030"):
    # year → that column's cell text as written ("27.500", "≥ 30%"); one target per year is read from it
    year_values: dict[int, str] | None = None
    # the target read from each year's value, in year order; ``target`` is then the last year's
    year_targets: list[Target] | None = None
    page: int | None = None  # PDF page of the first line
    locator: str | None = None  # DOCX paragraph / table position
    # the appendix or form of its plan the clause lies under, one spelling per number ("phu luc 2", "phu luc ii",
    # "mau bieu 1"; `corpus.structure.mark_appendices`), None in the plan's body
    appendix: str | None = None

    @property
    def section(self) -> str:
        return SECTION_SEPARATOR.join(self.section_path)

    @property
    def noi_dung(self) -> str:
        """What the clause is about: a table row's nội dung cell (`columns`), else its text."""
        return (self.columns or {}).get("noi_dung") or self.text

    @property
    def lead_from_elsewhere(self) -> bool:
        """The lead was read from another clause (a heading, footer, table cell, appendix…)."""
        return self.lead_source is not None and self.lead_source.clause_id != self.id

    @property
    def is_indicator(self) -> bool:
        return self.target is not None

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of ``planqa parse --json``."""
        return {
            "id": self.id,
            "kind": self.kind,
            "label": self.label,
            "section": self.section,
            "text": self.text,
            "source": self.source,
            "lines": list(self.lines),
            "lead": self.lead,
            "partners": self.partners,
            "lead_units": list(self.lead_units),
            "partner_units": list(self.partner_units),
            "directed_by": self.directed_by,
            "deadline": self.deadline,
            "deadline_kinds": list(self.deadline_kinds),
            "due_year": self.due_year,
            "product": self.product,
            "labelled_fields": list(self.labelled_fields),
            "owning_task": self.owning_task,
            "target": self.target.to_dict() if self.target else None,
            "lead_source": self.lead_source.to_dict() if self.lead_source else None,
            "deadline_source": self.deadline_source.to_dict() if self.deadline_source else None,
            "columns": self.columns,
            "year_values": {str(y): v for y, v in self.year_values.items()} if self.year_values else None,
            "year_targets": [t.to_dict() for t in self.year_targets] if self.year_targets else None,
            "page": self.page,
            "locator": self.locator,
            "appendix": self.appendix,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any], doc_id: str) -> "Clause":
        return cls(
            id=d["id"],
            doc_id=doc_id,
            kind=d["kind"],
            label=d.get("label"),
            section_path=[s for s in d["section"].split(SECTION_SEPARATOR) if s] if d.get("section") else [],
            text=d["text"],
            source=d["source"],
            lines=(d["lines"][0], d["lines"][1]),
            lead=d.get("lead"),
            partners=d.get("partners"),
            # an index built before the units were stored: read them from the value, as the parser does
            lead_units=tuple(d["lead_units"]) if "lead_units" in d else units_of(d.get("lead")),
            partner_units=tuple(d["partner_units"]) if "partner_units" in d else units_of(d.get("partners")),
            directed_by=d.get("directed_by"),
            deadline=d.get("deadline"),
            # an index built before the kinds were stored: read them from the value, as the parser does
            deadline_kinds=tuple(d["deadline_kinds"]) if "deadline_kinds" in d else read_deadline_kinds(d.get("deadline")),
            due_year=d["due_year"] if "due_year" in d else read_due_year(d.get("deadline")),
            product=d.get("product"),
            labelled_fields=tuple(d.get("labelled_fields", ())),  # () in an index built before the field existed
            owning_task=d.get("owning_task"),  # an index of format 5 or older is refused (`FORMAT_VERSION`)
            target=Target(**d["target"]) if d.get("target") else None,
            lead_source=LeadSource.from_dict(d["lead_source"]) if d.get("lead_source") else None,
            deadline_source=DeadlineSource.from_dict(d["deadline_source"]) if d.get("deadline_source") else None,
            columns=d.get("columns"),
            year_values={int(y): v for y, v in d["year_values"].items()} if d.get("year_values") else None,
            year_targets=[Target(**t) for t in d["year_targets"]] if d.get("year_targets") else None,
            page=d.get("page"),
            locator=d.get("locator"),
            appendix=d.get("appendix"),
        )


@dataclass
class ParsedPlan:
    document: Document
    clauses: list[Clause]

    def to_dict(self) -> dict[str, Any]:
        return {"document": self.document.to_dict(), "clauses": [c.to_dict() for c in self.clauses]}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "ParsedPlan":
        doc = dict(d["document"])
        loc = dict(doc.pop("locality") or {})
        loc.pop("label", None)
        lines = LetterheadLines.from_dict(doc.pop("field_lines", None) or {})
        document = Document(locality=Locality(**loc), field_lines=lines, **doc)
        return cls(document, [Clause.from_dict(c, document.id) for c in d["clauses"]])


class PlanError(Exception):
    """A plan file that cannot be read; the message is one line, fit for a user."""
