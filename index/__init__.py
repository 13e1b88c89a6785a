"""The index stage: ParsedPlans → FAISS + BM25 + clause store on disk, and search over it."""
from .build import BuildError, BuildReport, build_index, build_index_from_plans
from .encoder import Encoder, EncoderError, load_encoder
from .store import IndexLoadError, IndexStore

__all__ = [
    "BuildError",
    "BuildReport",
    "Encoder",
    "EncoderError",
    "IndexLoadError",
    "IndexStore",
    "build_index",
    "build_index_from_plans",
    "load_encoder",
]
