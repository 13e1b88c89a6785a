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


class LeadSourceModel(BaseModel):
    """Where the lead was read, when not on the clause itself (corpus.model.LeadSource)."""

    mechanism: str = Field(description='How: "merged_cell", "labelled_line", "unit_section", "topic", …')
    clause_id: str = Field(description="The clause the lead was read from")
    line: int = Field(description="1-based line of that clause in the plan file")
    inferred: bool = Field(False, description="True when guessed from the topic, not stated by the plan")
    label: str = Field(description='For people: "ô gộp của bảng, dòng 158"')


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
    lead_source: LeadSourceModel | None = Field(None, description="Where a lead stated elsewhere was read")


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
