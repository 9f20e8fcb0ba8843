"""`allyship kit 01` with its PDFs: the printing checklist's page counts are the PDFs' real
page counts (pdfinfo), the short handout saves paper, no printed page carries on-screen
wording (pdftotext), and the projector view, in Chromium at 1366x768, moves by keys one screen
per plan step, fits each screen, fetches nothing and prints one page per screen. A printed page
and the projector's screens are saved as pictures for a person to look at."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from allyship.instructor.facilitation import PLANS, module_guide, plan_steps
from allyship.instructor.printing import print_pdf

from ..analytics.kit_course import SCREEN_WORDS, kit_course
from ..helpers import BIN, MODULES, run
from .conftest import ARTIFACTS

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("kit-print")]
MODULE = MODULES[0]
ROW = re.compile(r"^\| `([^`]+)` \| ([^|]+) \| ([^|]+) \| (\d+) \| (\d+) \| (\d+) \|$", re.M)
COPIES = {"each person": 20, "each pair": 10, "the room": 1, "each facilitator": 2}


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    root = tmp_path_factory.mktemp("kit-print")
    course = kit_course(root / "course", [MODULE])
    out = ARTIFACTS / "kit"
    shutil.rmtree(out, ignore_errors=True)
    made = run(
        [str(BIN / "allyship"), "--course", str(course), "kit", "01", "--out", str(out)],
        cwd=root,
    )
    return course, out, made.stdout


def pdfinfo_pages(pdf) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    return int(re.search(r"^Pages:\s+(\d+)", info.stdout, re.M).group(1))


def pdf_text(pdf) -> str:
    done = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True)
    return " ".join(done.stdout.split())


def test_the_checklist_counts_the_real_pages_of_every_pdf(printed):
    _course, out, stdout = printed
    checklist = (out / "printing-checklist.md").read_text(encoding="utf-8")
    rows = ROW.findall(checklist)
    assert len(rows) == 7  # the agreements, and module 01's six printed pieces
    assert {r[0] for r in rows} == {p.relative_to(out).as_posix() for p in out.rglob("*.pdf")}, (
        "every PDF the kit made is on the checklist, and nothing else"
    )
    for name, _piece, who, pages, copies, total in rows:
        assert pdfinfo_pages(out / name) == int(pages), name
        assert int(copies) == COPIES[who.strip()] and int(total) == int(pages) * int(copies)
    mine = [r for r in rows if r[0].startswith(MODULE)]
    short = sum(int(r[5]) for r in mine if r[1].strip() != "full handout")
    full = sum(int(r[5]) for r in mine if r[1].strip() != "short handout")
    assert f"With the short handout: **{short} pages**" in checklist
    assert f"With the full handout: **{full} pages**" in checklist
    assert checklist.strip() in stdout


def test_the_short_handout_saves_paper(printed):
    _course, out, _ = printed
    short, full = (pdfinfo_pages(out / MODULE / f"{n}.pdf") for n in ("handout-short", "handout"))
    assert short * 2 <= full, (short, full)
    assert pdfinfo_pages(out / MODULE / "sign-in.pdf") == 1  # 25 rows on one page
    assert pdfinfo_pages(out / MODULE / "statements.pdf") == 1  # one sheet per pair
    assert pdfinfo_pages(out / MODULE / "evaluation.pdf") <= 2  # one sheet, double-sided


def test_no_printed_page_carries_on_screen_wording(printed):
    _course, out, _ = printed
    for pdf in sorted(out.rglob("*.pdf")):
        if "facilitator-sheet" in pdf.name:
            continue  # for the facilitator, who may use the notebooks too
        text = pdf_text(pdf)
        assert not SCREEN_WORDS.findall(text), (pdf.name, SCREEN_WORDS.findall(text))
    assert "How to use this handout" in pdf_text(out / MODULE / "handout.pdf")


def test_a_printed_page_looks_like_a_page(printed):
    """Page 1 of the short handout, as a picture: saved for a person to look at, not blank."""
    from PIL import Image

    _course, out, _ = printed
    prefix = ARTIFACTS / "kit-short-handout-page"
    for old in ARTIFACTS.glob(f"{prefix.name}*.png"):
        old.unlink()
    pdf = out / MODULE / "handout-short.pdf"
    subprocess.run(["pdftoppm", "-r", "80", "-f", "1", "-l", "1", "-png", str(pdf), str(prefix)])
    gray = Image.open(next(ARTIFACTS.glob(f"{prefix.name}*.png"))).convert("L")
    width, height = gray.size
    assert height > width > 400
    assert 0.01 < sum(gray.histogram()[:128]) / (width * height) < 0.5


@pytest.mark.parametrize("minutes", sorted(PLANS))
def test_the_projector_moves_by_keys_fits_each_screen_and_fetches_nothing(
    printed, browser, minutes
):
    course, out, _ = printed
    steps = plan_steps(module_guide(MODULE[:2], course), minutes)
    tab = browser.new_page()
    tab.set_viewport_size({"width": 1366, "height": 768})
    fetched: list[str] = []
    tab.on("request", lambda r: fetched.append(r.url))
    try:
        tab.goto((out / MODULE / f"projector-{minutes}min.html").as_uri())
        for n, step in enumerate(steps, 1):
            shown = tab.locator("section.screen.current")
            assert shown.count() == 1 and shown.get_attribute("id") == f"step-{n}"
            assert shown.get_attribute("data-kind") == step.kind and shown.is_visible()
            assert tab.locator("section.screen:visible").count() == 1
            fits = shown.evaluate("s => s.scrollHeight <= s.clientHeight + 1")
            size = shown.evaluate("s => parseFloat(getComputedStyle(s).fontSize)")
            assert fits and size >= 20, (n, size)  # large type, all of it on the screen
            tab.screenshot(path=str(ARTIFACTS / f"kit-projector-{minutes}min-step{n}.png"))
            tab.keyboard.press("ArrowRight" if n % 2 else "Space")
        assert tab.locator("section.screen.current").get_attribute("id") == f"step-{len(steps)}"
        tab.keyboard.press("Home")
        assert tab.locator("section.screen.current").get_attribute("id") == "step-1"
        tab.keyboard.press("End")
        tab.keyboard.press("ArrowLeft")
        assert tab.locator("section.screen.current").get_attribute("id") == f"step-{len(steps) - 1}"
    finally:
        tab.close()
    assert fetched and all(url.startswith("file://") for url in fetched), fetched


def test_the_projector_prints_one_page_per_screen(printed, tmp_path):
    course, out, _ = printed
    for minutes in PLANS:
        pdf = tmp_path / f"projector-{minutes}.pdf"
        print_pdf(out / MODULE / f"projector-{minutes}min.html", pdf)
        steps = plan_steps(module_guide(MODULE[:2], course), minutes)
        assert pdfinfo_pages(pdf) == len(steps)
