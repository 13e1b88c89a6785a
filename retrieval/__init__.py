"""Question → ranked clauses → cited answer (the third stage of the pipeline).

The errors re-exported here are the ones a caller of `Retriever.load` handles
(bot/ imports them from here, never from index/).
"""
from index import EncoderError, IndexLoadError
from retrieval.contract import AskResponse, Citation, Result
from retrieval.search import MODES, Retriever

__all__ = ["AskResponse", "Citation", "EncoderError", "IndexLoadError", "MODES", "Result", "Retriever"]
