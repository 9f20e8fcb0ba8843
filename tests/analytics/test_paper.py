"""Paper wording: on-screen instructions in a module's text become paper wording, and nothing
else changes (exact results for small texts, as a printed handout would carry them)."""

from __future__ import annotations

import pytest

from allyship.instructor.kit_text import kit_text
from allyship.instructor.paper import markdown_to_paper, screen_wording, text_to_paper

CASES = [
    (
        'Which two fit? Select the two, then press "Check my answer".',
        "Which two fit? Select the two.",
    ),
    (
        "Read the case. Then press **Check my answer** to see why. It is not graded.",
        "Read the case. It is not graded.",
    ),
    (
        "It is saved with your answers but not graded, and module 07 brings it back.",
        "It is not graded, and module 07 brings it back.",
    ),
    (
        "The record is saved only in your copy of the module and is not graded.",
        "The record is not graded.",
    ),
    (
        "Choose the best answer. You can change your answers until you submit.",
        "Choose the best answer.",
    ),
    (
        'Then tick what is true of your record and press "Check my record". Not graded.',
        "Then tick what is true of your record. Not graded.",
    ),
    (
        "In a month, open this module again, press **Run all**, and rate them.",
        "In a month, open this module again and rate them.",
    ),
]
UNCHANGED = [
    "**Pressing for pay and recognition** when Indigenous physicians are asked to consult.",
    "Use these in your own browser (nothing here fetches them):",
    "Select the three.",
    "Clinicians already know this shape. A therapeutic relationship is not declared.",
]


@pytest.mark.parametrize(("screen", "paper"), CASES)
def test_on_screen_sentences_become_paper_sentences(screen, paper):
    assert screen_wording(screen)
    assert text_to_paper(screen) == paper
    assert not screen_wording(paper)


@pytest.mark.parametrize("text", UNCHANGED)
def test_everything_else_is_left_as_written(text):
    assert text_to_paper(text) == text


def test_the_how_to_section_is_replaced_and_screen_list_items_go():
    cell = (
        "# Module 09\n\nIntro.\n\n### How to use this notebook\n\n1. Press **Run all** (the "
        "**Run** menu).\n2. Read, click your answers.\n\n## Next part\n\n- Keep this.\n- Submit "
        "through the **Assignment List**.\n- And this."
    )
    paper = markdown_to_paper(cell)
    assert paper == (
        f"# Module 09\n\nIntro.\n\n{kit_text('paper_how_to').strip()}\n\n## Next part\n\n"
        "- Keep this.\n- And this."
    )
    assert not screen_wording(paper)
