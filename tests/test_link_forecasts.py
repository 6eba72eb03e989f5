"""Forecast checks on small hand-built documents (no parser): each rule with exact values, linked in both orders."""

from __future__ import annotations

import dataclasses

import pytest

from detente.records import DocResult

from .test_link_rules import _actors, _document, _plain_doc, event_doc, forecast_doc, linked


def _forecast(text: str, published: str, predicted: str, resolves_by: str | None = None,
              condition: str | None = None) -> DocResult:
    found = forecast_doc(text, published, predicted)
    forecast = dataclasses.replace(found.forecasts[0], resolves_by=resolves_by, conditional=condition is not None,
                                   condition=condition)
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
