"""Rules that let cross-document linking reach reports the seed articles word apart: a national airline is its
state's, a craft that flies somewhere pays no visit, a publication known only to its year may be any day of it, a
phrase retelling its own document's report names that report's event, two remarks told one right after the other
are one account.
Fictional sentences for each rule; the seeds read from ../shared."""

from __future__ import annotations

import dataclasses
import json

import pytest

from detente.extract import extract
from detente.gazetteer import load_gazetteer
from detente.records import Actor, DocResult, Document, Event, Evidence, Quote

from .conftest import EXAMPLES
from .factories import span
from .test_link_mentions import protest_doc
from .test_link_rules import _actors, _document, event_doc, linked, quote_doc

AIRLINE = {"source": "test data (fictional)", "companies": [
    {"id": "company:valdair", "name": "Valdorian Air Lines", "acronyms": ["VALA"], "country": "XVL",
     "kind": "airline"}]}


@pytest.fixture(scope="module")
def airline_gazetteer(tmp_path_factory):
    path = tmp_path_factory.mktemp("gaz") / "airline.json"
    path.write_text(json.dumps(AIRLINE), encoding="utf-8")
    return load_gazetteer((str(EXAMPLES / "gazetteer.json"), str(path)))


def _extract(nlp, gaz, text):
    doc = Document(doc_id="t", text=text, published="2025-06-02", published_basis="given")
    return extract(doc, nlp(text), gaz)


def test_an_airline_and_its_acronym_are_its_states(nlp, airline_gazetteer):
    text = "Kestria said the crash of a VALA aircraft in May was caused by a storm."
    result = _extract(nlp, airline_gazetteer, text)
    (airline,) = [a for a in result.actors if a.actor_id == "company:valdair"]
    assert (airline.kind, airline.country, [m.text for m in airline.mentions]) == ("organization", "XVL", ["VALA"])
    (shipped,) = [a for a in _extract(nlp, load_gazetteer(), "An Aeroflot plane landed in Minsk.").actors
                  if a.kind == "organization"]
    assert (shipped.actor_id, shipped.country) == ("company:aeroflot", "RUS")


def test_a_craft_flying_somewhere_pays_no_visit(nlp, airline_gazetteer):
    text = ("An Embraer-190 passenger aircraft operated by Valdorian Air Lines (VALA), flying from Brask to Dorrun, "
            "was struck in Kestrian airspace and crashed while attempting an emergency landing at Velmar airport.")
    events = _extract(nlp, airline_gazetteer, text).events
    assert [(e.category, e.source_country, e.trigger.text) for e in events] == [("ASSAULT", "XKS", "struck")]


def test_a_person_flying_somewhere_still_visits(nlp, airline_gazetteer):
    events = _extract(nlp, airline_gazetteer, "Valdorian President Aurel Demmin flew to Dorrun on Monday.").events
    assert [(e.category, e.target_country) for e in events] == [("CONSULT", "XKS")]


@pytest.mark.parametrize("published, joined", [("2025", True), ("2025-06", True), ("2025-04", False)])
def test_a_phrase_published_only_to_the_year_refers_back_to_an_undated_report(tmp_path, published, joined):
    """A report with no date of its own, published on 7 May, and a phrase naming it in an article known only to
    its year or month: that may be any day of it (a phrase in an article of April names no event of May)."""
    shooting = event_doc("Valdorian border troops opened fire on a Kestravan patrol on the Ostmark bridge.",
                         "2025-05-07", "ASSAULT", "XVL", "XKS", "opened fire", cameo="190")
    later = protest_doc("Kestrava summoned the Valdorian ambassador over the shooting on the Ostmark bridge.",
                        published)
    store = linked(tmp_path, [shooting, later], f"year-{published}")
    found = sorted(o.text for e in store.records("events") for o in e.also_reported_in)
    assert found == (["the shooting on the Ostmark bridge"] if joined else [])


def _report_after_phrase(text: str, report: str, published: str = "2025-05-08") -> DocResult:
    """A document whose one event is reported by the sentence ``report`` (an attack by Valdoria on Kestrava), its
    other sentences holding phrases only."""
    doc = _document(text, published)
    evidence = span(doc.doc_id, text, report)
    at = text.index("downed", evidence.start)
    return DocResult(document=doc, actors=_actors(doc.doc_id, text), events=(
        Event(f"e-{doc.doc_id}", doc.doc_id, "ASSAULT", "190", "XVL", "XKS", "XVL", "XKS", "2025-05-06", None,
              "asserted", 1.0, evidence, trigger=Evidence(doc.doc_id, at, at + 6, "downed")),))  # type: ignore[arg-type]


@pytest.mark.parametrize("phrase, joined", [
    ("the downing of a Kestravan cargo plane", True),
    # another act of the kind, done to the same side: it shares too few of the report's words
    ("the shelling of a Kestravan border post", False),
])
def test_a_phrase_retelling_its_own_documents_report_names_its_event(tmp_path, phrase, joined):
    report = "A Kestravan cargo plane was downed by Valdorian air defences near Ostmark on 6 May."
    result = _report_after_phrase(f"Kestrava protested over {phrase}. {report}", report)
    store = linked(tmp_path, [result], "own")
    (event,) = store.records("events")
    assert [o.text for o in event.also_reported_in] == ([phrase] if joined else [])


def _two_remarks(text: str, first: str, second: str) -> DocResult:
    doc = _document(text, "2025-05-07")
    return DocResult(document=doc, actors=_actors(doc.doc_id, text), quotes=tuple(
        Quote(f"q-{doc.doc_id}-{i}", doc.doc_id, said, text.index(said), text.index(said) + len(said),
              "person:anna-brisk", "indirect", cue) for i, (said, cue) in enumerate(((first, "said"),
                                                                                   (second, "according to")))))


@pytest.mark.parametrize("between, joined", [
    ("", True),
    # another sentence of the author's between the two: not told together
    (" The pass had been closed before. ", False),
])
def test_two_remarks_told_one_after_the_other_are_one_account(tmp_path, between, joined):
    """The second remark takes up a word of the first ("convoys"), so they are not told apart as two parts of what
    was said by their words; told one right after the other, only the attribution between, they are."""
    first, second = "two convoys had been stopped at the pass", "the convoys were held up by a landslide near the pass"
    text = (f"Brisk met the Kestravan envoy in Ostmark. She said that {first}.{between or ' '}"
            f"According to Brisk, {second}.")
    told = _two_remarks(text, first, second)
    retold = quote_doc("In Ostmark, Brisk explained that a landslide near the pass had held up the convoys.",
                       "2025-05-20", "a landslide near the pass had held up the convoys")
    store = linked(tmp_path, [told, retold], "parts")
    reported = sorted((q.text[:6], sorted(o.text[:6] for o in q.also_reported_in)) for q in store.records("quotes"))
    part = ["two co"] if joined else []
    assert reported == [("a land", ["the co", *part]), ("the co", ["a land", *part]),
                        ("two co", ["a land", "the co"] if joined else [])]


def _quote_telling_act(text: str, published: str, quoted: str, trigger: str, cameo: str, date: str) -> DocResult:
    """A document quoting Anna Brisk, the quote reporting that Valdoria did an act to Kestrava on ``date``."""
    found = quote_doc(text, published, quoted)
    doc_id, at = found.document.doc_id, text.index(trigger)
    event = Event(f"e-{doc_id}", doc_id, "RETREAT", cameo, "XVL", "XKS", "XVL", "XKS", date, None, "asserted", 1.0,
                  span(doc_id, text, text), trigger=Evidence(doc_id, at, at + len(trigger), trigger))
    return dataclasses.replace(found, events=(event,))


def test_one_speakers_report_of_an_act_told_again_a_year_on_is_another_statement(tmp_path):
    told = "all the Kestrava trucks held in Ostmark were handed back to their owners on 3 March"
    handed = _quote_telling_act(f"Brisk said {told}.", "2025-03-05", told, "handed", "084", "2025-03-03")
    said = "every vehicle was returned on 3 March and the matter is closed"
    returned = _quote_telling_act(f"In a speech on the anniversary, Brisk said {said}.", "2026-02-06",
                                  said, "returned", "0842", "2025-03-03")
    store = linked(tmp_path, [handed, returned], "acts")
    reported = sorted((q.text[:9], [o.text[:9] for o in q.also_reported_in]) for q in store.records("quotes"))
    assert reported == [("all the K", []), ("every veh", [])]


@pytest.mark.parametrize("day, joined", [
    ("2025-03-03", True),
    # another day: another act, whatever the words
    ("2025-03-04", False),
])
def test_one_speakers_report_of_an_act_on_a_day_told_in_other_words_is_one_statement(tmp_path, day, joined):
    """"handed back" and "returned", "trucks" and "vehicles": no word in common but the day; the act told (an event
    the quote reports, the same CAMEO act, doer, side and day) makes the two quotes one statement."""
    told = "all the Kestrava trucks held in Ostmark were handed back to their owners on 3 March"
    handed = _quote_telling_act(f"Brisk said {told}.", "2025-03-05", told, "handed", "084", "2025-03-03")
    said = f"every vehicle was returned on {int(day[-2:])} March"
    returned = _quote_telling_act(f"Hauliers in Kestrava doubt the claim by Brisk that {said}.", "2025-03-06",
                                  said, "returned", "0842", day)
    store = linked(tmp_path, [handed, returned], "acts")
    reported = sorted((q.text[:9], [o.text[:9] for o in q.also_reported_in]) for q in store.records("quotes"))
    assert reported == ([("all the K", ["every veh"]), ("every veh", ["all the K"])] if joined
                        else [("all the K", []), ("every veh", [])])


def _ministry_quote(text: str, published: str, quoted: str, speaker: str, name: str, kind: str,
                    country: str | None, roles: tuple[str, ...] = ()) -> DocResult:
    """A document whose one quote is by a ministry or its spokesperson, named at the first word of ``name``."""
    found = quote_doc(text, published, quoted, speaker=speaker)
    doc_id, at = found.document.doc_id, text.index(name)
    actor = Actor(speaker, name, kind, country, roles, (name,), (Evidence(doc_id, at, at + len(name), name),))
    return dataclasses.replace(found, actors=(*found.actors, actor))


SPOKESWOMAN = _ministry_quote(
    "Foreign Ministry spokeswoman Ilse Vard said: \u201cWhat he says about the bridge is his private opinion.\u201d",
    "2025-07-04", "What he says about the bridge is his private opinion", "person:ilse-vard", "Ilse Vard", "person",
    "XVL", ("Foreign Ministry spokeswoman",))


@pytest.mark.parametrize("order", [1, -1])
def test_a_ministry_named_by_its_title_alone_says_what_a_ministrys_spokeswoman_said_in_all_its_words(tmp_path, order):
    """"The Foreign Ministry's decision to dismiss the words as a “private opinion”": the ministry is no state's in
    the words, the spokeswoman speaks for one; the whole of the short quote is in hers (before: no link, the two
    speakers differ). A quote of a bare ministry with a word she did not say stays apart."""
    bare = _ministry_quote("The Foreign Ministry's decision to dismiss the words as a \u201cprivate opinion\u201d "
                           "convinced nobody.", "2025-07-09", "private opinion", "org:foreign-ministry",
                           "Foreign Ministry", "organization", None)
    other = _ministry_quote("The Foreign Ministry called the remarks \u201ca private joke\u201d.", "2025-07-10",
                            "a private joke", "org:foreign-ministry", "Foreign Ministry", "organization", None)
    store = linked(tmp_path, [SPOKESWOMAN, bare, other][::order], f"bare{order}")
    reported = sorted((q.text[:9], [o.text[:9] for o in q.also_reported_in]) for q in store.records("quotes"))
    assert reported == [("What he s", ["private o"]), ("a private", []), ("private o", ["What he s"])]


@pytest.mark.parametrize("order", [1, -1])
def test_a_states_ministry_and_its_spokeswoman_speak_with_one_voice_another_states_ministry_does_not(tmp_path, order):
    same = _ministry_quote("The Valdorian Foreign Ministry said that what he says about the bridge is his private "
                           "opinion.", "2025-07-05", "what he says about the bridge is his private opinion",
                           "body:xvl-foreign-ministry", "Valdorian Foreign Ministry", "organization", "XVL")
    other = _ministry_quote("The Kestravan Foreign Ministry said that what he says about the bridge is his private "
                            "opinion.", "2025-07-05", "what he says about the bridge is his private opinion",
                            "body:xks-foreign-ministry", "Kestravan Foreign Ministry", "organization", "XKS")
    store = linked(tmp_path, [SPOKESWOMAN, same, other][::order], f"voice{order}")
    reported = {(q.speaker, tuple(sorted(o.doc_id for o in q.also_reported_in))) for q in store.records("quotes")}
    assert reported == {("person:ilse-vard", (same.document.doc_id,)),
                        ("body:xvl-foreign-ministry", (SPOKESWOMAN.document.doc_id,)),
                        ("body:xks-foreign-ministry", ())}


def test_a_state_body_told_twice_in_one_article_by_its_name_and_its_spokeswoman_is_one_report_group(tmp_path):
    """The lead ("the ministry described the remarks as “a private opinion”") and the briefing (she said: "… his
    private opinion …") in one article are one voice telling it twice: a third article's "private opinion" joins
    both (before: only one of the two, whichever sorted first)."""
    text = ("The Valdorian Foreign Ministry described the remarks as \u201ca private opinion\u201d. Foreign Ministry "
            "spokeswoman Ilse Vard said: \u201cWhat he says about the bridge is his private opinion.\u201d")
    lead = _ministry_quote(text, "2025-07-05", "a private opinion", "body:xvl-foreign-ministry",
                           "Valdorian Foreign Ministry", "organization", "XVL")
    briefing = _ministry_quote(text, "2025-07-05", "What he says about the bridge is his private opinion",
                               "person:ilse-vard", "Ilse Vard", "person", "XVL", ("Foreign Ministry spokeswoman",))
    both = dataclasses.replace(lead, actors=(*lead.actors, briefing.actors[-1]), quotes=(
        lead.quotes[0], dataclasses.replace(briefing.quotes[0], quote_id="q-briefing")))
    bare = _ministry_quote("The Foreign Ministry's decision to dismiss the words as a \u201cprivate opinion\u201d "
                           "convinced nobody.", "2025-07-09", "private opinion", "org:foreign-ministry",
                           "Foreign Ministry", "organization", None)
    store = linked(tmp_path, [both, bare], "twice")
    (dismissed,) = [q for q in store.records("quotes") if q.doc_id == bare.document.doc_id]
    assert sorted(o.text[:9] for o in dismissed.also_reported_in) == ["What he s", "a private"]

