"""The learner's verb, ``allyship journal`` (see :mod:`allyship.cli`)."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..cli import Verb, argument


def cmd_journal(args: argparse.Namespace) -> int:
    from .journal import export_journal

    out = export_journal(Path(args.folder), Path(args.out) if args.out else None)
    print(f"wrote {out}")
    return 0


VERBS = [
    Verb(
        "journal",
        "learners",
        "your reflections and commitments from every module, as one HTML file",
        cmd_journal,
        (
            argument("folder", nargs="?", default=".", help="the folder holding your modules"),
            argument("--out", help="the HTML file to write (default: in that folder)"),
        ),
        "Gather your reflections and commitments from your module folders.",
    ),
]
