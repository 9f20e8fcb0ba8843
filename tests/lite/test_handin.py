"""The hand-in file and its controls' Python side, with ipywidgets' fake comm (no kernel, no
browser): the file's name and contents, what loading says about a wrong file, and the site's
module copies handing nbgrader the module exactly as released."""

from __future__ import annotations

import base64
import io
import json
import zipfile

import pytest

from allyship.errors import HandInFileError
from allyship.kit.strings import t
from allyship.kit.widgets.handin import (
    LITE_KEY,
    NAME,
    HandIn,
    build_submission,
    learner_slug,
    read_submission,
    release_shaped,
    submission_name,
)
from allyship.lite.contents import lite_module, lite_start_here

from ..helpers import REPO

MODULE = "01_what_is_allyship"
RELEASE = REPO / "release" / MODULE / f"{MODULE}.ipynb"


def released() -> dict:
    return json.loads(RELEASE.read_text(encoding="utf-8"))


def test_names_say_whose_and_which_module():
    assert learner_slug("  Marie-Ève  Tremblay ") == "marie-eve-tremblay"
    assert learner_slug("jdoe42") == "jdoe42" and learner_slug("¿?") == ""
    name = submission_name(MODULE, "Marie-Ève Tremblay")
    assert name == "allyship_01_what_is_allyship_marie-eve-tremblay.zip"
    match = NAME.match(name)
    assert (match["module"], match["learner"]) == (MODULE, "marie-eve-tremblay")
    second = NAME.match("allyship_01_what_is_allyship_jdoe (1).zip")  # a browser's 2nd download
    assert second and second["learner"] == "jdoe"
    assert NAME.match("homework.zip") is None


def test_the_site_copy_adds_cells_that_the_hand_in_takes_out():
    nb = released()
    lite = lite_module(nb, MODULE)
    added = [c for c in lite["cells"] if LITE_KEY in c["metadata"]]
    assert [c["id"] for c in added] == ["allyship-lite-storage", "allyship-lite-handin"]
    assert lite["metadata"]["kernelspec"]["name"] == "python"  # the in-browser kernel
    setup = next(c for c in lite["cells"] if c.get("metadata", {}).get("nbgrader", {}).get(
        "grade_id") == "setup")  # fmt: skip
    assert t("lite.starting") in json.dumps(setup["outputs"], ensure_ascii=False)
    back = json.loads(release_shaped(json.dumps(lite)))
    assert [c["id"] for c in back["cells"]] == [c["id"] for c in nb["cells"]]
    assert back["metadata"]["kernelspec"] == nb["metadata"]["kernelspec"]
    assert LITE_KEY not in back["metadata"]
    start = lite_start_here({"cells": [{"cell_type": "markdown", "source": "# Start"}]})
    assert LITE_KEY in start["cells"][1]["metadata"]


def test_a_hand_in_file_holds_the_module_and_its_answers_only():
    answers = {"q1": "An option", "r1": "Text with é", "q4": ["a", "b"]}
    data = build_submission(MODULE, json.dumps(lite_module(released(), MODULE)), answers)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert sorted(z.namelist()) == [f"{MODULE}.ipynb", "responses.json"]
        nb = json.loads(z.read(f"{MODULE}.ipynb"))
        assert not [c for c in nb["cells"] if LITE_KEY in c["metadata"]]
        assert json.loads(z.read("responses.json")) == answers
    assert read_submission(data, MODULE) == answers


def _zip(files: dict[str, str]) -> bytes:
    """A zip of ``files``, the same bytes every time (a fixed date on each entry): built while
    the tests are collected, it must not differ between two xdist workers."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, text in files.items():
            z.writestr(zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0)), text)
    return out.getvalue()


@pytest.mark.parametrize(
    ("data", "key"),
    [
        pytest.param(b"not a zip at all", "handin.not_a_file", id="not-a-zip"),
        pytest.param(
            _zip({"02_power_listening_direction.ipynb": "{}", "responses.json": '{"q1": "x"}'}),
            "handin.wrong_module",
            id="another-module",
        ),
        pytest.param(
            _zip({f"{MODULE}.ipynb": "{}", "responses.json": "{}"}),
            "handin.no_answers",
            id="empty-answers",
        ),
        pytest.param(_zip({f"{MODULE}.ipynb": "{}"}), "handin.no_answers", id="no-answers-file"),
    ],
)
def test_loading_a_wrong_file_says_why_in_plain_words(data, key):
    with pytest.raises(HandInFileError) as err:
        read_submission(data, MODULE, file="my.zip")
    first = t(key, file="my.zip", other="02_power_listening_direction", example="x")
    assert str(err.value).split(" ")[:3] == first.split(" ")[:3]
    assert "Error" not in str(err.value) and "Traceback" not in str(err.value)


def _control(tmp_path, store):
    folder = tmp_path / "course" / MODULE
    folder.mkdir(parents=True)
    (folder / f"{MODULE}.ipynb").write_text(json.dumps(lite_module(released(), MODULE)))
    from allyship.kit.store import ResponseStore

    store = ResponseStore(folder / "responses.json")
    sent = []
    control = HandIn(MODULE, store=store)
    control.send = lambda content, buffers=None: sent.append(content)
    return control, store, sent


def test_download_asks_for_a_name_then_sends_the_file(tmp_path, store):
    control, store, sent = _control(tmp_path, store)
    store.set("q1", "Listen first")
    control._on_message(control, {"event": "download", "learner": " "}, [])
    assert control.status == t("handin.need_name") and not sent
    control._on_message(control, {"event": "download", "learner": "Jane Doe"}, [])
    (message,) = sent
    assert message["name"] == f"allyship_{MODULE}_jane-doe.zip"
    assert read_submission(base64.b64decode(message["data"]), MODULE) == {"q1": "Listen first"}
    assert control.status_kind == "ok" and message["name"] in control.status
    # typed once: the next module's control already has the name
    other = tmp_path / "course" / "02_power_listening_direction"
    other.mkdir()
    from allyship.kit.store import ResponseStore

    assert HandIn("02_power_listening_direction", store=ResponseStore(other / "r.json")).learner
    assert json.loads((tmp_path / "course" / ".allyship-learner.json").read_text()) == {
        "name": "Jane Doe"
    }


def test_load_restores_answers_and_keeps_the_old_ones_aside(tmp_path, store):
    control, store, _ = _control(tmp_path, store)
    store.set("q1", "Old answer")
    store.set("p1", "Only here before")
    data = build_submission(MODULE, RELEASE.read_text(), {"q1": "New answer", "r1": "Text"})
    encoded = base64.b64encode(data).decode()
    control._on_message(control, {"event": "load", "name": "mine.zip", "data": encoded}, [])
    assert control.status_kind == "ok", control.status
    assert store.load() == {"q1": "New answer", "r1": "Text"}
    assert json.loads(store.path.read_text()) == {"q1": "New answer", "r1": "Text"}
    kept = list(store.path.parent.glob("responses.before-load-*.json"))
    assert len(kept) == 1 and json.loads(kept[0].read_text())["p1"] == "Only here before"
    assert kept[0].name in control.status
    bad = base64.b64encode(b"nonsense").decode()
    control._on_message(control, {"event": "load", "name": "x.pdf", "data": bad}, [])
    assert control.status_kind == "error" and control.status.startswith("x.pdf is not a file")
    assert store.load() == {"q1": "New answer", "r1": "Text"}  # nothing changed


def test_the_french_site_holds_the_french_edition_in_french(tmp_path):
    """`allyship lite --lang fr` (make lite LANG=fr): the French modules only, the French
    start-here notebook and journal, the browser's own sentences in French."""
    import json

    from allyship.kit.strings import in_language, t
    from allyship.lite.build import _opening_page, start_page
    from allyship.lite.contents import prepare_contents

    from ..helpers import FR_MODULES, REPO

    modules = prepare_contents(REPO, tmp_path / "files", "fr")
    assert modules == FR_MODULES
    names = sorted(p.name for p in (tmp_path / "files").iterdir())
    assert names == sorted([*FR_MODULES, "00_commencer_ici.ipynb", "mon_journal.ipynb"])
    start = json.loads((tmp_path / "files" / "00_commencer_ici.ipynb").read_text("utf-8"))
    with in_language("fr"):
        assert start["cells"][1]["source"] == t("lite.start_here")
        starting = t("lite.starting")
    first = json.loads((tmp_path / "files" / modules[0] / f"{modules[0]}.ipynb").read_text("utf-8"))
    assert starting in json.dumps(first, ensure_ascii=False)
    _opening_page(tmp_path)
    assert start_page("en") in (tmp_path / "index.html").read_text("utf-8")
    _opening_page(tmp_path, "fr")
    page = (tmp_path / "index.html").read_text("utf-8")
    assert '<html lang="fr">' in page and start_page("fr") in page and "00_commencer_ici" in page
