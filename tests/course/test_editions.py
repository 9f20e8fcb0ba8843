"""The French edition is the English course in French, in step with it, and English-free.

- Every English module has a French module with the same number, and the other way round.
- Both hold the same cells in the same order: kinds, ids, keys (points ...), the same number of
  options per question with the key at the same positions (the item report combines the two
  languages by position), so the gradebook, ``allyship key`` and every report treat a French
  submission as they treat an English one.
- No English reaches a French learner: the French notebooks (readings, stems, options,
  explanations, prompts, the kit's cell lines), the kit's French strings, the rubric and support
  lines, the start-here notebook and journal; English kept on purpose is marked
  ``<span lang="en">``. The last test checks the checker itself.
"""

from __future__ import annotations

import ast
import json
import re

import nbformat
import pytest

from allyship.course.build import read_text
from allyship.kit.store import module_language

from ..helpers import FR_MODULES, MODULES, REPO, key
from .english import english_sentences

PAIRS = [(m, f) for m in MODULES for f in FR_MODULES if f[3:5] == m[:2]]


def _number(module: str) -> str:
    return module.removeprefix("fr-")[:2]


def test_every_module_has_its_other_edition():
    assert FR_MODULES, "the French edition has no module (course/fr/ is empty)"
    assert [_number(m) for m in MODULES] == [_number(f) for f in FR_MODULES]
    assert all(module_language(f) == "fr" for f in FR_MODULES)


def _shape(module: str) -> list[tuple]:
    shape = []
    for e in read_text(REPO, module):
        keyed = tuple(i for i, o in enumerate(e.options) if o.keyed)
        shape.append((e.kind, e.id, tuple(sorted(e.keys.items())), len(e.options), keyed))
    return shape


@pytest.mark.parametrize("english,french", PAIRS, ids=[f for _, f in PAIRS])
def test_both_editions_hold_the_same_cells_items_and_keys(english, french):
    assert _shape(french) == _shape(english)


def _points(module: str) -> dict[str, float]:
    nb = nbformat.read(str(REPO / "source" / module / f"{module}.ipynb"), as_version=4)
    found = {}
    for cell in nb.cells:
        meta = cell.metadata.get("nbgrader", {})
        if meta.get("points") is not None:
            found[meta["grade_id"]] = float(meta["points"])
    return found


@pytest.mark.parametrize("english,french", PAIRS, ids=[f for _, f in PAIRS])
def test_both_editions_grade_the_same_items_for_the_same_points(english, french):
    assert _points(french) == _points(english)
    assert sorted(key(french)) == sorted(key(english))


# -- no English for a French learner ---------------------------------------------------------


def _literals(source: str) -> list[str]:
    """Every string a kit call in a code cell shows (stems, options, explanations, prompts)."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return []
    return [
        n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)
    ]


def _comments(source: str) -> str:
    return " ".join(line[1:] for line in source.splitlines() if line.startswith("#"))


def notebook_texts(path) -> list[str]:
    nb = nbformat.read(str(path), as_version=4)
    texts = []
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            texts.append(cell.source)
        elif cell.cell_type == "code":
            grade_id = cell.metadata.get("nbgrader", {}).get("grade_id", "")
            texts.append(_comments(cell.source))  # the line JupyterLab shows over hidden code
            if grade_id.endswith("-ask") or not grade_id:  # a kit call, or a course notebook's
                texts += [s for s in _literals(cell.source) if " " in s.strip()]
    return texts


FRENCH_NOTEBOOKS = [REPO / "release" / f / f"{f}.ipynb" for f in FR_MODULES] + sorted(
    (REPO / "notebooks" / "fr").glob("*.ipynb")
)


@pytest.mark.parametrize("path", FRENCH_NOTEBOOKS, ids=[p.name for p in FRENCH_NOTEBOOKS])
def test_a_french_notebook_shows_no_english(path):
    found = [s for text in notebook_texts(path) for s in english_sentences(text)]
    assert not found, "English in a French notebook:\n" + "\n".join(found[:15])


def test_the_kits_french_sentences_hold_no_english():
    from allyship.kit.strings_fr import TEXT

    found = [f"{k}: {s}" for k, v in TEXT.items() for s in english_sentences(v)]
    assert not found, "\n".join(found)


def test_the_french_rubric_support_lines_and_facilitator_texts_hold_no_english():
    from allyship.course import rubric_fr, support_fr

    texts = [rubric_fr.rubric_markdown(), rubric_fr.MARK_SCHEME, support_fr.SUPPORT_MARKDOWN]
    texts += [
        p.read_text(encoding="utf-8")
        for p in (REPO / "allyship/instructor/facilitator/fr").glob("*.md")
    ]
    found = [s for text in texts for s in english_sentences(text)]
    assert not found, "\n".join(found)


def test_the_english_finder_finds_english_and_only_english():
    assert english_sentences("Press Run all and your answers are saved with the notebook.")
    assert english_sentences("Vous pouvez continuer. Then check the box for your answer.")
    assert not english_sentences(
        "Appuyez sur « Exécuter toutes les cellules » : vos réponses sont enregistrées."
    )
    kept = 'IPAC écrit : <span lang="en">"allyship is a lifelong process of building"</span>.'
    assert not english_sentences(kept)  # English kept on purpose, marked
    assert not english_sentences("Voir [la page](https://example.org/the-and-with-your).")
    assert json.dumps(sorted(english_sentences("the and"))) == '["the and"]'


def _stated_time(module: str) -> tuple:
    title = next(e for e in read_text(REPO, module) if e.kind == "text" and e.id == "title")
    found = re.search(r"(\d+)(?:\s*(?:[–-]|à)\s*(\d+))?\s*minutes", title.markdown)
    assert found, f"{module}: its title states no time"
    return found.group(1, 2)


@pytest.mark.parametrize("english,french", PAIRS, ids=[f for _, f in PAIRS])
def test_both_editions_state_the_same_time(english, french):
    """The same readings and items take the same time; only English's is computed
    (tests/course/test_durations.py), so the French title must state the same."""
    assert _stated_time(french) == _stated_time(english)
