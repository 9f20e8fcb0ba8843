"""No leaked keys (issue 7, part 3): nothing a learner receives carries an answer key, and the
feedback page shows the answer given, never the one expected (docs/bad-submissions.md)."""

from __future__ import annotations

import ast
import html as htmllib
import importlib.util
import json
import re

import nbformat
import pytest
from nbconvert import HTMLExporter

from allyship.course.placeholders import run_all_line

from ..helpers import REPO
from .catalogue import MODULE
from .conftest import FLIPPED
from .leaks import encodings, hidden_lines, keys, options, text_files

RELEASES = sorted((REPO / "release").glob("[0-9][0-9]_*/[0-9][0-9]_*.ipynb"))
ALLOWED_CHOICE_KEYWORDS = {"multiple"}  # nothing that could pre-select or mark an option
KEYED_CALL = re.compile(r"check_choices?\(\s*[\"']")  # a call with its answer (not the import)


@pytest.fixture(scope="module")
def learner_material(tmp_path_factory) -> dict[str, str]:
    """release/, the kit package, and the handouts (each release as nbconvert HTML and as
    ``allyship.instructor.handouts`` renders it, plus any handouts folder): all that reaches a
    learner."""
    files = text_files(REPO / "release", REPO / "allyship")
    out = tmp_path_factory.mktemp("handouts")
    for nb in RELEASES:
        body, _ = HTMLExporter().from_notebook_node(nbformat.read(str(nb), as_version=4))
        (out / f"{nb.stem}.html").write_text(body, encoding="utf-8")
    if importlib.util.find_spec("allyship.instructor.handouts") is not None:  # printable handouts
        from allyship.instructor.handouts import render_html

        for nb in RELEASES:
            page = render_html(nb)
            assert "<html" in page  # a real page was made, so the scan below means something
            (out / f"{nb.stem}.handout.html").write_text(page, encoding="utf-8")
    files |= text_files(out)
    for folder in ("handouts", "docs/handouts"):
        if (REPO / folder).is_dir():
            files |= text_files(REPO / folder)
    return files


def test_there_is_something_to_scan(learner_material):
    assert RELEASES and hidden_lines() and any(keys().values())
    assert any(p.endswith(".html") for p in learner_material)
    if importlib.util.find_spec("allyship.instructor.handouts") is not None:
        assert sum(p.endswith(".handout.html") for p in learner_material) == len(RELEASES)


def test_no_hidden_test_or_solution_line_reaches_a_learner(learner_material):
    lines = hidden_lines()
    for path, text in learner_material.items():
        flat = htmllib.unescape(re.sub(r"<[^>]+>", "", text)) if path.endswith(".html") else text
        leaked = [ln for ln in lines if ln in text or ln in flat]
        assert not leaked, f"{path} holds hidden lines: {leaked[:3]}"


def test_no_digest_or_encoding_of_any_option_anywhere(learner_material):
    for release in RELEASES:
        for item, opts in options(release).items():
            found = set()
            for option in opts:
                found |= encodings(option)
            for path, text in learner_material.items():
                hits = [e for e in found if e in text]
                assert not hits, f"{path} holds an encoding of an option of {item}: {hits[:2]}"


def test_no_key_in_responses_shape_or_in_the_kit(learner_material):
    for module, key in keys().items():
        for item, value in key.items():
            pairs = {json.dumps({item: value})[1:-1], json.dumps({item: value}, indent=1)[2:-2]}
            for path, text in learner_material.items():
                assert not any(p in text for p in pairs), f"{path} holds {module}'s key for {item}"
            answers = value if isinstance(value, list) else [value]
            for path, text in learner_material.items():
                if "/allyship/" in path:  # the kit carries no module content at all
                    assert not any(a in text for a in answers), f"{path} holds {module} {item}"


def test_release_metadata_and_widgets_carry_no_answer():
    for release in RELEASES:
        nb = nbformat.read(str(release), as_version=4)
        key = keys()[release.stem]
        answers = [a for v in key.values() for a in (v if isinstance(v, list) else [v])]
        assert "widgets" not in nb.metadata  # no saved widget state
        metadata = json.dumps([nb.metadata, *[c.metadata for c in nb.cells]], ensure_ascii=False)
        assert not [a for a in answers if a in metadata]
        for cell in nb.cells:
            if cell.cell_type == "code":  # no widget views: only the "press Run all" line
                assert cell.outputs in ([], [run_all_line()]), (release.name, cell.id)
            if cell.cell_type != "code":
                continue
            for node in ast.walk(ast.parse(cell.source)):
                if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Choice":
                    kwargs = {k.arg for k in node.keywords}
                    assert kwargs <= ALLOWED_CHOICE_KEYWORDS, (release.name, cell.id, kwargs)


# -- after grading: the feedback page ---------------------------------------------------------


def feedback_text(batch, learner: str) -> str:
    page = batch["course"] / "feedback" / learner / MODULE / f"{MODULE}.html"
    text = htmllib.unescape(re.sub(r"<[^>]+>", "", page.read_text(encoding="utf-8")))
    return " ".join(text.split())


@pytest.mark.slow
@pytest.mark.xdist_group("reliability-batch")
def test_feedback_shows_the_answer_given_never_the_expected_one(batch):
    key = batch["answers"]
    plain = {who: feedback_text(batch, who) for who in ("good-keyed", "good-partly")}
    unanswered = feedback_text(batch, "responses-missing")  # the options alone, nothing chosen
    for item in FLIPPED:
        expected = key[item] if isinstance(key[item], str) else key[item][0]
        shown_as_option = unanswered.count(expected)
        assert plain["good-partly"].count(expected) == shown_as_option  # not revealed
        assert plain["good-keyed"].count(expected) == shown_as_option + 1  # the answer given
        assert "the answer given is not the one the course expects" in plain["good-partly"]
    assert "Answer-key placeholder" in plain["good-keyed"]  # reflections are shown


@pytest.mark.slow
@pytest.mark.xdist_group("reliability-batch")
def test_no_feedback_page_holds_a_hidden_test(batch):
    lines = hidden_lines()
    for learner in batch["learners"]:
        page = batch["course"] / "feedback" / learner / MODULE / f"{MODULE}.html"
        raw = page.read_text(encoding="utf-8")
        text = feedback_text(batch, learner)
        assert not KEYED_CALL.search(text) and "HIDDEN TESTS" not in text, learner
        assert not [ln for ln in lines if " ".join(ln.split()) in text or ln in raw], learner
    # the instructor's autograded copy keeps the hidden tests (nbgrader #917): graders see them
    graded = batch["course"] / "autograded" / "good-keyed" / MODULE / f"{MODULE}.ipynb"
    assert "check_choice(" in graded.read_text(encoding="utf-8")
