"""The course's verbs: ``allyship modules`` and ``allyship key`` (see :mod:`allyship.cli`)."""

from __future__ import annotations

import argparse
import json

from ..cli import MODULE, Verb, course_of


def cmd_key(args: argparse.Namespace) -> int:
    from .key import answer_key
    from .layout import resolve_module, source_notebook

    course = course_of(args)
    key = answer_key(source_notebook(course, resolve_module(course, args.module)))
    print(json.dumps(key, ensure_ascii=False, indent=1, sort_keys=True))
    return 0


def cmd_modules(args: argparse.Namespace) -> int:
    from .layout import list_modules

    for module in list_modules(course_of(args)):
        print(module)
    return 0


VERBS = [
    Verb("modules", "instructors", "list the course's modules", cmd_modules),
    Verb(
        "key",
        "instructors",
        "print a module's answer key (the shape of responses.json) from source/",
        cmd_key,
        (MODULE,),
        "Print, from source/, a responses.json that earns full autograded marks.",
    ),
]
