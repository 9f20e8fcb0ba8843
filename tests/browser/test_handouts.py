"""Printable handouts: `allyship handouts` makes, for every module, an HTML page and a PDF with
each question's options as empty boxes and ruled space under each reflection; no code, no
practice explanations, nothing from hidden tests; worded for paper (no "Run all", no
"Assignment List", no buttons to press) and without the online course's sharing box."""

from __future__ import annotations

import shutil
import subprocess
from html import escape

import pytest

from allyship.kit.strings import item_label

from ..analytics.kit_course import SCREEN_WORDS
from ..helpers import BIN, MODULES, make_course, nbgrader, run
from .conftest import ARTIFACTS
from .notebook import item_specs

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("handouts")]
CODE_TRACES = (
    "check_answered",
    "check_written",
    "check_choice",
    "HIDDEN TESTS",
    "Choice(",
    "Reflection(",
    "open_responses",
    "from allyship",
)


@pytest.fixture(scope="module")
def handouts(tmp_path_factory):
    """Every module generated into release/ (as `make release` does), then printed."""
    root = tmp_path_factory.mktemp("handouts")
    course = make_course(root / "course")
    nbgrader(course, "generate_assignment", "*")
    out = ARTIFACTS / "handouts"
    shutil.rmtree(out, ignore_errors=True)
    made = run(
        [str(BIN / "allyship"), "--course", str(course), "handouts", "--out", str(out)], cwd=root
    )
    return course, out, made.stdout.split()


def pdf_text(pdf) -> str:
    return subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


@pytest.mark.parametrize("module", MODULES)
def test_every_module_has_a_clean_html_and_pdf_handout(handouts, module):
    course, out, made = handouts
    page, pdf = out / f"{module}.html", out / f"{module}.pdf"
    assert str(page) in made and str(pdf) in made
    html = page.read_text(encoding="utf-8")
    assert len(html) > 10_000 and pdf.stat().st_size > 20_000
    assert pdf.read_bytes().startswith(b"%PDF")
    for trace in CODE_TRACES:
        assert trace not in html, trace

    specs = item_specs(course / "release" / module / f"{module}.ipynb")
    text = " ".join(pdf_text(pdf).split())
    on_paper = [i for i in specs if i != "share"]  # the sharing box is for the online course
    assert html.count('<section class="item">') == len(on_paper)  # one per widget
    for item_id, spec in specs.items():
        if spec["kind"] in ("Choice", "Practice", "Reflection", "Rewrite"):
            assert f"<strong>{item_label(item_id)}.</strong>" in html
        if spec["kind"] == "Practice":  # the options, never the explanations
            for option, _correct, why in spec["args"][2]:
                assert escape(option) in html and escape(why) not in html
        elif spec["kind"] == "Choice":
            assert all(escape(o) in html for o in spec["args"][2])
    assert html.count('<div class="lines">') >= sum(1 for i in specs if i[0] in "rce"), (
        "every reflection, commitment and exercise has ruled space"
    )
    first_reflection = next(s for i, s in specs.items() if i.startswith("r"))
    assert " ".join(first_reflection["args"][1].split()[:8]) in text
    assert not SCREEN_WORDS.findall(text), SCREEN_WORDS.findall(text)
    assert "How to use this handout" in text


def test_a_handout_page_looks_like_a_page(handouts):
    """Page 3 of module 01's PDF, as a picture: saved for a person to look at, and not blank."""
    from PIL import Image

    _course, out, _made = handouts
    pdf = out / f"{MODULES[0]}.pdf"
    prefix = ARTIFACTS / f"handout-{MODULES[0]}-page"
    subprocess.run(
        ["pdftoppm", "-r", "60", "-f", "3", "-l", "3", "-png", str(pdf), str(prefix)], check=True
    )
    picture = next(ARTIFACTS.glob(f"{prefix.name}*.png"))
    gray = Image.open(picture).convert("L")
    width, height = gray.size
    assert height > width > 300  # portrait, a real page
    inked = sum(gray.histogram()[:128]) / (width * height)
    assert 0.01 < inked < 0.5  # printed text, neither a blank page nor a black one
