"""Question → ranked clauses → cited answer (the third stage of the pipeline).

Thread-safety contract: `Retriever.ask` (and `documents`, `outline`, `clause`) may be
called from many threads at once without a lock. A loaded index is immutable, and
everything a retriever caches is a pure function of it: precomputed at load, or
filled lazily through `functools.cached_property` / `functools.lru_cache`, so a
race can at worst compute a value twice, never observe a half-built one. Per-question
state lives on the `Question` of that call only. tests/test_concurrency.py proves it
(8 threads × 30 questions on a cold retriever = the sequential answers).

The errors re-exported here are the ones a caller of `Retriever.load` handles, and
`is_dsn` / `redact` tell a database target from a folder and hide its password
(bot/ imports them from here, never from index/).
"""
from index import EncoderError, IndexLoadError
from index.backend import is_dsn, redact
from retrieval.contract import AskResponse, Citation, Result
from retrieval.ranker import ModelError
from retrieval.search import MODES, Retriever

__all__ = ["AskResponse", "Citation", "EncoderError", "IndexLoadError", "MODES", "ModelError", "Result", "Retriever",
           "is_dsn", "redact"]
