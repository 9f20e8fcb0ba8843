"""What graders and learners read after autograde, without a kernel: the widgets' text faces
(wrapped HTML for formgrader, the answer as data) and the feedback page built from them."""

from __future__ import annotations

import html

import nbformat.v4 as v4

from allyship.grading.feedback_page import FeedbackExporter, page
from allyship.kit.strings import t
from allyship.kit.widgets import Choice, Reflection
from allyship.kit.widgets.base import ANSWER_MIME

OPTIONS = ["Listen first", "Speak first"]
TEXT = "First <b>paragraph</b>, a long one.\n\nSecond paragraph.\nIts second line."


def test_autograded_widgets_give_wrapped_html_and_their_answer_as_data(store, grading):
    store.set("r1", TEXT)
    bundle = Reflection("r1", "Think.", "Or this.", store=store)._repr_mimebundle_()
    html = bundle["text/html"]
    assert "pre-wrap" in html and "&lt;b&gt;paragraph&lt;/b&gt;" in html  # escaped, wrapping
    assert "\n\nSecond paragraph.\nIts second line." in html  # paragraphs and lines kept
    assert html.count("<strong>") == 1 and "<strong>Reflection 1</strong>" in html
    assert bundle[ANSWER_MIME] == {
        "id": "r1",
        "kind": "text",
        "label": "Reflection 1",
        "prompt": "Think.",
        "answer": TEXT,
        "alternative": "Or this.",
    }
    store.set("q1", OPTIONS[1])
    record = Choice("q1", "What comes first?", OPTIONS, store=store)._repr_mimebundle_()
    assert (
        record[ANSWER_MIME]["answer"] == "Speak first" and record[ANSWER_MIME]["kind"] == "choice"
    )


def graded_notebook(q_score: float, comment: str = ""):
    """A tiny autograded notebook: one question, one reflection, grades as GetGrades sets them."""

    def answer(record: dict):
        return v4.new_code_cell(
            outputs=[v4.new_output("execute_result", data={ANSWER_MIME: record})]
        )

    def graded(cell, grade_id, **meta):
        cell.metadata["nbgrader"] = {"grade_id": grade_id, "locked": True, **meta}
        return cell

    return v4.new_notebook(
        cells=[
            v4.new_markdown_cell("# Module 09 — A test\n\nText."),
            graded(v4.new_markdown_cell("Task. === BEGIN MARK SCHEME === secret"), "r1", task=True,
                   score=6.0, points=8.0, comment=comment),
            answer({"id": "r1", "kind": "text", "label": "Reflection 1", "prompt": "Think.",
                    "answer": TEXT, "alternative": None}),
            graded(v4.new_code_cell('check_written("r1")'), "r1-written", grade=True,
                   score=1.0, points=1.0),
            answer({"id": "q1", "kind": "choice", "label": "Question 1", "prompt": "Which?",
                    "answer": "Speak <first>"}),
            graded(v4.new_code_cell('check_answered("q1")'), "q1", grade=True, score=q_score,
                   points=2.0),
        ]
    )  # fmt: skip


def test_damage_notices_and_cells_added_by_hand_are_shown_as_text():
    nb = graded_notebook(2.0)
    setup = v4.new_code_cell(
        outputs=[v4.new_output("execute_result", data={"text/plain": "Damaged."})]
    )
    setup.metadata["nbgrader"] = {"grade_id": "setup", "locked": True}
    added = v4.new_markdown_cell(
        "*Kept, not run:*\n\n```\nwhile True: pass\n```\n<script>x()</script>"
    )
    nb.cells[1:1] = [setup, added]
    page_html = render(nb)
    assert '<p class="notice" role="note">Damaged.</p>' in page_html
    assert "<em>Kept, not run:</em>" in page_html and "while True: pass" in page_html
    assert "<script" not in page_html and "&lt;script&gt;" in page_html


def render(nb) -> str:
    grading = {"assignment": "09_test", "score": 7.0, "max_score": 11.0}
    resources = {"allyship": page(nb, grading)}
    return FeedbackExporter().from_notebook_node(nb, resources=resources)[0]


def test_the_feedback_page_says_right_or_wrong_in_words_and_escapes_answers():
    wrong = render(graded_notebook(0.0, comment="Good. **Next**: who is it for?"))
    assert "<title>Feedback: Module 09 — A test</title>" in wrong
    assert ">Question 1</h2>" in wrong and ">Reflection 1</h2>" in wrong
    assert t("page.wrong") in wrong and t("page.right") not in wrong
    assert "Speak &lt;first&gt;" in wrong and "<first>" not in wrong  # the answer, escaped
    assert "<p>First &lt;b&gt;paragraph&lt;/b&gt;, a long one.</p>" in wrong
    assert "<p>Second paragraph.\nIts second line.</p>" in wrong
    assert "<strong>Next</strong>" in wrong  # the grader's comment is Markdown
    assert t("page.rubric_score", score=6, points=8) in wrong
    assert "Question 1: the answer given is not the one the course expects." in wrong
    for gone in ("MARK SCHEME", "secret", "check_", "<script"):
        assert gone not in wrong
    right = render(graded_notebook(2.0))
    assert t("page.right") in right and t("page.wrong") not in right
    assert t("page.no_comment") in right


def test_criterion_scores_at_the_top_of_a_comment_become_a_table():
    """A grader who starts the comment with the four scores (the mark scheme asks for it) gives
    the learner the score on each criterion; scores that do not add up to the total, or a line
    missing a criterion, leave the total alone, never a wrong table."""
    from allyship.course.rubric import CRITERIA, LEVELS, criterion_scores

    assert criterion_scores("Engagement 2, Perspectives 1, reactions: 2, Action 1\nGood.") == [
        2,
        1,
        2,
        1,
    ]
    assert criterion_scores("Engagement 2, Perspectives 1, Action 1") is None  # one missing
    assert criterion_scores("Engagement 2, Engagement 1, Perspectives 1, Reactions 1") is None
    assert (
        criterion_scores("Good work.\nEngagement 2, Perspectives 1, Reactions 2, Action 1") is None
    )
    comment = "Engagement 2, Perspectives 1, Reactions 2, Action 1\nA clear next step. **Keep** it."
    shown = html.unescape(render(graded_notebook(2.0, comment=comment)))  # its score is 6
    assert t("page.criteria_caption") in shown
    for (name, _), level in zip(
        CRITERIA, (LEVELS[2], LEVELS[1], LEVELS[2], LEVELS[1]), strict=True
    ):
        assert f'<th scope="row">{name}</th><td>{level}</td>' in shown
    assert "Engagement 2, Perspectives" not in shown and "<strong>Keep</strong>" in shown
    wrong_sum = "Engagement 2, Perspectives 2, Reactions 2, Action 2\nToo generous."
    assert t("page.criteria_caption") not in html.unescape(
        render(graded_notebook(2.0, comment=wrong_sum))
    )
