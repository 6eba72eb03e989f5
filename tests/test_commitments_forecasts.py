"""Commitments and forecasts: exact records on the seed articles, plus edge cases on sentences
written here (fictional states Valdoria/Kestria/Sarnovia of the example gazetteer)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from detente.api import extract_text
from detente.extract.clauses import last_day, term_horizons
from detente.records import Timex

from .test_extract_seeds import seeds  # noqa: F401  (module fixture: both seeds, extracted once)

EXAMPLE_GAZETTEER = ["examples/gazetteer.json"]


def run(nlp, text, published="2025-10-15"):
    from pathlib import Path

    gazetteer = [str(Path(__file__).resolve().parents[1] / p) for p in EXAMPLE_GAZETTEER]
    return extract_text(text, published=published, nlp=nlp, gazetteer=gazetteer)


# ---------------------------------------------------------------- seeds


@pytest.mark.seed
def test_seed_000_promises_are_russias_and_broken(seeds):  # noqa: F811
    found = {c.content: c for c in seeds["000"].commitments}
    assert list(found) == [
        "to clarify all the circumstances",
        "the Russian side will do everything that is required in such tragic situations in terms of compensation",
        "A legal assessment will also be given to the actions of all officials",
    ]
    assert {(c.promiser, c.beneficiary, c.status) for c in found.values()} == {("RUS", "AZE", "broken")}
    quoted = found["the Russian side will do everything that is required in such tragic situations in terms of compensation"]
    assert quoted.promiser_person == "person:vladimir-putin"
    assert quoted.status_evidence[0].stance == "contradicts"
    assert quoted.status_evidence[0].text.startswith("When promises made by the Russian president")
    # the promise quoted twice in the article is one commitment
    assert len(seeds["000"].commitments) == 3


@pytest.mark.seed
def test_seed_003_two_promises_split_and_open(seeds):  # noqa: F811
    promises = [(c.promiser, c.beneficiary, c.status, c.content) for c in seeds["003"].commitments if c.promiser == "RUS"]
    assert promises == [
        ("RUS", "AZE", "open", "to provide a legal assessment of the actions of all officials"),
        ("RUS", "AZE", "open", "to do everything necessary regarding compensation"),
    ]


@pytest.mark.seed
def test_seed_003_forecasts_carry_the_horizon_along_the_bullet(seeds):  # noqa: F811
    dated = [(f.horizon_text, f.resolves_by, f.text[:40]) for f in seeds["003"].forecasts if f.horizon_text]
    assert dated == [
        ("In the short term (until January 2026)", "2025-12-31", "relations between Russia and Azerbaijan "),
        ("In the short term (until January 2026)", "2025-12-31", "Progress is likely to be made in agreein"),
        # the article is dated to the year only, so "3 months to one year" has no last day
        ("In the medium term (3 months to one year)", None, "Russia will continue to use its influenc"),
        ("In the medium term (3 months to one year)", None, "this will depend on two significant fact"),
        ("In the long term", None, "Russia and Azerbaijan, being “doomed to "),
    ]
    assert {f.author for f in seeds["003"].forecasts if f.horizon_text} == {"person:alihuseyin-guluzade"}
    restored = [f for f in seeds["003"].forecasts if "restored sooner or later" in f.text]
    assert [f.author for f in restored] == ["person:vladimir-dzhabarov"]


@pytest.mark.seed
def test_seed_000_conditional_forecasts(seeds):  # noqa: F811
    conditional = [(f.author, f.text[:40]) for f in seeds["000"].forecasts if f.conditional]
    assert conditional == [
        ("person:alexander-dugin", "they will become a “forward outpost of o"),
        (None, "Azerbaijan will reassess its approach to"),
    ]
    reassess = [f for f in seeds["000"].forecasts if f.text.startswith("Azerbaijan will reassess")][0]
    assert reassess.condition.startswith("unless: ") or reassess.condition == "otherwise"
    assert set(reassess.subjects) >= {"AZE", "RUS"}


SEED_EVENTS = {
    "000": [
        # one rejection per state Dugin lists ("one cannot agree with the existence of a sovereign Armenia, …")
        *[("REJECT", "120", "person:alexander-dugin", state, "asserted", None, "agree")
          for state in ("ARM", "GEO", "AZE", "KAZ", "UZB", "TJK", "KGZ")],
        ("ASSAULT", "190", "RUS", "AZE", "asserted", "2024-12", "hit"),
        ("REQUEST", "100", "person:ilham-aliyev", "RUS", "demanded", None, "demanding"),
        ("SUPPORT", "018", "RUS", "AZE", "asserted", None, "condolences"),
        ("AGREE", "030", "RUS", "AZE", "asserted", None, "promised"),
        # "the meeting of the presidents of Azerbaijan and Russia … on October 9, 2025"
        ("CONSULT", "040", "AZE", "RUS", "asserted", "2025-10-09", "meeting"),
        ("COERCE", "170", "RUS", "group:azerbaijanis", "asserted", None, "intimidation"),
        ("REJECT", "1213", "body:rus-investigative-committee", "AZE", "asserted", None, "closed"),
        # "A normal and expected step from the Russian leadership would be …", in the author's voice
        ("REQUEST", "100", None, "RUS", "demanded", None, "step"),
        # "a statement that many … interpreted as an acknowledgment of responsibility"
        ("CONCEDE", "015", "person:vladimir-putin", "AZE", "asserted", None, "acknowledgment"),
        ("SUPPORT", "057", "AZE", "RUS", "asserted", None, "joined"),
    ],
    "003": [
        ("COERCE", "173", "AZE", "media:sputnik", "asserted", "2025-06", "arrest"),
        ("SANCTION", "160", "person:vladimir-putin", "AZE", "negated", None, "crisis"),
        ("CONCEDE", "055", "person:vladimir-putin", "person:ilham-aliyev", "asserted", None, "apologized"),
        ("SUPPORT", "018", "person:vladimir-putin", "person:ilham-aliyev", "asserted", None, "condolences"),
        ("COOPERATE", "064", "person:vladimir-putin", "person:ilham-aliyev", "asserted", None, "informed"),
        ("SUPPORT", "051", "person:ilham-aliyev", "person:vladimir-putin", "asserted", None, "gratitude"),
        # released "and to change his pre-trial detention to house arrest": eased, not freed
        ("CONCEDE", "081", "person:ilham-aliyev", "media:sputnik", "asserted", "2025-06-30", "release"),
        ("RETREAT", "0841", "RUS", "AZE", "asserted", None, "released"),
        # "the future transport artery must be beneficial to all parties—both Armenia and Azerbaijan"
        ("REQUEST", "100", "person:vladimir-dzhabarov", "ARM", "demanded", None, "be"),
        ("REQUEST", "100", "person:vladimir-dzhabarov", "AZE", "demanded", None, "be"),
    ],
}


@pytest.mark.seed
@pytest.mark.parametrize("prefix", ["000", "003"])
def test_seed_events(seeds, prefix):  # noqa: F811
    found = [(e.category, e.cameo, e.source, e.target, e.mode, e.date, e.trigger.text) for e in seeds[prefix].events]
    for expected in SEED_EVENTS[prefix]:
        assert expected in found
    for event in seeds[prefix].events:
        assert event.evidence.text == seeds[prefix].document.text[event.evidence.start:event.evidence.end]
        assert event.trigger.start >= event.evidence.start and event.trigger.end <= event.evidence.end


@pytest.mark.seed
def test_seed_apology_scores_as_a_concession(seeds):  # noqa: F811
    (apology,) = [e for e in seeds["003"].events if e.trigger.text == "apologized"]
    assert apology.score == 4.5  # PLOVER CONCEDE, asserted
    imagined = [e for e in seeds["000"].events if e.category == "THREATEN"]
    assert [(e.source, e.mode, e.score) for e in imagined] == [("RUS", "hypothetical", -1.4)]


# ---------------------------------------------------------------- edge cases


def test_promise_with_deadline_beneficiary_and_date(nlp):
    result = run(nlp, "On Monday, President Aurel Demmin promised President Teodor Halvic that the lorries "
                      "would be returned by 1 December.")
    (promise,) = result.commitments
    assert (promise.promiser, promise.promiser_person, promise.beneficiary) == ("XVL", "person:aurel-demmin", "XKS")
    assert promise.content == "the lorries would be returned by 1 December"
    assert (promise.made_on, promise.deadline, promise.status) == ("2025-10-13", "2025-12-01", "open")


def test_later_sentence_breaks_the_promise(nlp):
    result = run(nlp, "Valdoria promised compensation to the families of the Kestrian guards. "
                      "Months later, the compensation has not been paid, and Dorrun says the promise was ignored.")
    (promise,) = result.commitments
    assert promise.status == "broken"
    assert [e.stance for e in promise.status_evidence] == ["contradicts"]


def test_promise_kept(nlp):
    result = run(nlp, "Valdoria promised compensation to the families of the Kestrian guards. "
                      "The compensation was paid on 3 September.")
    (promise,) = result.commitments
    assert promise.status == "kept"
    assert promise.status_evidence[0].text == "The compensation was paid on 3 September."


def test_agreement_terms_are_commitments_of_each_party(nlp):
    result = run(nlp, "Under the memorandum, Sarnovia will finance most of the line, and Kestria will build the "
                      "substations on its side of the border.")
    assert [(c.promiser, c.beneficiary, c.content) for c in result.commitments] == [
        ("XSR", "XKS", "Sarnovia will finance most of the line"),
        ("XKS", "XSR", "Kestria will build the substations on its side of the border"),
    ]
    assert result.forecasts == ()


def test_agreement_said_to_be_broken_is_a_broken_commitment_of_the_accused(nlp):
    result = run(nlp, "Valdoria raised its transit fees for Kestrian lorries twice this year. Kestria filed a complaint "
                      "with the Veltic Cooperation Council, arguing that the fee increases breach the Isel Transit "
                      "Protocol of February 2025.")
    (broken,) = result.commitments
    assert (broken.promiser, broken.beneficiary, broken.status) == ("XVL", "XKS", "broken")
    assert (broken.content, broken.made_on) == ("the Isel Transit Protocol of February 2025", "2025-02")
    assert broken.status_evidence[0].stance == "contradicts"


def test_warning_is_neither_promise_nor_forecast(nlp):
    result = run(nlp, "Valdorian Foreign Minister Severin Malk said Valdoria would respond to any provocation.")
    assert result.commitments == ()


def test_horizon_carries_and_otherwise_is_conditional(nlp):
    text = ("Kestria and Valdoria are at odds.\n\n"
            "- If Valdoria pays the compensation on time, the two capitals will return to talks before the end "
            "of the year. Otherwise, Kestria will recall its ambassador, and the bridge will stay closed well into 2026.\n")
    result = run(nlp, text, published="2025-07-31")
    rows = [(f.text, f.horizon_text, f.resolves_by, f.conditional) for f in result.forecasts]
    assert rows == [
        ("the two capitals will return to talks before the end of the year", "before the end of the year", "2025-12-31", True),
        ("Kestria will recall its ambassador", "before the end of the year", "2025-12-31", True),
        ("the bridge will stay closed well into 2026", "before the end of the year", "2025-12-31", True),
    ]
    assert result.forecasts[0].condition == "If Valdoria pays the compensation on time"


def test_term_heading_with_a_span_counts_from_publication():
    text = "In the medium term (3 months to one year), Kestria will sign a pact."
    (horizon,) = term_horizons(text, (), "2026-03-20")
    assert (horizon.text, horizon.resolves_by) == ("In the medium term (3 months to one year)", "2027-03-20")


def test_questions_and_first_person_are_not_forecasts(nlp):
    result = run(nlp, "Will Valdoria reopen the bridge? \"We will share what we find with Kestria,\" "
                      "said Valdorian Interior Minister Anselm Kroy.")
    assert result.forecasts == ()
    assert [c.promiser for c in result.commitments] == ["XVL"]


# ---------------------------------------------------------------- last days


def timex(text: str, value: str) -> Timex:
    precision = {4: "year", 7: "month", 10: "day"}[len(value)]
    return Timex("d", text, 0, len(text), value, precision, "absolute")  # type: ignore[arg-type]


@pytest.mark.parametrize(("prep", "text", "value", "lead", "expected"), [
    ("by", "5 May", "2025-05-05", "", "2025-05-05"),
    ("before", "November", "2025-11", "", "2025-10-31"),
    ("until", "January 2026", "2026-01", "", "2025-12-31"),
    ("until", "5 June", "2026-06-05", "", "2026-06-05"),
    ("until", "2027", "2027", "the end of ", "2027-12-31"),
    ("before", "the year", "2025", "the end of ", "2025-12-31"),
    ("in", "the spring", "2027", "", "2027-05-31"),
    ("by", "next winter", "2026", "", "2027-02-28"),
    ("before", "the summer", "2026", "", "2026-05-31"),
    ("by", "early next year", "2026", "", "2026-03-31"),
    ("by", "next month", "2025-11", "", "2025-11-30"),
])
def test_last_day(prep, text, value, lead, expected):
    assert last_day(prep, timex(text, value), lead) == expected


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)),
       st.sampled_from(["day", "month", "year"]), st.sampled_from(["by", "before", "until", "in"]))
def test_last_day_is_a_real_day_near_the_period(day, precision, prep):
    value = {"day": day.isoformat(), "month": day.isoformat()[:7], "year": str(day.year)}[precision]
    result = date.fromisoformat(last_day(prep, timex("x", value)))
    start = date.fromisoformat({"day": value, "month": value + "-01", "year": value + "-01-01"}[precision])
    assert (result - start).days >= -1
    assert (result - start).days <= 366
