"""Promise linking rules on small hand-built documents (no parser): mentions of a promise in other words and
the evidence that judges it, each rule with exact values, linked in both orders."""

from __future__ import annotations

import dataclasses

import pytest

from detente.records import Actor, Commitment, DocResult, Evidence, StanceEvidence, Timex

from .factories import span
from .test_link_rules import PROMISE, _actors, _document, _plain_doc, event_doc, linked, promise_doc


def _with(found: DocResult, **changes: object) -> DocResult:
    return dataclasses.replace(found, commitments=(dataclasses.replace(found.commitments[0], **changes),))


def _two_promises(text: str, published: str, *contents: tuple[str, str | None]) -> DocResult:
    """A document making several promises (content, deadline), each reported by its own words."""
    doc = _document(text, published)
    return DocResult(document=doc, actors=_actors(doc.doc_id, text), commitments=tuple(
        Commitment(f"c-{doc.doc_id}-{i}", "XVL", "XKS", content, published, deadline, span(doc.doc_id, text, content))
        for i, (content, deadline) in enumerate(contents)))


@pytest.mark.parametrize("order", [1, -1])
def test_a_clause_expecting_the_promiser_to_do_the_promised_act_mentions_the_promise(tmp_path, order):
    # "expected Valdoria to pay compensation to the families": what was promised, expected of the promiser; the
    # passive "is expected to" (a forecast) and an expectation of something else are no mention
    expects = _plain_doc("Kestrava said it expected Valdoria to pay compensation to the families soon.", "2025-04-02")
    forecast = _plain_doc("Valdoria is expected to pay compensation to the families soon.", "2025-04-03")
    other = _plain_doc("Kestrava said it expected Valdoria to open the border crossing soon.", "2025-04-04")
    store = linked(tmp_path, [PROMISE, expects, forecast, other][::order], f"expects{order}")
    (promise,) = store.records("commitments")
    assert [e.text for e in promise.also_reported_in] == ["expected Valdoria to pay compensation to the families soon."]
    assert promise.status == "open"


@pytest.mark.parametrize("order", [1, -1])
def test_a_definite_noun_for_the_term_or_limit_a_promise_set_mentions_it_in_its_document(tmp_path, order):
    text = ("Valdoria will lift visa rules for Kestrava citizens from 1 January. It will also open a consulate. "
            "The date stands, Brisk said. The vote deadline is near. "
            "Valdoria fixes ferry tolls for Kestrava trucks at their current level. "
            "Kestrava expects Valdoria to respect the toll ceiling. The date of the vote is not set.")
    made = _two_promises(text, "2025-03-04", ("lift visa rules for Kestrava citizens from 1 January", "2026-01-01"),
                         ("open a consulate", None),
                         ("fixes ferry tolls for Kestrava trucks at their current level", None))
    # the deadline of something else ("the vote deadline"), or another document's "the date", names none
    later = _plain_doc("The date stands, Valdoria said.", "2025-03-05")
    store = linked(tmp_path, [made, later][::order], f"anaphor{order}")
    reports = sorted((c.content, [e.text for e in c.also_reported_in]) for c in store.records("commitments"))
    assert reports == [
        ("fixes ferry tolls for Kestrava trucks at their current level",
         ["Kestrava expects Valdoria to respect the toll ceiling."]),
        ("lift visa rules for Kestrava citizens from 1 January", ["The date stands, Brisk said."]),
        ("open a consulate", [])]


@pytest.mark.parametrize("order", [1, -1])
def test_the_date_a_person_gave_in_the_month_the_promise_was_made_is_that_promise(tmp_path, order):
    def by(text: str, published: str, content: str, made_on: str, deadline: str | None = None) -> DocResult:
        return _with(promise_doc(text, published, content, text), promiser_person="person:anna-brisk",
                     made_on=made_on, deadline=deadline)

    visas = by("Brisk said Valdoria would lift visa rules for Kestrava citizens from 1 January 2027.", "2025-12-02",
               "Valdoria would lift visa rules for Kestrava citizens from 1 January 2027", "2025-12-02", "2027-01-01")
    stands = by("The date we gave our Kestravan friends last December has not moved, Brisk said.", "2026-10-08",
                "The date", "2025-12")
    # a date given in another month is another promise's
    other = by("The date we gave in March has not moved, Brisk said.", "2026-10-09", "The date", "2026-03")
    store = linked(tmp_path, [visas, stands, other][::order], f"gave{order}")
    grouped = sorted((c.content, [e.text[:30] for e in c.also_reported_in]) for c in store.records("commitments"))
    assert grouped == [("The date", []),
                       ("Valdoria would lift visa rules for Kestrava citizens from 1 January 2027",
                        ["The date we gave our Kestravan"])]


@pytest.mark.parametrize("order", [1, -1])
def test_a_sentence_naming_where_a_promise_was_made_mentions_it(tmp_path, order):
    # "the promise made in Ostmark": no promiser named, but the place a report of the promise names, and a word
    # of it; a promise made elsewhere is not meant
    text = "Brisk promised the return of the lorries when she met the Kestrava leaders in Ostmark."
    made = promise_doc(text, "2025-10-16", "the return of the lorries", text)
    said = "Only 22 lorries came home, and the promise made in Ostmark has not been kept, the hauliers say."
    mention = _plain_doc(said, "2025-12-02")
    elsewhere = _plain_doc("Only 22 lorries came home, and the promise made in Lessing was not kept.", "2025-12-03")
    store = linked(tmp_path, [made, mention, elsewhere][::order], f"made_at{order}")
    (promise,) = store.records("commitments")
    assert [e.text for e in promise.also_reported_in] == [said]


@pytest.mark.parametrize("order", [1, -1])
def test_a_promise_kept_without_saying_what_is_about_what_the_sentences_before_speak_of(tmp_path, order):
    # "Valdoria had kept its word": what was kept is in the sentences before, back over one naming no one
    paid = _plain_doc("According to Ostmark officials, the compensation to the families was paid on 3 May. "
                      "The amount was not disclosed. Kestrava said Valdoria had kept its word.", "2025-05-05")
    store = linked(tmp_path, [PROMISE, paid][::order], f"word{order}")
    (promise,) = store.records("commitments")
    assert (promise.status, [(e.stance, e.text) for e in promise.status_evidence]) == (
        "kept", [("supports", "Kestrava said Valdoria had kept its word.")])


@pytest.mark.parametrize("said, kept", [
    ("\u00abWe said June, and it is June,\u00bb Brisk told reporters.", True),
    ("We said we would pay, and we did, Brisk told reporters.", True),
    # no claim that what was said came true
    ("\u00abWe said June, and it is May,\u00bb Brisk told reporters.", False),
    # a claim that it did not, or another clause
    ("We said we would pay, and we have not, Brisk told reporters.", False),
    ("We said we would pay the families, and we did not.", False),
    ("I said I would resign, and I have no regrets, Brisk told reporters.", False),
])
def test_the_promisers_claim_that_what_it_said_came_true_keeps_the_promise(tmp_path, said, kept):
    """"We said June, and it is June": the promiser's own claim that it was kept, naming no thing, is about what the
    sentence before speaks of (the compensation to the families)."""
    told = _plain_doc(f"The families of the victims received the compensation on 3 May. {said}", "2025-05-05")
    store = linked(tmp_path, [PROMISE, told], "said")
    (promise,) = store.records("commitments")
    assert (promise.status, [(e.stance, e.text) for e in promise.status_evidence]) == (
        ("kept", [("supports", said)]) if kept else ("open", []))


@pytest.mark.parametrize("breach, broken", [
    ("arguing that both increases breach the Ostmark Ferry Accord", True),
    # a breach of the agreement by something else than a rise of what the promise holds
    ("arguing that the truck seizures breach the Ostmark Ferry Accord", False),
    # a rise breaching another agreement
    ("arguing that both increases breach the Tarvel Road Treaty", False),
])
def test_a_rise_breaching_the_agreement_that_makes_a_promise_to_hold_it_breaks_the_promise(tmp_path, breach, broken):
    """"The Ostmark Ferry Accord ... fixes ferry tolls at their current level": a later sentence telling that Accord
    breached by a rise ("both increases") is about that promise, though it names neither the promiser nor the tolls."""
    text = "The Ostmark Ferry Accord, signed in March, fixes ferry tolls for Kestrava trucks at their current level."
    made = promise_doc(text, "2025-03-04", "fixes ferry tolls for Kestrava trucks at their current level", text)
    said = f"Kestrava filed a complaint with the court, {breach}."
    store = linked(tmp_path, [made, _plain_doc(said, "2025-09-01")], "accord")
    (promise,) = store.records("commitments")
    assert (promise.status, [(e.stance, e.text) for e in promise.status_evidence]) == (
        ("broken", [("contradicts", said)]) if broken else ("open", []))


@pytest.mark.parametrize("sentence, defends_it", [
    ('Brandvik told journalists that the protocol "allows for adjustments in exceptional circumstances".', True),
    ("She said the investigation had been \u201cthorough and complete\u201d.", True),
    ("The ministry said the decision was fully consistent with the agreement.", True),
    ("Dorrun said the decision was not in line with the agreement.", False),
    ("The families were never informed in the appropriate manner.", False),
    ("Brisk would not say whether the fees were in line with the accord.", False),
    ("Kestria says the notice came late, and the protocol does not allow for exceptions.", False),
    ("The fees rose by 40 percent.", False),
])
def test_a_defence_is_told_apart_from_a_denial_or_a_question(sentence, defends_it):
    from detente.link.cues import defends

    assert defends(sentence) is defends_it


@pytest.mark.parametrize("defence, shown", [
    ("Brisk said the accord \u201callows for adjustments in exceptional circumstances\u201d.", True),
    # the other side's words, or a denial, are no defence of the promiser
    ("Kestrava said the accord allows for adjustments in exceptional circumstances.", False),
    ("Brisk did not say whether the increases were in line with the accord.", False),
])
def test_the_promisers_defence_under_the_agreement_is_evidence_for_it_that_tells_no_status(tmp_path, defence, shown):
    """"The protocol “allows for adjustments in exceptional circumstances”", said by the promiser's side: the
    agreement it names by its noun alone is the one named before, whose promise it defends; the reader sees the
    defence beside the breach, and the promise stays broken (before: no evidence for it at all)."""
    text = "The Ostmark Ferry Accord, signed in March, fixes ferry tolls for Kestrava trucks at their current level."
    made = promise_doc(text, "2025-03-04", "fixes ferry tolls for Kestrava trucks at their current level", text)
    breach = "Kestrava filed a complaint with the court, arguing that both increases breach the Ostmark Ferry Accord."
    store = linked(tmp_path, [made, _plain_doc(f"{breach} {defence}", "2025-09-01")], "defence")
    (promise,) = store.records("commitments")
    assert (promise.status, [(e.stance, e.text) for e in promise.status_evidence]) == (
        "broken", [("contradicts", breach), *([("supports", defence)] if shown else [])])


@pytest.mark.parametrize("order", [1, -1])
def test_a_status_sentence_with_a_pronoun_subject_is_about_what_the_sentence_before_speaks_of(tmp_path, order):
    text = "Valdoria promised that the lorries would be returned by June."
    lorries = promise_doc(text, "2025-03-04", "the lorries would be returned by June", text)
    returned = _plain_doc("Kestrava counted the lorries at the border. They were returned on 2 May, Brisk said.",
                          "2025-05-05")
    store = linked(tmp_path, [lorries, returned][::order], f"pronoun{order}")
    (promise,) = store.records("commitments")
    assert (promise.status, [(e.stance, e.text) for e in promise.status_evidence]) == (
        "kept", [("supports", "They were returned on 2 May, Brisk said.")])


_TOLLS = "Valdoria signed a protocol that fixes ferry tolls for Kestrava trucks at their current level until 2027 ends."
TOLLS = promise_doc(_TOLLS, "2025-02-10", _TOLLS.removeprefix("Valdoria signed a protocol that ").rstrip("."), _TOLLS)


@pytest.mark.parametrize("order", [1, -1])
def test_how_a_promise_holds_a_thing_is_no_word_a_sentence_about_it_must_repeat(tmp_path, order):
    # "at their current level" says how the tolls are held, not what: two of the other words are enough;
    # a condition ("If Valdoria raises the tolls, Kestrava will take the dispute to the panel") tells nothing yet
    torn = _plain_doc("Kestrava says the Valdoria decree tears up the deal on ferry tolls.", "2026-02-10")
    condition = _plain_doc("If Valdoria raises ferry tolls again, Kestrava will take the dispute to the panel.",
                           "2026-02-11")
    store = linked(tmp_path, [TOLLS, torn, condition][::order], f"held{order}")
    (promise,) = store.records("commitments")
    assert (promise.status, [(e.stance, e.text) for e in promise.status_evidence]) == (
        "broken", [("contradicts", "Kestrava says the Valdoria decree tears up the deal on ferry tolls.")])


@pytest.mark.parametrize("order", [1, -1])
def test_the_promised_act_told_done_in_the_promises_own_words_keeps_it(tmp_path, order):
    text = "Brisk said the customs case against the hauliers would be closed."
    case = promise_doc(text, "2025-10-16", "the customs case against the hauliers would be closed", text)
    # "has been closed" (the sentence reports an act, of no type the promise names) keeps it; "closed its criminal
    # case" tells a case closed, not the promise broken; a sentence reporting another promise and how it went
    # ("promised to share the findings ... without doing so") tells nothing of this one
    closed = event_doc("Valdoria said the customs case against the hauliers has been closed.", "2025-12-01",
                       "CONSULT", "XVL", "XKS", "said", cameo="010")
    criminal = _plain_doc("Valdoria closed its criminal case into the shooting at the bridge.", "2025-11-18")
    said = "Valdoria also promised to share the findings of a case its prosecutors closed without doing so."
    other = promise_doc(said, "2025-12-02", "to share the findings of a case", said)
    store = linked(tmp_path, [case, closed, criminal, other][::order], f"done{order}")
    promise = next(c for c in store.records("commitments") if c.content.startswith("the customs case"))
    assert (promise.status, [(e.stance, e.text) for e in promise.status_evidence]) == (
        "kept", [("supports", "Valdoria said the customs case against the hauliers has been closed.")])


@pytest.mark.parametrize("order", [1, -1])
def test_a_sentence_telling_what_will_be_on_the_day_a_promise_is_due_right_after_it_says_it_again(tmp_path, order):
    promised = "Brisk said Valdoria would lift visa rules for Kestrava citizens from 1 January 2027."
    again = "From the first of January, a citizen of Kestrava will need nothing more than a passport."
    other_day = "From the first of March, the ferry will run twice a day."
    text = f"{promised} {again} {other_day}"
    doc = _with(promise_doc(text, "2025-12-02", "Valdoria would lift visa rules for Kestrava citizens", promised),
                deadline="2027-01-01")
    days = tuple(Timex(doc.document.doc_id, t, text.index(t), text.index(t) + len(t), value, "day", None)
                 for t, value in (("1 January 2027", "2027-01-01"), ("the first of January", "2027-01-01"),
                                  ("the first of March", "2027-03-01")))
    doc = dataclasses.replace(doc, timexes=days)
    # told in another document, the day is no report of it
    elsewhere = _plain_doc(f"Kestrava said: {again}", "2025-12-03")
    elsewhere = dataclasses.replace(elsewhere, timexes=(Timex(
        elsewhere.document.doc_id, "the first of January", 20, 40, "2027-01-01", "day", None),))
    store = linked(tmp_path, [doc, elsewhere][::order], f"due{order}")
    (promise,) = store.records("commitments")
    assert [e.text for e in promise.also_reported_in] == [again]


@pytest.mark.parametrize("order", [1, -1])
def test_these_statements_proved_unfounded_breaks_each_promise_the_sentences_before_make(tmp_path, order):
    inquiry = "Valdoria promised an inquiry into the crash of the plane."
    crash = promise_doc(inquiry, "2025-03-05", "an inquiry into the crash of the plane", inquiry)
    later = _plain_doc("Brisk said Valdoria would pay compensation to the families of the victims. An inquiry into "
                       "the crash of the plane would follow, Brisk said. However, expectations that these statements "
                       "would be followed by action proved unfounded.", "2025-09-01")
    store = linked(tmp_path, [PROMISE, crash, later][::order], f"these{order}")
    told = "However, expectations that these statements would be followed by action proved unfounded."
    assert sorted((c.content, c.status, [e.text for e in c.status_evidence]) for c in store.records("commitments")) == [
        ("an inquiry into the crash of the plane", "broken", [told]),
        ("to pay compensation to the families of the victims by June", "broken", [told])]


@pytest.mark.parametrize("order", [1, -1])
def test_a_rise_of_what_a_promise_holds_at_the_place_its_report_names_breaks_it(tmp_path, order):
    text = "Valdoria signed a protocol that fixes ferry tolls at Ostmark for Kestrava trucks at their current level."
    tolls = promise_doc(text, "2025-02-10", "fixes ferry tolls at Ostmark for Kestrava trucks at their current level",
                        text)
    # no promiser named: the place of what it holds, and a rise of that thing, tell whose promise it is
    raised = _plain_doc("The increase in ferry tolls at Ostmark took effect on 1 March.", "2026-03-02")
    elsewhere = _plain_doc("The increase in ferry tolls on the river took effect on 1 March.", "2026-03-03")
    store = linked(tmp_path, [tolls, raised, elsewhere][::order], f"raised_at{order}")
    (promise,) = store.records("commitments")
    assert (promise.status, [(e.stance, e.text) for e in promise.status_evidence]) == (
        "broken", [("contradicts", "The increase in ferry tolls at Ostmark took effect on 1 March.")])


@pytest.mark.parametrize("order", [1, -1])
def test_a_later_report_of_a_promise_may_tell_how_it_went(tmp_path, order):
    def made(text: str, published: str, content: str, made_on: str, evidence: str) -> DocResult:
        return _with(promise_doc(text, published, content, evidence), made_on=made_on)

    promised = made("Brisk promised a full inquiry into the crash at the bridge.", "2025-05-13",
                    "a full inquiry into the crash at the bridge", "2025-05-13",
                    "Brisk promised a full inquiry into the crash at the bridge.")
    # the words telling it broken follow the report, whatever else the sentence says; a conditional does not tell
    told = "Kestrava said the inquiry promised in May had so far produced nothing."
    nothing = made(told, "2025-09-04", "the inquiry", "2025-05", "the inquiry promised")
    would = made("Valdoria said the inquiry promised in May would have produced nothing without its experts.",
                 "2025-09-05", "the inquiry", "2025-05", "the inquiry promised")
    store = linked(tmp_path, [promised, nothing, would][::order], f"own{order}")
    (promise,) = store.records("commitments")
    assert (promise.status, [(e.stance, e.text) for e in promise.status_evidence]) == (
        "broken", [("contradicts", told)])


@pytest.mark.parametrize("order", [1, -1])
def test_a_status_sentence_naming_where_a_promise_was_made_judges_it(tmp_path, order):
    # the report names no place: where it was made is the place its document named last before it
    text = "The leaders met in Ostmark on Monday. Brisk promised compensation to the families of the victims."
    made = promise_doc(text, "2025-10-09", "compensation to the families of the victims",
                       "Brisk promised compensation to the families of the victims.")
    told = "What was stated in Ostmark will remain nothing more than declarations."
    store = linked(tmp_path, [made, _plain_doc(told, "2026-01-10")][::order], f"stated_at{order}")
    (promise,) = store.records("commitments")
    assert (promise.status, [(e.stance, e.text) for e in promise.status_evidence]) == (
        "broken", [("contradicts", told)])


@pytest.mark.parametrize("order", [1, -1])
def test_a_promise_to_draft_an_agreement_is_kept_when_the_promiser_signs_it(tmp_path, order):
    text = "Valdoria agreed to begin drafting a ferry cooperation agreement with Kestrava."
    draft = promise_doc(text, "2026-03-12", "to begin drafting a ferry cooperation agreement", text)
    signed = event_doc("Valdoria signed a ferry cooperation agreement with Kestrava.", "2026-08-05", "AGREE", "XVL",
                       "XKS", "signed", date="2026-08-04", cameo="057")
    # another agreement signed is not this one
    other = event_doc("Valdoria signed a trade agreement with Kestrava.", "2026-08-06", "AGREE", "XVL", "XKS",
                      "signed", date="2026-08-05", cameo="057")
    store = linked(tmp_path, [draft, signed, other][::order], f"draft{order}")
    (promise,) = store.records("commitments")
    assert (promise.status, [(e.stance, e.text) for e in promise.status_evidence]) == (
        "kept", [("supports", "Valdoria signed a ferry cooperation agreement with Kestrava.")])


@pytest.mark.parametrize("order", [1, -1])
def test_a_thing_named_with_what_was_done_to_it_keeps_the_promise_by_its_own_words(tmp_path, order):
    # "the compensation paid to the families": kept, judged by the phrase, not by the rest of its sentence
    text = "Valdoria promised that the inquiry into the crash would be completed and its findings shared."
    inquiry = promise_doc(text, "2025-03-05", "the inquiry into the crash would be completed", text)
    thanked = _plain_doc("Kestrava thanked Valdoria for the compensation paid to the families and said the inquiry "
                         "into the crash would be completed.", "2025-09-01")
    store = linked(tmp_path, [PROMISE, inquiry, thanked][::order], f"done_thing{order}")
    assert sorted((c.content, c.status, [e.text for e in c.status_evidence]) for c in store.records("commitments")) == [
        ("the inquiry into the crash would be completed", "open", []),
        ("to pay compensation to the families of the victims by June", "kept",
         ["the compensation paid to the families"])]


def test_a_status_sentence_reads_back_over_a_sentence_about_the_same_people():
    from detente.link.cues import told_of

    # "According to Millgate, the compensation was paid. The ministry did not disclose the amount." (both name
    # someone): "Brask had kept its word" may be about either
    assert told_of([(0, 50, True), (51, 95, True)]) == (0, 95)
    # the sentence before names someone, the one before it no one: only the sentence before
    assert told_of([(0, 50, False), (51, 95, True)]) == (51, 95)
    assert told_of([(0, 50, True), (51, 95, False)]) == (0, 95)


def _promise_by(text: str, published: str, content: str, person: str, name: str, role: str) -> DocResult:
    """A document in which one named person, holding one role, makes a promise for Valdoria."""
    found = promise_doc(text, published, content, text)
    at = text.index(name)
    person_actor = Actor(
        person, name, "person", "XVL", (role,), (name,), (Evidence(found.document.doc_id, at, at + len(name), name),)
    )
    return dataclasses.replace(found, actors=(*found.actors, person_actor),
                               commitments=(dataclasses.replace(found.commitments[0], promiser_person=person),))


@pytest.mark.parametrize("order", [1, -1])
@pytest.mark.parametrize(("role_a", "role_b", "one"), [
    ("Senate Majority Leader", "Speaker of the Assembly", False),  # two legislators: two promises
    ("Senate Majority Leader", "Foreign Minister", False),  # one speaking for himself is enough
    ("President", "Prosecutor-General", True),  # two voices of one government may restate each other
])
def test_promises_of_two_people_one_speaking_only_for_themselves_are_two_promises(tmp_path, order, role_a, role_b, one):
    first = _promise_by("Oren Tal promised to hold a full inquiry into the Ostmark shooting by June.", "2025-03-04",
                        "to hold a full inquiry into the Ostmark shooting by June", "person:oren-tal", "Oren Tal",
                        role_a)
    second = _promise_by("Mira Sel said a full inquiry into the Ostmark shooting would be held by June.", "2025-03-06",
                         "a full inquiry into the Ostmark shooting would be held by June", "person:mira-sel",
                         "Mira Sel", role_b)
    store = linked(tmp_path, [first, second][::order], f"voices{order}{one}{role_b[0]}")
    assert len(list(store.records("commitments"))) == (1 if one else 2)


@pytest.mark.parametrize("order", [1, -1])
def test_a_legislators_promise_is_not_kept_by_what_the_state_does(tmp_path, order):
    promise = _promise_by("Senator Oren Tal promised that Valdoria would pay compensation to the families by June.",
                          "2025-03-04", "Valdoria would pay compensation to the families by June", "person:oren-tal",
                          "Oren Tal", "Senator")
    paid = event_doc("Valdoria has paid compensation to the families of the victims, Kestrava said on Monday.",
                     "2025-06-10", "AID", "XVL", "XKS", "paid", cameo="071")
    store = linked(tmp_path, [promise, paid][::order], f"senator{order}")
    (found,) = store.records("commitments")
    assert found.status == "open" and found.status_evidence == ()


def test_sentences_the_extraction_read_as_a_promises_status_but_tell_another_or_hearsay_do_not_judge_it(tmp_path):
    # the extraction may give a promise the status of the sentences after it: one that reports another promise and
    # how it went ("also promised to share the findings ... without doing so") is that promise's; one telling what
    # unnamed others claim, to question it ("They say the lorries were returned."), is no one's
    returned = "Brisk promised the return of the lorries to Kestrava."
    shared = "Valdoria also promised to share the findings of its inquiry, a case it closed without doing so."
    claimed = "“They say the lorries were returned."
    text = f"{returned} {shared} {claimed} Returned to whom?”"
    doc = _two_promises(text, "2025-12-02", ("the return of the lorries", None), ("to share the findings", None))
    read = tuple(StanceEvidence(doc.document.doc_id, text.index(s), text.index(s) + len(s), s, stance)
                 for s, stance in ((shared, "contradicts"), (claimed, "supports")))
    doc = dataclasses.replace(doc, commitments=(dataclasses.replace(doc.commitments[0], status_evidence=read),
                                                doc.commitments[1]))
    store = linked(tmp_path, [doc], "another")
    lorries = next(c for c in store.records("commitments") if c.content == "the return of the lorries")
    assert (lorries.status, lorries.status_evidence) == ("open", ())


@pytest.mark.parametrize("order", [1, -1])
def test_work_going_as_planned_supports_a_promise_without_telling_it_kept(tmp_path, order):
    # "the ferry terminal is on schedule", "switched on its new ticket system": progress on what was promised, as
    # evidence; the promise stays open until it is told done
    text = "Valdoria promised to open the ferry terminal for Kestrava travellers by June."
    terminal = promise_doc(text, "2025-03-04", "to open the ferry terminal for Kestrava travellers by June", text)
    schedule = _plain_doc("Valdoria said the ferry terminal for travellers was on schedule.", "2025-04-02")
    switched = _plain_doc("Valdoria switched on the ticket system of the ferry terminal on Monday.", "2025-05-02")
    store = linked(tmp_path, [terminal, schedule, switched][::order], f"progress{order}")
    (promise,) = store.records("commitments")
    assert (promise.status, [(e.stance, e.text) for e in promise.status_evidence]) == (
        "open", [("supports", "Valdoria said the ferry terminal for travellers was on schedule."),
                 ("supports", "Valdoria switched on the ticket system of the ferry terminal on Monday.")])


@pytest.mark.parametrize("order", [1, -1])
def test_a_thing_a_short_promise_names_by_a_demonstrative_is_described_where_its_document_brought_it_in(tmp_path,
                                                                                                          order):
    # "This bridge will be finished by June": which bridge the document said before ("to build a rail bridge"), so
    # a later "the Lessing rail bridge came into service" speaks of it
    text = ("Valdoria agreed on Monday to build a rail bridge to Kestrava. "
            "“This bridge will be finished by June,” Brisk said.")
    said = "This bridge will be finished by June"
    bridge = promise_doc(text, "2025-03-04", said, said)
    done = _plain_doc("Since the Valdoria rail bridge came into service, Kestrava trade has grown.", "2025-07-02")
    store = linked(tmp_path, [bridge, done][::order], f"antecedent{order}")
    (promise,) = store.records("commitments")
    assert (promise.status, [(e.stance, e.text) for e in promise.status_evidence]) == (
        "kept", [("supports", "Since the Valdoria rail bridge came into service, Kestrava trade has grown.")])


def _promises_by(text: str, published: str, *made: tuple[str, str, str, str]) -> DocResult:
    """A document in which named people, each holding one role, make promises for Valdoria: (content, person id,
    name, role)."""
    doc = _document(text, published)
    people = tuple(Actor(person, name, "person", "XVL", (role,), (name,),
                         (Evidence(doc.doc_id, text.index(name), text.index(name) + len(name), name),))
                   for _, person, name, role in made)
    return DocResult(document=doc, actors=(*_actors(doc.doc_id, text), *people), commitments=tuple(
        Commitment(f"c-{doc.doc_id}-{i}", "XVL", "XKS", content, published, None,
                   span(doc.doc_id, text, content), promiser_person=person)
        for i, (content, person, _, _) in enumerate(made)))


@pytest.mark.parametrize("order", [1, -1])
@pytest.mark.parametrize(("role", "one"), [("Prosecutor-General", True), ("Senator", False)])
def test_one_article_telling_one_promise_in_two_government_voices_reports_one_promise(tmp_path, order, role, one):
    # the president's promise and the prosecutor's restatement in his own words are one promise, reported twice in
    # one article; a senator saying the same speaks only for himself
    promised = "Oren Tal promised a full investigation of the Ostmark shooting whose findings would be handed over."
    restated = "We will share what we find and finish this investigation properly"
    made = _promises_by(f"{promised} “{restated},” Mira Sel told reporters.", "2025-05-13",
                        ("a full investigation of the Ostmark shooting whose findings would be handed over",
                         "person:oren-tal", "Oren Tal", "President"),
                        (restated, "person:mira-sel", "Mira Sel", role))
    later = promise_doc("Valdoria promised to share the findings of its investigation of the Ostmark shooting.",
                        "2025-06-02", "to share the findings of its investigation of the Ostmark shooting",
                        "Valdoria promised to share the findings of its investigation of the Ostmark shooting.")
    store = linked(tmp_path, [made, later][::order], f"restated{order}{role}")
    reports = sorted(sorted([c.evidence.text[:20], *(e.text[:20] for e in c.also_reported_in)])
                     for c in store.records("commitments"))
    if one:
        assert reports == [["Valdoria promised to", "We will share what w", "a full investigation"]]
    else:
        assert len(reports) == 2 and ["We will share what w"] in reports


@pytest.mark.parametrize("order", [1, -1])
def test_a_sentence_reporting_one_promise_mentions_no_other_it_fits_less(tmp_path, order):
    # "Valdoria also promised to share the findings of its Ostmark investigation" reports the findings promise; it
    # is no mention of the customs promise whose sentence also spoke of the Ostmark investigation
    findings = promise_doc("Brisk promised that Valdoria would share the findings of its Ostmark investigation.",
                           "2025-05-01", "Valdoria would share the findings of its Ostmark investigation",
                           "Brisk promised that Valdoria would share the findings of its Ostmark investigation.")
    customs = promise_doc("Brisk said the Ostmark investigation had begun and promised that the customs case against "
                          "the hauliers would be closed.", "2025-05-02",
                          "the customs case against the hauliers would be closed",
                          "the customs case against the hauliers would be closed.")
    also = "Valdoria also promised in May to share the findings of its Ostmark investigation."
    later = promise_doc(also, "2025-06-01", "to share the findings of its Ostmark investigation", also)
    store = linked(tmp_path, [findings, customs, later][::order], f"reporting{order}")
    reports = sorted((c.content[:20], sorted(e.text[:20] for e in c.also_reported_in))
                     for c in store.records("commitments"))
    assert reports == [("Valdoria would share", ["Valdoria also promis"]), ("the customs case aga", [])]


@pytest.mark.parametrize("order", [1, -1])
@pytest.mark.parametrize(("dated", "told"), [("2025", True), ("2025-03", True), ("2024", False), ("2025-02", False)])
def test_work_told_going_on_in_a_document_dated_only_to_the_promises_period_may_come_after_it(tmp_path, order,
                                                                                              dated, told):
    # a column dated only "2025" (or "March 2025") may have been written after a promise of 4 March 2025: the work it
    # tells going on is evidence; one of 2024 or February 2025 came before the promise
    text = "Valdoria promised to open the ferry terminal for Kestrava travellers by June."
    terminal = promise_doc(text, "2025-03-04", "to open the ferry terminal for Kestrava travellers by June", text)
    column = _plain_doc("The ferry terminal that Valdoria agreed to build for Kestrava travellers is on schedule.",
                        dated)
    store = linked(tmp_path, [terminal, column][::order], f"period{order}{dated}")
    (promise,) = store.records("commitments")
    assert [e.text[:30] for e in promise.status_evidence] == (["The ferry terminal that Valdor"] if told else [])
    assert promise.status == "open"


def test_one_articles_two_reports_of_a_promise_are_one_when_as_alike_as_two_documents_reports():
    from detente.link.promises import restated

    # no kind of act known to both: only as alike as reports in two documents must be
    change = frozenset({"change", "name", "museum", "mosque", "made:2019-03", "who:person:oren-tal"})
    convert = frozenset({"convert", "church", "formerly", "museum", "mosque", "made:2019-03", "who:person:oren-tal"})
    assert restated(None, None, change, convert)
    assert not restated(None, None, change, frozenset({"open", "museum", "mosque", "who:person:oren-tal"}) - {"mosque"})
    # the same kind of act: two shared words, a third of the fewer
    share = frozenset({"act:09", "carry", "find", "full", "hand", "investig", "who:person:oren-tal"})
    finish = frozenset({"act:06", "act:09", "find", "finish", "investig", "properly", "share", "who:person:mira-sel"})
    assert restated(None, None, share, finish)
    assert not restated("XKS", "XSR", share, finish)  # other beneficiaries
    assert not restated(None, None, share, finish | {"own:person:mira-sel"})  # one speaks only for herself


@pytest.mark.parametrize("order", [1, -1])
def test_the_beneficiary_asking_for_the_promised_act_without_further_delay_tells_it_not_kept(tmp_path, order):
    # the sentence names no promiser: the one the promise was made to still awaits what it asks for; a request
    # with no word of its being overdue, and one of someone else, tell nothing
    overdue = _plain_doc("Kestrava asked that the compensation be paid to the families without further delay.",
                         "2025-04-02")
    asked = _plain_doc("Kestrava asked that the compensation be paid to the families of the victims.", "2025-04-03")
    other = _plain_doc("Relatives asked that the compensation be paid to the families without further delay.",
                       "2025-04-04")
    # asked about it, the promiser says it again: no request of the beneficiary's
    again = _plain_doc("When asked, Valdoria promised again to pay the compensation to the families without "
                       "further delay.", "2025-04-05")
    store = linked(tmp_path, [PROMISE, overdue, asked, other, again][::order], f"awaited{order}")
    (promise,) = store.records("commitments")
    assert (promise.status, [(e.stance, e.text) for e in promise.status_evidence]) == (
        "broken", [("contradicts", overdue.document.text)])


@pytest.mark.parametrize("order", [1, -1])
def test_a_promise_kept_on_this_point_is_the_promise_of_what_was_done_before(tmp_path, order):
    # the report's content ("what "on this point" stands for) is told before its evidence: its words are read there
    # (before: read from the evidence, "this point", and kept apart as a promise of its own)
    text = ("Valdoria has paid compensation to the families of the victims, Kestrava said. "
            "Anna Brisk said Valdoria had kept its word on this point.")
    doc = _document(text, "2025-06-10")
    content = "compensation to the families of the victims"
    said = span(doc.doc_id, text, "Anna Brisk said Valdoria had kept its word on this point.")
    kept = DocResult(document=doc, actors=_actors(doc.doc_id, text), commitments=(
        Commitment(f"c-{doc.doc_id}", "XVL", "XKS", content, None, None,
                   span(doc.doc_id, text, "Valdoria had kept its word on this point"), "kept",
                   (StanceEvidence(doc.doc_id, said.start, said.end, said.text, "supports"),)),))
    store = linked(tmp_path, [PROMISE, kept][::order], f"point{order}")
    promise = next(c for c in store.records("commitments") if c.evidence.doc_id == PROMISE.document.doc_id)
    assert [e.text for e in promise.also_reported_in] == ["Valdoria had kept its word on this point"]


@pytest.mark.parametrize("order", [1, -1])
def test_the_promiser_vouching_for_the_quality_it_promised_defends_that_promise(tmp_path, order):
    # "a full and objective investigation" promised; "thorough and complete" vouched for later by the promiser's
    # side: evidence for the promise (before: one shared word, "investigation", and left out), but no status
    text = "Valdoria promised Kestrava a full and objective investigation of the shooting."
    promise = promise_doc(text, "2025-05-13", "a full and objective investigation of the shooting", text)
    vouched = _plain_doc("Valdoria said the investigation had been “thorough and complete”.", "2025-11-18")
    unvouched = _plain_doc("Valdoria said the investigation had been long.", "2025-11-19")
    store = linked(tmp_path, [promise, vouched, unvouched][::order], f"vouched{order}")
    (found,) = store.records("commitments")
    assert [(e.text, e.stance) for e in found.status_evidence] == [
        ("Valdoria said the investigation had been “thorough and complete”.", "supports")]
    assert found.status == "open"


@pytest.mark.parametrize("order", [1, -1])
@pytest.mark.parametrize(("before", "after", "broken"), [
    # what came instead of what was promised, right after it
    ("“We were promised compensation for the families.", "We have received a letter of regret,” Kestrava said.", True),
    # no sentence telling what its speakers were promised right before
    ("“We asked about compensation for the families.", "We have received a letter of regret,” Kestrava said.", False),
    # what was promised, and nothing told received
    ("“We were promised compensation for the families.", "We are still waiting for news,” Kestrava said.", False),
])
def test_what_those_promised_something_received_instead_tells_it_not_kept(tmp_path, order, before, after, broken):
    later = _plain_doc(f"Kestrava spoke of Valdoria's compensation for the families of the victims. {before} {after}",
                       "2025-07-02")
    store = linked(tmp_path, [PROMISE, later][::order], f"instead{order}")
    (promise,) = store.records("commitments")
    assert [(e.stance, e.text) for e in promise.status_evidence if e.doc_id == later.document.doc_id] == (
        [("contradicts", after)] if broken else [])
    assert promise.status == ("broken" if broken else "open")
