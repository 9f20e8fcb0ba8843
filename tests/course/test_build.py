"""The course text is the source of truth: every committed source notebook is a fresh build of
its ``course/en/NN_slug.md``; the converter gives the notebooks back byte for byte; the parser
names the file, line and mistake; and no text file (it holds the keys) can reach ``release/``.
No kernel: building is the cell factory and nbformat only."""

from __future__ import annotations

import shutil

import nbformat
import pytest
from traitlets.config.loader import PyFileConfigLoader

from allyship.cli import main
from allyship.course.build import (
    TEXT_DIR,
    build_module,
    build_notebook,
    first_difference,
    notebook_bytes,
    notebook_entries,
    text_modules,
    text_path,
)
from allyship.course.key import REFLECTION_PLACEHOLDER, answer_key
from allyship.course.textformat import render
from allyship.course.textparse import parse
from allyship.errors import CourseTextError

from ..helpers import EDITIONS, MODULES, REPO

PATH = "course/en/99_test.md"


def committed(module: str) -> bytes:
    return (REPO / "source" / module / f"{module}.ipynb").read_bytes()


def test_every_module_has_a_text_file_and_nothing_else_does():
    assert MODULES and text_modules(REPO) == EDITIONS


@pytest.mark.parametrize("module", EDITIONS)
def test_source_notebook_equals_a_fresh_build_of_its_text(module):
    built = build_module(REPO, module)
    assert built == committed(module), (
        f"source/{module}/{module}.ipynb is not what {TEXT_DIR}/{module}.md builds: "
        f"{first_difference(built, committed(module))}. Edit the text, then run `make source`."
    )


@pytest.mark.parametrize("module", EDITIONS)
def test_the_converter_gives_every_notebook_back_exactly(module):
    nb = nbformat.reads(committed(module).decode("utf-8"), as_version=4)
    entries = notebook_entries(nb)
    text = render(entries)
    assert parse(text, PATH) == entries
    assert notebook_bytes(build_notebook(parse(text, PATH))) == committed(module)


def test_a_difference_is_named_by_module_and_cell():
    module = MODULES[0]
    text = text_path(REPO, module).read_text(encoding="utf-8")
    entries = parse(text, PATH)
    q1 = next(e for e in entries if e.id == "q1")
    q1.stem += " (edited)"
    where = first_difference(notebook_bytes(build_notebook(entries)), committed(module))
    assert where.startswith("cell ") and "('q1-ask'): its source differ" in where


# -- nothing with hidden tests reaches release/ ------------------------------------------------


def test_text_files_hold_keys_so_they_live_outside_source():
    entries = parse(text_path(REPO, MODULES[0]).read_text(encoding="utf-8"), PATH)
    assert any(o.keyed for e in entries for o in e.options)  # a copy would leak the key
    assert TEXT_DIR.parts[0] != "source"
    config = PyFileConfigLoader("nbgrader_config.py", path=str(REPO)).load_config()
    assert config.CourseDirectory.get("source_directory", "source") == "source"


@pytest.mark.parametrize("module", EDITIONS)
def test_a_source_folder_holds_only_its_notebook(module):
    """nbgrader copies every file of source/<module>/ into release/<module>/."""
    folder = REPO / "source" / module
    found = sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())
    assert found == [f"{module}.ipynb"], f"only the notebook belongs in source/{module}/"


def test_no_text_file_anywhere_in_source_or_release():
    stray = [p for d in ("source", "release") for p in (REPO / d).rglob("*.md")]
    assert stray == []


# -- the format, on tiny texts -----------------------------------------------------------------

EVERY_KIND = """\
<!--
a comment before the first cell
-->

%% text title

# Title

Text, kept *exactly*.

%% setup
%% choice q1 points=3

A stem wrapped
over two lines.

- [ ] Option A
- [x] Option B

%% choices q2

Which two? Select the two.

- [x] One
- [ ] Two
- [x] Three

%% practice p1 multiple=yes

Practice stem.

- [x] Right
  > Because.
  >
  > A second paragraph.
- [ ] Wrong
  > Why not.

%% rubric
%% reflection r1 min-words=5

Prompt: Think
about it.

Alternative: Or this.

%% commitment c1

Prompt: One step.

%% rewrite e1

Prompt: Rewrite this.

Statement: As an ally, I care.

%% self-audit take=2
%% land-record e2

Prompt: Record it.

%% action-plan e3

Prompt: Plan it.

%% support
%% consent
"""


def test_every_kind_builds_through_the_factory_with_its_key(tmp_path):
    entries = parse(EVERY_KIND, PATH)
    assert [e.kind for e in entries][:3] == ["text", "setup", "choice"]
    assert entries[0].markdown == "# Title\n\nText, kept *exactly*."
    assert entries[2].stem == "A stem wrapped over two lines."
    assert entries[4].options[0].explanation == "Because.\n\nA second paragraph."
    assert entries[6].fields == {"Prompt": "Think about it.", "Alternative": "Or this."}
    nb = build_notebook(entries)
    ids = [c.id for c in nb.cells]
    for expected in ("q1-ask", "q1", "r1", "r1-written", "a-2-ask", "e2-ask", "share-ask"):
        assert expected in ids
    assert next(c for c in nb.cells if c.id == "q1").metadata.nbgrader.points == 3
    assert "min_words=5" in next(c for c in nb.cells if c.id == "r1-written").source
    path = tmp_path / "m.ipynb"
    path.write_bytes(notebook_bytes(nb))
    assert answer_key(path) == {
        "q1": "Option B",
        "q2": ["One", "Three"],
        "r1": REFLECTION_PLACEHOLDER,
    }
    assert parse(render(entries), PATH) == entries  # and it writes back as it reads


MISTAKES = [
    ("Hello\n%% setup\n", 1, "text before the first cell; start each cell with '%% KIND'."),
    ("", 1, "no cells: each cell starts with a marker line such as '%% text'."),
    ("%% choise q1\n", 1, "unknown cell kind 'choise'. Did you mean 'choice'? The kinds are: "),
    ("%%\n", 1, "a marker with no kind."),
    ("%% choice\n", 1, "a 'choice' cell needs an id: '%% choice ID'."),
    ("%% text rea.d\n\nx\n", 1, "the id 'rea.d' may use only letters, digits, - and _."),
    ("%% rubric extra\n", 1, "'extra' is not key=value (a 'rubric' cell takes no id)."),
    ("%% choice q1 point=2\n", 1, "a 'choice' cell has no key 'point' (it takes: points)."),
    ("%% choice q1 points=two\n", 1, "points=two: points must be a number of points, such as"),
    ("%% self-audit take=2 take=3\n", 1, "the key 'take' is given twice."),
    ("%% setup\n%% rubric\n\nThe rubric.\n", 4, "a 'rubric' cell takes no text: it is the same"),
    ("%% text t\n\n%% setup\n", 1, "the text cell 't' is empty."),
    ("%% choice q1\n\nStem?\n\n- [ ] A\n- [ ] B\n", 1, "choice q1 has no key: mark it '- [x]'."),
    (
        "%% choice q1\n\nStem?\n\n- [x] A\n- [x] B\n- [ ] C\n",
        6,
        "choice q1 has 2 keys (lines 5, 6) but takes one; a select-all question is '%% choices'.",
    ),
    ("%% choice q1\n\n- [x] A\n- [ ] B\n", 1, "choice q1 has no question text before its options."),
    ("%% choices q1\n\nStem?\n\n- [x] A\n", 1, "choices q1 needs at least two options"),
    ("%% choice q1\n\nStem?\n\n- [X] A\n- [ ] B\n", 5, "write an option as '- [ ] option'"),
    ("%% choice q1\n\nStem?\n\n- [x] A\n- [ ] A\n", 6, "this option repeats the option on line 5."),
    (
        "%% practice p1\n\nStem?\n\n- [x] A\n  > Yes.\n- [ ] B\n",
        7,
        "a practice option needs its explanation: '  > why'.",
    ),
    ("%% choice q1\n\nStem?\n\n- [x] A\n  > Yes.\n- [ ] B\n", 6, "only practice options are"),
    ("%% choice q1\n\nStem?\n\n- [x] A\n- [ ] B\n\nMore.\n", 8, "text after the options"),
    ("%% practice p1\n\nS?\n\n- [x] A\n  > Yes,\n  because.\n", 7, "an explanation goes on with"),
    ("%%choice q1\n\nS?\n\n- [x] A\n- [ ] B\n%%bogus\n", 7, "unknown cell kind 'bogus'."),
    ("%% choice q1\n\nS?\n\n- [x] A\n- [ ] B\n\n%% text q1\n\nx\n", 8, "the id 'q1' is already"),
    ("%% rubric\n%% rubric\n", 2, "the id 'rubric' is already used on line 1."),
    (
        "%% reflection r1\n\nPrompt: Think.\n",
        1,
        "reflection r1 has no 'Alternative:' paragraph.",
    ),
    ("%% rewrite e1\n\nPromt: Think.\n", 3, "'Promt:' is not a field of a rewrite: 'Prompt:'"),
    ("%% commitment c1\n\nOne step.\n", 3, "text before 'Prompt:': start with the label."),
    ("%% commitment c1\n\nPrompt: A.\n\nPrompt: B.\n", 5, "'Prompt:' is given twice."),
    ("%% land-record e1\n\nPrompt:\n", 1, "land-record e1: 'Prompt:' is empty."),
]


@pytest.mark.parametrize("text,line,message", MISTAKES, ids=[m[2][:40] for m in MISTAKES])
def test_each_mistake_is_named_with_its_file_and_line(text, line, message):
    with pytest.raises(CourseTextError) as caught:
        parse(text, PATH)
    assert str(caught.value).startswith(f"{PATH}, line {line}: {message}"), str(caught.value)


# -- the verb ----------------------------------------------------------------------------------


@pytest.fixture
def course(tmp_path, monkeypatch):
    """A course folder with one module's text and source notebook."""
    monkeypatch.delenv("ALLYSHIP_COURSE", raising=False)
    module = MODULES[0]
    shutil.copy(REPO / "nbgrader_config.py", tmp_path / "nbgrader_config.py")
    shutil.copytree(REPO / "source" / module, tmp_path / "source" / module)
    (tmp_path / TEXT_DIR).mkdir(parents=True)
    shutil.copy(text_path(REPO, module), text_path(tmp_path, module))
    return tmp_path


def test_allyship_build_writes_source_from_the_text(course, capsys):
    module = MODULES[0]
    run = ["--course", str(course), "build"]
    assert main([*run, "--check"]) == 0
    text = text_path(course, module)
    q1 = next(e for e in parse(text.read_text(encoding="utf-8"), PATH) if e.id == "q1")
    old, new = next(o for o in q1.options if o.keyed), next(o for o in q1.options if not o.keyed)
    edited = text.read_text(encoding="utf-8")
    edited = edited.replace(f"- [x] {old.text}", f"- [ ] {old.text}", 1)
    text.write_text(edited.replace(f"- [ ] {new.text}", f"- [x] {new.text}", 1), encoding="utf-8")
    capsys.readouterr()
    assert main([*run, "--check"]) == 1
    assert "('q1'): its source differ" in capsys.readouterr().out  # the hidden test cell
    assert main([*run, "01"]) == 0
    assert "rebuilt" in capsys.readouterr().out
    source = course / "source" / module / f"{module}.ipynb"
    assert answer_key(source)["q1"] == new.text
    assert main([*run, "--check"]) == 0


def test_allyship_build_reports_a_mistake_in_one_line(course, capsys):
    text = text_path(course, MODULES[0])
    text.write_text(text.read_text(encoding="utf-8") + "\n%% choise q99\n", encoding="utf-8")
    assert main(["--course", str(course), "build"]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"allyship: {TEXT_DIR}/{MODULES[0]}.md, line ") and "\n" not in err
    assert "unknown cell kind 'choise'" in err


def test_the_reverse_never_overwrites_the_text_unasked(course, capsys):
    text = text_path(course, MODULES[0])
    text.write_text(text.read_text(encoding="utf-8") + "\n%% consent\n", encoding="utf-8")
    before = text.read_bytes()
    assert main(["--course", str(course), "build", "--from-source"]) == 1
    assert "exists; it is the source of truth (pass --force)" in capsys.readouterr().err
    assert text.read_bytes() == before
    assert main(["--course", str(course), "build", "--from-source", "--force"]) == 0
    assert b"%% consent" in before and text.read_bytes() != before  # rewritten from source/
    assert main(["--course", str(course), "build", "--check"]) == 0
