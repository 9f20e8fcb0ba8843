"""Small text helpers shared by widgets and checks."""

from __future__ import annotations

import html
import re

_WORD = re.compile(r"\w+(?:['\u2019-]\w+)*")


def word_count(text: str) -> int:
    """Words as a reader counts them: "don't" and "well-being" are one word each."""
    return len(_WORD.findall(text or ""))


def escape(text: str) -> str:
    """Text made safe to place inside an HTML widget."""
    return html.escape(str(text), quote=True)
