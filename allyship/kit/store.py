"""``responses.json``: the learner's answers, next to the notebook, saved on every change.

nbgrader's autograde clears outputs and re-runs a submission headless, so any value that lives
only in a widget is lost. Every answer therefore goes to this file, which travels with the
notebook on submit; the kit's widgets and checks read it back at grading time.

Contract (see DESIGN.md): one JSON object per module folder, ``{item_id: value}``, where a value
is a string (a chosen option's text, or written text) or a list of strings (select-all-that-
apply). Saves are atomic (a temporary file, flushed to disk, then renamed over the old one), so
a crash or a killed kernel leaves either the old file or the new one, never half of one. A file
that cannot be read is kept aside under a new name, never silently discarded, and the learner is
told in plain words.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from datetime import datetime
from pathlib import Path

from ..errors import InvalidResponseError, SaveFailedError
from .strings import item_label, t

Value = str | list

FILENAME = "responses.json"
#: A module's folder (and notebook) name, ``NN_slug`` or ``fr-NN_slug`` (DESIGN.md): the
#: learner's copy of module 03 sits in ``03_accountability_emotions_care/`` beside the others.
MODULE_NAME = re.compile(r"^(?:fr-)?(\d\d)_[a-z0-9_]+$")
#: The French edition's modules carry a prefix, ``fr-01_etre_allie`` (docs/glossaire.md).
LANGUAGE_PREFIX = {"fr": "fr-"}


def module_language(name: str) -> str:
    """The language a module folder's name says: ``"fr"`` for ``fr-01_...``, else ``"en"``."""
    for language, prefix in LANGUAGE_PREFIX.items():
        if name.startswith(prefix):
            return language
    return "en"


#: No real set of answers comes near this; a bigger file is treated as damaged, not loaded.
MAX_BYTES = 5 * 1024 * 1024


def is_valid_value(value: object) -> bool:
    """A response is text, or a list of texts."""
    if isinstance(value, str):
        return True
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


class ResponseStore:
    """One module folder's ``responses.json``.

    The file is read once, on first use. A damaged file is renamed aside and :attr:`notice`
    holds the sentence to show the learner. Every :meth:`set` rewrites the whole file
    atomically; if another process changed the file since this store last wrote it (the same
    notebook open twice), that process's answers are merged in first rather than overwritten.
    """

    def __init__(self, path: os.PathLike | str) -> None:
        self.path = Path(path)
        self.notice: str | None = None
        self._data: dict[str, Value] | None = None
        self._stamp: tuple[int, int] | None = None
        self._blocked: str | None = None  # set when a damaged file could not be moved aside

    # -- reading -----------------------------------------------------------------------
    def load(self) -> dict[str, Value]:
        """The answers as a new dict (read from disk the first time)."""
        if self._data is None:
            self._data = self._read()
        return dict(self._data)

    def get(self, item_id: str, default: Value | None = None) -> Value | None:
        value = self.load().get(item_id, default)
        return list(value) if isinstance(value, list) else value

    def _read(self) -> dict[str, Value]:
        data, reason = _parse(self.path)
        if reason is not None:
            self._set_aside_damaged(reason)
            return {}
        bad = sorted(k for k, v in data.items() if not is_valid_value(v))
        if bad:
            aside = self._keep_aside(move=False)
            self.notice = t("store.partly_damaged", items=", ".join(bad), aside=aside)
            data = {k: v for k, v in data.items() if k not in bad}
        self._stamp = _stamp(self.path)
        return data

    def _set_aside_damaged(self, reason: str) -> None:
        aside = self._keep_aside(move=True)
        if aside == self.path.name:
            self._blocked = reason  # never write over a file we could not keep
        self.notice = t("store.damaged", name=self.path.name, reason=reason, aside=aside)

    def _keep_aside(self, *, move: bool) -> str:
        when = datetime.now().strftime("%Y%m%d-%H%M%S")
        aside = self.path.with_name(f"{self.path.stem}.damaged-{when}{self.path.suffix}")
        n = 1
        while aside.exists():
            n += 1
            aside = self.path.with_name(f"{self.path.stem}.damaged-{when}-{n}{self.path.suffix}")
        try:
            (os.replace if move else shutil.copyfile)(self.path, aside)
        except OSError:
            return self.path.name  # could not rename: it stays where it is, untouched
        return aside.name

    # -- writing -----------------------------------------------------------------------
    def set(self, item_id: str, value: Value | None) -> None:
        """Record ``value`` for ``item_id`` (``None`` forgets it) and save at once."""
        if value is not None and not is_valid_value(value):
            raise InvalidResponseError(
                t("store.bad_value", label=item_label(item_id), kind=type(value).__name__)
            )
        data = self.load()
        if self._stamp is not None and _stamp(self.path) != self._stamp:
            newer, reason = _parse(self.path)
            if reason is None:
                data.update({k: v for k, v in newer.items() if is_valid_value(v)})
            elif self.path.exists():
                self._set_aside_damaged(reason)
        if value is None:
            data.pop(item_id, None)
        else:
            data[item_id] = list(value) if isinstance(value, list) else value
        self._write(data)
        self._data = data

    def _write(self, data: dict[str, Value]) -> None:
        if self._blocked is not None:
            raise SaveFailedError(t("status.save_failed", reason=self._blocked))
        text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
        folder = self.path.parent
        try:
            fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=folder)
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as f:
                    f.write(text)
                    f.flush()
                    os.fsync(f.fileno())
                os.chmod(tmp, 0o644)
                os.replace(tmp, self.path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError as exc:
            raise SaveFailedError(t("status.save_failed", reason=exc.strerror or exc)) from exc
        self._stamp = _stamp(self.path)


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size)


def read_responses(path: os.PathLike | str) -> tuple[dict, str | None]:
    """Read another module's answers without changing anything: ``(answers, None)``, or
    ``({}, reason)`` when the file is damaged. A missing file is ``({}, None)``.

    For gathering a learner's work across modules (the action plan, the journal): unlike
    :class:`ResponseStore`, it never moves a damaged file aside, since that file belongs to its
    own module.
    """
    data, reason = _parse(Path(path))
    return {k: v for k, v in data.items() if is_valid_value(v)}, reason


def _parse(path: Path) -> tuple[dict, str | None]:
    """Read ``path``: ``(answers, None)``, or ``({}, reason)`` when it is damaged.

    A missing file, an empty one, or one holding only white space is simply "no answers yet".
    """
    try:
        if path.stat().st_size > MAX_BYTES:
            return {}, t("store.reason.too_large")
        raw = path.read_bytes()
    except FileNotFoundError:
        return {}, None
    except OSError:
        return {}, t("store.reason.unreadable")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return {}, t("store.reason.not_utf8")
    if not text.strip():
        return {}, None
    try:
        data = json.loads(text)
    except ValueError:
        return {}, t("store.reason.not_json")
    if not isinstance(data, dict):
        return {}, t("store.reason.not_object")
    return data, None


_STORES: dict[Path, ResponseStore] = {}


def default_store() -> ResponseStore:
    """The store for the notebook being run: ``responses.json`` in the working folder.

    JupyterLab and nbgrader both start a notebook's kernel in the notebook's own folder, and each
    module has its own folder, so this is the module's file. One store per folder per kernel.
    """
    path = (Path.cwd() / FILENAME).resolve()
    if path not in _STORES:
        _STORES[path] = ResponseStore(path)
    return _STORES[path]
