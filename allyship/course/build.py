"""Build ``source/`` from the course text, ``course/en/NN_slug.md`` (``allyship build``,
``make source``), and the reverse, used once to turn the hand-built notebooks into text.

The text files are the source of truth: each is read (:mod:`allyship.course.textparse`) and
every entry becomes cells through the cell factory (:mod:`allyship.course.authoring`), so a
notebook built here is byte for byte what the factory makes. The reverse
(:func:`notebook_entries`) reads a factory-made notebook back into entries; :func:`convert`
writes a text file only when building from it gives the notebook's exact bytes back.

``course/`` sits outside ``source/``: nbgrader copies every file of ``source/<module>/`` into
``release/``, so a text file, which holds the keys, must never be put there.
"""

from __future__ import annotations

import ast
from pathlib import Path

import nbformat

from ..errors import CourseTextError, UnknownModuleError
from ..kit.store import LANGUAGE_PREFIX, MODULE_NAME, module_language
from ..kit.strings import in_language
from . import authoring as make
from .layout import source_notebook
from .textformat import Entry, Option, default, render
from .textparse import parse

TEXT_DIR = Path("course") / "en"
#: Each edition's text folder; a French file ``course/fr/01_etre_allie.md`` builds the module
#: ``fr-01_etre_allie`` (an nbgrader assignment of its own, beside the English one).
TEXT_DIRS = {"en": TEXT_DIR, "fr": Path("course") / "fr"}
HEADER = (
    "Module {module}: its text, and its source of truth. `make source` builds "
    "source/{module}/{module}.ipynb from this file; docs/authoring.md describes the format "
    "(each cell starts with a line '%% KIND ID'; [x] marks a question's key)."
)


def text_path(course: Path, module: str) -> Path:
    language = module_language(module)
    stem = module.removeprefix(LANGUAGE_PREFIX.get(language, ""))
    return course / TEXT_DIRS[language] / f"{stem}.md"


def text_modules(course: Path) -> list[str]:
    """The modules that have a text file, in order: English, then each other edition."""
    found = []
    for language, relative in TEXT_DIRS.items():
        folder = course / relative
        names = folder.glob("*.md") if folder.is_dir() else []
        prefix = LANGUAGE_PREFIX.get(language, "")
        found += sorted(prefix + p.stem for p in names if MODULE_NAME.match(p.stem))
    return found


def resolve_text_module(course: Path, name: str) -> str:
    """A module named as ``01``, ``1``, ``01_slug`` or ``slug``, among the text files."""
    wanted = name.strip().strip("/").split("/")[-1].removesuffix(".md").lower()
    if wanted.isdigit():
        wanted = f"{int(wanted):02d}"
    for module in text_modules(course):
        if wanted in (module, *module.split("_", 1)):
            return module
    found = ", ".join(text_modules(course)) or "none"
    raise UnknownModuleError(f"There is no text file for '{name}' in course/ ({found}).")


# -- text -> notebook --------------------------------------------------------------------------


def _number(value: str) -> int | float:
    return float(value) if "." in value else int(value)


def entry_cells(e: Entry) -> list[nbformat.NotebookNode]:
    """The cells the factory makes for one entry."""
    f, keyed = e.fields, [o.text for o in e.options if o.keyed]
    options = [o.text for o in e.options]
    if e.kind == "text":
        return [make.text(e.markdown, e.id)]
    if e.kind in ("setup", "rubric", "support"):
        return [getattr(make, e.kind)()]
    if e.kind == "choice":
        return make.choice(e.id, e.stem, options, keyed[0], points=_number(e.value("points")))
    if e.kind == "choices":
        return make.choices(e.id, e.stem, options, keyed, points=_number(e.value("points")))
    if e.kind == "practice":
        triples = [(o.text, o.keyed, o.explanation) for o in e.options]
        return make.practice(e.id, e.stem, triples, multiple=e.value("multiple") == "yes")
    if e.kind == "reflection":
        points, words = _number(e.value("points")), int(e.value("min-words"))
        return make.reflection(e.id, f["Prompt"], f["Alternative"], points=points, min_words=words)
    if e.kind == "commitment":
        return make.commitment(e.id, f["Prompt"], f.get("Alternative"))
    if e.kind == "rewrite":
        return make.rewrite(e.id, f["Prompt"], f["Statement"])
    if e.kind == "land-record":
        return make.land_record(e.id, f["Prompt"])
    if e.kind == "action-plan":
        return make.action_plan(e.id, f["Prompt"])
    if e.kind == "self-audit":
        return make.self_audit(int(e.value("take")))
    return make.consent()


def build_notebook(entries: list[Entry]) -> nbformat.NotebookNode:
    return make.notebook([cell for e in entries for cell in entry_cells(e)])


def notebook_bytes(nb: nbformat.NotebookNode) -> bytes:
    """What ``nbformat.write`` puts in the file."""
    text = nbformat.writes(nb)
    return (text if text.endswith("\n") else text + "\n").encode("utf-8")


def read_text(course: Path, module: str) -> list[Entry]:
    path = text_path(course, module)
    try:
        text = path.read_text(encoding="utf-8")
    except (FileNotFoundError, UnicodeDecodeError) as exc:
        raise CourseTextError(f"{path} could not be read ({exc}).") from exc
    return parse(text, str(path.relative_to(course)))


def build_module(course: Path, module: str) -> bytes:
    """The source notebook of ``module``, built from its text file, in the module's language."""
    with in_language(module_language(module)):
        return notebook_bytes(build_notebook(read_text(course, module)))


def write_source(course: Path, modules: list[str], check: bool = False) -> list[str]:
    """Build each module's source notebook; the ones that differed from what was on disk.
    With ``check``, nothing is written."""
    changed = []
    for module in modules:
        built, target = build_module(course, module), source_notebook(course, module)
        if not target.is_file() or target.read_bytes() != built:
            changed.append(module)
            if not check:
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(built)
    return changed


def first_difference(built: bytes, committed: bytes) -> str:
    """Where two notebooks first differ, in words: the cell (index and id) and what differs."""
    a, b = (nbformat.reads(x.decode("utf-8"), as_version=4) for x in (built, committed))
    for n in range(max(len(a.cells), len(b.cells))):
        if n >= len(a.cells) or n >= len(b.cells):
            return (
                f"cell {n}: only one of the two notebooks has it ({len(a.cells)} vs {len(b.cells)})"
            )
        ca, cb = a.cells[n], b.cells[n]
        if ca != cb:
            what = [k for k in sorted(set(ca) | set(cb)) if ca.get(k) != cb.get(k)]
            return f"cell {n} ('{cb.get('id', '?')}'): its {', '.join(what)} differ"
    return "the notebooks' metadata or layout"


# -- notebook -> text --------------------------------------------------------------------------


def _call(cell) -> tuple[str, list, dict]:
    """The widget call in a factory code cell: (name, positional values, keyword values)."""
    tree = ast.parse(cell.source)
    call = tree.body[-1].value if tree.body and isinstance(tree.body[-1], ast.Expr) else None
    if not isinstance(call, ast.Call) or not isinstance(call.func, ast.Name):
        raise CourseTextError(f"cell '{cell.get('id')}' is not one widget call.")
    args = [ast.literal_eval(a) for a in call.args]
    return call.func.id, args, {k.arg: ast.literal_eval(k.value) for k in call.keywords}


def _key(cell) -> object:
    """The answer in a graded test cell's hidden check_choice(s) call."""
    for node in ast.walk(ast.parse(cell.source)):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "").startswith("check_choice"):
            return ast.literal_eval(node.args[1])
    raise CourseTextError(f"test cell '{cell.get('id')}' has no check_choice(s) call.")


def _keys(kind: str, **values: object) -> dict[str, str]:
    out = {k.replace("_", "-"): v for k, v in values.items()}
    out = {k: ("yes" if v else "no") if isinstance(v, bool) else str(v) for k, v in out.items()}
    return {k: v for k, v in out.items() if v != default(kind, k)}


def notebook_entries(nb: nbformat.NotebookNode) -> list[Entry]:
    """Read a factory-made module notebook back into entries."""
    entries, cells, n = [], nb.cells, 0
    while n < len(cells):
        cell, gid = cells[n], cells[n].metadata.get("nbgrader", {}).get("grade_id", "")
        n += 1
        if cell.cell_type == "markdown" and cell.metadata["nbgrader"].get("task"):
            _, (item, prompt, alt), _ = _call(cells[n])
            points = cell.metadata["nbgrader"]["points"]
            words = _call(cells[n + 1])[2].get("min_words", 1)  # check_written("rN", min_words=)
            entries.append(
                Entry(
                    "reflection",
                    item,
                    _keys("reflection", points=points, min_words=words),
                    fields={"Prompt": prompt, "Alternative": alt},
                )
            )
            n += 2
        elif cell.cell_type == "markdown" and gid in ("rubric", "support") and _shared(cell, gid):
            entries.append(Entry(gid))  # the shared text (a module's own stays a text cell)
        elif cell.cell_type == "markdown":
            entries.append(Entry("text", gid, markdown=cell.source))
        elif gid == "setup":
            entries.append(Entry("setup"))
        else:
            entries.append(_widget_entry(cell, cells[n] if n < len(cells) else None))
            if entries[-1].kind in ("choice", "choices"):
                n += 1  # its test cell
    return entries


def _shared(cell, gid: str) -> bool:
    made = getattr(make, gid)()
    return cell.source == made.source and cell.metadata == made.metadata


def _widget_entry(cell, test) -> Entry:
    name, args, kw = _call(cell)
    if name == "Choice":
        kind = "choices" if kw.get("multiple") else "choice"
        key = _key(test)
        keyed = set(key) if kind == "choices" else {key}
        options = tuple(Option(o, o in keyed) for o in args[2])
        points = test.metadata["nbgrader"]["points"]
        return Entry(kind, args[0], _keys(kind, points=points), stem=args[1], options=options)
    if name == "Practice":
        options = tuple(Option(*o) for o in args[2])
        keys = _keys("practice", multiple=kw.get("multiple", False))
        return Entry("practice", args[0], keys, stem=args[1], options=options)
    simple = {
        "Rewrite": ("rewrite", "Statement"),
        "LandRecord": ("land-record", None),
        "ActionPlan": ("action-plan", None),
        "Reflection": ("commitment", "Alternative"),
    }
    if name in simple:
        kind, second = simple[name]
        fields = {"Prompt": args[1]}
        if second and len(args) > 2 and args[2] is not None:
            fields[second] = args[2]
        return Entry(kind, args[0], fields=fields)
    if name == "SelfAudit":
        return Entry("self-audit", keys=_keys("self-audit", take=kw.get("take", 1)))
    if name == "Consent":
        return Entry("consent")
    raise CourseTextError(f"cell '{cell.get('id')}' calls {name}, which the text format lacks.")


def convert(course: Path, module: str, force: bool = False) -> Path:
    """Write ``course/en/<module>.md`` from the source notebook, only if building it back gives
    the notebook's exact bytes (and never over an existing file unless ``force``)."""
    source, target = source_notebook(course, module), text_path(course, module)
    if target.exists() and not force:
        raise CourseTextError(f"{target} exists; it is the source of truth (pass --force).")
    committed = source.read_bytes()
    try:
        entries = notebook_entries(nbformat.reads(committed.decode(), as_version=4))
    except (KeyError, IndexError, TypeError, ValueError, SyntaxError) as exc:
        raise CourseTextError(
            f"{source}: a cell is not in a shape the cell factory makes ({exc!r})."
        ) from exc
    text = render(entries, HEADER.format(module=module))
    built = notebook_bytes(build_notebook(parse(text, str(target))))
    if built != committed:
        raise CourseTextError(
            f"{module}: the text would not build back to the notebook "
            f"({first_difference(built, committed)}); the converter must learn this cell."
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target
