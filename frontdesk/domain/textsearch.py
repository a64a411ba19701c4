"""Substring search for Chinese text: texts become unigram and bigram tokens for a full-text index.

Chinese has no spaces, so word tokenizers miss most substrings, and a trigram index cannot find the
very common two-character words (退款, 停车). Indexing every character and every adjacent pair lets a
query of any length be answered: one character by the unigram column, two or more as a phrase of
consecutive bigrams, which matches exactly the texts that contain the query as a substring.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_GAP = "gap"  # three letters: never equal to a query's two-character token
_KEEP = re.compile(r"[0-9a-z\u3400-\u9fff\uf900-\ufaff]+")


def _runs(text: str) -> list[str]:
    return _KEEP.findall(text.lower())


def index_tokens(texts: Iterable[str | None]) -> tuple[str, str]:
    """(unigrams, bigrams) as space-separated tokens for the texts of one record."""
    uni: list[str] = []
    bi: list[str] = []
    for text in texts:
        if not text:
            continue
        for run in _runs(text):
            uni.extend(run)
            bi.extend(run[i : i + 2] for i in range(len(run) - 1))
            bi.append(_GAP)  # a pair chain never spans two runs or two fields
    return " ".join(uni), " ".join(bi)


def match_expression(query: str) -> tuple[str, str] | None:
    """(column, FTS5 phrase) answering ``query`` as a substring, or None when nothing is searchable.

    Several words separated by spaces must all occur (AND).
    """
    runs = _runs(query)
    if not runs:
        return None
    if len(runs) == 1 and len(runs[0]) == 1:
        return "uni", f'"{runs[0]}"'
    phrases = []
    for run in runs:
        if len(run) == 1:
            phrases.append(f'uni : "{run}"')
        else:
            phrases.append('bi : "' + " ".join(run[i : i + 2] for i in range(len(run) - 1)) + '"')
    return "", " AND ".join(phrases)


def index_grams(texts: Iterable[str | None]) -> list[str]:
    """Every distinct unigram and bigram of the texts, sorted: one array value for a GIN index."""
    uni, bi = index_tokens(texts)
    return sorted({t for t in f"{uni} {bi}".split() if t != _GAP})


def query_grams(query: str) -> tuple[list[str], list[str]] | None:
    """(grams every match contains, runs longer than two characters to recheck as substrings), or None.

    One or two characters are answered exactly by the grams; a longer run's bigrams may occur apart,
    so the text is checked for the run itself too.
    """
    runs = _runs(query)
    if not runs:
        return None
    grams: set[str] = set()
    for run in runs:
        grams.update(run if len(run) == 1 else (run[i : i + 2] for i in range(len(run) - 1)))
    return sorted(grams), [run for run in runs if len(run) > 2]
