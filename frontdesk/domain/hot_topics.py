"""Hot topics: the most frequent 2–4 character Chinese words in request texts, by plain n-gram counting.

No word segmenter (jieba is not a dependency): each text is cut at anything that is not a Han
character and at common function and request words (咨询, 投诉, 请问, 的 …); every 2–4 character
piece of what remains is counted once per text. Then, most frequent first, a piece is dropped if
it lies inside a piece already kept; a piece that overlaps a kept one about as frequent is the
same phrase seen through a shifted window and is joined to it (儿童乐园 + 乐园开放 → 儿童乐园开放).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

MIN_LEN, MAX_LEN = 2, 4
MERGED_MAX = 8  # longest phrase made by joining overlapping pieces
SIMILAR = 0.8  # an overlapping piece with at least this share of a kept piece's count is the same topic
STOP_WORDS = (
    "咨询 查询 投诉 建议 表扬 求助 请求 询问 反映 要求 需要 希望 请问 帮忙 帮助 客户 顾客 我们 你们 他们 一下 是否 "
    "什么 怎么 如何 可以 没有 已经 今天 现在 还是 因为 所以 但是 而且 或者 这个 那个 哪些 多少 能否 不能 一个 有关"
).split()
STOP_CHARS = "不的了是在和与及或有我你他她它们吗呢吧啊请把被给对向从到为也都就还很再又才这那哪个些"
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")
_STOP = re.compile("|".join(sorted(STOP_WORDS, key=len, reverse=True)) + f"|[{STOP_CHARS}]")


@dataclass(frozen=True)
class Topic:
    word: str
    count: int  # texts containing it


def pieces(text: str) -> set[str]:
    """The distinct 2–4 character pieces of ``text`` after cutting at non-Han characters and stop words."""
    found: set[str] = set()
    for run in _HAN_RUN.findall(text):
        for part in _STOP.split(run):
            n = len(part)
            for size in range(MIN_LEN, min(MAX_LEN, n) + 1):
                for i in range(n - size + 1):
                    found.add(part[i : i + size])
    return found


def count_pieces(texts: Iterable[str | tuple[str, int]]) -> tuple[Counter[str], int]:
    """How many texts hold each piece, and how many texts there were; a (text, n) pair counts n times."""
    counts: Counter[str] = Counter()
    total = 0
    for item in texts:
        text, n = (item, 1) if isinstance(item, str) else item
        if text:
            if n == 1:
                counts.update(pieces(text))
            else:
                for piece in pieces(text):
                    counts[piece] += n
        total += n
    return counts, total


def _overlap(a: str, b: str) -> int:
    """How many characters the end of ``a`` shares with the start of ``b``."""
    for k in range(min(len(a), len(b)) - 1, 0, -1):
        if a.endswith(b[:k]):
            return k
    return 0


def _merge(kept: list[list], word: str, count: int) -> bool:
    """Fold ``word`` into a kept topic it belongs to; True if it was folded in or is redundant."""
    for topic in kept:
        text, seen = topic
        similar = count >= SIMILAR * seen
        if word in text or (text in word and not similar):
            return True  # a part of a kept word, or a kept word plus noise
        if text in word:
            topic[0] = word
            return True
        for joined, shared in ((text + word[_overlap(text, word):], _overlap(text, word)),
                               (word + text[_overlap(word, text):], _overlap(word, text))):
            if shared and similar and len(joined) <= MERGED_MAX:
                topic[0] = joined  # the same phrase seen through a shifted window
                return True
            if shared >= MIN_LEN:
                return True
    return False


def hot_topics(counts: Counter[str], limit: int = 15, min_count: int = 2) -> list[Topic]:
    """The ``limit`` most frequent pieces, overlapping windows of one phrase joined (up to 8 characters)."""
    frequent = {w: c for w, c in counts.items() if c >= min_count}
    # A piece mostly seen inside one longer piece is that longer piece (停车 inside 停车场).
    parent: dict[str, int] = {}
    for word, count in frequent.items():
        for size in range(MIN_LEN, len(word)):
            for i in range(len(word) - size + 1):
                part = word[i : i + size]
                if parent.get(part, 0) < count:
                    parent[part] = count
    explained = {p for p, c in frequent.items() if parent.get(p, 0) >= SIMILAR * c}
    candidates = sorted(((c, w) for w, c in frequent.items() if w not in explained),
                        key=lambda cw: (-cw[0], -len(cw[1]), cw[1]))
    kept: list[list] = []
    for count, word in candidates:
        if not _merge(kept, word, count):
            kept.append([word, count])
            if len(kept) == limit:
                break
    return [Topic(word, count) for word, count in kept]
