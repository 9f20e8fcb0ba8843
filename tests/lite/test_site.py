"""The browser edition end to end: build the site once, serve it on loopback, take module 01 in
Chromium with every request outside 127.0.0.1 aborted, hand the file in, and grade it with
nbgrader beside Canvas's and Moodle's archives, then export the grades for both LMSs.

The tests run in order and share one site (one module-scoped build, one server); each leaves
what the next needs in ``handed_in``.
"""

from __future__ import annotations

import csv
import io
import json
import time
import zipfile

import pytest

from allyship.kit.strings import item_label, t
from allyship.kit.widgets.handin import LITE_KEY, read_submission
from allyship.lite.lms import CANVAS_COLUMNS, MOODLE_COLUMNS

from ..browser.notebook import item, item_ids, item_specs
from ..helpers import BIN, REPO, key, make_course, nbgrader, run
from .handins import archive, canvas_name, hand_in, moodle_path, released_course
from .site import Guard, Server, chromium, run_all, shot, stored, wait_kernel

pytestmark = [pytest.mark.slow, pytest.mark.browser, pytest.mark.xdist_group("lite")]
MODULE = "01_what_is_allyship"
PATH = f"{MODULE}/{MODULE}.ipynb"
RELEASE = REPO / "release" / MODULE / f"{MODULE}.ipynb"
REFLECTIONS = {
    "r1": "A manager called us allies at a meeting; the families never heard back from her.",
    "r2": "Our clinic's statement named no action, so it would be hard to recognise over time.",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    from allyship.lite.build import build_site, default_cache

    return build_site(REPO, tmp_path_factory.mktemp("lite") / "site", default_cache(REPO))


@pytest.fixture(scope="module")
def server(site, tmp_path_factory):
    served = Server(site.out, tmp_path_factory.mktemp("server") / "http.log")
    yield served
    served.stop()


@pytest.fixture(scope="module")
def handed_in() -> dict:
    return {}


@pytest.fixture(scope="module")
def specs() -> dict:
    found = item_specs(RELEASE)
    for item_id, spec in found.items():
        spec["label"] = item_label(item_id)
        raw = spec["args"][2] if len(spec["args"]) > 2 else []
        spec["options"] = [o[0] if isinstance(o, list) else o for o in raw]
    return found


def test_the_site_holds_the_course_and_points_nowhere_else(site):
    assert site.size <= 60_000_000, f"{site.size / 1e6:.1f} MB"
    files = site.out / "files"
    released = sorted(p.name for p in (REPO / "release").glob("[0-9][0-9]_*"))
    assert site.modules == released
    for name in ["00_start_here.ipynb", "my_journal.ipynb", *(f"{m}/{m}.ipynb" for m in released)]:
        assert (files / name).is_file(), name
    pyodide = site.out / "static" / "pyodide"
    lock = json.loads((pyodide / "pyodide-lock.json").read_text())
    assert "allyship" in lock["packages"] and "ipywidgets" in lock["packages"]
    for entry in lock["packages"].values():  # every wheel the lock names is on the site
        assert (pyodide / entry["file_name"]).is_file(), entry["file_name"]
        assert "://" not in entry["file_name"]
    with zipfile.ZipFile(pyodide / lock["packages"]["allyship"]["file_name"]) as kit:
        names = kit.namelist()
    assert "allyship/kit/widgets/handin.js" in names
    assert not [n for n in names if n.startswith(("allyship/grading", "allyship/instructor"))]
    config = json.loads((site.out / "jupyter-lite.json").read_text())["jupyter-config-data"]
    kernel = config["litePluginSettings"]["@jupyterlite/pyodide-kernel-extension:kernel"]
    assert kernel["pyodideUrl"] == "./static/pyodide/pyodide.mjs"
    assert kernel["disablePyPIFallback"] is True


def _answer(page, specs: dict, answers: dict) -> None:
    for item_id, value in answers.items():
        widget = item(page, specs[item_id]["label"])
        widget.scroll_into_view_if_needed()
        if item_id.startswith("r"):
            widget.locator("textarea").fill(value)
            words = len(value.split())
            widget.get_by_text(t("status.saved_words", words=words)).wait_for()
        elif isinstance(value, list):
            for option in value:
                widget.get_by_label(option, exact=True).check()
        else:
            widget.get_by_label(value, exact=True).click()
            widget.locator(".allyship-status").get_by_text(t("status.saved")).wait_for()


def _expect_shown(page, specs: dict, answers: dict) -> None:
    for item_id, value in answers.items():
        widget = item(page, specs[item_id]["label"])
        if item_id.startswith("r"):
            assert widget.locator("textarea").input_value() == value, item_id
            continue
        chosen = value if isinstance(value, list) else [value]
        for option in specs[item_id]["options"]:
            assert widget.get_by_label(option, exact=True).is_checked() == (option in chosen)


def _poll_stored(page, answers: dict, timeout: float = 20) -> dict:
    deadline, found = time.monotonic() + timeout, None
    while time.monotonic() < deadline:
        found = stored(page, f"{MODULE}/responses.json") or {}
        if all(found.get(k) == v for k, v in answers.items()):
            return found
        page.wait_for_timeout(300)
    raise AssertionError(f"the browser's storage never held {answers}; last: {found}")


def _download(page, tmp_path, learner: str | None):
    control = page.locator(".allyship-handin")
    control.scroll_into_view_if_needed()
    if learner is not None:
        control.get_by_label(t("handin.name")).fill(learner)
        control.get_by_label(t("handin.name")).press("Tab")
    with page.expect_download() as info:
        control.get_by_role("button", name=t("handin.download")).click()
    download = info.value
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    control.get_by_text("Downloaded " + download.suggested_filename).wait_for()
    return path


def test_a_learner_takes_module_01_offline(site, server, specs, handed_in, tmp_path):
    answers = {**key(MODULE), **REFLECTIONS}
    count = len(item_ids(RELEASE))
    guard, profile = Guard(), tmp_path / "profile"
    with chromium(profile, guard) as browser:
        page = browser.new_page()
        page.goto(server.url)  # the site's root opens the start-here notebook
        intro = page.locator(".jp-RenderedMarkdown").get_by_text("You are using the course in")
        intro.wait_for(timeout=90_000)
        shot(page, "1-start-here")
        listing = page.locator(".jp-DirListing-content")
        listing.get_by_text(MODULE, exact=True).dblclick()
        listing.get_by_text(f"{MODULE}.ipynb", exact=True).dblclick()
        page.get_by_text(t("lite.starting")).wait_for()  # a plain sentence while Python starts
        wait_kernel(page, PATH)
        run_all(page, PATH, count)
        page.get_by_text(t("lite.keeps_files")).wait_for()

        practice = item(page, "Practice question 1")  # feedback at once, in words
        (right, _, why_right), (wrong, _, why_wrong) = sorted(
            specs["p1"]["args"][2], key=lambda o: not o[1]
        )[:2]
        practice.scroll_into_view_if_needed()
        practice.get_by_label(wrong, exact=True).click()
        practice.locator(".allyship-feedback").get_by_text(t("feedback.incorrect")).wait_for()
        assert why_wrong in practice.locator(".allyship-feedback").inner_text()
        practice.get_by_label(right, exact=True).click()
        practice.locator(".allyship-feedback").get_by_text(t("feedback.correct")).wait_for()
        assert why_right in practice.locator(".allyship-feedback").inner_text()
        answers["p1"] = right

        _answer(page, specs, {k: v for k, v in answers.items() if k != "p1"})
        shot(page, "2-answered")
        saved = _poll_stored(page, answers)  # beside the notebook, in the browser's storage
        assert saved == answers

        page.reload()
        wait_kernel(page, PATH)
        run_all(page, PATH, count)
        _expect_shown(page, specs, answers)
        practice.get_by_text(t("feedback.correct")).wait_for()

    with chromium(profile, guard) as browser:  # the browser closed, and opened again
        page = browser.new_page()
        page.goto(server.url + "lab/index.html?path=" + PATH)
        wait_kernel(page, PATH)
        run_all(page, PATH, count)
        _expect_shown(page, specs, answers)
        assert _poll_stored(page, answers) == answers
        path = _download(page, tmp_path, "Jane Doe")
        shot(page, "3-downloaded")

        # the journal gathers the reflections from the module folders kept in this browser
        page.goto(server.url + "lab/index.html?path=my_journal.ipynb")
        wait_kernel(page, "my_journal.ipynb")
        page.locator(".lm-MenuBar-itemLabel:text-is('Run')").click()
        page.locator(".lm-Menu-itemLabel:text-is('Run All Cells')").click()
        rendered = page.locator(".jp-OutputArea .jp-RenderedMarkdown")
        rendered.get_by_text(REFLECTIONS["r1"]).wait_for(timeout=60_000)
        page.get_by_text("Saved your journal as my_allyship_journal.html").wait_for()
        listing = page.evaluate(
            "async () => (await window.jupyterapp.serviceManager.contents.get('')).content"
            ".map(f => f.name)"
        )
        assert "my_allyship_journal.html" in listing
        shot(page, "4-journal")
    assert path.name == f"allyship_{MODULE}_jane-doe.zip"
    data = path.read_bytes()
    assert read_submission(data, MODULE) == answers
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        nb = json.loads(z.read(f"{MODULE}.ipynb"))
    assert not [c for c in nb["cells"] if LITE_KEY in c["metadata"]]
    assert nb["metadata"]["kernelspec"]["name"] == "python3"  # as released
    assert guard.outside == [], guard.outside[:5]
    assert guard.requests > 100  # the guard saw the site's traffic
    handed_in.update(file=path, answers=answers)


def test_a_window_that_keeps_no_files_still_hands_in(server, specs, handed_in, tmp_path):
    assert handed_in, "runs after test_a_learner_takes_module_01_offline"
    answers, count = handed_in["answers"], len(item_ids(RELEASE))
    guard = Guard()
    with chromium(tmp_path / "private", guard, service_workers=False) as browser:
        page = browser.new_page()
        page.goto(server.url + "lab/index.html?path=" + PATH)
        wait_kernel(page, PATH)
        run_all(page, PATH, count)
        note = page.locator(".jp-RenderedMarkdown").get_by_text(t("lite.no_files"))
        note.wait_for()  # said at the top of the module
        control = page.locator(".allyship-handin")
        control.scroll_into_view_if_needed()
        control.get_by_text(t("lite.no_files")).wait_for()  # and again by the download
        control.locator("input[type=file]").set_input_files(str(handed_in["file"]))
        control.get_by_text(f"Loaded {len(answers)} answers from").wait_for()
        run_all(page, PATH, count)
        _expect_shown(page, specs, answers)
        shot(page, "5-loaded-in-a-private-window")
        again = _download(page, tmp_path, "Jane Doe")
    assert read_submission(again.read_bytes(), MODULE) == answers
    assert guard.outside == [], guard.outside[:5]


def _auto(course, learner: str) -> tuple[float, float]:
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        nb = gb.find_submission_notebook(MODULE, MODULE, learner)
        auto = [g for g in nb.grades if g.cell.cell_type == "code"]
        return sum(g.auto_score or 0 for g in auto), sum(g.max_score for g in auto)


def _csv(path) -> list[list[str]]:
    return list(csv.reader(path.read_text(encoding="utf-8").splitlines()))


def test_hand_ins_are_imported_graded_and_exported(site, specs, handed_in, tmp_path):
    assert handed_in, "runs after test_a_learner_takes_module_01_offline"
    course = make_course(tmp_path / "course", [MODULE])
    inbox = released_course(course, MODULE)
    (inbox / handed_in["file"].name).write_bytes(handed_in["file"].read_bytes())
    wrong = next(o for o in specs["q2"]["options"] if o != key(MODULE)["q2"])
    sam = {**key(MODULE), **REFLECTIONS, "q2": wrong}  # one question wrong: 2 points less
    ana = {k: v for k, v in {**key(MODULE), **REFLECTIONS}.items() if k != "q3"}  # one skipped
    lite_copy = site.out / "files" / PATH  # the file a learner's browser makes from
    canvas = {canvas_name(MODULE, "sam", "smithsam", 4242): hand_in(MODULE, sam, lite_copy)}
    moodle = {moodle_path(MODULE, "ana", "Ana Lopez", 512): hand_in(MODULE, ana, lite_copy)}
    (inbox / "submissions.zip").write_bytes(archive(canvas))
    (inbox / "allyship-01-moodle.zip").write_bytes(archive(moodle))

    nbgrader(course, "zip_collect", MODULE)
    learners = sorted(p.name for p in (course / "submitted").iterdir())
    assert learners == ["canvas-4242", "jane-doe", "moodle-512"]
    nbgrader(course, "autograde", MODULE)

    got, full = _auto(course, "jane-doe")
    assert got == full > 0  # the key, clicked in the browser: full automatic marks
    assert _auto(course, "canvas-4242") == (full - 2, full)
    assert _auto(course, "moodle-512") == (full - 2, full)
    graded = (course / "autograded" / "jane-doe" / MODULE / f"{MODULE}.ipynb").read_text()
    assert REFLECTIONS["r1"] in graded and REFLECTIONS["r2"] in graded

    allyship = [str(BIN / "allyship"), "--course", str(course), "export-lms"]
    out = run([*allyship, "--to", "canvas", "--out", str(tmp_path / "c.csv")], cwd=course)
    rows = _csv(tmp_path / "c.csv")
    assert rows[0] == [*CANVAS_COLUMNS, MODULE]
    assert rows[1][0] == "Points Possible" and float(rows[1][5]) > full
    by_id = {r[1] or r[3]: r for r in rows[2:]}
    assert sorted(by_id) == ["4242", "jane-doe"]  # Canvas's user number; the typed id
    assert by_id["4242"][5] == "" and "Reflections still to grade" in out.stdout
    assert "moodle-512 did not hand in through Canvas" in out.stdout
    run([*allyship, "--to", "canvas", "--out", str(tmp_path / "c2.csv"), "--include-ungraded"],
        cwd=course)  # fmt: skip
    by_id = {r[1] or r[3]: r for r in _csv(tmp_path / "c2.csv")[2:]}
    assert float(by_id["4242"][5]) == full - 2 and float(by_id["jane-doe"][5]) == full
    assert by_id["4242"][3] == "" and by_id["jane-doe"][1] == ""

    moodle_csv = tmp_path / "m.csv"
    args = ["--to", "moodle", "--module", "01", "--include-ungraded", "--out", str(moodle_csv)]
    out = run([*allyship, *args], cwd=course)
    rows = _csv(moodle_csv)
    assert rows[0] == MOODLE_COLUMNS
    assert [r[:3] for r in rows[1:]] == [["Participant 512", "Ana Lopez", f"{full - 2:g}"]]
    assert "jane-doe did not hand in through Moodle" in out.stdout
