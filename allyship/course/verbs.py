"""The course's verbs: ``allyship modules``, ``allyship key`` and ``allyship build`` (see
:mod:`allyship.cli`)."""

from __future__ import annotations

import argparse
import json

from ..cli import MODULE, MODULES, Verb, argument, course_of, modules_of


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


def cmd_build(args: argparse.Namespace) -> int:
    from .build import (
        build_module,
        convert,
        first_difference,
        resolve_text_module,
        text_modules,
        text_path,
        write_source,
    )
    from .layout import list_modules, source_notebook

    course = course_of(args)
    if args.from_source:
        for module in modules_of(args, course):
            print(f"wrote {convert(course, module, force=args.force).relative_to(course)}")
        return 0
    modules = [resolve_text_module(course, m) for m in args.modules] or text_modules(course)
    changed = write_source(course, modules, check=args.check)
    if not args.check:
        for module in modules:
            state = "rebuilt" if module in changed else "unchanged"
            print(f"source/{module}/{module}.ipynb {state}")
        if changed:
            print("Next: make release (nbgrader generate_assignment), then run the tests.")
        return 0
    orphans = [] if args.modules else sorted(set(list_modules(course)) - set(modules))
    for module in changed:
        target = source_notebook(course, module)
        where = first_difference(build_module(course, module), target.read_bytes())
        print(
            f"source/{module}/ differs from {text_path(course, module).relative_to(course)}: "
            f"{where}"
            if target.is_file()
            else f"source/{module}/ is missing"
        )
    for module in orphans:
        print(f"source/{module}/ has no text file {text_path(course, module).relative_to(course)}")
    if changed or orphans:
        print("Run `make source` (allyship build) to write source/ from the text.")
        return 1
    print(f"source/ matches course/ ({len(modules)} modules).")
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
    Verb(
        "build",
        "instructors",
        "write source/ from the course text (course/en/NN_slug.md)",
        cmd_build,
        (
            MODULES,
            argument("--check", action="store_true", help="write nothing; exit 1 on drift"),
            argument(
                "--from-source",
                action="store_true",
                help="the reverse, once: write course/en/ from the source notebooks",
            ),
            argument("--force", action="store_true", help="with --from-source: overwrite"),
        ),
        "Build each module's source notebook from its text file in course/en/, through the "
        "cell factory (docs/authoring.md). Then `make release`.",
    ),
]
