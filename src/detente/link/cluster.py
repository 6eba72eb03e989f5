"""Grouping reports of the same thing from different documents, independent of arrival order."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")


def cluster(items: Sequence[T], *, key: Callable[[T], str], doc: Callable[[T], str],
            similarity: Callable[[T, T], float], threshold: float,
            together: Callable[[T, T], bool] | None = None,
            apart: Callable[[T, T], bool] | None = None) -> list[list[T]]:
    """Groups of items that report the same thing, at most one item per document in a group (but see ``together``).

    The most similar pairs are joined first (ties broken by key), and two groups are joined only
    when they share no document, so that one article's two different promises never become one
    through a third article that resembles both. The result depends only on the set of items.
    Items of one document that ``together`` says report one thing (one article telling it twice) are
    grouped first, and join other groups as one item. Two groups holding items ``apart`` says cannot report one
    thing (dated months apart) are not joined through a third item like both.
    """
    ordered = sorted(items, key=key)
    pairs = []
    for i, a in enumerate(ordered):
        for j in range(i + 1, len(ordered)):
            b = ordered[j]
            if doc(a) == doc(b):
                continue
            score = similarity(a, b)
            if score >= threshold:
                pairs.append((-score, key(a), key(b), i, j))
    pairs.sort()
    group_of = list(range(len(ordered)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(ordered))}
    docs: dict[int, set[str]] = {i: {doc(item)} for i, item in enumerate(ordered)}
    if together is not None:
        for i, a in enumerate(ordered):
            for j in range(i + 1, len(ordered)):
                gi, gj = group_of[i], group_of[j]
                if gi != gj and doc(a) == doc(ordered[j]) and together(a, ordered[j]):
                    keep, gone = min(gi, gj), max(gi, gj)
                    for m in members[gone]:
                        group_of[m] = keep
                    members[keep].extend(members.pop(gone))
                    docs.pop(gone)
    for _, _, _, i, j in pairs:
        gi, gj = group_of[i], group_of[j]
        if gi == gj or docs[gi] & docs[gj]:
            continue
        if apart is not None and any(apart(ordered[x], ordered[y]) for x in members[gi] for y in members[gj]):
            continue
        keep, gone = min(gi, gj), max(gi, gj)
        for m in members[gone]:
            group_of[m] = keep
        members[keep].extend(members.pop(gone))
        docs[keep] |= docs.pop(gone)
    return [[ordered[m] for m in sorted(group)] for _, group in sorted(members.items())]
