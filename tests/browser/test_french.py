"""The French edition as a French-speaking learner meets it, served as ``make course LANG=fr``
serves it: JupyterLab's menus in French, the French start-here notebook, a French module run from
the French « Exécution » menu, answered with the keyboard, feedback and saved states in French,
and no English sentence anywhere in the notebook (English kept on purpose is marked lang=en)."""

from __future__ import annotations

import shutil

import pytest

from allyship.instructor import lab_words
from allyship.kit.strings import in_language, item_label, t
from allyship.kit.text import word_count

from ..course.english import english_sentences
from .notebook import (
    item,
    item_ids,
    item_specs,
    mark_items,
    menu,
    poll_json,
    shot,
    wait_fresh,
    wait_kernel,
)

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]
MODULE = "fr-01_etre_allie"
TYPED = "Écrit au clavier : l'affiche disait « alliés », personne n'a demandé l'avis des patients."


def text_without(root: str, drop: str) -> str:
    """A page function: the text a person reads in ``root``, leaving out what ``drop`` selects
    (copied and laid out off to the side, so the page itself is not changed)."""
    return f"""() => {{
  const copy = document.querySelector({root!r}).cloneNode(true);
  copy.querySelectorAll({drop!r}).forEach(e => e.remove());
  document.body.appendChild(copy);
  const text = copy.innerText;
  copy.remove();
  return text;
}}"""


#: the notebook's text as a learner reads it, without what is marked English on purpose
NOTEBOOK_TEXT = text_without(".jp-Notebook", '[lang="en"], .jp-InputPrompt, .jp-OutputPrompt')


def french_text_only(page) -> list[str]:
    return english_sentences(page.evaluate(NOTEBOOK_TEXT))


def test_the_french_start_here_opens_in_a_french_jupyterlab(page, lab_fr):
    try:
        page.goto(f"{lab_fr.url}/?token={lab_fr.token}")  # make course LANG=fr's default page
        page.locator(".lm-MenuBar-itemLabel:text-is('Exécution')").wait_for(timeout=60_000)
        page.locator(".jp-Notebook .jp-MarkdownCell").first.wait_for()
        page.locator(".jp-DirListing-item.jp-mod-selected, .lm-TabBar-tabLabel").filter(
            has_text="00_commencer_ici"
        ).first.wait_for()
        wait_kernel(page, "notebooks/fr/00_commencer_ici.ipynb")
        menu(page, "Exécution", "Exécuter toutes les cellules")
        with in_language("fr"):
            item(page, item_label("p1")).wait_for(timeout=60_000)
        assert not french_text_only(page), french_text_only(page)
        shot(page, "1-start-here")
    finally:
        lab_fr.shutdown_kernels()


def test_a_french_module_taken_with_the_keyboard_speaks_french(page, lab_fr):
    notebook = lab_fr.learner_copy(MODULE, "apprenante")
    path = f"apprenante/{MODULE}/{MODULE}.ipynb"
    responses = notebook.parent / "responses.json"
    specs = item_specs(notebook)
    try:
        page.goto(lab_fr.lab_url(path))
        page.locator(".jp-Notebook").first.wait_for()
        wait_kernel(page, path)
        mark_items(page)
        menu(page, "Exécution", "Exécuter toutes les cellules")
        wait_fresh(page, path, len(item_ids(notebook)))
        with in_language("fr"):
            practice = item(page, item_label("p1"))
            practice.scroll_into_view_if_needed()
            # keyboard only: focus the first option, then the arrow keys choose
            practice.locator("input").first.focus()
            page.keyboard.press("Space")
            feedback = practice.locator(".allyship-feedback")
            feedback.wait_for()
            assert feedback.inner_text().strip()
            shown = feedback.inner_text()
            assert t("feedback.correct") in shown or t("feedback.incorrect") in shown
            reflection = item(page, item_label("r1"))
            reflection.locator("textarea").focus()
            page.keyboard.type(TYPED)
            reflection.get_by_text(t("status.saved_words", words=word_count(TYPED))).wait_for()
        first = specs["p1"]["args"][2][0][0]
        poll_json(responses, {"p1": first, "r1": TYPED})
        found = french_text_only(page)
        assert not found, "English a French learner would read:\n" + "\n".join(found[:10])
        shot(page, "2-module-in-french")
    finally:
        lab_fr.shutdown_kernels()


#: nbgrader's own English labels, which the French edition's JupyterLab says in French
NBGRADER_ENGLISH = sorted(lab_words.words("fr"))
#: the page's text outside the notebooks (the Assignment List, menus, toolbars, dialogs)
PAGE_TEXT = text_without("body", ".jp-Notebook")


def nbgrader_english(page) -> list[str]:
    """nbgrader's English labels still on the page, as text or as a title or aria-label."""
    text = page.evaluate(PAGE_TEXT)
    attributes = page.evaluate(
        "() => [...document.querySelectorAll('[title], [aria-label]')]"
        ".flatMap(e => [e.getAttribute('title'), e.getAttribute('aria-label')])"
        ".filter(v => v).map(v => v.trim())"
    )
    lines = {line.strip() for line in text.splitlines()} | set(attributes)
    return [label for label in NBGRADER_ENGLISH if label in lines]


def test_a_french_learner_fetches_validates_and_submits_in_french(page, lab_fr):
    """Start-here's first step as the French page gives it, then Validate and Submit: nbgrader's
    panels and dialog say every label in French (lab_words.py), and no English label is left."""
    with in_language("fr"):
        words = {k: t(f"lab.nbgrader.{k}") for k in ("assignment_list", "released", "fetch")}
        words |= {k: t(f"lab.nbgrader.{k}") for k in ("validate", "submit", "submitted")}
        words["results"] = t("lab.nbgrader.validation_results")
        words["assignments"] = t("lab.nbgrader.assignments")
    try:
        page.goto(f"{lab_fr.url}/?token={lab_fr.token}")
        page.locator(".lm-MenuBar-itemLabel:text-is('Exécution')").wait_for(timeout=60_000)
        current = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook")
        current.get_by_role("heading", name="Commencer ici").wait_for()
        start_text = current.inner_text()
        for label in ("Nbgrader", words["assignment_list"], words["released"], words["fetch"]):
            assert label in start_text, label  # the steps below are the ones the page gives
        menu(page, "Nbgrader", words["assignment_list"])
        panel = page.get_by_role("tabpanel", name=words["assignments"])  # the tab's French name
        panel.locator(".panel-heading", has_text=words["released"]).wait_for()
        row = page.locator(".list_item", has_text=MODULE).first
        row.get_by_role("button", name=words["fetch"], exact=True).click()
        downloaded = page.locator("#fetched_assignments_list")
        downloaded.locator(".list_item", has_text=MODULE).first.wait_for()
        assert not nbgrader_english(page), nbgrader_english(page)
        shot(page, "3-assignment-list")
        downloaded.locator(".list_item:not(.nested_list_item) a", has_text=MODULE).first.click()
        notebook_row = downloaded.locator(".nested_list_item", has_text=MODULE).first
        notebook_row.get_by_role("button", name=words["validate"], exact=True).click()
        dialog = page.locator(".jp-Dialog")
        dialog.get_by_text(words["results"], exact=True).wait_for()
        assert not nbgrader_english(page), nbgrader_english(page)
        shot(page, "4-validate-dialog")
        dialog.get_by_role("button").last.click()
        row = downloaded.locator(".list_item:not(.nested_list_item)", has_text=MODULE).first
        row.get_by_role("button", name=words["submit"], exact=True).click()
        submitted = page.locator("#submitted_assignments_list")
        submitted.locator(".list_item", has_text=MODULE).first.wait_for(timeout=60_000)
        assert words["submitted"] in page.evaluate(PAGE_TEXT)
        assert not nbgrader_english(page), nbgrader_english(page)
        shot(page, "5-submitted")
        # the module itself: nbgrader's Validate button in its toolbar says « Valider » too
        path = f"{MODULE}/{MODULE}.ipynb"
        page.goto(lab_fr.lab_url(path))
        wait_kernel(page, path)
        toolbar = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-NotebookPanel-toolbar")
        toolbar.get_by_text(words["validate"], exact=True).wait_for()
        assert not nbgrader_english(page), nbgrader_english(page)
        shot(page, "6-module-toolbar")
    finally:
        shutil.rmtree(lab_fr.root / MODULE, ignore_errors=True)
        lab_fr.shutdown_kernels()
