"""The analyst's brief: what it selects for a pair and a period, how it cites, and that HTML is safe."""

from __future__ import annotations

import dataclasses
import re

import pytest
from typer.testing import CliRunner

from detente.brief import collect_brief, render_html, render_markdown
from detente.cli import app
from detente.records import (
    Actor,
    Claim,
    Commitment,
    Disagreement,
    DocResult,
    Document,
    Dyad,
    Event,
    Evidence,
    Forecast,
    Quote,
    StanceEvidence,
)

from .factories import span

ACCORD = "ff00a1"
SHUTDOWN = "ff00b2"
ECHO = "ff00c3"

TEXTS = {
    ACCORD: (
        "Valdoria and Kestria signed a transit accord on 5 August 2025. "
        "Valdoria promised to reopen the Amber crossing to Kestrian trucks by September 2025. "
        "\u201cWe keep our word,\u201d said Anna Brisk, the Valdorian foreign minister. "
        "Brisk predicted the crossing would reopen within a month. "
        "Analysts expect a summit before the end of 2025. "
        "The two states first traded power in 2001."
    ),
    SHUTDOWN: (
        "The Amber crossing remained closed on 1 October 2025. "
        "Valdoria threatened to expel Kestrian diplomats on 3 October 2025. "
        "\u201cValdoria has broken its promise,\u201d said Kestrian envoy Petr Lomax. "
        "Kestria could close its airspace to Valdorian flights. "
        "Kestria pledged to keep its border posts open. "
        "Lomax expects new elections in Kestria by June 2026. "
        "The leaders met on 2 October in Dorrun."
    ),
    ECHO: (
        "Officials said Valdoria threatened to expel Kestrian diplomats. "
        "The leaders met on 3 October <script>alert(1)</script> in Dorrun. "
        "Sarnovia offered aid to Valdoria on 4 October 2025. "
        "\u201cWe stand with Brask,\u201d said Sarnovian minister Ilse Varn."
    ),
}
DOCUMENTS = {
    ACCORD: Document(ACCORD, TEXTS[ACCORD], title="Valdoria and Kestria sign transit accord", source="Kestria Wire",
                     published="2025-08-06", published_basis="given", author="Mira Holt"),
    SHUTDOWN: Document(SHUTDOWN, TEXTS[SHUTDOWN], title='Crossing stays shut & talks <stall> "again"',
                       source="Valdoria Today", published="2025-10-04", published_basis="given"),
    ECHO: Document(ECHO, TEXTS[ECHO], title="Leaders met", source="Sarnovia Post", published="2025-10-05",
                   published_basis="given"),
}


def named(pattern: str, texts: dict[str, str] = TEXTS) -> tuple[Evidence, ...]:
    """An actor's mentions: every match of ``pattern`` in the texts."""
    return tuple(Evidence(d, m.start(), m.end(), m.group()) for d, t in texts.items() for m in re.finditer(pattern, t))


ACTORS = [
    Actor("XVL", "Valdoria", "state", "XVL", mentions=named(r"Valdorian?")),
    Actor("XKS", "Kestria", "state", "XKS", mentions=named(r"Kestrian?")),
    Actor("XSR", "Sarnovia", "state", "XSR", mentions=named(r"Sarnovian?")),
    Actor("person:anna-brisk", "Anna Brisk", "person", "XVL", mentions=named(r"(?:Anna )?Brisk")),
    Actor("person:petr-lomax", "Petr Lomax", "person", "XKS", mentions=named(r"(?:Petr )?Lomax")),
    Actor("person:ilse-varn", "Ilse Varn", "person", "XSR", mentions=named(r"(?:Ilse )?Varn")),
]


def words(doc_id: str, fragment: str) -> Evidence:
    return span(doc_id, TEXTS[doc_id], fragment)


def stance(doc_id: str, fragment: str, how: str) -> StanceEvidence:
    ev = words(doc_id, fragment)
    return StanceEvidence(ev.doc_id, ev.start, ev.end, ev.text, how)  # type: ignore[arg-type]


def event(event_id: str, doc_id: str, category: str, source: str, target: str, day: str | None, mode: str,
          score: float, fragment: str, also: tuple[Evidence, ...] = ()) -> Event:
    return Event(event_id, doc_id, category, None, source, target, source, target, day, None, mode,  # type: ignore[arg-type]
                 score, words(doc_id, fragment), also)


def quote(quote_id: str, doc_id: str, fragment: str, speaker: str, kind: str = "direct") -> Quote:
    ev = words(doc_id, fragment)
    return Quote(quote_id, doc_id, ev.text, ev.start, ev.end, speaker, kind, "said")  # type: ignore[arg-type]


THREAT = "Valdoria threatened to expel Kestrian diplomats on 3 October 2025."
CLOSED = "The Amber crossing remained closed on 1 October 2025."
HOSTILE = "The leaders met on 3 October <script>alert(1)</script> in Dorrun."

RECORDS = {
    ACCORD: DocResult(
        DOCUMENTS[ACCORD],
        quotes=(quote("q-brisk", ACCORD, "We keep our word,", "person:anna-brisk"),),
        events=(
            event("e-accord", ACCORD, "AGREE", "XVL", "XKS", "2025-08-05", "asserted", 6.0,
                  "Valdoria and Kestria signed a transit accord on 5 August 2025."),
            # the same sentence read a second time, without its date
            event("e-accord-again", ACCORD, "AGREE", "XVL", "XKS", None, "asserted", 6.0,
                  "Valdoria and Kestria signed a transit accord on 5 August 2025."),
            # background, long before the period the articles cover
            event("e-history", ACCORD, "COOPERATE", "XVL", "XKS", "2001", "asserted", 9.5,
                  "The two states first traded power in 2001."),
        ),
        commitments=(Commitment(
            "c-crossing", "XVL", "XKS", "reopen the Amber crossing to Kestrian trucks", "2025-08-05", "2025-09",
            words(ACCORD, "Valdoria promised to reopen the Amber crossing to Kestrian trucks by September 2025."),
            "broken", (stance(SHUTDOWN, CLOSED, "contradicts"),),
            (words(SHUTDOWN, "Valdoria has broken its promise,"),)),),
        forecasts=(
            Forecast("f-summit", ACCORD, None, "a summit before the end of 2025", "before the end of 2025",
                     "2025-12-31", ("XVL", "XKS"), False,
                     words(ACCORD, "Analysts expect a summit before the end of 2025.")),
            Forecast("f-reopen", ACCORD, "person:anna-brisk", "the crossing would reopen within a month",
                     "within a month", "2025-09-06", ("XVL", "XKS"), False,
                     words(ACCORD, "Brisk predicted the crossing would reopen within a month."),
                     "contradicted", True, (stance(SHUTDOWN, CLOSED, "contradicts"),)),
        ),
    ),
    SHUTDOWN: DocResult(
        DOCUMENTS[SHUTDOWN],
        quotes=(quote("q-lomax", SHUTDOWN, "Valdoria has broken its promise,", "person:petr-lomax"),
                quote("q-pledge", SHUTDOWN, "Kestria pledged to keep its border posts open", "person:petr-lomax",
                      "indirect")),
        events=(
            event("e-threat", SHUTDOWN, "THREATEN", "XVL", "XKS", "2025-10-03", "asserted", -7.0, THREAT,
                  (words(ECHO, "Valdoria threatened to expel Kestrian diplomats."),)),
            event("e-accuse", SHUTDOWN, "ACCUSE", "XKS", "XVL", "2025-10-04", "asserted", -3.0,
                  "\u201cValdoria has broken its promise,\u201d said Kestrian envoy Petr Lomax."),
            event("e-airspace", SHUTDOWN, "COERCE", "XKS", "XVL", None, "hypothetical", -9.0,
                  "Kestria could close its airspace to Valdorian flights."),
        ),
        commitments=(Commitment("c-posts", "XKS", "XVL", "keep its border posts open", None, None,
                                words(SHUTDOWN, "Kestria pledged to keep its border posts open.")),),
        forecasts=(Forecast("f-elections", SHUTDOWN, "person:petr-lomax", "new elections in Kestria by June 2026",
                            "by June 2026", "2026-06-30", ("XVL", "XKS"), False,
                            words(SHUTDOWN, "Lomax expects new elections in Kestria by June 2026.")),),
    ),
    ECHO: DocResult(
        DOCUMENTS[ECHO],
        quotes=(quote("q-varn", ECHO, "We stand with Brask,", "person:ilse-varn"),),
        events=(event("e-aid", ECHO, "AID", "XSR", "XVL", "2025-10-04", "asserted", 7.0,
                      "Sarnovia offered aid to Valdoria on 4 October 2025."),),
        commitments=(Commitment("c-aid", "XSR", "XVL", "aid to Valdoria", "2025-10-04", None,
                                words(ECHO, "Sarnovia offered aid to Valdoria on 4 October 2025."), "kept"),),
    ),
}
DYADS = [
    Dyad("XKS", "XVL", "2025-08", 1, 1, 0, 6.0, trend=6.0, drivers=("e-accord",)),
    Dyad("XKS", "XVL", "2025-10", 2, 0, 2, -5.0, trend=0.5, direction="cooling", drivers=("e-threat", "e-accuse")),
    Dyad("XSR", "XVL", "2025-10", 1, 1, 0, 7.0, trend=7.0, drivers=("e-aid",)),
]
MEETING = Disagreement(
    "date of the Valdoria–Kestria leaders' meeting in Dorrun",
    (Claim(SHUTDOWN, "2025-10-02", words(SHUTDOWN, "The leaders met on 2 October in Dorrun.")),
     Claim(ECHO, "2025-10-03", words(ECHO, HOSTILE))),
    disagreement_id="d-meeting", kind="hard", attribute="date",
)


@pytest.fixture
def filled(store):
    """A store holding the hand-made records above, as linking would have left them."""
    for result in RECORDS.values():
        assert store.add_result(result)
    store.upsert_actors(ACTORS)
    store.upsert_dyads(DYADS)
    store.replace_disagreements(["test"], [("test", MEETING)])
    return store


REF = re.compile(r"\[([⁰¹²³⁴⁵⁶⁷⁸⁹]+)\]")
DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")


def section(markdown: str, heading: str) -> str:
    """The text of one ``## heading`` section."""
    return markdown.split(f"## {heading}\n\n", 1)[1].split("\n\n## ", 1)[0]


def test_brief_collects_the_pair_verdict_trend_and_key_events(filled):
    brief = collect_brief(filled, pair="XVL-XKS")
    assert (brief.title, brief.pair) == ("Valdoria – Kestria (XVL–XKS)", ("XVL", "XKS"))
    assert (brief.period_start, brief.period_end, brief.documents, brief.outlets) == ("2025-08", "2025-10-05", 3, 3)
    assert brief.verdict.direction == "cooling"
    assert brief.verdict.summary == "In 2025-10 the smoothed score fell from +6.0 to +0.5 (2 events, mean −5.0)"
    assert [d.label for d in brief.verdict.drivers] == ["Valdoria → Kestria THREATEN on 2025-10-03",
                                                        "Kestria → Valdoria ACCUSE on 2025-10-04"]
    assert [(m.period, m.events, m.mean_score, m.trend) for m in brief.months] == [
        ("2025-08", 1, 6.0, 6.0), ("2025-09", 0, None, None), ("2025-10", 2, -5.0, 0.5)]
    # asserted before hypothetical however strong, each sentence once, nothing from before the articles;
    # the Sarnovian aid is another relationship
    assert [(e.category, e.mode, e.other_reports) for e in brief.events] == [
        ("THREATEN", "asserted", 1), ("AGREE", "asserted", 0), ("ACCUSE", "asserted", 0),
        ("COERCE", "hypothetical", 0)]
    assert brief.events[0].words == THREAT
    assert [(q.speaker, q.date, q.words) for q in brief.quotes] == [
        ("Anna Brisk", "2025-08-06", "We keep our word,"),
        ("Petr Lomax", "2025-10-04", "Valdoria has broken its promise,")]


def test_brief_groups_promises_and_sorts_forecasts(filled):
    brief = collect_brief(filled, pair="XKS-XVL")
    assert {status: [p.content for p in items] for status, items in brief.promises.items()} == {
        "broken": ["reopen the Amber crossing to Kestrian trucks"], "disputed": [],
        "open": ["keep its border posts open"], "kept": []}
    broken = brief.promises["broken"][0]
    assert (broken.promiser, broken.beneficiary, broken.made_on, broken.deadline, broken.reports) == (
        "Valdoria", "Kestria", "2025-08-05", "2025-09", 2)
    assert [(s.stance, s.words) for s in broken.status_evidence] == [("contradicts", CLOSED)]
    # due within 90 days of 2025-10-05; the 2026 elections are not
    assert [(f.author, f.text, f.passed) for f in brief.forecasts_due] == [
        ("Mira Holt", "a summit before the end of 2025", False)]
    assert [(f.author, f.verdict, f.verdict_final, f.passed) for f in brief.forecasts_resolved] == [
        ("Anna Brisk", "contradicted", True, True)]
    # the same words behind a broken promise and a contradicted forecast are one footnote
    assert brief.forecasts_resolved[0].verdict_evidence[0].ref == broken.status_evidence[0].ref
    [meeting] = brief.disagreements
    assert (meeting.kind, meeting.attribute) == ("hard", "date")
    assert [(c.outlet, c.value, c.words) for c in meeting.claims] == [
        ("Valdoria Today", "2025-10-02", "The leaders met on 2 October in Dorrun."),
        ("Sarnovia Post", "2025-10-03", HOSTILE)]


def test_brief_footnotes_are_numbered_in_reading_order_and_point_at_their_words(filled):
    brief = collect_brief(filled, pair="XVL-XKS")
    assert [n.number for n in brief.footnotes] == list(range(1, len(brief.footnotes) + 1))
    assert brief.verdict.drivers[0].ref == brief.events[0].ref == 1
    for note in brief.footnotes:
        assert TEXTS[note.doc_id][note.start : note.end] == note.text
    first = brief.footnotes[0]
    assert (first.title, first.outlet, first.published, first.locator, first.reader_href) == (
        'Crossing stays shut & talks <stall> "again"', "Valdoria Today", "2025-10-04",
        f"{SHUTDOWN}:54-120", f"/documents/{SHUTDOWN}#54-120")


def test_brief_markdown_has_every_section_and_exact_lines(filled):
    markdown = render_markdown(collect_brief(filled, pair="XVL-XKS"))
    headings = re.findall(r"^## (.+)$", markdown, flags=re.MULTILINE)
    assert headings == ["Trend", "Key events", "Who said what", "Promise tracker", "Forecasts",
                        "Where sources disagree", "Sources"]
    assert markdown.startswith("# Brief: Valdoria – Kestria (XVL–XKS)\n\n"
                               "Period: 2025-08 to 2025-10-05 · 3 documents from 3 sources\n\n"
                               "**Verdict: cooling.** In 2025-10 the smoothed score fell from +6.0 to +0.5 "
                               "(2 events, mean −5.0), driven by Valdoria → Kestria THREATEN on 2025-10-03 [¹]; "
                               "Kestria → Valdoria ACCUSE on 2025-10-04 [²].\n")
    trend = section(markdown, "Trend")
    assert "`▇ ▃` (scale ±10)" in trend
    assert "| 2025-09 | 0 | 0 | 0 | — | — |" in trend
    assert (f"- **2025-10-03 · Valdoria → Kestria · THREATEN −7.0**: “{THREAT}” — also reported by 1 other source [¹]"
            in section(markdown, "Key events"))
    promises = section(markdown, "Promise tracker")
    assert promises.startswith("1 broken, 0 disputed, 1 open, 0 kept\n\n### Broken (1)\n\n"
                               "- **Valdoria → Kestria**: reopen the Amber crossing to Kestrian trucks · "
                               "made 2025-08-05 · deadline 2025-09 · 2 reports [⁷]\n"
                               f"  - contradicts: “{CLOSED}” [⁸]\n\n### Open (1)\n\n"
                               "- **Kestria → Valdoria**: keep its border posts open · reported 2025-10-04 · "
                               "deadline none given · 1 report [⁹]")
    assert "### Disputed" not in promises and "### Kept" not in promises
    forecasts = section(markdown, "Forecasts")
    assert "- **Mira Holt** (before the end of 2025; due by 2025-12-31): “a summit before the end of 2025” — " \
           "unresolved (provisional)" in forecasts
    assert "- **Anna Brisk** (within a month; horizon passed 2025-09-06): " in forecasts
    assert section(markdown, "Where sources disagree").splitlines() == [
        "- **date of the Valdoria–Kestria leaders' meeting in Dorrun** (hard, date)",
        "  - Valdoria Today: 2025-10-02 — “The leaders met on 2 October in Dorrun.” [¹²]",
        f"  - Sarnovia Post: 2025-10-03 — “{HOSTILE}” [¹³]",
    ]


def test_brief_markdown_every_reference_resolves_to_a_source(filled):
    markdown = render_markdown(collect_brief(filled, pair="XVL-XKS"))
    body, sources = markdown.split("\n## Sources\n\n")
    cited = {int(m.translate(DIGITS)) for m in REF.findall(body)}
    listed = [int(REF.match(line, 2).group(1).translate(DIGITS)) for line in sources.strip().splitlines()]
    assert listed == list(range(1, len(listed) + 1))
    assert cited == set(listed)
    assert sources.splitlines()[0] == (
        f"- [¹] Crossing stays shut & talks <stall> \"again\" — Valdoria Today, 2025-10-04: “{THREAT}” "
        f"({SHUTDOWN}:54-120)")


def test_brief_html_is_one_offline_page_with_a_point_per_month(filled):
    page = render_html(collect_brief(filled, pair="XVL-XKS"))
    assert page.startswith("<!DOCTYPE html>") and '<meta name="viewport"' in page
    for section_id in ("trend", "events", "quotes", "promises", "forecasts", "disagreements", "sources"):
        assert f'<section id="{section_id}">' in page
    [svg] = re.findall(r"<svg .*?</svg>", page, flags=re.DOTALL)
    # two months with events, the empty month between them has no point
    assert len(re.findall(r'<circle class="point', svg)) == 2
    assert '<polyline class="trend"' in svg and "<title>2025-10: mean −5.0, 2 events</title>" in svg
    assert not re.search(r"<script|<link|@import|src=|url\(", page)
    assert '<h3 id="promises-broken">Broken (1)</h3>' in page


def test_brief_html_escapes_record_strings_and_anchors_every_footnote(filled):
    page = render_html(collect_brief(filled, pair="XVL-XKS"))
    assert "<script>" not in page
    assert "The leaders met on 3 October &lt;script&gt;alert(1)&lt;/script&gt; in Dorrun." in page
    assert "Crossing stays shut &amp; talks &lt;stall&gt; &quot;again&quot;" in page
    refs = set(re.findall(r'href="#source-(\d+)"', page))
    anchors = set(re.findall(r'<li id="source-(\d+)">', page))
    assert refs == anchors and len(anchors) == 13
    assert f'<a href="/documents/{SHUTDOWN}#54-120">{SHUTDOWN}:54-120</a>' in page


def test_brief_of_the_whole_store_weighs_every_pair(filled):
    brief = collect_brief(filled)
    assert brief.title == "All relations in the store"
    assert brief.verdict.direction == "cooling"
    assert brief.verdict.summary.startswith("Of 2 pairs, in their latest month 0 warmed, 1 cooled and 1 held steady; "
                                            "Kestria – Valdoria: in 2025-10 the smoothed score fell")
    [october] = [m for m in brief.months if m.period == "2025-10"]
    assert (october.events, october.mean_score) == (3, -1.0)
    assert "Ilse Varn" in [q.speaker for q in brief.quotes]
    assert [p.content for p in brief.promises["kept"]] == ["aid to Valdoria"]


def test_brief_period_keeps_promises_reported_in_it(filled):
    brief = collect_brief(filled, pair="XVL-XKS", since="2025-10", until="2025-10")
    assert [m.period for m in brief.months] == ["2025-10"]
    assert brief.verdict.summary == "In 2025-10 the smoothed score fell from +6.0 to +0.5 (2 events, mean −5.0)"
    assert [e.category for e in brief.events] == ["THREATEN", "ACCUSE", "COERCE"]
    # made in August, but the October report that it was broken belongs to this period
    assert [p.content for p in brief.promises["broken"]] == ["reopen the Amber crossing to Kestrian trucks"]
    assert [f.text for f in brief.forecasts_resolved] == []
    assert (brief.period_start, brief.period_end) == ("2025-10", "2025-10")
    later = collect_brief(filled, pair="XVL-XKS", since="2025-11")
    assert (later.verdict.direction, later.months, later.events, later.period_end) == (None, [], [], "2025-11")


def test_brief_without_dyads_says_there_is_no_trend(store):
    brief = collect_brief(store, pair="XVL-XKS")
    assert (brief.verdict.direction, brief.months, brief.footnotes) == (None, [], [])
    markdown = render_markdown(brief)
    assert "**Verdict: none.** No events between states are dated in this period" in markdown
    assert "_No sources cited._" in markdown
    assert "<svg" not in render_html(brief)


@pytest.fixture
def run(db_url):
    runner = CliRunner()

    def invoke(*args):
        return runner.invoke(app, ["brief", *args, "--db", db_url])

    return invoke


def test_brief_cli_writes_markdown_or_html(filled, run, tmp_path):
    result = run("--pair", "XKS-XVL")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# Brief: Kestria – Valdoria (XKS–XVL)\n")
    target = tmp_path / "brief.html"
    result = run("--pair", "xvl/xks", "--since", "2025-10", "--format", "html", "--out", str(target))
    assert (result.exit_code, result.stdout) == (0, f"brief written to {target}\n")
    assert "<h1>Brief: Valdoria – Kestria (XVL–XKS)</h1>" in target.read_text(encoding="utf-8")


@pytest.mark.parametrize(("args", "message"), [
    (("--pair", "XVL"), "detente: --pair XVL: expected two different ISO3 codes such as AZE-RUS\n"),
    (("--format", "pdf"), "detente: --format pdf: expected md or html\n"),
    (("--since", "October"), "detente: --since October: expected YYYY, YYYY-MM or YYYY-MM-DD\n"),
])
def test_brief_cli_usage_errors_exit_2(run, args, message):
    result = run(*args)
    assert (result.exit_code, result.stderr) == (2, message)


def test_a_quote_an_article_repeats_is_said_once():
    from detente.brief import _without_repeats

    said = "We will do everything required. An inquiry will follow."

    def quote(qid: str, doc: str, text: str, start: int, speaker: str | None = "person:anna-brisk") -> Quote:
        return Quote(qid, doc, text, start, start + len(text), speaker, "direct", "said")

    first, repeat = quote("q1", "d1", "We will do everything required.", 10), quote("q2", "d1", said, 900)
    part, other_doc = quote("q3", "d1", "An inquiry will follow", 1200), quote("q4", "d2", said, 10)
    other_speaker = quote("q5", "d1", said, 1500, "person:ivo-marr")
    assert sorted(q.quote_id for q in _without_repeats([first, repeat, part, other_doc, other_speaker])) == [
        "q2", "q4", "q5"]
    assert [q.quote_id for q in _without_repeats([repeat, quote("q6", "d1", said, 2000)])] == ["q2"]  # the first


def test_brief_of_documents_without_outlets_says_so(filled):
    from detente.brief import coverage_text

    brief = collect_brief(filled, pair="XVL-XKS")
    assert coverage_text(brief) == "3 documents from 3 sources"
    assert coverage_text(dataclasses.replace(brief, outlets=0)) == "3 documents, outlets not stated"


def test_brief_an_undated_driver_says_its_date_is_not_given():
    from detente.brief import Names, _event_label

    undated = event("e-undated", SHUTDOWN, "COERCE", "XKS", "XVL", None, "asserted", -9.0,
                    "Kestria could close its airspace to Valdorian flights.")
    assert _event_label(undated, Names(ACTORS)) == "Kestria → Valdoria COERCE (date not given)"


def _threat_told_twice(shutdown: tuple[str, str], echo: tuple[str, str]) -> tuple[Event, Event]:
    """The one threat reported in SHUTDOWN and in ECHO, each report listing the other: (event id, date) of each."""
    threat = "Valdoria threatened to expel Kestrian diplomats."
    return (event(shutdown[0], SHUTDOWN, "THREATEN", "XVL", "XKS", shutdown[1], "asserted", -7.0, THREAT,
                  (words(ECHO, threat),)),
            event(echo[0], ECHO, "THREATEN", "XVL", "XKS", echo[1], "asserted", -7.0, threat,
                  (words(SHUTDOWN, THREAT),)))


def test_brief_key_events_list_each_linked_event_once():
    from detente.brief import _one_per_report

    first, again = _threat_told_twice(("e-first", "2025-10-03"), ("e-again", "2025-10-03"))
    other = event("e-other", ECHO, "ACCUSE", "XKS", "XVL", "2025-10-04", "asserted", -3.0, HOSTILE)
    assert [e.event_id for e in _one_per_report([first, again, other])] == ["e-first", "e-other"]


def test_brief_key_events_show_an_event_by_its_most_precisely_dated_report():
    # a later article's "the threats of 2025" is a report of the threat, but the dated report tells it (before: the
    # year-only report sorted first, "2025" before "2025-10-03", and stood for the event)
    from detente.brief import FootnoteIndex, Names, _key_events

    dated, vague = _threat_told_twice(("e-dated", "2025-10-03"), ("e-vague", "2025"))
    footnotes = FootnoteIndex({})
    (shown,) = _key_events([vague, dated], Names(ACTORS), footnotes)
    assert (shown.date, shown.words) == ("2025-10-03", THREAT)


def test_brief_key_events_show_of_equally_dated_reports_the_first_published():
    # a later article retelling the threat with its day does not stand for it (before: whichever came first in the
    # store); a document known only to its year comes after those known to the day
    from detente.brief import FootnoteIndex, Names, _key_events

    first, later = _threat_told_twice(("e-first", "2025-10-03"), ("e-later", "2025-10-03"))
    for published in ({ECHO: "2025-11-20", SHUTDOWN: "2025-10-04"}, {ECHO: "2025", SHUTDOWN: "2025-10-04"}):
        (shown,) = _key_events([later, first], Names(ACTORS), FootnoteIndex({}), published.get)
        assert shown.words == THREAT


def test_brief_who_said_what_keeps_quotes_whose_paragraph_names_the_other_side(store):
    text = ("Kestria closed the Amber crossing on 2 October 2025.\n\n"
            "\u201cWe keep our word to Kestria,\u201d said Anna Brisk.\n\n"
            "\u201cTaxes will fall next year,\u201d Brisk said of the budget.\n\n"
            "\u201cNo,\u201d Brisk said when asked about Kestria.")
    texts = {"ff00d4": text}
    doc = Document("ff00d4", text, title="Crossing closed", source="Test Wire", published="2025-10-03",
                   published_basis="given")

    def said(qid: str, words: str) -> Quote:
        ev = span("ff00d4", text, words)
        return Quote(qid, "ff00d4", ev.text, ev.start, ev.end, "person:anna-brisk", "direct", "said")  # type: ignore[arg-type]

    closed = span("ff00d4", text, "Kestria closed the Amber crossing on 2 October 2025.")
    assert store.add_result(DocResult(doc, quotes=(said("q-word", "We keep our word to Kestria,"),
                                                   said("q-taxes", "Taxes will fall next year,"), said("q-no", "No,")),
                                      events=(Event("e-closed", "ff00d4", "COERCE", None, "XKS", "XVL", "XKS", "XVL",
                                                    "2025-10-02", None, "asserted", -5.0, closed),)))
    store.upsert_actors([Actor("XKS", "Kestria", "state", "XKS", mentions=named(r"Kestria", texts)),
                         Actor("XVL", "Valdoria", "state", "XVL"),
                         Actor("person:anna-brisk", "Anna Brisk", "person", "XVL",
                               mentions=named(r"(?:Anna )?Brisk", texts))])
    # the budget is not about Kestria; a one-word answer says nothing a reader can use
    assert [q.words for q in collect_brief(store, pair="XVL-XKS").quotes] == ["We keep our word to Kestria,"]


def test_brief_verdict_says_when_promises_of_its_month_were_since_broken(filled):
    from detente.brief import Promise, Verdict, _promise_caveat

    def promise(made_on: str | None, reported_on: str | None = None) -> Promise:
        return Promise("Valdoria", "Kestria", "reopen the crossing", made_on, reported_on, None, 1, 1, [])

    warming = Verdict("warming", "In 2025-10 the smoothed score rose", period="2025-10")
    broken = {"broken": [promise("2025-10-04"), promise(None, "2025-11-02"), promise("2025-08-01")], "kept": []}
    assert _promise_caveat(warming, broken) == (
        "But 2 promises made in 2025-10 or later have since been reported broken (see the promise tracker)")
    assert _promise_caveat(warming, {"broken": [promise("2025-08-01")], "kept": []}) is None
    cooling = Verdict("cooling", "In 2025-10 the smoothed score fell", period="2025-10")
    assert _promise_caveat(cooling, {"broken": [], "kept": [promise("2025-10-20")]}) == (
        "But 1 promise made in 2025-10 or later has since been reported kept (see the promise tracker)")
    # in the brief: the pair cooled in 2025-10, and no promise of that month was kept
    assert collect_brief(filled, pair="XVL-XKS").verdict.caveat is None


def test_brief_forecasts_of_a_pair_are_those_whose_paragraph_names_a_side_of_it(store):
    text = ("Kestria closed the Amber crossing on 2 October 2025. Trade with Valdoria will fall by half.\n\n"
            "Anna Brisk said the chess club would grow next year.")
    texts = {"ff00e5": text}
    doc = Document("ff00e5", text, title="Crossing closed", source="Test Wire", published="2025-10-03",
                   published_basis="given")

    def forecast(fid: str, words: str) -> Forecast:
        return Forecast(fid, "ff00e5", None, words, "this year", "2025-12-31", ("XKS", "XVL"), False,
                        span("ff00e5", text, words))

    closed = span("ff00e5", text, "Kestria closed the Amber crossing on 2 October 2025.")
    assert store.add_result(DocResult(doc, forecasts=(forecast("f-trade", "Trade with Valdoria will fall by half"),
                                                      forecast("f-club", "the chess club would grow next year")),
                                      events=(Event("e-closed", "ff00e5", "COERCE", None, "XKS", "XVL", "XKS", "XVL",
                                                    "2025-10-02", None, "asserted", -5.0, closed),)))
    store.upsert_actors([Actor("XKS", "Kestria", "state", "XKS", mentions=named(r"Kestria", texts)),
                         Actor("XVL", "Valdoria", "state", "XVL", mentions=named(r"Valdoria", texts)),
                         Actor("person:anna-brisk", "Anna Brisk", "person", "XVL",
                               mentions=named(r"Anna Brisk", texts))])
    # the chess club's paragraph names only a Valdorian person, the one speaking
    due = collect_brief(store, pair="XVL-XKS").forecasts_due
    assert [f.text for f in due] == ["Trade with Valdoria will fall by half"]


@pytest.mark.parametrize(("trend", "direction", "caveat"), [
    (-8.1, "warming", ", still a level of open conflict"),  # from −9.0: warmer, not warm
    (-2.0, "warming", ""),
    (6.0, "cooling", ", still a level of close cooperation"),
])
def test_brief_verdict_says_when_a_move_leaves_the_pair_far_on_the_other_side(store, trend, direction, caveat):
    before = -9.0 if direction == "warming" else 9.0
    result = RECORDS[SHUTDOWN]
    assert store.add_result(result)
    store.upsert_actors(ACTORS)
    store.upsert_dyads([Dyad("XKS", "XVL", "2025-08", 1, 0, 1, before, trend=before),
                        Dyad("XKS", "XVL", "2025-10", 2, 0, 2, trend, trend=trend, direction=direction)])
    summary = collect_brief(store, pair="XVL-XKS").verdict.summary
    assert summary.endswith(f"(2 events, mean {signed_text(trend)}){caveat}")


def signed_text(value: float) -> str:
    return f"{value:+.1f}".replace("-", "−")


@pytest.mark.parametrize("words, shown", [
    ("\u201cOf course, the Russian side will do everything.", "Of course, the Russian side will do everything."),
    ("will do everything,\u201d he said", "will do everything,\u201d he said"),
    ("the words \u201cprivate opinion\u201d were used", "the words \u201cprivate opinion\u201d were used"),
    ("\u00abNo crisis\u00bb, he said, \u00abbut emotions", "\u00abNo crisis\u00bb, he said, \u00abbut emotions"),
    ('"We said June', "We said June"),
    ("the Azerbaijanis\u2019", "the Azerbaijanis\u2019"),
])
def test_evidence_words_lose_a_quotation_mark_they_do_not_close(words, shown):
    # the brief puts its own marks around evidence: a quote's opening mark at the start would read doubled
    from detente.brief import unpaired_marks_off

    assert unpaired_marks_off(words) == shown
