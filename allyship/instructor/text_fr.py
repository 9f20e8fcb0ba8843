"""The French edition's sentences for the facilitator kit's Python code (issue 19).

Every sentence that :mod:`.kit_text`, :mod:`.handouts`, :mod:`.sheets`, :mod:`.projector` and
:mod:`.cohort` show a person, in French, keyed by a short name. Each entry's comment names the
English literal it replaced (``file:line`` as of commit 7658207, or of the commit named in a
section's heading, and the literal itself). Those English sentences now live in :mod:`.text`
under the same keys, and :func:`.text.say` picks one table or the other by the kit's current
language: no second copy of any logic. Placeholders are named (``{module}``, ``{minutes}`` ...);
the comment says which English expression fills each. The ``cohort.*`` entries wait for
:mod:`.cohort` to take a language (its sentences are still its own English literals).

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
    "cohort.item_hidden": (
        "{module} {item} : non montrées (moins de {threshold} de ces personnes en ont écrit une)."
    ),
    "cohort.item_sampled": (
        "{module} {item} : {limit} des {count} réflexions partagées sont citées (les plus "
        "récentes); {more} autres ne sont pas montrées."
    ),
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
    # allyship/instructor/gradebook.py:67-70 NoGradebookError "There is no gradebook yet ({path}
    # does not exist). It appears after the first `nbgrader generate_assignment` and fills in
    # with `nbgrader autograde`." (what the French guide prints in its place)
    "notebook.guide_no_gradebook": (
        "Il n'y a pas encore de base de notes : elle apparaît après la première commande "
        "`nbgrader generate_assignment` et se remplit avec `nbgrader autograde`."
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
    # ---- facilitation.py (the guide; commit 2e59c94) ---------------------------------------
    # facilitation.py:124, :129 "Facilitator guide: the allyship course" (the guide's h1, title)
    "guide.title": "Guide d'animation : le cours sur l'alliance",
    # facilitation.py:66 f"Module {number} \u2014 {title}" (a module's title without its source)
    "guide.fallback_title": "Module {number} \u2014 {title}",
    # facilitation.py:92 "### Goals"
    "guide.goals": "Objectifs",
    # facilitation.py:97 f"### {minutes}-minute session"
    "guide.session": "Séance de {minutes} minutes",
    # facilitation.py:95 "| time (min) | length | what happens |"
    "guide.plan_columns": "| moment (min) | durée | déroulement |",
    # facilitation.py:98 "### Discussion prompts"
    "guide.prompts": "Pistes de discussion",
    # facilitation.py:100 "### Safety notes for this module"
    "guide.safety": "Consignes de sécurité pour ce module",
    # facilitation.py:115 "## Safety notes for every session" (also readout.py:108)
    "guide.general_safety": "Consignes de sécurité pour toutes les séances",
    # facilitation.py:103-106 "The safety notes for every session, and the support lines, apply
    # as well. The practice questions ... are in the session kit: `allyship kit NN --out kit`."
    # ({module} is the module as typed on the command line: fr-01)
    "guide.see_kit": (
        "Les consignes de sécurité pour toutes les séances et les ressources de soutien "
        "s'appliquent aussi. Les questions d'entraînement, avec une explication pour chaque "
        "choix, les ententes du groupe, les documents à distribuer et une vue pour projecteur "
        "de ce plan se trouvent dans la trousse d'animation : `allyship kit {module} --out kit`."
    ),
    # ---- readout.py (the facilitator sheet; commit 2e59c94) -------------------------------
    # readout.py:102, :111 f"Facilitator sheet: {guide.title}"
    "readout.title": "Fiche d'animation : {title}",
    # readout.py:53 "Practice questions to read out"
    "readout.practice": "Questions d'entraînement à lire à voix haute",
    # readout.py:26-30 READ_OUT "Read the question and its options aloud ... marked \u2713."
    "readout.read_out": (
        "Lisez à voix haute la question et ses choix (ils figurent aussi sur le document "
        "abrégé). Laissez une minute pour choisir, en silence ou à main levée, sans jamais "
        "interroger une personne en particulier. Lisez ensuite l'explication de chaque choix; "
        "les choix qui conviennent sont marqués \u2713."
    ),
    # readout.py:55 "This module has no practice questions."
    "readout.no_practice": "Ce module n'a pas de questions d'entraînement.",
    # readout.py:57 " (more than one fits)"
    "readout.more_than_one": " (plus d'un choix convient)",
    # readout.py:74 "Reflections and commitment (private)"
    "readout.prompts": "Réflexions et engagement (personnels)",
    # readout.py:31-34 PRIVATE "For the quiet writing. Offer the prompt or its alternative ..."
    "readout.private": (
        "Pour l'écriture en silence. Proposez la consigne ou sa variante; ce que les gens "
        "écrivent leur appartient : ne demandez jamais à quelqu'un de le lire à voix haute ni "
        "de le remettre."
    ),
    # readout.py:77 "Or:" (before a reflection's alternative prompt)
    "readout.or": "Ou :",
    # readout.py:91 f"{found.heading} (read out at the start)"
    "readout.agreements": "{heading} (à lire au début)",
    # ---- kit.py (the kit's index; commit 2e59c94) -----------------------------------------
    # kit.py:128 "Session kit" (the index page's title)
    "kit.index_title": "Trousse d'animation",
    # kit.py:28-48 INDEX (the kit's index.html, Markdown; the file names stay as the kit
    # writes them)
    "kit.index": """# Trousse d'animation : le cours sur l'alliance

Préparée pour {people} personnes par `allyship kit`, à partir des modules du cours.

## La veille

1. Lisez la **fiche d'animation** de votre module (`NN_module/facilitator-sheet.pdf`) : qui
   anime, le plan minuté, les ententes du groupe, les questions d'entraînement avec
   l'explication de chaque choix, les consignes de réflexion et les consignes de sécurité.
2. Imprimez ce qu'énumère [la liste de vérification pour l'impression](printing-checklist.html).
3. Sur l'ordinateur relié au projecteur, ouvrez `NN_module/projector-60min.html` (ou `-90min`)
   dans un navigateur et appuyez sur F11 pour passer en plein écran : un écran par étape du
   plan; les touches fléchées ou la barre d'espace pour avancer. Aucune connexion réseau n'est
   nécessaire.

## Dans ce dossier

- `agreements.pdf` : les ententes du groupe, en gros caractères (pour le mur).
- `facilitator_guide.html` : le guide complet, tous les modules.
- `printing-checklist.html` : pages et copies pour {people} personnes.
{modules}
""",
    # kit.py:127 f"- `{m}/`: {PIECES}."
    "kit.module_line": "- `{module}/` : {pieces}.",
    # kit.py:50-53 PIECES (the files of each module's folder)
    "kit.pieces": (
        "`facilitator-sheet.pdf`, `projector-60min.html`, `projector-90min.html`, `handout.pdf` "
        "(complet), `handout-short.pdf`, `sign-in.pdf`, `evaluation.pdf`"
    ),
    # ---- checklist.py (the printing checklist; commit 2e59c94) ----------------------------
    # kit.py:126 "Printing checklist" (the checklist page's title)
    "checklist.page_title": "Liste de vérification pour l'impression",
    # checklist.py:50 f"# Printing checklist for {people} people"
    "checklist.title": "# Liste de vérification pour l'impression, pour {people} personnes",
    # checklist.py:52-56 "Pages are counted from the PDFs in this folder. ..."
    "checklist.intro": (
        "Les pages sont comptées à partir des PDF de ce dossier. Imprimez le **document "
        "abrégé** pour chaque personne, ou plutôt le document complet (il contient les lectures "
        "et les questions notées). Les feuilles recto verso sont comptées par copie. La vue pour "
        "projecteur ne s'imprime pas : ouvrez-la dans un navigateur sur l'ordinateur relié au "
        "projecteur (F11 pour le plein écran)."
    ),
    # checklist.py:60-61 "No PDFs were made (--html-only), so no pages are counted: ..."
    "checklist.no_pdfs": (
        "Aucun PDF n'a été produit (`--html-only`) : aucune page n'est donc comptée. Lancez "
        "`allyship kit` sans `--html-only` (il faut Chromium) pour les compter."
    ),
    # checklist.py:65 "Every session" (the heading over the pieces every session shares)
    "checklist.every_session": "Toutes les séances",
    # checklist.py:67 "| file | piece | for | pages each | copies | pages |"
    "checklist.columns": "| fichier | document | pour | pages par copie | copies | pages |",
    # checklist.py:87, :91 f"- With {name}: **{pages} pages**, or {sheets} sheets printed
    # double-sided." with name "the short handout" / "the full handout"
    "checklist.with_short": (
        "- Avec le document abrégé : **{pages} pages**, ou {sheets} feuilles imprimées recto verso."
    ),
    "checklist.with_full": (
        "- Avec le document complet : **{pages} pages**, ou {sheets} feuilles imprimées recto "
        "verso."
    ),
    # kit.py:73-81, :109 the printed pieces (Printed.piece, an identifier the code keeps in
    # English), as the checklist shows them
    "piece.agreements": "ententes du groupe",
    "piece.facilitator_sheet": "fiche d'animation",
    "piece.short_handout": "document abrégé",
    "piece.full_handout": "document complet",
    "piece.statements_to_rewrite": "énoncés à reformuler",
    "piece.sign_in_sheet": "feuille de présence",
    "piece.evaluation_form": "formulaire d'évaluation",
    # checklist.py:12-15 who gets each piece (Printed.who, also an identifier), as shown
    "who.each_person": "chaque personne",
    "who.each_pair": "chaque équipe de deux",
    "who.each_facilitator": "chaque personne qui anime",
    "who.the_room": "la salle",
}
