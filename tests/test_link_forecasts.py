"""Forecast checks on small hand-built documents (no parser): each rule with exact values, linked in both orders."""

from __future__ import annotations

import dataclasses
import itertools

import pytest

from detente.records import DocResult, Evidence, Quote

from .test_link_rules import (
    _actors,
    _document,
    _plain_doc,
    event_doc,
    forecast_doc,
    linked,
    quote_doc,
    with_second_quote,
)


def _forecast(text: str, published: str, predicted: str, resolves_by: str | None = None,
              condition: str | None = None, subjects: tuple[str, ...] | None = None) -> DocResult:
    found = forecast_doc(text, published, predicted)
    forecast = dataclasses.replace(found.forecasts[0], resolves_by=resolves_by, conditional=condition is not None,
                                   condition=condition, subjects=subjects or found.forecasts[0].subjects)
    return dataclasses.replace(found, forecasts=(forecast,))


MET = event_doc("Valdoria and Kestrava held talks in Ostmark on 3 October.", "2025-10-04", "CONSULT", "XVL", "XKS",
                "held talks", date="2025-10-03", cameo="040")
PAID = event_doc("Valdoria paid the compensation to Kestrava on 2 September.", "2025-09-03", "AID", "XVL", "XKS",
                 "paid", date="2025-09-02", cameo="071")
LATER = _plain_doc("Kestrava opened a consulate.", "2026-02-01")


@pytest.mark.parametrize("order", [1, -1])
def test_any_meeting_of_the_two_states_bears_out_a_prediction_naming_only_them(tmp_path, order):
    # "the two capitals will return to the negotiating table" names no one and nothing but the two states and the
    # act: the talks between them are its outcome, though they share no word with it (before: unresolved)
    forecast = _forecast("Analysts say the two capitals will return to the negotiating table by December, "
                         "Valdoria and Kestrava permitting.", "2025-06-01",
                         "the two capitals will return to the negotiating table by December", "2025-12-31")
    store = linked(tmp_path, [forecast, MET][::order], f"parties{order}")
    (checked,) = store.records("forecasts")
    assert (checked.verdict, checked.verdict_final, [e.text for e in checked.verdict_evidence]) == (
        "confirmed", True, ["Valdoria and Kestrava held talks in Ostmark on 3 October."])


def test_a_prediction_naming_a_thing_needs_an_event_about_it(tmp_path):
    forecast = _forecast("Analysts say Valdoria and Kestrava will return to the negotiating table over the dam.",
                         "2025-06-01", "Valdoria and Kestrava will return to the negotiating table over the dam",
                         "2025-12-31")
    (checked,) = linked(tmp_path, [forecast, MET], "dam").records("forecasts")
    assert (checked.verdict, checked.verdict_evidence) == ("unresolved", ())


IF_PAID = ("If Valdoria pays the promised compensation, the two capitals will return to the negotiating table by "
           "December, analysts in Kestrava say.")


@pytest.mark.parametrize("order", [1, -1])
def test_a_conditional_forecast_is_confirmed_when_its_condition_and_its_outcome_came_true(tmp_path, order):
    forecast = _forecast(IF_PAID, "2025-06-01", "the two capitals will return to the negotiating table by December",
                         "2025-12-31", "If Valdoria pays the promised compensation")
    store = linked(tmp_path, [forecast, MET, PAID][::order], f"if{order}")
    (checked,) = store.records("forecasts")
    # "paid" is a form of "pays": the payment is the condition, told in other words
    assert (checked.verdict, checked.verdict_final, [e.text for e in checked.verdict_evidence]) == (
        "confirmed", True, ["Valdoria paid the compensation to Kestrava on 2 September.",
                            "Valdoria and Kestrava held talks in Ostmark on 3 October."])


def test_a_conditional_forecast_whose_condition_is_not_known_met_stays_unresolved(tmp_path):
    forecast = _forecast(IF_PAID, "2025-06-01", "the two capitals will return to the negotiating table by December",
                         "2025-12-31", "If Valdoria pays the promised compensation")
    store = linked(tmp_path, [forecast, MET], "if-unknown")
    (checked,) = store.records("forecasts")
    assert (checked.verdict, checked.verdict_final, checked.verdict_evidence) == ("unresolved", False, ())
    # once its horizon has passed without the condition met, it is void: unresolved and final
    store.add_result(LATER)
    from detente.link import link

    link(store, [LATER.document.doc_id])
    (checked,) = store.records("forecasts")
    assert (checked.verdict, checked.verdict_final) == ("unresolved", True)


@pytest.mark.parametrize("order", [1, -1])
def test_the_other_branch_of_a_conditional_forecast_is_void_once_the_condition_is_met(tmp_path, order):
    text = "If Valdoria pays the promised compensation, talks will resume. Otherwise, Kestrava will recall its envoy."
    forecast = _forecast(text, "2025-06-01", "Kestrava will recall its envoy", "2025-12-31",
                         "unless: If Valdoria pays the promised compensation")
    store = linked(tmp_path, [forecast, PAID][::order], f"unless{order}")
    (checked,) = store.records("forecasts")
    assert (checked.verdict, checked.verdict_final, checked.verdict_evidence) == ("unresolved", True, ())
    (open_branch,) = linked(tmp_path, [forecast, MET], f"unless-open{order}").records("forecasts")
    assert (open_branch.verdict, open_branch.verdict_final) == ("unresolved", False)


def test_an_event_before_a_forecast_dated_to_the_year_only_is_no_outcome(tmp_path):
    # the forecast's document is dated "2025" but tells of talks on 1 July 2025: it was written no earlier, and
    # talks in March are not its outcome (before: confirmed by them)
    text = ("Valdoria and Kestrava held talks on 1 July. The two capitals will return to the negotiating table "
            "by December.")
    doc = _document(text, "2025")
    own = event_doc(text, "2025", "CONSULT", "XVL", "XKS", "held talks", date="2025-07-01", cameo="040")
    forecast = _forecast(text, "2025", "The two capitals will return to the negotiating table by December",
                         "2025-12-31")
    found = DocResult(document=doc, actors=_actors(doc.doc_id, text), events=own.events,
                      forecasts=(dataclasses.replace(forecast.forecasts[0], doc_id=doc.doc_id),))
    march = event_doc("Valdoria and Kestrava held talks in Ostmark on 5 March.", "2025-08-01", "CONSULT", "XVL", "XKS",
                      "held talks", date="2025-03-05", cameo="040")
    (checked,) = linked(tmp_path, [found, march], "since").records("forecasts")
    assert (checked.verdict, checked.verdict_evidence) == ("unresolved", ())


def _stated(text: str, published: str, predicted: str, speaker: str | None) -> DocResult:
    """A document where Anna Brisk predicts something, its words also a quote (of ``speaker``)."""
    found = _forecast(text, published, predicted)
    doc_id = found.document.doc_id
    at = text.index(predicted)
    forecast = dataclasses.replace(found.forecasts[0], author="person:anna-brisk",
                                   evidence=Evidence(doc_id, at, at + len(predicted), predicted))
    return dataclasses.replace(found, forecasts=(forecast,), quotes=(
        Quote(f"q-{doc_id}", doc_id, predicted, at, at + len(predicted), speaker, "indirect", "wrote"),))


@pytest.mark.parametrize("order", [1, -1])
def test_a_forecast_retold_by_its_author_is_one_statement(tmp_path, order):
    first = _forecast("In her column Anna Brisk predicts: Valdoria and Kestrava will not sign the dam treaty "
                      "this year.",
                      "2025-07-01", "Valdoria and Kestrava will not sign the dam treaty this year")
    first = dataclasses.replace(first, forecasts=(dataclasses.replace(first.forecasts[0], author="person:anna-brisk"),))
    # "Last July I wrote that …": the quote has no speaker the text names; the forecast is its author's
    retold = _stated("Last July I wrote that Valdoria and Kestrava would not sign the dam treaty before the winter.",
                     "2026-03-01", "Valdoria and Kestrava would not sign the dam treaty before the winter", None)
    store = linked(tmp_path, [first, retold][::order], f"retold{order}")
    (quote,) = store.records("quotes")
    assert [e.text for e in quote.also_reported_in] == [first.forecasts[0].evidence.text]


def test_a_prediction_said_again_is_no_retelling_of_another(tmp_path):
    first = _forecast("Anna Brisk predicts: Valdoria and Kestrava will not sign the dam treaty this year.",
                      "2025-07-01", "Valdoria and Kestrava will not sign the dam treaty this year")
    first = dataclasses.replace(first, forecasts=(dataclasses.replace(first.forecasts[0], author="person:anna-brisk"),))
    # a new prediction ("said"), not a retold one; and one retold the other way round
    said = _stated("Anna Brisk said Valdoria and Kestrava would not sign the dam treaty before the winter.",
                   "2026-03-01", "Valdoria and Kestrava would not sign the dam treaty before the winter",
                   "person:anna-brisk")
    turned = _stated("Last July Anna Brisk wrote that Valdoria and Kestrava would sign the dam treaty soon.",
                     "2026-03-02", "Valdoria and Kestrava would sign the dam treaty soon", "person:anna-brisk")
    store = linked(tmp_path, [first, said, turned], "not-retold")
    reports = {e.doc_id for q in store.records("quotes") for e in q.also_reported_in}
    assert first.document.doc_id not in reports


@pytest.mark.parametrize("order", list(itertools.permutations(range(3))))
def test_a_statement_retelling_a_forecast_carries_its_reports_whatever_the_order(tmp_path, order):
    first = _forecast("In her column Anna Brisk predicts: Valdoria and Kestrava will not sign the dam treaty "
                      "this year.",
                      "2025-07-01", "Valdoria and Kestrava will not sign the dam treaty this year")
    first = dataclasses.replace(first, forecasts=(dataclasses.replace(first.forecasts[0], author="person:anna-brisk"),))
    retold = _stated("In July Anna Brisk wrote that Valdoria and Kestrava would not sign the dam treaty before the "
                     "winter.",
                     "2026-03-01", "Valdoria and Kestrava would not sign the dam treaty before the winter",
                     "person:anna-brisk")
    again = quote_doc("Brisk said that Valdoria and Kestrava would not sign the dam treaty before the winter.",
                      "2026-03-05", "Valdoria and Kestrava would not sign the dam treaty before the winter")
    docs = [first, retold, again]
    store = linked(tmp_path, [docs[i] for i in order], "again" + "".join(map(str, order)))
    reports = sorted((q.doc_id == retold.document.doc_id, sorted(e.text[:20] for e in q.also_reported_in))
                     for q in store.records("quotes"))
    # the retelling quote and the quote saying it again: each with the other and the forecast retold
    assert reports == [(False, ["In her column Anna B", "Valdoria and Kestrav"]),
                       (True, ["In her column Anna B", "Valdoria and Kestrav"])]


RELEASE = _forecast("Kestrava expects Valdoria will release the detained fishermen from Ostmark by June.", "2025-03-01",
                    "Valdoria will release the detained fishermen from Ostmark by June", "2025-06-30")


@pytest.mark.parametrize("order", [1, -1])
def test_a_state_persisting_after_the_horizon_refutes_a_predicted_change(tmp_path, order):
    early = _plain_doc("The detained fishermen from Ostmark remain in Valdoria.", "2025-05-01")  # not yet due
    would = _plain_doc("Valdoria said the detained fishermen from Ostmark would remain in custody.", "2025-07-02")
    late = _plain_doc("The detained fishermen from Ostmark remain in custody in Valdoria.", "2025-08-01")
    store = linked(tmp_path, [RELEASE, early, would, late][::order], f"persists{order}")
    (checked,) = store.records("forecasts")
    assert (checked.verdict, checked.verdict_final, [e.text for e in checked.verdict_evidence]) == (
        "contradicted", True, ["The detained fishermen from Ostmark remain in custody in Valdoria."])


@pytest.mark.parametrize("order", list(itertools.permutations(range(3))))
def test_a_person_still_held_after_the_horizon_refutes_a_predicted_release(tmp_path, order):
    forecast = _forecast("Kestrava expects Anna Brisk will be freed by June.", "2025-03-01",
                         "Anna Brisk will be freed by June", "2025-06-30")
    forecast = dataclasses.replace(forecast, forecasts=(
        dataclasses.replace(forecast.forecasts[0], subjects=("person:anna-brisk",)),))
    held = _plain_doc("Brisk remains under house arrest in Valdoria.", "2025-09-01")
    # linked after a newer document: found through the person it names, not through a horizon newly passed
    docs = [forecast, _plain_doc("Kestrava opened a consulate.", "2025-10-01"), held]
    store = linked(tmp_path, [docs[i] for i in order], "person" + "".join(map(str, order)))
    (checked,) = store.records("forecasts")
    assert (checked.verdict, [e.text for e in checked.verdict_evidence]) == (
        "contradicted", ["Brisk remains under house arrest in Valdoria."])


def test_a_document_dated_to_the_month_is_after_the_horizon_by_the_events_it_dates(tmp_path):
    # published "2025-07" only, but telling of talks on 20 July: written after the 10 July horizon
    forecast = dataclasses.replace(RELEASE, forecasts=(
        dataclasses.replace(RELEASE.forecasts[0], resolves_by="2025-07-10"),))
    text = "Valdoria and Kestrava held talks on 20 July. The detained fishermen from Ostmark remain in custody."
    talks = event_doc(text, "2025-07", "CONSULT", "XVL", "XKS", "held talks", date="2025-07-20", cameo="040")
    (checked,) = linked(tmp_path, [forecast, talks], "month").records("forecasts")
    assert (checked.verdict, [e.text for e in checked.verdict_evidence]) == (
        "contradicted", ["The detained fishermen from Ostmark remain in custody."])


def test_a_state_persisting_bears_no_verdict_on_a_prediction_that_it_persists(tmp_path):
    forecast = _forecast("Kestrava expects Valdoria will keep the detained fishermen from Ostmark until June.",
                         "2025-03-01", "Valdoria will keep the detained fishermen from Ostmark until June",
                         "2025-06-30")
    late = _plain_doc("The detained fishermen from Ostmark remain in custody in Valdoria.", "2025-08-01")
    (checked,) = linked(tmp_path, [forecast, late], "keep").records("forecasts")
    assert (checked.verdict, checked.verdict_evidence) == ("unresolved", ())


@pytest.mark.parametrize("order", [1, -1])
def test_a_figure_claimed_is_one_statement_per_claimant_whoever_speaks_for_it(tmp_path, order):
    said = quote_doc("Three Valdorian soldiers were killed at the border on Tuesday, Anna Brisk said.", "2025-05-07",
                     "Three Valdorian soldiers were killed at the border on Tuesday")
    both = "At the border three Valdorian soldiers died, according to Valdoria, and two, according to Kestrava."
    sides = quote_doc(both, "2025-05-20", both, speaker="XVL")
    sides = dataclasses.replace(sides, quotes=(*sides.quotes, dataclasses.replace(
        sides.quotes[0], quote_id=sides.quotes[0].quote_id + "-b", speaker="XKS")))
    store = linked(tmp_path, [said, sides][::order], f"figure{order}")
    # Brisk speaks for Valdoria, whose figure (three) the second document gives; Kestrava's (two) is another claim
    reported = sorted((q.speaker, [e.text[:20] for e in q.also_reported_in]) for q in store.records("quotes"))
    assert reported == [("XKS", []), ("XVL", ["Three Valdorian sold"]), ("person:anna-brisk", ["At the border three "])]


def test_a_thing_not_done_refutes_only_the_prediction_it_is_about(tmp_path):
    # the sentence shares "dam works" with the prediction, but what failed is a motion on the border
    forecast = _forecast("Kestrava expects Valdoria will suspend the dam works in May.", "2025-03-01",
                         "Valdoria will suspend the dam works in May")
    motion = _plain_doc("The dam works in Valdoria went on, while a motion on the border failed to pass.", "2025-06-01")
    (checked,) = linked(tmp_path, [forecast, motion], "motion").records("forecasts")
    assert (checked.verdict, checked.verdict_evidence) == ("unresolved", ())


@pytest.mark.parametrize("order", [1, -1])
def test_a_quote_with_no_speaker_repeating_words_of_a_person_its_sentence_names_is_their_statement(tmp_path, order):
    said = quote_doc("Brisk said Valdoria could take the Ostmark bridge in forty-eight hours and nobody would stop it.",
                     "2025-07-01",
                     "Valdoria could take the Ostmark bridge in forty-eight hours and nobody would stop it")
    mused = quote_doc("Anna Brisk, who mused about taking the bridge \u201cin forty-eight hours\u201d, was on air "
                      "again.",
                      "2025-07-08", "in forty-eight hours", speaker=None)
    other = quote_doc("Kestrava met Brisk and spoke of \u201ctalks within forty-eight hours\u201d at the bridge.",
                      "2025-07-09", "talks within forty-eight hours", speaker=None)
    store = linked(tmp_path, [said, mused, other][::order], f"unnamed{order}")
    reported = sorted((q.text[:12], [e.text[:12] for e in q.also_reported_in]) for q in store.records("quotes"))
    # the words of the second are all Brisk's; the third's are not ("talks")
    assert reported == [("Valdoria cou", ["in forty-eig"]), ("in forty-eig", ["Valdoria cou"]), ("talks within", [])]


@pytest.mark.parametrize("order", [1, -1])
def test_a_report_retelling_two_remarks_together_joins_them_in_one_statement(tmp_path, order):
    first = "The lorries were returned early, Brisk said. Owners who have not collected them pay no terminal fees."
    two = with_second_quote(quote_doc(first, "2025-12-01", "The lorries were returned early"),
                            "Owners who have not collected them pay no terminal fees")
    both = ("Brisk said that the lorries had been returned early and that owners not yet collecting them pay no "
            "terminal fees.")
    retold = quote_doc(both, "2025-12-02", both.removeprefix("Brisk said that ").rstrip("."))
    store = linked(tmp_path, [two, retold][::order], f"parts{order}")
    reported = sorted((q.text[:10], sorted(e.text[:10] for e in q.also_reported_in)) for q in store.records("quotes"))
    assert reported == [("Owners who", ["The lorrie", "the lorrie"]), ("The lorrie", ["Owners who", "the lorrie"]),
                        ("the lorrie", ["Owners who", "The lorrie"])]


@pytest.mark.parametrize("order", [1, -1])
@pytest.mark.parametrize("between, joined", [
    (". Brisk told Kestrava that ", True),
    # another sentence between them: two remarks
    (". The ferry was late. Brisk told Kestrava that ", False),
])
def test_a_remark_its_speaker_goes_on_with_right_after_a_linked_one_is_part_of_the_account(tmp_path, order, between,
                                                                                          joined):
    """"Brisk clearly explained the circumstances—the crossing had been closed by a storm. Brisk told Kestrava that
    the trucks would cross on 3 May": the first part shares no words with the other article's report of the second,
    and has no link of its own; told right after by the same speaker, it is part of that account (before: left
    out)."""
    cause = "the crossing at Ostmark had been closed by a storm"
    told = "the trucks would cross the border on 3 May"
    text = f"Brisk clearly explained the circumstances: {cause}{between}{told}."
    two = with_second_quote(quote_doc(text, "2025-05-01", cause), told)
    other = quote_doc("Brisk said the trucks would cross the border on 3 May.", "2025-05-02",
                      "the trucks would cross the border on 3 May")
    store = linked(tmp_path, [two, other][::order], f"account{order}{joined}")
    reported = sorted((q.text[:9], sorted(e.text[:9] for e in q.also_reported_in)) for q in store.records("quotes"))
    if joined:
        assert reported == [("the cross", ["the truck", "the truck"]), ("the truck", ["the cross", "the truck"]),
                            ("the truck", ["the cross", "the truck"])]
    else:
        assert reported == [("the cross", []), ("the truck", ["the truck"]), ("the truck", ["the truck"])]


@pytest.mark.parametrize("order", [1, -1])
def test_taking_a_dispute_to_a_panel_is_a_complaint_between_the_states_the_condition_names(tmp_path, order):
    # "If Valdoria raises ferry tolls again, Kestrava will take the dispute to the arbitration panel": the dispute
    # is with the state the condition names, and taking it to a panel is a complaint (ACCUSE) against it
    text = "If Valdoria raises ferry tolls again, Kestrava will take the dispute to the arbitration panel."
    found = _forecast(text, "2026-01-10", "Kestrava will take the dispute to the arbitration panel",
                      condition="If Valdoria raises ferry tolls again")
    found = dataclasses.replace(found, forecasts=(dataclasses.replace(found.forecasts[0], subjects=("XKS",)),))
    raised = event_doc("Valdoria raised ferry tolls for Kestrava trucks again on 2 March.", "2026-03-03",
                       "SANCTION", "XVL", "XKS", "raised", date="2026-03-02", cameo="163")
    complaint = event_doc("Kestrava filed a complaint against Valdoria with the arbitration panel on 9 March.",
                          "2026-03-10", "ACCUSE", "XKS", "XVL", "complaint", date="2026-03-09", cameo="114")
    store = linked(tmp_path, [found, raised, complaint][::order], f"panel{order}")
    (checked,) = store.records("forecasts")
    assert (checked.verdict, checked.verdict_final, [e.text for e in checked.verdict_evidence]) == (
        "confirmed", True, ["Valdoria raised ferry tolls for Kestrava trucks again on 2 March.",
                            "Kestrava filed a complaint against Valdoria with the arbitration panel on 9 March."])


@pytest.mark.parametrize("order", [1, -1])
def test_a_prediction_about_one_state_at_a_named_place_is_borne_out_by_its_meeting_there(tmp_path, order):
    # "Valdoria would be represented at the Ostmark summit": one state, and the state of the place it names
    found = _forecast("Brisk said Valdoria would be represented at the Ostmark summit at the highest level.",
                      "2025-09-01", "Valdoria would be represented at the Ostmark summit at the highest level",
                      subjects=("XVL",))
    met = event_doc("Brisk met the leaders of Kestrava at the summit in Ostmark on 3 October.", "2025-10-04",
                    "CONSULT", "XVL", "XKS", "met", date="2025-10-03", cameo="040")
    store = linked(tmp_path, [found, met][::order], f"place{order}")
    (checked,) = store.records("forecasts")
    assert (checked.verdict, checked.verdict_final, [e.text for e in checked.verdict_evidence]) == (
        "confirmed", True, ["Brisk met the leaders of Kestrava at the summit in Ostmark on 3 October."])


@pytest.mark.parametrize("order", [1, -1])
def test_an_event_the_forecasts_own_article_announces_is_borne_out_where_a_later_one_reports_it(tmp_path, order):
    # the summit visit is first told by the forecast's own article ("is to be held on 3 October"), so its group's
    # first report is no later news; the later article's report of it is (before: unresolved)
    text = ("Brisk said Valdoria would be represented at the Ostmark summit at the highest level. The summit is to be "
            "held in Ostmark on 3 October.")
    found = _forecast(text, "2025-09-01", "Valdoria would be represented at the Ostmark summit at the highest level",
                      subjects=("XVL",))
    announced = event_doc(text, "2025-09-01", "CONSULT", "XVL", "XKS", "summit", date="2025-10-03", cameo="042")
    own = dataclasses.replace(found, events=announced.events)
    met = event_doc("Brisk met the leaders of Kestrava at the summit in Ostmark on 3 October.", "2025-10-04",
                    "CONSULT", "XVL", "XKS", "summit", date="2025-10-03", cameo="042")
    store = linked(tmp_path, [own, met][::order], f"announced{order}")
    (checked,) = store.records("forecasts")
    assert (checked.verdict, checked.verdict_final, [e.text for e in checked.verdict_evidence]) == (
        "confirmed", True, ["Brisk met the leaders of Kestrava at the summit in Ostmark on 3 October."])


@pytest.mark.parametrize("order", [1, -1])
def test_a_figure_claimed_of_a_states_own_people_or_by_ellipsis_is_one_statement_with_it(tmp_path, order):
    # "three of its soldiers were killed", claimed by Valdoria, are Valdorian soldiers; "and two, according to
    # Kestrava" claims two of what the clause before counts, and says nothing else
    said = quote_doc("Three Valdorian soldiers were killed at the border on Tuesday, Anna Brisk said.", "2025-05-07",
                     "Three Valdorian soldiers were killed at the border on Tuesday")
    own = quote_doc("The border, where, according to Valdoria, three of its soldiers were killed, is closed.",
                    "2025-05-20", "three of its soldiers were killed", speaker="XVL")
    kestrava = quote_doc("Two Valdorian soldiers died at the border, Kestrava said.", "2025-05-08",
                         "Two Valdorian soldiers died at the border", speaker="XKS")
    both = "At the border three Valdorian soldiers died, according to Valdoria, and two, according to Kestrava."
    sides = quote_doc(both, "2025-05-21", "two", speaker="XKS")
    store = linked(tmp_path, [said, own, kestrava, sides][::order], f"own_figure{order}")
    reported = sorted((q.text[:20], [e.text[:20] for e in q.also_reported_in]) for q in store.records("quotes"))
    assert reported == [("Three Valdorian sold", ["three of its soldier"]),
                        ("Two Valdorian soldie", ["two"]),
                        ("three of its soldier", ["Three Valdorian sold"]),
                        ("two", ["Two Valdorian soldie"])]


@pytest.mark.parametrize("drafting, verdict", [
    ("Valdoria and Kestrava agreed on 12 March to begin drafting an agreement on electricity trade.", "confirmed"),
    # another agreement: sharing "agreement" and "drafting" is no more than being an agreement
    ("Valdoria and Kestrava agreed on 12 March to begin drafting a defence cooperation agreement.", "unresolved"),
])
def test_an_agreement_predicted_is_borne_out_by_its_own_matter_not_by_any_agreement(tmp_path, drafting, verdict):
    forecast = _forecast("Officials said a separate agreement on electricity trade between Valdoria and Kestrava "
                         "would be drafted within the coming months.", "2026-01-10",
                         "a separate agreement on electricity trade between Valdoria and Kestrava would be drafted",
                         "2026-07-10", subjects=("XVL", "XKS"))
    agreed = event_doc(drafting, "2026-03-13", "AGREE", "XVL", "XKS", "agreed", date="2026-03-12", cameo="030")
    (checked,) = linked(tmp_path, [forecast, agreed], "matter").records("forecasts")
    assert checked.verdict == verdict
