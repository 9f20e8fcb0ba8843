"""Every module has the parts and minimums the curriculum issues set, and no two repeat."""

from __future__ import annotations

import pytest

from ..helpers import EDITIONS, REPO
from .content import read

CONTENTS = {m: read(REPO / "source" / m / f"{m}.ipynb") for m in EDITIONS}
REQUIRED_TEXT = {"title", "objectives", "support", "rubric", "summary", "sources"}


@pytest.mark.parametrize("module", EDITIONS)
def test_module_has_every_part(module):
    c = CONTENTS[module]
    assert REQUIRED_TEXT <= c.text_ids, f"missing: {REQUIRED_TEXT - c.text_ids}"
    assert c.readings >= 2
    assert c.sources_links >= 2, "sources must link to where facts come from"


@pytest.mark.parametrize("module", EDITIONS)
def test_module_meets_the_minimum_counts(module):
    c = CONTENTS[module]
    assert len(c.reflections) >= 2
    assert len(c.practice) >= 3
    assert len(c.graded) >= (5 if module.startswith("01") else 6)
    assert c.multi >= 1, "at least one select-all-that-apply question"
    assert c.commitments >= 1


@pytest.mark.parametrize("module", EDITIONS)
def test_every_reflection_offers_an_alternative(module):
    for item, (prompt, alternative) in CONTENTS[module].reflections.items():
        assert alternative and alternative.strip() and alternative != prompt, item


@pytest.mark.parametrize("module", EDITIONS)
def test_every_graded_question_has_a_hidden_test(module):
    c = CONTENTS[module]
    assert set(c.graded) == c.hidden


@pytest.mark.parametrize("module", EDITIONS)
def test_item_ids_are_unique(module):
    ids = CONTENTS[module].ids
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})


def test_no_two_modules_repeat_a_question_or_reading():
    seen: dict[str, str] = {}
    for module, c in CONTENTS.items():
        texts = [*c.graded.values(), *c.practice.values(), *(p for p, _ in c.reflections.values())]
        texts += c.readings_text
        for text in texts:
            key = " ".join(text.split()).lower()
            assert key not in seen, f"{module} repeats text from {seen.get(key)}: {text[:80]}"
            seen[key] = module
