"""Phrases that refer back to an event ("the shooting on the Ostmark bridge"): further reports of the
event group they name, never events of their own. Hand-built documents (no parser), fictional names,
linked in both orders."""

from __future__ import annotations

import dataclasses
import json

import pytest

from detente.link import link
from detente.link.mentions import find_mentions, names_other_act, noun_categories, puts_work_into_service
from detente.link.text import Mention, words
from detente.records import DocResult, Event, Timex

from .factories import span
from .test_link_rules import _actors, _document, event_doc, linked

SHOOTING = event_doc("Valdorian border troops opened fire on a Kestravan patrol on the Ostmark bridge on 6 May.",
                     "2025-05-07", "ASSAULT", "XVL", "XKS", "opened fire", date="2025-05-06", cameo="190")


def protest_doc(text: str, published: str, timexes: tuple[tuple[str, str, str], ...] = ()) -> DocResult:
    """A document whose one event is a protest between the two states; its other phrases are mentions."""
    result = event_doc(text, published, "PROTEST", "XKS", "XVL", "summoned", date=published, cameo="114")
    doc_id = result.document.doc_id
    found = tuple(Timex(doc_id, words, *_offsets(text, words), value, precision, "published")  # type: ignore[arg-type]
                  for words, value, precision in timexes)
    return dataclasses.replace(result, timexes=found)


def _offsets(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def _reports(store) -> list[tuple[str, list[str]]]:
    return sorted((e.evidence.text[:24], [o.text for o in e.also_reported_in]) for e in store.records("events"))


def _snapshot(store) -> list[str]:
    return sorted(json.dumps(r.to_dict(), sort_keys=True) for c in ("events", "dyads") for r in store.records(c))


@pytest.mark.parametrize("order", [1, -1])
def test_a_phrase_naming_the_event_is_a_further_report_not_an_event(tmp_path, order):
    later = protest_doc("Kestrava summoned the Valdorian ambassador over the shooting on the Ostmark bridge.",
                        "2025-06-20")
    store = linked(tmp_path, [SHOOTING, later][::order], f"mention{order}")
    assert _reports(store) == [("Kestrava summoned the Va", []),
                               ("Valdorian border troops ", ["the shooting on the Ostmark bridge"])]
    # the dyad index counts the shooting once (May) and the protest once (June)
    assert [(d.period, d.events) for d in store.records("dyads")] == [("2025-05", 1), ("2025-06", 1)]
    if order == -1:
        assert _snapshot(store) == _snapshot(linked(tmp_path, [SHOOTING, later], "forward"))


def test_a_phrase_naming_the_same_day_needs_no_other_word_in_common(tmp_path):
    later = protest_doc("Kestrava summoned the Valdorian ambassador over the shooting on 6 May.", "2025-06-20",
                        (("6 May", "2025-05-06", "day"),))
    assert _reports(linked(tmp_path, [SHOOTING, later], "day"))[1] == (
        "Valdorian border troops ", ["the shooting on 6 May"])


@pytest.mark.parametrize("text, published", [
    # another place, nothing else in common
    ("Kestrava summoned the Valdorian ambassador over the shooting on the Tarvel road.", "2025-06-20"),
    # published more than REFER_BACK_DAYS after the shooting, without a date
    ("Kestrava summoned the Valdorian ambassador over the shooting on the Ostmark bridge.", "2026-09-01"),
    # published before it
    ("Kestrava summoned the Valdorian ambassador over the shooting on the Ostmark bridge.", "2025-04-20"),
])
def test_a_phrase_that_does_not_agree_with_the_report_stays_apart(tmp_path, text, published):
    store = linked(tmp_path, [SHOOTING, protest_doc(text, published)], "apart")
    assert [o for e in store.records("events") for o in e.also_reported_in] == []


def test_a_phrase_that_fits_two_events_equally_well_goes_to_neither(tmp_path):
    second = event_doc("Valdorian border troops opened fire on a Kestravan patrol on the Ostmark bridge on 2 July.",
                       "2025-07-03", "ASSAULT", "XVL", "XKS", "opened fire", date="2025-07-02", cameo="190")
    later = protest_doc("Kestrava summoned the Valdorian ambassador over the shooting on the Ostmark bridge.",
                        "2025-08-20")
    store = linked(tmp_path, [SHOOTING, second, later], "ambiguous")
    assert [o for e in store.records("events") for o in e.also_reported_in] == []
    # with its month it names the second one
    dated = protest_doc("Kestrava summoned the Valdorian ambassador over the shooting on the Ostmark bridge in July.",
                        "2025-08-20", (("July", "2025-07", "month"),))
    store = linked(tmp_path, [SHOOTING, second, dated], "month")
    assert sorted((e.date, [o.text for o in e.also_reported_in]) for e in store.records("events")
                  if e.category == "ASSAULT") == [("2025-05-06", []),
                                                  ("2025-07-02", ["the shooting on the Ostmark bridge in July"])]


def test_a_document_reporting_the_event_adds_no_mention_of_it(tmp_path):
    text = ("Valdorian border troops opened fire on a Kestravan patrol on the Ostmark bridge on 6 May. "
            "Kestrava said the shooting on the Ostmark bridge was planned.")
    doc = _document(text, "2025-05-07")
    first = span(doc.doc_id, text, text.split(". ")[0] + ".")
    at = text.index("opened fire")
    trigger = dataclasses.replace(first, start=at, end=at + 11, text="opened fire")
    event = Event(f"e-{doc.doc_id}", doc.doc_id, "ASSAULT", "190", "XVL", "XKS", "XVL", "XKS", "2025-05-06", None,
                  "asserted", -10.0, first, trigger=trigger)
    own = DocResult(document=doc, actors=_actors(doc.doc_id, text), events=(event,))
    later = protest_doc("Kestrava summoned the Valdorian ambassador over the shooting on the Ostmark bridge.",
                        "2025-06-20")
    reports = _reports(linked(tmp_path, [own, later], "own"))
    assert reports[1] == ("Valdorian border troops ", ["the shooting on the Ostmark bridge"])


def _mentions(text: str, timexes: tuple[Timex, ...] = ()) -> list[tuple[str, tuple[str, ...], str | None]]:
    states = [Mention(text.index(w), text.index(w) + len(w), code, code)
              for w, code in (("Valdoria", "XVL"), ("Kestrava", "XKS")) if w in text]
    event = SHOOTING.events[0]
    return [(m.text, m.categories, m.date)
            for m in find_mentions("d", text, "2025-06-20", states, timexes, [event], {"XVL": "state", "XKS": "state"})]


def test_phrases_that_refer_back_to_an_event():
    assert _mentions("Since last week's incident on the Ostmark bridge, the crossing is closed.") == [
        ("last week's incident on the Ostmark bridge", ("ASSAULT", "COERCE"), None)]
    assert _mentions("Talks stalled after the Ostmark bridge shooting.") == [
        ("the Ostmark bridge shooting", ("ASSAULT",), None)]
    assert _mentions("Units of the ‘Ostmark Dawn’ exercises stayed.") == [
        ("the ‘Ostmark Dawn’ exercises", ("MOBILIZE",), None)]
    text = "They spoke of the meeting between Valdoria and Kestrava in Tarvel in May, not of trade."
    may = Timex("d", "May", text.index("May"), text.index("May") + 3, "2025-05", "month", "published")
    assert _mentions(text, (may,)) == [
        ("the meeting between Valdoria and Kestrava in Tarvel in May", ("CONSULT",), "2025-05")]


def test_a_phrase_goes_on_through_whom_the_act_was_done_to_not_through_an_infinitive():
    # before: the phrase ended at "apologies", without the names that tell which apology it is
    assert _mentions("They welcomed Valdoria’s apologies to Kestrava and its people, and more.") == [
        ("Valdoria’s apologies to Kestrava", ("CONCEDE",), None)]
    assert _mentions("It followed the visit to the capital of Kestrava.") == [
        ("the visit to the capital of Kestrava", ("CONSULT",), None)]
    assert [m[0] for m in _mentions("It followed the decision to raise fees.")] == ["the decision"]


@pytest.mark.parametrize("text", [
    "Both sides are preparing for the next meeting in Tarvel.",  # ahead
    "Kestrava called for the release of the reporters.",  # demanded, not done
    "An attack on the bridge would be a disaster.",  # an indefinite phrase without a date names no occurrence
    "The ministers said that talks would resume.",  # "that" is no determiner
])
def test_phrases_that_name_no_past_event(text):
    assert _mentions(text) == []


def _two_reports(text: str, published: str, triggers: tuple[str, str], dates: tuple[str | None, str | None]
                 ) -> DocResult:
    """One document with a CONSULT report in each of its two sentences."""
    doc = _document(text, published)
    sentences = [s if s.endswith(".") else s + "." for s in text.split(". ")]
    events = []
    for i, (sentence, trigger, when) in enumerate(zip(sentences, triggers, dates, strict=True)):
        evidence = span(doc.doc_id, text, sentence)
        at = text.index(trigger, evidence.start)
        events.append(Event(f"e{i}-{doc.doc_id}", doc.doc_id, "CONSULT", "040", "XVL", "XKS", "XVL", "XKS", when, None,
                            "asserted", 1.0, evidence,
                            trigger=dataclasses.replace(evidence, start=at, end=at + len(trigger), text=trigger)))
    return DocResult(document=doc, actors=_actors(doc.doc_id, text), events=tuple(events))


@pytest.mark.parametrize("dates, joined", [((None, None), True), (("2025-05-05", None), True),
                                           (("2025-05-05", "2025-04-10"), False)])
def test_a_report_whose_sentence_names_the_documents_other_report_joins_it(tmp_path, dates, joined):
    text = ("Valdoria and Kestrava held a meeting in Tarvel on Monday. "
            "It was Anna Brisk who initiated the meeting with Kestrava by discussing the crossing.")
    store = linked(tmp_path, [_two_reports(text, "2025-05-07", ("meeting", "discussing"), dates)], "renamed")
    reports = sorted((e.evidence.text[:12], [o.text[:12] for o in e.also_reported_in]) for e in store.records("events"))
    if joined:  # one occasion worded twice: one group, counted once
        assert reports == [("It was Anna ", ["Valdoria and"]), ("Valdoria and", ["It was Anna "])]
    else:  # "the meeting" cannot be the one of another month
        assert reports == [("It was Anna ", []), ("Valdoria and", [])]


def test_a_phrase_naming_whom_it_was_done_to_names_reports_of_that_side(tmp_path):
    # Kestrava's arrest of Valdorian reporters in Tarvel and, weeks later, Valdoria's of Kestravan reporters there:
    # the phrase shares as many words with either, and names whom it was done to
    theirs = event_doc("Kestravan police arrested two Valdorian reporters in Tarvel on 3 June.", "2025-06-04",
                       "COERCE", "XKS", "XVL", "arrested", date="2025-06-03", cameo="173")
    ours = event_doc("Valdorian police arrested five Kestravan reporters in Tarvel on 20 July.", "2025-07-21",
                     "COERCE", "XVL", "XKS", "arrested", date="2025-07-20", cameo="173")
    later = protest_doc("Kestrava summoned the Valdorian ambassador over the arrest of Valdorian reporters in Tarvel.",
                        "2025-08-20")
    store = linked(tmp_path, [theirs, ours, later], "sides")
    assert sorted((e.source_country, [o.text for o in e.also_reported_in]) for e in store.records("events")
                  if e.category == "COERCE") == [
        ("XKS", ["the arrest of Valdorian reporters in Tarvel"]), ("XVL", [])]


def test_a_phrase_of_another_act_joins_no_report_of_its_document(tmp_path):
    text = ("Valdoria impounded the lorries of Kestravan hauliers at the crossing. "
            "Kestrava said the detention of its reporters by Valdoria continued.")
    doc = _two_reports(text, "2025-06-07", ("impounded", "detention"), (None, None))
    doc = dataclasses.replace(doc, events=tuple(dataclasses.replace(e, category="COERCE", cameo=code)
                                                for e, code in zip(doc.events, ("1711", "173"), strict=True)))
    store = linked(tmp_path, [doc], "acts")
    assert [e.also_reported_in for e in store.records("events")] == [(), ()]


def test_a_report_coded_from_the_phrase_itself_joins_no_other(tmp_path):
    # "the signing of the treaty" is the second sentence's own report, not a renaming of the first one's signing
    text = ("Valdoria and Kestrava signed a letter on gas in Tarvel. "
            "Anna Brisk welcomed the signing of the treaty with Kestrava.")
    doc = _two_reports(text, "2025-05-07", ("signed", "signing"), (None, None))
    category = noun_categories()["signing"][0]
    doc = dataclasses.replace(doc, events=tuple(dataclasses.replace(e, category=category, cameo="057")
                                                for e in doc.events))
    store = linked(tmp_path, [doc], "own-word")
    assert [e.also_reported_in for e in store.records("events")] == [(), ()]


def test_a_report_of_another_act_naming_the_occasion_joins_no_other(tmp_path):
    # welcoming the treaty is an act of its own, whatever phrase names the signing
    text = ("Valdoria and Kestrava signed a treaty on gas in Tarvel. "
            "Anna Brisk welcomed the treaty with Kestrava.")
    doc = _two_reports(text, "2025-05-07", ("signed", "welcomed"), (None, None))
    category = noun_categories()["treaty"][0]
    doc = dataclasses.replace(doc, events=tuple(dataclasses.replace(e, category=category, cameo=code)
                                                for e, code in zip(doc.events, ("057", "051"), strict=True)))
    store = linked(tmp_path, [doc], "other-act")
    assert [e.also_reported_in for e in store.records("events")] == [(), ()]


def test_an_attack_phrase_joins_a_report_only_when_it_names_it(tmp_path):
    # a document telling of several attacks: "the attack on Tarvel" is not the one at Ostmark
    text = ("Valdorian troops attacked a post at Ostmark last week. "
            "Kestrava said the attack on Tarvel killed two guards.")
    doc = _two_reports(text, "2025-05-07", ("attacked", "killed"), (None, None))
    doc = dataclasses.replace(doc, events=tuple(dataclasses.replace(e, category="ASSAULT", cameo="190")
                                                for e in doc.events))
    store = linked(tmp_path, [doc], "attacks")
    assert [e.also_reported_in for e in store.records("events")] == [(), ()]


def test_a_phrase_naming_no_state_is_about_the_states_of_its_sentence(tmp_path):
    # a document reporting no event between the two states
    text = "Kestrava's relations with Valdoria have been strained since a shooting on the Ostmark bridge in May."
    doc = _document(text, "2025-12-02")
    may = Timex(doc.doc_id, "May", *_offsets(text, "May"), "2025-05", "month", "published")
    later = DocResult(document=doc, actors=_actors(doc.doc_id, text), timexes=(may,))
    assert _reports(linked(tmp_path, [SHOOTING, later], "sentence")) == [
        ("Valdorian border troops ", ["a shooting on the Ostmark bridge in May"])]


def test_a_noun_with_the_participle_of_an_event_verb_names_the_act_done_to_it(tmp_path):
    assert _mentions("Kestrava demands the return of the lorries impounded at the Ostmark crossing.") == [
        ("the lorries impounded at the Ostmark crossing", ("COERCE",), None)]
    # a clause's verb is none: "the customs officers impounded 63 lorries"
    assert _mentions("On Monday the customs officers impounded 63 lorries.") == []
    arrest = event_doc("Kestravan police detained two Valdorian reporters in Tarvel on 3 June.", "2025-06-04",
                       "COERCE", "XKS", "XVL", "detained", date="2025-06-03", cameo="173")
    later = protest_doc("Valdoria protested over the two Valdorian reporters detained in Tarvel, it summoned envoys.",
                        "2025-06-20")
    assert _reports(linked(tmp_path, [arrest, later], "participle"))[0] == (
        "Kestravan police detaine", ["the two Valdorian reporters detained in Tarvel"])


@pytest.mark.parametrize("text, sides", [
    ("Kestrava mourns the three Kestrava border guards killed at the crossing.", (None, "XKS")),
    ("Kestrava welcomed the compensation Valdoria paid to the families.", ("XVL", None)),
    ("Kestrava condemned Valdoria's ban on fruit.", ("XVL", None)),
    ("Valdoria protested at the arrest of Kestrava reporters.", (None, "XKS")),
])
def test_the_sides_a_phrase_gives(text, sides):
    states = [Mention(i, i + len(w), code, code) for w, code in (("Valdoria", "XVL"), ("Kestrava", "XKS"))
              for i in [j for j in range(len(text)) if text.startswith(w, j)]]
    states.sort(key=lambda m: m.start)
    kinds = {"XVL": "state", "XKS": "state"}
    (found,) = find_mentions("d", text, "2025-06-20", states, (), [SHOOTING.events[0]], kinds)
    assert (found.source, found.target) == sides


def test_linking_a_document_again_drops_the_phrases_it_no_longer_holds(tmp_path):
    later = protest_doc("Kestrava summoned the Valdorian ambassador over the shooting on the Ostmark bridge.",
                        "2025-06-20")
    store = linked(tmp_path, [SHOOTING, later], "again")
    # a phrase found there by an earlier linking (another lexicon), filed as mention_keys files phrases
    stale = f"mention:{later.document.doc_id}:9999"
    store.put_keys("events", [stale], [
        ("XKS|XVL|ASSAULT|mention", stale, "2025-06-20",
         '["x", 0, 1, "the shooting", ["ASSAULT"], ["XKS|XVL"], null, "2025-06-20", ["ostmark"], []]'),
        (f"mentions|{later.document.doc_id}", stale, None)])
    link(store, [later.document.doc_id])
    assert store.keyed("events", [("XKS|XVL|ASSAULT|mention", None, None)]) == {
        f"mention:{later.document.doc_id}:{later.document.text.index('the shooting')}"}


def test_a_phrase_names_no_other_act_of_the_type_than_its_own(tmp_path):
    impounded = event_doc("Valdorian customs officers impounded 40 Kestravan lorries at the Orlen Pass on 4 June.",
                          "2025-06-05", "COERCE", "XVL", "XKS", "impounded", date="2025-06-04", cameo="1711")
    # detaining people is not impounding lorries, though both are coercion and the place is the same
    students = protest_doc("Kestrava protested over the students detained at the Orlen Pass, it summoned envoys.",
                           "2025-06-20")
    assert _reports(linked(tmp_path, [impounded, students], "other-act"))[1] == ("Valdorian customs office", [])
    lorries = protest_doc("Kestrava protested over the lorries impounded at the Orlen Pass, it summoned envoys.",
                          "2025-06-20")
    assert _reports(linked(tmp_path, [impounded, lorries], "own-act"))[1] == (
        "Valdorian customs office", ["the lorries impounded at the Orlen Pass"])


def _hosting(text: str, published: str, guests: tuple[str, ...]) -> DocResult:
    """A document telling that a third state (XMV) hosted the guests: one hosting per guest, as extracted."""
    doc = _document(text, published)
    evidence = span(doc.doc_id, text, text)
    at = text.index("hosted")
    trigger = dataclasses.replace(evidence, start=at, end=at + 6, text="hosted")
    events = tuple(Event(f"e-{doc.doc_id}-{guest}", doc.doc_id, "CONSULT", "043", "XMV", guest, "XMV", guest, "2025-10",
                         None, "asserted", 1.0, evidence, trigger=trigger) for guest in guests)
    return DocResult(document=doc, actors=_actors(doc.doc_id, text), events=events)


@pytest.mark.parametrize("order", [1, -1])
def test_a_third_state_hosting_both_sides_reports_their_meeting(tmp_path, order):
    meeting = event_doc("Anna Brisk of Valdoria met the Kestrava president in Ostmark on 16 October.", "2025-10-17",
                        "CONSULT", "XVL", "XKS", "met", date="2025-10-16", cameo="040")
    text = "Kestrava thanked the Morvanian government, which hosted the two sides in Ostmark in October."
    store = linked(tmp_path, [meeting, _hosting(text, "2025-11-20", ("XKS", "XVL"))][::order], f"hosted{order}")
    (report,) = [e for e in store.records("events") if e.evidence.text.startswith("Anna Brisk")]
    assert [o.text for o in report.also_reported_in] == [text]
    # hosting one side tells of no meeting between the two
    one = "Kestrava thanked the Morvanian government, which hosted its delegation in Ostmark in October."
    store = linked(tmp_path, [meeting, _hosting(one, "2025-11-20", ("XKS",))][::order], f"one{order}")
    assert [o for e in store.records("events") for o in e.also_reported_in] == []


@pytest.mark.parametrize("phrase, report, other", [
    ("173", "1711", True),  # detaining people, confiscating property: two acts of one type
    ("190", "193", False),  # force not specified below ("the guards killed") and opening fire
    ("186", "190", False),  # two roots of one type: left to the words ("the assassination", "killed")
    ("042", "043", False),  # a visit and hosting it
    (None, "173", False),  # a generic noun ("the incident")
])
def test_a_phrase_and_a_report_whose_codes_part_below_the_root_name_other_acts(phrase, report, other):
    assert names_other_act(phrase, report) is other


def test_a_named_agreement_with_its_month_refers_back_to_its_signing(tmp_path):
    signed = event_doc("Valdoria and Kestrava signed the Ostmark Transit Protocol in Tarvel on 20 February.",
                       "2025-02-21", "SUPPORT", "XVL", "XKS", "signed", date="2025-02-20", cameo="057")
    later = protest_doc("Kestrava says new fees breach the Ostmark Transit Protocol of February 2025, envoys summoned.",
                        "2026-02-12", (("February 2025", "2025-02", "month"),))
    assert _reports(linked(tmp_path, [signed, later], "protocol"))[1] == (
        "Valdoria and Kestrava si", ["the Ostmark Transit Protocol of February 2025"])


def test_a_noun_naming_a_verbs_act_names_an_event_only_with_the_object_of_a_lexicon_phrase():
    # "close investigation" (REJECT) and "increase fee" (SANCTION) are verb phrases of events.json
    assert _mentions("Kestrava protested after the closure of the Ostmark bridge investigation.") == [
        ("the closure of the Ostmark bridge investigation", ("REJECT",), None)]
    assert _mentions("Hauliers blamed the increase in Ostmark transit fees.") == [
        ("the increase in Ostmark transit fees", ("SANCTION",), None)]
    assert _mentions("Hauliers blamed the fee increase.") == [("the fee increase", ("SANCTION",), None)]
    assert _mentions("Observers noted the increase in turnout.") == []  # no act of the lexicon


@pytest.mark.parametrize("order", [1, -1])
def test_the_closure_of_an_investigation_is_a_further_report_of_closing_it(tmp_path, order):
    closed = event_doc("Valdoria's prosecutors closed the criminal investigation into the shooting on the Ostmark "
                       "bridge.", "2025-11-18", "REJECT", "XVL", "XKS", "closed", cameo="1213")
    later = protest_doc("Kestrava summoned the Valdorian ambassador after the closure of the Ostmark bridge "
                        "investigation.", "2026-02-11")
    store = linked(tmp_path, [closed, later][::order], f"closure{order}")
    assert _reports(store) == [("Kestrava summoned the Va", []),
                               ("Valdoria's prosecutors c", ["the closure of the Ostmark bridge investigation"])]


@pytest.mark.parametrize("decided, joined", [
    # the report names the decision: the phrase of its day names its act
    ("under a cabinet decision adopted on 3 February", True),
    # another act of that day, its report naming no decision
    ("after talks held on 3 February", False),
])
def test_a_decision_of_a_day_names_the_act_a_report_tells_was_decided_that_day(tmp_path, decided, joined):
    """"The toll decision of 3 February" names no act by its noun: it names the act of a report of that day that
    says it was decided ("under a cabinet decision adopted on 3 February"), whatever its type."""
    report = event_doc(f"Valdoria will charge Kestravan trucks more at the border {decided}.", "2025-02-04",
                       "SANCTION", "XVL", "XKS", "charge", date="2025-02-03", cameo="163")
    later = protest_doc("Kestrava summoned the Valdorian ambassador. The toll decision of 3 February was criticised.",
                        "2025-03-10", (("3 February", "2025-02-03", "day"),))
    store = linked(tmp_path, [report, later], "decision")
    assert _reports(store)[1] == ("Valdoria will charge Kes", ["The toll decision of 3 February"] if joined else [])


@pytest.mark.parametrize(("start", "joined"), [("from 1 March", True), ("in full", False)])
@pytest.mark.parametrize("order", [1, -1])
def test_a_measure_told_with_the_day_it_starts_names_its_coming_into_force(tmp_path, start, joined, order):
    """"will charge … more from 1 March", decided on 3 February: the words from the act to the date name the fees
    coming into force on 1 March, which a later article reports; without a starting day they name nothing more."""
    text = f"Valdoria will charge Kestravan trucks 40 percent more at the Ostmark crossing {start}."
    report = event_doc(text, "2025-02-04", "SANCTION", "XVL", "XKS", "charge", date="2025-02-03", cameo="163")
    if start.startswith("from"):
        at = text.index(start) + len("from ")
        report = dataclasses.replace(report, timexes=(
            Timex(report.document.doc_id, "1 March", at, at + len("1 March"), "2025-03-01", "day", "published"),))
    later = event_doc("Higher Valdorian fees for Kestravan trucks at the Ostmark crossing came into force on 1 March.",
                      "2025-03-02", "SANCTION", "XVL", "XKS", "fees", date="2025-03-01", cameo="163")
    store = linked(tmp_path, [report, later][::order], f"measure{order}")
    (in_force,) = [e for e in store.records("events") if e.doc_id == later.document.doc_id]
    assert [o.text for o in in_force.also_reported_in] == (
        ["Kestravan trucks 40 percent more at the Ostmark crossing from 1 March"] if joined else [])


def _decided_and_in_force() -> tuple[DocResult, DocResult]:
    """A fee increase decided on 3 February "from 1 March", and a later report of the fees coming into force."""
    text = "Valdoria will charge Kestravan trucks 40 percent more in Ostmark transit fees from 1 March."
    decided = event_doc(text, "2025-02-04", "SANCTION", "XVL", "XKS", "charge", date="2025-02-03", cameo="163")
    at = text.index("1 March")
    decided = dataclasses.replace(decided, timexes=(
        Timex(decided.document.doc_id, "1 March", at, at + len("1 March"), "2025-03-01", "day", "published"),))
    in_force = event_doc("Higher Ostmark transit fees for Kestravan trucks came into force on 1 March.",
                         "2025-03-02", "SANCTION", "XVL", "XKS", "fees", date="2025-03-01", cameo="163")
    return decided, in_force


def _second_increase(both: str) -> DocResult:
    text = f"On 22 July, Valdoria announced a second increase in Ostmark transit fees. Kestrava said {both}."
    return event_doc(text, "2025-08-05", "SANCTION", "XVL", "XKS", "increase", date="2025-07-22", cameo="163")


@pytest.mark.parametrize("order", [1, -1])
def test_both_acts_after_a_second_one_names_the_first_besides_it(tmp_path, order):
    """"both increases", after "a second increase in transit fees": the first increase, which other documents tell
    (decided on 3 February, in force from 1 March: the phrase names the first of them, the decision), never the
    second, which its own document tells."""
    decided, in_force = _decided_and_in_force()
    later = _second_increase("that both increases breach the treaty")
    store = linked(tmp_path, [decided, in_force, later][::order], f"both{order}")
    assert _reports(store) == [
        ("Higher Ostmark transit f", ["Kestravan trucks 40 percent more in Ostmark transit fees from 1 March"]),
        ("On 22 July, Valdoria ann", []),
        ("Valdoria will charge Kes", ["both increases"]),
    ]
    if order == -1:
        assert _snapshot(store) == _snapshot(linked(tmp_path, [decided, in_force, later], "both-forward"))


@pytest.mark.parametrize("both", [
    "that the increases breach the treaty",  # no word naming two acts
    "that both fees are too high",  # no act
])
def test_a_plural_phrase_names_no_other_act_without_a_word_naming_two_acts(tmp_path, both):
    decided, in_force = _decided_and_in_force()
    store = linked(tmp_path, [decided, in_force, _second_increase(both)], "plural")
    assert ("Valdoria will charge Kes", []) in _reports(store)


def test_phrases_naming_two_acts_take_the_sibling_reports_act_and_object():
    later = _second_increase("that both increases breach the treaty")
    doc = later.document
    mentions = [Mention(a.mentions[0].start, a.mentions[0].end, a.actor_id, a.country) for a in later.actors]
    found = [m for m in find_mentions(doc.doc_id, doc.text, doc.published, sorted(mentions, key=lambda m: m.start),
                                      (), later.events, {}) if m.besides]
    assert [(m.text, m.noun, m.categories, m.pairs, m.besides, m.earliest, "@place:ostmark" in m.words)
            for m in found] == [("both increases", "increase fee", ("SANCTION",), ("XKS|XVL",),
                                 later.events[0].event_id, True, True)]


@pytest.mark.parametrize(("actor_id", "named"), [
    ("place:ostmark-pass-crossing", {"@place:ostmark-pass-crossing", "@place:ostmark-pass"}),
    ("place:ostmark-border-crossing", {"@place:ostmark-border-crossing", "@place:ostmark"}),
    ("place:crossing", {"@place:crossing"}),  # a place named only by the word
    ("person:anna-crossing", {"@person:anna-crossing"}),
])
def test_a_crossing_is_named_by_the_place_it_is_at_too(actor_id, named):
    """"the Ostmark Pass crossing" and "Ostmark Pass transit fees" share a name: a report and a phrase naming one
    place with or without the word for the crossing agree on it."""
    text = "Trucks waited at the named place."
    at = text.index("the named place")
    assert words(text, mentions=[Mention(at, at + len("the named place"), actor_id, None)]) == {*named, "truck", "wait"}


HANDED_BACK = event_doc("All 63 Kestravan lorries held at the Ostmark terminal were handed back on 28 November.",
                        "2025-12-01", "RETREAT", "XVL", "XKS", "handed back", date="2025-11-28", cameo="084")


def _hauliers(count: str, told: str) -> DocResult:
    """A later article: Valdoria's statement of what it did with the lorries (its one report), then a count."""
    text = f"Valdoria said on Friday that {told} on 28 November. Hauliers said that {count} Kestrava."
    returned = "returned" in told
    result = event_doc(text, "2025-12-02", "RETREAT" if returned else "COERCE", "XVL", "XKS",
                       "returned" if returned else "inspected", date="2025-11-28", cameo="0842" if returned else "170")
    (event,) = result.events
    if "to Valdoria" in told:  # returned to the other side
        event = dataclasses.replace(event, source="XKS", source_country="XKS", target="XVL", target_country="XVL")
    return dataclasses.replace(result, events=(dataclasses.replace(event, evidence=span(
        event.doc_id, text, text[: text.index(" Hauliers")])),))


@pytest.mark.parametrize("order", [1, -1])
@pytest.mark.parametrize(("count", "told", "joined"), [
    ("only 22 lorries had crossed into", "all the lorries were returned", True),
    ("fewer than twenty of the 63 lorries have made it back to", "all the lorries were returned", True),
    # no count of what its return report names
    ("only 22 students had crossed into", "all the lorries were returned", False),
    # a count arriving in the other side
    ("only 22 lorries had crossed into", "all the lorries were returned to Valdoria", False),
    # its document reports no return
    ("only 22 lorries had crossed into", "all the lorries were inspected", False),
])
def test_a_count_of_what_reached_the_side_is_its_documents_account_of_the_return(tmp_path, order, count, told,
                                                                                 joined):
    """"Only 22 lorries had crossed into Kestrava", in an article reporting the lorries' return: that outlet's own
    account of the return, a further report of it whatever count it gives (the hand-back of "all 63" in another
    article is the same event)."""
    store = linked(tmp_path, [HANDED_BACK, _hauliers(count, told)][::order], f"count{order}")
    reported = [o.text for e in store.records("events") for o in e.also_reported_in]
    assert (f"{count} Kestrava" in reported) == joined
    if joined:  # one event, counted once
        assert [(d.period, d.events) for d in store.records("dyads")] == [("2025-11", 1)]


IN_SERVICE = event_doc("The power line linking Valdoria and Kestrava came into service on 27 November.",
                       "2025-11-28", "COOPERATE", "XVL", "XKS", "came", date="2025-11-27", cameo="061")


@pytest.mark.parametrize("order", [1, -1])
@pytest.mark.parametrize(("built", "joined"), [
    ("Kestrava built its first energy link", True),
    ("Kestrava has completed the new high-voltage grid connection", True),
    ("Kestrava built its first rail link", False),  # a work of another domain
    ("Kestrava built its first link", False),  # no domain named
    ("Kestrava promised its first energy link", False),  # not built
])
def test_a_side_telling_it_built_a_work_names_the_work_put_into_service(tmp_path, order, built, joined):
    """"Kestrava built its first energy link" (no partner named) names the putting into service of the work joining
    it to another state that a report tells with both ("the power line linking Valdoria and Kestrava came into
    service"): a work of the domain its words name."""
    later = protest_doc(f"Kestrava summoned the Valdorian ambassador. In 2025 {built}.", "2026-03-20")
    store = linked(tmp_path, [IN_SERVICE, later][::order], f"works{order}")
    reported = [o.text for e in store.records("events") for o in e.also_reported_in]
    assert reported == ([built] if joined else [])


def test_a_report_of_a_work_put_into_service():
    assert puts_work_into_service(IN_SERVICE.events[0], "energy")
    assert not puts_work_into_service(IN_SERVICE.events[0], "transport")
    signed = event_doc("Valdoria and Kestrava agreed to expand trade in power equipment.", "2025-11-28", "COOPERATE",
                       "XVL", "XKS", "agreed", cameo="061")
    assert not puts_work_into_service(signed.events[0], "energy")  # economic cooperation, no work put into use
