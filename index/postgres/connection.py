"""Connections that never leak a password, fail in one line, and come back after a lost connection."""
from __future__ import annotations

import logging
import threading
from typing import Any, Callable, TypeVar

from ..backend import redact
from ..store import IndexLoadError

log = logging.getLogger("planqa.postgres")
T = TypeVar("T")

# How long a connection attempt may take before we call the database unavailable.
CONNECT_TIMEOUT_SECONDS = 5
class DatabaseError(IndexLoadError):
    """The database is unreachable, refuses us, or holds no planqa index; one line, no credentials."""


def first_line(exc: BaseException, dsn: str | None = None) -> str:
    text = str(exc).strip()
    return redact(text.splitlines()[0] if text else type(exc).__name__, dsn)


def connect(dsn: str, *, autocommit: bool = True):
    """A psycopg connection, or ``DatabaseError`` naming the server without its password."""
    import psycopg

    try:
        return psycopg.connect(dsn, autocommit=autocommit, connect_timeout=CONNECT_TIMEOUT_SECONDS,
                               application_name="planqa")
    except psycopg.Error as exc:
        raise DatabaseError(f"cannot connect to PostgreSQL at {redact(dsn, dsn)}: {first_line(exc, dsn)}") from None


class Connection:
    """One connection shared by a reader's threads; a lost connection is reopened once per call.

    Queries are short and the lock keeps psycopg's one-statement-at-a-time rule; a server that
    went away mid-query costs one reconnect, and a server still down gives ``DatabaseError``.
    """

    def __init__(self, dsn: str, setup: Callable[[Any], None] | None = None) -> None:
        self.dsn = dsn
        self._setup = setup
        self._lock = threading.Lock()
        self._conn = self._open()

    def _open(self):
        conn = connect(self.dsn)
        if self._setup is not None:
            self._setup(conn)
        return conn

    def run(self, fn: Callable[[Any], T]) -> T:
        import psycopg

        with self._lock:
            for attempt in (1, 2):
                try:
                    if self._conn.closed:
                        self._conn = self._open()
                    return fn(self._conn)
                except psycopg.OperationalError as exc:
                    if attempt == 2:
                        raise DatabaseError(f"lost the connection to PostgreSQL at {redact(self.dsn, self.dsn)}: "
                                            f"{first_line(exc, self.dsn)}") from None
                    log.warning("PostgreSQL connection lost (%s); reconnecting", first_line(exc, self.dsn))
                    try:
                        self._conn.close()
                    except psycopg.Error:
                        pass
                    try:
                        self._conn = self._open()
                    except DatabaseError:
                        if attempt == 2:
                            raise
            raise AssertionError("unreachable")

    def close(self) -> None:
        with self._lock:
            self._conn.close()
