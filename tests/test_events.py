"""Events: CAMEO/PLOVER coding, mode and score (first stage of issue 5)."""

from __future__ import annotations

import pytest

from detente.extract import extract
from detente.extract.events import plover_of, score_of
from detente.gazetteer import load_gazetteer
from detente.records import Document

from .conftest import EXAMPLES
from .test_extract_units import run


@pytest.mark.parametrize(
    ("cameo", "expected"),
    [("138", ("THREATEN", "violence")), ("173", ("COERCE", "arrest")), ("057", ("SUPPORT", None)),
     ("0841", ("RETREAT", "release")), ("1123", ("ACCUSE", None))],
)
def test_events_cameo_maps_to_plover(cameo, expected):
    assert plover_of(cameo)[0] == expected[0]


def test_events_score_follows_type_and_mode():
    assert score_of("THREATEN", None, "asserted") == -3.5
    assert score_of("THREATEN", None, "hypothetical") == -1.4
    assert score_of("THREATEN", None, "negated") == 0.0
    assert score_of("CONSULT", "visit", "asserted") == 4.0


@pytest.mark.parametrize(
    ("text", "category", "source", "target", "mode"),
    [
        ("Valdoria accused Kestria of staging a provocation.", "ACCUSE", "XVL", "XKS", "asserted"),
        ("Kestria detained two Valdorian journalists on Tuesday.", "COERCE", "XKS", "XVL", "asserted"),
        ("Valdoria has not condemned Kestria.", "ACCUSE", "XVL", "XKS", "negated"),
        ("Valdoria could attack Kestria.", "THREATEN", "XVL", "XKS", "hypothetical"),
        ("Valdoria must release Kestria's citizens.", "REQUEST", None, "XVL", "demanded"),
        ("Aurel Demmin attacked Teodor Halvic over the fee increase.", "ACCUSE", "person:aurel-demmin",
         "person:teodor-halvic", "asserted"),
        ("Kestria and Sarnovia signed a defence agreement in Velmar.", "SUPPORT", "XKS", "XSR", "asserted"),
    ],
)
def test_events_verbal_clauses(nlp, text, category, source, target, mode):
    events = run(nlp, text, published="2025-06-05", example_gazetteer=True).events
    assert [(e.category, e.source, e.target, e.mode) for e in events] == [(category, source, target, mode)]
    assert events[0].evidence.text == text


def test_events_spoken_warning_is_the_ministers_threat(nlp):
    text = "Valdorian Foreign Minister Severin Malk said Valdoria would respond to any provocation by Kestria."
    (threat,) = [e for e in run(nlp, text, published="2026-03-12", example_gazetteer=True).events]
    assert (threat.category, threat.cameo, threat.source, threat.target, threat.mode) == (
        "THREATEN", "130", "person:severin-malk", "XKS", "hypothetical")
    assert threat.trigger.text == "respond"


def test_events_insisting_is_the_demand(nlp):
    text = "Sarnovia insists that Valdoria and Kestria hold talks on the bridge before the winter."
    events = run(nlp, text, published="2025-10-07", example_gazetteer=True).events
    # of each side asked to act
    assert sorted((e.category, e.source, e.target, e.mode) for e in events) == [
        ("REQUEST", "XSR", "XKS", "demanded"), ("REQUEST", "XSR", "XVL", "demanded")]
    assert events[0].cameo.startswith("10")


def test_events_announced_cooperation_is_intent(nlp):
    text = "Kestria's foreign minister Nadia Corvel said Kestria would lift visa requirements for Sarnovian citizens."
    events = run(nlp, text, published="2025-12-01", example_gazetteer=True).events
    assert [(e.category, e.cameo[:2], e.source, e.target, e.mode) for e in events] == [
        ("AGREE", "03", "person:nadia-corvel", "XSR", "asserted")]


def test_events_one_per_listed_target(nlp):
    text = "Sarnovian Foreign Minister Anya Revic spoke by telephone with Severin Malk and Nadia Corvel on Friday."
    events = run(nlp, text, published="2025-06-02", example_gazetteer=True).events
    assert sorted((e.category, e.source, e.target) for e in events) == [
        ("CONSULT", "person:anya-revic", "person:nadia-corvel"),
        ("CONSULT", "person:anya-revic", "person:severin-malk"),
    ]
    assert len({e.event_id for e in events}) == 2


def test_events_not_accepting_is_rejecting(nlp):
    text = "“One cannot accept the claims of Valdoria, Sarnovia or Qarovia,” the Kestrian president Teodor Halvic said."
    events = run(nlp, text, published="2025-06-02", example_gazetteer=True).events
    assert sorted((e.category, e.cameo, e.source, e.target, e.mode) for e in events) == [
        ("REJECT", "120", "person:teodor-halvic", target, "asserted") for target in ("XQR", "XSR", "XVL")]
    # a refusal only supposed is not one
    supposed = "If Kestria cannot accept the new fees, Nadia Corvel said, it will go to the Council against Valdoria."
    assert not [e for e in run(nlp, supposed, published="2025-06-02", example_gazetteer=True).events
                if e.category == "REJECT"]


@pytest.mark.parametrize(
    ("text", "cameo", "trigger"),
    [
        ("Valdoria promised on Monday to share with Kestria the findings of its inquiry.", "0314", "promised"),
        ("Kestria and Sarnovia agreed to hold regular consultations between their ministries.", "036", "agreed"),
        # the quote before its verb: the event sits on the promised words
        ("“Valdoria will pay compensation to the Kestrian families,” Severin Malk promised.", "0331", "pay"),
    ],
)
def test_events_a_promise_and_its_action_are_one_intent(nlp, text, cameo, trigger):
    events = run(nlp, text, published="2025-06-02", example_gazetteer=True).events
    assert [(e.category, e.cameo, e.trigger.text) for e in events] == [("AGREE", cameo, trigger)]


def test_events_what_ought_to_be_done_is_a_demand(nlp):
    text = "“A natural step for Brask would be to return the lorries,” Nadia Corvel said."
    events = run(nlp, text, published="2025-06-02", example_gazetteer=True).events
    assert [(e.category, e.source, e.target, e.mode, e.trigger.text) for e in events] == [
        ("REQUEST", "person:nadia-corvel", "XVL", "demanded", "step")]
    # in the author's voice the demand has no named source
    text = "A normal and expected step from Valdoria would be a public apology to Kestria."
    events = run(nlp, text, published="2025-06-02", example_gazetteer=True).events
    assert [(e.category, e.source, e.target, e.mode) for e in events] == [("REQUEST", None, "XVL", "demanded")]


def test_events_no_crisis_between_two_states_is_a_negated_sanction(nlp):
    text = "Aurel Demmin denied that relations between Valdoria and Kestria were in crisis."
    events = run(nlp, text, published="2025-06-02", example_gazetteer=True).events
    assert [(e.category, e.cameo, e.source, e.target, e.mode, e.score) for e in events] == [
        ("SANCTION", "160", "person:aurel-demmin", "XKS", "negated", 0.0)]
    # a crisis elsewhere is no event between states; denying a charge is no rejection of anyone
    text = "Valdoria said the crisis in the energy market was over. Kestria denied the charges made by Valdoria."
    assert run(nlp, text, published="2025-06-02", example_gazetteer=True).events == ()


def test_events_closing_a_case(nlp):
    text = ("Valdoria's prosecutors closed the investigation into the death of a Kestrian farmer "
            "without sharing their findings.")
    events = run(nlp, text, published="2025-06-02", example_gazetteer=True).events
    # one event: not sharing the findings is how the case was closed (the gold codes it so)
    assert sorted((e.category, e.cameo, e.source, e.target, e.mode) for e in events) == [
        ("REJECT", "1213", "XVL", "XKS", "asserted")]
    text = "Brask said the customs case against two Kestrian drivers had been closed."
    events = run(nlp, text, published="2025-06-02", example_gazetteer=True).events
    assert [(e.category, e.cameo, e.source, e.target) for e in events] == [("CONCEDE", "081", "XVL", "XKS")]


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("Kestria said it would ask the Veltic Cooperation Council to appoint independent experts.", "XKS", "VCC"),
        ("Nadia Corvel said Dorrun expected Brask to respect the fee ceiling.", "person:nadia-corvel", "XVL"),
        # what is asked for is not an event of its own
        ("Severin Malk said Brask expected Dorrun to respond in kind by dropping the charges against Yannick Pell.",
         "person:severin-malk", "XKS"),
    ],
)
def test_events_asking_someone_to_act_is_a_request(nlp, text, source, target):
    events = run(nlp, text, published="2025-06-02", example_gazetteer=True).events
    assert [(e.category, e.source, e.target, e.mode) for e in events] == [("REQUEST", source, target, "demanded")]


def test_events_the_topic_of_an_inquiry_is_no_new_event(nlp):
    text = "Kestria raised the investigation into the shooting on the bridge with Valdoria."
    events = run(nlp, text, published="2025-06-02", example_gazetteer=True).events
    assert "ASSAULT" not in {e.category for e in events}


def test_events_what_someone_faced_was_done_to_them(nlp):
    text = "Kestrian citizens in Valdoria have faced harassment and pressure from the Valdorian police."
    events = run(nlp, text, published="2025-06-02", example_gazetteer=True).events
    assert [(e.category, e.source, e.target) for e in events] == [("COERCE", "body:xvl-police", "XKS")]


@pytest.mark.parametrize(
    "text",
    ["Valdoria called the trial of the Kestrian fishermen ‘a farce’.", "Valdoria called the Kestrian trial ‘theatre’."],
)
def test_events_characterisation_whatever_the_parse(nlp, text):
    events = run(nlp, text, published="2025-06-02", example_gazetteer=True).events
    assert [(e.category, e.cameo, e.source, e.target) for e in events] == [("ACCUSE", "111", "XVL", "XKS")]


def test_events_a_later_mention_is_not_a_new_event(nlp):
    text = ("Valdoria apologised to Kestria on Monday for the incident. Kestria's foreign minister Nadia Corvel "
            "welcomed the apology. Valdoria's apology came a week after the incident.")
    events = run(nlp, text, published="2025-06-04", example_gazetteer=True).events
    assert [(e.category, e.trigger.text) for e in events] == [("CONCEDE", "apologised"), ("SUPPORT", "welcomed")]
    # a mention with a date of its own is reported again
    text = "Valdoria apologised to Kestria on Monday. Kestria said the apology of 2 June was not enough."
    events = run(nlp, text, published="2025-06-04", example_gazetteer=True).events
    assert [e.trigger.text for e in events if e.category == "CONCEDE"] == ["apologised", "apology"]


def test_events_an_apposition_names_no_party_of_the_object(nlp):
    text = "Sarnovia and Kestria signed a defence agreement in Velmar, a step that angered Valdoria."
    events = run(nlp, text, published="2025-06-02", example_gazetteer=True).events
    assert [(e.category, e.source, e.target) for e in events] == [("SUPPORT", "XSR", "XKS")]


@pytest.mark.parametrize(
    "text",
    [
        "Asked whether Kestria might one day offer Valdoria the same regime, Nadia Corvel smiled.",
        "There was no comment from Brask on whether Valdoria would agree to talks with Kestria.",
        "What has Valdoria offered Kestria since the shooting?",
        "Valdoria released eleven detained Kestrian students on Friday.",
        "“Nobody should read anything into this,” Valdorian minister Gunnar Thale told Kestrian reporters.",
    ],
)
def test_events_not_reported_as_happening(nlp, text):
    events = run(nlp, text, published="2025-06-02", example_gazetteer=True).events
    assert [e.trigger.text for e in events] in ([], ["released"])


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("Kestria chose a bilateral route: on Tuesday it sent Brask a protest note.", "XKS", "XVL"),
        ("Valdoria rejected the protest note that Kestria handed to Valdorian envoy Lothar Wenn.", "XKS",
         "person:lothar-wenn"),
        ("The talks failed, the Kestrian Foreign Ministry said in a protest note handed to the Valdorian embassy.",
         "body:xks-foreign-ministry", "body:xvl-embassy"),
        ("Police in Brask detained eleven Kestrian students on Friday.", "XVL", "XKS"),
    ],
)
def test_events_who_acts_in_a_noun_phrase(nlp, text, source, target):
    events = run(nlp, text, published="2025-06-02", example_gazetteer=True).events
    assert (source, target) in [(e.source, e.target) for e in events if e.category in ("ACCUSE", "COERCE")]


def test_events_a_role_read_as_the_doer_names_the_other_side(nlp):
    text = "Kestrian President Teodor Halvic spoke to Valdorian President Aurel Demmin. Halvic thanked the president."
    events = run(nlp, text, published="2025-06-02", example_gazetteer=True).events
    assert ("SUPPORT", "person:teodor-halvic", "XVL") in [(e.category, e.source, e.target_country) for e in events]


def test_events_a_light_verb_whose_subject_the_dateline_hid(nlp):
    text = "DORRUN, 12 March (Basin Wire) - Sarnovian minister Anya Revic and Nadia Corvel held talks in Dorrun."
    events = run(nlp, text, published="2026-03-12", example_gazetteer=True).events
    assert [e.category for e in events] == ["CONSULT"]


@pytest.mark.parametrize(
    ("text", "category", "mode"),
    [
        ("Kestria said Lantern Street has not answered its letter.", "CONSULT", "negated"),
        ("At the Council, Valdorian and Kestrian ministers Severin Malk and Nadia Corvel did not exchange a word.",
         "CONSULT", "negated"),
        ("Valdoria announced an increase in transit fees for Kestrian lorries.", "SANCTION", "asserted"),
        ("Kestria's Defence Ministry said it had raised the readiness level of its units facing Valdoria.",
         "MOBILIZE", "asserted"),
        ("Kestria has put its units on the highest state of alert after Valdorian threats.", "MOBILIZE", "asserted"),
        ("Sarnovia said it was ready to send medical teams and supplies to Kestria.", "AGREE", "asserted"),
    ],
)
def test_events_lexicon_phrases(nlp, text, category, mode):
    events = run(nlp, text, published="2025-06-02", example_gazetteer=True).events
    assert (category, mode) in [(e.category, e.mode) for e in events]


def test_events_a_condition_is_not_an_event(nlp):
    text = "Kestria would take the matter to the Council if Valdoria raised the transit fees again, Corvel said."
    events = run(nlp, text, published="2025-06-02", example_gazetteer=True).events
    assert "SANCTION" not in [e.category for e in events]
    # an answer is an event only when it is missing, and not to a newspaper's questions
    text = "Valdorian official Ruth Aldeman did not respond to the Kestrian Ledger's questions. Brask answered Kestria."
    assert run(nlp, text, published="2025-06-02", example_gazetteer=True).events == ()


def test_events_the_one_asked_to_act_is_who_acts(nlp):
    text = "Kestria is asking Sarnovia to help Valdoria. Valdoria promised Kestria to pay compensation."
    events = run(nlp, text, published="2025-06-02", example_gazetteer=True).events
    assert ("REQUEST", "XKS", "XSR") in [(e.category, e.source, e.target) for e in events]
    assert ("AGREE", "XVL", "XKS") in [(e.category, e.source, e.target) for e in events]


@pytest.mark.parametrize(
    ("text", "categories"),
    [
        ("Kestrian minister Nadia Corvel met Severin Malk of Valdoria to discuss the fees.", ["CONSULT"]),
        ("A Kestrian court jailed a Valdorian student for helping smugglers cross the border.", ["COERCE"]),
    ],
)
def test_events_a_purpose_or_reason_adds_to_its_event(nlp, text, categories):
    events = run(nlp, text, published="2025-06-02", example_gazetteer=True).events
    assert [e.category for e in events] == categories


@pytest.mark.parametrize(
    "text",
    [
        "Sarnovia claimed that Valdoria had attacked Kestria.",
        "Valdoria seized the lorries on Monday. Kestria said the lorry seizures broke the transit agreement.",
    ],
)
def test_events_reporting_the_other_sides_wrong_is_an_accusation(nlp, text):
    events = run(nlp, text, published="2025-06-02", example_gazetteer=True).events
    assert ("ACCUSE", "112", "XVL") in [(e.category, e.cameo, e.target) for e in events]
    assert "ASSAULT" not in [e.category for e in events]


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Valdorian President Aurel Demmin arrived in Dorrun on Friday.", "XKS"),
        ("Kestrian minister Nadia Corvel will attend the summit in Velmar.", "XSR"),
    ],
)
def test_events_a_visit_goes_to_the_state_of_the_place(nlp, text, target):
    events = run(nlp, text, published="2025-06-02", example_gazetteer=True).events
    assert [e.target_country for e in events if e.category in ("CONSULT", "AGREE")] == [target]


def test_events_one_per_coordinated_subject(nlp):
    text = "Valdoria and Kestria condemned Sarnovia on Monday."
    events = run(nlp, text, published="2025-06-02", example_gazetteer=True).events
    assert sorted((e.category, e.source, e.target) for e in events) == [
        ("ACCUSE", "XKS", "XSR"), ("ACCUSE", "XVL", "XSR")]


def test_events_what_others_are_expected_to_do_is_no_event(nlp):
    text = "Nadia Corvel said she expected Teodor Halvic and Aurel Demmin to meet in Ishtal."
    assert run(nlp, text, published="2025-06-02", example_gazetteer=True).events == ()


def test_events_a_threat_and_its_action_are_one_threat(nlp):
    text = "Kestria threatened to break relations with Valdoria over the fees."
    events = run(nlp, text, published="2025-06-02", example_gazetteer=True).events
    assert [(e.category, e.cameo, e.source, e.target) for e in events] == [("THREATEN", "1313", "XKS", "XVL")]
    text = "Valdoria threatened to launch a new offensive against Kestria."
    events = run(nlp, text, published="2025-06-02", example_gazetteer=True).events
    assert [(e.category, e.cameo) for e in events] == [("THREATEN", "138")]


def test_events_what_a_demand_asks_for_is_part_of_it(nlp):
    text = "Kestria demanded that Valdoria release the Kestrian students."
    events = run(nlp, text, published="2025-06-02", example_gazetteer=True).events
    assert [(e.category, e.cameo, e.source, e.target) for e in events] == [("REQUEST", "1053", "XKS", "XVL")]


def test_events_a_participle_telling_the_outcome_is_the_same_event(nlp):
    text = "Valdorian troops opened fire on a Kestrian patrol, killing two guards."
    events = run(nlp, text, published="2025-06-02", example_gazetteer=True).events
    assert [(e.category, e.trigger.text) for e in events] == [("ASSAULT", "opened")]


@pytest.mark.parametrize(
    ("text", "cameo", "mode"),
    [
        ("“Any further provocation will be answered with force,” Valdorian minister Gunnar Thale told Kestria.",
         "138", "asserted"),
        ("Valdorian presenter Oskar Renn said Valdoria could take the Kestrian bridge by force.", "1382",
         "hypothetical"),
        ("Valdorian presenter Oskar Renn mused about taking the Kestrian bridgehead in two days.", "1382",
         "hypothetical"),
        # what an operation is for is that operation
        ("Oskar Renn said Valdoria could launch an operation against Kestria to take the bridgehead.", "138",
         "hypothetical"),
    ],
)
def test_events_threats_of_force(nlp, text, cameo, mode):
    events = run(nlp, text, published="2025-06-02", example_gazetteer=True).events
    assert [(e.category, e.cameo, e.mode) for e in events] == [("THREATEN", cameo, mode)]


def test_events_taking_a_place_of_no_known_state_is_aimed_at_the_other_side(nlp):
    # "Brelstad" is in no gazetteer (the parser takes it for an organisation): the bridgehead it names is held by no
    # state the text names, so the threat to take it goes to the other side of the article's pair, as a threat with
    # no target named does
    text = ("Kestria protested to Valdoria on Monday. The state broadcaster gives airtime to Oskar Renn, who mused "
            "about taking the Brelstad bridgehead.")
    events = run(nlp, text, published="2025-06-02", example_gazetteer=True).events
    threats = [(e.cameo, e.source_country, e.target_country) for e in events if e.category == "THREATEN"]
    assert threats == [("1382", "XVL", "XKS")]


@pytest.mark.parametrize(
    ("text", "category", "cameo"),
    [
        ("Valdoria will charge Kestrian lorries 40 percent more to use the crossing from 1 March.", "SANCTION", "163"),
        ("Valdoria banned Kestrian fruit in June. The ban will remain in force until January, Kestria said.",
         "SANCTION", "163"),
        ("Valdoria said it welcomed the offer by Qarovia to mediate with Kestria.", "AGREE", None),
        # a fee rise announced without a date is still only announced
        ("Valdoria said it would raise transit fees for Kestrian lorries.", "THREATEN", "1312"),
    ],
)
def test_events_measures_decided_and_offers_welcomed(nlp, text, category, cameo):
    events = run(nlp, text, published="2026-02-11", example_gazetteer=True).events
    assert (category, cameo or events[0].cameo) in [(e.category, e.cameo) for e in events]


def test_events_a_later_noun_of_another_kind_is_a_new_event(nlp):
    text = ("Kestria filed a complaint against Valdoria with the Council. "
            "The trial of Valdorian journalist Yannick Pell in Dorrun was adjourned.")
    events = run(nlp, text, published="2025-06-02", example_gazetteer=True).events
    assert [(e.category, e.cameo, e.target) for e in events] == [
        ("ACCUSE", "114", "XVL"), ("ACCUSE", "112", "person:yannick-pell")]


def test_events_neither_side_is_both_ways_and_negated(nlp):
    text = "Valdoria and Kestria met in Ishtal, but neither side asked for talks on the bridge."
    events = run(nlp, text, published="2025-06-02", example_gazetteer=True).events
    assert sorted((e.source, e.target, e.mode) for e in events if e.category == "REQUEST") == [
        ("XKS", "XVL", "negated"), ("XVL", "XKS", "negated")]


def test_events_a_dated_passive_with_no_sides_takes_those_of_its_kind_before(nlp):
    text = ("Valdoria and Kestria have agreed a new transit protocol, officials said on 20 February. "
            "The outline had been agreed in December of last year.")
    events = run(nlp, text, published="2025-02-21", example_gazetteer=True).events
    assert [(e.category, e.source, e.target, e.date) for e in events][-1] == ("AGREE", "XVL", "XKS", "2024-12")


def test_events_the_subject_that_names_an_actor_beats_a_dateline(nlp):
    text = "VELMAR, 5 August (Basin Wire) - Sarnovia and Kestria signed a defence agreement in Velmar on Tuesday."
    events = run(nlp, text, published="2026-08-05", example_gazetteer=True).events
    assert [(e.category, e.source, e.target, e.trigger.text) for e in events] == [("SUPPORT", "XSR", "XKS", "signed")]


def test_events_a_meeting_of_the_presidents_of_two_states(nlp):
    text = "The meeting of the presidents of Valdoria and Kestria in Ishtal on 15 October was brief."
    events = run(nlp, text, published="2025-10-20", example_gazetteer=True).events
    assert [(e.category, e.source_country, e.target_country, e.date) for e in events] == [
        ("CONSULT", "XVL", "XKS", "2025-10-15")]


@pytest.mark.parametrize(
    ("text", "triggers"),
    [
        ("Teodor Halvic thanked Aurel Demmin for the compensation paid to the families.", ["thanked"]),
        ("Valdoria released one of the Kestrian citizens detained on its territory.", ["released"]),
        # dated, the earlier event is reported again
        ("Valdoria released the Kestrian students detained in Brask in June.", ["released", "detained"]),
        ("Teodor Halvic initiated the meeting with Aurel Demmin by discussing the bridge.", ["meeting"]),
    ],
)
def test_events_what_a_participle_describes_is_no_new_event(nlp, text, triggers):
    events = run(nlp, text, published="2025-10-20", example_gazetteer=True).events
    assert [e.trigger.text for e in events] == triggers


def test_events_a_release_to_house_arrest_eases_detention(nlp):
    text = "Kestria decided to release Valdorian journalist Yannick Pell from prison and to move him to house arrest."
    events = run(nlp, text, published="2025-10-20", example_gazetteer=True).events
    assert [(e.category, e.cameo) for e in events] == [("CONCEDE", "081")]
    # a standing policy in the present is no event
    text = "Kestria does not recognise the Valdorian claim to the island, Nadia Corvel said."
    assert run(nlp, text, published="2025-10-20", example_gazetteer=True).events == ()


@pytest.mark.parametrize(
    "text",
    [
        "“Brask is holding our drivers as collateral,” Kestrian Foreign Minister Nadia Corvel said of Valdoria.",
        "“This is a breach of a signed agreement,” Kestrian Foreign Minister Nadia Corvel said of Valdoria's fees.",
    ],
)
def test_events_the_other_sides_wrong_in_a_speakers_words_is_an_accusation(nlp, text):
    events = run(nlp, text, published="2025-06-02", example_gazetteer=True).events
    assert [(e.category, e.source, e.target) for e in events] == [("ACCUSE", "person:nadia-corvel", "XVL")]


def test_events_releasing_a_statement_frees_no_one(nlp):
    text = "Valdoria released a statement on the Kestrian students on Friday."
    assert run(nlp, text, published="2025-06-02", example_gazetteer=True).events == ()


def test_events_a_promise_of_nothing_in_particular_is_no_event(nlp):
    text = ("Valdorian President Aurel Demmin told Kestria: “We will do what decent neighbours do.” "
            "He also promised Kestria that Valdoria would do everything necessary regarding compensation.")
    events = run(nlp, text, published="2025-06-02", example_gazetteer=True).events
    assert [e.trigger.text for e in events if e.category == "AGREE"] == ["promised"]


def test_events_committed_to_doing_is_an_intent(nlp):
    text = "Nadia Corvel said that Kestria remained committed to lifting visa requirements for Sarnovian citizens."
    events = run(nlp, text, published="2026-03-12", example_gazetteer=True).events
    assert [(e.category, e.cameo) for e in events] == [("AGREE", "0351")]


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Valdoria and Kestria reached a consensus to exchange information on the river.", "AGREE"),
        ("Sarnovia is ready to contribute 400 troops to a peacekeeping force in Kestria.", "AGREE"),
        ("Kestria accepted a formula for ending its fee dispute with Valdoria.", "AGREE"),
    ],
)
def test_events_agreements_and_offers(nlp, text, category):
    events = run(nlp, text, published="2025-06-02", example_gazetteer=True).events
    assert [e.category for e in events] == [category]


def test_events_what_waits_for_a_condition_is_no_event(nlp):
    text = "Kestria rejected the plan and said it would oppose the deployment until Valdoria met its demands."
    events = run(nlp, text, published="2025-06-02", example_gazetteer=True).events
    assert "CONCEDE" not in [e.category for e in events]


def test_events_an_event_known_by_its_name(nlp):
    text = ("Valdoria moved 15,000 troops towards Kestria on Monday, a year after the ‘Iron Meadow’ manoeuvres. "
            "Kestria said the drills were a threat.")
    events = run(nlp, text, published="2026-05-19", example_gazetteer=True).events
    assert [(e.category, e.source, e.target, e.trigger.text) for e in events
            if e.trigger.text == "manoeuvres"] == [("MOBILIZE", "XVL", "XKS", "manoeuvres")]


def test_events_no_other_side_in_a_domestic_story(nlp):
    text = ("Valdorian President Aurel Demmin toured Brask on Monday. Demmin praised the city council. "
            "Valdoria's opposition criticised the government. Valdorian ministers met in Brask. "
            "Valdoria's parliament debated the budget, and the Valdorian president thanked the mayor. "
            "One speaker mentioned Kestria in passing.")
    events = run(nlp, text, published="2025-06-02", example_gazetteer=True).events
    assert [e for e in events if "XKS" in (e.source_country, e.target_country)] == []


def test_events_a_standing_state_in_the_present_passive_is_no_event(nlp):
    text = "Oskar Renn presents a programme on a Valdorian channel that is owned and funded by Valdoria, Kestria said."
    events = run(nlp, text, published="2025-06-02", example_gazetteer=True).events
    assert [e for e in events if e.category == "AID"] == []


def test_events_what_we_should_do_on_a_condition_is_a_threat(nlp):
    text = ("“If Dorrun keeps our journalists for one more month, we should stop talking to them,” "
            "Valdorian presenter Oskar Renn said.")
    events = run(nlp, text, published="2025-07-02", example_gazetteer=True).events
    assert [(e.category, e.cameo, e.source, e.target, e.mode, e.trigger.text) for e in events] == [
        ("THREATEN", "1313", "person:oskar-renn", "XKS", "hypothetical", "stop")]


@pytest.mark.parametrize(
    ("text", "category", "source"),
    [
        ("The Valdorian president made a statement that many in Kestria interpreted as an acknowledgment of "
         "responsibility for the shooting.", "CONCEDE", "XVL"),
        ("Kestria joined a number of its fundamental documents with reservations, Valdoria said.", "SUPPORT", "XKS"),
        ("Valdoria received the data with the cooperation of the Kestrian side.", "COOPERATE", "XKS"),
    ],
)
def test_events_who_acts_in_an_interpreted_joined_or_shared_act(nlp, text, category, source):
    events = run(nlp, text, published="2025-06-02", example_gazetteer=True).events
    assert (category, source) in [(e.category, e.source_country) for e in events]


def test_events_internal_events_only_when_asked(nlp):
    # events inside one state, or with no other side named, are left out of the relations between
    # states; event-coded corpora (PLOVER, PETR2) code them, so extract(..., internal_events=True) keeps them
    text = "Kestrian police detained three opposition activists in Dorrun on Tuesday."
    doc = Document(doc_id="t", text=text, published="2025-06-05", published_basis="given")
    gaz = load_gazetteer((str(EXAMPLES / "gazetteer.json"),))
    assert extract(doc, nlp(text), gaz).events == ()
    (event,) = extract(doc, nlp(text), gaz, internal_events=True).events
    assert (event.category, event.cameo, event.source, event.target, event.mode) == (
        "COERCE", "173", "body:xks-police", None, "asserted")


@pytest.mark.parametrize(
    "text",
    ["Valdoria is making efforts to normalize relations with Kestria.",
     "Valdorian newspapers, in the context of criticizing Kestria's actions, raised the issue of the fees."],
)
def test_events_what_a_noun_is_for_or_about_is_no_event(nlp, text):
    # an infinitive describing a noun ("efforts to normalize") or a gerund it is about ("in the
    # context of criticizing") reports nothing done
    assert run(nlp, text, published="2025-06-05", example_gazetteer=True).events == ()


@pytest.mark.parametrize(
    "text",
    ["The Kestrian proposals were ignored by the head of one of the agencies.",
     "According to the Valdorian minister, the shells exploded near the post and their fragments struck "
     "the Kestrian patrol."],
)
def test_events_no_doer_guessed_past_a_named_one(nlp, text):
    # a doer named by role only ("by the head of one of the agencies") or a thing as subject ("their
    # fragments struck") is not replaced by the other side or by the actor named last before it
    assert run(nlp, text, published="2025-06-05", example_gazetteer=True).events == ()


def test_events_dateline_parsed_as_subject_names_no_doer(nlp):
    # the parser may read the dateline as a second subject; the subject nearest the verb acts
    text = ("VELMAR, 5 August (Basin Wire) - Sarnovia and Kestria signed a transit agreement in Velmar on Tuesday, "
            "committing their customs services to joint checks.")
    events = run(nlp, text, published="2025-08-05", example_gazetteer=True).events
    assert [(e.category, e.cameo, e.source, e.target, e.trigger.text) for e in events] == [
        ("SUPPORT", "057", "XSR", "XKS", "signed")]


def test_events_passive_retelling_with_its_doers_is_the_same_event(nlp):
    text = ("VELMAR, 5 August (Basin Wire) - Sarnovia and Kestria signed a transit agreement on Tuesday. "
            "The agreement was signed in Velmar by Sarnovian Prime Minister Jonas Aberline and Kestrian President "
            "Teodor Halvic.")
    events = run(nlp, text, published="2026-08-05", example_gazetteer=True).events
    # one signing, on the Tuesday before the dateline's day
    assert [(e.category, e.cameo, e.source, e.target, e.date) for e in events] == [
        ("SUPPORT", "057", "XSR", "XKS", "2026-08-04")]


def test_events_what_someone_understands_must_happen_is_no_demand(nlp):
    text = ("Valdorian Foreign Minister Severin Malk said Brask understands that Kestria must go through a "
            "difficult period.")
    assert run(nlp, text, published="2025-06-05", example_gazetteer=True).events == ()


def test_events_what_a_framework_is_for_is_no_event(nlp):
    text = "For Brask, the council is a format for regional cooperation between Valdoria and Kestria."
    assert run(nlp, text, published="2025-06-05", example_gazetteer=True).events == ()


def test_events_in_what_someone_called_it_is_no_characterisation(nlp):
    text = ("Valdoria began military exercises on Monday near the Kestrian border, in what the Valdorian Defence "
            "Ministry called a routine test of readiness.")
    events = run(nlp, text, published="2025-06-05", example_gazetteer=True).events
    assert [(e.category, e.cameo, e.source, e.target, e.trigger.text) for e in events] == [
        ("MOBILIZE", "154", "XVL", "XKS", "exercises")]


def test_events_a_government_no_state_is_named_for_is_the_speakers_own(nlp):
    text = ("Kestria and Valdoria signed a transit protocol in Brask on Monday. Critics in Dorrun were unimpressed. "
            "The government, opposition leader Ilinka Farro said, “should stop pretending that signing papers in "
            "Brask buys us safety”.")
    events = run(nlp, text, published="2025-06-05", example_gazetteer=True).events
    assert [(e.category, e.cameo, e.source, e.target) for e in events] == [("SUPPORT", "057", "XKS", "XVL")]


def test_events_phrase_read_through_a_preposition_under_another(nlp):
    # "from custody to house arrest": the parser hangs "to" under "from"; move to (house) arrest is 081
    text = "A Dorrun court moved the Valdorian journalist Yannick Pell from custody to house arrest on Tuesday."
    events = run(nlp, text, published="2025-06-05", example_gazetteer=True).events
    assert [(e.category, e.cameo, e.source, e.target, e.trigger.text) for e in events] == [
        ("CONCEDE", "081", "XKS", "person:yannick-pell", "moved")]


def test_events_phrase_completed_by_an_infinitive(nlp):
    text = "The Valdorian cameraman Tobias Marl was allowed to leave Kestria on Tuesday."
    events = run(nlp, text, published="2025-06-05", example_gazetteer=True).events
    assert [(e.category, e.cameo, e.source, e.target, e.trigger.text) for e in events] == [
        ("RETREAT", "0841", "XKS", "person:tobias-marl", "allowed")]


def test_events_third_party_towards_both_sides(nlp):
    text = ("Valdoria accused Kestria of delaying lorries at the border. Kestria denied it and blamed Valdoria. "
            "Morvainian President Selim Arvane hosted the two sides in Ishtal in October.")
    events = run(nlp, text, published="2025-06-05", example_gazetteer=True).events
    assert sorted((e.cameo, e.source, e.target) for e in events if e.trigger.text == "hosted") == [
        ("043", "person:selim-arvane", "XKS"), ("043", "person:selim-arvane", "XVL")]


def test_events_a_sharp_attack_is_criticism(nlp):
    text = "Valdorian President Aurel Demmin launched a sharp attack on Kestria over the fees."
    events = run(nlp, text, published="2025-06-05", example_gazetteer=True).events
    assert [(e.category, e.cameo, e.source, e.target) for e in events] == [
        ("ACCUSE", "111", "person:aurel-demmin", "XKS")]


def test_events_lasting_span_on_the_object_is_a_state_of_affairs(nlp):
    text = "Valdoria has supplied roughly a fifth of Kestria's electricity for most of the past decade."
    assert run(nlp, text, published="2025-06-05", example_gazetteer=True).events == ()


def test_events_the_authors_own_old_prediction_is_no_event(nlp):
    text = ("Last July I wrote that Valdorian President Aurel Demmin would not meet Kestrian President Teodor Halvic "
            "before November.")
    assert run(nlp, text, published="2026-03-20", example_gazetteer=True).events == ()


def test_events_light_verb_in_the_simple_present_is_a_habit(nlp):
    text = ("Valdoria and Kestria quarrelled over fees. It is a curious word for a Kestrian government that signs its "
            "agreements with Valdoria in daylight.")
    assert run(nlp, text, published="2026-03-20", example_gazetteer=True).events == ()


def test_events_participle_describing_a_thing_is_no_new_event(nlp):
    text = ("The Valdorian prosecutors closed the bridge investigation in November without sharing their findings with "
            "Kestria, the quarrel over the lorries impounded at Harl Pass was never fully settled, and in December "
            "Kestria and Sarnovia agreed on visa-free travel.")
    events = run(nlp, text, published="2026-03-20", example_gazetteer=True).events
    assert "impounded" not in {e.trigger.text for e in events}


@pytest.mark.parametrize("text", ["Valdoria presented evidence against Kestria.",
                                  "Evidence against Kestria was presented by Valdoria."])
def test_events_presenting_evidence_against_someone_accuses_them(nlp, text):
    events = run(nlp, text, published="2025-06-05", example_gazetteer=True).events
    assert [(e.category, e.cameo, e.source, e.target) for e in events] == [("ACCUSE", "112", "XVL", "XKS")]


def test_events_civilians_blocking_a_road_protest(nlp):
    text = "Angry Kestrian farmers blocked the road to the Valdorian border for three hours on Monday."
    events = run(nlp, text, published="2025-06-05", example_gazetteer=True).events
    assert [(e.category, e.cameo, e.source, e.target) for e in events] == [("PROTEST", "144", "XKS", "XVL")]


@pytest.mark.parametrize(("text", "expected"), [
    # the modal on "be" governs what one must be ready to do: a demand on Valdoria
    ("Sarnovian Foreign Minister Anya Revic said that Valdoria must be ready to talk to Kestria.",
     ("REQUEST", "106", "person:anya-revic", "XVL", "demanded")),
    # wanting to do something oneself is intent, not a demand
    ("The Valdorian foreign minister wants to help Kestria.",
     ("AGREE", "033", "person:severin-malk", "XKS", "asserted")),
])
def test_events_ready_or_wanting_to_act(nlp, text, expected):
    events = run(nlp, text, published="2025-06-05", example_gazetteer=True).events
    assert [(e.category, e.cameo, e.source, e.target, e.mode) for e in events] == [expected]


def test_events_a_promise_reported_kept_is_no_new_intent(nlp):
    text = 'Kestrian Foreign Minister Nadia Corvel said that Brask had kept its word "on this point, and on time".'
    assert run(nlp, text, published="2025-09-04", example_gazetteer=True).events == ()


def test_events_possessor_of_a_detention_undergoes_it(nlp):
    text = "Valdoria and Kestria quarrelled over the fees in May. Kestria extended Yannick Pell's detention on Monday."
    events = run(nlp, text, published="2025-06-05", example_gazetteer=True).events
    assert [(e.category, e.cameo, e.source, e.target) for e in events] == [
        ("COERCE", "173", "XKS", "person:yannick-pell")]


def test_events_passive_outcome_of_the_attack_in_its_when_clause_is_that_attack(nlp):
    text = "Two Kestrian border guards were killed when Valdorian troops opened fire on a Kestrian patrol on Tuesday."
    events = run(nlp, text, published="2025-06-05", example_gazetteer=True).events
    assert [(e.category, e.cameo, e.source, e.target, e.trigger.text) for e in events] == [
        ("ASSAULT", "193", "XVL", "XKS", "opened")]


def test_events_no_need_to_discuss_is_no_consultation(nlp):
    text = ("Kestrian Foreign Minister Nadia Corvel held talks with Valdorian Foreign Minister Severin Malk in Brask. "
            "Asked about Valdoria's plans for military exercises, Malk said there had been “no need” to discuss them.")
    events = run(nlp, text, published="2025-06-05", example_gazetteer=True).events
    assert [(e.cameo, e.trigger.text) for e in events] == [("040", "talks")]


def test_events_not_done_since_an_event(nlp):
    # "has not reopened … since": a negated perfect is reported, not a state of affairs; the event after
    # "since" keeps its own mode, and told before with the same date it is that event told again
    text = ("Valdorian guards shot at a Kestrian patrol on the bridge on 6 May. Kestria has not reopened the bridge "
            "to civilian traffic since the shooting by Valdorian guards on 6 May.")
    events = run(nlp, text, published="2025-06-05", example_gazetteer=True).events
    assert [(e.category, e.cameo, e.source, e.target, e.mode, e.trigger.text) for e in events] == [
        ("ASSAULT", "193", "XVL", "XKS", "asserted", "shot"),
        ("CONCEDE", "081", "XKS", "XVL", "negated", "reopened")]
    events = run(nlp, text[text.index("Kestria has"):], published="2025-06-05", example_gazetteer=True).events
    assert [(e.category, e.mode, e.trigger.text) for e in events] == [
        ("CONCEDE", "negated", "reopened"), ("ASSAULT", "asserted", "shooting")]


def test_events_relative_clause_through_a_preposition_says_nothing_done_to_its_noun(nlp):
    text = ("Valdoria and Kestria met in Ishtal in May. The Valdorian observation post from which the shots were fired "
            "has since been rebuilt in concrete.")
    events = run(nlp, text, published="2025-06-05", example_gazetteer=True).events
    assert [(e.cameo, e.trigger.text) for e in events] == [("040", "met")]


def test_events_verb_completing_what_a_noun_is_for_is_no_event(nlp):
    text = ("Valdoria and Kestria met in Ishtal in May. The gas pipeline laid along the Isel valley in the early "
            "2000s, which still carries most of Kestria's imported gas, gave both capitals a reason to keep talking.")
    events = run(nlp, text, published="2025-06-05", example_gazetteer=True).events
    assert [(e.cameo, e.trigger.text) for e in events] == [("040", "met")]


def _coded(nlp, text):
    return [(e.trigger.text, e.category, e.source, e.target)
            for e in run(nlp, text, published="2025-06-05", example_gazetteer=True).events]


def test_events_agentless_passive_on_things_named_before_is_done_to_their_owner(nlp):
    text = ("Valdoria seized forty Kestrian lorries at the border in May. "
            "The lorries were returned to their owners on Friday.")
    assert ("returned", "RETREAT", "XVL", "XKS") in _coded(nlp, text)
    # without an owner named anywhere, no side is guessed
    assert not [e for e in _coded(nlp, "Valdoria and Kestria met. The lorries were returned on Friday.")
                if e[0] == "returned"]


def test_events_participle_joined_to_a_passive_is_passive(nlp):
    text = "Trade between Valdoria and Kestria fell. Two Kestrian lorries were held at the crossing and handed back."
    assert [e for e in _coded(nlp, text) if e[0] == "handed"] == [("handed", "RETREAT", "XVL", "XKS")]


def test_events_two_people_of_one_state_are_internal(nlp):
    text = ("Kestria detained Valdorian journalist Yannick Pell in June. Valdorian Foreign Minister Severin Malk "
            "urged Valdorian President Aurel Demmin to recall the ambassador from Dorrun.")
    assert not [e for e in _coded(nlp, text) if e[0] == "urged"]


def test_events_demanding_release_of_own_national_asks_the_side_holding_him(nlp):
    text = ("Kestria detained Valdorian journalist Yannick Pell in June. Valdorian Foreign Minister Severin Malk "
            "demanded Pell's immediate release.")
    assert ("demanded", "REQUEST", "person:severin-malk", "XKS") in _coded(nlp, text)


def test_events_verb_joined_after_a_quoted_clause_goes_on_with_the_reporter(nlp):
    # the parser hangs "urged" on the quoted clause: Malk urges, not "the government"
    text = ("Kestria detained Valdorian journalist Yannick Pell in June. Valdorian Foreign Minister Severin Malk "
            "said Kestria \"has made a grave mistake\" and urged Kestria to release Pell.")
    assert ("urged", "REQUEST", "person:severin-malk", "XKS") in _coded(nlp, text)


def test_events_should_have_done_is_no_demand(nlp):
    text = ("Kestria detained Valdorian journalist Yannick Pell in June. Valdorian Foreign Minister Severin Malk "
            "said Kestria should have seen this coming.")
    assert not [e for e in _coded(nlp, text) if e[0] == "seen"]
    text = text.replace("should have seen this coming", "should see this coming")  # the same, asked for now
    assert ("see", "REQUEST", "person:severin-malk", "XKS") in _coded(nlp, text)


@pytest.mark.parametrize(
    "sentence",
    ["Opposition leader Mira Tosk, who chairs the Green Path party, called for an emergency debate in parliament.",
     "Opposition leader Mira Tosk dismissed the arrangement as \u201ca bad bargain\u201d.",
     "The Kestrian opposition leader, Mira Tosk, urged Halvic to recall the ambassador."],
)
def test_events_an_opposition_figure_addresses_their_own_government(nlp, sentence):
    text = "Kestria and Valdoria signed a transit protocol in Brask in May. " + sentence
    assert [e[0] for e in _coded(nlp, text)] == ["signed"]


def _coded_cameo(nlp, text):
    return [(e.trigger.text, e.cameo, e.source, e.target)
            for e in run(nlp, text, published="2025-06-05", example_gazetteer=True).events]


def test_events_a_count_as_subject_stands_for_the_people_counted_before(nlp):
    text = ("Valdorian guards opened fire on a Kestrian patrol at the bridge. Two Kestrian servicemen died at the "
            "scene, and a third was briefly held and handed back to the Kestrian side the same night.")
    coded = _coded_cameo(nlp, text)
    assert ("held", "173", "XVL", "XKS") in coded
    assert ("handed", "0841", "XVL", "XKS") in coded
    # a meeting that was held is no detention
    assert not [e for e in _coded_cameo(nlp, "Valdoria and Kestria agreed to talks. Two rounds were held in May.")
                if e[0] == "held"]


def test_events_ordering_people_held_is_their_detention(nlp):
    text = ("Kestria detained two Valdorian journalists on Tuesday. "
            "A Dorrun court on Wednesday ordered both men held for two months pending investigation.")
    assert ("held", "173", "XKS", "XVL") in _coded_cameo(nlp, text)


def test_events_particle_parsed_as_adverb_completes_the_phrase(nlp):
    text = ("Valdoria seized forty Kestrian lorries at the border in May. All 40 Kestrian lorries held at the "
            "terminal were handed back to their owners on 28 November.")
    assert ("handed", "0842", "XVL", "XKS") in _coded_cameo(nlp, text)


def test_events_not_withdrawing_a_note_negates_the_withdrawal_not_the_note(nlp):
    text = "Kestria has not withdrawn the protest note it handed to Ambassador Lothar Wenn last Wednesday."
    events = {e.trigger.text: (e.category, e.mode) for e in run(nlp, text, published="2025-05-13",
                                                                example_gazetteer=True).events}
    assert events["withdrawn"] == ("CONCEDE", "negated")
    assert events["note"] == ("ACCUSE", "asserted")


def test_events_participle_after_its_noun_is_done_to_it(nlp):
    text = ("Relations between Valdoria and Kestria are tense. The two Valdorian journalists detained in June "
            "remain in custody in Dorrun.")
    assert [e for e in _coded_cameo(nlp, text) if e[1].startswith("17")] == [("detained", "173", "XKS", "XVL")]


def test_events_the_same_kind_between_the_same_sides_on_the_same_date_is_told_again(nlp):
    text = ("Valdoria and Kestria met in Ishtal in October. Both sides had refused talks for a year, "
            "but the two governments met in Ishtal in October.")
    assert [e[0] for e in _coded(nlp, text) if e[1] == "CONSULT"] == ["met"]


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [("Prime Minister Hedda Vorlund told a cabinet meeting that the return of the lorries was welcome.", "meeting"),
     ("Several Kestrian commentators have called the exercises a \u201creminder\u201d of Valdoria's power.", "called"),
     ("She added that the Valdorian border service had opened its own inquiry.", "inquiry")],
)
def test_events_a_side_among_its_own_people_is_no_dyadic_event(nlp, sentence, trigger):
    text = "Valdoria and Kestria signed a transit protocol in Brask in May. " + sentence
    assert not [e for e in _coded(nlp, text) if e[0] == trigger]


def test_events_participle_deep_inside_another_events_phrase_only_describes(nlp):
    text = ("Relations between Valdoria and Kestria are tense. Valdoria has paid compensation to the families of "
            "the three Kestrian border guards killed on the bridge in May.")
    assert not [e for e in _coded(nlp, text) if e[0] == "killed"]
    # the object itself is told as what the event undoes
    text = ("Relations between Valdoria and Kestria are tense. "
            "Valdoria released the eleven Kestrian students detained in Brask in June.")
    assert ("detained", "COERCE", "XVL", "XKS") in _coded(nlp, text)


def test_events_a_clause_beyond_a_semicolon_is_not_governed_by_its_verb(nlp):
    text = ("Kestria detained two Valdorian journalists in June. "
            "Kestria accuses them of collecting information about military positions; both deny the charges.")
    assert [(e.trigger.text, e.mode) for e in run(nlp, text, published="2025-07-05", example_gazetteer=True).events
            if e.category == "ACCUSE"] == [("accuses", "asserted")]


def test_events_support_voiced_in_the_present_under_a_past_verb_of_saying(nlp):
    text = "Kestria and Valdoria quarrelled over the bridge. Jonas Aberline said that Sarnovia stands with Kestria."
    assert ("stands", "SUPPORT", "person:jonas-aberline", "XKS") in _coded(nlp, text)
    # a standing state of affairs in the present is still no event
    text = "Kestria and Valdoria quarrelled over the bridge. Sarnovia, which stands with Kestria, kept silent."
    assert not [e for e in _coded(nlp, text) if e[0] == "stands"]


def test_events_pleading_not_guilty_to_charges_undergoes_them(nlp):
    text = ("Kestria detained Valdorian journalist Yannick Pell in June. "
            "Pell pleaded not guilty to charges of gathering military information.")
    assert ("charges", "ACCUSE", "XKS", "person:yannick-pell") in _coded(nlp, text)


def test_events_things_taken_in_the_act_told_just_before_are_taken_by_its_side(nlp):
    text = ("Kestria's State Security Service on Tuesday detained two Valdorian journalists in Dorrun. "
            "The service said cameras and hard drives had been seized.")
    assert ("seized", "COERCE", "body:xks-state-security-service", "XVL") in _coded(nlp, text)
    # people killed are no things taken: the earlier act is not theirs to borrow
    text = ("Valdorian guards detained two Kestrian fishermen on Tuesday. Thirty people were killed in a storm.")
    assert not [e for e in _coded(nlp, text) if e[0] == "killed"]


def test_events_the_deal_told_from_the_other_side_is_the_same_signing(nlp):
    text = ("Kestria and Valdoria signed a transit protocol in Brask on Monday. "
            "Brask presented the deal as proof that its trade-first doctrine was paying off.")
    assert [e[0] for e in _coded(nlp, text)] == ["signed"]


def test_events_cooperation_supposed_on_a_condition_is_an_intent(nlp):
    text = ("Valdoria and Kestria signed a transit protocol in May. Valdorian officials said talks between the two "
            "sides could start in the autumn if the customs commission makes progress.")
    assert [(e.trigger.text, e.cameo, e.mode) for e in run(nlp, text, published="2025-06-05",
                                                           example_gazetteer=True).events
            if e.trigger.text == "talks"] == [("talks", "036", "hypothetical")]


def test_events_an_event_offered_or_pledged_by_a_noun_is_an_intent(nlp):
    text = ("Valdoria and Kestria quarrelled over the bridge. "
            "Brask said it welcomed an offer by Qarovia to host talks between the two sides.")
    assert [(e[0], e[1]) for e in _coded(nlp, text) if e[0] == "talks"] == [("talks", "AGREE")]


def test_events_a_warning_and_the_threat_it_tells_are_one_event(nlp):
    text = ("Kestria detained two Valdorian journalists on Tuesday. Foreign Minister Severin Malk warned that "
            "Valdoria would respond with force.")
    assert [e[1] for e in _coded(nlp, text)].count("THREATEN") == 1


def test_events_a_request_gone_unanswered_is_no_answer_from_its_recipient(nlp):
    text = ("Valdoria raised transit fees for Kestrian lorries. "
            "Kestria's request for urgent consultations, sent to Brask in February, has gone unanswered.")
    events = run(nlp, text, published="2026-03-12", example_gazetteer=True).events
    assert [(e.trigger.text, e.category, e.source, e.target, e.mode) for e in events if e.category == "CONSULT"] \
        == [("gone", "CONSULT", "XVL", "XKS", "negated")]


def test_events_participle_misread_as_the_main_verb_describes_its_noun(nlp):
    text = ("Valdoria seized forty Kestrian lorries at the border in June. "
            "The 40 Kestrian lorries impounded at the crossing have not been returned.")
    coded = _coded_cameo(nlp, text)
    assert ("returned", "0842", "XVL", "XKS") in coded
    assert not [e for e in coded if e[0] == "impounded"]
    # a verb with an infinitive of purpose after it is the main verb
    text = "Kestria's security adviser met Valdorian President Aurel Demmin on Tuesday to discuss the bridge."
    assert [(e[0], e[2]) for e in _coded_cameo(nlp, text) if e[0] == "met"] == [("met", "XKS")]


def test_events_released_and_flown_home_is_no_visit(nlp):
    text = ("Kestria detained Valdorian journalist Tobias Marl in June. "
            "Marl was released on Tuesday and flew to Brask the same evening.")
    assert not [e for e in _coded(nlp, text) if e[0] == "flew"]
    text = "Kestria detained Valdorian journalist Tobias Marl in June. Severin Malk flew to Dorrun on Tuesday."
    assert ("flew", "CONSULT", "person:severin-malk", "XKS") in _coded(nlp, text)


def test_events_what_recurs_every_quarter_is_a_standing_arrangement(nlp):
    text = ("Valdoria and Kestria signed a transit protocol in May. The protocol keeps the crossing open, fixes "
            "transit fees for Kestrian lorries and sets up a joint customs commission that is to meet every quarter.")
    assert not [e for e in _coded(nlp, text) if e[0] == "meet"]
    text = "Valdoria and Kestria signed a transit protocol in May. The foreign ministers will meet every quarter."
    assert not [e for e in _coded(nlp, text) if e[0] == "meet"]


def test_events_agreeing_to_begin_an_act_is_one_event(nlp):
    text = ("Sarnovia and Kestria held consultations in Dorrun on Thursday and agreed to begin drafting "
            "a bilateral defence cooperation agreement.")
    assert [e[1] for e in _coded(nlp, text)].count("AGREE") == 1


def test_events_a_promise_of_two_that_clauses_is_one_promise(nlp):
    text = ("Aurel Demmin promised Teodor Halvic that the prosecutors would carry out a full investigation and that "
            "its findings would be handed to Dorrun.")
    assert [e[1] for e in _coded(nlp, text)].count("AGREE") == 1


def test_events_a_promise_coded_on_its_verb_is_not_coded_again_from_its_objects(nlp):
    text = ("Valdorian border troops opened fire on a Kestrian patrol in May. Valdoria has promised compensation "
            "to the families and an investigation whose findings are to be shared with Dorrun.")
    assert [e[1] for e in _coded(nlp, text)].count("AGREE") == 1


def test_events_the_thing_done_told_again_as_a_passive_subject_is_the_same_event(nlp):
    text = ("Valdoria has paid compensation to the families of the Kestrian guards. "
            "According to Dorrun, the compensation was paid on 3 September through the embassy.")
    assert [e[0] for e in _coded(nlp, text) if e[1] == "AID"] == ["paid"]


def test_events_what_an_event_would_do_announces_no_event(nlp):
    text = "Foreign Minister Severin Malk said that a Sarnovian-Kestrian defence pact would change the balance."
    assert not [e for e in _coded(nlp, text) if e[0] == "pact"]
    # but talks that could start are announced
    text = "Valdorian officials said talks between Valdoria and Kestria could start in the autumn."
    assert [e[1] for e in _coded(nlp, text) if e[0] == "talks"] == ["AGREE"]


def test_events_two_intents_in_one_statement_are_one_event(nlp):
    text = ("Aurel Demmin said that Valdoria would return the Kestrian lorries to their owners by 1 December and "
            "that the customs case against the drivers would be closed.")
    assert len([e for e in _coded(nlp, text) if e[1] in ("AGREE", "CONCEDE")]) == 1


@pytest.mark.parametrize(
    ("text", "trigger", "category"),
    [("\u201cA normal step would be a public apology from Brask. We have not received one,\u201d "
      "Kestrian Foreign Minister Nadia Corvel said.", "received", "CONCEDE"),
     ("Kestria had asked Valdoria for advance notification of the exercises and had not yet received it.",
      "received", "COOPERATE")],
)
def test_events_not_receiving_what_a_pronoun_points_back_to(nlp, text, trigger, category):
    text = "Valdoria and Kestria quarrelled over the bridge. " + text
    events = [e for e in run(nlp, text, published="2025-06-05", example_gazetteer=True).events
              if e.trigger.text == trigger]
    assert [(e.category, e.source_country, e.target_country, e.mode) for e in events] == [
        (category, "XVL", "XKS", "negated")]


def test_events_talks_held_at_one_sides_ministry_are_with_the_other_side(nlp):
    text = ("Valdoria and Kestria signed a transit protocol. Yesterday's talks, held on 20 February at the "
            "Valdorian Foreign Ministry, ran for six hours.")
    assert ("talks", "CONSULT", "XKS", "XVL") in _coded(nlp, text)
    # a third state hosting the two sides is not one of them
    text = ("Valdoria and Kestria signed a transit protocol. Valdoria and Kestria quarrelled. The talks, held at "
            "the Morvainian presidency, ran for six hours.")
    assert not [e for e in _coded(nlp, text) if e[0] == "talks" and "XMV" in e[2:]]


def test_events_a_third_party_offering_to_host_talks_offers_both_sides(nlp):
    text = ("Valdoria accused Kestria of a provocation; Kestria accused Valdoria of lying. "
            "Qarovian Foreign Minister Ilario Venz offered to host talks in Sulem.")
    offered = [e for e in _coded(nlp, text) if e[0] == "offered"]
    assert sorted(e[3] for e in offered) == ["XKS", "XVL"]


def test_events_them_standing_for_people_listed_before_is_one_event_each(nlp):
    text = ("The journalists, bureau chief Yannick Pell and cameraman Tobias Marl, have been held in Dorrun since "
            "June. Kestria accuses them of collecting information about military positions.")
    accused = sorted(e[3] for e in _coded(nlp, text) if e[0] == "accuses")
    assert accused == ["person:tobias-marl", "person:yannick-pell"]


def test_events_a_quotation_following_an_attributed_one_goes_on_with_its_speaker(nlp):
    text = ("Valdoria began exercises on the river. Foreign Minister Nadia Corvel went further in an interview. "
            "\u201cWe asked in February and we were told there was nothing to discuss,\u201d she said. "
            "\u201cA normal and expected step for a neighbour would be to pick up the telephone.\u201d")
    assert [e[1:] for e in _coded(nlp, text) if e[0] == "step"] == [("REQUEST", "person:nadia-corvel", "XVL")]


def test_events_a_promise_told_as_a_point_in_time_is_no_new_intent(nlp):
    text = ("The power line linking Sarnovia and Kestria entered service on 27 November, three days before the "
            "deadline set by Prime Minister Jonas Aberline when the project was agreed.")
    assert not [e for e in _coded(nlp, text) if e[0] == "deadline"]


def test_events_a_recalled_ambassador_is_recalled_by_his_own_state(nlp):
    text = ("Kestria and Valdoria quarrelled over the bridge. "
            "Ambassador Lothar Wenn had been recalled from Dorrun for consultations.")
    assert ("recalled", "SANCTION", "XVL", "XKS") in _coded(nlp, text)
    # and told again after the recall, it is the same recall
    text = ("Kestria and Valdoria quarrelled over the bridge. Valdoria responded by recalling its ambassador from "
            "Dorrun. On Tuesday afternoon Brask said Ambassador Lothar Wenn had been recalled for consultations.")
    assert [e[0] for e in _coded(nlp, text) if e[1] == "SANCTION"] == ["recalling"]


def test_events_an_undated_report_takes_the_date_its_retelling_gives(nlp):
    text = ("Kestria and Valdoria quarrelled over the bridge. Valdoria responded by recalling its ambassador from "
            "Dorrun. Brask said Ambassador Lothar Wenn had been recalled on 5 August.")
    events = [e for e in run(nlp, text, published="2026-08-06", example_gazetteer=True).events
              if e.category == "SANCTION"]
    assert [(e.trigger.text, e.date) for e in events] == [("recalling", "2026-08-05")]


def test_events_an_act_on_an_indefinite_pronoun_names_no_act(nlp):
    text = "Kestria protested against the remarks of presenter Oskar Renn. Renn has not withdrawn anything."
    assert not [e for e in _coded(nlp, text) if e[0] == "withdrawn"]
    text = "Kestria protested against the remarks of presenter Oskar Renn. Renn has not withdrawn the remarks."
    assert [e[0] for e in _coded(nlp, text) if e[0] == "withdrawn"]


# ---------------------------------------------------------------- general CAMEO coding (issue 5)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # nominal small-arms fights: the subject draws the object into the fight
        ("Kestrian rebels engaged Valdorian peacekeepers in a firefight on Saturday.",
         ("firefight", "193", "XKS", "XVL")),
        ("Kestrian troops fought Valdorian soldiers in a gunbattle near the border.",
         ("gunbattle", "193", "XKS", "XVL")),
        # a warrant is legal action against the people named (173), not a threat
        ("A court in Kestria issued arrest warrants for two Valdorian men.", ("warrants", "173", "XKS", "XVL")),
        # sorrow expressed is an empathetic comment (018); "the president of Kestria" is Kestria's president
        ("The president of Kestria expressed sorrow for the shootings in Valdoria.",
         ("expressed", "018", "person:teodor-halvic", "XVL")),
        # claiming an attack is acknowledging responsibility (015), beside the attack itself
        ("Kestrian militants claimed responsibility for the bombing of a Valdorian bus.",
         ("claimed", "015", "XKS", "XVL")),
    ],
)
def test_events_general_cameo_phrases(nlp, text, expected):
    assert expected in _coded_cameo(nlp, text)


def test_events_deaths_of_men_under_arms_near_the_other_side_are_its_attack(nlp):
    text = ("Two Kestrian servicemen died on Tuesday after their patrol crossed into the Valdorian half of the "
            "bridge, the ministry said. One Valdorian officer was wounded by a ricochet.")
    assert ("died", "193", "XVL", "XKS") in _coded_cameo(nlp, text)
    # a death with its cause told is no attack; one told beside the attack is that attack's outcome
    text = "Two Kestrian servicemen died in a helicopter crash near the Valdorian border on Tuesday."
    assert not [e for e in _coded_cameo(nlp, text) if e[0] == "died"]
    text = "Two Kestrian soldiers died on Tuesday after their truck overturned near the Valdorian border."
    assert not [e for e in _coded_cameo(nlp, text) if e[0] == "died"]
    text = "Valdorian guards opened fire on a Kestrian patrol; two Kestrian servicemen died."
    assert not [e for e in _coded_cameo(nlp, text) if e[0] == "died"]


def test_events_what_a_promise_or_threat_is_done_to_is_no_event_of_its_own(nlp):
    assert [e[:2] for e in _coded_cameo(nlp, "Kestria has agreed to lift the sanctions on Valdoria.")] == [
        ("agreed", "0354")]
    text = "A Kestrian minister threatened to impose import restrictions against Valdorian goods."
    assert [e[:2] for e in _coded_cameo(nlp, text)] == [("threatened", "1312")]


def test_events_what_is_alleged_is_one_accusation(nlp):
    # a report (a thing) alleges for the side where it was released; the acts alleged, down the joined and
    # governed clauses, are that allegation, not acts of their own
    text = ("A report released in the Kestrian capital alleged that Valdoria knew of the plan, and that "
            "Valdorian troops helped to carry out killings.")
    assert _coded_cameo(nlp, text) == [("alleged", "112", "XKS", "XVL")]


def test_events_a_protest_is_aimed_at_the_state_where_it_is_held_by_each_side_that_protests(nlp):
    text = "Valdorian and Sarnovian activists staged a dramatic protest in Dorrun on Wednesday."
    assert sorted(e[1:] for e in _coded(nlp, text)) == [("PROTEST", "XSR", "XKS"), ("PROTEST", "XVL", "XKS")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the model lemmatises "staged" as "stag": still the light verb whose object names the event
        ("Thousands of Kestrian students staged mass demonstrations on Saturday to demand political reforms by "
         "the Valdorian government.", [("demonstrations", "PROTEST", "XKS", "XVL")]),
        # what a protest is held for is that protest, not an accusation of its own
        ("Kestrian prisoners began a hunger strike on Monday to protest against Valdoria's decision.",
         [("strike", "PROTEST", "XKS", "XVL")]),
        # what the other side is charged with is the charge, not an act of support
        ("Valdoria lodged an official protest with Kestria, charging its neighbour with supporting dissidents.",
         [("protest", "ACCUSE", "XVL", "XKS")]),
    ],
)
def test_events_what_a_protest_or_charge_is_for_is_no_event_of_its_own(nlp, text, expected):
    assert _coded(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    ["Kestria complained to the United Nations over two Valdorian air raids.",
     "Kestria protested to the Veltic Cooperation Council about Valdoria's fee increase."],
)
def test_events_a_complaint_to_a_third_party_is_aimed_at_the_side_complained_of(nlp, text):
    assert [e[1:] for e in _coded(nlp, text) if e[1] == "ACCUSE"] == [("ACCUSE", "XKS", "XVL")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "for one of its gunboats" counts no time: an apology, not a standing state of affairs
        ("Kestria has apologized to Valdoria for one of its gunboats intercepting a Valdorian ship.",
         ("apologized", "055", "XKS", "XVL")),
        # an attack on no one named, in another state's place, is on that state
        ("Kestrian tanks fired four shells at targets in Brask, witnesses said.", ("fired", "194", "XKS", "XVL")),
        ("Kestrian soldiers beat up Valdorian detainees on Monday.", ("beat", "182", "XKS", "XVL")),
        # whose forces withdraw, and from where
        ("The withdrawal of Valdorian forces from Kestria began on Monday.", ("withdrawal", "0874", "XVL", "XKS")),
    ],
)
def test_events_apologies_attacks_by_place_and_withdrawals(nlp, text, expected):
    assert expected in _coded_cameo(nlp, text)


@pytest.mark.parametrize(
    "text",
    ["Kestria rejected a fresh offer from Valdoria for direct talks between the two neighbours.",
     "Kestria rejected calls for sanctions against Valdoria."],
)
def test_events_what_is_rejected_is_no_event_of_its_own(nlp, text):
    assert [e[:2] for e in _coded(nlp, text)] == [("rejected", "REJECT")]


def test_events_higher_levies_are_a_fee_increase(nlp):
    text = ("Valdoria and Kestria quarrelled. The talks took place two weeks after higher Valdorian transit fees "
            "for Kestrian lorries came into force on 1 March.")
    assert ("fees", "163", "XVL", "XKS") in _coded_cameo(nlp, text)
    assert not [e for e in _coded_cameo(nlp, "Kestrian hauliers complained about high Valdorian fees.")
                if e[0] == "fees"]


@pytest.mark.parametrize(
    "text",
    ["The Sarnovian president launched a mediation effort on Saturday between Kestria and Valdoria.",
     "A Sarnovian envoy undertook a mediation mission between Kestria and Valdoria."],
)
def test_events_a_mediation_effort_is_a_third_partys_mediation_with_each_side(nlp, text):
    assert sorted(e[1:] for e in _coded(nlp, text)) == [("CONSULT", "XSR", "XKS"), ("CONSULT", "XSR", "XVL")]


@pytest.mark.parametrize(
    "text",
    ["Valdoria said a mortar bomb was fired at it from Kestria on Tuesday.",
     "Two rockets were fired into Valdoria from Kestrian territory overnight.",
     "Shells were fired at Valdorian positions from across the Kestrian border."],
)
def test_events_fire_from_a_state_is_its_attack_on_the_side_aimed_at(nlp, text):
    assert [e[1:] for e in _coded(nlp, text)] == [("ASSAULT", "XKS", "XVL")]


def test_events_a_relative_clause_is_done_by_the_noun_it_describes(nlp):
    text = "Kestria launched an air strike against a militant group that has seized parts of Valdoria."
    assert [e[0] for e in _coded(nlp, text)] == ["strike"]
    text = "Kestria protested. The Valdorian border troops who opened fire on Tuesday were praised in Brask."
    assert ("opened", "ASSAULT", "XVL", "XKS") in _coded(nlp, text)


def test_events_what_an_accusation_says_was_done_is_no_event_told(nlp):
    text = "Kestria condemned allegations by Valdoria that it had played a role in the massacre."
    assert [e[:2] for e in _coded(nlp, text)] == [("condemned", "ACCUSE")]
    text = "Kestria accused Valdoria of playing a role in the massacre."
    assert [e[:2] for e in _coded(nlp, text)] == [("accused", "ACCUSE")]
    # but a reason given inside it is told: the agreements were signed
    text = ("Valdoria and Kestria quarrelled. President Teodor Halvic accused Valdoria of using the road as a lever "
            "to punish Kestria for its new energy and travel agreements with Sarnovia.")
    assert ("agreements", "SUPPORT", "XKS", "XSR") in _coded(nlp, text)


def test_events_what_a_side_hoped_others_would_do_is_no_event(nlp):
    # the model lemmatises "hoped" as "hop"
    text = "Valdoria said it hoped Kestrian officials would be indicted for war crimes."
    assert _coded(nlp, text) == []


def test_events_verb_forms_the_model_lemmatises_wrongly_keep_their_code(nlp):
    # "raped" is lemmatised "rap" (to rap someone: criticise), "resupplied" "resupplie"
    assert ("raped", "1821", "XKS", "XVL") in _coded_cameo(nlp, "Kestrian soldiers raped Valdorian women.")
    assert ("rapped", "111", "XKS", "XVL") in _coded_cameo(nlp, "Kestria rapped Valdoria over the fees.")
    assert ("resupplied", "072", "XKS", "XVL") in _coded_cameo(
        nlp, "Kestria resupplied Valdorian rebels with weapons.")


def test_events_weapons_received_from_a_side_are_its_military_aid(nlp):
    assert ("weapons", "072", "body:xvl-government", "XKS") in _coded_cameo(
        nlp, "Kestrian rebels received weapons from the Valdorian government.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kestria and Valdoria renewed negotiations today on a troop pullback.",
         ("negotiations", "CONSULT", "XKS", "XVL")),
        ("Kestria declared a unilateral ceasefire on Wednesday after 12 days of battles with Valdoria.",
         ("ceasefire", "RETREAT", "XKS", "XVL")),
        ("Kestrian forces had completed their withdrawal from the Valdorian town.",
         ("withdrawal", "RETREAT", "XKS", "XVL")),
        ("Kestrian troops remained on alert near the Valdorian border.", ("remained", "MOBILIZE", "XKS", "XVL")),
    ],
)
def test_events_renewed_declared_completed_and_standing_acts(nlp, text, expected):
    assert expected in _coded(nlp, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Two Kestrian pilots sought asylum in Valdoria.", ("sought", "103", "XKS", "XVL")),
        ("Sarnovia has dispatched inspectors to a nuclear plant in Kestria.", ("dispatched", "090", "XSR", "XKS")),
    ],
)
def test_events_seeking_asylum_and_sending_inspectors(nlp, text, expected):
    assert expected in _coded_cameo(nlp, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sarnovia on Monday gave Kestria 5.1 million dollars of aid for farming projects.",
         ("aid", "070", "XSR", "XKS")),
        ("Sarnovia sent Kestria 200 tonnes of food.", ("sent", "073", "XSR", "XKS")),
    ],
)
def test_events_an_amount_of_aid_is_the_aid(nlp, text, expected):
    assert expected in _coded_cameo(nlp, text)


def _dates_by_trigger(nlp, text: str, published: str) -> dict[str, str | None]:
    """Each event's trigger word with its date."""
    return {e.trigger.text: e.date for e in run(nlp, text, published=published, example_gazetteer=True).events}


def test_events_a_relative_clause_on_a_participant_dates_its_own_verb(nlp):
    text = "Kestria released Tomas Brel, a Valdorian engineer who was arrested in Dorrun on 3 June."
    assert _dates_by_trigger(nlp, text, "2026-08-08") == {"released": None, "arrested": "2026-06-03"}
    # a relative clause on the event's own noun still dates it
    text = "Valdoria rejected the protest note that Kestria handed to its ambassador on 5 August."
    assert _dates_by_trigger(nlp, text, "2026-08-08").get("note") == "2026-08-05"


def test_events_a_relative_clause_on_what_an_act_comments_on_is_not_dated_by_that_act(nlp):
    # the denouncing was on Wednesday; the agreement it denounced was made before
    text = ("On Wednesday, the foreign ministers of Sarnovia denounced the memorandum between Kestria and Valdoria "
            "in which Kestria and Valdoria agreed on a maritime border and allowed Valdorian troop deployments.")
    dates = _dates_by_trigger(nlp, text, "2026-08-08")
    assert (dates.get("agreed", "missing"), dates.get("deployments", "missing")) == (None, None)
    # a meeting "where" something was said takes place when the meeting does
    text = "On Tuesday, Kestria's president met the Valdorian envoy, where he denounced the agreement."
    assert _dates_by_trigger(nlp, text, "2026-08-08").get("denounced") == "2026-08-04"


def test_events_a_noun_retelling_an_act_of_the_same_date_and_sides_is_that_act(nlp):
    # three mentions of one July call: the later two give the same month, so they tell the first again
    text = ("The envoy resigned after details emerged of a call between Kestria and Valdoria in late July. "
            "The council asked for the transcript of a call between Valdoria and Kestria in late July.")
    events = run(nlp, text, published="2026-09-30", example_gazetteer=True).events
    calls = [e for e in events if e.category == "CONSULT"]
    assert [(e.trigger.text, e.date) for e in calls] == [("call", "2026-07")]
    assert [r.text[:16] for r in calls[0].also_reported_in] == ["The council aske"]
    # "a second round" of the same month is another event
    text = ("Kestria and Valdoria held talks in Brask in July. A second round of talks between Kestria and Valdoria "
            "in Dorrun in July failed.")
    events = run(nlp, text, published="2026-09-30", example_gazetteer=True).events
    assert [(e.trigger.text, e.date) for e in events if e.category == "CONSULT"] == [
        ("talks", "2026-07"), ("talks", "2026-07")]


def test_events_releasing_a_summary_is_a_statement_not_a_release_of_people(nlp):
    text = "Last week Valdoria released a summary of a phone call made by Kestrian President Anton Serb in July."
    events = run(nlp, text, published="2026-09-30", example_gazetteer=True).events
    assert [e.cameo for e in events if e.trigger.text == "released"] == []


def test_events_what_someone_is_called_on_to_do_is_demanded_not_done(nlp):
    # "called on X to halt": asked of X (whoever "they" are), not a halt that happened
    text = "They called on Kestria to halt its drilling operations off the coast of Valdoria."
    events = run(nlp, text, published="2026-08-08", example_gazetteer=True).events
    assert [(e.trigger.text, e.mode) for e in events] == [("halt", "demanded")]
    # "asked on Monday to meet": a day, no one called on
    text = "The Kestrian foreign minister asked on Monday to meet the Valdorian president."
    events = run(nlp, text, published="2026-08-08", example_gazetteer=True).events
    assert "demanded" not in {e.mode for e in events}


def test_events_a_demand_about_laws_named_for_no_state_is_the_speakers_own_matter(nlp):
    text = ("Valdorian Prime Minister Anna Brisk met Kestrian envoys in Dorrun. Brisk said the gun laws should be "
            "changed. She said Kestria's laws should be changed.")
    events = run(nlp, text, published="2026-03-01", example_gazetteer=True).events
    assert [(e.target, e.evidence.text[:9]) for e in events if e.category == "REQUEST"] == [("XKS", "She said ")]
    # "international law" is a matter between states
    text = ("Valdorian Prime Minister Anna Brisk met Kestrian envoys in Dorrun. Brisk said international law "
            "must be respected.")
    events = run(nlp, text, published="2026-03-01", example_gazetteer=True).events
    assert [e.target for e in events if e.category == "REQUEST"] == ["XKS"]


def test_events_charged_with_counts_is_an_accusation_of_the_subject_not_a_fee(nlp):
    # "charged with one count of murder": no fee for all its number; a participle set off by a comma tells what was
    # done to the subject, here by the state whose court it is
    text = ("A Kestrian, Tomas Brel, aged 41, appeared in a court in Dorrun, Valdoria, yesterday, charged with one "
            "count of murder pertaining to a shooting in Dorrun on Friday, which caused the death of at least 5 "
            "people.")
    events = run(nlp, text, published="2026-03-01", example_gazetteer=True).events
    assert [(e.cameo[:3], e.source, e.target) for e in events] == [("112", "XVL", "XKS")]
    # after a verb with an object the participle tells of the object; a fee "with effect from March" is a fee
    text = "Kestria expelled two Valdorian diplomats on Monday, accused of spying."
    events = run(nlp, text, published="2026-03-01", example_gazetteer=True).events
    assert sorted((e.cameo[:3], e.source, e.target) for e in events) == [("112", "XKS", "XVL"), ("166", "XKS", "XVL")]
    text = "Kestria said it would charge Valdorian lorries 40 percent more, with effect from March."
    events = run(nlp, text, published="2026-03-01", example_gazetteer=True).events
    assert [e.cameo for e in events] == ["163"]


def test_events_what_an_act_answers_is_not_dated_by_it(nlp):
    # the airstrike answered came before Wednesday's strike; so did the killing its relative clause tells
    text = ("On Wednesday Kestria launched missiles at Valdorian bases in response to the Valdorian airstrike that "
            "killed three Kestrian soldiers.")
    events = run(nlp, text, published="2026-01-09", example_gazetteer=True).events
    assert sorted((e.trigger.text, e.date) for e in events) == [
        ("airstrike", None), ("killed", None), ("launched", "2026-01-07")]


def test_events_what_an_act_punishes_is_not_dated_by_it(nlp):
    # the agreements punished were signed before Wednesday; the accusing is Wednesday's
    text = ("Kestrian President Teodor Halvic, speaking on Wednesday morning, accused Valdoria of trying to punish "
            "Kestria for its new travel agreements with Sarnovia.")
    events = run(nlp, text, published="2026-02-12", example_gazetteer=True).events
    assert sorted((e.trigger.text, e.date) for e in events) == [("accused", "2026-02-11"), ("agreements", None)]
    # "for five years" is how long, not what was punished
    text = "Valdoria sanctioned Kestrian officials for five years on Monday."
    assert [(e.trigger.text, e.date) for e in run(nlp, text, published="2026-02-12", example_gazetteer=True).events] \
        == [("sanctioned", "2026-02-09")]


def test_events_attending_a_gathering_of_many_states_is_a_visit_to_its_host(nlp):
    text = ("Kestrian President Teodor Halvic met Valdorian President Aurel Demmin on 16 October 2025 on the sidelines "
            "of the Veltic Cooperation Council summit in Ishtal. The summit itself, hosted by Morvainian President "
            "Selim Arvane, adopted a declaration.")
    visits = [e for e in run(nlp, text, published="2025-10-20", example_gazetteer=True).events if e.cameo == "042"]
    # dated by the meeting on its sidelines, told by the sentence about the summit itself
    assert sorted((e.source, e.target, e.date, e.mode, e.category) for e in visits) == [
        ("XKS", "XMV", "2025-10-16", "asserted", "CONSULT"), ("XVL", "XMV", "2025-10-16", "asserted", "CONSULT")]
    assert {e.evidence.text for e in visits} == {"The summit itself, hosted by Morvainian President Selim Arvane, "
                                                 "adopted a declaration."}


def test_events_people_a_gatherings_own_phrase_names_attend_it(nlp):
    # the parser hangs "Severin Malk and Nadia Corvel" on the place; people are no part of a meeting's name
    text = ("At the Veltic Cooperation Council foreign ministers' meeting held on 10 July 2025 in Sulem, Severin Malk "
            "and Nadia Corvel sat at the same table for three hours.")
    events = run(nlp, text, published="2025-07-20", example_gazetteer=True).events
    assert sorted((e.cameo, e.source, e.target, e.date) for e in events) == [
        ("042", "XKS", "XQR", "2025-07-10"), ("042", "XVL", "XQR", "2025-07-10")]


@pytest.mark.parametrize("text", [
    "Kestrian President Teodor Halvic met Valdorian President Aurel Demmin during the Veltic Cooperation Council "
    "summit in Ishtal.",
    "Kestrian President Teodor Halvic met Valdorian President Aurel Demmin on the first day of the Veltic "
    "Cooperation Council summit in Ishtal.",
    "Leaders of Kestria and Valdoria took part in the Veltic Cooperation Council summit in Ishtal.",
    # the place told by the verb that meets for it; the attendees named in its own phrase
    "Leaders of the Council's states met in Ishtal for a Veltic Cooperation Council summit where Kestrian President "
    "Teodor Halvic and Valdorian President Aurel Demmin signed the declaration.",
    # the host told by the verb the summit is the subject of, the attendees in the next sentence
    "The Veltic Cooperation Council summit will be held in Ishtal. Kestrian President Teodor Halvic met Valdorian "
    "President Aurel Demmin at the summit.",
])
def test_events_ways_of_being_at_a_gathering(nlp, text):
    events = run(nlp, text, published="2025-10-20", example_gazetteer=True).events
    assert sorted((e.source, e.target) for e in events if e.cameo == "042") == [("XKS", "XMV"), ("XVL", "XMV")]


@pytest.mark.parametrize("text", [
    # a gathering only spoken of, or the time of something else
    "The Valdorian ambassador to Kestria spoke in Dorrun about the Veltic Cooperation Council summit in Ishtal.",
    "On the eve of the Veltic Cooperation Council summit in Ishtal, a Dorrun court released a Valdorian journalist.",
    # no gathering of many: a meeting in a capital, a summit without its host
    "Kestrian and Valdorian ministers held a meeting in Brask on Monday.",
    "Kestria and Valdoria met on the sidelines of the Veltic Cooperation Council summit.",
    # speaking of a gathering is not being at it; a clause joined to it says nothing of it
    "Valdoria commented on the Veltic Cooperation Council summit in Ishtal on Thursday.",
    "Valdoria showed little interest in the Veltic Cooperation Council summit in Ishtal.",
    "Kestria called for a Veltic Cooperation Council summit in Ishtal.",
    "Sarnovia watched the Veltic Cooperation Council summit in Ishtal closely and Valdoria warned of consequences.",
    # at it, but told as being in another state's place
    "During the Veltic Cooperation Council summit in Ishtal, the Valdorian ambassador spoke in Dorrun.",
    # nobody attends
    "Kestria was not invited to the Veltic Cooperation Council summit in Ishtal.",
])
def test_events_no_visit_without_a_host_and_someone_there(nlp, text):
    events = run(nlp, text, published="2025-10-20", example_gazetteer=True).events
    assert [e for e in events if e.cameo == "042"] == []


@pytest.mark.parametrize(("text", "trigger"), [
    # the relative clause's object is the thing given, its own object the one it was given to
    ("«The date we gave our Sarnovian friends in Velmar last December has not moved,» Kestrian Foreign Minister "
     "Nadia Corvel said.", "gave"),
    ("Kestria gave Sarnovia its word in Velmar last December.", "gave"),
])
def test_events_giving_a_date_or_ones_word_is_a_commitment(nlp, text, trigger):
    events = run(nlp, text, published="2026-10-08", example_gazetteer=True).events
    assert [(e.trigger.text, e.cameo, e.source_country, e.target, e.date) for e in events] == [
        (trigger, "030", "XKS", "XSR", "2025-12")]


@pytest.mark.parametrize(("text", "codes"), [
    ("Valdoria gave in to Kestrian demands on Monday.", ["080"]),
    # "in May" dates the giving: no "give in"
    ("Kestria gave Valdoria its assurances in May.", ["030"]),
    ("Kestria gave Valdoria help in May.", []),
])
def test_events_a_preposition_with_a_date_makes_no_phrasal_verb(nlp, text, codes):
    assert [e.cameo for e in run(nlp, text, published="2025-10-22", example_gazetteer=True).events] == codes


def test_events_an_object_tagged_as_a_verb_is_no_second_event(nlp):
    # the tagger takes "guarantees" for a verb: still the object given, one event, the giving
    text = "Kestria gave Valdoria guarantees that the bridge would stay open."
    events = run(nlp, text, published="2026-10-08", example_gazetteer=True).events
    assert [(e.trigger.text, e.cameo, e.source, e.target) for e in events] == [("gave", "030", "XKS", "XVL")]


def test_events_offering_flights_is_commerce_offering_help_is_not(nlp):
    text = "Kestrian airlines are affected, as they offer flights to Valdorian cities. Valdoria offered Kestria help."
    events = run(nlp, text, published="2026-03-01", example_gazetteer=True).events
    assert [(e.trigger.text, e.cameo) for e in events] == [("offered", "033")]


def test_events_a_participle_on_people_dates_their_story_one_on_an_occasion_dates_the_event(nlp):
    text = "Valdoria paid compensation to the families of the three Kestrian guards killed on the bridge in May."
    events = run(nlp, text, published="2026-09-10", example_gazetteer=True).events
    assert [(e.category, e.date) for e in events if e.category == "AID"] == [("AID", None)]
    text = "At the council meeting held on 10 July in Sulem, Valdoria accused Kestria of spying."
    events = run(nlp, text, published="2026-07-12", example_gazetteer=True).events
    assert [(e.category, e.date) for e in events] == [("ACCUSE", "2026-07-10")]


def test_events_put_under_investigation_is_an_investigation(nlp):
    assert ("put", "090", "XVL", "XKS") in _coded_cameo(
        nlp, "Valdorian prosecutors put two Kestrian officials under investigation.")


@pytest.mark.parametrize(
    "text",
    ["The Kestrian embassy was demolished by Valdorian protesters.",
     "Valdorian demonstrators attacked the Kestrian embassy in Brask."],
)
def test_events_violence_by_protesters_is_a_violent_protest(nlp, text):
    assert [e[1:2] for e in _coded_cameo(nlp, text)] == [("145",)]
    assert _coded(nlp, "Kestrian police attacked Valdorian demonstrators.")[0][1] == "ASSAULT"


@pytest.mark.parametrize(
    ("text", "cameo"),
    [("Kestrian forces clashed with Valdorian rioters in the square.", "175"),
     ("Kestrian police opened fire on Valdorian protesters.", "175"),
     ("Kestrian troops attacked Valdorian soldiers.", "190")],
)
def test_events_security_forces_using_force_on_protesters_is_repression(nlp, text, cameo):
    assert [e[1] for e in _coded_cameo(nlp, text)] == [cameo]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # deepening a partnership is cooperating; seeking to do so is the intent
        ("Kestria and Sarnovia are seeking to deepen a partnership in energy, a Sarnovian minister said.",
         ("deepen", "032", "XKS", "XSR")),
        ("Kestria deepened its partnership with Sarnovia.", ("deepened", "050", "XKS", "XSR")),
        # "hoped to" (lemma "hop" in the model) announces an intent
        ("Kestria hoped to hold talks with Valdoria in May.", ("talks", "036", "XKS", "XVL")),
    ],
)
def test_events_partnerships_deepened_and_acts_hoped_for(nlp, text, expected):
    assert expected in _coded_cameo(nlp, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kestrian and Sarnovian warships on Monday launched ten days of war games in the Basin.",
         ("games", "062", "XKS", "XSR")),
        ("Kestria and Sarnovia held naval exercises in the Basin.", ("exercises", "062", "XKS", "XSR")),
        ("Kestria held naval exercises near the Valdorian coast.", ("exercises", "154", "XKS", "XVL")),
    ],
)
def test_events_exercises_held_together_are_military_cooperation(nlp, text, expected):
    assert expected in _coded_cameo(nlp, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Valdoria and Kestria quarrelled. Sarnovia closed its southern borders with Morvaine and Qarovia because "
         "of the fighting.", ("closed", "191", "XSR", "XMV")),
        ("Under the plan, Kestria will evacuate all 21 settlements in Valdoria.", ("evacuate", "0356", "XKS", "XVL")),
    ],
)
def test_events_borders_closed_with_a_side_and_settlements_evacuated(nlp, text, expected):
    assert expected in _coded_cameo(nlp, text)


def test_events_the_side_behind_an_attack_is_its_doer(nlp):
    assert [e[1:] for e in _coded(nlp, "Valdoria says Kestria was behind the attacks on its border posts.")] == [
        ("ASSAULT", "XKS", "XVL")]


def test_events_a_clause_listed_before_a_negated_passive_keeps_its_own_mode(nlp):
    # parsed as the complement of "was never settled", the first clause is one of a list of clauses
    text = ("The Kestrian prosecutors closed the smuggling investigation in April without sharing their evidence, the "
            "row over the trucks seized at the border was never fully settled, and in May Kestria and Sarnovia agreed "
            "on a trade deal.")
    events = run(nlp, text, published="2026-03-20", example_gazetteer=True).events
    assert [(e.trigger.text, e.mode) for e in events if e.trigger.text == "closed"] == [("closed", "asserted")]


def test_events_a_noun_event_that_is_a_verbs_object_is_dated_by_the_verbs_clause(nlp):
    # "on 29 July, Kestria filed a complaint ..., arguing that ... the protocol of February 2025": the complaint
    # was filed when the verb was, not on the sentence's other date
    text = ("A week later, on 29 July, Kestria filed a complaint against Valdoria with the arbitration panel, "
            "arguing that the increase breaches the transit protocol of February 2025.")
    events = run(nlp, text, published="2026-08-05", example_gazetteer=True).events
    assert [(e.category, e.trigger.text, e.date) for e in events if e.category == "ACCUSE"] == [
        ("ACCUSE", "complaint", "2026-07-29")]


def test_events_a_request_sent_to_a_capital_is_addressed_to_its_state(nlp):
    # "sent to Brask" names the capital as a place (the actors stage); the request still goes to Valdoria, not to
    # the state the document otherwise sets against Kestria
    text = ("Sarnovian Foreign Minister Anya Revic met her Kestrian counterpart Nadia Corvel in Dorrun on Thursday. "
            "Sarnovia will help Kestria. Kestria's request for urgent consultations on the fees, sent to Brask in "
            "February, has gone unanswered, Corvel said.")
    events = run(nlp, text, published="2026-03-12", example_gazetteer=True).events
    assert {(e.category, e.source_country, e.target_country) for e in events if e.trigger.text in ("request", "gone")} \
        == {("REQUEST", "XKS", "XVL"), ("CONSULT", "XVL", "XKS")}


def test_events_a_return_told_in_a_statement_and_retold_is_one_return_to_the_owners(nlp):
    # the clause says what the statement says (the customs service is no side of it); "the vehicles" are the
    # Kestrian trucks named before, so returned to Kestria; the quote retells that return
    text = ("Thirty of the 50 Kestrian trucks seized at the Harl Pass crossing in June are still at the crossing, "
            "according to the hauliers' association, contradicting a statement by the Valdorian Customs Service that "
            "all the vehicles were returned on 20 November. \"They say the trucks were returned. They were not,\" "
            "said Pavel Ostrom.")
    events = run(nlp, text, published="2025-12-02", example_gazetteer=True).events
    assert [(e.source, e.target, e.date) for e in events if e.category == "RETREAT"] == [("XVL", "XKS", "2025-11-20")]


def test_events_a_deadline_at_the_end_of_a_period_dates_no_act(nlp):
    text = ("President Aurel Demmin telephoned his Kestrian counterpart, offered condolences and promised "
            "compensation to the families by the end of September.")
    events = run(nlp, text, published="2025-07-20", example_gazetteer=True).events
    assert {(e.trigger.text, e.date) for e in events if e.trigger.text in ("telephoned", "offered")} == {
        ("telephoned", None), ("offered", None)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The high-voltage line linking Sarnovia and Kestria entered service on 27 November 2025.",
         [("COOPERATE", "061", "XSR", "XKS", "2025-11-27")]),
        ("Since the Velmar–Dorrun power line came into service in November last year, Kestria has bought less "
         "electricity.", [("COOPERATE", "061", "XSR", "XKS", "2025-11")]),
        ("The new Kestrian-Sarnovian rail link was commissioned in January.",
         [("COOPERATE", "061", "XKS", "XSR", "2026-01")]),
        ("The Valdorian power line went into operation in January.", []),  # works of one state
    ],
)
def test_events_works_joining_two_states_put_into_service_are_their_economic_cooperation(nlp, text, expected):
    events = run(nlp, text, published="2026-02-12", example_gazetteer=True).events
    assert [(e.category, e.cameo, e.source, e.target, e.date) for e in events] == expected


def test_events_an_act_owned_by_its_doer_is_not_negated_with_what_is_done_about_it(nlp):
    text = ("Valdoria raised transit fees for Kestrian lorries. Kestrian hauliers say the increase has cut traffic "
            "through the crossing by a third, and the arbitration panel of the Veltic Cooperation Council is not "
            "expected to rule on Kestria's complaint before the spring.")
    events = run(nlp, text, published="2026-10-08", example_gazetteer=True).events
    assert [(e.source, e.mode) for e in events if e.trigger.text == "complaint"] == [("XKS", "asserted")]


@pytest.mark.parametrize(("text", "cameo"), [
    ("Valdoria attacked Kestria's decision to raise the fees.", "111"),  # a decision attacked in words
    ("Kestria attacked the proposal made by Valdoria.", "111"),
    ("Valdoria attacked Kestrian border posts on Monday.", "190"),  # posts attacked by force
])
def test_events_attacking_a_thing_said_or_decided_is_criticism(nlp, text, cameo):
    (event,) = run(nlp, text, published="2026-03-20", example_gazetteer=True).events
    assert event.cameo == cameo


def test_events_speaking_out_against_an_attack_criticises_the_attacker_and_is_no_attack_on_the_speaker(nlp):
    # before: "the attack" was an attack of Valdoria's on Halvic, the person speaking out against it
    text = ("Valdorian border troops opened fire on a Kestrian patrol on Tuesday. President Teodor Halvic spoke out "
            "against the attack, calling it an aggression on Kestria.")
    coded = _coded_cameo(nlp, text)
    assert ("spoke", "111", "person:teodor-halvic", "XVL") in coded
    assert not [c for c in coded if c[3] == "person:teodor-halvic"]


@pytest.mark.parametrize(("sentence", "target"), [
    # the embassy is placed in Kestria: its suspending its work is towards Kestria, whatever the article's pair
    ("The Valdorian embassy in Dorrun suspended its operations on Monday.", "XKS"),
    # placed at home: the act names no other side, and the article's other side stands
    ("The Valdorian embassy staff in Brask suspended their operations on Monday.", "XMV"),
])
def test_events_a_sides_mission_placed_in_another_state_acts_towards_it(nlp, sentence, target):
    text = f"Valdoria and Morvaine quarrelled over fishing rights. {sentence}"
    coded = _coded_cameo(nlp, text)
    assert [c[3] for c in coded if c[0] == "suspended"] == [target]


def test_events_a_report_told_again_keeps_the_later_sentence_as_a_further_report(nlp):
    text = ("Kestria and Valdoria quarrelled over the bridge. Valdoria responded by recalling its ambassador from "
            "Dorrun. On Tuesday afternoon Brask said Ambassador Lothar Wenn had been recalled for consultations.")
    (recall,) = [e for e in run(nlp, text, published="2025-06-05", example_gazetteer=True).events
                 if e.category == "SANCTION"]
    assert [r.text for r in recall.also_reported_in] == [
        "On Tuesday afternoon Brask said Ambassador Lothar Wenn had been recalled for consultations."]
    text = ("Sarnovia and Kestria signed a memorandum on Tuesday. The memorandum was signed in Velmar by "
            "Sarnovian Prime Minister Jonas Aberline and Kestrian President Teodor Halvic.")
    (signed,) = run(nlp, text, published="2025-03-19", example_gazetteer=True).events
    assert [r.text for r in signed.also_reported_in] == [text.split("Tuesday. ")[1]]


@pytest.mark.parametrize(("published", "date"), [("2026-05-22", "2026-05-21"), ("2026-05", "2026-05")])
def test_events_a_noun_event_is_dated_by_the_verb_telling_it_took_place(nlp, published, date):
    # "opened yesterday": the trial's own date, not that of the arrest the sentence recalls
    text = ("Kestria protested to Valdoria on Monday. Meanwhile in Dorrun, the trial of the Valdorian reporter Anton "
            "Vell opened yesterday at the city court, almost a year after his arrest on 3 June 2025.")
    events = run(nlp, text, published=published, example_gazetteer=True).events
    assert sorted((e.trigger.text, e.date) for e in events if e.target == "person:anton-vell") == [
        ("arrest", "2025-06-03"), ("trial", date)]


def test_events_an_act_at_a_meeting_told_in_a_clause_on_it_takes_its_date(nlp):
    text = ("Valdorian President Aurel Demmin met Kestrian President Teodor Halvic in Ishtal on 15 October 2025. "
            "Analysts still recall the meeting between Demmin and Halvic in Ishtal, where the Valdorian president "
            "made a statement that many read as an apology to Kestria.")
    events = run(nlp, text, published="2026-02-01", example_gazetteer=True).events
    assert [(e.trigger.text, e.source_country, e.target_country, e.date) for e in events
            if e.category == "CONCEDE"] == [("apology", "XVL", "XKS", "2025-10-15")]


def test_events_an_act_in_a_clause_on_a_place_alone_stays_undated(nlp):
    text = ("Valdorian President Aurel Demmin met Kestrian President Teodor Halvic in Ishtal on 15 October 2025. "
            "Analysts still recall a speech in Brask, where the Valdorian president made a statement that many read "
            "as an apology to Kestria.")
    events = run(nlp, text, published="2026-02-01", example_gazetteer=True).events
    assert [(e.trigger.text, e.date) for e in events if e.category == "CONCEDE"] == [("apology", None)]


def test_events_the_day_before_a_dated_meeting_dates_an_act(nlp):
    from .test_extract_units import MET_THEN_PLACED_AGAINST

    events = run(nlp, MET_THEN_PLACED_AGAINST, published="2025-10-17", example_gazetteer=True).events
    # before: "The day before" ends with "before" and dated nothing; the flight took the confirming Thursday
    assert [(e.trigger.text, e.date) for e in events if e.cameo in ("081", "042")] == [
        ("flew", "2025-10"), ("moved", "2025-10-14")]


def test_events_force_threatened_in_another_state_is_aimed_at_it(nlp):
    # the article is about Kestria and Valdoria; the operation is threatened in Sarnovia (before: aimed at the other
    # side of the article's pair, Valdoria)
    text = ("Kestria and Valdoria argued again. TV host Mira Tosk is a presenter on one of Kestria’s state television "
            "channels. Tosk stated on her programme that Kestria could carry out a special military operation in "
            "Sarnovia.")
    events = run(nlp, text, published="2025-10-20", example_gazetteer=True).events
    assert [(e.category, e.cameo, e.source, e.target, e.mode) for e in events if e.category == "THREATEN"] == [
        ("THREATEN", "138", "person:mira-tosk", "XSR", "hypothetical")]


def test_events_an_unnamed_court_is_that_of_the_state_its_sentence_is_set_in(nlp):
    # before: "a court" named no actor, and the person named last (Marl) was taken for the doer; the extension, dated
    # last month, is a new act on the June detention, not a mention of it
    text = ("The two VTR journalists detained in June, Yannick Pell and Tobias Marl, remain in custody in Dorrun; a "
            "court extended their detention last month.")
    events = run(nlp, text, published="2025-09-04", example_gazetteer=True).events
    assert [(e.trigger.text, e.cameo, e.source, e.target_country, e.date) for e in events
            if e.trigger.text == "detention"] == [("detention", "173", "XKS", "XVL", "2025-08")]


def test_events_a_date_in_a_relative_clause_on_another_noun_dates_nothing_else(nlp):
    # "as recently as February" dates the capitals' using the word, not the detention in the clause before
    # (before: the students' detention dated February)
    text = ("Within a month Kestria had arrested two VTR journalists, Valdoria had impounded Kestrian lorries and "
            "detained Kestrian students, and the word “brotherly”, which both capitals used without irony as recently "
            "as February, had vanished from official statements.")
    events = run(nlp, text, published="2025-12-01", example_gazetteer=True).events
    assert [(e.trigger.text, e.date) for e in events if e.trigger.text == "detained"] == [("detained", None)]


def test_events_such_statements_condemned_or_not_are_their_makers(nlp):
    # the absent condemnation is of the presenter whose statements "such statements" points back to (before: of the
    # other side of the article's pair)
    text = ("Kestria and Valdoria argued again. TV host Mira Tosk is a presenter on one of Kestria’s state television "
            "channels. Media figures such as Mira Tosk allow themselves sharp attacks against states neighbouring "
            "Kestria.\n\nAt the same time, such statements meet with no official condemnation from Kestria.")
    events = run(nlp, text, published="2025-10-20", example_gazetteer=True).events
    assert [(e.cameo, e.source, e.target, e.mode) for e in events if e.trigger.text == "condemnation"] == [
        ("111", "XKS", "person:mira-tosk", "negated")]


def test_events_who_orchestrated_or_masterminded_an_attack_did_it(nlp):
    # the subject of "orchestrated", "masterminded" is the attack's doer (before: the state, by the other side of the
    # attacked one, the person who did it lost)
    for text, trigger in (("Kestrian President Teodor Halvic orchestrated the attacks on Valdorian border posts in "
                           "2024.", "attacks"),
                          ("Kestrian President Teodor Halvic masterminded the bombing of the Valdorian embassy in "
                           "Dorrun in 2024.", "bombing")):
        events = run(nlp, text, published="2025-10-20", example_gazetteer=True).events
        assert [(e.trigger.text, e.source, e.date) for e in events] == [(trigger, "person:teodor-halvic", "2024")]
