"""Hot topics by Chinese word segmentation (rjieba, the Rust jieba) with a site dictionary and stop words.

The weekly analysis (seed 001 热点问题) counts, for each request text, the distinct words jieba cuts it
into — each word once per text — leaving out stop words (顾客, 反映, 要求 …), single characters and
anything that is not Chinese. A site adds its own words (道闸, 充电桩, 扫码支付) so they are not split.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import rjieba

from frontdesk.errors import Message, T

# words jieba's own dictionary splits, which a service desk says every day
DEFAULT_SITE_WORDS: tuple[str, ...] = (
    "道闸", "充电桩", "扫码支付", "停车场", "收费标准", "服务区", "收费站", "加油站", "卫生间", "洗手间", "会员卡",
    "积分兑换", "退换货", "发票", "电子发票", "储物柜", "母婴室", "失物招领", "救援", "清障车", "拖车",
)
# words that say nothing about the topic: request verbs, category names, pronouns, politeness
DEFAULT_STOP_WORDS: tuple[str, ...] = (
    "顾客", "客户", "反映", "要求", "咨询", "查询", "投诉", "建议", "表扬", "求助", "请求", "询问", "需要", "希望",
    "请问", "帮忙", "帮助", "我们", "你们", "他们", "一下", "是否", "什么", "怎么", "如何", "可以", "没有", "已经",
    "今天", "现在", "还是", "因为", "所以", "但是", "而且", "或者", "这个", "那个", "哪些", "多少", "能否", "不能",
    "一个", "有关", "问题", "情况", "女士", "先生", "来电", "表示", "称", "说", "想", "能", "会", "要", "问",
)
WORD_MAX = 12  # characters in one dictionary word
LIST_MAX = 2000  # words in one list
_WORD = re.compile(r"^[\u4e00-\u9fffA-Za-z0-9]+$")
_HAN = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True)
class Topic:
    word: str
    count: int  # texts containing it


def split_words(text: str) -> list[str]:
    """The words of a list as typed: one per line, or separated by spaces, commas or 、; duplicates dropped."""
    for mark in "，,、；;\t":
        text = text.replace(mark, " ")
    seen: dict[str, None] = {}
    for word in text.split():
        seen.setdefault(word, None)
    return list(seen)


def list_problems(words: list[str]) -> Message | None:
    """Why a dictionary or stop-word list cannot be saved, or None."""
    if len(words) > LIST_MAX:
        return T("errors", "词表不超过 {0} 个词").format(LIST_MAX)
    for word in words:
        if len(word) > WORD_MAX:
            return T("errors", "“{0}”太长：每个词不超过 {1} 个字").format(word, WORD_MAX)
        if not _WORD.match(word):
            return T("errors", "“{0}”含有标点或符号：词只能由汉字、字母和数字组成").format(word)
    return None


class Segmenter:
    """jieba with the site's words added and its stop words left out of the counts."""

    def __init__(self, site_words: Iterable[str] = DEFAULT_SITE_WORDS,
                 stop_words: Iterable[str] = DEFAULT_STOP_WORDS) -> None:
        self._jieba = rjieba.Jieba()
        for word in site_words:
            self._jieba.add_word(word, None, None)
        self.stop = frozenset(stop_words)

    def words(self, text: str) -> set[str]:
        """The distinct topic words of ``text``: at least two characters with a Chinese one, not a stop word."""
        return {w for w in self._jieba.cut(text) if len(w) >= 2 and w not in self.stop and _HAN.search(w)}

    def count(self, texts: Iterable[str | tuple[str, int]]) -> tuple[Counter[str], int]:
        """How many texts hold each word, and how many texts there were; a (text, n) pair counts n times."""
        counts: Counter[str] = Counter()
        total = 0
        for item in texts:
            text, n = (item, 1) if isinstance(item, str) else item
            if text:
                if n == 1:
                    counts.update(self.words(text))
                else:
                    for word in self.words(text):
                        counts[word] += n
            total += n
        return counts, total


@lru_cache(maxsize=4)
def segmenter(site_words: tuple[str, ...], stop_words: tuple[str, ...]) -> Segmenter:
    """A segmenter for these lists, built once (loading jieba's dictionary takes about a tenth of a second)."""
    return Segmenter(site_words, stop_words)


def hot_topics(counts: Counter[str], limit: int = 15, min_count: int = 2) -> list[Topic]:
    """The ``limit`` words found in most texts (at least ``min_count``), ties by word."""
    ranked = sorted(((w, c) for w, c in counts.items() if c >= min_count), key=lambda wc: (-wc[1], wc[0]))
    return [Topic(w, c) for w, c in ranked[:limit]]
