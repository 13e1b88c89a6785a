"""An optional vector cache shared across index directories.

Each index already reuses its own vectors on rebuild. Building a *fresh*
index of the same plans (test sessions, a second index dir, CI) would still
embed everything again — minutes on a 2-core box. Setting
``PLANQA_VECTOR_CACHE=DIR`` keeps every passage vector in ``DIR/vectors.sqlite``
under the same key the index uses, sha1(model + passage text), so any build
on this machine embeds a passage at most once.
"""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Iterable, Mapping

import numpy as np

ENV = "PLANQA_VECTOR_CACHE"


class VectorCache:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._db = sqlite3.connect(str(path), timeout=60)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("CREATE TABLE IF NOT EXISTS vectors (key TEXT PRIMARY KEY, vec BLOB NOT NULL)")
        self._db.commit()

    @classmethod
    def from_env(cls) -> "VectorCache | None":
        """The cache named by ``$PLANQA_VECTOR_CACHE`` (a directory), or None when unset."""
        d = os.environ.get(ENV, "").strip()
        return cls(Path(d).expanduser() / "vectors.sqlite") if d else None

    def get_many(self, keys: Iterable[str], dim: int | None = None) -> dict[str, np.ndarray]:
        """Cached vectors for ``keys`` (rows of another dimension are ignored)."""
        keys = list(keys)
        out: dict[str, np.ndarray] = {}
        for start in range(0, len(keys), 500):
            chunk = keys[start:start + 500]
            marks = ",".join("?" * len(chunk))
            for key, blob in self._db.execute(f"SELECT key, vec FROM vectors WHERE key IN ({marks})", chunk):
                vec = np.frombuffer(blob, dtype=np.float32)
                if dim is None or vec.shape[0] == dim:
                    out[key] = vec
        return out

    def put_many(self, items: Mapping[str, np.ndarray]) -> None:
        with self._db:
            self._db.executemany("INSERT OR REPLACE INTO vectors (key, vec) VALUES (?, ?)",
                                 [(k, np.asarray(v, dtype=np.float32).tobytes()) for k, v in items.items()])

    def __len__(self) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM vectors").fetchone()[0])

    def close(self) -> None:
        self._db.close()
