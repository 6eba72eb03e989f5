"""Actors, quotes and dates on the two real seed articles: exact expected values, by hand."""

from __future__ import annotations

import pytest

from detente.extract import extract
from detente.ingest import read_inputs, to_document

from .conftest import seed_path

pytestmark = pytest.mark.seed


@pytest.fixture(scope="module")
def seeds(nlp):
    results = {}
    for prefix in ("000", "003"):
        (article,) = read_inputs([str(seed_path(prefix))])
        document = to_document(article)
        results[prefix] = extract(document, nlp(document.text))
    return results


def actor(result, actor_id):
    found = [a for a in result.actors if a.actor_id == actor_id]
    assert found, f"{actor_id} not among {[a.actor_id for a in result.actors]}"
    return found[0]


def quotes_starting(result, prefix):
    return [q for q in result.quotes if q.text.startswith(prefix)]


@pytest.mark.parametrize(
    ("prefix", "actor_id", "name", "kind", "country"),
    [
        ("000", "RUS", "Russia", "state", "RUS"),
        ("000", "AZE", "Azerbaijan", "state", "AZE"),
        ("000", "person:maria-zakharova", "Maria Zakharova", "person", "RUS"),
        # "Vladimir Rudolfovich Solovyov is a presenter on one of Russia’s state television channels" (before: no
        # country, the copular sentence unread)
        ("000", "person:vladimir-solovyov", "Vladimir Solovyov", "person", "RUS"),
        ("000", "person:alexander-dugin", "Alexander Dugin", "person", None),
        ("000", "person:dmitry-kiselyov", "Dmitry Kiselyov", "person", "RUS"),
        ("000", "person:alexander-bastrykin", "Alexander Bastrykin", "person", "RUS"),
        ("000", "person:vladimir-putin", "Vladimir Putin", "person", "RUS"),
        ("000", "person:ilham-aliyev", "Ilham Aliyev", "person", "AZE"),
        ("000", "org:cis", "Commonwealth of Independent States", "organization", None),
        ("000", "body:rus-foreign-ministry", "Russian Foreign Ministry", "organization", "RUS"),
        ("000", "media:rossiya-segodnya", "Rossiya Segodnya", "media", "RUS"),
        ("000", "place:baku", "Baku", "place", "AZE"),
        ("000", "group:azerbaijanis", "Azerbaijanis", "group", "AZE"),
        ("003", "person:vladimir-dzhabarov", "Vladimir Dzhabarov", "person", "RUS"),
        ("003", "person:sergey-kopyrkin", "Sergey Kopyrkin", "person", "RUS"),
        ("003", "body:rus-federation-council", "Federation Council", "organization", "RUS"),
        ("003", "media:rt", "RT", "media", "RUS"),
        ("003", "place:dushanbe", "Dushanbe", "place", "TJK"),
    ],
)
def test_extract_seed_actors(seeds, prefix, actor_id, name, kind, country):
    found = actor(seeds[prefix], actor_id)
    assert (found.name, found.kind, found.country) == (name, kind, country)
    text = seeds[prefix].document.text
    assert all(text[m.start : m.end] == m.text for m in found.mentions)


@pytest.mark.parametrize(
    ("prefix", "actor_id", "aliases", "role"),
    [
        ("000", "RUS", {"Moscow", "Russia", "Russian side"}, None),
        ("000", "AZE", {"Baku", "Azerbaijan"}, None),
        ("000", "person:vladimir-solovyov", {"Vladimir Rudolfovich Solovyov", "Solovyov"}, "TV host"),
        ("000", "person:maria-zakharova", {"Zakharova"}, "official representative of Russia’s Foreign Ministry"),
        ("000", "person:alexander-bastrykin", set(), "head of Russia’s Investigative Committee"),
        ("000", "person:vladimir-putin", {"the Russian leader", "the Russian president"}, None),
        ("003", "person:vladimir-putin", {"The Russian leader"}, "Russian President"),
        ("003", "person:vladimir-dzhabarov", {"The Russian senator"},
         "First Deputy Chairman of the Federation Council Committee on International Affairs"),
        ("003", "person:sergey-kopyrkin", set(), "Russian Ambassador to Armenia"),
        ("003", "person:maria-zakharova", set(), "Russian Foreign Ministry spokeswoman"),
        ("003", "RUS", {"Kremlin", "Moscow"}, None),
    ],
)
def test_extract_seed_aliases_and_roles(seeds, prefix, actor_id, aliases, role):
    found = actor(seeds[prefix], actor_id)
    assert aliases <= set(found.aliases)
    if role is not None:
        assert role in found.roles


def test_extract_seed_capital_as_place_and_as_state(seeds):
    # "flying from Baku to Grozny" is a place; "For Baku, the CIS is ..." is the state
    text = seeds["000"].document.text
    baku_place = actor(seeds["000"], "place:baku")
    (place_mention,) = baku_place.mentions
    assert text[place_mention.start - 12 : place_mention.end + 10] == "flying from Baku to Grozny"
    state_uses = [m for m in actor(seeds["000"], "AZE").mentions if m.text == "Baku"]
    assert [text[m.start - 4 : m.end] for m in state_uses] == ["For Baku", "ith Baku"]


@pytest.mark.parametrize(
    ("prefix", "start", "kind", "speaker", "cue", "venue"),
    [
        ("000", "forward outpost of other poles", "direct", "person:alexander-dugin", "stated",
         "In an interview with the YouTube channel Infotselina"),
        ("000", "if Moscow does not establish control", "indirect", "person:alexander-dugin", "stated",
         "In an interview with the YouTube channel Infotselina"),
        ("000", "Therefore, one cannot agree", "direct", "person:alexander-dugin", "said", None),
        ("000", "the statements of TV host Vladimir Solovyov", "direct", "person:maria-zakharova", "said", None),
        ("000", "These phrases were clearly", "direct", "person:maria-zakharova", "said", None),
        ("000", "Our adversaries use Russia’s attractiveness", "direct", "person:dmitry-kiselyov", "said", None),
        ("000", "hospitality without obligations", "direct", "person:dmitry-kiselyov", "argues", None),
        ("000", "two missiles had been launched", "indirect", "person:vladimir-putin", "said", None),
        ("000", "the missiles exploded at a distance", "indirect", "person:vladimir-putin", "according to", None),
        ("003", "there was no crisis in interstate relations", "indirect", "person:vladimir-putin", "told",
         "in Dushanbe"),
        ("003", "crisis of emotions", "direct", "person:vladimir-putin", "emphasized", None),
        # what he explained, spelt out after the dash
        ("003", "the circumstances of the tragedy—the cause of the disaster", "indirect", "person:vladimir-putin",
         "explained", None),
        ("003", "Russian diplomats in Baku had visited", "indirect", "person:maria-zakharova", "told", None),
        ("003", "will be restored sooner or later", "direct", "person:vladimir-dzhabarov", "noted", None),
        ("003", "the future transport artery must be beneficial", "indirect", "person:vladimir-dzhabarov",
         "insisted", None),
        ("003", "colossal significance", "direct", "person:sergey-kopyrkin", "stated", None),
    ],
)
def test_extract_seed_quotes(seeds, prefix, start, kind, speaker, cue, venue):
    (quote,) = [q for q in quotes_starting(seeds[prefix], start) if q.kind == kind]
    assert (quote.speaker, quote.cue, quote.venue) == (speaker, cue, venue)
    assert seeds[prefix].document.text[quote.start : quote.end] == quote.text


def test_extract_seed_promise_is_quoted_twice_by_the_same_speaker(seeds):
    promise = quotes_starting(seeds["000"], "Of course, the Russian side will do everything")
    assert [(q.speaker, q.cue) for q in promise] == [
        ("person:vladimir-putin", "promised"), ("person:vladimir-putin", None)
    ]


def test_extract_seed_dzhabarov_said_on_the_date_the_text_gives(seeds):
    (quote,) = quotes_starting(seeds["003"], "Russia’s role in ensuring stability")
    assert quote.said_on == "2025-10-07"


@pytest.mark.parametrize(
    ("prefix", "words"),
    [
        ("000", "Russian world"),  # a concept in quotation marks
        ("000", "You can’t make someone love you by force"),  # a proverb
        ("000", "What real function does this organisation serve today"),  # the author's question
        ("000", "civilised divorce"),  # a label
        ("003", "Trump Route"),  # a name
        ("003", "3+3"),  # a name
    ],
)
def test_extract_seed_not_quotes(seeds, prefix, words):
    assert not [q for q in seeds[prefix].quotes if words in q.text and q.kind == "direct"]


@pytest.mark.parametrize(
    ("prefix", "text", "value", "precision", "anchor"),
    [
        ("000", "October 9, 2025", "2025-10-09", "day", "absolute"),
        ("000", "December 25, 2024", "2024-12-25", "day", "absolute"),
        ("000", "the early 1990s", "1990", "decade", "absolute"),
        ("000", "2020", "2020", "year", "absolute"),
        # the article gives no publication date: relative to it, nothing is guessed
        ("000", "December of last year", None, None, None),
        ("003", "October 10, 2025", "2025-10-10", "day", "absolute"),
        ("003", "December 2024", "2024-12", "month", "absolute"),
        ("003", "June 30, 2025", "2025-06-30", "day", "absolute"),
        ("003", "the eve of the Putin-Aliyev meeting", "2025-10-09", "day", "context"),
        ("003", "a few days before", "2025-10-07", "day", "context"),
        ("003", "November 10, 2020", "2020-11-10", "day", "absolute"),
        ("003", "January 2026", "2026-01", "month", "absolute"),
    ],
)
def test_extract_seed_dates(seeds, prefix, text, value, precision, anchor):
    (timex,) = [t for t in seeds[prefix].timexes if t.text == text][:1]
    assert (timex.value, timex.precision, timex.anchor) == (value, precision, anchor)
