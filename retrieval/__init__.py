"""Question → ranked clauses → cited answer (the third stage of the pipeline).

Thread-safety contract: `Retriever.ask` (and `documents`, `outline`, `clause`, and the
`catalog.Catalog` views) may be called from many threads at once without a lock. A loaded
index is immutable, and everything retrieval caches is a pure function of it, under one policy:

- precomputed at load (`Retriever.units`, the rarity weights), or
- a whole table filled on first use by `functools.cached_property` (per plan or per clause:
  `Retriever.clause_table`, `_title_pairs`, `_place_names`, `_directors`,
  `_lead_takers`, `_lead_positions`; `Evidence._abbreviation_table`, `Evidence._initials`), or
- `functools.lru_cache` with a stated bound where the key comes from a question (a catalog's
  indicator words: one per spelling; the long form of a code a question writes,
  `Evidence.initials_long_form`, `evidence.INITIALS_CACHE`;
  the store's query vectors: `index.backend.QUERY_VECTORS_KEPT`) or from the index's own values
  (`Retriever.lead_segments`: one per unit the plans name).

Every cache is an attribute of the object that owns the index (the `Retriever`, its `Evidence`,
its store), never a module-level cache: a reload or an upload that replaces the retriever lets
the old index's clauses go with it (tests/test_cache_owner.py).

No cache is a dict written from a request, none needs a lock: a race can at worst compute a
value twice, never observe a half-built one. Per-question state lives on the `Question` of that
call only. The locks that remain guard state that does change — `library.Library`'s job list and
its one-build-at-a-time queue — not caches. `evidence.Evidence` keeps its per-clause and per-plan
word sets in lru_caches bounded by the number of clauses and plans. tests/test_concurrency.py proves the contract
(8 threads × 30 questions on a cold retriever = the sequential answers; the same for the
catalog's comparisons).

The errors re-exported here are the ones a caller of `Retriever.load` handles, and
`is_dsn` / `redact` tell a database target from a folder and hide its password
(bot/ imports them from here, never from index/).
"""
from index import EncoderError, IndexLoadError
from index.backend import is_dsn, redact
from retrieval.contract import AskResponse, Citation, Result
from retrieval.ranker import ModelError
from retrieval.search import RETRIEVAL_MODES, Retriever

__all__ = ["AskResponse", "Citation", "EncoderError", "IndexLoadError", "ModelError", "RETRIEVAL_MODES", "Result",
           "Retriever", "is_dsn", "redact"]
