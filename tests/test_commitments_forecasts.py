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

from .conftest import EXAMPLES
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
    quoted = found[
        "the Russian side will do everything that is required in such tragic situations in terms of compensation"
    ]
    assert quoted.promiser_person == "person:vladimir-putin"
    assert quoted.status_evidence[0].stance == "contradicts"
    assert quoted.status_evidence[0].text.startswith("When promises made by the Russian president")
    # "A normal and expected step … would be to fulfil the promises made": the author tells them not kept
    assert [e.text[:30] for e in quoted.status_evidence] == ["When promises made by the Russ",
                                                             "A normal and expected step fro"]
    # the promise quoted twice in the article is one commitment
    assert len(seeds["000"].commitments) == 3
    # made at the Dushanbe meeting the paragraph before returns to, dated where the text first names it
    assert [c.made_on for c in found.values()] == [None, "2025-10-09", "2025-10-09"]


@pytest.mark.seed
def test_seed_003_two_promises_split_and_open(seeds):  # noqa: F811
    promises = [
        (c.promiser, c.beneficiary, c.status, c.content) for c in seeds["003"].commitments if c.promiser == "RUS"
    ]
    assert promises == [
        ("RUS", "AZE", "open", "to provide a legal assessment of the actions of all officials"),
        ("RUS", "AZE", "open", "to do everything necessary regarding compensation"),
    ]
    # told in Dushanbe, where the text dates the CIS summit to October 2025
    assert [c.made_on for c in seeds["003"].commitments if c.promiser == "RUS"] == ["2025-10", "2025-10"]


@pytest.mark.seed
def test_seed_003_forecasts_carry_the_horizon_along_the_bullet(seeds):  # noqa: F811
    dated = [(f.horizon_text, f.resolves_by, f.text[:40]) for f in seeds["003"].forecasts if f.horizon_text]
    assert dated == [
        ("In the short term (until January 2026)", "2025-12-31", "relations between Russia and Azerbaijan "),
        ("In the short term (until January 2026)", "2025-12-31", "Progress is likely to be made in agreein"),
        # the article gives no date; "3 months to one year" counts from the month of the latest event it
        # reports as past (the Dushanbe summit, October 2025)
        ("In the medium term (3 months to one year)", "2026-10-31", "Russia will continue to use its influenc"),
        ("In the long term", None, "Russia and Azerbaijan, being “doomed to "),
        # "this will depend on two significant factors" is no prediction (a dependency), and "…, while X
        # will remain a constant factor" is a prediction of its own
        ("In the long term", None, "geopolitical rivalry over security issue"),
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
    reassess = next(f for f in seeds["000"].forecasts if f.text.startswith("Azerbaijan will reassess"))
    assert reassess.condition.startswith("unless: ") or reassess.condition == "otherwise"
    assert set(reassess.subjects) >= {"AZE", "RUS"}


SEED_EVENTS = {
    "000": [
        # one rejection per state Dugin lists ("one cannot agree with the existence of a sovereign Armenia, …")
        *[("REJECT", "120", "person:alexander-dugin", state, "asserted", None, "agree")
          for state in ("ARM", "GEO", "AZE", "KAZ", "UZB", "TJK", "KGZ")],
        ("ASSAULT", "190", "RUS", "AZE", "asserted", "2024-12", "hit"),
        # "the same Solovyov stated on his programme Solovyov. Live that Russia “could carry out a ‘special military
        # operation’ in Armenia and Central Asia.”": the Russian state-TV presenter's threat (the copular "Vladimir
        # Rudolfovich Solovyov is a presenter on one of Russia's state television channels" makes him Russian),
        # aimed where the operation would be (before: Russia's, at Azerbaijan, the article's other side)
        ("THREATEN", "138", "person:vladimir-solovyov", "ARM", "hypothetical", None, "operation"),
        # "At the same time, such statements meet with no official condemnation": of the presenter whose statements
        # they are, named last before (before: aimed at Azerbaijan, the article's other side)
        ("ACCUSE", "111", "RUS", "person:vladimir-solovyov", "negated", None, "condemnation"),
        ("REQUEST", "100", "person:ilham-aliyev", "RUS", "demanded", None, "demanding"),
        ("SUPPORT", "018", "RUS", "AZE", "asserted", None, "condolences"),
        ("AGREE", "030", "RUS", "AZE", "asserted", None, "promised"),
        # "the meeting of the presidents of Azerbaijan and Russia … on October 9, 2025"
        ("CONSULT", "040", "AZE", "RUS", "asserted", "2025-10-09", "meeting"),
        ("COERCE", "170", "RUS", "group:azerbaijanis", "asserted", None, "intimidation"),
        ("REJECT", "1213", "body:rus-investigative-committee", "AZE", "asserted", None, "closed"),
        # "A normal and expected step from the Russian leadership would be …", in the author's voice
        ("REQUEST", "100", None, "RUS", "demanded", None, "step"),
        # "the meeting between Aliyev and Putin in Dushanbe, where the Russian president made a statement that many …
        # interpreted as an acknowledgment of responsibility": at that meeting, dated October 9 earlier in the
        # article (before: undated)
        ("CONCEDE", "015", "person:vladimir-putin", "AZE", "asserted", "2025-10-09", "acknowledgment"),
        ("SUPPORT", "057", "AZE", "RUS", "asserted", None, "joined"),
        # "… on the sidelines of the CIS summit in Dushanbe": both presidents visit the host
        ("CONSULT", "042", "AZE", "TJK", "asserted", "2025-10-09", "summit"),
        ("CONSULT", "042", "RUS", "TJK", "asserted", "2025-10-09", "summit"),
    ],
    "003": [
        ("COERCE", "173", "AZE", "media:sputnik", "asserted", "2025-06", "arrest"),
        ("SANCTION", "160", "person:vladimir-putin", "AZE", "negated", None, "crisis"),
        # "On the sidelines of the CIS summit in Dushanbe in October 2025, a long-awaited bilateral meeting …
        # took place", under the headline line "CIS Summit in Dushanbe – October 2025" (before: parsed as one
        # sentence with it, the meeting an apposition to the headline's summit, undated)
        ("CONSULT", "040", "RUS", "AZE", "asserted", "2025-10", "meeting"),
        # the two presidents' acts towards each other in the article on their meeting: at it, in its month (before:
        # undated)
        ("CONCEDE", "055", "person:vladimir-putin", "person:ilham-aliyev", "asserted", "2025-10", "apologized"),
        ("SUPPORT", "018", "person:vladimir-putin", "person:ilham-aliyev", "asserted", "2025-10", "condolences"),
        ("COOPERATE", "064", "person:vladimir-putin", "person:ilham-aliyev", "asserted", "2025-10", "informed"),
        ("SUPPORT", "051", "person:ilham-aliyev", "person:vladimir-putin", "asserted", "2025-10", "gratitude"),
        # released "and to change his pre-trial detention to house arrest": eased, not freed
        # "release the head of Sputnik Azerbaijan, Igor Kartavykh": the apposed name is who is released; "(who
        # was arrested on June 30, 2025 …)" dates his arrest, not the release ("on the eve of" the October meeting,
        # whose month it takes)
        ("CONCEDE", "081", "person:ilham-aliyev", "person:igor-kartavykh", "asserted", "2025-10", "release"),
        ("RETREAT", "0841", "RUS", "AZE", "asserted", None, "released"),
        # "the future transport artery must be beneficial to all parties—both Armenia and Azerbaijan"
        ("REQUEST", "100", "person:vladimir-dzhabarov", "ARM", "demanded", None, "be"),
        ("REQUEST", "100", "person:vladimir-dzhabarov", "AZE", "demanded", None, "be"),
        # "The summit of the CIS heads of state …, held on October 10, 2025, in Dushanbe, Tajikistan"; its
        # attendees from "On the sidelines of the CIS summit …, a … meeting between the presidents of Russia and
        # Azerbaijan took place"
        ("CONSULT", "042", "AZE", "TJK", "asserted", "2025-10-10", "summit"),
        ("CONSULT", "042", "RUS", "TJK", "asserted", "2025-10-10", "summit"),
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
def test_seed_russias_concerns_are_russias(seeds):  # noqa: F811
    # "In general, Russia, which has …, has … even directly expressed serious concerns about … the “Trump Route”":
    # the parser read "Russia" as the object of "In" (before: the concerns went to Armenia, named last)
    (concerns,) = [e for e in seeds["003"].events if e.trigger.text == "expressed" and e.category == "ACCUSE"]
    assert (concerns.source, concerns.mode) == ("RUS", "asserted")


@pytest.mark.seed
def test_seed_apology_scores_as_a_concession(seeds):  # noqa: F811
    (apology,) = [e for e in seeds["003"].events if e.trigger.text == "apologized"]
    assert apology.score == 4.5  # PLOVER CONCEDE, asserted
    imagined = [e for e in seeds["000"].events if e.category == "THREATEN"]
    assert [(e.source, e.mode, e.score) for e in imagined] == [("person:vladimir-solovyov", "hypothetical", -1.4)]


# ---------------------------------------------------------------- edge cases


def test_promise_content_ends_before_the_marks_closing_the_quotation_around_it(nlp):
    # a promise quoted inside a quotation ends at its own words (before: "… asked twice,’”")
    text = ("Valdorian President Aurel Demmin called Kestrian President Teodor Halvic on Tuesday. “The president told "
            "his Kestrian counterpart that grief has no nationality. He said, and I quote him: ‘We will do what decent "
            "neighbours do, and we will do it without being asked twice,’” the press secretary, Viktor Hale, said.")
    result = run(nlp, text, published="2025-05-13")
    assert [c.content for c in result.commitments] == [
        "We will do what decent neighbours do, and we will do it without being asked twice"]


@given(st.text(alphabet=st.characters(blacklist_characters="“”‘’«»\"'", blacklist_categories=("Cs",))),
       st.sampled_from(["”", "’", "»", '"', "'"]))
def test_a_closing_mark_closes_only_a_quotation_its_words_open(words, mark):
    from detente.extract.commitments import CLOSING_MARKS, _opened_in

    assert not _opened_in(words, mark)
    assert _opened_in(CLOSING_MARKS[mark] + words, mark)
    assert not _opened_in(CLOSING_MARKS[mark] + words + mark, mark)


def test_a_word_kept_on_this_point_is_about_what_the_promiser_did_before(nlp):
    # "on this point" stands for what Valdoria was told to have done; the keeping tells no date the word was given
    # (before: content "this point", made on the day of the article)
    text = ("DORRUN, 4 September (KestInform) - Valdoria has paid compensation to the families of the three Kestrian "
            "border guards, the Kestrian Foreign Ministry said on Thursday.\n\nForeign Minister Nadia Corvel said "
            "that Brask had kept its word \"on this point, and on time\".")
    result = run(nlp, text, published="2025-09-04")
    assert [(c.content, c.made_on, c.status, c.evidence.text) for c in result.commitments] == [
        ("compensation to the families of the three Kestrian border guards", None, "kept",
         'Brask had kept its word "on this point')]


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


def test_a_promised_passive_whose_subject_a_participle_describes_is_one_content(nlp):
    # the parser reads "impounded …" and "would be returned …" as two clauses of "promised"
    result = run(nlp, "Demmin promised that the 63 Kestrian lorries impounded at the Harl Pass crossing since June "
                      "would be returned by 1 December.")
    (c,) = result.commitments
    assert c.content == ("the 63 Kestrian lorries impounded at the Harl Pass crossing since June would be returned "
                         "by 1 December")
    assert (c.promiser, c.beneficiary, c.deadline) == ("XVL", "XKS", "2025-12-01")


def test_promise_kept(nlp):
    result = run(nlp, "Valdoria promised compensation to the families of the Kestrian guards. "
                      "The compensation was paid on 3 September.")
    (promise,) = result.commitments
    assert promise.status == "kept"
    assert promise.status_evidence[0].text == "The compensation was paid on 3 September."


def test_a_past_promises_fate_may_be_told_before_it(nlp):
    kept = run(nlp, "All the Kestrian lorries held at the border were returned on 28 November, the Valdorian customs "
                    "service said. President Aurel Demmin promised the return of the lorries when he met Kestrian "
                    "President Teodor Halvic in October.", published="2025-12-01")
    assert [(c.status, c.status_evidence[0].stance) for c in kept.commitments] == [("kept", "supports")]
    broken = run(nlp, "The inquiry had been closed before the investigation was completed, Kestria said. Valdoria had "
                      "promised an investigation of the shooting.", published="2025-12-01")
    assert [c.status for c in broken.commitments] == ["broken"]
    named = run(nlp, "All the Kestrian lorries were handed back on 28 November, fulfilling the commitment made by "
                     "Valdorian President Aurel Demmin, the customs service said.\n\n\"The president promised that the "
                     "vehicles would be returned by 1 December,\" the head of the Valdorian customs service said.",
                published="2025-12-01")
    assert [(c.status, c.status_evidence[0].text[:24]) for c in named.commitments] == [
        ("kept", "All the Kestrian lorries")
    ]
    other = run(nlp, "This fulfilled Sarnovia's earlier pledge to send aid. Valdoria promised to open the bridge.")
    assert [c.status for c in other.commitments if c.promiser == "XVL"] == ["open"]


def test_agreement_terms_are_commitments_of_each_party(nlp):
    result = run(nlp, "Under the memorandum, Sarnovia will finance most of the line, and Kestria will build the "
                      "substations on its side of the border.")
    assert [(c.promiser, c.beneficiary, c.content) for c in result.commitments] == [
        ("XSR", "XKS", "Sarnovia will finance most of the line"),
        ("XKS", "XSR", "Kestria will build the substations on its side of the border"),
    ]
    assert result.forecasts == ()


def test_agreement_said_to_be_broken_is_a_broken_commitment_of_the_accused(nlp):
    result = run(nlp, "Valdoria raised its transit fees for Kestrian lorries twice this year. Kestria filed a "
                      "complaint with the Veltic Cooperation Council, arguing that the fee increases breach the Isel "
                      "Transit Protocol of February 2025.")
    (broken,) = result.commitments
    assert (broken.promiser, broken.beneficiary, broken.status) == ("XVL", "XKS", "broken")
    assert (broken.content, broken.made_on) == ("the Isel Transit Protocol of February 2025", "2025-02")
    assert broken.status_evidence[0].stance == "contradicts"


def test_word_given_on_the_sentence_before_promises_it(nlp):
    result = run(nlp, '"The bridge will be reopened by the end of May. I give you my word on that," Valdorian Interior '
                      'Minister Anselm Kroy told Kestrian reporters.')
    (promise,) = result.commitments
    assert (promise.promiser, promise.promiser_person) == ("XVL", "person:anselm-kroy")
    assert (promise.content, promise.deadline) == ("The bridge will be reopened by the end of May", "2026-05-31")
    assert result.forecasts == ()  # what is promised is not also predicted


def test_coordinated_first_person_undertakings_are_one_promise(nlp):
    result = run(nlp, '"We will rebuild the bridge, and we will do it before the winter," Valdorian Interior Minister '
                      'Anselm Kroy told Kestrian reporters.')
    assert [(c.promiser, c.content) for c in result.commitments] == [
        ("XVL", "We will rebuild the bridge, and we will do it before the winter")]


def test_coordinated_objects_with_words_of_their_own_are_separate_promises(nlp):
    result = run(nlp, "Sarnovia has promised new radars to Kestria and a training mission for its border guards. "
                      "Kestria promised food and medicine.")
    assert [c.content for c in result.commitments] == [
        "new radars to Kestria", "a training mission for its border guards", "food and medicine"]
    assert result.commitments[0].evidence.text == "Sarnovia has promised new radars to Kestria"


def test_what_two_sides_agree_to_is_one_agreement(nlp):
    result = run(nlp, "Valdoria and Kestria met in Brask. The two governments agreed to hold regular talks and to open "
                      "a joint office.")
    assert [c.content for c in result.commitments] == ["to hold regular talks and to open a joint office"]


def test_a_clause_going_on_about_the_promised_thing_is_the_same_promise(nlp):
    result = run(nlp, "Valdorian Interior Minister Anselm Kroy said that Valdoria would open an inquiry into the "
                      "shooting "
                      "and that its results would be shared with Kestria. He also said that Valdoria would return the "
                      "lorries by 1 December and that the customs case against the drivers would be closed.")
    assert [c.content for c in result.commitments] == [
        "Valdoria would open an inquiry into the shooting and that its results would be shared with Kestria",
        "Valdoria would return the lorries by 1 December",
        "the customs case against the drivers would be closed",
    ]


def test_a_promised_thing_with_what_will_become_of_it(nlp):
    result = run(nlp, "The ministry said that the two radars Sarnovia promised Kestria in August would be delivered "
                      "before Christmas.")
    (promise,) = result.commitments
    assert (promise.promiser, promise.beneficiary, promise.made_on) == ("XSR", "XKS", "2025-08")
    assert promise.content == "the two radars Sarnovia promised Kestria in August would be delivered before Christmas"
    assert result.forecasts == ()
    (pledge,) = run(nlp, "The aid Sarnovia pledged to Kestria will be delivered next week.").commitments
    assert (pledge.promiser, pledge.beneficiary) == ("XSR", "XKS")
    assert pledge.content == "The aid Sarnovia pledged to Kestria will be delivered next week"


def test_dateline_city_is_not_the_promiser_and_a_participle_commits_its_heads_subject(nlp):
    text = ("BRASK, 3 June (Basin Wire) - Valdorian Foreign Minister Severin Malk and his Kestrian counterpart Nadia "
            "Corvel met in Brask on Tuesday, 3 June 2025, and agreed to reopen the Isel bridge.\n\n"
            "Valdoria and Kestria signed a transit protocol in Brask, committing their customs services to joint "
            "inspections at the border.")
    result = run(nlp, text)
    assert [(c.promiser, c.promiser_person, c.content) for c in result.commitments] == [
        ("XVL", "person:severin-malk", "to reopen the Isel bridge"),
        ("XVL", None, "their customs services to joint inspections at the border"),
    ]
    assert result.commitments[1].evidence.text.startswith("Valdoria and Kestria signed a transit protocol")


def test_a_term_an_agreement_sets_binds_the_other_side_of_whom_it_is_for(nlp):
    text = ("Valdoria and Kestria signed a fisheries accord in Brask on Monday. The accord opens the lake to both "
            "fleets, caps catches for Kestrian boats at their current level until the end of 2028 and sets up a "
            "joint inspection board.")
    (term,) = run(nlp, text, published="2025-03-01").commitments
    assert (term.promiser, term.beneficiary, term.deadline) == ("XVL", "XKS", "2028-12-31")
    assert term.content == "caps catches for Kestrian boats at their current level until the end of 2028"
    assert term.evidence.text.startswith("The accord opens the lake")
    assert not [e for e in run(nlp, text, published="2025-03-01").events if e.trigger and e.trigger.text == "caps"]
    (treaty,) = run(nlp, "The treaty, which Kestria signed, guarantees free passage for Valdorian ships.").commitments
    assert (treaty.promiser, treaty.content) == ("XKS", "guarantees free passage for Valdorian ships")
    assert run(nlp, "The prices were fixed by the ministry. Valdoria fixed the bridge in May.").commitments == ()


def test_what_a_states_speaker_says_a_thing_of_theirs_will_do_by_a_deadline_is_promised(nlp):
    text = ("Last week Sarnovia sent a convoy of medicine to Kestria. Sarnovian officials said a second convoy would "
            "follow before the end of the month. Valdorian Defence Minister Gunnar Thale said the exercises would run "
            "until 5 June.")
    result = run(nlp, text, published="2025-07-08")
    assert [(c.promiser, c.content, c.deadline) for c in result.commitments] == [
        ("XSR", "a second convoy would follow before the end of the month", "2025-07-31")]
    assert [f.text for f in result.forecasts] == ["the exercises would run until 5 June"]  # a duration, no deadline


def test_a_deadline_or_date_someone_set_or_gave_is_their_promise(nlp):
    text = ("The bridge reopened on 2 May, a week before the deadline set by Valdorian Interior Minister Anselm Kroy "
            "in "
            "March. The EU set a deadline for Kestria to comply. \"The date we gave our Kestrian friends has not "
            "moved,\" "
            "Valdorian Foreign Minister Severin Malk said. Kestria recalled the promises made in Brask.")
    rows = [(c.promiser, c.promiser_person, c.evidence.text, c.made_on)
            for c in run(nlp, text, published="2025-05-10").commitments]
    assert rows == [
        ("XVL", "person:anselm-kroy", "the deadline set by Valdorian Interior Minister Anselm Kroy in March",
         "2025-03"),
        ("XVL", "person:severin-malk", "The date we gave our Kestrian friends", "2025-05-10"),
    ]


def test_promised_content_in_the_texts_words(nlp):
    text = ("The bridge that Valdoria agreed to rebuild in the spring is still closed. Valdoria promised compensation "
            "to "
            "the families by the end of September, which was right. Kestria said it would lift visa requirements for "
            "Valdorian citizens from 1 May, once its border service has new scanners. Dorrun said the seizures broke "
            "the Isel Transit Protocol signed in February.")
    assert [c.content for c in run(nlp, text, published="2025-03-01").commitments] == [
        "to rebuild in the spring",
        "compensation to the families by the end of September",
        "it would lift visa requirements for Valdorian citizens from 1 May",  # the proviso is not promised
        "the Isel Transit Protocol",
    ]


def test_a_promise_is_made_when_its_act_is_dated_or_at_the_occasion_its_paragraph_places_it(nlp):
    text = ("Valdorian President Aurel Demmin and Kestrian President Teodor Halvic met at a summit in Ishtal on 15 "
            "October 2025.\n\nLater in the talks in Ishtal, the two leaders discussed trade.\n\n“We will return the "
            "lorries,” Demmin promised.\n\nSarnovian Prime Minister Jonas Aberline said on Tuesday that Sarnovia would "
            "deliver radars to Kestria and that Sarnovian units would hold a joint exercise with Kestria in the "
            "spring.")
    rows = [(c.content[:20], c.made_on) for c in run(nlp, text, published="2025-10-23").commitments]
    assert rows == [("We will return the l", "2025-10-15"),  # the summit in Ishtal
                    ("Sarnovia would deliv", "2025-10-21"),  # "said on Tuesday", not "in the spring"
                    ("Sarnovian units woul", "2025-10-21")]


def test_a_joint_agreements_beneficiary_is_the_other_side_of_its_subject(nlp):
    text = ("Valdoria protested. Valdoria recalled its envoy from Kestria and Valdoria closed the border. In December "
            "Kestria and Sarnovia agreed on visa-free travel.")
    assert [(c.promiser, c.beneficiary) for c in run(nlp, text, published="2026-03-20").commitments] == [("XKS", "XSR")]
    donors = run(nlp, "Sarnovia, Valdoria and Qarovia have pledged funds to rebuild Ostrel, the Kestrian town hit by "
                      "floods. Kestria thanked them.")
    assert [(c.promiser, c.beneficiary) for c in donors.commitments] == [("XSR", "XKS")]  # donors together


def test_warning_is_neither_promise_nor_forecast(nlp):
    result = run(nlp, "Valdorian Foreign Minister Severin Malk said Valdoria would respond to any provocation.")
    assert result.commitments == ()


def test_horizon_carries_and_otherwise_is_conditional(nlp):
    text = ("Kestria and Valdoria are at odds.\n\n"
            "- If Valdoria pays the compensation on time, the two capitals will return to talks before the end "
            "of the year. Otherwise, Kestria will recall its ambassador, and the bridge will stay closed well "
            "into 2026.\n")
    result = run(nlp, text, published="2025-07-31")
    rows = [(f.text, f.horizon_text, f.resolves_by, f.conditional) for f in result.forecasts]
    assert rows == [
        ("the two capitals will return to talks before the end of the year", "before the end of the year", "2025-12-31",
         True),
        ("Kestria will recall its ambassador", "before the end of the year", "2025-12-31", True),
        ("the bridge will stay closed well into 2026", "well into 2026", "2026-06-30", True),
    ]
    assert result.forecasts[0].condition == "If Valdoria pays the compensation on time"


def test_conjoined_predictions_are_split_and_a_passive_it_is_not_the_speakers_side(nlp):
    text = ("Forecasts:\n\n"
            "- In the short term (until November 2025), contacts will stay at the level of foreign ministries, and the "
            "summit in Ishtal will pass without a meeting between Valdoria and Kestria.\n"
            "- In the long term, Valdoria and Kestria will keep trading, while rivalry over the river will remain a "
            "constant factor.\n\n"
            "Kestria switched on a new entry system on Monday. Kestrian officials said it would be extended to the "
            "Harl "
            "Pass crossing by the end of the year.")
    rows = [(f.text, f.resolves_by) for f in run(nlp, text, published="2025-07-31").forecasts]
    assert rows == [
        ("contacts will stay at the level of foreign ministries", "2025-10-31"),
        ("the summit in Ishtal will pass without a meeting between Valdoria and Kestria", "2025-10-31"),
        ("Valdoria and Kestria will keep trading", None),
        ("rivalry over the river will remain a constant factor", None),
        ("it would be extended to the Harl Pass crossing by the end of the year", "2025-12-31"),
    ]


def test_hopes_are_predictions_past_hopes_are_not_and_a_horizon_lies_ahead(nlp):
    text = ("Kestrian and Valdorian ministers met in Brask. They said that experts would meet in Velmar next month and "
            "that they hoped to have a text ready by the summer. Kestrian officials had hoped that the talks would end "
            "the dispute before the winter.")
    rows = [(f.text, f.resolves_by) for f in run(nlp, text, published="2026-03-12").forecasts]
    assert rows == [
        ("experts would meet in Velmar next month", "2026-04-30"),
        ("they hoped to have a text ready by the summer", "2026-08-31"),
    ]


def test_a_text_announcing_itself_and_a_dependency_are_not_predictions(nlp):
    text = ("Outlook\n\nValdoria and Kestria met in Brask. This report will give a clear account of the talks. "
            "Valdoria "
            "will reopen the bridge, but this will depend on the weather.")
    assert [f.text for f in run(nlp, text).forecasts] == ["Valdoria will reopen the bridge"]


def test_hopes_held_in_the_past_and_ones_own_intentions_are_not_predictions(nlp):
    text = ("Valdoria and Kestria met in Brask. Kestrian officials said they hoped to sign a deal by the spring. \"We "
            "hope to apply for new grants,\" Kestrian Foreign Minister Nadia Corvel said. Kestrian officials were "
            "hoping that the talks would end the dispute. Valdorian Defence Minister Gunnar Thale predicted in March "
            "that Kestria would hold an exercise before the summer.")
    assert [f.text for f in run(nlp, text, published="2026-03-12").forecasts] == [
        "they hoped to sign a deal by the spring", "Kestria would hold an exercise before the summer"]


def test_the_other_branch_in_the_same_sentence_belongs_to_the_conditional_prediction(nlp):
    text = ("Outlook\n\nIf Valdoria raises the fees again, Kestria will take the dispute to the Council; otherwise, "
            "the "
            "quarrel will be settled quietly in the customs commission. Otherwise, nothing will change.")
    rows = [(f.text, f.conditional) for f in run(nlp, text).forecasts]
    # (the prediction starts at its subject, as without the heading line: the heading is its own sentence now, no
    # longer parsed as the subject of "will take")
    assert rows == [
        ("Kestria will take the dispute to the Council; otherwise, the quarrel will be settled quietly in the customs "
         "commission", True),
        ("nothing will change", True),
    ]


def test_a_reported_possibility_with_a_horizon_is_a_prediction(nlp):
    text = ("Valdoria and Kestria met. Valdorian officials said talks on a new gas contract could start in the autumn "
            "if the customs commission makes progress. Kestrian officials said Valdoria might have broken the rules in "
            "2024.")
    rows = [(f.text, f.resolves_by, f.condition) for f in run(nlp, text, published="2025-02-21").forecasts]
    assert rows == [("talks on a new gas contract could start in the autumn", "2025-11-30",
                     "if the customs commission makes progress")]


def test_a_prediction_is_whose_view_it_is(nlp):
    text = ("Kestria and Valdoria met in Brask. Kestrian spokesman Emil Daskin said Kestrian President Teodor Halvic "
            "had "
            "expressed confidence that the inquiry will be fair. Valdorian Prime Minister Hedda Vorlund, asked about "
            "the line, said that Kestria would come back to Valdorian power next winter. The panel is not expected to "
            "rule before the spring, said Oriel Hask of the Meridian Centre, who predicted in March that Valdoria "
            "would hold another exercise before the summer.")
    authors = [(f.author, f.text[:24]) for f in run(nlp, text, published="2025-12-02").forecasts]
    assert authors == [
        ("person:teodor-halvic", "the inquiry will be fair"),
        ("person:hedda-vorlund", "Kestria would come back "),
        (None, "The panel is not expecte"),  # expected by no one named
        ("person:oriel-hask", "Valdoria would hold anot"),
    ]


def test_an_officials_undated_passive_states_policy_not_a_prediction(nlp):
    text = ("Valdoria and Kestria met. \"Every shot will be accounted for,\" Valdorian Prosecutor-General Anselm Kroy "
            "said. Valdorian spokeswoman Ilse Brandvik insisted that the lorries would be released as soon as the "
            "documents are in order. The Kestrian Foreign Ministry said a new agreement would be drafted within the "
            "coming months. Kestrian President Teodor Halvic said he was confident that the inquiry will be completed.")
    assert [f.text for f in run(nlp, text, published="2025-06-05").forecasts] == [
        "a new agreement would be drafted within the coming months", "the inquiry will be completed"]


def test_term_heading_with_a_span_counts_from_publication():
    text = "In the medium term (3 months to one year), Kestria will sign a pact."
    (horizon,) = term_horizons(text, (), "2026-03-20")
    assert (horizon.text, horizon.resolves_by) == ("In the medium term (3 months to one year)", "2027-03-20")


def test_term_span_of_an_undated_analysis_counts_from_its_latest_past_event(nlp):
    text = ("The foreign ministers of Valdoria and Kestria met in Sulem on 10 July 2025 and did not exchange a "
            "word.\n\n"
            "Forecasts:\n\n- In the medium term (3 months to one year), Kestria will connect its grid to Sarnovia's.")
    (forecast,) = run(nlp, text, published=None).forecasts
    assert (forecast.horizon_text, forecast.resolves_by) == ("In the medium term (3 months to one year)", "2026-07-31")


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
    ("well into", "2026", "2026", "", "2026-06-30"),
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


def test_forecasts_a_question_the_parser_runs_into_the_next_line_predicts_nothing():
    # a real interview (Wikinews, read from ../shared): "Will this move affect the development of RHEL, and
    # other GNU/Linux?" followed by the answer on the next line, which the parser took as one sentence
    import json

    from .conftest import SHARED

    path = SHARED / "external" / "wikinews" / "wikinews-2019-2020.jsonl"
    if not path.exists():
        pytest.skip("no Wikinews articles beside the checkout")
    row = next(json.loads(line) for line in path.read_text().splitlines() if "affect the development of RHEL" in line)
    found = extract_text(row["text"], published=row.get("published")).forecasts
    assert not [f for f in found if "affect the development of RHEL" in f.text]


def test_forecasts_a_thing_weeks_away_from_its_end():
    text = "Diplomats in Brask say the Valdorian and Kestrian negotiators are weeks away from an agreement."
    (found,) = extract_text(text, published="2025-10-10", gazetteer=[EXAMPLES / "gazetteer.json"]).forecasts
    assert (found.text, found.horizon_text, found.resolves_by) == (
        "the Valdorian and Kestrian negotiators are weeks away from an agreement", "weeks away", None)
    # a distance is no prediction
    text = "Officials say the village in Kestria is two hours away from the border with Valdoria."
    assert not extract_text(text, published="2025-10-10", gazetteer=[EXAMPLES / "gazetteer.json"]).forecasts


@pytest.mark.parametrize("text", [
    "Valdorian President Aurel Demmin said he would hand the findings to Kestria once the audit was over.",  # intention
    "Kestrian Foreign Minister Ilse Marr told reporters she would challenge Valdoria's fee rise at the panel.",
    "Demmin said he would have preferred that neither Kestria nor Valdoria had sent troops.",  # counterfactual
    "\"If you cross the Isel bridge, you will be stopped by Valdorian guards,\" Marr said.",  # anyone's "you"
    "Kestrian officials said Valdorian fires had been set to clear the border villages.",  # a past purpose
])
def test_forecasts_intentions_counterfactuals_and_generic_you_predict_nothing(nlp, text):
    assert run(nlp, text).forecasts == ()


@pytest.mark.parametrize("text", [
    "Demmin said he would win the Valdorian election despite Kestria's campaign.",  # what becomes of him: predicted
    "Kestrian Foreign Minister Ilse Marr said Valdoria would raise transit fees again before the summer.",
    "Marr said Kestria would have concluded the talks with Valdoria by the end of June.",  # future perfect
])
def test_forecasts_of_what_becomes_of_the_speaker_or_of_others_are_still_forecasts(nlp, text):
    assert len(run(nlp, text).forecasts) == 1


@pytest.mark.parametrize("text", [
    "\"I would like to switch federations without Kestria being involved,\" Valdorian chess player Mira Sel said.",
    "Valdorian President Aurel Demmin said Valdoria would like to reopen the border with Kestria.",
    "Valdorian President Aurel Demmin said Valdoria would prefer to settle the dispute with Kestria in talks.",
])
def test_a_wish_is_neither_promise_nor_forecast(nlp, text):
    result = run(nlp, text)
    assert (result.commitments, result.forecasts) == ((), ())


@pytest.mark.parametrize("text", [
    "Kestrian Foreign Minister Ilse Marr answered Valdoria's new fees: \"They will not break us. We shall overcome!\"",
    "Kestrian Foreign Minister Ilse Marr said Kestria would prevail over Valdoria's blockade.",
])
def test_declared_resolve_undertakes_nothing(nlp, text):
    assert run(nlp, text).commitments == ()


@pytest.mark.parametrize("text", [
    "Valdorian border guards committed the shooting, the Kestrian inquiry found.",  # did it
    "Justice Mira Sel swore the new Valdorian minister in at a ceremony in Brask.",  # the oath of office
    "\"I swear to you, Kestria's envoy was speechless,\" Valdorian President Aurel Demmin said.",  # vouching
    "Valdoria would not commit to a peaceful handover of the bridge to Kestria.",  # refused
    "Valdorian and Kestrian ministers do not all agree on how the inquiry should work.",  # an opinion
])
def test_promise_verbs_in_other_senses_or_negated_promise_nothing(nlp, text):
    assert run(nlp, text).commitments == ()


def test_a_promise_in_an_article_about_one_states_politics_has_no_foreign_beneficiary(nlp):
    # Kestria named twice in passing is no side of a Valdorian campaign promise; in an article about the pair it is
    domestic = ("Valdorian President Aurel Demmin opened his campaign in Brask on Monday. " * 4
                + "He met farmers, teachers and pensioners in Brask and in the north of Valdoria. "
                + "Valdoria's economy grew last year, and Valdoria's budget is balanced, Demmin said. "
                + "Trade with Kestria fell, and a Kestria fair was cancelled. "
                + "Demmin vowed to protect pensioners from cuts in Valdoria. ")
    (promise,) = run(nlp, domestic, published="2025-05-01").commitments
    assert promise.beneficiary is None
    pair = ("Valdoria and Kestria quarrelled over the bridge. Kestria protested to Valdoria. "
            "Demmin vowed to reopen the bridge.")
    (promise,) = run(nlp, pair, published="2025-05-01").commitments
    assert promise.beneficiary == "XKS"


def test_a_clause_before_a_semicolon_is_not_what_is_promised(nlp):
    text = "That May, the Kestrian border movement launched; Kestria promised Valdoria protests every week."
    assert [c.content for c in run(nlp, text).commitments] == ["protests"]


@pytest.mark.parametrize("text", [
    "Sarnovia and Kestria signed a defence accord in Velmar on Tuesday, committing their armed forces to joint "
    "exercises and shared training.",
    "Valdoria committed itself to paying compensation to Kestria.",
    "Valdoria swore to pay compensation to Kestria in full.",
])
def test_promise_verbs_promising_still_promise(nlp, text):
    assert len(run(nlp, text).commitments) == 1


def test_a_status_cue_inside_a_condition_tells_nothing_of_the_promise(nlp):
    text = ("Valdorian President Aurel Demmin promised that Valdoria would pay compensation to Kestria. "
            "If promises of compensation made at summits can be ignored without consequences, the council loses "
            "its purpose, Kestrian officials said.")
    (promise,) = run(nlp, text).commitments
    assert (promise.status, promise.status_evidence) == ("open", ())
    told = text.replace("If promises of compensation made at summits can be ignored without consequences, the council "
                        "loses its purpose", "The promises of compensation were ignored")
    (broken,) = run(nlp, told).commitments
    assert broken.status == "broken"


def test_a_later_sentence_naming_the_promised_thing_in_other_words_judges_it(nlp):
    # a legal assessment promised; the criminal case closed: one kind of thing, named two ways
    text = ("Valdorian President Aurel Demmin promised Kestria that a legal assessment would be given to the actions "
            "of all officials. In December, Valdorian prosecutors closed the criminal case into the shooting.")
    (promise,) = run(nlp, text).commitments
    assert promise.status == "broken"
    assert [e.text for e in promise.status_evidence] == [
        "In December, Valdorian prosecutors closed the criminal case into the shooting."]


def test_a_sentence_before_a_promise_telling_how_another_promise_went_does_not_judge_it(nlp):
    text = ("In March Valdorian officials promised to clarify all the circumstances of the shooting, yet no concrete "
            "details followed. \"A full investigation of the shooting will be held,\" Valdorian President Aurel "
            "Demmin promised in May.")
    found = {c.content: (c.status, len(c.status_evidence)) for c in run(nlp, text).commitments}
    assert found["to clarify all the circumstances of the shooting"] == ("broken", 1)
    assert all(status == ("open", 0) for content, status in found.items() if "clarify" not in content)
    assert len(found) == 2


@pytest.mark.parametrize("later", [
    "The findings were never handed over.",
    "In March the Valdorian prosecutors closed their criminal case into the shooting.",
    # a call telling what the normal step would have been: the promise is not being kept
    "The logical step for Valdoria would be to honour its promises.",
])
def test_a_promise_whose_thing_was_never_handed_over_or_whose_case_was_closed_is_broken(nlp, later):
    text = ("Valdorian President Aurel Demmin promised Kestria in May that the findings of the shooting "
            "investigation would be handed over. " + later)
    (promise,) = run(nlp, text).commitments
    assert (promise.status, [e.text for e in promise.status_evidence]) == ("broken", [later])


def test_a_plan_telling_the_next_step_is_to_honour_a_promise_does_not_judge_it(nlp):
    text = ("Valdorian President Aurel Demmin promised Kestria in May that the findings of the shooting "
            "investigation would be handed over. The next step for Valdoria would be to honour its promises.")
    (promise,) = run(nlp, text).commitments
    assert (promise.status, promise.status_evidence) == ("open", ())


def test_a_news_reports_own_is_set_to_states_a_schedule_but_a_speakers_is_a_forecast(nlp):
    assert run(nlp, "The Valdorian parliament is set to vote on the treaty with Kestria tomorrow.").forecasts == ()
    (said,) = run(nlp, "Valdorian officials said the summit with Kestria is set to open on Monday.").forecasts
    assert said.text == "the summit with Kestria is set to open on Monday"


def test_forecasts_a_pronoun_that_may_be_another_person_named_before_is_no_speakers_intention(nlp):
    text = ("Kestrian President Teodor Halvic is unpredictable. Valdorian Foreign Minister Anna Marr said he "
            "would attack Valdoria next year.")
    assert [f.text for f in run(nlp, text).forecasts] == ["he would attack Valdoria next year"]


@pytest.mark.parametrize("text", [
    # a hope in the present tense is a wish
    "\"Valdoria has had floods before, and I hope it does not happen again,\" Kestrian Foreign Minister Ilse Marr "
    "said.",
    # what a rule allows or requires, announced
    "Kestrian Foreign Minister Ilse Marr said that from 1 March, Valdorian lorries would no longer be allowed to cross "
    "into Kestria.",
    "Kestrian Foreign Minister Ilse Marr said that wearing a face covering would become compulsory at the Kestrian "
    "border with Valdoria.",
    # what the speakers themselves mean to do
    "The police told the Valdorian reporter that they would file a case against her if she stayed in Kestria.",
    # said of the dead
    "\"Aurel Demmin served Valdoria and Kestria for forty years. He will be missed,\" Kestrian Foreign Minister Ilse "
    "Marr said.",
    # what an act nobody has taken would do
    "Kestrian Foreign Minister Ilse Marr said that punishing Valdoria would not bring the dead back.",
    # expected to behave: a demand
    "\"The Valdorian government expects the women of Kestria to behave a certain way,\" Ilse Marr said.",
])
def test_forecasts_wishes_rules_intentions_eulogies_and_hypothetical_acts_predict_nothing(nlp, text):
    assert run(nlp, text).forecasts == ()


@pytest.mark.parametrize("text", [
    "\"I hope that Valdoria will reopen the border with Kestria by the spring,\" Kestrian Foreign Minister Ilse Marr "
    "said.",
    "Kestrian Foreign Minister Ilse Marr said Valdorian lorries were likely to be banned from Kestria before the "
    "summer.",
    "The police told the Valdorian reporter that Kestria would file a case against her.",
    "Kestrian Foreign Minister Ilse Marr said that the new fees would hurt Valdoria.",
])
def test_forecasts_hoped_hedged_or_of_others_and_of_things_stay(nlp, text):
    assert len(run(nlp, text).forecasts) == 1


def test_an_officials_undated_passive_is_a_plan_also_when_the_speakers_country_is_unknown(nlp):
    # "to confirm if …" asks whether: no condition, so nothing hedges the plan
    text = ("Prosecutor Ilse Marr told reporters in Brask that psychiatric assessments will be carried out to confirm "
            "if the Valdorian driver is fit for trial.")
    assert run(nlp, text).forecasts == ()
    dated = text.replace("will be carried out", "will be carried out within the coming weeks")
    assert len(run(nlp, dated).forecasts) == 1
