"""``.allyship/`` in the course folder: what the instructor's tools keep and git must not.

It holds the certificate secret and revocations (:mod:`.certificate_codes`) and the report's
caches (the gradebook's frames, the answers read from ``autograded/``). The folder is made
readable by its owner only and carries its own ``.gitignore`` of ``*``, so nothing in it is ever
committed, whatever the course's own ``.gitignore`` says.

Caches are pickles, loaded only from this folder: whoever can write here can already change the
gradebook and ``nbgrader_config.py`` (which nbgrader runs as Python). Each is stored with the
key it was made under (the files' sizes and modification times) and is ignored, and rebuilt,
when the key no longer matches or the file cannot be read.
"""

from __future__ import annotations

import os
import pickle
from pathlib import Path

FOLDER = ".allyship"
VERSION = 2  # bump when a cache's contents change shape


def private_folder(course: Path) -> Path:
    """``.allyship/`` in the course folder (made on first use), git-ignored by its own file."""
    folder = course / FOLDER
    folder.mkdir(mode=0o700, exist_ok=True)
    ignore = folder / ".gitignore"
    if not ignore.is_file():
        ignore.write_text("# certificate secret, revocations, report caches: never commit\n*\n")
    return folder


def cache_folder(course: Path) -> Path | None:
    """Where the report keeps its caches, or None when the course folder is read-only (the
    report then reads everything each time)."""
    try:
        return private_folder(course)
    except OSError:
        return None


def load(folder: Path, name: str, key: object) -> object | None:
    """What was saved under ``key``, or None (no cache, another key, or unreadable)."""
    try:
        with open(folder / f"{name}.cache", "rb") as f:
            version, saved_key, value = pickle.load(f)
    except Exception:  # noqa: BLE001 - a missing or damaged cache is only a slower report
        return None
    return value if version == VERSION and saved_key == key else None


def holds(folder: Path, name: str, key: object) -> bool:
    """Whether :func:`load` would find ``key``, from the small file of the key alone (a cache
    can be hundreds of megabytes). True means likely, not certain: :func:`load` still checks."""
    try:
        if not (folder / f"{name}.cache").is_file():
            return False
        with open(folder / f"{name}.key", "rb") as f:
            return pickle.load(f) == (VERSION, key)
    except Exception:  # noqa: BLE001 - no key file, or a damaged one: say no
        return False


def save(folder: Path, name: str, key: object, value: object) -> None:
    """Keep ``value`` under ``key`` (written whole, then renamed into place), and the key beside
    it for :func:`holds`."""
    for suffix, content in (("cache", (VERSION, key, value)), ("key", (VERSION, key))):
        tmp = folder / f".{name}.{suffix}.{os.getpid()}.tmp"
        try:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "wb") as f:
                pickle.dump(content, f, protocol=pickle.HIGHEST_PROTOCOL)
            tmp.replace(folder / f"{name}.{suffix}")
        except OSError:  # a full disk or a read-only folder: the next report reads everything
            tmp.unlink(missing_ok=True)
            return
