"""The course's JupyterLab pieces without a server: the save hook, the placeholder lines in a
release, and the state folder each launch writes (the browser tests run them for real)."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat

from allyship.course.placeholders import WIDGET_VIEW, RunAllLines, run_all_line
from allyship.instructor import lab
from allyship.kit.strings import t
from tests.helpers import REPO


def _widget_output(model_id: str = "abc") -> dict:
    return {
        "output_type": "display_data",
        "metadata": {},
        "data": {WIDGET_VIEW: {"model_id": model_id, "version_major": 2}, "text/plain": "Choice"},
    }


def _model(cells: list[dict]) -> dict:
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json": {"state": {}}}
    return {"type": "notebook", "content": json.loads(json.dumps(nb))}


def test_before_save_replaces_each_widget_view_with_the_run_all_line():
    text = nbformat.v4.new_output("stream", name="stdout", text="kept\n")
    widget = nbformat.v4.new_code_cell("Choice(...)", outputs=[_widget_output(), text])
    plain = nbformat.v4.new_code_cell("print(1)", outputs=[text])
    model = _model([widget, plain, nbformat.v4.new_markdown_cell("# Title")])
    lab.before_save(model=model, path="m/m.ipynb", contents_manager=None)
    nb = model["content"]
    assert "widgets" not in nb["metadata"]
    first = nb["cells"][0]["outputs"]
    assert [o["output_type"] for o in first] == ["stream", "display_data"]
    assert first[1]["data"]["text/markdown"] == t("lab.press_run_all")
    assert WIDGET_VIEW not in json.dumps(nb)
    assert nb["cells"][1]["outputs"] == [json.loads(json.dumps(text))]  # other outputs stay
    nbformat.validate(nbformat.from_dict(nb))


def test_before_save_leaves_files_that_are_not_notebooks_alone():
    model = {"type": "file", "content": "x"}
    lab.before_save(model=model, path="a.txt", contents_manager=None)
    assert model == {"type": "file", "content": "x"}


def test_a_release_gives_every_widget_cell_the_line_and_no_other_cell():
    ask = nbformat.v4.new_code_cell("Choice(...)")
    ask.metadata["nbgrader"] = {"grade_id": "q1-ask"}
    check = nbformat.v4.new_code_cell('check_answered("q1")')
    check.metadata["nbgrader"] = {"grade_id": "q1", "grade": True}
    nb = nbformat.v4.new_notebook(cells=[ask, check])
    out, _ = RunAllLines().preprocess(nb, {})
    assert out.cells[0].outputs == [run_all_line()]
    assert out.cells[1].outputs == []
    assert "*" not in run_all_line()["data"]["text/plain"]  # plain text has no Markdown marks


def test_a_learner_launch_hides_the_instructor_tools_and_names_the_exchange(tmp_path):
    env = lab.prepare(tmp_path, learner=True, exchange=tmp_path / "exchange")
    state = tmp_path / lab.STATE
    assert env["JUPYTER_CONFIG_DIR"] == str(state)
    page = json.loads((state / "labconfig" / "page_config.json").read_text())
    assert set(page["disabledExtensions"]) == set(lab.LEARNER_HIDDEN_LAB)
    server = json.loads((state / "jupyter_server_config.json").read_text())
    assert set(server["ServerApp"]["jpserver_extensions"]) == set(lab.LEARNER_HIDDEN_SERVER)
    config = (state / "nbgrader_config.py").read_text()
    assert str(tmp_path / "exchange") in config and "use_plain_validator()" in config
    overrides = json.loads((state / "lab-settings" / "overrides.json").read_text())
    locale = overrides.pop("@jupyterlab/translation-extension:plugin")
    assert overrides == lab.SETTINGS and locale == {"locale": "en"}


def test_an_instructor_launch_keeps_the_tools_and_drops_a_learner_config(tmp_path):
    lab.prepare(tmp_path, learner=True, exchange=tmp_path / "exchange")
    lab.prepare(tmp_path)  # the same folder, served for the instructor afterwards
    state = tmp_path / lab.STATE
    assert json.loads((state / "labconfig" / "page_config.json").read_text()) == {}
    assert not (state / "nbgrader_config.py").exists()


def test_the_command_line_makes_no_network_fetch_and_hooks_the_save(tmp_path):
    argv = lab.command(tmp_path, port=9999, token="t", open_browser=False)
    assert "--LabApp.news_url=" in argv
    assert "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate" in argv
    assert "--ContentsManager.pre_save_hook=allyship.instructor.lab.before_save" in argv
    assert "--ServerApp.ip=127.0.0.1" in argv and "--no-browser" in argv
    assert lab.SETTINGS["@jupyterlab/apputils-extension:notification"]["fetchNews"] == "false"


def test_a_learner_alone_and_a_learner_on_the_hub_lose_the_same_instructor_tools():
    import importlib.util

    from ..helpers import REPO

    spec = importlib.util.spec_from_file_location("setup_course", REPO / "deploy/setup_course.py")
    setup_course = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(setup_course)
    assert set(setup_course.HIDDEN_FROM_LEARNERS) == set(lab.LEARNER_HIDDEN_LAB)
    assert set(setup_course.SERVER_HIDDEN_FROM_LEARNERS) == set(lab.LEARNER_HIDDEN_SERVER)


def test_the_french_edition_serves_jupyterlab_in_french_from_its_start_notebook(tmp_path):
    lab.prepare(tmp_path, language="fr")
    overrides = json.loads((tmp_path / lab.STATE / "lab-settings" / "overrides.json").read_text())
    assert overrides["@jupyterlab/translation-extension:plugin"] == {"locale": "fr_FR"}
    start = lab.start_notebook("fr")
    assert (REPO / start).is_file(), start
    argv = lab.command(tmp_path, start=start, open_browser=False)
    assert f"--LabApp.default_url=/lab/tree/{start}" in argv
    # the language pack is installed with the course, so JupyterLab can show that locale
    from importlib.metadata import distribution

    assert distribution("jupyterlab-language-pack-fr-FR")


def test_a_french_widget_cell_gets_the_french_line():
    setup = nbformat.v4.new_code_cell('open_responses(language="fr")')
    setup.metadata["nbgrader"] = {"grade_id": "setup"}
    ask = nbformat.v4.new_code_cell("Choice(...)")
    ask.metadata["nbgrader"] = {"grade_id": "q1-ask"}
    nb = nbformat.v4.new_notebook(cells=[setup, ask])
    out, _ = RunAllLines().preprocess(nb, {})
    assert out.cells[1].outputs == [run_all_line("fr")] != [run_all_line()]
    view = nbformat.v4.new_output("display_data", data={WIDGET_VIEW: {"model_id": "m"}})
    saved = nbformat.v4.new_notebook(cells=[setup, nbformat.v4.new_code_cell("Choice(...)")])
    saved.cells[1].outputs = [view]
    model = {"type": "notebook", "content": json.loads(nbformat.writes(saved))}
    lab.before_save(model=model, path="fr-01_x/fr-01_x.ipynb", contents_manager=None)
    assert model["content"]["cells"][1]["outputs"] == [dict(run_all_line("fr"))]


def test_the_french_edition_gets_nbgrader_labels_in_french_and_english_gets_none(tmp_path):
    from jupyterlab_server.config import get_federated_extensions

    from allyship.instructor import lab_words
    from allyship.kit.strings import in_language

    lab.prepare(tmp_path, learner=True, exchange=tmp_path / "exchange", language="fr")
    state = tmp_path / lab.STATE
    server = json.loads((state / "jupyter_server_config.json").read_text())
    folder = server["LabApp"]["extra_labextensions_path"]
    assert folder == [str(state / "labextensions")]
    assert server["ServerApp"]["jpserver_extensions"]  # the learner's settings are kept beside it
    # JupyterLab's own discovery finds it, and the script it loads is there, with the words
    found = get_federated_extensions(folder)[lab_words.NAME]
    script = (Path(found["ext_path"]) / found["jupyterlab"]["_build"]["load"]).read_text()
    with in_language("fr"):
        french = t("lab.nbgrader.fetch")
    assert json.dumps({"Fetch": french}, ensure_ascii=False)[1:-1] in script
    assert "__WORDS__" not in script and "__NAME__" not in script
    assert len(lab_words.words("fr")) == len(lab_words.KEYS)  # every label said differently
    # served in English afterwards, the same folder has no extension and no pointer to one
    lab.prepare(tmp_path, learner=True, exchange=tmp_path / "exchange")
    server = json.loads((state / "jupyter_server_config.json").read_text())
    assert "LabApp" not in server and not (state / "labextensions" / lab_words.NAME).exists()
    assert lab_words.words("en") == {}


def test_every_label_the_extension_swaps_is_one_nbgrader_draws():
    # nbgrader's installed front end (its JupyterLab extension's scripts) holds each English
    # label exactly as the extension looks for it; an nbgrader that renames one fails here
    import sys

    from allyship.instructor import lab_words

    static = Path(sys.prefix) / "share/jupyter/labextensions/@jupyter/nbgrader/static"
    scripts = " ".join(p.read_text(encoding="utf-8") for p in static.glob("*.js"))
    assert "Validation Results" in scripts  # the folder is nbgrader's
    missing = [label for label in lab_words.words("fr") if label not in scripts]
    assert missing == []
