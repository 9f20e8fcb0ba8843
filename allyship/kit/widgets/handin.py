"""Handing a module in without a hub: one file per module, downloaded from the browser.

The browser edition of the course (``allyship lite``) has no exchange and no Assignment List. At
the end of every module a :class:`HandIn` control downloads one zip file holding the module's
notebook and its ``responses.json``, named so an instructor can tell whose it is
(:func:`submission_name`); the instructor imports a folder of them, or an LMS's "download all
submissions" archive, with ``nbgrader zip_collect`` (``allyship/lite/collect.py``). The same
control loads such a file back, so a learner can carry on in another browser.

The browser edition adds cells of its own to each module (this control, a note on where answers
are kept); they carry :data:`LITE_KEY` in their metadata and are taken out again when the file is
made (:func:`release_shaped`), so nbgrader receives the module exactly as released.
"""

from __future__ import annotations

import base64
import io
import json
import re
import sys
import unicodedata
import zipfile
from datetime import UTC, datetime
from pathlib import Path

from traitlets import Dict, Unicode

from ...errors import HandInFileError
from ..store import FILENAME, MODULE_NAME, ResponseStore, default_store, is_valid_value
from ..strings import t
from .group import Drawn

#: cell and notebook metadata key of what the browser edition adds to a module
LITE_KEY = "allyship_lite"
#: where the learner's name is kept, beside the module folders, so it is typed once
LEARNER_FILE = ".allyship-learner.json"
#: the course's own hand-in file names: ``allyship_01_what_is_allyship_jane-doe.zip`` (a
#: browser's " (1)" for a second download of the same name is allowed)
NAME = re.compile(
    r"^allyship_(?P<module>\d\d_[a-z0-9_]+)_(?P<learner>[a-z0-9]+(?:-[a-z0-9]+)*)"
    r"(?: ?\(\d+\))?\.zip$"
)


def learner_slug(name: str) -> str:
    """A name as typed, as it appears in a file name: ``"Marie-Ève Tremblay"`` ->
    ``"marie-eve-tremblay"``; ``""`` when nothing usable is left."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return "-".join(re.findall(r"[a-z0-9]+", plain.lower()))


def submission_name(module: str, learner: str) -> str:
    return f"allyship_{module}_{learner_slug(learner)}.zip"


def release_shaped(notebook_text: str) -> str:
    """The notebook without the browser edition's cells, with its released kernel back."""
    nb = json.loads(notebook_text)
    nb["cells"] = [c for c in nb.get("cells", []) if LITE_KEY not in c.get("metadata", {})]
    lite = nb.get("metadata", {}).pop(LITE_KEY, {})
    if "kernelspec" in lite:
        nb["metadata"]["kernelspec"] = lite["kernelspec"]
    return json.dumps(nb, ensure_ascii=False, indent=1) + "\n"


def build_submission(module: str, notebook_text: str, answers: dict) -> bytes:
    """The hand-in file: ``<module>.ipynb`` (as released) and ``responses.json``, stamped with
    the time it was made (UTC), which tells two hand-ins of one learner apart."""
    stamp = datetime.now(UTC).timetuple()[:6]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in (
            (f"{module}.ipynb", release_shaped(notebook_text)),
            (FILENAME, json.dumps(answers, ensure_ascii=False, indent=1, sort_keys=True) + "\n"),
        ):
            z.writestr(zipfile.ZipInfo(name, date_time=stamp), text.encode("utf-8"))
    return out.getvalue()


def read_submission(data: bytes, module: str, file: str = "the file") -> dict:
    """The answers in a hand-in file for ``module``; :class:`HandInFileError` in plain words."""
    example = submission_name(module, "your-name")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            names = {Path(n).name: n for n in z.namelist() if not n.endswith("/")}
            notebooks = sorted(n[: -len(".ipynb")] for n in names if n.endswith(".ipynb"))
            raw = z.read(names[FILENAME]) if FILENAME in names else b""
    except (zipfile.BadZipFile, OSError, KeyError, ValueError) as exc:
        raise HandInFileError(t("handin.not_a_file", file=file, example=example)) from exc
    others = [n for n in notebooks if MODULE_NAME.match(n) and n != module]
    if others and module not in notebooks:
        raise HandInFileError(t("handin.wrong_module", file=file, other=others[0]))
    try:
        answers = json.loads(raw.decode("utf-8")) if raw.strip() else {}
    except ValueError:
        answers = None
    if not isinstance(answers, dict) or not answers:
        raise HandInFileError(t("handin.no_answers", file=file))
    return {k: v for k, v in answers.items() if is_valid_value(v)}


def browser_keeps_files() -> bool:
    """False in a browser window whose files vanish with it (no service worker: a private
    window, some browsers): the in-browser Python then has no folder of the learner's own."""
    if sys.platform != "emscripten":
        return True  # JupyterLab: the files are on a disk
    return Path("/drive").is_dir() and str(Path.cwd()).startswith("/drive")


class StorageNote:
    """Where this browser keeps the learner's answers, as the cell's output."""

    def __init__(self) -> None:
        self.text = t("lite.keeps_files" if browser_keeps_files() else "lite.no_files")

    def _repr_markdown_(self) -> str:
        return f"*{self.text}*" if browser_keeps_files() else f"**{self.text}**"

    def __repr__(self) -> str:
        return self.text


class HandIn(Drawn):
    """The "Download my answers for submission" and "Load my answers" controls of a module.

    The front end (``handin.js``) asks; this side makes or reads the file, so the file's shape
    lives in one place. Under nbgrader this cell is never run: it is not in the released module.
    """

    _esm = (Path(__file__).parent / "handin.js").read_text(encoding="utf-8")
    _css = """
.allyship-handin label { display: block; margin: 0 0 4px; line-height: 1.4; }
.allyship-handin input[type=text] { width: min(28em, 100%); padding: 3px 6px; }
.allyship-handin button { padding: 3px 12px; }
.allyship-handin .allyship-error { font-weight: bold; }
.allyship-handin :focus-visible { outline: 2px solid var(--jp-brand-color1, #1976d2); }
"""

    module = Unicode(help="The module handed in, NN_slug.").tag(sync=True)
    notebook_path = Unicode(help="The notebook's path from the site's root.").tag(sync=True)
    learner = Unicode(help="The learner's name or id, as typed.").tag(sync=True)
    texts = Dict(help="The sentences the front end shows, from strings.py.").tag(sync=True)
    note = Unicode(help="Said when this browser cannot keep files.").tag(sync=True)
    status = Unicode(help="The last thing that happened, in words.").tag(sync=True)
    status_kind = Unicode("info", help="ok, error or info.").tag(sync=True)

    def __init__(self, module: str | None = None, *, store: ResponseStore | None = None):
        folder = Path.cwd()
        module = module or folder.name
        self.store = store if store is not None else default_store()
        keys = ("title", "intro", "name", "name_hint", "download", "load", "load_hint")
        super().__init__(
            module=module,
            notebook_path=f"{module}/{module}.ipynb",
            learner=self._remembered(),
            texts={k: t(f"handin.{k}") for k in (*keys, "preparing")},
            note="" if browser_keeps_files() else t("lite.no_files"),
        )
        self.on_msg(self._on_message)
        self.observe(self._remember, names="learner")

    # -- the learner's name, typed once --------------------------------------------------
    def _learner_file(self) -> Path:
        return self.store.path.parent.parent / LEARNER_FILE

    def _remembered(self) -> str:
        try:
            return str(json.loads(self._learner_file().read_text(encoding="utf-8"))["name"])
        except (OSError, ValueError, KeyError, TypeError):
            return ""

    def _remember(self, change: dict) -> None:
        try:
            text = json.dumps({"name": change["new"]}, ensure_ascii=False)
            self._learner_file().write_text(text, encoding="utf-8")
        except OSError:
            pass  # remembering is a convenience; the name box still holds it

    # -- what the front end asks ---------------------------------------------------------
    def _on_message(self, _widget, content: dict, _buffers) -> None:
        try:
            if content.get("event") == "download":
                self._download(str(content.get("learner", "")), content.get("notebook"))
            elif content.get("event") == "load":
                self._load(str(content.get("name", "")), str(content.get("data", "")))
        except HandInFileError as exc:
            self._say(str(exc), "error")
        except Exception as exc:  # noqa: BLE001 - a learner must see it, whatever it is
            self._say(t("handin.not_saved", reason=type(exc).__name__), "error")

    def _say(self, text: str, kind: str) -> None:
        self.status_kind, self.status = kind, text

    def _download(self, learner: str, served: str | None) -> None:
        if not learner.strip():
            return self._say(t("handin.need_name"), "error")
        if not learner_slug(learner):
            return self._say(t("handin.bad_name"), "error")
        self.learner = learner
        here = self.store.path.parent / f"{self.module}.ipynb"
        text = here.read_text(encoding="utf-8") if here.is_file() else served
        if not text:
            raise FileNotFoundError(here.name)
        answers = self.store.load()
        name = submission_name(self.module, learner)
        data = build_submission(self.module, text, answers)
        self.send({"kind": "file", "name": name, "data": base64.b64encode(data).decode("ascii")})
        self._say(t("handin.downloaded", file=name, answers=len(answers)), "ok")

    def _load(self, name: str, data: str) -> None:
        answers = read_submission(base64.b64decode(data), self.module, file=name or "the file")
        before = self.store.load()
        aside = ""
        if before and before != answers:
            when = datetime.now().strftime("%Y%m%d-%H%M%S")
            kept = self.store.path.with_name(f"responses.before-load-{when}.json")
            kept.write_text(json.dumps(before, ensure_ascii=False, indent=1), encoding="utf-8")
            aside = t("handin.kept_aside", aside=kept.name)
        for item in set(before) - set(answers):
            self.store.set(item, None)
        for item, value in answers.items():
            if before.get(item) != value:
                self.store.set(item, value)
        self._say(t("handin.loaded", answers=len(answers), file=name) + aside, "ok")
