"""Cross-document linking rules on small hand-built documents (no parser): each rule with exact values,
linked in both orders."""

from __future__ import annotations

import dataclasses
import re

import pytest

from detente.ingest import make_doc_id
from detente.link import link
from detente.link.disagreements import promise_disagreement
from detente.link.forecasts import predicted_categories
from detente.link.promises import event_stance, promised_acts, speaks_of
from detente.link.titles import office, offices
from detente.records import (
    Actor,
    Commitment,
    DocResult,
    Document,
    Event,
    Evidence,
    Forecast,
    Quote,
    StanceEvidence,
    Timex,
)
from detente.store import open_store

from .factories import span

STATES = {"Valdoria": ("XVL", "Valdoria"), "Kestrava": ("XKS", "Kestrava")}
TOWNS = {"Ostmark": ("place:ostmark", "XKS"), "OSTMARK": ("place:ostmark", "XKS")}
PEOPLE = {"Anna Brisk": ("person:anna-brisk", "XVL"), "Brisk": ("person:anna-brisk", "XVL")}


def _actors(doc_id: str, text: str) -> tuple[Actor, ...]:
    found: dict[str, tuple[str, str, str | None, list[Evidence]]] = {}
    for name, (code, full) in STATES.items():
        for m in re.finditer(name, text):
            found.setdefault(code, (full, "state", code, []))[3].append(Evidence(doc_id, m.start(), m.end(), name))
    for name, (actor_id, country) in TOWNS.items():
        for m in re.finditer(name, text):
            mention = Evidence(doc_id, m.start(), m.end(), name)
            found.setdefault(actor_id, (name, "place", country, []))[3].append(mention)
    for name, (actor_id, country) in PEOPLE.items():
        for m in re.finditer(rf"\b{name}\b", text):
            if not any(e.start <= m.start() < e.end for e in found.get(actor_id, ("", "", "", []))[3]):
                found.setdefault(actor_id, ("Anna Brisk", "person", country, []))[3].append(
                    Evidence(doc_id, m.start(), m.end(), name))
    return tuple(Actor(actor_id, name, kind, country, (), (), tuple(mentions))  # type: ignore[arg-type]
                 for actor_id, (name, kind, country, mentions) in sorted(found.items()))


def _document(text: str, published: str) -> Document:
    return Document(doc_id=make_doc_id(text), text=text, title=None, source="Test Wire", published=published,
                    published_basis="given")


def promise_doc(text: str, published: str, content: str, sentence: str) -> DocResult:
    doc = _document(text, published)
    evidence = span(doc.doc_id, text, sentence)
    return DocResult(document=doc, actors=_actors(doc.doc_id, text), commitments=(
        Commitment(f"c-{doc.doc_id}", "XVL", "XKS", content, published, None, evidence),))


def event_doc(text: str, published: str, category: str, source: str, target: str, trigger: str,
              mode: str = "asserted", date: str | None = None, cameo: str | None = None) -> DocResult:
    """A one-sentence document reporting one event."""
    doc = _document(text, published)
    evidence = span(doc.doc_id, text, text)
    at = text.index(trigger, evidence.start)
    return DocResult(document=doc, actors=_actors(doc.doc_id, text), events=(
        Event(f"e-{doc.doc_id}", doc.doc_id, category, cameo, source, target, source, target, date, None,
              mode, 1.0, evidence, trigger=Evidence(doc.doc_id, at, at + len(trigger), trigger)),))  # type: ignore[arg-type]


def linked(tmp_path, results: list[DocResult], name: str):
    store = open_store(tmp_path / f"{name}.db")
    for r in results:
        store.add_result(r)
        link(store, [r.document.doc_id])
    return store


PROMISE = promise_doc("Valdoria promised to pay compensation to the families of the victims by June.", "2025-03-04",
                      "to pay compensation to the families of the victims by June",
                      "Valdoria promised to pay compensation to the families of the victims by June.")


@pytest.mark.parametrize("order", [1, -1])
def test_a_later_report_of_the_promised_act_by_the_promiser_keeps_the_promise(tmp_path, order):
    paid = event_doc("Valdoria has paid compensation to the families of the victims, Kestrava said on Monday.",
        "2025-06-10", "AID", "XVL", "XKS", "paid", cameo="071")
    store = linked(tmp_path, [PROMISE, paid][::order], f"kept{order}")
    (promise,) = store.records("commitments")
    assert promise.status == "kept"
    assert [(e.stance, e.text) for e in promise.status_evidence] == [
        ("supports", "Valdoria has paid compensation to the families of the victims, Kestrava said on Monday.")]


def test_an_event_its_document_tells_again_is_evidence_in_each_sentence_telling_it(tmp_path):
    """"The transfer was made on Monday by its treasury" tells the payment again (the extraction counts it once,
    the sentence a further report of it): evidence too, with the first sentence's words (before: only the first)."""
    text = ("Valdoria has paid compensation to the families of the victims. The transfer was made on Monday by its "
            "treasury.")
    paid = event_doc(text, "2025-06-10", "AID", "XVL", "XKS", "paid", cameo="071")
    (event,) = paid.events
    first = text.index("The transfer")
    again = Evidence(event.doc_id, first, len(text), text[first:])
    event = dataclasses.replace(event, evidence=span(event.doc_id, text, text[:first - 1]), also_reported_in=(again,))
    store = linked(tmp_path, [PROMISE, dataclasses.replace(paid, events=(event,))], "told-again")
    (promise,) = store.records("commitments")
    assert (promise.status, [(e.stance, e.text[:9]) for e in promise.status_evidence]) == (
        "kept", [("supports", "Valdoria "), ("supports", "The trans")])


def test_a_report_that_the_promiser_did_not_do_it_breaks_the_promise(tmp_path):
    unpaid = event_doc("Valdoria has not paid compensation to the families of the victims.",
        "2025-07-01", "AID", "XVL", "XKS", "paid", mode="negated", cameo="071")
    (promise,) = linked(tmp_path, [PROMISE, unpaid], "broken").records("commitments")
    assert (promise.status, [e.stance for e in promise.status_evidence]) == ("broken", ["contradicts"])


def test_the_act_of_another_state_or_of_another_type_leaves_the_promise_open(tmp_path):
    other_state = event_doc("Kestrava has paid compensation to the families of the victims in Valdoria.",
        "2025-06-10", "AID", "XKS", "XVL", "paid", cameo="071")
    other_type = event_doc("Valdoria accused the families of the victims of lying about compensation.",
        "2025-06-11", "ACCUSE", "XVL", "XKS", "accused", cameo="112")
    (promise,) = linked(tmp_path, [PROMISE, other_state, other_type], "open").records("commitments")
    assert (promise.status, promise.status_evidence) == ("open", ())


def test_an_event_reported_before_the_promise_does_not_keep_it(tmp_path):
    earlier = event_doc("Valdoria has paid compensation to the families of the victims before.",
        "2025-01-10", "AID", "XVL", "XKS", "paid", cameo="071")
    (promise,) = linked(tmp_path, [earlier, PROMISE], "earlier").records("commitments")
    assert promise.status == "open"


def test_a_status_sentence_speaks_of_a_promise_through_any_one_of_its_reports():
    reports = [frozenset({"pay", "compens", "family", "end", "latest"}),
               frozenset({"findings", "share", "investig", "full", "hand"})]
    assert speaks_of({"words": ["findings", "share", "never"]}, reports)
    assert not speaks_of({"words": ["findings", "never"]}, reports)  # one word is not enough
    # all reports' words together (ten) would need three of them
    assert not speaks_of({"words": ["findings", "share", "never"]}, [frozenset().union(*reports)])


def test_event_stance_needs_the_promiser_and_a_type_the_promise_names():
    cue = {"events": [["XKS", "071", "asserted", ""], ["XVL", "071", "negated", "2025-06"]]}
    assert event_stance(cue, "XVL", {"071"}, "2025-03-04") == "contradicts"
    assert event_stance(cue, "XKS", {"071"}, "2025-03-04") == "supports"
    assert event_stance(cue, "XVL", {"040"}, "2025-03-04") is None
    # done no later than the promise was made: what was promised about, not its keeping
    assert event_stance(cue, "XVL", {"071"}, "2025-06-20") is None


@pytest.mark.parametrize("order", [1, -1])
def test_two_outlets_naming_an_event_with_the_same_word_are_one_event(tmp_path, order):
    first = event_doc("Valdorian troops opened the shooting at the crossing near Ostmark, Kestrava said.",
        "2025-05-07", "ASSAULT", "XVL", "XKS", "shooting")
    later = event_doc("Valdoria refuses to discuss the shooting at the crossing with Kestrava, officials said.",
        "2025-06-20", "ASSAULT", "XVL", "XKS", "shooting")
    store = linked(tmp_path, [first, later][::order], f"same{order}")
    reported = sorted((e.evidence.text[:20], [o.text[:20] for o in e.also_reported_in])
                      for e in store.records("events"))
    assert reported == [("Valdoria refuses to ", ["Valdorian troops ope"]),
                        ("Valdorian troops ope", ["Valdoria refuses to "])]


def test_the_same_word_does_not_link_events_of_conflicting_dates(tmp_path):
    first = event_doc("Valdorian troops began the shooting near Ostmark on 6 May, Kestrava said.",
        "2025-05-07", "ASSAULT", "XVL", "XKS", "shooting", date="2025-05-06")
    second = event_doc("Valdorian troops began another shooting near Ostmark on 20 May, Kestrava said.",
        "2025-05-21", "ASSAULT", "XVL", "XKS", "shooting", date="2025-05-20")
    store = linked(tmp_path, [first, second], "apart")
    assert [e.also_reported_in for e in store.records("events")] == [(), ()]


def test_the_same_word_with_nothing_else_in_common_nearby_is_not_enough(tmp_path):
    first = event_doc("Valdorian police detained two reporters of a Kestravan radio station, Kestrava said.",
        "2025-06-04", "COERCE", "XVL", "XKS", "detained")
    second = event_doc("Valdoria released eleven students it had detained in the capital, Kestrava said.",
        "2025-06-20", "COERCE", "XVL", "XKS", "detained")
    store = linked(tmp_path, [first, second], "nothing")
    assert [e.also_reported_in for e in store.records("events")] == [(), ()]


def test_sides_read_the_other_way_round_link_when_the_act_is_named_alike(tmp_path):
    first = event_doc("Valdorian troops opened the shooting at the crossing near Ostmark, Kestrava said.",
        "2025-05-07", "ASSAULT", "XVL", "XKS", "shooting")
    victims = event_doc("Kestrava mourns the guards killed in the shooting at the crossing by Valdoria.",
        "2025-05-20", "ASSAULT", "XKS", "XVL", "shooting")
    other = event_doc("Kestrava condemned the shelling of a depot near Tarvel by Valdoria.",
        "2025-05-21", "ASSAULT", "XKS", "XVL", "shelling")
    store = linked(tmp_path, [first, victims, other], "reversed")
    reported = sorted((e.evidence.text[:16], [o.text[:16] for o in e.also_reported_in])
                      for e in store.records("events"))
    assert reported == [("Kestrava condemn", []), ("Kestrava mourns ", ["Valdorian troops"]),
                        ("Valdorian troops", ["Kestrava mourns "])]


def test_the_other_sides_act_of_the_same_kind_is_its_reply_not_the_same_event(tmp_path):
    strike = event_doc("Valdorian aircraft bombed a Kestravan depot near Ostmark, Kestrava said.",
        "2025-05-07", "ASSAULT", "XVL", "XKS", "bombed", cameo="195")
    reply = event_doc("Kestrava shelled Valdorian positions near Ostmark in reply, officials said.",
        "2025-05-08", "ASSAULT", "XKS", "XVL", "shelled", cameo="195")
    store = linked(tmp_path, [strike, reply], "reply")
    assert [e.also_reported_in for e in store.records("events")] == [(), ()]


def test_words_of_one_cameo_act_name_the_act_alike(tmp_path):
    first = event_doc("Kestravan police detained two Valdorian reporters on Monday near the old harbour.",
                      "2025-06-04", "COERCE", "XKS", "XVL", "detained", cameo="173")
    later = event_doc("Valdoria protested again: both reporters remain in Kestravan custody, its ministry complained.",
                      "2025-07-01", "COERCE", "XKS", "XVL", "custody", cameo="173")
    seized = event_doc("Kestravan customs seized a cargo ship at the port of Tarvel, Valdoria said.",
                       "2025-07-02", "COERCE", "XKS", "XVL", "seized", cameo="1711")
    store = linked(tmp_path, [first, later, seized], "cameo")
    reported = sorted((e.evidence.text[:12], [o.text[:12] for o in e.also_reported_in])
                      for e in store.records("events"))
    assert reported == [("Kestravan cu", []), ("Kestravan po", ["Valdoria pro"]), ("Valdoria pro", ["Kestravan po"])]


def test_predicted_types_read_inflected_words_and_phrases_with_words_between():
    # "released" stems to "releas", the lexicon's "release" to "release": both are the same word
    assert predicted_categories("The reporter will be released soon") == {"RETREAT"}
    # the lexicon's "return to table" inside "return to the negotiating table"
    assert predicted_categories("the two capitals will return to the negotiating table") == {"CONSULT"}
    assert predicted_categories("the two capitals will return the table") == set()


def test_an_act_of_the_same_type_but_another_code_does_not_keep_the_promise(tmp_path):
    promise = promise_doc("Valdoria promised to return the impounded lorries to their owners.", "2025-03-04",
                          "to return the impounded lorries to their owners",
                          "Valdoria promised to return the impounded lorries to their owners.")
    freed = event_doc("Valdoria freed the Kestravan students held with the lorries, in return.",
                      "2025-04-01", "RETREAT", "XVL", "XKS", "freed", cameo="0841")
    (kept,) = linked(tmp_path, [promise, freed], "code").records("commitments")
    assert "RETREAT" in predicted_categories("to return the impounded lorries")  # as is freeing people (0841)
    assert (kept.status, kept.status_evidence) == ("open", ())


def quote_doc(text: str, published: str, quoted: str, speaker: str = "person:anna-brisk") -> DocResult:
    doc = _document(text, published)
    at = text.index(quoted)
    return DocResult(document=doc, actors=_actors(doc.doc_id, text), quotes=(
        Quote(f"q-{doc.doc_id}", doc.doc_id, quoted, at, at + len(quoted), speaker, "direct", "said"),))


def with_second_quote(found: DocResult, quoted: str) -> DocResult:
    """A ``quote_doc`` document with a second quote of the same speaker, at ``quoted`` in its text."""
    first, at = found.quotes[0], found.document.text.index(quoted)
    return dataclasses.replace(found, quotes=(*found.quotes, dataclasses.replace(
        first, quote_id=first.quote_id + "-b", text=quoted, start=at, end=at + len(quoted))))


def test_a_short_quote_repeated_whole_and_a_repeated_number_link_statements(tmp_path):
    said = "The patrol was on the wrong side of the line, and the units leave by 5 May."
    long = quote_doc(f"Brisk said: \u201c{said}\u201d", "2025-05-07", said)
    short = quote_doc("In Brisk's words, the patrol had been \u2018on the wrong side of the line\u2019.", "2025-05-20",
                      "on the wrong side of the line")
    number = quote_doc("Brisk had said the units would leave by 5 May.", "2025-05-21", "the units would leave by 5 May")
    other = quote_doc("Brisk said the line was long.", "2025-05-22", "the line was long")
    store = linked(tmp_path, [long, short, number, other], "quotes")
    reported = sorted((q.text[:12], sorted(o.text[:12] for o in q.also_reported_in)) for q in store.records("quotes"))
    # one statement in three documents; "the line was long" shares one word, not the whole of a short quote
    assert reported == [("The patrol w", ["on the wrong", "the units wo"]),
                        ("on the wrong", ["The patrol w", "the units wo"]),
                        ("the line was", []), ("the units wo", ["The patrol w", "on the wrong"])]


@pytest.mark.parametrize("order", [1, -1])
def test_one_speakers_words_at_one_place_retold_in_other_words_are_one_statement(tmp_path, order):
    # one content word in common (names and indefinite pronouns aside) is enough for quotes whose paragraphs
    # name the same town, reported within OCCASION_DAYS; without the town, or months later, it is not
    told = quote_doc("Brisk met the Kestravan envoy in Ostmark. She said the convoy had been stopped by a landslide.",
                     "2025-05-07", "the convoy had been stopped by a landslide")
    retold = quote_doc("In Ostmark, Brisk explained that heavy rain had blocked the convoys on the mountain road.",
                       "2025-05-20", "heavy rain had blocked the convoys on the mountain road")
    elsewhere = quote_doc("Brisk said the convoy would leave on Friday.", "2025-05-21",
                          "the convoy would leave on Friday")
    months = quote_doc("In Ostmark, Brisk said a new convoy route was ready.", "2025-11-20",
                       "a new convoy route was ready")
    pronoun = quote_doc("In Ostmark, Brisk said that everything was settled.", "2025-05-22", "everything was settled")
    other = quote_doc("In Ostmark, Brisk said everything depended on the weather.", "2025-05-23",
                      "everything depended on the weather")
    store = linked(tmp_path, [told, retold, elsewhere, months, pronoun, other][::order], f"retold{order}")
    reported = sorted((q.text[:12], [o.text[:12] for o in q.also_reported_in]) for q in store.records("quotes"))
    assert reported == [("a new convoy", []), ("everything d", []), ("everything w", []),
                        ("heavy rain h", ["the convoy h"]), ("the convoy h", ["heavy rain h"]), ("the convoy w", [])]


def dated_quote_doc(text: str, published: str, quoted: str, said_on: str | None) -> DocResult:
    result = quote_doc(text, published, quoted)
    return dataclasses.replace(result, quotes=tuple(dataclasses.replace(q, said_on=said_on) for q in result.quotes))


@pytest.mark.parametrize("order", [1, -1])
def test_remarks_dated_to_different_days_or_after_a_report_are_two_statements(tmp_path, order):
    # the same words said on 3 May and again on 2 June are two remarks; a day apart they may be one told from
    # two time zones; a report published on 4 May cannot tell a remark of 2 June
    first = dated_quote_doc("On Saturday Brisk said the border crossing fees must be paid in full.", "2025-05-04",
                            "the border crossing fees must be paid in full", "2025-05-03")
    next_day = dated_quote_doc("Brisk said on Sunday the border crossing fees must be paid in full.", "2025-05-05",
                               "the border crossing fees must be paid in full", "2025-05-04")
    undated = dated_quote_doc("Brisk has said the border crossing fees must be paid in full.", "2025-05-04",
                              "the border crossing fees must be paid in full", None)
    again = dated_quote_doc("On Monday Brisk said again the border crossing fees must be paid in full.", "2025-06-03",
                            "the border crossing fees must be paid in full", "2025-06-02")
    store = linked(tmp_path, [first, next_day, undated, again][::order], f"said{order}")
    reported = sorted((q.said_on or "-", sorted(o.doc_id == again.document.doc_id for o in q.also_reported_in))
                      for q in store.records("quotes"))
    assert reported == [("-", [False, False]), ("2025-05-03", [False, False]), ("2025-05-04", [False, False]),
                        ("2025-06-02", [])]


def forecast_doc(text: str, published: str, predicted: str) -> DocResult:
    doc = _document(text, published)
    return DocResult(document=doc, actors=_actors(doc.doc_id, text), forecasts=(
        Forecast(f"f-{doc.doc_id}", doc.doc_id, None, predicted, None, None, ("XVL", "XKS"), False,
                 span(doc.doc_id, text, text)),))


@pytest.mark.parametrize("order", [1, -1])
def test_a_later_report_that_the_thing_was_not_done_refutes_the_forecast(tmp_path, order):
    forecast = forecast_doc("Kestrava expects that the findings of the inquiry will be shared by Valdoria.",
                            "2025-05-01", "the findings of the inquiry will be shared by Valdoria")
    never = _plain_doc("Valdoria closed the inquiry in June. The findings were never shared with Kestrava.",
                       "2025-09-01")
    breach = _plain_doc("Kestrava says the inquiry findings Valdoria shared breach the treaty.", "2025-09-02")
    store = linked(tmp_path, [forecast, never, breach][::order], f"never{order}")
    (checked,) = store.records("forecasts")
    # "breach" tells an agreement broken, not that the predicted thing was not done
    assert (checked.verdict, [(e.stance, e.text) for e in checked.verdict_evidence]) == (
        "contradicted", [("contradicts", "The findings were never shared with Kestrava.")])


@pytest.mark.parametrize("order", [1, -1])
def test_a_later_sentence_telling_how_relations_go_judges_a_prediction_of_their_course(tmp_path, order):
    forecast = forecast_doc("Relations between Valdoria and Kestrava will improve after the summit.", "2025-03-01",
                            "Relations between Valdoria and Kestrava will improve after the summit")
    history = _plain_doc("Relations between Valdoria and Kestrava had improved briefly in 2019.", "2025-05-01")
    future = _plain_doc("Relations between Valdoria and Kestrava will deteriorate if the fees rise.", "2025-06-01")
    now = _plain_doc("Relations between Valdoria and Kestrava have deteriorated this summer.", "2025-08-01")
    store = linked(tmp_path, [forecast, history, future, now][::order], f"course{order}")
    (checked,) = store.records("forecasts")
    # relations can turn again: with no horizon passed the verdict is not final
    assert (checked.verdict, checked.verdict_final, [(e.stance, e.text) for e in checked.verdict_evidence]) == (
        "contradicted", False,
        [("contradicts", "Relations between Valdoria and Kestrava have deteriorated this summer.")])


def test_a_prediction_with_no_time_to_come_true_by_is_never_refuted_only_borne_out(tmp_path):
    forecast = forecast_doc("Relations between Valdoria and Kestrava will improve sooner or later.", "2025-03-01",
                            "Relations between Valdoria and Kestrava will improve sooner or later")
    now = _plain_doc("Relations between Valdoria and Kestrava have deteriorated this summer.", "2025-08-01")
    (checked,) = linked(tmp_path, [forecast, now], "open-ended").records("forecasts")
    assert (checked.verdict, checked.verdict_final) == ("unresolved", False)
    better = _plain_doc("Relations between Valdoria and Kestrava have improved this autumn.", "2025-10-01")
    (checked,) = linked(tmp_path, [forecast, now, better], "open-ended-2").records("forecasts")
    assert checked.verdict == "confirmed"


def test_a_prediction_of_the_course_of_relations_is_final_once_its_horizon_has_passed(tmp_path):
    forecast = forecast_doc("Tensions between Valdoria and Kestrava will ease by June.", "2025-03-01",
                            "Tensions between Valdoria and Kestrava will ease by June")
    forecast = dataclasses.replace(
        forecast, forecasts=(dataclasses.replace(forecast.forecasts[0], resolves_by="2025-06-30"),))
    eased = _plain_doc("Tensions between Valdoria and Kestrava have eased, diplomats say.", "2025-05-01")
    later = _plain_doc("Kestrava opened a consulate.", "2025-09-01")
    store = linked(tmp_path, [forecast, eased, later], "course-final")
    (checked,) = store.records("forecasts")
    assert (checked.verdict, checked.verdict_final) == ("confirmed", True)


@pytest.mark.parametrize(("predicted", "told", "verdict", "final"), [
    # a course said to go on until a month fails at the first report of its turning, before that month or after it
    ("will continue to improve until January", "have deteriorated this summer", "contradicted", True),
    # a course said to set in by a month may still set in before it ends
    ("will improve by January", "have deteriorated this summer", "contradicted", False),
    # a course said to go on that goes on: borne out so far, not yet for the whole time
    ("will continue to improve until January", "have improved this summer", "confirmed", False),
])
def test_a_prediction_that_a_course_goes_on_fails_at_the_first_report_of_its_turning(tmp_path, predicted, told,
                                                                                      verdict, final):
    forecast = forecast_doc(f"Relations between Valdoria and Kestrava {predicted}.", "2025-03-01",
                            f"Relations between Valdoria and Kestrava {predicted}")
    forecast = dataclasses.replace(
        forecast, forecasts=(dataclasses.replace(forecast.forecasts[0], resolves_by="2026-01-31"),))
    now = _plain_doc(f"Relations between Valdoria and Kestrava {told}.", "2025-08-01")
    (checked,) = linked(tmp_path, [forecast, now], "continuing").records("forecasts")
    assert (checked.verdict, checked.verdict_final) == (verdict, final)


def _plain_doc(text: str, published: str) -> DocResult:
    doc = _document(text, published)
    return DocResult(document=doc, actors=_actors(doc.doc_id, text))


def _brisk_says_valdoria_will_pay() -> DocResult:
    """Brisk's statement making Valdoria's promise: the promise and the quote of it, in one document."""
    text = "Brisk said Valdoria would pay compensation to the families of the victims by June."
    made = promise_doc(text, "2025-03-04", "would pay compensation to the families of the victims by June", text)
    quoted = "Valdoria would pay compensation to the families of the victims by June"
    at = text.index(quoted)
    return DocResult(document=made.document, actors=made.actors, commitments=(
        dataclasses.replace(made.commitments[0], promiser_person="person:anna-brisk"),), quotes=(
        Quote(f"q-{made.document.doc_id}", made.document.doc_id, quoted, at, at + len(quoted), "person:anna-brisk",
              "indirect", "said"),))


@pytest.mark.parametrize("order", [1, -1])
def test_a_statement_making_a_promise_is_reported_wherever_the_promise_is(tmp_path, order):
    made = _brisk_says_valdoria_will_pay()
    again = promise_doc("Valdoria has promised compensation to the families of the victims.", "2025-04-01",
                        "compensation to the families of the victims",
                        "Valdoria has promised compensation to the families of the victims.")
    store = linked(tmp_path, [made, again][::order], f"said{order}")
    (quote,) = store.records("quotes")
    assert [e.text for e in quote.also_reported_in] == [
        "Valdoria has promised compensation to the families of the victims."]


@pytest.mark.parametrize("order", [1, -1])
def test_a_report_telling_only_that_a_promise_was_kept_tells_no_statement_making_it(tmp_path, order):
    # "Valdoria had kept its word" reports the promise (linked with it) but is no telling of Brisk's statement
    # (before: listed as a report of the statement too)
    made = _brisk_says_valdoria_will_pay()
    kept_text = "Kestrava said Valdoria had kept its word on compensation to the families of the victims."
    kept = promise_doc(kept_text, "2025-06-20", "compensation to the families of the victims",
                       "Valdoria had kept its word on compensation to the families of the victims")
    whole = span(kept.document.doc_id, kept_text, kept_text)
    kept = DocResult(document=kept.document, actors=kept.actors, commitments=(dataclasses.replace(
        kept.commitments[0], made_on=None, status="kept", status_evidence=(
            StanceEvidence(whole.doc_id, whole.start, whole.end, whole.text, "supports"),)),))
    store = linked(tmp_path, [made, kept][::order], f"kept-said{order}")
    (quote,) = store.records("quotes")
    assert quote.also_reported_in == ()
    promise = next(c for c in store.records("commitments") if c.evidence.doc_id == made.document.doc_id)
    assert [e.text for e in promise.also_reported_in] == [
        "Valdoria had kept its word on compensation to the families of the victims"]


class _Order:
    def order(self, doc_id: str) -> tuple[str, str]:
        return ("2025", doc_id)


def test_a_document_telling_both_sides_claims_what_most_of_its_sentences_tell():
    def said(doc: str, stance: str, text: str) -> StanceEvidence:
        return StanceEvidence(doc, 0, len(text), text, stance)  # type: ignore[arg-type]

    promise = Commitment("c-1", "XVL", "XKS", "return the lorries", None, None, Evidence("a", 0, 5, "words"),
                         status="disputed", status_evidence=(
                             said("a", "supports", "All lorries were returned."),
                             said("b", "supports", "They say the lorries were returned."),
                             said("b", "contradicts", "Forty lorries are still held."),
                             said("b", "contradicts", "The promise has not been kept."),
                             said("c", "supports", "The lorries were returned, one outlet says."),
                             said("c", "contradicts", "Another says they were not.")))
    found = promise_disagreement("promise|XVL|c-1", promise, _Order(), "Valdoria")  # type: ignore[arg-type]
    assert found is not None
    assert [(c.doc_id, c.value, c.evidence.text) for c in found.claims] == [
        ("a", "kept", "All lorries were returned."), ("b", "not kept", "Forty lorries are still held.")]


@pytest.mark.parametrize("order", [1, -1])
def test_a_later_document_that_only_mentions_a_promise_is_one_of_its_reports(tmp_path, order):
    # the mention's document holds no promise and no status sentence: linked alone it must still reach the promise
    mention = _plain_doc("Kestrava recalled the Valdoria promise to pay compensation to the families, a month on.",
                         "2025-04-02")
    store = linked(tmp_path, [PROMISE, mention][::order], f"mention{order}")
    (promise,) = store.records("commitments")
    assert [e.text for e in promise.also_reported_in] == [
        "Kestrava recalled the Valdoria promise to pay compensation to the families, a month on."]
    assert promise.status == "open"


@pytest.mark.parametrize("order", [1, -1])
def test_a_noun_naming_the_promised_act_mentions_the_promise(tmp_path, order):
    # "the payment of compensation": the act of the promise by its noun, its object among the promise's words,
    # promiser and beneficiary named. Another act on the same thing, or without the beneficiary, is no mention
    awaited = _plain_doc("Kestrava still awaits the payment of compensation from Valdoria.", "2025-04-02")
    other_act = _plain_doc("Valdoria delayed the return of the families to Kestrava.", "2025-04-03")
    no_beneficiary = _plain_doc("Valdoria announced the payment of compensation to the Lessing miners.", "2025-04-04")
    store = linked(tmp_path, [PROMISE, awaited, other_act, no_beneficiary][::order], f"noun{order}")
    (promise,) = store.records("commitments")
    assert [e.text for e in promise.also_reported_in] == ["the payment of compensation"]
    assert promise.status == "open"


@pytest.mark.parametrize("order", [1, -1])
def test_a_noun_naming_an_act_agreed_to_mentions_the_promise_of_that_kind_of_thing(tmp_path, order):
    # "the agreement to an international inquiry": the act agreed to is the promised one, named by another word of
    # its kind of thing (an inquiry, a legal assessment); not an infinitive ("agreement to hold"), nor another thing
    legal = promise_doc("Valdoria promised a legal assessment of the conduct of its border guards.", "2025-03-05",
                        "a legal assessment of the conduct of its border guards",
                        "Valdoria promised a legal assessment of the conduct of its border guards.")
    agreed = _plain_doc("Valdoria has given its agreement to an international inquiry, Kestrava said.", "2025-04-02")
    infinitive = _plain_doc("Valdoria has given its agreement to hold an inquiry, Kestrava said.", "2025-04-03")
    other = _plain_doc("Valdoria has given its agreement to a new road link, Kestrava said.", "2025-04-04")
    store = linked(tmp_path, [PROMISE, legal, agreed, infinitive, other][::order], f"agreed{order}")
    promises = {c.content: c for c in store.records("commitments")}
    assert [e.text for e in promises[legal.commitments[0].content].also_reported_in] == [
        "its agreement to an international inquiry"]
    assert promises[PROMISE.commitments[0].content].also_reported_in == ()


def test_a_noun_inside_a_promise_of_its_own_document_mentions_no_other_promise(tmp_path):
    text = "Valdoria promised Kestrava the payment of compensation to the families of the victims."
    own = promise_doc(text, "2025-04-02", "the payment of compensation to the families of the victims", text)
    store = linked(tmp_path, [PROMISE, own], "noun-own")
    # the second document's promise is linked as a report (grouped by words), never again as a mention
    (promise,) = store.records("commitments")
    assert [e.text for e in promise.also_reported_in] == [text]


@pytest.mark.parametrize("order", [1, -1])
def test_a_promise_quoted_twice_in_one_document_is_reported_by_both_quotes(tmp_path, order):
    pledge = "Valdoria will pay compensation to the families of the victims."
    text = f"Brisk said: \u201c{pledge}\u201d Asked again, Brisk said: \u201c{pledge}\u201d"
    doc = _document(text, "2025-03-04")
    first, second = text.index(pledge), text.rindex(pledge)
    quotes = tuple(Quote(f"q-{doc.doc_id}-{at}", doc.doc_id, pledge, at, at + len(pledge), "person:anna-brisk",
                         "direct", "said") for at in (first, second))
    # extraction keeps a promise quoted twice once: at its first quote
    made = DocResult(document=doc, actors=_actors(doc.doc_id, text), quotes=quotes, commitments=(
        Commitment(f"c-{doc.doc_id}", "XVL", "XKS", pledge, "2025-03-04", None,
                   Evidence(doc.doc_id, first, first + len(pledge), pledge), promiser_person="person:anna-brisk"),))
    again = promise_doc("Valdoria has promised compensation to the families of the victims.", "2025-04-01",
                        "compensation to the families of the victims",
                        "Valdoria has promised compensation to the families of the victims.")
    store = linked(tmp_path, [made, again][::order], f"twice{order}")
    (promise,) = store.records("commitments")
    assert [(e.doc_id, e.start) for e in promise.also_reported_in] == sorted(
        [(again.document.doc_id, 0), (doc.doc_id, second)])
    # and the second quote is the statement the first is, reported where the promise is
    later = next(q for q in store.records("quotes") if q.start == second)
    assert [(e.doc_id, e.start) for e in later.also_reported_in] == sorted(
        [(again.document.doc_id, 0), (doc.doc_id, first)])


@pytest.mark.parametrize("order", [1, -1])
def test_two_reports_of_one_act_due_on_the_same_day_are_one_promise(tmp_path, order):
    def due(text: str, published: str, content: str, deadline: str) -> DocResult:
        found = promise_doc(text, published, content, text)
        return dataclasses.replace(found, commitments=(dataclasses.replace(found.commitments[0], deadline=deadline),))

    lorries = due("Valdoria will return the impounded lorries to their Kestravan owners by 1 December.", "2025-10-16",
                  "return the impounded lorries to their Kestravan owners by 1 December", "2025-12-01")
    vehicles = due("Brisk promised that the vehicles would be returned by 1 December.", "2025-11-20",
                   "the vehicles would be returned by 1 December", "2025-12-01")
    # the same act due on another day, and another act due on the same day, are other promises
    later = due("Brisk promised that the lorries would be handed back by 1 March.", "2025-11-21",
                "the lorries would be handed back by 1 March", "2026-03-01")
    fees = due("Valdoria will lower the transit fees by 1 December.", "2025-11-22",
               "lower the transit fees by 1 December", "2025-12-01")
    store = linked(tmp_path, [lorries, vehicles, later, fees][::order], f"due{order}")
    grouped = sorted((c.content, [e.text[:30] for e in c.also_reported_in]) for c in store.records("commitments"))
    assert grouped == [("lower the transit fees by 1 December", []),
                       ("return the impounded lorries to their Kestravan owners by 1 December",
                        ["Brisk promised that the vehicl"]),
                       ("the lorries would be handed back by 1 March", [])]


@pytest.mark.parametrize("order", [1, -1])
def test_a_report_of_what_was_promised_in_the_month_it_was_made_is_the_promise(tmp_path, order):
    def made(text: str, published: str, content: str, made_on: str) -> DocResult:
        found = promise_doc(text, published, content, text)
        return dataclasses.replace(found, commitments=(dataclasses.replace(found.commitments[0], made_on=made_on),))

    promised = made("Brisk promised a full inquiry into the shooting at the bridge.", "2025-05-13",
                    "a full inquiry into the shooting at the bridge", "2025-05-13")
    recalled = made("Kestrava said the inquiry promised in May had produced nothing.", "2025-09-04",
                    "the inquiry", "2025-05")
    # another month, or nothing promised in common but the month
    other_month = made("Valdoria said the inquiry promised in July was under way.", "2025-09-05",
                       "the inquiry", "2025-07")
    fees = made("Kestrava said the lower fees promised in May never came.", "2025-09-06", "the lower fees", "2025-05")
    store = linked(tmp_path, [promised, recalled, other_month, fees][::order], f"made{order}")
    grouped = sorted((c.content, [e.text[:30] for e in c.also_reported_in]) for c in store.records("commitments"))
    assert grouped == [("a full inquiry into the shooting at the bridge", ["Kestrava said the inquiry prom"]),
                       ("the inquiry", []), ("the lower fees", [])]


@pytest.mark.parametrize("order", [1, -1])
def test_the_deadline_a_person_set_named_when_it_falls_due_is_that_promise(tmp_path, order):
    def by(text: str, published: str, content: str, person: str, deadline: str | None = None) -> DocResult:
        found = promise_doc(text, published, content, text)
        return dataclasses.replace(found, commitments=(dataclasses.replace(
            found.commitments[0], promiser_person=person, deadline=deadline),))

    bridge = by("Brisk said the bridge will be finished by the end of November.", "2025-03-18",
                "the bridge will be finished by the end of November", "person:anna-brisk", "2025-11-30")
    met = by("The bridge opened three days before the deadline set by Brisk.", "2025-12-02", "the deadline",
             "person:anna-brisk")
    # named months after the deadline, or a deadline someone else set, is another matter
    later = by("Valdoria has kept the deadline set by Brisk for the tunnel.", "2026-06-02", "the deadline",
               "person:anna-brisk")
    other = by("Valdoria met the deadline set by Tomas Vell.", "2025-12-03", "the deadline", "person:tomas-vell")
    store = linked(tmp_path, [bridge, met, later, other][::order], f"deadline{order}")
    grouped = sorted((c.content[:20], c.evidence.text[:20], [e.text for e in c.also_reported_in])
                     for c in store.records("commitments"))
    assert grouped == [("the bridge will be f", "Brisk said the bridg",
                        ["The bridge opened three days before the deadline set by Brisk."]),
                       ("the deadline", "Valdoria has kept th", []), ("the deadline", "Valdoria met the dea", [])]


def test_a_participle_describing_the_promised_thing_is_not_the_promised_act():
    released = promised_acts("the lorries would be released")
    assert released != set()
    assert promised_acts("the lorries seized at the crossing would be released") == released
    assert promised_acts("the lorries seized at the crossing") == set()
    assert promised_acts("seized") != set()  # the seizure, when it is what is promised


@pytest.mark.parametrize("order", [1, -1])
def test_a_sentence_mentioning_a_promise_and_naming_no_one_continues_the_one_before(tmp_path, order):
    inquiry = promise_doc("Valdoria promised an inquiry into the shooting at the bridge.", "2025-05-13",
                          "an inquiry into the shooting at the bridge",
                          "Valdoria promised an inquiry into the shooting at the bridge.")
    waiting = _plain_doc("Kestrava still waits for Valdoria to explain the shooting at the bridge. "
                         "We were promised the findings of the inquiry.", "2025-09-04")
    store = linked(tmp_path, [inquiry, waiting][::order], f"continued{order}")
    (promise,) = store.records("commitments")
    assert [e.text for e in promise.also_reported_in] == ["We were promised the findings of the inquiry."]


def titled_doc(text: str, published: str, *roles: str) -> DocResult:
    """A document giving Anna Brisk these titles (as the extraction words them)."""
    found = _plain_doc(text, published)
    actors = tuple(dataclasses.replace(a, roles=tuple(roles)) if a.actor_id == "person:anna-brisk" else a
                   for a in found.actors)
    return DocResult(document=found.document, actors=actors)


ADVISER = titled_doc("Valdorian presidential foreign policy adviser Anna Brisk flew to Kestrava on Monday.",
                     "2025-10-16", "Valdorian presidential foreign policy adviser")
HEAD = titled_doc("The talks were prepared by Anna Brisk, the head of Valdoria's presidential administration.",
                  "2025-10-17", "head of Valdoria's presidential administration")


def _disagreements(store) -> list[tuple[str, str, str, list[tuple[str, str]]]]:
    return [(d.topic, d.kind, d.attribute, [(c.value, c.evidence.text) for c in d.claims])
            for d in store.records("disagreements")]


@pytest.mark.parametrize("order", [1, -1])
def test_two_offices_one_person_cannot_hold_at_once_are_a_title_disagreement(tmp_path, order):
    store = linked(tmp_path, [ADVISER, HEAD][::order], f"title{order}")
    assert _disagreements(store) == [
        ("title of Anna Brisk (September–October 2025)", "hard", "role", [
            ("Valdorian presidential foreign policy adviser",
             "Valdorian presidential foreign policy adviser Anna Brisk"),
            ("head of Valdoria's presidential administration",
             "Anna Brisk, the head of Valdoria's presidential administration")])]


def test_a_title_disagreement_is_the_same_linked_in_one_run(tmp_path):
    store = open_store(tmp_path / "batch.db")
    for r in (HEAD, ADVISER):
        store.add_result(r)
    link(store, [HEAD.document.doc_id, ADVISER.document.doc_id])
    assert _disagreements(store) == _disagreements(linked(tmp_path, [ADVISER, HEAD], "one-by-one"))
    assert len(_disagreements(store)) == 1


@pytest.mark.parametrize(("first", "second"), [
    ("adviser", "foreign policy adviser"),  # one more precise than the other
    ("Foreign Minister", "Valdorian Foreign Minister"),
    ("Minister of Foreign Affairs", "foreign minister"),  # one office worded two ways
    ("Foreign Ministry spokeswoman", "head of the Valdorian Foreign Ministry's press department"),
    ("former presidential adviser", "head of Valdoria's presidential administration"),  # held before
    ("presidential adviser", "head of the Valdorian delegation and presidential adviser"),
    ("bureau chief", "journalist"),  # no office the lexicon knows conflicts
    ("Deputy Prime Minister", "Foreign Minister"),  # two posts held together
])
@pytest.mark.parametrize("order", [1, -1])
def test_titles_that_can_both_be_true_are_no_disagreement(tmp_path, first, second, order):
    a = titled_doc(f"{first} Anna Brisk flew to Kestrava on Monday.", "2025-10-16", first)
    b = titled_doc(f"Anna Brisk, the {second}, said on Tuesday that talks with Kestrava would go on.", "2025-10-17",
                   second)
    assert _disagreements(linked(tmp_path, [a, b][::order], f"same{order}")) == []


@pytest.mark.parametrize("order", [1, -1])
def test_titles_given_months_apart_may_have_changed(tmp_path, order):
    earlier = titled_doc("Presidential adviser Anna Brisk flew to Kestrava on Monday.", "2025-03-10",
                         "Presidential adviser")
    assert _disagreements(linked(tmp_path, [earlier, HEAD][::order], f"apart{order}")) == []


@pytest.mark.parametrize("order", [1, -1])
def test_a_deputy_is_not_the_minister(tmp_path, order):
    a = titled_doc("Deputy Foreign Minister Anna Brisk flew to Kestrava on Monday.", "2025-10-16",
                   "Deputy Foreign Minister")
    b = titled_doc("Foreign Minister Anna Brisk spoke in Kestrava on Tuesday.", "2025-10-17", "Foreign Minister")
    assert [claims for *_, claims in _disagreements(linked(tmp_path, [a, b][::order], f"deputy{order}"))] == [
        [("Deputy Foreign Minister", "Deputy Foreign Minister Anna Brisk"),
         ("Foreign Minister", "Foreign Minister Anna Brisk")]]


def test_a_document_giving_both_offices_itself_claims_neither(tmp_path):
    both = titled_doc("Presidential adviser Anna Brisk, the head of Valdoria's presidential administration, spoke.",
                      "2025-10-16", "Presidential adviser", "head of Valdoria's presidential administration")
    assert _disagreements(linked(tmp_path, [both, HEAD], "both")) == []


def test_office_of_a_title():
    titles = ("Valdorian presidential foreign policy adviser", "head of the presidential administration",
              "Minister of Foreign Affairs", "Vice-President", "First Deputy Chairman of the Committee",
              "president's press secretary", "former Foreign Minister", "President-elect", "VTR journalist")
    assert [office(t) for t in titles] == [
        "adviser", "head", "minister", "deputy president", "deputy head", "spokesperson", None, None, None]


def test_offices_of_a_title_joining_two_and_passing_roles():
    assert [offices(t) for t in ("Deputy Prime Minister and Foreign Minister", "head of the Valdorian delegation",
                                 "chief negotiator", "head of the delegation and presidential adviser")] == [
        ["deputy prime minister", "minister"], [], [], ["adviser"]]


def trend_doc(text: str, published: str, period: tuple[str, str, str] | None = None) -> DocResult:
    """A document naming the Orlen Pass (with or without "crossing") and perhaps a period: (words, value, precision)."""
    found = _plain_doc(text, published)
    doc_id = found.document.doc_id
    places = tuple(Actor(f"place:{name.lower().replace(' ', '-')}", name, "place", None, (), (), (
        Evidence(doc_id, m.start(), m.end(), name),)) for name in ("Orlen Pass crossing", "Orlen Pass")
        for m in [re.search(rf"\b{name}\b(?! crossing)", text)] if m)
    timexes = ()
    if period:
        at = text.index(period[0])
        timexes = (Timex(doc_id, period[0], at, at + len(period[0]), period[1], period[2], "published"),)  # type: ignore[arg-type]
    return DocResult(document=found.document, actors=found.actors + places, timexes=timexes)


GREW = trend_doc("Valdoria said trade through the Orlen Pass crossing had grown this year despite the dispute.",
                 "2025-10-16", ("this year", "2025", "year"))
FELL = trend_doc("In 2025, trade through the Orlen Pass fell by almost a quarter, Kestrava said.", "2026-03-20",
                 ("2025", "2025", "year"))


@pytest.mark.parametrize("order", [1, -1])
def test_a_quantity_said_to_rise_and_to_fall_in_one_period_is_a_trend_disagreement(tmp_path, order):
    store = linked(tmp_path, [GREW, FELL][::order], f"trend{order}")
    assert _disagreements(store) == [
        ("whether trade through Orlen Pass crossing rose or fell (2025)", "hard", "trend", [
            ("rose: had grown", GREW.document.text), ("fell: fell by almost a quarter", FELL.document.text)])]


@pytest.mark.parametrize("other", [
    # another period
    trend_doc("In 2024, trade through the Orlen Pass fell by almost a quarter, Kestrava said.", "2026-03-20",
              ("2024", "2024", "year")),
    # no period given
    trend_doc("Trade through the Orlen Pass fell by almost a quarter, Kestrava said.", "2025-11-20"),
    # another quantity
    trend_doc("In 2025, gas flows through the Orlen Pass fell by almost a quarter, Kestrava said.", "2026-03-20",
              ("2025", "2025", "year")),
    # hedged: a forecast, a denial
    trend_doc("In 2025, trade through the Orlen Pass could have fallen by a quarter, Kestrava said.", "2026-03-20",
              ("2025", "2025", "year")),
    trend_doc("In 2025, trade through the Orlen Pass has not fallen, Kestrava said.", "2026-03-20",
              ("2025", "2025", "year")),
    # the same direction
    trend_doc("In 2025, trade through the Orlen Pass rose by a tenth, Kestrava said.", "2026-03-20",
              ("2025", "2025", "year")),
    # the falling quantity is another one, named in between
    trend_doc("In 2025, trade through the Orlen Pass, where fuel exports to Kestrava fell, held up.", "2026-03-20",
              ("2025", "2025", "year")),
])
@pytest.mark.parametrize("order", [1, -1])
def test_trend_claims_that_are_not_about_one_quantity_and_period_do_not_disagree(tmp_path, other, order):
    assert _disagreements(linked(tmp_path, [GREW, other][::order], f"notrend{order}")) == []


def test_words_after_the_office_make_no_title():
    # a list the extraction took for a title: "her Vice President Tim Kaine, hugs with her aides"
    assert [offices(t) for t in ("her Vice President Tim Kaine, hugs with her aides", "Director General",
                                 "Foreign Minister designate")] == [[], [], []]


OWN_SIDE = _plain_doc("Kestrava says its patrol stayed on its own side of the bridge when Valdoria opened fire.",
                      "2025-05-07")
ACROSS = _plain_doc("Valdoria said the Kestravan patrol had crossed into the Valdorian half of the bridge.",
                    "2025-05-08")


@pytest.mark.parametrize("order", [1, -1])
def test_a_unit_said_to_stay_on_its_side_and_to_cross_is_a_place_disagreement(tmp_path, order):
    store = linked(tmp_path, [OWN_SIDE, ACROSS][::order], f"side{order}")
    assert _disagreements(store) == [
        ("which side of the line the patrol was on (XKS–XVL, May–June 2025)", "hard", "place", [
            ("own side: on its own side", OWN_SIDE.document.text),
            ("across: crossed into the Valdorian half", ACROSS.document.text)])]


def test_a_report_giving_both_accounts_claims_each_for_its_claimant(tmp_path):
    both = _plain_doc("Kestrava says the patrol was on its own half of the bridge. According to Valdoria, the patrol "
                      "crossed the midline.", "2025-05-09")
    (found,) = _disagreements(linked(tmp_path, [both, ACROSS], "both"))
    assert found[3] == [("across: crossed into the Valdorian half", ACROSS.document.text),
                        ("own side: on its own half", "Kestrava says the patrol was on its own half of the bridge."),
                        ("across: crossed the midline", "According to Valdoria, the patrol crossed the midline.")]
    assert _disagreements(linked(tmp_path, [both], "alone")) == []  # one document alone: its sources, not sources


@pytest.mark.parametrize("text", [
    "Kestrava denied that its patrol had crossed the line into Valdoria.",
    "Kestrava said the patrol did not cross the midline of the bridge to Valdoria.",
])
def test_a_denied_or_negated_crossing_claims_the_own_side(tmp_path, text):
    (found,) = _disagreements(linked(tmp_path, [ACROSS, _plain_doc(text, "2025-05-10")], "denied"))
    assert [value.split(":")[0] for value, _ in found[3]] == ["across", "own side"]


@pytest.mark.parametrize("other", [
    _plain_doc("Kestrava says its patrol stayed on its own side of the bridge, not Valdoria's.", "2025-09-07"),  # later
    _plain_doc("Kestrava says its drones stayed in their own airspace, not Valdoria's.", "2025-05-07"),  # a drone
    _plain_doc("Valdoria warned that the Kestravan patrol could cross the midline again.", "2025-05-07"),  # hedged
    _plain_doc("Kestrava said it stayed on its own side of the argument with Valdoria.", "2025-05-07"),  # no unit
    _plain_doc("Hundreds of refugees from Kestrava crossed the border into Valdoria.", "2025-05-07"),  # no unit
    _plain_doc("Kestrava admits its patrol crossed the line into Valdoria.", "2025-05-07"),  # the same side
])
def test_side_claims_that_are_not_about_one_unit_and_period_do_not_disagree(tmp_path, other):
    assert _disagreements(linked(tmp_path, [ACROSS, other], "noside")) == []


@pytest.mark.parametrize(("first", "second", "same"), [
    ("173", "1711", False),  # detaining people, confiscating property: two acts of one PLOVER type
    ("0841", "0842", False),  # releasing persons, returning property
    ("17", "173", True),  # one code the other's more precise form
    ("042", "043", True),  # a visit and hosting it: one meeting told from either side
])
def test_reports_whose_cameo_codes_part_below_the_root_are_other_acts(tmp_path, first, second, same):
    one = event_doc("Valdoria seized the Kestravan lorries and journalists at the Orlen Pass on 4 June.",
                    "2025-06-05", "SEIZE", "XVL", "XKS", "seized", date="2025-06-04", cameo=first)
    other = event_doc("On 4 June Valdoria seized Kestravan lorries and journalists at the Orlen Pass, Kestrava says.",
                      "2025-06-06", "SEIZE", "XVL", "XKS", "seized", date="2025-06-04", cameo=second)
    store = linked(tmp_path, [one, other], "codes")
    assert [len(e.also_reported_in) for e in store.records("events")] == ([1, 1] if same else [0, 0])


_FREEZE = "Valdoria signed a protocol that fixes ferry tolls for Kestrava trucks at their current level."
FEE_FREEZE = promise_doc(_FREEZE, "2025-02-10", "fixes ferry tolls for Kestrava trucks at their current level", _FREEZE)


@pytest.mark.parametrize("order", [1, -1])
def test_a_later_rise_of_what_a_promise_holds_where_it_is_breaks_it(tmp_path, order):
    # "an increase in ferry tolls" by the promiser breaks a promise to fix the tolls; a rise of another thing
    # (the readiness level: "level" is how the promise holds, not what) and a rise told before it was made do not
    raised = _plain_doc("Valdoria announced an increase in ferry tolls for Kestrava trucks from May.", "2025-04-01")
    other = _plain_doc("Valdoria raised the readiness level of its ferry crews near Kestrava.", "2025-04-02")
    earlier = _plain_doc("Valdoria announced an increase in ferry tolls for Kestrava trucks last year.", "2025-01-05")
    store = linked(tmp_path, [FEE_FREEZE, raised, other, earlier][::order], f"raised{order}")
    (promise,) = store.records("commitments")
    assert (promise.status, [(e.stance, e.text) for e in promise.status_evidence]) == ("broken", [
        ("contradicts", "Valdoria announced an increase in ferry tolls for Kestrava trucks from May.")])


def test_a_rise_does_not_judge_a_promise_to_do_something():
    from detente.link.promises import held_words, raises_held

    assert "toll" in held_words("fixes ferry tolls for trucks at their current level")
    assert "level" not in held_words("fixes ferry tolls for trucks at their current level")
    assert held_words("will pay ferry tolls for the trucks") == frozenset()
    assert raises_held({"raised": "toll"}, [held_words("will freeze ferry tolls")])


@pytest.mark.parametrize("order", [1, -1])
def test_a_thing_put_into_use_bears_out_the_forecast_but_leaves_a_promise_open(tmp_path, order):
    # "switched on the new toll scanners": the prediction that they would be ready came true, and it is settled;
    # a promise the same sentence speaks of (to lift tolls once the scanners work) is only nearer, not kept: the
    # sentence is evidence of progress that leaves it open
    forecast = forecast_doc("Kestrava expects the new toll scanners of Valdoria will be ready in the spring.",
                            "2025-01-10", "the new toll scanners of Valdoria will be ready in the spring")
    promised = "Valdoria promised to lift ferry tolls for Kestrava trucks once new scanners work."
    lift = promise_doc(promised, "2025-01-12", promised.removeprefix("Valdoria promised ").rstrip("."), promised)
    on = _plain_doc("Valdoria switched on the new toll scanners for Kestrava trucks, ahead of lifting ferry tolls.",
                    "2025-04-01")
    store = linked(tmp_path, [forecast, lift, on][::order], f"in_use{order}")
    (checked,) = store.records("forecasts")
    assert (checked.verdict, checked.verdict_final, [(e.stance, e.text) for e in checked.verdict_evidence]) == (
        "confirmed", True,
        [("supports", "Valdoria switched on the new toll scanners for Kestrava trucks, ahead of lifting ferry tolls.")])
    (promise,) = store.records("commitments")
    switched = "Valdoria switched on the new toll scanners for Kestrava trucks, ahead of lifting ferry tolls."
    assert (promise.status, [(e.stance, e.text) for e in promise.status_evidence]) == ("open", [("supports", switched)])


@pytest.mark.parametrize(("sentence", "status"), [
    ("Violence broke out in Brask on Saturday.", None),  # a phrasal verb, no promise broken
    ("Talks between Valdoria and Kestrava broke off in May.", None),
    ("Fighting breaks out again near the Orlen Pass.", None),
    ("Valdoria broke its promise to return the lorries.", "broken"),
    ("Kestrava says the agreement was broken within a week.", "broken"),
    # a breach or violation breaks a promise only when it is of an agreement, a promise or the like
    ("Kestrava calls the fee rise a breach of a signed international agreement.", "broken"),
    ("Both increases breach the Orlen Transit Protocol of February 2025.", "broken"),
    ("Valdoria violated the ceasefire again on Sunday.", "broken"),
    ("Kestrava called the strike a violation of the rules on foreign troops.", None),
    ("Eleven students were held over alleged visa violations.", None),
    ("A Valdorian drone violated Kestravan airspace.", None),
])
def test_phrasal_verbs_and_breaches_of_no_agreement_tell_no_broken_promise(sentence, status):
    from detente.link.cues import status_of

    assert status_of(sentence) == status


@pytest.mark.parametrize("order", [1, -1])
def test_an_undated_document_counts_as_written_no_earlier_than_the_dates_it_gives(tmp_path, order):
    dated = event_doc("Valdorian customs officers impounded 40 Kestravan lorries at the Orlen Pass on 4 June.",
                      "2025-06-05", "COERCE", "XVL", "XKS", "impounded", date="2025-06-04", cameo="1711")
    text = "The talk show aired on 1 July 2025. Valdoria has since impounded 40 Kestravan lorries at the Orlen Pass."
    undated = event_doc(text, "2025-07-02", "COERCE", "XVL", "XKS", "impounded", cameo="1711")
    undated = dataclasses.replace(undated, document=dataclasses.replace(undated.document, published=None,
                                                                         published_basis=None))
    doc_id = undated.document.doc_id
    at = text.index("1 July 2025")
    aired = Timex(doc_id, "1 July 2025", at, at + 11, "2025-07-01", "day", "absolute")
    store = linked(tmp_path, [dated, dataclasses.replace(undated, timexes=(aired,))][::order], f"undated{order}")
    assert [len(e.also_reported_in) for e in store.records("events")] == [1, 1]
    # without a date of its own the undated document is written at no known time: its report stays apart
    store = linked(tmp_path, [dated, undated][::order], f"nodate{order}")
    assert [len(e.also_reported_in) for e in store.records("events")] == [0, 0]


def test_a_sentence_making_a_promise_of_another_act_mentions_no_earlier_promise(tmp_path):
    accept = promise_doc("Valdoria promised to accept the ruling of the border commission on Ostmark.", "2025-03-04",
                         "to accept the ruling of the border commission on Ostmark",
                         "Valdoria promised to accept the ruling of the border commission on Ostmark.")
    fight = promise_doc("Valdoria vowed to keep fighting the ruling of the border commission on Ostmark in court.",
                        "2025-04-01", "to keep fighting the ruling of the border commission on Ostmark in court",
                        "Valdoria vowed to keep fighting the ruling of the border commission on Ostmark in court.")
    store = linked(tmp_path, [accept, fight], "vowed")
    assert [c.also_reported_in for c in store.records("commitments")] == [(), ()]


def test_promises_of_acts_of_different_kinds_are_different_promises():
    from detente.link.promises import different_promises

    assert different_promises(frozenset({"rule", "act:03"}), frozenset({"rule", "act:19"}))
    assert not different_promises(frozenset({"lorry", "act:08"}), frozenset({"lorry", "act:08", "act:05"}))
    assert not different_promises(frozenset({"rule", "act:03"}), frozenset({"rule"}))


def test_statements_giving_other_numbers_are_other_statements():
    from detente.link.statements import _numbers, _other_figures, said_words

    def other(a: str, b: str) -> bool:
        return _other_figures(frozenset(_numbers(said_words(a))), frozenset(_numbers(said_words(b))))

    assert other("the primaries continue on March 17 in Florida", "the primaries continue on March 10 in Idaho")
    assert other("cases surpassed one million worldwide", "deaths surpassed 100,000 in the country")
    assert not other("cases surpassed one million worldwide", "the count passed one million cases")
    assert not other("the primaries continue on March 17", "the primaries continue next week")
    # a number inside a name is no figure
    assert other("SARS-CoV-2 cases surpassed one million worldwide", "SARS-CoV-2 deaths surpassed 100,000")


def test_statements_giving_figures_for_the_world_and_for_one_place_are_other_statements(tmp_path):
    # "surpassed one million worldwide" and "surpassed one million in Kestrava": one figure, two places
    world = quote_doc("The count of cases surpassed one million worldwide, the institute said.", "2025-04-02",
                      "The count of cases surpassed one million worldwide", speaker="XKS")
    here = quote_doc("The count of cases surpassed one million in Kestrava, the institute said.", "2025-04-03",
                     "The count of cases surpassed one million in Kestrava", speaker="XKS")
    again = quote_doc("The count of cases surpassed one million worldwide on Monday, the institute said.",
                      "2025-04-04", "The count of cases surpassed one million worldwide on Monday", speaker="XKS")
    store = linked(tmp_path, [world, here, again], "scope")
    reported = {q.doc_id: {e.doc_id for e in q.also_reported_in} for q in store.records("quotes")}
    ids = [d.document.doc_id for d in (world, here, again)]
    assert reported == {ids[0]: {ids[2]}, ids[1]: set(), ids[2]: {ids[0]}}


@pytest.mark.parametrize("order", [1, -1])
def test_one_act_told_to_the_same_month_at_the_same_place_is_one_event(tmp_path, order):
    # no content word in common: the same two states, the same month, the same place (before: two events)
    agreed = event_doc("Kestrava and Valdoria agreed in Ostmark in December on visa-free travel.", "2026-01-10",
                       "AGREE", "XKS", "XVL", "agreed", date="2025-12", cameo="030")
    gave = event_doc("The date we gave our Valdorian friends in Ostmark last December has not moved.", "2026-10-08",
                     "AGREE", "XKS", "XVL", "gave", date="2025-12", cameo="030")
    # filed in Ostmark: the dateline is where the story was written, not where the pledge was made
    elsewhere = event_doc("OSTMARK, 9 October (Test Wire) - Kestrava pledged Valdoria its support last December.",
                          "2026-10-09", "AGREE", "XKS", "XVL", "pledged", date="2025-12", cameo="030")
    store = linked(tmp_path, [agreed, gave, elsewhere][::order], f"place{order}")
    groups = sorted(sorted(r.text[:20] for r in (e.evidence, *e.also_reported_in)) for e in store.records("events"))
    one = ["Kestrava and Valdori", "The date we gave our"]
    assert groups == [one, one, ["OSTMARK, 9 October ("]]


@pytest.mark.parametrize("order", [1, -1])
def test_reports_dated_months_apart_are_not_made_one_event_by_an_undated_report_like_both(tmp_path, order):
    """The agreement of 12 March to draft a defence agreement and its signing on 4 August are each like an undated
    "two months after Valdoria and Kestrava signed a defence agreement"; the undated report joins one of them, never
    both into one event (before: the three were one group once the agreement to draft was dated)."""
    agreed = event_doc("Valdoria and Kestrava agreed on 12 March to begin drafting a defence agreement.", "2026-03-13",
                       "AGREE", "XVL", "XKS", "agreed", date="2026-03-12", cameo="030")
    signed = event_doc("Valdoria and Kestrava signed a defence agreement in Ostmark on 4 August.", "2026-08-05",
                       "AGREE", "XVL", "XKS", "signed", date="2026-08-04", cameo="057")
    later = event_doc("The launch comes two months after Valdoria and Kestrava signed a defence agreement.",
                      "2026-10-05", "AGREE", "XVL", "XKS", "signed", cameo="057")
    store = linked(tmp_path, [agreed, signed, later][::order], f"apart{order}")
    groups = sorted(sorted({e.doc_id, *(r.doc_id for r in e.also_reported_in)}) for e in store.records("events"))
    docs = {agreed.document.doc_id: "agreed", signed.document.doc_id: "signed", later.document.doc_id: "later"}
    named = sorted({tuple(sorted(docs[d] for d in g)) for g in groups})
    assert ("agreed", "signed") not in {(a, b) for g in named for a in g for b in g if a < b}
    assert ("later", "signed") in {(a, b) for g in named for a in g for b in g if a < b}
