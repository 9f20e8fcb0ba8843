"""Every sentence the kit shows a person, in one table.

A French edition (or any other) replaces :data:`TEXT` entries; no code changes. Keys are stable
names; values are ``str.format`` templates. Keep sentences plain: say what happened and what to
do next, never a traceback or jargon.
"""

from __future__ import annotations

TEXT: dict[str, str] = {
    # item labels, chosen from the first letter of an item id (q1 -> "Question 1")
    "label.q": "Question {n}",
    "label.r": "Reflection {n}",
    "label.p": "Practice question {n}",
    "label.e": "Exercise {n}",
    "label.a": "Self-audit {n}",
    "label.c": "Commitment {n}",
    "label.other": "Item {id}",
    # status lines under a control
    "status.unanswered": "Not answered yet.",
    "status.saved": "Saved.",
    "status.saved_words": "{words} words · saved.",
    "status.empty_text": "Nothing written yet. What you type is saved as you go.",
    "status.save_failed": (
        "Could not save: {reason}. Your text is still in the box; copy it somewhere safe "
        "and tell your instructor."
    ),
    "status.restored_missing": (
        "Your earlier answer \u201c{value}\u201d is no longer one of the options. "
        "Please choose again."
    ),
    "status.callback_failed": (
        "Something went wrong with this control ({reason}). Your saved answers are safe; "
        "run this cell again, and tell your instructor if it keeps happening."
    ),
    # control labels (the accessible names)
    "control.choice": "Your answer to {label}",
    "control.choices": "Your answers to {label} (select all that apply)",
    "control.reflection": "Your answer to {label}",
    "control.rewrite": "Your rewrite for {label}",
    "control.check": "Check my answer",
    "control.check_framing": "Check my framing",
    "hint.select_all": "Select all that apply.",
    "hint.alternative": "If you prefer, answer this instead:",
    "hint.placeholder": "Write here. It is saved as you type.",
    "hint.graded": "Graded after you submit.",
    "hint.practice": "Practice: not graded. You see feedback straight away.",
    # practice feedback: a word first, so meaning never rests on colour alone
    "feedback.correct": "Correct.",
    "feedback.incorrect": "Not quite.",
    "feedback.partly": "Partly right.",
    "feedback.choose_first": "Choose at least one option, then check.",
    "feedback.option_yes": "You chose \u201c{option}\u201d: {why}",
    "feedback.option_missed": "You did not choose \u201c{option}\u201d, which also fits: {why}",
    # intentional-framing self-check
    "framing.stem_found": "It uses an intentional framing: \u201c{stem}\u2026\u201d.",
    "framing.no_stem": (
        "It does not yet start from one of the three framings. Try beginning with "
        "\u201cWe are showing support for\u2026\u201d, \u201cWe are showing our commitment to "
        "ending\u2026 by\u2026\u201d or \u201cWe are using our privilege to help by\u2026\u201d."
    ),
    "framing.identity_claim": (
        "It calls someone an ally (\u201c{phrase}\u201d). Allyship is recognised by the people we "
        "work with, not claimed; describe the work instead."
    ),
    "framing.too_short": "Write a full sentence first, then check it.",
    # plain-text rendering under autograde (what formgrader and the feedback page show)
    "plain.choice": "{label}: {prompt}\nAnswer given: {answer}",
    "plain.no_answer": "(no answer)",
    "plain.text": "{label}: {prompt}\n{words} words written:\n\n{text}",
    "plain.no_text": "(nothing written)",
    # checks (nbgrader test cells): learner-facing AssertionError messages
    "check.unanswered": (
        "{label} has no answer yet. Go back to {label}, choose an answer, and it is saved "
        "automatically."
    ),
    "check.empty_text": (
        "{label} is empty. Write in its box (the main prompt or the alternative one); "
        "it is saved as you type."
    ),
    "check.too_short": (
        "{label} has {words} words so far; write at least {minimum} words, in your own way."
    ),
    "check.incorrect": (
        "{label}: the answer given is not the one the course expects. The module's summary "
        "and readings explain why."
    ),
    # the responses file
    "store.damaged": (
        "Your saved answers file ({name}) could not be read ({reason}). It was kept, unchanged, "
        "as {aside}, and a fresh file was started. Your instructor can recover earlier answers "
        "from it."
    ),
    "store.partly_damaged": (
        "Some saved answers could not be read ({items}) and were left out. A copy of the whole "
        "file was kept as {aside}."
    ),
    "store.reason.not_utf8": "it is not plain text",
    "store.reason.not_json": "it is not in the expected format",
    "store.reason.not_object": "it does not hold a set of answers",
    "store.reason.too_large": "it is far larger than any set of answers could be",
    "store.reason.unreadable": "the computer would not let the course read it",
    "store.bad_value": (
        "{label} can only be saved as text or a list of texts, not {kind}."
    ),
    "store.ready": "Your answers are saved in {name}, next to this notebook.",
}


def t(key: str, **values: object) -> str:
    """Return the sentence for ``key`` with ``values`` filled in."""
    return TEXT[key].format(**values)


def item_label(item_id: str) -> str:
    """A person's name for an item: ``"q3"`` -> ``"Question 3"``, ``"r1"`` -> ``"Reflection 1"``."""
    prefix, number = item_id[:1].lower(), item_id[1:]
    if number.isdigit() and f"label.{prefix}" in TEXT:
        return t(f"label.{prefix}", n=int(number))
    return t("label.other", id=item_id)
