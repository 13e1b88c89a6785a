"""The learned ranking and abstention model: weights fitted on gold questions, saved in the repo.

`retrieval/models/ranker.json` holds, for the ranker and for the abstention decision, the names of
the signals / evidence features it reads (declared in `retrieval.signals` and `retrieval.evidence`),
their standardisation, the logistic-regression weights (the ranker's may read each question's candidates
standardised within the question too: `within_question`), and for abstention the probability threshold
chosen on the development half. The same index and the same file give the same ranking. The file is
written by `planqa train` (`retrieval.train`) and names the gold sets, the cross-validated figures and
a version.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np

MODEL_PATH = Path(__file__).resolve().parent / "models" / "ranker.json"
FORMAT = 1
# A ranker per encoder family. The dense signals are the encoder's cosines, and a static model's are spread
# differently from e5's (`ranker.json` was fitted on e5's): an index built with the static model is ranked
# by the model trained on a static index of the same development plans, when there is one.
STATIC_MODEL_PATH = MODEL_PATH.with_name("ranker-static.json")


def model_path_for(encoder: str | None) -> Path:
    """Where the ranking model for indexes built with ``encoder`` lives (where `planqa train` writes it)."""
    from index.e5_static import is_static_name

    return STATIC_MODEL_PATH if encoder and is_static_name(encoder) else MODEL_PATH


def default_model_path(encoder: str | None) -> Path:
    """The ranking model an index built with ``encoder`` is read with: its own when trained, else e5's."""
    path = model_path_for(encoder)
    return path if path.is_file() else MODEL_PATH


class ModelError(Exception):
    """A missing or mismatched model file; one line."""


def _question_z(x: np.ndarray) -> np.ndarray:
    """Each column standardised within one question's candidate list (a column constant there gives 0)."""
    if len(x) == 0:
        return x
    sd = x.std(axis=0)
    ok = sd > 1e-9
    return np.where(ok, (x - x.mean(axis=0)) / np.where(ok, sd, 1.0), 0.0)


# How a linear model reads one question's candidate matrix before its own standardisation. "none": the signals
# as they are. "z+": the signals, then each signal standardised within the question's candidates: a cosine of
# 0.86 or a BM25 share of 0.4 means different things on different plans and questions, its place among the
# question's other candidates does not (benchmarks/results/ranker-variants.md).
WITHIN_QUESTION = {"none": lambda x: x, "z+": lambda x: np.hstack([x, _question_z(x)])}
WIDTH = {"none": 1, "z+": 2}  # columns per declared feature after the transform


def within_question(x: np.ndarray, mode: str) -> np.ndarray:
    """One question's [candidates × features] matrix as a model with per-question normalisation ``mode`` reads it.
    The rows must be all of one question's candidates: the transform reads them together."""
    return WITHIN_QUESTION[mode](x)


@dataclass(frozen=True)
class Linear:
    """Standardised features → logistic score."""

    features: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray
    bias: float
    within: str = "none"  # per-question normalisation of the features (`WITHIN_QUESTION`); "none" for abstention

    def logits(self, x: np.ndarray) -> np.ndarray:
        """Scores of rows of ``x``; with ``within`` other than "none" the rows are one question's candidates."""
        if x.size == 0:
            return np.zeros(x.shape[0])
        return self.standardised(x) @ self.weights + self.bias

    def standardised(self, x: np.ndarray) -> np.ndarray:
        """The rows of ``x`` as the weights read them (one value per `weight_names`): normalised within the question
        when ``within`` asks it, then centred and scaled."""
        return (within_question(x, self.within) - self.mean) / self.scale

    def weight_names(self) -> list[str]:
        """A name per weight: the features, then (for "z+") each feature within the question."""
        names = list(self.features)
        return names + [f"{n} (within question)" for n in self.features] if self.within == "z+" else names

    def probability(self, x: np.ndarray) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-self.logits(x)))

    def to_dict(self) -> dict:
        d = {"features": list(self.features), "mean": [round(float(v), 6) for v in self.mean],
             "scale": [round(float(v), 6) for v in self.scale],
             "weights": [round(float(v), 6) for v in self.weights], "bias": round(float(self.bias), 6)}
        if self.within != "none":
            d["within_question"] = self.within
        return d

    @classmethod
    def from_dict(cls, d: dict) -> "Linear":
        within = d.get("within_question", "none")
        if within not in WITHIN_QUESTION:
            raise ModelError(f"model reads its features by an unknown per-question normalisation {within!r}")
        n = len(d["features"]) * WIDTH[within]
        arrays = [np.asarray(d[k], dtype=np.float64) for k in ("mean", "scale", "weights")]
        if any(a.shape != (n,) for a in arrays):
            raise ModelError("model arrays do not match its feature list")
        return cls(tuple(d["features"]), *arrays, float(d["bias"]), within)


@dataclass(frozen=True)
class RankerModel:
    version: str
    ranker: Linear
    abstention: Linear
    threshold: float  # answer when the abstention probability is at least this
    info: dict  # what it was trained on, cross-validated figures (for people, not read by code)

    @classmethod
    def load(cls, path: Path | str = MODEL_PATH) -> "RankerModel":
        from retrieval.evidence import EVIDENCE
        from retrieval.signals import SIGNALS

        path = Path(path)
        try:
            d = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as e:
            raise ModelError(f"cannot read the ranking model {path}: {e}; train one with `planqa train`") from None
        if d.get("format") != FORMAT:
            raise ModelError(f"ranking model {path} has format {d.get('format')}, this planqa reads {FORMAT}")
        try:
            ranker, abstention = Linear.from_dict(d["ranker"]), Linear.from_dict(d["abstention"])
            threshold = float(d["threshold"])
        except (KeyError, TypeError, ValueError) as e:
            raise ModelError(f"ranking model {path} is incomplete ({e}); retrain with `planqa train`") from None
        unknown = [f for f in ranker.features if f not in SIGNALS] + [f for f in abstention.features if f not in EVIDENCE]
        if unknown:
            raise ModelError(f"ranking model {path} reads unknown features {', '.join(unknown)}; "
                             f"retrain with `planqa train`")
        if not 0.0 <= threshold <= 1.0 or math.isnan(threshold):
            raise ModelError(f"ranking model {path} has threshold {threshold} outside [0, 1]")
        return cls(str(d.get("version", "?")), ranker, abstention, threshold, d.get("info", {}))

    @classmethod
    def untrained(cls) -> "RankerModel":
        """Reads no feature and answers everything: what `planqa train` starts from to collect candidates."""
        empty = Linear((), np.zeros(0), np.ones(0), np.zeros(0), 0.0)
        return cls("untrained", empty, empty, 0.0, {})

    def save(self, path: Path | str = MODEL_PATH) -> None:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        d = {"format": FORMAT, "version": self.version, "ranker": self.ranker.to_dict(),
             "abstention": self.abstention.to_dict(), "threshold": round(self.threshold, 6), "info": self.info}
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(d, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        tmp.replace(path)
