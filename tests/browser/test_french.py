"""The French edition as a French-speaking learner meets it, served as ``make course LANG=fr``
serves it: JupyterLab's menus in French, the French start-here notebook, a French module run from
the French « Exécution » menu, answered with the keyboard, feedback and saved states in French,
and no English sentence anywhere in the notebook (English kept on purpose is marked lang=en)."""

from __future__ import annotations

import pytest

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

#: the notebook's text as a learner reads it, without what is marked English on purpose
NOTEBOOK_TEXT = """() => {
  const copy = document.querySelector('.jp-Notebook').cloneNode(true);
  copy.querySelectorAll('[lang="en"], .jp-InputPrompt, .jp-OutputPrompt').forEach(e => e.remove());
  document.body.appendChild(copy);
  const text = copy.innerText;
  copy.remove();
  return text;
}"""


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
