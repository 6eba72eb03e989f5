"""Reports of one event within and across documents grouped together (link/events.py, link/mentions.py):
hand-built documents (no parser), fictional names, linked in both orders."""

from __future__ import annotations

import dataclasses

import pytest

from detente.records import DocResult, Event

from .factories import span
from .test_link_rules import _actors, _document, event_doc, linked


def _reports_of(text: str, published: str, reports: list[tuple[str, str, str, str, str | None]]) -> DocResult:
    """A document with one report per sentence: (trigger, category, cameo, source>target, date)."""
    doc = _document(text, published)
    sentences = [s if s.endswith(".") else s + "." for s in text.split(". ")]
    events = []
    for i, (sentence, (trigger, category, cameo, sides, when)) in enumerate(zip(sentences, reports, strict=True)):
        evidence = span(doc.doc_id, text, sentence)
        at = text.index(trigger, evidence.start)
        source, target = sides.split(">")
        events.append(Event(f"e{i}-{doc.doc_id}", doc.doc_id, category, cameo, source, target, source, target, when,
                            None, "asserted", 1.0, evidence,
                            trigger=dataclasses.replace(evidence, start=at, end=at + len(trigger), text=trigger)))
    return DocResult(document=doc, actors=_actors(doc.doc_id, text), events=tuple(events))


def _groups(store) -> list[list[str]]:
    """Each linked report's first words with those of the other reports of its group."""
    return sorted([e.evidence.text[:20], *sorted(o.text[:20] for o in e.also_reported_in)]
                  for e in store.records("events"))


DETAINED = ("Kestrava detained two Valdorian employees of a broadcaster on Tuesday. "
            "A court in Ostmark ordered both reporters held.")
HELD_SINCE = event_doc("Kestravan police in Ostmark have held two Valdorian reporters since 3 June.", "2025-06-20",
                       "COERCE", "XKS", "XVL", "held", date="2025-06-03", cameo="173")


@pytest.mark.parametrize("order", [1, -1])
def test_a_documents_second_report_of_the_same_act_joins_the_group_of_its_first(tmp_path, order):
    # the court's order (Wednesday) and the detention (Tuesday) both match the later report; clustering takes one
    # report per document, and the other joins: same act, same sides, a day apart, and it matches the later report
    doc = _reports_of(DETAINED, "2025-06-05", [("detained", "COERCE", "173", "XKS>XVL", "2025-06-03"),
                                               ("held", "COERCE", "173", "XKS>XVL", "2025-06-04")])
    store = linked(tmp_path, [doc, HELD_SINCE][::order], f"repeated{order}")
    assert _groups(store) == [
        ["A court in Ostmark o", "Kestrava detained tw", "Kestravan police in "],
        ["Kestrava detained tw", "A court in Ostmark o", "Kestravan police in "],
        ["Kestravan police in ", "A court in Ostmark o", "Kestrava detained tw"]]


@pytest.mark.parametrize("second", [
    ("held", "COERCE", "173", "XKS>XVL", "2025-06-12"),  # a week and more apart: another detention
    ("held", "COERCE", "1711", "XKS>XVL", "2025-06-04"),  # another act of the type (confiscating property)
    ("held", "COERCE", "173", "XKS>XVL", "2025"),  # a year says too little
])
def test_a_documents_other_report_of_another_act_or_time_stays_apart(tmp_path, second):
    doc = _reports_of(DETAINED, "2025-06-05", [("detained", "COERCE", "173", "XKS>XVL", "2025-06-03"), second])
    store = linked(tmp_path, [doc, HELD_SINCE], "apart")
    assert [len(e.also_reported_in) for e in store.records("events")].count(2) == 0


SIGNED = event_doc("Valdoria and Kestrava signed a deal on transit fees in Ostmark on 20 February.", "2025-02-21",
                   "SUPPORT", "XVL", "XKS", "signed", date="2025-02-20", cameo="057")


@pytest.mark.parametrize("order", [1, -1])
def test_signing_an_agreement_and_agreeing_on_it_are_one_event(tmp_path, order):
    agreed = event_doc("Kestrava agreed with Valdoria in February on transit fees for lorries.", "2025-03-10",
                       "AGREE", "XKS", "XVL", "agreed", date="2025-02", cameo="030")
    store = linked(tmp_path, [SIGNED, agreed][::order], f"signed{order}")
    assert _groups(store) == [["Kestrava agreed with", "Valdoria and Kestrav"],
                              ["Valdoria and Kestrav", "Kestrava agreed with"]]
    # the group is counted once in the dyad index
    assert [(d.period, d.events) for d in store.records("dyads")] == [("2025-02", 1)]


def test_an_offer_of_the_type_of_agreeing_is_no_signing(tmp_path):
    offered = event_doc("Kestrava offered Valdoria in February to cut transit fees for lorries.", "2025-03-10",
                        "AGREE", "XKS", "XVL", "offered", date="2025-02", cameo="030")
    assert _groups(linked(tmp_path, [SIGNED, offered], "offered")) == [["Kestrava offered Val"],
                                                                      ["Valdoria and Kestrav"]]


@pytest.mark.parametrize("order", [1, -1])
def test_a_phrase_naming_again_an_event_its_document_reports_joins_the_group_by_two_names(tmp_path, order):
    talks = event_doc("Valdoria and Kestrava held talks in Ostmark led by Anna Brisk on 16 October.", "2025-10-17",
                      "CONSULT", "XVL", "XKS", "talks", date="2025-10-16", cameo="040")
    text = ("Anna Brisk of Valdoria met Kestrava officials on Thursday. "
            "Kestrava praised the meeting with Anna Brisk in Ostmark.")
    again = _reports_of(text, "2025-10-18", [("met", "CONSULT", "040", "XVL>XKS", "2025-10-16"),
                                             ("praised", "SUPPORT", "051", "XKS>XVL", None)])
    store = linked(tmp_path, [talks, again][::order], f"again{order}")
    (report,) = [e for e in store.records("events") if e.evidence.text.startswith("Valdoria and")]
    assert [o.text for o in report.also_reported_in] == [
        "Anna Brisk of Valdoria met Kestrava officials on Thursday.", "the meeting with Anna Brisk in Ostmark"]
