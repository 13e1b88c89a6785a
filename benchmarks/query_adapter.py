"""A learned linear query adapter for the dense search: the question's embedding times a matrix, plus a bias.

The clause vectors stay the encoder's own (no re-embedding); only the question side moves: ``q' = norm(W q + b)``
with ``W`` a d×d matrix started at the identity. It is fitted on (question, relevant clause) pairs of the gold
sets with a contrastive loss — each question against its relevant clauses, the clauses the plain dense search
ranks high that are not relevant (hard negatives) and the other questions' relevant clauses (in-batch
negatives) — and an L2 pull of ``W`` towards the identity and ``b`` towards 0, so with little data it stays
near the plain search. Measured by `benchmarks/query_adapter_cv.py` (document-level CV on the development half,
benchmarks/results/query-adapter.md): it did not help the hybrid ranking of held-out plans, so it is not wired
into retrieval; the store's hook (`ClauseStore.use_query_adapter`) is what the measurement applies it through.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

import numpy as np


# knobs of the fit (benchmarks/query_adapter_cv.py measures them by document-level CV on the development half)
TEMPERATURE = 0.05  # softmax temperature over cosines: e5's cosines of one question sit within ~0.1 of each other
HARD_NEGATIVES = 50  # the plain dense search's top clauses (not relevant) each question is contrasted with
RANDOM_NEGATIVES = 1000  # clauses drawn from the whole index per batch: without them the adapter may lift clauses
# no question ever ranked high (none is ever a negative), and they flood a held-out question's top 5
IDENTITY_PULL = 0.01  # weight of ‖W − I‖² + ‖b‖² against the mean contrastive loss: keeps the adapter near the plain
# search. Document-level CV (benchmarks/results/query-adapter.md): 0.01 gained on held-out plans, 0.001 lost, 0.1–1 lost
DIAGONAL = True  # W = I + diag(s), one weight per dimension: a full d×d W fits the training plans (in-sample dense
# hit@5 0.81 → 0.97) and does not carry to held-out plans reliably (one fold of five loses 0.03); the diagonal
# gains in every fold (benchmarks/results/query-adapter.md)
BIAS = False  # a bias learns which clauses the training plans' answers are (a prior that lost held-out questions)
EPOCHS = 30  # passes over the training questions
BATCH = 32  # questions per step: their relevant clauses are each other's in-batch negatives
LEARNING_RATE = 1e-3  # Adam step size
SEED = 0  # batches are shuffled with this seed: the same gold sets give the same adapter


@dataclass(frozen=True)
class QueryAdapter:
    """``W`` (d×d) and ``b`` (d) for one encoder; ``apply`` maps a unit query vector to a unit vector."""

    version: str
    encoder: str  # the encoder name an index records (`manifest.model`): the only one this adapter fits
    weight: np.ndarray  # float32 d×d
    bias: np.ndarray  # float32 d
    info: dict = field(default_factory=dict)  # trained on, knobs, CV figures (for people, not read by code)

    @classmethod
    def identity(cls, encoder: str, dim: int) -> "QueryAdapter":
        """The adapter that changes nothing: what training starts from."""
        return cls("identity", encoder, np.eye(dim, dtype=np.float32), np.zeros(dim, dtype=np.float32))

    @property
    def dim(self) -> int:
        return int(self.weight.shape[0])

    def apply(self, vector: np.ndarray) -> np.ndarray:
        """``norm(W q + b)``: one d×d matrix-vector product."""
        v = self.weight @ np.asarray(vector, dtype=np.float32) + self.bias
        n = float(np.linalg.norm(v))
        return (v / n).astype(np.float32) if n > 0 else np.asarray(vector, dtype=np.float32)

# ----------------------------------------------------------------------------- training data


@dataclass(frozen=True)
class Pair:
    """One answerable gold question as the adapter learns from it."""

    id: str
    group: str  # the document it is about (held out together in CV)
    vector: np.ndarray  # the question's plain embedding (what the dense search embeds)
    relevant: tuple[int, ...]  # positions of the clauses covering its relevant lines
    hard: tuple[int, ...]  # the plain dense search's top clauses that are not relevant (within its plans' scope)
    scope: frozenset[str] | None = None  # the plans the question is scoped to (a place named), None: all


def pairs(retriever, gold_paths: Sequence[Path | str]) -> list[Pair]:
    """(question, relevant clauses, hard negatives) of every answerable question of the gold files whose
    relevant lines some clause covers. The vector and the scope are what `Retriever.candidates` uses, so the
    adapter learns on the question the dense search really embeds (marks restored, place scoped)."""
    from retrieval.evaluate import load_gold

    store = retriever.store
    by_source: dict[str, list[int]] = {}
    for p, c in enumerate(store.clauses):
        by_source.setdefault(c.source, []).append(p)
    out: list[Pair] = []
    for path in gold_paths:
        for g in load_gold(path):
            if not g.answerable:
                continue
            rel = sorted({p for r in g.relevant for p in by_source.get(r.source, ())
                          if store.clauses[p].lines[0] <= r.line <= store.clauses[p].lines[1]})
            if not rel:
                continue
            q = retriever.analyse(g.question)
            text = retriever.dense_text(q)
            scope = set(q.doc_filter) if q.doc_filter else None
            top = [p for p, _ in store.dense(text, HARD_NEGATIVES + len(rel), scope) if p not in rel]
            out.append(Pair(f"{Path(path).name}:{g.id}", g.relevant[0].source, store.query_vector(text).copy(),
                            tuple(rel), tuple(top[:HARD_NEGATIVES]), q.doc_filter or None))
    return out


# ----------------------------------------------------------------------------- fitting


def fit(train: Sequence[Pair], vectors: np.ndarray, encoder: str, *, temperature: float = TEMPERATURE,
        pull: float = IDENTITY_PULL, random_negatives: int = RANDOM_NEGATIVES, epochs: int = EPOCHS, batch: int = BATCH, lr: float = LEARNING_RATE,
        seed: int = SEED, bias: bool = BIAS, diagonal: bool = DIAGONAL) -> tuple[np.ndarray, np.ndarray]:
    """(W, b) minimising the mean multi-positive InfoNCE loss of the training questions plus
    ``pull · (‖W − I‖² + ‖b‖²)``. Each question's softmax runs over its batch's clauses: its own relevant and hard
    negatives, and the other questions' relevant and hard negatives (in-batch); a clause relevant to it is never
    its negative. Torch on the CPU, one thread: a few seconds for a thousand questions."""
    import torch

    torch.set_num_threads(1)
    gen = torch.Generator().manual_seed(seed)
    d = vectors.shape[1]
    scale = torch.zeros(d, dtype=torch.float32, requires_grad=True)  # the diagonal form: W = I + diag(scale)
    full = torch.eye(d, dtype=torch.float32, requires_grad=not diagonal)
    b = torch.zeros(d, dtype=torch.float32, requires_grad=bias)
    eye = torch.eye(d, dtype=torch.float32)
    opt = torch.optim.Adam([scale if diagonal else full] + ([b] if bias else []), lr=lr)
    qv = torch.tensor(np.stack([p.vector for p in train]), dtype=torch.float32)
    for _ in range(epochs):
        order = torch.randperm(len(train), generator=gen).tolist()
        for start in range(0, len(order), batch):
            idx = order[start:start + batch]
            cols = {c for i in idx for c in train[i].relevant + train[i].hard}
            if random_negatives:
                cols |= set(torch.randint(len(vectors), (random_negatives,), generator=gen).tolist())
            cols = sorted(cols)
            col_of = {c: j for j, c in enumerate(cols)}
            cv = torch.tensor(np.asarray(vectors[cols]), dtype=torch.float32)
            positive = torch.zeros(len(idx), len(cols), dtype=torch.bool)
            for r, i in enumerate(idx):
                positive[r, [col_of[c] for c in train[i].relevant]] = True
            W = torch.eye(d) + torch.diag(scale) if diagonal else full
            q = torch.nn.functional.normalize(qv[idx] @ W.T + b, dim=1)
            logits = q @ cv.T / temperature
            loss = (torch.logsumexp(logits, dim=1)
                    - torch.logsumexp(logits.masked_fill(~positive, float("-inf")), dim=1)).mean()
            loss = loss + pull * (((W - eye) ** 2).sum() + (b ** 2).sum())
            opt.zero_grad()
            loss.backward()
            opt.step()
    W = torch.eye(d) + torch.diag(scale) if diagonal else full
    return W.detach().numpy().astype(np.float32), b.detach().numpy().astype(np.float32)
