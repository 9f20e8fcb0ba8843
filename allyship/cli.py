"""The ``allyship`` command: the instructor's and facilitator's verbs.

Thin by design: parse arguments, call the library, print. The library raises
:class:`~allyship.errors.AllyshipError`; this module alone turns one into a single line on
stderr and a non-zero exit status.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from .course import find_course, resolve_module, source_notebook
from .errors import AllyshipError


def cmd_key(args: argparse.Namespace) -> int:
    from .key import answer_key

    course = find_course(args.course)
    module = resolve_module(course, args.module)
    key = answer_key(source_notebook(course, module))
    print(json.dumps(key, ensure_ascii=False, indent=1, sort_keys=True))
    return 0


def cmd_modules(args: argparse.Namespace) -> int:
    from .course import list_modules

    for module in list_modules(find_course(args.course)):
        print(module)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="allyship",
        description="Tools for instructors and facilitators of the allyship course.",
    )
    parser.add_argument(
        "--course", type=Path, default=None, help="the course folder (default: found from here)"
    )
    verbs = parser.add_subparsers(dest="verb", metavar="VERB", required=True)

    key = verbs.add_parser(
        "key",
        help="print a module's answer key (the shape of responses.json) from source/",
        description="Print, from source/, a responses.json that earns full autograded marks.",
    )
    key.add_argument("module", help="a module: 01, 1, 01_what_is_allyship or what_is_allyship")
    key.set_defaults(run=cmd_key)

    modules = verbs.add_parser("modules", help="list the course's modules")
    modules.set_defaults(run=cmd_modules)

    for name in VERB_MODULES:
        importlib.import_module(f"{__package__}.{name}").add_verbs(verbs)
    return parser


#: Kit modules that add verbs: each has ``add_verbs(subparsers)``, which adds its parsers and sets
#: ``run=`` to a function of the parsed arguments returning an exit code. They import anything
#: heavy (pandas) inside ``run``, so ``allyship key`` stays fast.
VERB_MODULES = ("repair", "grading_cli", "analytics_cli", "handouts")


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except AllyshipError as exc:
        print(f"allyship: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("allyship: stopped.", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
