"""`allyship kit`: every piece of a session kit is written, for every module, and holds what it
must, read from the notebooks as they are (an explanation and an agreement are edited in the
course copy first, and must show up): the facilitator sheet with every practice question and
every option's explanation, the projector view with one screen per plan step and nothing to
fetch, handouts worded for paper, a sign-in sheet with no field but a name, an evaluation form
that asks nothing identifying. (The PDFs and their page counts: tests/browser/test_kit.py.)"""

from __future__ import annotations

import re
from html import escape, unescape

import pytest

from allyship.instructor.facilitation import PLANS, module_guide, plan_steps
from allyship.instructor.paper import text_to_paper
from allyship.kit.strings import t

from ..browser.notebook import item_specs
from ..helpers import BIN, MODULES, REPO, run
from .kit_course import AGREEMENT, EDITED, SCREEN_WORDS, START_HERE, kit_course

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("kit")]
#: what an anonymous form must never ask about
IDENTIFYING = re.compile(
    r"\b(name|e-?mail|phone|role|profession|job|department|unit|workplace|organi[sz]ation|"
    r"employer|age|gender|sex|identity|indigenous|ethnicity|race|signature|birth|student|id)\b",
    re.I,
)
PIECES = ("facilitator-sheet", "projector-60min", "projector-90min", "handout", "handout-short")
PIECES += ("sign-in", "evaluation")


@pytest.fixture(scope="module")
def kit(tmp_path_factory):
    root = tmp_path_factory.mktemp("kit")
    course = kit_course(root / "course")
    out = root / "kit"
    made = run(
        [str(BIN / "allyship"), "--course", str(course), "kit", "--out", str(out), "--html-only"],
        cwd=root,
    )
    return course, out, made.stdout


def visible(page: str) -> str:
    """The text a reader sees: tags, styles and scripts out, entities decoded."""
    page = re.sub(r"<(style|script)[^>]*>.*?</\1>", " ", page, flags=re.S)
    page = re.sub(r"</?(?:em|strong|i|b|a|span|code)\b[^>]*>", "", page)  # inline: no gap
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", page)).split())


def read(out, module, piece) -> str:
    return (out / module / f"{piece}.html").read_text(encoding="utf-8")


def specs_of(course, module, folder="source"):
    return item_specs(course / folder / module / f"{module}.ipynb")


def test_one_command_writes_every_piece(kit):
    _course, out, stdout = kit
    for name in ("agreements", "facilitator_guide", "printing-checklist", "index"):
        assert (out / f"{name}.html").stat().st_size > 1000, name
    for module in MODULES:
        for piece in PIECES:
            assert (out / module / f"{piece}.html").stat().st_size > 1000, (module, piece)
        has_rewrite = any(s["kind"] == "Rewrite" for s in specs_of(REPO, module).values())
        assert (out / module / "statements.html").exists() == has_rewrite
    assert "no pages are counted" in (out / "printing-checklist.md").read_text(encoding="utf-8")
    assert f"into {out}/" in stdout


def test_allyship_help_lists_the_kit_for_facilitators():
    text = run([str(BIN / "allyship"), "--help"], cwd=REPO).stdout
    facilitators = text.split("For workshop facilitators:")[1].split("\n\n")[0]
    assert re.search(r"^\s+kit\s", facilitators, re.M)


@pytest.mark.parametrize("module", MODULES)
def test_the_facilitator_sheet_reads_out_every_practice_question(kit, module):
    course, out, _ = kit
    sheet = read(out, module, "facilitator-sheet")
    specs = specs_of(course, module)
    practice = [s for s in specs.values() if s["kind"] == "Practice"]
    assert practice
    for spec in practice:
        _id, prompt, options = spec["args"][:3]
        assert escape(text_to_paper(prompt)) in sheet
        for text, _correct, why in options:
            assert escape(text) in sheet and escape(why) in sheet, why
    fitting = sum(1 for s in practice for o in s["args"][2] if o[1])
    assert sheet.count("\u2713 ") == fitting  # each fitting option marked, and only those
    for spec in specs.values():
        if spec["kind"] == "Choice":  # graded questions never reach the facilitator's sheet
            assert escape(spec["args"][1]) not in sheet
        if spec["kind"] == "Reflection":  # reflections and the commitment, with alternatives
            assert escape(text_to_paper(spec["args"][1])) in sheet
    guide = module_guide(module[:2], course)
    assert all(re.sub(r"[*_`]", "", g) in visible(sheet) for g in guide.goals)  # as Markdown
    assert "co-facilitated with an Indigenous facilitator, who is paid" in visible(sheet)
    assert "Wise Practices" in sheet and "1-855-242-3310" in sheet


def test_the_kit_prints_what_the_notebooks_hold_now(kit):
    _course, out, _ = kit
    assert EDITED in read(out, MODULES[0], "facilitator-sheet")
    agreement = AGREEMENT.split("**")[1]  # "Name the pause."
    for page in (out / "agreements.html", out / MODULES[3] / "facilitator-sheet.html"):
        assert agreement in page.read_text(encoding="utf-8")
    assert agreement in read(out, MODULES[3], "projector-90min").split("</section>")[0]


@pytest.mark.parametrize("module", MODULES)
def test_the_projector_has_one_screen_per_plan_step_and_fetches_nothing(kit, module):
    course, out, _ = kit
    guide = module_guide(module[:2], course)
    for minutes in PLANS:
        page = read(out, module, f"projector-{minutes}min")
        steps = plan_steps(guide, minutes)
        kinds = re.findall(r'<section class="screen" id="step-\d+" data-kind="(\w+)"', page)
        assert kinds == [s.kind for s in steps] and page.count("<section") == len(steps)
        for n, step in enumerate(steps, 1):
            assert f"Step {n} of {len(steps)} \u00b7 {step.span} min" in page
            assert escape(step.what) in page
        assert not re.search(r"(src|href)\s*=|url\(|@import|<link|<img|<iframe", page)
        assert not re.search(r"https?://", page)
        assert guide.title in page and all(escape(p) in page for p in guide.prompts[:2])


@pytest.mark.parametrize("module", MODULES)
def test_handouts_are_worded_for_paper(kit, module):
    course, out, _ = kit
    full, short = read(out, module, "handout"), read(out, module, "handout-short")
    for page in (full, short):
        found = SCREEN_WORDS.findall(visible(page))
        assert not found, found
        assert "How to use this handout" in page and "How to use this notebook" not in page
    specs = specs_of(course, module, "release")
    for spec in specs.values():
        if spec["kind"] == "Practice":  # in both, options only (no explanations)
            for option, _ok, why in spec["args"][2]:
                assert escape(option) in short and escape(why) not in short
        if spec["kind"] == "Choice":  # graded questions: on the full handout only
            assert escape(spec["args"][2][0]) in full and escape(spec["args"][2][0]) not in short
    assert escape(t("consent.title")) not in full  # the online course's sharing box
    assert len(visible(short)) < len(visible(full)) / 2


def test_the_sign_in_sheet_asks_only_for_a_name(kit):
    _course, out, _ = kit
    for module in MODULES:
        page = read(out, module, "sign-in")
        headings = [visible(h) for h in re.findall(r"<th[^>]*>(.*?)</th>", page)]
        assert headings == ["", "Name (optional)"]
        assert page.count("<tr>") == 1 + 20 + 5  # the heading row, 20 people and 5 spare
        assert "<input" not in page and "optional" in visible(page)


def test_the_evaluation_form_asks_nothing_identifying(kit):
    course, out, _ = kit
    for module in MODULES:
        page = read(out, module, "evaluation")
        goals = [re.sub(r"[*_`]", "", g) for g in module_guide(module[:2], course).goals]
        asked = [visible(q) for q in re.findall(r'class="question">(.*?)</(?:td|div)>', page)]
        assert len(asked) == len(goals) + 4 + 4  # each goal, four statements, four questions
        assert [a for a in asked if a in goals] == goals  # the goals, read from the module
        own = [a for a in asked if a not in goals]
        assert not [a for a in own if IDENTIFYING.search(a)], own
        assert "do not write your name" in visible(page) and "<input" not in page


def test_the_statements_to_rewrite_are_the_modules_own_examples(kit):
    course, out, _ = kit
    page = read(out, MODULES[0], "statements")
    rewrites = [s for s in specs_of(course, MODULES[0]).values() if s["kind"] == "Rewrite"]
    assert rewrites and all(escape(r["args"][2]) in page for r in rewrites)
    assert "example written for this course" in visible(page)
    assert 6 <= page.count("<li>\u201c") <= 12
    assert not SCREEN_WORDS.findall(visible(page))
    assert (course / START_HERE).is_file()
