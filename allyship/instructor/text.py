"""The facilitator kit's own sentences (the guide, the facilitator sheet, the projector view, the
printed sheets, the handouts' frame, the kit's index and printing checklist), in English, keyed
by short names; :mod:`.text_fr` holds the same keys in French.

:func:`say` picks the table of the kit's current language (:func:`allyship.kit.strings.
current_language`), which the kit's entry points set from the module they work on (``fr-01_...``
is French) or from ``--lang``: one code path, two tables. The longer printed texts are Markdown
in ``facilitator/`` and ``facilitator/fr/`` (:mod:`.kit_text`); the plans and prompts are in
:mod:`.facilitation_plans` and :mod:`.facilitation_plans_fr`; a module's own text is read from
the module.
"""

from __future__ import annotations

TEXT: dict[str, str] = {
    # ---- handouts.py -----------------------------------------------------------------------
    "handout.short_suffix": " (short handout)",
    "handout.no_release": (
        "{module} has no released copy at {notebook}. Run `make release` first: handouts are "
        "built from release/, so no answer can reach paper."
    ),
    # ---- sheets.py -------------------------------------------------------------------------
    "sheet.name_column": "Name (optional)",
    "sheet.heading": "{title}: {module}",
    "sheet.exercise_for_first": "The module's exercise, for statement 1:",
    "sheet.quoted": "\u201c{text}\u201d",
    "sheet.your_rewrite": "Your rewrite",
    "sheet.check_it": "Check it",
    # the "## " sections the sheets look up in facilitator/*.md
    "section.evaluation.goals": "Goals",
    "section.evaluation.statements": "Statements",
    "section.evaluation.scale": "Scale",
    "section.evaluation.questions": "Questions",
    "section.statements.examples": "Examples written for the facilitator kit",
    "section.statements.rewrite": "Your rewrite",
    "section.statements.check": "Check it",
    # ---- projector.py ----------------------------------------------------------------------
    "projector.quoted": "\u201c{text}\u201d",
    "projector.step": "Step {n} of {total} \u00b7 {span} min",
    "projector.session": "{title} \u00b7 {minutes}-minute session",
    "projector.plan": "Plan: {what} ({minutes} min)",
    # ---- cohort.py (its own literals, until it takes a language) ---------------------------
    "cohort.threshold_too_small": (
        "The smallest group the cohort view may show is {minimum} learners (the consent box "
        "promises learners this); {threshold} is too small."
    ),
    "cohort.excerpts_hidden": (
        "{module}: reflections are not shown (fewer than {threshold} learners agreed to share "
        "them)."
    ),
    "cohort.excerpts_shared": "{module}: {count} learners agreed to share their reflections.",
    # the cohort tables' columns, as the guide shows them (facilitation.show_cohort_table)
    "cohort.item_hidden": "{module} {item}: not shown (fewer than {threshold} of them wrote one).",
    "cohort.item_sampled": (
        "{module} {item}: {limit} of {count} shared reflections quoted (the most recent); "
        "{more} more not shown."
    ),
    "column.module": "module",
    "column.item": "item",
    "column.graded": "graded",
    "column.share_correct": "share_correct",
    "column.most_chosen_wrong": "most_chosen_wrong",
    "column.suppressed": "suppressed",
    "column.question": "question",
    "column.rated": "rated",
    "column.not_sure": "not_sure",
    "column.average": "average",
    "column.excerpt": "excerpt",
    # ---- the guide notebooks' own lines ----------------------------------------------------
    "notebook.journal_saved": (
        "Saved your journal as {name}, in {folder}. Open it in your browser, or print it."
    ),
    "notebook.guide_no_module": "No module {module} was found in this course.",
    "notebook.guide_no_course": "No course folder was found, so there is no group to show yet.",
    "notebook.guide_no_view": (
        "The anonymous group view appears once learners' work has been autograded."
    ),
    "notebook.guide_no_gradebook": (
        "There is no gradebook yet: it appears after the first `nbgrader generate_assignment` "
        "and fills in with `nbgrader autograde`."
    ),
    "notebook.guide_difficulty": "Item difficulty (hidden where the group is too small)",
    "notebook.guide_audit": (
        "Self-audit, group average: 1 Rarely, 2 Sometimes, 3 Often, 4 Almost always"
    ),
    "notebook.try_prompt": "In this course, how do you answer a question?",
    "notebook.try_option1": "By clicking an option or typing in a box",
    "notebook.try_why1": (
        "Yes. That is all there is to it, and every answer is saved the moment you give it."
    ),
    "notebook.try_option2": "By writing Python code",
    "notebook.try_why2": (
        "No code is needed anywhere in the course. The code cells are hidden and locked."
    ),
    "notebook.try_option3": "By emailing my answers to the instructor",
    "notebook.try_why3": (
        "There is no need: your answers are saved next to the notebook, and reach your "
        "instructor when you press Submit in the Assignment List."
    ),
    # ---- facilitation.py: the guide ---------------------------------------------------------
    "guide.title": "Facilitator guide: the allyship course",
    "guide.fallback_title": "Module {number} \u2014 {title}",
    "guide.goals": "Goals",
    "guide.session": "{minutes}-minute session",
    "guide.plan_columns": "| time (min) | length | what happens |",
    "guide.prompts": "Discussion prompts",
    "guide.safety": "Safety notes for this module",
    "guide.general_safety": "Safety notes for every session",
    "guide.see_kit": (
        "The safety notes for every session, and the support lines, apply as well. The "
        "practice questions with an explanation for every option, the agreements, the "
        "handouts and a projector view of this plan are in the session kit: "
        "`allyship kit {module} --out kit`."
    ),
    # ---- readout.py: the facilitator sheet --------------------------------------------------
    "readout.title": "Facilitator sheet: {title}",
    "readout.practice": "Practice questions to read out",
    "readout.read_out": (
        "Read the question and its options aloud (they are on the short handout too). Give a "
        "minute to choose, silently or by a show of hands, never by asking one person. Then read "
        "the explanation for every option; the options that fit are marked \u2713."
    ),
    "readout.no_practice": "This module has no practice questions.",
    "readout.more_than_one": " (more than one fits)",
    "readout.prompts": "Reflections and commitment (private)",
    "readout.private": (
        "For the quiet writing. Offer the prompt or its alternative; what people write is "
        "theirs: never ask anyone to read it aloud or hand it in."
    ),
    "readout.or": "Or:",
    "readout.agreements": "{heading} (read out at the start)",
    # ---- kit.py: the kit's index ------------------------------------------------------------
    "kit.index_title": "Session kit",
    "kit.index": """# Session kit: the allyship course

Made for {people} people by `allyship kit`, from the course's notebooks.

## The day before

1. Read the **facilitator sheet** of your module (`NN_module/facilitator-sheet.pdf`): who
   facilitates, the plan with timings, the agreements, the practice questions with the
   explanation for every option, the reflection prompts and the safety notes.
2. Print what [the printing checklist](printing-checklist.html) lists.
3. On the projector computer, open `NN_module/projector-60min.html` (or `-90min`) in a browser
   and press F11 for full screen: one screen per step of the plan; arrow keys or space to move.
   It needs no network.

## In this folder

- `agreements.pdf`: the group's agreements, in large type (for the wall).
- `facilitator_guide.html`: the whole guide, every module.
- `printing-checklist.html`: pages and copies for {people} people.
{modules}
""",
    "kit.module_line": "- `{module}/`: {pieces}.",
    "kit.pieces": (
        "`facilitator-sheet.pdf`, `projector-60min.html`, `projector-90min.html`, `handout.pdf` "
        "(full), `handout-short.pdf`, `sign-in.pdf`, `evaluation.pdf`"
    ),
    # ---- checklist.py: the printing checklist -----------------------------------------------
    "checklist.page_title": "Printing checklist",
    "checklist.title": "# Printing checklist for {people} people",
    "checklist.intro": (
        "Pages are counted from the PDFs in this folder. Print the **short handout** for each "
        "person, or the full handout instead (it holds the readings and the graded questions). "
        "Double-sided sheets are counted per copy. The projector view is not printed: open it "
        "in a browser on the projector computer (F11 for full screen)."
    ),
    "checklist.no_pdfs": (
        "No PDFs were made (--html-only), so no pages are counted: run `allyship kit` without "
        "--html-only (it needs chromium) to count them."
    ),
    "checklist.every_session": "Every session",
    "checklist.columns": "| file | piece | for | pages each | copies | pages |",
    "checklist.with_short": (
        "- With the short handout: **{pages} pages**, or {sheets} sheets printed double-sided."
    ),
    "checklist.with_full": (
        "- With the full handout: **{pages} pages**, or {sheets} sheets printed double-sided."
    ),
    # the printed pieces and who gets them (Printed.piece and Printed.who, shown)
    "piece.agreements": "agreements",
    "piece.facilitator_sheet": "facilitator sheet",
    "piece.short_handout": "short handout",
    "piece.full_handout": "full handout",
    "piece.statements_to_rewrite": "statements to rewrite",
    "piece.sign_in_sheet": "sign-in sheet",
    "piece.evaluation_form": "evaluation form",
    "who.each_person": "each person",
    "who.each_pair": "each pair",
    "who.each_facilitator": "each facilitator",
    "who.the_room": "the room",
}


def table(language: str | None = None) -> dict[str, str]:
    """The kit's sentences in ``language`` (default: the kit's current language)."""
    from ..kit.strings import current_language

    if (language or current_language()) == "fr":
        from .text_fr import TEXT as french

        return french
    return TEXT


def say(key: str, **values: object) -> str:
    """The sentence for ``key`` in the kit's current language, with ``values`` filled in."""
    return table()[key].format(**values)


def shown(identifier: str, kind: str) -> str:
    """A word the code keeps as an English identifier (a printed piece, who gets it, a
    column), as the current language shows it; unknown ones unchanged."""
    key = f"{kind}.{identifier.replace(' ', '_').replace('-', '_')}"
    return say(key) if key in TEXT else identifier
