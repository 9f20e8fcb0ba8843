"""Rescue what can be read of a submission's ``responses.json`` (part of the repair step).

A crash while saving, a learner's editor or a sync tool can leave the file cut off, padded with
zero bytes, saved in another encoding, or holding the wrong kind of value. Everything readable
is kept; the original is kept aside under a name nbgrader does not grade
(``responses.damaged-repair.json``), and each change is a plain note for the instructor.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from ..kit.store import FILENAME, is_valid_value


def aside(path: Path, name: str) -> Path:
    """A free name beside ``path`` for a file that is being kept, not graded."""
    stem, suffix = Path(name).stem, Path(name).suffix
    kept, n = path.with_name(name), 1
    while kept.exists():
        n += 1
        kept = path.with_name(f"{stem}-{n}{suffix}")
    return kept


def repair_responses(path: Path) -> list[str]:
    if not path.exists():
        return [
            f"There is no {FILENAME} in this submission, so every question is graded as "
            "unanswered. If the learner did answer, their file was not submitted or was too "
            "large to collect: ask them for it."
        ]
    raw = path.read_bytes()
    trimmed = raw.rstrip(b"\x00 \t\r\n")  # a crash can leave a file padded with zero bytes
    notes, rewrite = [], False
    if b"\x00" in raw[len(trimmed) :]:
        notes.append(f"{FILENAME} ended in {len(raw) - len(trimmed)} zero bytes; they were cut.")
        rewrite = True
    try:
        text = trimmed.decode("utf-8")
    except UnicodeDecodeError:
        text = trimmed.decode("cp1252", errors="replace")
        notes.append(f"{FILENAME} was not saved as UTF-8 text; it was read as Windows text.")
        rewrite = True
    try:
        data = json.loads(text) if text.strip() else {}
    except ValueError:
        data = _salvage(text)
        notes.append(
            f"{FILENAME} was damaged (cut off, or not JSON); {len(data)} answers before the "
            f"damage were recovered: {', '.join(sorted(data)) or 'none'}."
        )
        rewrite = bool(data)
    if not isinstance(data, dict):
        return notes + [
            f"{FILENAME} holds a {type(data).__name__}, not a set of answers, so nothing in it "
            "can be graded. Grading keeps it aside and the learner's feedback says so."
        ]
    bad = sorted(k for k, v in data.items() if not is_valid_value(v))
    if bad:
        notes.append(
            f"Answers of the wrong kind in {FILENAME} cannot be graded: {', '.join(bad)}. "
            "The learner's feedback says so; their other answers are graded."
        )
    if rewrite:
        kept = aside(path, f"{path.stem}.damaged-repair{path.suffix}")
        path.replace(kept)
        body = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
        path.write_text(body, encoding="utf-8")
        notes.append(f"The readable answers were saved; the original was kept as {kept.name}.")
    return notes


def _salvage(text: str) -> dict:
    """The ``"key": value`` pairs readable from the start of a cut-off JSON object."""
    decoder, out = json.JSONDecoder(), {}
    i, skip = text.find("{") + 1, re.compile(r"[\s,]*")
    if i == 0:
        return out
    while True:
        i = skip.match(text, i).end()
        try:
            key, i = decoder.raw_decode(text, i)
            i = skip.match(text, i).end()  # white space (a comma here is harmless)
            if not isinstance(key, str) or text[i : i + 1] != ":":
                return out
            i = re.compile(r"\s*").match(text, i + 1).end()
            value, i = decoder.raw_decode(text, i)
        except ValueError:
            return out
        out[key] = value
