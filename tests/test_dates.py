"""Calendar expressions and publication-date inference."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from detente.extract import settle_published
from detente.extract.dates import find_timexes
from detente.ingest import read_bytes, to_document
from detente.records import Document

from .conftest import seed_path


def values(text, published=None):
    return [(t.text, t.value, t.precision, t.anchor) for t in find_timexes("d", text, published)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("held on October 10, 2025, in", [("October 10, 2025", "2025-10-10", "day", "absolute")]),
        ("on 10 October 2025 the", [("10 October 2025", "2025-10-10", "day", "absolute")]),
        ("on the 3rd of March, 2024", [("3rd of March, 2024", "2024-03-03", "day", "absolute")]),
        ("Sept. 4, 2023", [("Sept. 4, 2023", "2023-09-04", "day", "absolute")]),
        ("in December 2024 a", [("December 2024", "2024-12", "month", "absolute")]),
        ("2025-06-30", [("2025-06-30", "2025-06-30", "day", "absolute")]),
        ("in 2020, in 2023,", [("2020", "2020", "year", "absolute"), ("2023", "2023", "year", "absolute")]),
        ("in the early 1990s,", [("the early 1990s", "1990", "decade", "absolute")]),
        ("2025 people marched", []),
        ("grew in 2024% terms", []),
        ("on February 30, 2024", []),
        ("the May meeting", []),
        # days of one month: a period, told to the month
        ("on 3–5 May 2025 in", [("3–5 May 2025", "2025-05", "month", "absolute")]),
        ("on 1 and 2 June 2020,", [("1 and 2 June 2020", "2020-06", "month", "absolute")]),
        ("on 16 and 15 October 2020", [("15 October 2020", "2020-10-15", "day", "absolute")]),
    ],
)
def test_dates_absolute_expressions(text, expected):
    assert values(text) == expected


def test_dates_day_without_year_borrows_context_then_publication():
    text = "Talks in March 2025 went well. On June 30 he was arrested."
    assert values(text)[1] == ("June 30", "2025-06-30", "day", "context")
    assert values("He was arrested on June 30.", "2024-07-02") == [("June 30", "2024-06-30", "day", "published")]
    assert values("He was arrested on June 30.") == [("June 30", None, None, None)]
    # days of one month with no year take it like a day does, to the month
    assert values("The summit is to be held on 15 and 16 October.", "2025-09-04") == [
        ("15 and 16 October", "2025-10", "month", "published")]


@given(st.dates(), st.integers(min_value=1, max_value=27))
def test_dates_days_of_one_month_are_that_month(day, first):
    if day.year < 1500 or day.year > 2199 or first >= day.day:
        return
    text = f"It was held on {first} and {day.day} {day:%B} {day.year}."
    (timex,) = find_timexes("d", text, None)
    assert (timex.value, timex.precision) == (f"{day:%Y-%m}", "month")


def test_dates_a_weekday_with_no_publication_day_follows_the_latest_day_of_the_story():
    # 6 May is the story's past, told after 1 July: "then, on Friday" is the Friday after 1 July (before: after 6 May)
    text = ("The show aired on 1 July 2025. The bridge has been closed since the shooting on 6 May. "
            "Then, on Friday, the ministry spoke.")
    assert [(t.text, t.value) for t in find_timexes("d", text, None)] == [
        ("1 July 2025", "2025-07-01"), ("6 May", "2025-05-06"), ("Friday", "2025-07-04")]


@pytest.mark.parametrize("text", [
    "The ministers agreed that the border would reopen on 15 September 2025, the ministry said on 2 July 2025. "
    "On Friday, Valdoria confirmed the agreement.",
    "Valdoria promised on 1 July 2025 to return the lorries by 1 December 2025. On Friday, Brask repeated it.",
])
def test_dates_a_day_still_ahead_is_no_point_the_story_has_reached(nlp, text):
    # a date in a clause about the future, or a limit, does not move the story on: Friday is 4 July
    friday = [t.value for t in find_timexes("d", text, None, nlp(text)) if t.text == "Friday"]
    assert friday == ["2025-07-04"]


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300))
def test_dates_offsets_always_point_at_the_expression(text):
    for timex in find_timexes("d", text, "2025-01-01"):
        assert text[timex.start : timex.end] == timex.text
        assert timex.value is None or len(timex.value) in (4, 7, 10)


@given(st.dates(), st.sampled_from(["{d:%B} {d.day}, {d.year}", "{d.day} {d:%B} {d.year}", "{d:%Y-%m-%d}"]))
def test_dates_any_calendar_day_round_trips(day, pattern):
    if day.year < 1500 or day.year > 2199:
        return
    text = "It happened on " + pattern.format(d=day) + "."
    (timex,) = find_timexes("d", text, None)
    assert (timex.value, timex.precision) == (day.isoformat(), "day")


def _document(text, **kw):
    return Document(doc_id="d", text=text, **kw)


@pytest.mark.parametrize(
    ("text", "published", "earliest", "latest"),
    [
        ("The summit, held on October 10, 2025, ended without a statement.", None, "2025-10-10", None),
        ("The ministers met in March 2024. They will meet again in May 2026.", None, "2024-03-01", "2026-05-31"),
        ("The ministers met on 3 March 2024. They will meet again on 28 March 2024.", "2024-03", "2024-03-03",
         "2024-03-28"),
        ("Talks were held on 3 March 2024. Calm will hold until January 2025.", "2024", "2024-03-03", "2024-12-31"),
        ("Talks opened on 3 March 2024. The ceasefire has held since 2 March 2024.", None, "2024-03-03", None),
        ("Analysts said he would run again in 2028.", None, None, None),
        ("The launch, scheduled for 2031, was confirmed.", None, None, None),
        ("Her term ran until 2030.", None, None, None),
        ("Elections will take place on 4 May 2026.", None, None, "2026-05-04"),
        ("The port is one of the busiest in the region.", None, None, None),
    ],
)
def test_dates_published_inferred_from_tense(nlp, text, published, earliest, latest):
    doc = settle_published(_document(text), nlp(text))
    assert doc.published == published
    assert doc.published_basis == ("inferred" if published else None)
    assert (doc.meta["published_earliest"], doc.meta["published_latest"]) == (earliest, latest)


def test_dates_given_publication_date_is_kept(nlp):
    text = "The summit, held on October 10, 2025, ended."
    doc = _document(text, published="2025-11-02", published_basis="given")
    assert settle_published(doc, nlp(text)) is doc


@pytest.mark.seed
@pytest.mark.parametrize(
    ("prefix", "published", "earliest", "latest"),
    [("000", None, "2025-10-09", None), ("003", "2025", "2025-10-10", "2025-12-31")],
)
def test_dates_seed_publication_bounds(nlp, prefix, published, earliest, latest):
    (article,) = read_bytes(seed_path(prefix).read_bytes(), prefix, "text")
    doc = to_document(article)
    settled = settle_published(doc, nlp(doc.text))
    assert (settled.published, settled.published_basis) == (published, "inferred" if published else None)
    assert (settled.meta["published_earliest"], settled.meta["published_latest"]) == (earliest, latest)
