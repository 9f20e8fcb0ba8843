"""Finding English in the French edition: what a French learner would read that is not French.

A passage is split into sentences; a sentence counts as English when it holds at least two
distinct English function words that French never uses as words (``the``, ``and``, ``with``,
``your`` ...). Left out before counting: text inside ``<span lang="en">...</span>`` (English kept
on purpose, marked so screen readers switch voice), link targets and bare URLs, inline code, and
the titles of the English sources listed under a "Sources" heading when they are so marked.
"""

from __future__ import annotations

import re

#: English words that are not French words (so "on", "a", "an", "or", "pour" are not here)
ENGLISH = frozenset(
    """the and of to is you your with this that are be not what when which who will have has
    from they their its was were been how should would can could do does about into our we
    for it if by at as an or but so than then there these those them his her him she he
    my me i am being were any each other such only also more most very just over""".split()
)
#: ... except those that French borrows or shares in running text
ALSO_FRENCH = frozenset({"an", "or", "as", "me", "she", "i", "it", "at", "so", "if", "but"})
MARKERS = ENGLISH - ALSO_FRENCH

SPAN_EN = re.compile(r"<span\s+lang=[\"']en[\"']\s*>.*?</span>", re.S | re.I)
LINK_TARGET = re.compile(r"\]\([^)]*\)")
URL = re.compile(r"https?://\S+|www\.\S+")
CODE = re.compile(r"`[^`]*`")
TAG = re.compile(r"<[^>]+>")
SENTENCE = re.compile(r"(?<=[.!?:;»])\s+|\n\s*\n|\n[-*|#]")
WORD = re.compile(r"[A-Za-zÀ-ÿ']+")


def strip_allowed(text: str) -> str:
    for pattern in (SPAN_EN, LINK_TARGET, URL, CODE, TAG):
        text = pattern.sub(" ", text)
    return text


def english_sentences(text: str, minimum: int = 2) -> list[str]:
    """The sentences of ``text`` that read as English (see the module's doc)."""
    found = []
    for sentence in SENTENCE.split(strip_allowed(text)):
        words = {w.lower().strip("'") for w in WORD.findall(sentence)}
        if len(words & MARKERS) >= minimum:
            found.append(" ".join(sentence.split())[:160])
    return found
