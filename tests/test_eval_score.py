"""The evaluation's own matching and scoring (eval/score.py) behave as documented."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "eval"))

from score import PredActor, PredQuote, PredTimex, locate, score_actors, score_quotes, score_timexes

TEXT = "Zakharova said “it is over” on 3 May 2025. Moscow agreed. She added that talks would resume."
GOLD_ACTORS = [
    {"name": "Maria Zakharova", "kind": "person", "country": "RUS", "aliases": ["Zakharova"]},
    {"name": "Russia", "kind": "state", "country": "RUS", "aliases": ["Moscow"]},
]


def test_eval_score_actors_match_by_id_alias_and_surname():
    predicted = [
        PredActor("Zakharova", "person", "RUS"),
        PredActor("Russia", "state", "RUS", ("Moscow",), "RUS"),
        PredActor("Kremlin", "organization", None),
    ]
    tally = score_actors(GOLD_ACTORS, predicted)
    assert (tally.tp, tally.fp, tally.fn) == (2, 1, 0)
    assert tally.accuracy("country") == 1.0


def test_eval_score_quotes_overlap_and_speaker():
    gold = [{"text": "it is over", "kind": "direct", "speaker": "Maria Zakharova"},
            {"text": "talks would resume", "kind": "indirect", "speaker": "Maria Zakharova"}]
    start, end = locate(TEXT, "it is over")
    predicted = [PredQuote(start, end, "direct", "Maria Zakharova", "said")]
    tally = score_quotes(TEXT, gold, predicted, lambda g, p: g == p)
    assert (tally.tp, tally.fp, tally.fn) == (1, 0, 1)
    assert tally.accuracy("speaker") == 1.0
    assert round(tally.f1, 3) == 0.667


def test_eval_score_dates_value_counts_only_when_right():
    start, end = locate(TEXT, "3 May 2025")
    gold = [{"text": "3 May 2025", "value": "2025-05-03"}]
    found, value = score_timexes(TEXT, gold, [PredTimex(start, end, "2025-05")])
    assert (found.tp, value.tp, value.fp, value.fn) == (1, 0, 1, 1)
