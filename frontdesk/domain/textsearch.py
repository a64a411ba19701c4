"""Substring search for Chinese text: texts become unigram and bigram tokens for a full-text index.

Chinese has no spaces, so word tokenizers miss most substrings, and a trigram index cannot find the
very common two-character words (退款, 停车). Indexing every character and every adjacent pair lets a
query of any length be answered: one character by the unigram column, two or more as a phrase of
consecutive bigrams, which matches exactly the texts that contain the query as a substring.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from operator import add

_GAP = "gap"  # three letters: never equal to a query's two-character token
_KEEP = re.compile(r"[0-9a-z\u3400-\u9fff\uf900-\ufaff]+")


def _runs(text: str) -> list[str]:
    return _KEEP.findall(text.lower())


def index_tokens(texts: Iterable[str | None]) -> tuple[str, str]:
    """(unigrams, bigrams) as space-separated tokens for the texts of one record."""
    runs = _KEEP.findall(" ".join(t for t in texts if t).lower())  # a space is no run's: fields stay apart
    # a pair chain never spans two runs or two fields: each run's pairs end with the gap token
    return " ".join("".join(runs)), " ".join(
        f"{' '.join(map(add, run, run[1:]))} {_GAP}" if len(run) > 1 else _GAP for run in runs)


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


# pairs a desk request is full of that say nothing about its subject (kept when nothing else is left)
QUESTION_PAIRS = frozenset({"客户", "顾客", "请问", "询问", "咨询", "问一", "一下", "怎么", "什么", "多少", "可以",
                            "是否", "哪里", "为什", "么办", "我们", "您好", "反映", "要求", "想问", "如何", "的是"})


def request_pairs(text: str, most: int = 12) -> list[str]:
    """The first ``most`` distinct character pairs of a typed sentence, question words left out (kept when
    nothing else is left): what a ranked lookup matches on."""
    pairs: list[str] = []
    for run in _runs(text):
        for i in range(len(run) - 1):
            pair = run[i : i + 2]
            if pair not in pairs:
                pairs.append(pair)
    return ([p for p in pairs if p not in QUESTION_PAIRS] or pairs)[:most]


def rarest_pairs(counts: dict[str, int], budget: int) -> list[str]:
    """The pairs worth ranking on: rarest first while their matches together stay within ``budget`` (at
    least one); pairs that match nothing are left out. Bounds the work of a ranked lookup at any size."""
    kept: list[str] = []
    total = 0
    for pair, count in sorted(((p, c) for p, c in counts.items() if c), key=lambda pc: pc[1]):
        if kept and total + count > budget:
            break
        kept.append(pair)
        total += count
    return kept


def any_pair_expression(pairs: list[str]) -> str:
    """An FTS5 query matching records that contain any of ``pairs``."""
    return "bi : (" + " OR ".join(f'"{p}"' for p in pairs) + ")"


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
