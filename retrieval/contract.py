"""The answer contract shared by `planqa ask --json`, the HTTP API and the bot.

Declared once as pydantic models so the OpenAPI schema is exact and every
front end renders the same fields.
"""
from __future__ import annotations

from pydantic import BaseModel, Field


class TargetModel(BaseModel):
    values: list[float]
    unit: str | None = None
    comparison: str
    year: int | None = None
    text: str


class Citation(BaseModel):
    source: str = Field(description="Plan file name")
    document: str | None = Field(None, description="Plan title")
    doc_id: str
    clause_id: str
    locality: str | None = Field(None, description='e.g. "xã An Hưng"')
    section: str = Field("", description="Heading path, outermost first, joined by ' › '")
    label: str | None = Field(None, description='Clause label, e.g. "(11)", "2.2.", "a."')
    lines: list[int] = Field(description="[start, end], 1-based lines in the source file")
    page: int | None = Field(None, description="PDF page, when the plan came as a PDF")
    locator: str | None = Field(None, description="DOCX paragraph or table position")
    number: str | None = Field(None, description='Plan number as issued, e.g. "476/QĐ-UBND"')
    cited_number: str | None = Field(None, description='The number as cited, spaces out ("08-CTr/ĐUUB"); none when '
                                     'the plan has no number (a draft\'s blank "/KH-UBND")')
    kind: str | None = Field(None, description='Plan kind, e.g. "Kế hoạch"')


class LeadSource(BaseModel):
    """Where a lead not stated on the clause itself was read (corpus.model.LeadSource; see retrieval.lead_source)."""

    mechanism: str = Field(description='How, for people: "ô gộp của bảng", "giao chỉ tiêu", "suy luận theo lĩnh vực"')
    key: str | None = Field(None, description='The mechanism\'s name: "merged_cell", "labelled_line", "topic", …')
    inferred: bool = Field(False, description="True when guessed from the topic, not stated by the plan")
    clause_id: str | None = Field(None, description="The clause the lead was read from")
    lines: list[int] | None = Field(None, description="[start, end] of that clause")
    excerpt: str | None = Field(None, description="The start of that clause")


class DeadlineSource(BaseModel):
    """Where a clause's thời hạn was read (corpus.model.DeadlineSource; see retrieval.lead_source)."""

    mechanism: str = Field(description='How, for people: "cột thời hạn của bảng", "dòng ghi thời hạn", "câu của nội dung"')
    key: str = Field(description='The mechanism\'s name: "table_column", "labelled_line", "appendix_table", "in_text"')
    stated: bool = Field(description="True when the plan states it as the task's thời hạn, not a time its words mention")
    clause_id: str = Field(description="The clause the deadline was read from")
    lines: list[int] = Field(description="[start, end] of that clause")


class Result(BaseModel):
    text: str = Field(description="The clause itself (item, bullet, table row)")
    score: float
    citation: Citation
    lead: str | None = Field(None, description="Unit that leads (chủ trì / tham mưu)")
    partners: str | None = Field(None, description="Coordinating units (phối hợp)")
    directed_by: str | None = Field(None, description="Person directing (chỉ đạo)")
    target: TargetModel | None = None
    deadline: str | None = None
    product: str | None = None
    lead_source: LeadSource | None = Field(None, description="Where a lead stated elsewhere was read")
    deadline_source: DeadlineSource | None = Field(None, description="Where the deadline was read (set with it)")


class AskResponse(BaseModel):
    question: str
    found: bool
    answer: str | None
    results: list[Result]


class LocalityModel(BaseModel):
    level: str | None = None
    name: str | None = None
    province: str | None = None
    label: str | None = None


class DocumentInfo(BaseModel):
    id: str
    source: str
    title: str | None = None
    kind: str | None = None
    number: str | None = None
    cited_number: str | None = Field(None, description='The number as cited (`Citation.cited_number`)')
    issuer: str | None = None
    locality: LocalityModel
    date: str | None = None
    signer: str | None = None
    clause_count: int


class OutlineSection(BaseModel):
    clause_id: str
    title: str
    depth: int
    lines: list[int]
    lead: str | None = None
    partners: str | None = None
    directed_by: str | None = None


class DocumentOutline(BaseModel):
    document: DocumentInfo
    sections: list[OutlineSection]


class ClauseView(BaseModel):
    """A clause with its section context and neighbours (for "Xem nguyên văn")."""

    result: Result
    section_path: list[str]
    previous: Result | None = None
    next: Result | None = None


class IndexInfo(BaseModel):
    model: str
    dimension: int
    clause_count: int
    document_count: int
    built_at: str
    format_version: int


# ---------------------------------------------------------------------------
# Catalog: tasks and indicators read from the clause store (retrieval.catalog)


class PlanRef(BaseModel):
    """A plan as a reader names it: locality, title and number, not a file name."""

    doc_id: str
    title: str | None = None
    number: str | None = None
    cited_number: str | None = Field(None, description='The number as cited (`Citation.cited_number`)')
    kind: str | None = None
    locality: str | None = None
    source: str


class TaskRow(BaseModel):
    clause_id: str
    plan: PlanRef
    section: str = ""
    label: str | None = None
    text: str
    lines: list[int]
    lead: str | None = None
    lead_source: LeadSource | None = None
    partners: str | None = None
    deadline: str | None = Field(None, description="Thời hạn as the plan writes it")
    due_year: int | None = Field(None, description="Latest year the deadline names (`Clause.due_year`)")
    recurring: bool = Field(False, description='"Hằng năm", "hàng quý", "định kỳ", "thường xuyên": due every year '
                                               '(`Clause.deadline_kinds` holds "recurring")')
    product: str | None = None


class IndicatorRow(BaseModel):
    clause_id: str
    plan: PlanRef
    section: str = ""
    label: str | None = None
    name: str = Field(description="The indicator as the plan states it (the clause without its label)")
    target: TargetModel
    year: int | None = Field(None, description="Year of the target, else the deadline's")
    lead: str | None = None
    lead_source: LeadSource | None = None
    lines: list[int]


class ComparisonPoint(BaseModel):
    plan: PlanRef
    clause_id: str
    lines: list[int]
    name: str
    value: float
    target: TargetModel
    match: float = Field(description="Share of the indicator's weighted words found in this clause")


class IndicatorComparison(BaseModel):
    query: str
    unit: str | None = Field(None, description="Unit shared by the charted points")
    points: list[ComparisonPoint] = Field(description="One per plan, same unit: these are charted")
    other_units: list[ComparisonPoint] = Field(default_factory=list,
                                               description="Matches stated in another unit (not charted)")


class PlanClause(BaseModel):
    clause_id: str
    kind: str
    label: str | None = None
    section_path: list[str]
    text: str
    lines: list[int]
    page: int | None = None
    lead: str | None = None
    lead_source: LeadSource | None = None
    partners: str | None = None
    deadline: str | None = None
    product: str | None = None
    target: TargetModel | None = None


class PlanView(BaseModel):
    """A whole plan clause by clause, for the viewer that opens at cited lines."""

    document: DocumentInfo
    clauses: list[PlanClause]


class AddPlanJob(BaseModel):
    """Progress of one plan added from the browser (retrieval.library)."""

    id: str
    filename: str
    stage: str = Field(description="queued | reading | indexing | loading | done | failed")
    step: int = Field(description="Steps done so far, for a progress bar")
    steps: int
    message: str = ""
    doc_id: str | None = None
    title: str | None = None
    clause_count: int | None = None
    seconds: float | None = None
