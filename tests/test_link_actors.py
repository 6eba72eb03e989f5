"""One person's titles across documents as one role history (link/actors.py)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from detente.link.actors import distinct_roles

WORDS = ["Prime", "Minister", "Foreign", "Ministry", "spokeswoman", "Valdorian", "Kestrian", "deputy", "former",
         "head", "of", "the", "his", "a", "press", "department", "adviser", "ambassador", "Mr", "VTR's", "bureau",
         "chief", "minister"]


def test_a_title_told_with_more_words_is_the_same_title():
    assert distinct_roles(["Prime Minister", "Valdorian Prime Minister"]) == ("Valdorian Prime Minister",)
    assert distinct_roles(["bureau chief", "VTR bureau chief", "VTR's Dorrun bureau chief"]) == (
        "VTR's Dorrun bureau chief",)
    assert distinct_roles(["Foreign Minister", "Valdorian foreign minister", "Valdorian Foreign Minister"]) == (
        "Valdorian Foreign Minister",)


def test_pronouns_articles_and_honorifics_are_not_titles():
    assert distinct_roles(["his cameraman", "cameraman", "Mr", "presenter"]) == ("cameraman", "presenter")
    assert distinct_roles(["A spokeswoman for the Valdorian Foreign Ministry"]) == (
        "spokeswoman for the Valdorian Foreign Ministry",)


def test_another_office_or_another_time_is_another_title():
    roles = ["Prime Minister", "Deputy Prime Minister", "former Prime Minister"]
    assert distinct_roles(roles) == tuple(sorted(roles))


titles = st.lists(st.lists(st.sampled_from(WORDS), min_size=1, max_size=4).map(" ".join), max_size=6)


@given(titles, titles)
@settings(max_examples=300, deadline=None)
def test_merging_titles_in_two_steps_gives_the_same_as_at_once(first, second):
    assert distinct_roles([*distinct_roles(first), *second]) == distinct_roles([*first, *second])
