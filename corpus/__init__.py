"""Plans → structured, cited clauses (the first stage of the pipeline)."""
from corpus.load import find_plans, read_source, supported_suffixes
from corpus.model import Clause, Document, Locality, ParsedPlan, PlanError, SourceText, Target
from corpus.parse import document_id, parse_file, parse_source

__all__ = [
    "Clause", "Document", "Locality", "ParsedPlan", "PlanError", "SourceText", "Target",
    "document_id", "find_plans", "parse_file", "parse_source", "read_source", "supported_suffixes",
]
