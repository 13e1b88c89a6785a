"""Question → ranked clauses → cited answer (the third stage of the pipeline)."""
from retrieval.contract import AskResponse, Citation, Result
from retrieval.search import MODES, Retriever

__all__ = ["AskResponse", "Citation", "MODES", "Result", "Retriever"]
