"""The learner's record of learning, for continuing-education credit they report themselves.

Written beside the journal by :func:`allyship.kit.journal.export_journal` (and linked from it):
for each module found, its title, its learning objectives and the time it states (read from
the learner's copy of the notebook), the date an answer was last saved in it, and the learner's
commitments. Never a reflection: the record is for a professional body, the journal for the
learner. Claims no accreditation (the course has none).

No pandas here: this runs in a learner's notebook.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import nbformat

from ..errors import NoJournalError
from .journal import Entry, _write, file_names, module_folders, read_module
from .store import FILENAME
from .strings import current_language, t

#: what the record keeps: commitments, never reflections
COMMITMENT = re.compile(r"^(c\d+|e\d+-(commitment|action|when|whose|support|review))$")
# the title's time sentence: "**Time:** about 45–60 minutes." up to the end of that sentence
TIME_LINE = re.compile(r"\*\*Time:?\*\*:?\s*(.+?(?:\.(?=\s|$)|(?=\n\s*\n)|$))", re.S)
LIST_ITEM = re.compile(r"^\s*(?:\d+[.)]|[-*])\s+")


@dataclass
class ModuleRecord:
    title: str
    objectives: list[str]
    time: str  # the time sentence the module states ("" if none)
    last_saved: str  # the date responses.json was last written ("" if never)
    commitments: list[Entry]


def _objectives(source: str) -> list[str]:
    """The numbered (or bulleted) lines of an objectives cell, continuation lines joined."""
    found: list[str] = []
    for line in source.splitlines():
        if LIST_ITEM.match(line):
            found.append(LIST_ITEM.sub("", line).strip())
        elif found and line.startswith((" ", "\t")) and line.strip():
            found[-1] += " " + line.strip()
    return [item.replace("**", "") for item in found]


def read_record(folder: Path) -> ModuleRecord:
    """One module's objectives, stated time, last save and commitments (never raises)."""
    journal = read_module(folder)
    objectives, time = [], ""
    try:
        nb = nbformat.read(str(folder / f"{folder.name}.ipynb"), as_version=4)
    except Exception:  # noqa: BLE001 - a missing or damaged notebook only loses these lines
        nb = None
    for cell in nb.cells if nb is not None else []:
        gid = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id", "")
        if cell.cell_type != "markdown":
            continue
        if gid == "objectives":
            objectives = _objectives(cell.source)
        m = TIME_LINE.search(cell.source)
        if m and (gid == "title" or not time):
            time = " ".join(m.group(1).split())
    try:
        saved = datetime.fromtimestamp((folder / FILENAME).stat().st_mtime)
        last = f"{saved.day} {saved:%B %Y}"
    except OSError:
        last = ""
    kept = [e for e in journal.entries if COMMITMENT.match(e.item_id)]
    return ModuleRecord(journal.title, objectives, time, last, kept)


def record_html(records: list[ModuleRecord]) -> str:
    """The record of learning as one self-contained, printable HTML page."""
    e = html.escape
    title = t("record.title")
    parts = [
        f'<!DOCTYPE html><html lang="{current_language()}"><head><meta charset="utf-8">',
        f"<title>{e(title)}</title><style>body{{font-family:sans-serif;max-width:46em;"
        "margin:2em auto;line-height:1.5}.small{color:#444;font-size:.9em}</style></head><body>",
        f"<h1>{e(title)}</h1><p>{e(t('record.intro'))}</p>",
        f'<p class="small">{e(t("record.not_accredited"))}</p>',
    ]
    for r in records:
        parts.append(f"<section><h2>{e(r.title)}</h2>")
        time = t("record.time", time=r.time) if r.time else t("record.no_time")
        parts.append(f"<p>{e(time)}</p>")
        if r.last_saved:
            parts.append(f"<p>{e(t('record.last_saved', date=r.last_saved))}</p>")
        if r.objectives:
            items = "".join(f"<li>{e(o)}</li>" for o in r.objectives)
            parts.append(f"<h3>{e(t('record.objectives'))}</h3><ol>{items}</ol>")
        parts.append(f"<h3>{e(t('record.commitments'))}</h3>")
        if not r.commitments:
            parts.append(f"<p>{e(t('record.no_commitments'))}</p>")
        for c in r.commitments:
            parts.append(f"<p><strong>{e(c.label)}.</strong> {e(c.text)}</p>")
        parts.append("</section>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def export_record(start: Path, out: Path | None = None) -> Path:
    """Write the record of learning from ``start`` (default: ``my_record_of_learning.html``
    there); return where it was written."""
    folders = module_folders(Path(start))
    if not folders:
        raise NoJournalError(t("journal.none_found", start=start))
    out = Path(out) if out is not None else Path(start) / file_names()[1]
    _write(out, record_html([read_record(f) for f in folders]))
    return out
