"""The French edition's sentences stay in step with the English ones.

The kit's table (``strings_fr.TEXT``), the rubric (``rubric_fr``) and the support lines
(``support_fr``): a key, a placeholder, a criterion or a phone number added on one side and not
the other fails here, and so does a sentence left in English.
"""

from __future__ import annotations

import re
import string

import pytest

from allyship.course import rubric, rubric_fr, support, support_fr
from allyship.instructor import lab_words
from allyship.kit import strings, strings_fr
from allyship.kit.strings import in_language, item_label, t

EN, FR = strings.TEXT, strings_fr.TEXT

#: values that are the same in both languages, and why
SAME_ON_PURPOSE = {
    "label.q": "« Question » is the French word too",
    "land.nations": "« Nations » is the French word too (the field's help text is French)",
}

#: nbgrader's English labels, which the French edition's JupyterLab says in French
#: (allyship/instructor/lab_words.py): no French sentence may use them
NBGRADER_LABELS = tuple(lab_words.words("fr"))

#: typography: a plain space where French wants a non-breaking one, or English quotes
SPACING = re.compile(r" [:%»]|« |[\u201c\u201d]")
#: an abbreviated gendered form (allié·e, allié(e)s), which screen readers read badly
ABBREVIATED_DOUBLET = re.compile(r"\w[·.]e\b|\w\(e\)|\w\(es\)", re.IGNORECASE)


def fields(template: str) -> set[tuple[str, str, str | None]]:
    """The ``str.format`` fields of ``template``: (name, format spec, conversion)."""
    return {
        (name, spec, conversion)
        for _, name, spec, conversion in string.Formatter().parse(template)
        if name is not None
    }


def test_the_french_table_has_every_english_key_and_no_other():
    assert sorted(set(EN) - set(FR)) == [], "keys missing in strings_fr.py"
    assert sorted(set(FR) - set(EN)) == [], "keys in strings_fr.py that English does not have"


@pytest.mark.parametrize("key", sorted(EN))
def test_same_placeholders_as_the_english_sentence(key):
    assert fields(FR[key]) == fields(EN[key])


@pytest.mark.parametrize("key", sorted(EN))
def test_every_french_sentence_fills_in(key):
    values = {name: 1 for name, _, _ in fields(EN[key])}
    assert FR[key].format(**values).strip()


def test_no_sentence_is_left_in_english():
    same = sorted(k for k in EN if k in FR and FR[k] == EN[k])
    assert same == sorted(SAME_ON_PURPOSE)


def test_no_french_sentence_names_an_nbgrader_button_in_english():
    found = {
        key: label
        for key, value in FR.items()
        for label in NBGRADER_LABELS
        if re.search(rf"(?<!\w){re.escape(label)}(?!\w)", value)
    }
    assert found == {}


def test_the_sentences_name_nbgrader_buttons_as_the_french_lab_shows_them():
    # the words lab_words.py puts on nbgrader's buttons are the ones the sentences cite
    assert FR["lab.nbgrader.validate"] in FR["validate.could_not_check"]
    assert FR["lab.nbgrader.submit"] in FR["lab.validate_success"]
    assert FR["lab.nbgrader.assignments"] in FR["lab.validate_success"]
    # and the English table holds nbgrader 0.9.6's own labels, which the extension looks for
    assert EN["lab.nbgrader.fetch"] == "Fetch" and EN["lab.nbgrader.submit"] == "Submit"


def test_jupyterlab_labels_are_the_french_language_packs():
    # the pack's menu « Exécution » (menu context "Run") and its command "Run All Cells"
    for key in ("cell.widget", "validate.could_not_check", "lab.press_run_all"):
        assert "Exécuter toutes les cellules" in FR[key], key
        assert "Exécution" in FR[key], key
    assert not any("Run All" in v or "Run menu" in v for v in FR.values())


def test_french_typography_and_no_abbreviated_doublets():
    assert [k for k, v in FR.items() if SPACING.search(v)] == []
    assert [k for k, v in FR.items() if ABBREVIATED_DOUBLET.search(v)] == []


def test_the_buttons_the_module_texts_cite():
    # docs/glossaire.md: the French modules quote these buttons by these names
    assert FR["control.check"] == "Vérifier ma réponse"
    assert FR["control.check_framing"] == "Vérifier ma formulation"


def test_the_kit_speaks_french_in_the_french_edition():
    with in_language("fr"):
        assert item_label("r2") == "Réflexion 2"
        assert item_label("p1") == "Question d'entraînement 1"
        assert t("check.unanswered", label="Question 3").startswith("Question 3 n'a pas")
    assert item_label("r2") == "Reflection 2"


# -- the rubric --------------------------------------------------------------------------------


def test_the_french_rubric_has_the_same_criteria_levels_and_points():
    assert len(rubric_fr.CRITERIA) == len(rubric.CRITERIA) == 4
    assert len(rubric_fr.LEVELS) == len(rubric.LEVELS)
    points = re.compile(r"\((\d+)\)$")
    assert [points.search(x).group(1) for x in rubric_fr.LEVELS] == [
        points.search(x).group(1) for x in rubric.LEVELS
    ]
    for (name, descriptors), (en_name, en_descriptors) in zip(
        rubric_fr.CRITERIA, rubric.CRITERIA, strict=True
    ):
        assert len(descriptors) == len(en_descriptors) == len(rubric_fr.LEVELS), name
        assert name != en_name
        assert all(d not in en_descriptors for d in descriptors), name
    assert rubric_fr.RUBRIC_POINTS == rubric.RUBRIC_POINTS


def test_the_french_rubric_mirrors_the_english_modules_names():
    for name in ("LEVELS", "CRITERIA", "RUBRIC_POINTS", "MARK_SCHEME", "rubric_markdown"):
        assert hasattr(rubric_fr, name), name
    assert rubric.edition("fr") is rubric_fr


def test_the_french_rubric_cell_and_mark_scheme():
    page = rubric_fr.rubric_markdown()
    assert page.startswith('<a id="rubric"></a>\n### ')
    assert f"{rubric.RUBRIC_POINTS}\u00a0points" in page
    assert page.count("\n| **") == len(rubric_fr.CRITERIA)
    # graded on how someone reflects, never on what they disclose
    assert "jamais sur **ce que** vous révélez" in page
    scheme = rubric_fr.MARK_SCHEME
    assert scheme.startswith("=== BEGIN MARK SCHEME ===\n")
    assert scheme.endswith("\n=== END MARK SCHEME ===")
    assert f"{rubric.RUBRIC_POINTS}\u00a0points" in scheme
    assert "Ne récompensez ni ne pénalisez jamais ce qui est révélé" in scheme


# -- the support lines -------------------------------------------------------------------------

PHONE = re.compile(r"\*\*(\d[\d-]*\d)\*\*")


def test_the_french_support_lines_keep_every_english_number():
    english = set(PHONE.findall(support.SUPPORT_MARKDOWN))
    french = set(PHONE.findall(support_fr.SUPPORT_MARKDOWN))
    assert english and english <= french
    assert french - english == {"811"}  # Québec's Info-Social, French only


def test_the_french_support_cell_links_its_sources():
    text = support_fr.SUPPORT_MARKDOWN
    assert text.startswith('<a id="support"></a>\n### ')
    links = re.findall(r"\]\((https://[^)\s]+)\)", text)
    assert links and all(link.startswith("https://") for link in links)
    # a source only in English says so
    for link in links:
        if "/eng/" in link:
            assert f"]({link}) (en anglais)" in text, link
    assert support.support_markdown("fr") == text
