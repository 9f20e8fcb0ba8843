"""The French edition's sentences for the facilitator kit's Python code (issue 19).

Every sentence that :mod:`.kit_text`, :mod:`.handouts`, :mod:`.sheets`, :mod:`.projector` and
:mod:`.cohort` show a person, in French, keyed by a short name. Each entry's comment names the
English literal it replaces (``file:line`` as of commit 7658207, and the literal itself), so the
code can pick one or the other by language without a second copy of any logic. Placeholders are
named (``{module}``, ``{minutes}`` ...); the comment says which English expression fills each.

Not here: the kit texts kept as Markdown (``facilitator/fr/*.md``, read by :func:`.kit_text.
kit_text`), module text (read from the French notebooks) and the kit's learner strings
(``allyship/kit/strings_fr.py``). :mod:`.kit_text` itself shows no sentence: it only reads the
Markdown files.

French typography follows Québec usage (OQLF): a space before ":" and inside « », none before
";", "?" and "!".
"""

from __future__ import annotations

TEXT: dict[str, str] = {
    # ---- handouts.py -----------------------------------------------------------------------
    # handouts.py:184 " (short handout)" (appended to the handout's page title)
    "handout.short_suffix": " (document abrégé)",
    # handouts.py:193-194 f"{module} has no released copy at {notebook}. Run `make release`
    # first: handouts are built from release/, so no answer can reach paper."
    "handout.no_release": (
        "Le module {module} n'a pas de copie publiée à l'emplacement {notebook}. Lancez d'abord "
        "`make release` : les documents imprimés sont produits à partir de release/, pour "
        "qu'aucune réponse ne puisse se retrouver sur papier."
    ),
    # ---- sheets.py -------------------------------------------------------------------------
    # sheets.py:77 "Name (optional)" (the sign-in sheet's one column)
    "sheet.name_column": "Nom (facultatif)",
    # sheets.py:80-81, 117, 120, 138, 143 f"{title}: {module_title}" (a sheet's heading and
    # page title: the kit text's title, then the module's)
    "sheet.heading": "{title} : {module}",
    # sheets.py:131 "The module's exercise, for statement 1:"
    "sheet.exercise_for_first": "L'exercice du module, pour l'énoncé 1 :",
    # sheets.py:135 "\u201c{c}\u201d" (each statement to rewrite, in quotation marks)
    "sheet.quoted": "« {text} »",
    # sheets.py:140 'Your rewrite' (the heading shown over the rewrite lines)
    "sheet.your_rewrite": "Votre reformulation",
    # sheets.py:141 "Check it" (the heading shown over the checks)
    "sheet.check_it": "Pour vérifier",
    # The "## " section names the sheets look up in facilitator/fr/*.md. The French files are
    # French throughout (tests/course/test_editions.py reads them), so their headings are French
    # and the code looks each one up by these names instead of the English literal.
    # sheets.py:90 parts["Goals"] (facilitator/evaluation.md "## Goals")
    "section.evaluation.goals": "Objectifs",
    # sheets.py:91-92 parts["Statements"] (facilitator/evaluation.md "## Statements")
    "section.evaluation.statements": "Énoncés",
    # sheets.py:93 parts["Scale"] (facilitator/evaluation.md "## Scale")
    "section.evaluation.scale": "Échelle",
    # sheets.py:93 parts["Questions"] (facilitator/evaluation.md "## Questions")
    "section.evaluation.questions": "Questions",
    # sheets.py:129 parts["Examples written for the facilitator kit"] (facilitator/statements.md)
    "section.statements.examples": "Exemples écrits pour la trousse d'animation",
    # sheets.py:140 parts['Your rewrite'] (facilitator/statements.md "## Your rewrite")
    "section.statements.rewrite": "Votre reformulation",
    # sheets.py:136 parts["Check it"] (facilitator/statements.md "## Check it")
    "section.statements.check": "Pour vérifier",
    # (projector.py:105, :150 look up facilitator/fr/projector.md's sections by step kind:
    # "welcome", "recap" ... "keys" are the plan's own identifiers, never shown, and stay as in
    # English.)
    # ---- projector.py ----------------------------------------------------------------------
    # projector.py:121 "\u201c{claims[0]}\u201d" (the statement shown on the activity screen)
    "projector.quoted": "« {text} »",
    # projector.py:153 f"Step {n} of {len(steps)} \u00b7 {step.span} min" (each screen's label,
    # also its aria-label; {span} is "5\u201315")
    "projector.step": "Étape {n} sur {total} \u00b7 {span} min",
    # projector.py:157 and :164 f"{guide.title} \u00b7 {minutes}-minute session" (each screen's
    # header and the page title)
    "projector.session": "{title} \u00b7 séance de {minutes} minutes",
    # projector.py:160 f"Plan: {step.what} ({step.minutes} min)"
    "projector.plan": "Plan : {what} ({minutes} min)",
    # ---- cohort.py -------------------------------------------------------------------------
    # cohort.py:34-35 f"The smallest group the cohort view may show is {MIN_THRESHOLD} learners
    # (the consent box promises learners this); {threshold} is too small."
    "cohort.threshold_too_small": (
        "Le plus petit groupe que le portrait du groupe peut montrer compte {minimum} personnes "
        "apprenantes (la case de consentement le leur promet); {threshold} est trop petit."
    ),
    # cohort.py:141-142 f"{module}: reflections are not shown (fewer than {threshold} learners
    # agreed to share them)."
    "cohort.excerpts_hidden": (
        "{module} : les réflexions ne sont pas montrées (moins de {threshold} personnes "
        "apprenantes ont accepté de les partager)."
    ),
    # cohort.py:149 f"{module}: {len(people)} learners agreed to share their reflections."
    # ({count} is at least the threshold, never below 5, so always plural)
    "cohort.excerpts_shared": (
        "{module} : {count} personnes apprenantes ont accepté de partager leurs réflexions."
    ),
    # Column names the facilitator reads in the cohort tables (show_table in the guide). The
    # data keeps its English column names, which other code reads; these are the labels to show
    # (e.g. ``frame.rename(columns=...)`` at display time).
    # cohort.py:44, 150 "module"
    "column.module": "module",
    # cohort.py:44, 150 "item"
    "column.item": "item",
    # cohort.py:44 "graded" (how many learners the question was graded for)
    "column.graded": "copies notées",
    # cohort.py:44, 48 "share_correct"
    "column.share_correct": "part de bonnes réponses",
    # cohort.py:44 "most_chosen_wrong"
    "column.most_chosen_wrong": "mauvais choix le plus fréquent",
    # cohort.py:47, 83 "suppressed"
    "column.suppressed": "masqué",
    # cohort.py:79 "question" (the self-audit statement, short form)
    "column.question": "énoncé",
    # cohort.py:80 "rated"
    "column.rated": "réponses",
    # cohort.py:81 "not_sure"
    "column.not_sure": "ne sait pas encore",
    # cohort.py:82 "average"
    "column.average": "moyenne",
    # cohort.py:150 "excerpt"
    "column.excerpt": "extrait",
    # ---- the French notebooks' own code cells ----------------------------------------------
    # Not from the five files above: the English literals in code cells that
    # notebooks/fr/*.ipynb keep unchanged until the code takes a language (the brief leaves
    # code cells as they are). Here so the wiring has them in one place.
    # notebooks/my_journal.ipynb cell my-journal-02 line 3 f"Saved your journal as
    # {saved.name}, in {saved.parent}. Open it in your browser, or print it."
    "notebook.journal_saved": (
        "Votre journal est enregistré sous le nom {name}, dans {folder}. Ouvrez-le dans votre "
        "navigateur, ou imprimez-le."
    ),
    # notebooks/facilitator_guide.ipynb cell facilitator-guide-practice line 11
    # f"No module {MODULE} was found in this course."
    "notebook.guide_no_module": "Aucun module {module} n'a été trouvé dans ce cours.",
    # notebooks/facilitator_guide.ipynb cell facilitator-guide-05 line 8 "No course folder was
    # found, so there is no group to show yet."
    "notebook.guide_no_course": (
        "Aucun dossier de cours n'a été trouvé : il n'y a donc pas encore de groupe à montrer."
    ),
    # notebooks/facilitator_guide.ipynb cell facilitator-guide-05 line 13 "The anonymous group
    # view appears once learners' work has been autograded."
    "notebook.guide_no_view": (
        "Le portrait anonyme du groupe apparaît une fois les travaux des personnes apprenantes "
        "corrigés automatiquement."
    ),
    # notebooks/facilitator_guide.ipynb cell facilitator-guide-06 line 2 "Item difficulty
    # (hidden where the group is too small)"
    "notebook.guide_difficulty": "Difficulté des items (masquée quand le groupe est trop petit)",
    # notebooks/facilitator_guide.ipynb cell facilitator-guide-06 line 3 "Self-audit, group
    # average: 1 Rarely, 2 Sometimes, 3 Often, 4 Almost always" (the scale's words must match
    # the self-audit's own French scale in allyship/kit/strings_fr.py)
    "notebook.guide_audit": (
        "Autoévaluation, moyenne du groupe : 1 Rarement, 2 Parfois, 3 Souvent, 4 Presque toujours"
    ),
    # notebooks/00_start_here.ipynb cell start-05: the practice question's prompt, options and
    # explanations, in the same order, the key first as in English
    # line 5 "In this course, how do you answer a question?"
    "notebook.try_prompt": "Dans ce cours, comment répondez-vous à une question?",
    # line 8 "By clicking an option or typing in a box" (the key)
    "notebook.try_option1": "En cliquant sur un choix ou en écrivant dans une zone",
    # line 10 "Yes. That is all there is to it, and every answer is saved the moment you give it."
    "notebook.try_why1": (
        "Oui. C'est tout, et chaque réponse est enregistrée dès que vous la donnez."
    ),
    # line 13 "By writing Python code"
    "notebook.try_option2": "En écrivant du code Python",
    # line 15 "No code is needed anywhere in the course. The code cells are hidden and locked."
    "notebook.try_why2": (
        "Non. Le cours ne demande de code nulle part : les cellules de code sont masquées et "
        "verrouillées."
    ),
    # line 18 "By emailing my answers to the instructor"
    "notebook.try_option3": "En envoyant mes réponses par courriel à l'équipe du cours",
    # lines 20-21 "There is no need: your answers are saved next to the notebook, and reach your
    # instructor when you press Submit in the Assignment List."
    "notebook.try_why3": (
        "C'est inutile : vos réponses sont enregistrées à côté du notebook et parviennent à la "
        "personne responsable du cours quand vous soumettez le module dans la liste des travaux."
    ),
}
