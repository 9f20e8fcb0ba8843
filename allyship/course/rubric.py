"""The reflection rubric: published to learners in every module, and the graders' mark scheme.

Adapted from REFLECT (Wald, Borkan, Taylor, Anthony & Reis, *Academic Medicine* 2012;87(1):41-50,
doi:10.1097/ACM.0b013e31823b55fa) and its three-level adaptation with an *Action* row
(PMC7485666, Table 1). The descriptors are the course's own words. The rubric grades *how*
someone reflects, never what they disclose: a reflection on a hypothetical, a case study or a
situation the learner observed can earn every point.
"""

from __future__ import annotations

LEVELS = ("Describing (0)", "Reflecting (1)", "Questioning (2)")

#: (criterion, [descriptor per level])
CRITERIA: list[tuple[str, list[str]]] = [
    (
        "Engagement with the prompt",
        [
            "Restates the prompt or the reading in general terms.",
            "Answers the prompt (or the alternative) with a specific situation, real or imagined.",
            "Answers with a specific situation and says why it matters for their work.",
        ],
    ),
    (
        "Perspectives and assumptions",
        [
            "One point of view only; assumptions go unexamined.",
            "Considers how the situation looks to someone else, such as a patient or colleague.",
            "Names an assumption (their own, or one built into a system) and questions where it "
            "comes from.",
        ],
    ),
    (
        "Reactions and meaning",
        [
            "No reactions noticed, or no meaning drawn.",
            "Notices a reaction (such as discomfort or defensiveness), which need not be "
            "their own, and draws some meaning from the situation.",
            "Explores what the reaction shows and connects it to the module's ideas about "
            "allyship.",
        ],
    ),
    (
        "Action",
        [
            "No intention to act, or a vague one.",
            "A clear intention to act differently.",
            "A clear, concrete intention with a first step, and who it is for.",
        ],
    ),
]

RUBRIC_POINTS = 2 * len(CRITERIA)
#: each criterion's one-word name, which a grader writes with its score at the top of the
#: comment ("Engagement 2, Perspectives 1, Reactions 1, Action 1"); the feedback page then shows
#: the scores criterion by criterion (:func:`criterion_scores`)
SHORT = ("Engagement", "Perspectives", "Reactions", "Action")


def table(first: str, levels, criteria) -> str:
    """A rubric as a Markdown table: ``first`` heads the criteria's column, then one column per
    level; a row per criterion (both editions lay theirs out with this)."""
    head = f"| {first} | " + " | ".join(levels) + " |\n|" + "---|" * (len(levels) + 1) + "\n"
    return head + "".join(f"| **{name}** | " + " | ".join(d) + " |\n" for name, d in criteria)


def rubric_markdown() -> str:
    """The rubric as a Markdown table, for the learner-facing cell of every module."""
    return (
        '<a id="rubric"></a>\n### How reflections are graded\n\n'
        "A person reads each reflection and scores four criteria from 0 to 2, "
        f"{RUBRIC_POINTS} points in all. The rubric is adapted from REFLECT (Wald et al., "
        "*Academic Medicine*, 2012). It looks at **how** you reflect, never at **what** you "
        "disclose: you never have to write about yourself, your identity or your history. A "
        "reflection on a hypothetical situation, a case you read about or something you observed "
        "can earn every point. Length earns nothing on its own.\n\n"
        + table("Criterion", LEVELS, CRITERIA)
    )


MARK_SCHEME = (
    "=== BEGIN MARK SCHEME ===\n"
    f"Score with the module's rubric: four criteria, 0-2 each, {RUBRIC_POINTS} points. Grade the "
    "reflective process only. Never reward or penalise what is disclosed (identity, history, "
    "trauma, opinions): a hypothetical or observed situation earns full marks. Do not mark "
    "spelling or length. Leave one sentence of feedback naming a strength and one next step.\n"
    "Start the comment with the four scores on its first line, for example "
    '"Engagement 2, Perspectives 1, Reactions 1, Action 1": the learner\'s feedback page then '
    "shows the score on each criterion (when they add up to the score you give).\n"
    "=== END MARK SCHEME ==="
)


def criterion_scores(comment: str, short: tuple[str, ...] = SHORT) -> list[int] | None:
    """The four criterion scores a grader wrote at the top of a comment, in rubric order, or
    ``None`` unless its first line names every criterion once with a score of 0, 1 or 2."""
    import re

    first = (comment or "").strip().splitlines()[0] if (comment or "").strip() else ""
    scores = []
    for name in short:
        found = re.findall(rf"(?<!\w){re.escape(name)}\s*[:=]?\s*([0-2])(?![\d.,]\d)", first, re.I)
        if len(found) != 1:
            return None
        scores.append(int(found[0]))
    return scores


def edition(language: str | None = None):
    """The rubric's names (``LEVELS``, ``CRITERIA``, ``MARK_SCHEME``, ``rubric_markdown``) in
    ``language`` (default: the kit's current one): this module, or :mod:`.rubric_fr`."""
    from ..kit.strings import current_language

    if (language or current_language()) == "fr":
        from . import rubric_fr

        return rubric_fr
    import sys

    return sys.modules[__name__]
