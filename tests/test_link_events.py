"""Reports of one event within and across documents grouped together (link/events.py, link/mentions.py):
hand-built documents (no parser), fictional names, linked in both orders."""

from __future__ import annotations

import dataclasses
import re

import pytest

from detente.link.mentions import find_mentions
from detente.link.text import Mention
from detente.records import DocResult, Event, Timex

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


def _state_phrases(text: str, when: str, value: str, precision: str
                   ) -> list[tuple[str, tuple[str, ...], str | None, str | None]]:
    """The phrases found in ``text`` whose one date is ``when``, with Anna Brisk (Valdorian) and the two states."""
    actors = [Mention(m.start(), m.end(), code, country) for name, code, country in (
        ("Anna Brisk", "person:anna-brisk", "XVL"), ("Valdoria", "XVL", "XVL"), ("Kestrava", "XKS", "XKS"))
        for m in re.finditer(name, text)]
    at = text.index(when)
    timex = Timex("d", when, at, at + len(when), value, precision, "published")  # type: ignore[arg-type]
    kinds = {"person:anna-brisk": "person", "XVL": "state", "XKS": "state"}
    event = HELD_SINCE.events[0]
    return [(m.text, m.categories, m.date, m.target) for m in find_mentions(
        "d", text, "2026-05-20", sorted(actors, key=lambda m: m.start), (timex,), [event], kinds)]


def test_a_state_held_since_a_date_names_the_act_that_began_it():
    assert _state_phrases("Kestrava says Anna Brisk, held in Ostmark since June, is ill.", "June", "2025-06",
                          "month") == [("Anna Brisk, held in Ostmark since June", ("COERCE",), "2025-06", "XVL")]
    assert _state_phrases("Anna Brisk, who has been under house arrest since October, was tried.", "October",
                          "2025-10", "month") == [("Anna Brisk, who has been under house arrest since October",
                                                   ("COERCE", "CONCEDE"), "2025-10", "XVL")]


@pytest.mark.parametrize("text, when", [
    ("Valdoria has held talks with Kestrava since June.", "June"),  # a clause's verb and its object
    ("Anna Brisk has lived in Ostmark since June.", "June"),  # no state of being held
    ("Anna Brisk met officials who were held in Ostmark in June.", "June"),  # no "since": no state lasting
])
def test_words_that_tell_no_state_held_since_a_date(text, when):
    assert _state_phrases(text, when, "2025-06", "month") == []


@pytest.mark.parametrize("order", [1, -1])
def test_a_state_since_a_date_is_a_further_report_of_the_act_that_began_it(tmp_path, order):
    moved = event_doc("A Kestrava court moved Anna Brisk from a cell to house arrest on 14 October.", "2025-10-15",
                      "CONCEDE", "XKS", "XVL", "moved", date="2025-10-14", cameo="081")
    text = "Valdoria protested as Anna Brisk, who has been under house arrest since October, went on trial."
    later = event_doc(text, "2026-05-20", "PROTEST", "XVL", "XKS", "protested", date="2026-05-20", cameo="114")
    doc_id = later.document.doc_id
    at = text.index("October")
    later = dataclasses.replace(later, timexes=(Timex(doc_id, "October", at, at + 7, "2025-10", "month", "published"),))
    store = linked(tmp_path, [moved, later][::order], f"state{order}")
    (report,) = [e for e in store.records("events") if e.category == "CONCEDE"]
    assert [o.text for o in report.also_reported_in] == ["Anna Brisk, who has been under house arrest since October"]


def test_a_phrase_may_agree_with_either_date_of_reports_that_disagree_on_it(tmp_path):
    # two outlets give the detention different days; the phrase's day is near the later one only
    first = event_doc("Valdorian police detained Kestravan students in Ostmark on 3 June.", "2025-06-04",
                      "COERCE", "XVL", "XKS", "detained", date="2025-06-03", cameo="173")
    second = event_doc("Valdorian police detained Kestravan students in Ostmark on 5 June.", "2025-06-06",
                       "COERCE", "XVL", "XKS", "detained", date="2025-06-05", cameo="173")
    text = "Kestrava summoned the Valdorian ambassador over the students detained in Ostmark on 8 June."
    later = event_doc(text, "2025-06-20", "PROTEST", "XKS", "XVL", "summoned", date="2025-06-20", cameo="114")
    at = text.index("8 June")
    later = dataclasses.replace(later, timexes=(
        Timex(later.document.doc_id, "8 June", at, at + 6, "2025-06-08", "day", "published"),))
    store = linked(tmp_path, [first, second, later], "disputed")
    assert sorted(o.text for e in store.records("events") if e.category == "COERCE" for o in e.also_reported_in
                  if o.doc_id == later.document.doc_id) == ["the students detained in Ostmark on 8 June"] * 2


def _phrases(text: str, timexes: tuple[tuple[str, str, str], ...] = ()) -> list[tuple[str, str | None]]:
    """The phrases found in ``text``, with the two states, Anna Brisk (Valdorian) and the town of Ostmark."""
    actors = [Mention(m.start(), m.end(), code, country) for name, code, country in (
        ("Valdoria", "XVL", "XVL"), ("Kestrava", "XKS", "XKS"), ("Anna Brisk", "person:anna-brisk", "XVL"),
        ("Ostmark", "place:ostmark", "XKS")) for m in re.finditer(name, text)]
    kinds = {"XVL": "state", "XKS": "state", "person:anna-brisk": "person", "place:ostmark": "place"}
    found = tuple(Timex("d", words, text.index(words), text.index(words) + len(words), value,
                        precision, "published") for words, value, precision in timexes)  # type: ignore[arg-type]
    return [(m.text, m.date) for m in find_mentions("d", text, "2025-06-20", sorted(actors, key=lambda m: m.start),
                                                    found, [HELD_SINCE.events[0]], kinds)]


def test_the_passive_of_a_nouns_own_act_tells_where_and_when():
    text = "Kestrava said the memorandum was signed in Ostmark on 18 March by Valdoria."
    assert _phrases(text, (("18 March", "2025-03-18", "day"),)) == [
        ("the memorandum was signed in Ostmark on 18 March by Valdoria", "2025-03-18")]
    # the passive of another act tells of another event ("the exercises were banned in May": not when they were)
    text = "Kestrava said the exercises were banned in May by Valdoria."
    assert _phrases(text, (("May", "2025-05", "month"),)) == [("the exercises", None)]


@pytest.mark.parametrize("order", [1, -1])
def test_a_phrase_naming_again_an_event_its_document_reports_joins_the_group_by_its_day(tmp_path, order):
    signed = event_doc("Kestrava and Valdoria signed a gas memorandum in Tarvel on 18 March.", "2025-03-19",
                       "SUPPORT", "XKS", "XVL", "signed", date="2025-03-18", cameo="057")
    text = "Valdoria and Kestrava signed a memorandum on Tuesday. The memorandum was signed on 18 March by Anna Brisk."
    doc = _reports_of(text.split(". ")[0] + ".", "2025-03-20", [("signed", "SUPPORT", "057", "XVL>XKS", "2025-03-18")])
    doc = dataclasses.replace(doc, document=dataclasses.replace(doc.document, text=text), actors=_actors(
        doc.document.doc_id, text), timexes=(Timex(doc.document.doc_id, "18 March", text.index("18 March"),
                                                   text.index("18 March") + 8, "2025-03-18", "day", "published"),))
    store = linked(tmp_path, [signed, doc][::order], f"day{order}")
    (report,) = [e for e in store.records("events") if e.doc_id == signed.document.doc_id]
    assert [o.text for o in report.also_reported_in] == [
        "Valdoria and Kestrava signed a memorandum on Tuesday.", "The memorandum was signed on 18 March by Anna Brisk"]


def test_a_promise_made_in_a_place_names_the_occasion_there():
    assert _phrases("Kestrava recalled the commitment made by Anna Brisk in Ostmark.") == [
        ("the commitment made by Anna Brisk in Ostmark", None)]
    # made nowhere said, or no promise made: no occasion
    assert _phrases("Kestrava recalled the commitment made by Anna Brisk.") == []
    assert _phrases("Kestrava recalled the commitment of Anna Brisk in Ostmark.") == []


@pytest.mark.parametrize("order", [1, -1])
def test_a_promise_made_in_a_place_is_a_further_report_of_the_meeting_there(tmp_path, order):
    meeting = event_doc("Anna Brisk of Valdoria met Kestrava officials in Ostmark on 16 October.", "2025-10-17",
                        "CONSULT", "XVL", "XKS", "met", date="2025-10-16", cameo="040")
    later = event_doc("Kestrava said Valdoria kept the commitment made by Anna Brisk in Ostmark.", "2025-12-01",
                      "SUPPORT", "XKS", "XVL", "said", date="2025-12-01", cameo="051")
    store = linked(tmp_path, [meeting, later][::order], f"occasion{order}")
    (report,) = [e for e in store.records("events") if e.category == "CONSULT"]
    assert [o.text for o in report.also_reported_in] == ["the commitment made by Anna Brisk in Ostmark"]


def _phrase_words(text: str, published: str) -> list[tuple[str, str | None, list[str]]]:
    actors = [Mention(m.start(), m.end(), code, country) for name, code, country in (
        ("Valdoria", "XVL", "XVL"), ("Kestrava", "XKS", "XKS"), ("Anna Brisk", "person:anna-brisk", "XVL"))
        for m in re.finditer(name, text)]
    kinds = {"XVL": "state", "XKS": "state", "person:anna-brisk": "person"}
    return [(m.text, m.date, sorted(m.words)) for m in find_mentions(
        "d", text, published, sorted(actors, key=lambda m: m.start), (), [HELD_SINCE.events[0]], kinds)]


def test_a_personal_possessive_names_the_person_its_sentence_named_before_it():
    assert _phrase_words("Anna Brisk is still in Ostmark after her detention.", "2025-08-01") == [
        ("her detention", None, ["@person:anna-brisk", "detention"])]
    assert _phrase_words("Kestrava protested after their detention.", "2025-08-01") == [
        ("their detention", None, ["detention"])]


@pytest.mark.parametrize("text, year", [
    ("Anna Brisk remains under house arrest, more than a year after her detention.", "2025"),
    ("Anna Brisk remains under house arrest, two years after her detention.", "2024"),
    ("Anna Brisk remains under house arrest after her detention.", None),
])
def test_years_after_an_event_date_its_phrase(text, year):
    assert [when for _, when, _ in _phrase_words(text, "2026-08-05")] == [year]


@pytest.mark.parametrize("order", [1, -1])
def test_his_detention_a_year_later_is_a_further_report_of_it(tmp_path, order):
    detained = event_doc("Kestravan police detained Anna Brisk in Ostmark on 3 June.", "2025-06-04",
                         "COERCE", "XKS", "XVL", "detained", date="2025-06-03", cameo="173")
    text = "Valdoria protested that Anna Brisk remains under house arrest, more than a year after her detention."
    later = event_doc(text, "2026-08-05", "PROTEST", "XVL", "XKS", "protested", date="2026-08-05", cameo="114")
    store = linked(tmp_path, [detained, later][::order], f"his{order}")
    (report,) = [e for e in store.records("events") if e.category == "COERCE"]
    assert [o.text for o in report.also_reported_in] == ["her detention"]


@pytest.mark.parametrize("order", [1, -1])
@pytest.mark.parametrize("later_published, linked_together", [
    ("2026-02-11", True),  # the next year, within REFER_BACK_DAYS
    ("2027-06-01", False),  # too long after
])
def test_a_report_dated_by_its_year_names_an_undated_report_of_an_article_of_that_year(
        tmp_path, order, later_published, linked_together):
    undated = event_doc("Valdoria released the eleven Kestravan students detained in Ostmark.", "2025-10-16",
                        "RETREAT", "XVL", "XKS", "released", cameo="0841")
    later = event_doc("In 2025 Valdoria released eleven detained Kestravan students.", later_published,
                      "RETREAT", "XVL", "XKS", "released", date="2025", cameo="0841")
    groups = _groups(linked(tmp_path, [undated, later][::order], f"year{order}{linked_together}"))
    together = [["In 2025 Valdoria rel", "Valdoria released th"], ["Valdoria released th", "In 2025 Valdoria rel"]]
    apart = [["In 2025 Valdoria rel"], ["Valdoria released th"]]
    assert groups == (together if linked_together else apart)


def test_a_report_dated_by_another_year_stays_apart(tmp_path):
    undated = event_doc("Valdoria released the eleven Kestravan students detained in Ostmark.", "2025-10-16",
                        "RETREAT", "XVL", "XKS", "released", cameo="0841")
    later = event_doc("In 2024 Valdoria released eleven detained Kestravan students.", "2026-02-11",
                      "RETREAT", "XVL", "XKS", "released", date="2024", cameo="0841")
    assert _groups(linked(tmp_path, [undated, later], "other-year")) == [["In 2024 Valdoria rel"],
                                                                          ["Valdoria released th"]]



@pytest.mark.parametrize("order", [1, -1])
def test_a_sentence_telling_a_report_again_in_its_own_document_stays_with_its_group(tmp_path, order):
    # extraction counts "the ambassador was recalled" once, with its second sentence as a further report of it;
    # linked with another document's report, the group keeps that sentence
    text = ("Valdoria recalled its ambassador from Ostmark on Monday. "
            "Ambassador Anna Brisk had been recalled for consultations.")
    first = _reports_of(text, "2025-06-03", [("recalled", "SANCTION", "161", "XVL>XKS", "2025-06-02"),
                                             ("recalled", "SANCTION", "161", "XVL>XKS", "2025-06-02")]).events[0]
    retold = span(first.doc_id, text, "Ambassador Anna Brisk had been recalled for consultations.")
    doc = DocResult(document=_document(text, "2025-06-03"), actors=_actors(first.doc_id, text),
                    events=(dataclasses.replace(first, also_reported_in=(retold,)),))
    later = event_doc("Kestrava regrets the recall of the Valdorian ambassador on 2 June.", "2025-06-10",
                      "SANCTION", "XVL", "XKS", "recall", date="2025-06-02", cameo="161")
    store = linked(tmp_path, [doc, later][::order], f"retold{order}")
    assert _groups(store) == [["Kestrava regrets the", "Ambassador Anna Bris", "Valdoria recalled it"],
                              ["Valdoria recalled it", "Ambassador Anna Bris", "Kestrava regrets the"]]


def test_the_body_deciding_on_a_case_tells_which_case_a_phrase_names():
    text = "Valdoria protested, and the arbitration panel of the Ostmark Council is not expected to rule on " \
           "Kestrava's complaint before May."
    assert _phrase_words(text, "2025-10-08") == [
        ("Kestrava's complaint", None, ["arbitr", "complaint", "council", "ostmark", "panel"])]
    # without a verb of deciding on it, the clause before tells nothing of the complaint
    text = "Valdoria protested, and the arbitration panel of the Ostmark Council met after Kestrava's complaint."
    assert _phrase_words(text, "2025-10-08") == [("Kestrava's complaint", None, ["complaint"])]


@pytest.mark.parametrize("order", [1, -1])
def test_a_phrase_its_document_coded_with_another_side_names_the_act_of_another_documents_pair(tmp_path, order):
    # the later article codes "Kestrava's complaint" as aimed at a third state (its report's target taken for it);
    # the phrase, filed under each pair of its document with Kestrava, names the complaint another article reports
    filed = event_doc("Kestrava filed a complaint with the arbitration panel of the Customs Council on 29 July.",
                      "2025-07-30", "ACCUSE", "XKS", "XVL", "complaint", date="2025-07-29", cameo="114")
    text = ("Valdoria recalled its envoy from Ostmark. "
            "The arbitration panel of the Customs Council is not expected to rule on Kestrava's complaint soon.")
    later = _reports_of(text, "2025-10-08", [("recalled", "SANCTION", "161", "XVL>XKS", None),
                                             ("complaint", "ACCUSE", "114", "XKS>XSR", None)])
    store = linked(tmp_path, [filed, later][::order], f"ruling{order}")
    (report,) = [e for e in store.records("events") if e.doc_id == filed.document.doc_id]
    assert [o.text for o in report.also_reported_in] == ["Kestrava's complaint"]


@pytest.mark.parametrize("order", [1, -1])
def test_an_agreement_an_article_tells_twice_is_one_report_of_it(tmp_path, order):
    # the article tells the signing twice (the second time with its day); one later article names the agreement by
    # its subject, another by its place: all one agreement
    text = ("Anna Brisk was in Ostmark to sign a separate agreement on travel. "
            "The travel agreement was signed on Monday by Anna Brisk and Kestrava.")
    first = _reports_of(text, "2025-12-02", [("sign", "SUPPORT", "057", "XVL>XKS", None),
                                             ("agreement", "SUPPORT", "057", "XVL>XKS", "2025-12-01")])
    subject = event_doc("Kestrava and Valdoria agreed on visa-free travel in December.", "2026-03-20",
                        "AGREE", "XKS", "XVL", "agreed", date="2025-12", cameo="030")
    place = event_doc("Kestrava will open its border to Valdorian hauliers, as agreed in Ostmark.", "2026-03-12",
                      "AGREE", "XKS", "XVL", "agreed", date="2025-12", cameo="030")
    store = linked(tmp_path, [first, subject, place][::order], f"twice{order}")
    assert {len(e.also_reported_in) for e in store.records("events")} == {3}


def test_two_agreements_an_article_tells_are_two(tmp_path):
    text = ("Anna Brisk was in Ostmark to sign an agreement on energy. "
            "The travel agreement was signed on Monday by Anna Brisk and Kestrava.")
    first = _reports_of(text, "2025-12-02", [("sign", "SUPPORT", "057", "XVL>XKS", None),
                                             ("agreement", "SUPPORT", "057", "XVL>XKS", "2025-12-01")])
    store = linked(tmp_path, [first], "two")
    assert [len(e.also_reported_in) for e in store.records("events")] == [0, 0]


@pytest.mark.parametrize("order", [1, -1])
def test_of_two_reports_agreeing_as_well_with_a_third_the_one_of_its_act_goes_with_it(tmp_path, order):
    text = "Kestrava remains committed to lifting visas for Valdorian citizens, as agreed in December."
    doc = _document(text, "2026-03-12")
    evidence = span(doc.doc_id, text, text)
    events = tuple(Event(f"e{i}-{doc.doc_id}", doc.doc_id, "AGREE", cameo, "XKS", "XVL", "XKS", "XVL", "2025-12", None,
                         "asserted", 1.0, evidence, trigger=span(doc.doc_id, text, trigger))
                   for i, (trigger, cameo) in enumerate((("agreed", "030"), ("lifting", "0351"))))
    both = DocResult(document=doc, actors=_actors(doc.doc_id, text), events=events)
    lift = event_doc("Kestrava would lift visas for Valdorian citizens, Anna Brisk said.", "2025-12-02",
                     "AGREE", "XKS", "XVL", "lift", cameo="0351")
    store = linked(tmp_path, [both, lift][::order], f"closer{order}")
    (grouped,) = [e for e in store.records("events") if e.doc_id == doc.doc_id and e.also_reported_in]
    assert grouped.trigger.text == "lifting"


@pytest.mark.parametrize("order", [1, -1])
def test_a_verbs_forms_meet_its_base_form(tmp_path, order):
    # "taking" and "take" are one word ("take" keeps the silent "e" its "-ing" form drops): the two reports share
    # the host, the bridge and the act; without the verb, two words of six are too few
    text = "The host told viewers the army could take the bridge within hours, and no neighbour would object."
    said = event_doc(text, "2025-07-02", "THREATEN", "XVL", "XKS", "take", date="2025-07-01", cameo="138")
    mused = event_doc("The host mused on evening television about taking the bridge.", "2025-07-20",
                      "THREATEN", "XVL", "XKS", "taking", cameo="1382")
    assert _groups(linked(tmp_path, [said, mused][::order], f"forms{order}")) == [
        ["The host mused on ev", "The host told viewer"], ["The host told viewer", "The host mused on ev"]]


@pytest.mark.parametrize("order", [1, -1])
def test_words_coded_alike_at_a_code_the_codebook_divides_further_name_no_one_act(tmp_path, order):
    # "blamed" and "charged" both coded 112 (accuse), which CAMEO divides into accusations of crime, aggression,
    # espionage …: an accusation over shelling and one over tariffs share that code and "border", and are two acts
    shelling = event_doc("Kestrava blamed Valdoria for the border shelling of 3 June.", "2025-06-04",
                         "ACCUSE", "XKS", "XVL", "blamed", date="2025-06-03", cameo="112")
    tariffs = event_doc("Kestrava charged that Valdoria's new border tariffs were illegal.", "2025-09-01",
                        "ACCUSE", "XKS", "XVL", "charged", cameo="112")
    assert _groups(linked(tmp_path, [shelling, tariffs][::order], f"narrower{order}")) == [
        ["Kestrava blamed Vald"], ["Kestrava charged tha"]]


@pytest.mark.parametrize("order", [1, -1])
def test_two_agreements_of_different_topics_an_article_tells_stay_two(tmp_path, order):
    # the signers' words ("the ministers") name no agreement, and a trade agreement is not a travel agreement
    text = ("The ministers signed a trade agreement in Ostmark. "
            "The ministers also signed a travel agreement there.")
    first = _reports_of(text, "2025-12-02", [("signed", "SUPPORT", "057", "XVL>XKS", "2025-12-01"),
                                             ("signed", "SUPPORT", "057", "XVL>XKS", None)])
    later = event_doc("Valdoria and Kestrava signed a trade agreement in Ostmark on 1 December.", "2025-12-05",
                      "SUPPORT", "XVL", "XKS", "signed", date="2025-12-01", cameo="057")
    store = linked(tmp_path, [first, later][::order], f"two{order}")
    assert _groups(store) == [["The ministers also s"], ["The ministers signed", "Valdoria and Kestrav"],
                              ["Valdoria and Kestrav", "The ministers signed"]]


def _with_people(text: str, published: str, reports: list[tuple[str, str, str, str, str, str | None]]) -> DocResult:
    """A document with one report per sentence: (trigger, category, cameo, source, target, date); a person's state
    is Valdoria's."""
    doc = _document(text, published)
    sentences = [s if s.endswith(".") else s + "." for s in text.split(". ")]
    events = []
    for i, (sentence, (trigger, category, cameo, source, target, when)) in enumerate(
            zip(sentences, reports, strict=True)):
        evidence = span(doc.doc_id, text, sentence)
        at = text.index(trigger, evidence.start)
        country = {"person:anna-brisk": "XVL"}.get(source, source)
        events.append(Event(f"e{i}-{doc.doc_id}", doc.doc_id, category, cameo, source, target, country, target, when,
                            None, "asserted", 1.0, evidence,
                            trigger=dataclasses.replace(evidence, start=at, end=at + len(trigger), text=trigger)))
    return DocResult(document=doc, actors=_actors(doc.doc_id, text), events=tuple(events))


ACKNOWLEDGED = _with_people(
    "Valdoria and Kestrava held talks in Ostmark on 9 October 2025. Everyone recalls the talks in Ostmark, where "
    "Anna Brisk made a statement many read as an acknowledgment of responsibility for the shooting.", "2026-02-01",
    [("talks", "CONSULT", "040", "XVL", "XKS", "2025-10-09"),
     ("acknowledgment", "CONCEDE", "015", "person:anna-brisk", "XKS", "2025-10-09")])


@pytest.mark.parametrize("order", [1, -1])
def test_one_persons_acts_of_one_kind_at_one_meeting_are_one_act_whatever_the_words(tmp_path, order):
    apologized = _with_people(
        "Valdoria and Kestrava met in October. Anna Brisk apologized to the Kestravan side for the deaths of guards.",
        "2025-11-20", [("met", "CONSULT", "040", "XVL", "XKS", "2025-10"),
                       ("apologized", "CONCEDE", "055", "person:anna-brisk", "XKS", "2025-10")])
    store = linked(tmp_path, [ACKNOWLEDGED, apologized][::order], f"meeting{order}")
    (report,) = [e for e in store.records("events") if e.trigger.text == "apologized"]
    assert [o.text[:22] for o in report.also_reported_in] == ["Everyone recalls the t"]


@pytest.mark.parametrize(("meeting_month", "person"), [
    ("2025-09", "person:anna-brisk"),  # the apology's article tells a meeting of another month: not dated by it
    ("2025-10", "XVL"),  # the state, no person: the words must agree
])
def test_acts_not_both_a_persons_at_one_meeting_need_words_in_common(tmp_path, meeting_month, person):
    apologized = _with_people(
        "Valdoria and Kestrava met earlier. Anna Brisk apologized to the Kestravan side for the deaths of guards.",
        "2025-11-20", [("met", "CONSULT", "040", "XVL", "XKS", meeting_month),
                       ("apologized", "CONCEDE", "055", person, "XKS", "2025-10")])
    store = linked(tmp_path, [ACKNOWLEDGED, apologized], f"apart-{meeting_month}-{person}")
    (report,) = [e for e in store.records("events") if e.trigger.text == "apologized"]
    assert report.also_reported_in == ()


def test_the_light_verb_naming_an_act_is_no_context_two_reports_share(tmp_path):
    # both "expressed condolences": the verb is part of how the act is named, and the two share nothing else near
    # it (before: linked through "expressed", the October condolences with those told of the first days)
    october = event_doc("Valdoria expressed condolences to the families of the three guards killed on the bridge, the "
                        "presidency said in October.", "2025-10-20", "SUPPORT", "XVL", "XKS", "condolences",
                        date="2025-10", cameo="018")
    undated = event_doc("At first officials of Valdoria expressed condolences, spoke of an inquiry having been opened "
                        "and promised Kestrava to clarify everything.", "2025-11-30", "SUPPORT", "XVL", "XKS",
                        "condolences", cameo="018")
    store = linked(tmp_path, [october, undated], "light")
    assert [e.also_reported_in for e in store.records("events")] == [(), ()]


def test_reports_dated_months_apart_are_not_made_one_through_an_undated_one(tmp_path):
    # the court's extending the detention in August is an act of its own, though the undated report of the
    # reporters' custody is like both (before: chained into one group with the June detention)
    june = event_doc("Kestrava detained two Valdorian reporters in Ostmark on 3 June.", "2025-06-04",
                     "COERCE", "XKS", "XVL", "detained", date="2025-06-03", cameo="173")
    august = event_doc("A court in Ostmark extended the detention of the two Valdorian reporters in August.",
                       "2025-09-02", "COERCE", "XKS", "XVL", "detention", date="2025-08", cameo="173")
    undated = event_doc("The two Valdorian reporters remain in detention in Ostmark, Kestrava said.", "2025-09-10",
                        "COERCE", "XKS", "XVL", "detention", cameo="173")
    store = linked(tmp_path, [june, august, undated], "months")
    groups = {e.evidence.text[:12]: sorted(o.text[:12] for o in e.also_reported_in) for e in store.records("events")}
    assert "Kestrava det" not in groups["A court in O"]


def test_reports_read_the_other_way_round_need_words_of_their_own_clause_in_common(tmp_path):
    # a list of acts: the students' detention shares "reporters" and "impounded" only with the other clauses
    # (before: linked, sides reversed, with the reporters' detention)
    listed = event_doc("Within a month Kestrava had arrested two Valdorian reporters, Valdoria had impounded lorries "
                       "and detained Kestravan students.", "2025-12-01", "COERCE", "XVL", "XKS", "detained",
                       cameo="173")
    reporters = event_doc("The lorries were impounded in June, a day after Kestrava detained two Valdorian reporters "
                          "in Ostmark.", "2025-07-01", "COERCE", "XKS", "XVL", "detained", date="2025-06",
                          cameo="173")
    store = linked(tmp_path, [listed, reporters], "reversed")
    assert [e.also_reported_in for e in store.records("events")] == [(), ()]
