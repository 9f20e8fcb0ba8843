"""The learner's journal: their own reflections and commitments, module by module, kept.

Each module saves its answers in ``responses.json`` beside its notebook, and the module folders
sit side by side in the learner's home (``01_what_is_allyship/``, ``02_.../``). The journal reads
them, read-only, in module order, and writes one HTML file the learner can keep after the course
ends. A missing or damaged file is reported in a plain sentence and left exactly as it is.

No pandas here: the journal notebook is a learner's notebook, and must open fast.
"""

from __future__ import annotations

import ast
import html
import re
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from ..errors import NoJournalError
from .store import FILENAME, module_language, read_responses
from .store import MODULE_NAME as MODULE
from .strings import current_language, item_label, t

#: what the journal keeps: reflections, commitments, and the parts of the land record and the
#: action plan that are commitments (``e1-commitment``, ``e1-action`` ...)
KEPT = re.compile(r"^(r\d+|c\d+|e\d+-(commitment|action|when|whose|support|review))$")
FIELD_LABELS = {
    "commitment": "land.commitment",
    "action": "plan.action",
    "when": "plan.when",
    "whose": "plan.whose",
    "support": "plan.support",
    "review": "plan.review",
}
DEFAULT_OUT = "my_allyship_journal.html"
RECORD_OUT = "my_record_of_learning.html"  # written beside the journal (kit/learning_record.py)
#: the same files' names in the French edition
FILE_NAMES = {
    "en": (DEFAULT_OUT, RECORD_OUT),
    "fr": ("mon_journal_alliance.html", "mon_releve_d_apprentissage.html"),
}


def file_names() -> tuple[str, str]:
    """The journal's and the record of learning's file names, in the kit's current language."""
    return FILE_NAMES.get(current_language(), FILE_NAMES["en"])


@dataclass
class Entry:
    item_id: str
    label: str
    prompt: str
    text: str


@dataclass
class ModuleJournal:
    name: str
    title: str
    state: str  # "found", "no_file", "damaged"
    entries: list[Entry] = field(default_factory=list)

    @property
    def note(self) -> str:
        """A plain sentence when there is nothing to show."""
        if self.state == "damaged":
            return t("journal.damaged")
        if self.state == "no_file" or not self.entries:
            return t("journal.empty")
        return ""


def module_folders(start: Path) -> list[Path]:
    """Module folders in ``start``, or else beside it (the journal may sit in its own folder),
    of the current language's edition only (``fr-01_...`` for the French journal)."""
    language = current_language()
    for place in (start, start.parent):
        try:
            found = sorted(
                p
                for p in place.iterdir()
                if p.is_dir()
                and MODULE.match(p.name)
                and module_language(p.name) == language
                and p.resolve() != start.resolve()
            )
        except OSError:
            continue
        if found:
            return found
    return []


def _order(item_id: str) -> tuple[int, int, int]:
    """Reflections, then commitments, then record fields in the order the record asks them."""
    kind = {"r": 0, "c": 1, "e": 2}[item_id[0]]
    digits = re.match(r"\D(\d+)", item_id)
    part = item_id.split("-", 1)[1] if "-" in item_id else ""
    place = list(FIELD_LABELS).index(part) if part in FIELD_LABELS else -1
    return (kind, int(digits.group(1)) if digits else 0, place)


def _read_notebook(folder: Path) -> tuple[str, dict[str, str]]:
    """The module's title and each written item's prompt, from the notebook in the folder."""
    title, prompts = folder.name, {}
    try:
        nb = nbformat.read(str(folder / f"{folder.name}.ipynb"), as_version=4)
    except Exception:  # noqa: BLE001 - a missing or damaged notebook only loses the prompts
        return title, prompts
    for cell in nb.cells:
        gid = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id", "")
        if gid == "title" and cell.source.strip():
            title = cell.source.strip().splitlines()[0].lstrip("# ").strip()
        elif cell.cell_type == "code" and gid.endswith("-ask"):
            try:
                call = ast.parse(cell.source).body[0].value
                item_id, prompt = (ast.literal_eval(a) for a in call.args[:2])
            except Exception:  # noqa: BLE001 - not a call with literal arguments
                continue
            if isinstance(item_id, str) and isinstance(prompt, str):
                prompts[item_id] = prompt
    return title, prompts


def _label(item_id: str, prompts: dict[str, str]) -> tuple[str, str]:
    if "-" in item_id:
        record, part = item_id.split("-", 1)
        return t(FIELD_LABELS[part]), prompts.get(record, "")
    return item_label(item_id), prompts.get(item_id, "")


def read_module(folder: Path) -> ModuleJournal:
    """One module's reflections and commitments, in order (never raises, never writes)."""
    title, prompts = _read_notebook(folder)
    data, reason = read_responses(folder / FILENAME)
    if reason is not None:
        return ModuleJournal(folder.name, title, "damaged")
    if not (folder / FILENAME).is_file():
        return ModuleJournal(folder.name, title, "no_file")
    entries = []
    for item_id in sorted((k for k in data if KEPT.match(k)), key=_order):
        value = data[item_id]
        if isinstance(value, str) and value.strip():
            label, prompt = _label(item_id, prompts)
            entries.append(Entry(item_id, label, prompt, value.strip()))
    return ModuleJournal(folder.name, title, "found", entries)


def gather(start: Path) -> list[ModuleJournal]:
    """Every module found from ``start``, in module order."""
    folders = module_folders(Path(start))
    if not folders:
        raise NoJournalError(t("journal.none_found", start=start))
    return [read_module(f) for f in folders]


def journal_html(
    modules: list[ModuleJournal], *, title: str | None = None, record: str | None = RECORD_OUT
) -> str:
    """One self-contained HTML page: readable, printable, no scripts, nothing fetched; with a
    link to the record of learning written beside it (``record``; ``None``: no link)."""
    e = html.escape
    title = title or t("journal.title")
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{current_language()}"><head><meta charset="utf-8">',
        f"<title>{e(title)}</title>",
        "<style>body{font-family:sans-serif;max-width:46em;margin:2em auto;line-height:1.5}"
        "blockquote{border-left:4px solid #888;margin:0 0 1em;padding:0 1em;white-space:"
        "pre-wrap}.prompt{color:#444;font-style:italic}</style></head><body>",
        f"<h1>{e(title)}</h1>",
        f"<p>{e(t('journal.intro'))}</p>",
    ]
    if record:
        parts.append(f'<p>{e(t("record.link"))} <a href="{e(record)}">{e(record)}</a></p>')
    for module in modules:
        parts.append(f"<section><h2>{e(module.title)}</h2>")
        if module.note:
            parts.append(f"<p>{e(module.note)}</p>")
        for entry in module.entries:
            parts.append(f"<h3>{e(entry.label)}</h3>")
            if entry.prompt:
                parts.append(f'<p class="prompt">{e(entry.prompt)}</p>')
            parts.append(f"<blockquote>{e(entry.text)}</blockquote>")
        parts.append("</section>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def journal_markdown(modules: list[ModuleJournal]) -> str:
    """The same journal as Markdown, for the notebook to show."""
    lines = []
    for module in modules:
        lines.append(f"### {module.title}")
        if module.note:
            lines.append(f"_{module.note}_")
        for entry in module.entries:
            lines.append(f"**{entry.label}.** {entry.prompt}".rstrip())
            lines += ["> " + line if line else ">" for line in entry.text.splitlines()]
            lines.append("")
    return "\n\n".join(lines)


def export_journal(start: Path, out: Path | None = None) -> Path:
    """Write the journal from ``start`` to ``out`` (default: ``my_allyship_journal.html`` in
    ``start``, ``mon_journal_alliance.html`` in French), replacing an earlier copy, and the
    record of learning beside it; return where the journal was written."""
    from .learning_record import export_record

    modules = gather(start)
    journal_name, record_name = file_names()
    out = Path(out) if out is not None else Path(start) / journal_name
    record = export_record(start, out.with_name(record_name))
    _write(out, journal_html(modules, record=record.name))
    return out


def _write(out: Path, text: str) -> None:
    tmp = out.with_name(f".{out.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(out)
