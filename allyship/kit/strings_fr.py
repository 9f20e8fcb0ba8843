"""Every sentence the kit shows a person, in French: the French edition's :data:`TEXT`.

Same keys and same ``str.format`` placeholders as :mod:`allyship.kit.strings` (a test checks
both, and that no value is left in English). Written for Canadian health care, in the register
of Québec health institutions, with vouvoiement; terms as ``docs/glossaire.md`` fixes them.

JupyterLab's own labels are quoted as its French language pack (jupyterlab-language-pack-fr-FR,
a dependency of the course) shows them: the menu « Exécution », its command « Exécuter toutes les
cellules », the « Explorateur de fichiers ». nbgrader's front end has no translations of its
own: the French edition's JupyterLab shows its labels in the French of ``lab.nbgrader.*`` below
(allyship/instructor/lab_words.py), and the sentences name its buttons by those words
(« bouton Valider », « Soumettre », « Liste des travaux »).

The sentences are written here with ordinary spaces; :func:`_typeset` then puts the
non-breaking space French typography wants before « : » and « % » and inside « », so a line
never breaks there and the table stays readable (no invisible characters in this file).
"""

from __future__ import annotations

_NBSP = "\u00a0"

_TEXT: dict[str, str] = {
    # item labels, chosen from the first letter of an item id (q1 -> "Question 1")
    "label.q": "Question {n}",
    "label.r": "Réflexion {n}",
    "label.p": "Question d'entraînement {n}",
    "label.e": "Exercice {n}",
    "label.a": "Autoévaluation {n}",
    "label.c": "Engagement {n}",
    "label.other": "Élément {id}",
    # the first line of each locked code cell (JupyterLab shows it even when the code is hidden)
    "cell.setup": (
        "Prépare ce module et charge vos réponses enregistrées. Vous n'avez rien à faire ici."
    ),
    "cell.widget": (
        "Pour voir la question ou la zone de texte ci-dessous, choisissez Exécuter toutes les "
        "cellules dans le menu Exécution."
    ),
    "cell.check": (
        "Vérifie que l'élément ci-dessus a une réponse. Votre réponse sera notée une fois votre "
        "travail soumis."
    ),
    # the grader's heading over each reflection's task cell (allyship/course/authoring.py)
    "task.reflection": (
        "**{id} : notée par une personne, sur {points} points, avec la grille d'évaluation des "
        "réflexions de ce module.** Vous pouvez répondre à la consigne principale ou à l'autre "
        "consigne proposée; les deux sont notées de la même façon."
    ),
    # the learner's journal (allyship/journal.py)
    "journal.title": "Mon journal : agir en personne alliée",
    "journal.intro": (
        "Vos propres réflexions et engagements du cours sur l'alliance, dans l'ordre des "
        "modules. Ce fichier vous appartient : il a été écrit sur votre ordinateur et n'a été "
        "envoyé nulle part."
    ),
    "journal.saved": (
        "Votre journal est enregistré sous le nom {name}, dans {folder}. Ouvrez-le dans votre "
        "navigateur, ou imprimez-le."
    ),
    "journal.damaged": (
        "Le fichier des réponses enregistrées de ce dossier n'a pas pu être lu; il a été laissé "
        "tel quel."
    ),
    "journal.empty": (
        "Aucune réflexion ni aucun engagement enregistré dans ce module pour l'instant."
    ),
    "journal.none_found": (
        "Aucun dossier de module (comme fr-01_etre_allie) n'a été trouvé dans {start} ni dans le "
        "dossier qui le contient. Ouvrez le journal à partir du dossier où se trouvent vos "
        "modules."
    ),
    # the learner's record of learning, written beside the journal (allyship/kit/journal.py)
    "record.title": "Mon relevé d'apprentissage : le cours sur l'alliance",
    "record.intro": (
        "Pour les crédits de formation continue que vous déclarez vous-même. Pour chaque "
        "module : ses objectifs d'apprentissage, la durée qu'il indique, la date de votre "
        "dernière réponse enregistrée et vos engagements. Vos réflexions n'y figurent pas. "
        "Inscrivez le temps que vous avez réellement consacré : les durées indiquées ici sont "
        "seulement celles que chaque module annonce."
    ),
    "record.not_accredited": (
        "Ce cours n'est agréé par aucun organisme pour des crédits de développement "
        "professionnel continu. Certains organismes professionnels permettent à leurs membres "
        "de déclarer de l'apprentissage autodirigé : vérifiez les règles de votre propre "
        "organisme avant de le déclarer."
    ),
    "record.objectives": "Objectifs d'apprentissage",
    "record.time": "Durée indiquée par le module : {time}",
    "record.no_time": "Ce module n'indique pas de durée.",
    "record.last_saved": "Dernière réponse enregistrée : {date}",
    "record.commitments": "Mes engagements",
    "record.no_commitments": "Aucun engagement enregistré dans ce module pour l'instant.",
    "record.link": (
        "Votre relevé d'apprentissage (objectifs, durées et engagements, sans aucune de vos "
        "réflexions), pour les crédits de formation continue que vous déclarez vous-même, est "
        "enregistré à côté de cette page :"
    ),
    # certificates of completion (allyship/instructor/certificates.py), and what is missing
    "certificate.title": "Attestation de réussite",
    "certificate.certifies": "La présente atteste que",
    "certificate.completed": "a terminé le cours",
    "certificate.modules": "Modules terminés (date de soumission)",
    "certificate.hours": "Temps d'étude : {hours} heures (le minimum indiqué par les modules).",
    "certificate.no_hours": "Temps d'étude : non précisé (un module n'indique pas de durée).",
    "certificate.rule": (
        "Réussite selon la règle du cours : chaque module soumis; au moins {auto} % des points "
        "vérifiés automatiquement; chaque réflexion notée par une personne, chacune à "
        "{reflection} % ou plus de ses points."
    ),
    "certificate.issued": "Délivrée par {issuer} le {date}.",
    "certificate.code": "Code de vérification : {code}",
    "certificate.verify": (
        "Pour vérifier cette attestation, communiquez le code à qui l'a délivrée : elle n'est "
        "valide que tant que ce code correspond au registre des notes du cours."
    ),
    "certificate.not_accredited": (
        "Cette attestation confirme qu'un cours a été terminé. Ce n'est pas un agrément : le "
        "cours n'est agréé par aucun organisme pour des crédits de développement professionnel "
        "continu (comme Mainpro+ ou le programme de Maintien du certificat du Collège royal). "
        "Certains organismes permettent à leurs membres de déclarer de l'apprentissage "
        "autodirigé : vérifiez les règles de votre propre organisme."
    ),
    "certificate.source": (
        "Le cours a été conçu à partir de la page publique que l'Association des médecins "
        "autochtones du Canada (AMIC) consacre à l'alliance (en anglais). L'AMIC ne l'a ni "
        "rédigé, ni révisé, ni approuvé."
    ),
    "certificate.not_yet": (
        "Vous n'avez pas encore terminé le cours; aucune attestation n'a donc été délivrée. Ce "
        "qui manque :"
    ),
    "certificate.missing_module": "Le module {module} n'a pas été soumis.",
    "certificate.missing_auto": (
        "Vos points vérifiés automatiquement représentent {score} % de ceux du cours; il en "
        "faut {needed} %."
    ),
    "certificate.missing_grading": (
        "{label} du module {module} n'a pas encore été notée (vous n'avez rien à faire : une "
        "personne s'en chargera)."
    ),
    "certificate.missing_reflection": (
        "{label} du module {module} a obtenu {score:g} points sur {points:g}; il en faut "
        "{needed:g}."
    ),
    "certificate.not_yet_next": (
        "Si quelque chose vous semble inexact, parlez-en à la personne responsable du cours."
    ),
    # status lines under a control
    "status.unanswered": "Pas encore de réponse.",
    "status.saved": "Réponse enregistrée.",
    "status.saved_words": "Mots : {words} · texte enregistré.",
    "status.empty_text": (
        "Rien d'écrit pour l'instant. Ce que vous tapez est enregistré au fur et à mesure."
    ),
    "status.save_failed": (
        "Enregistrement impossible : {reason}. Votre texte est toujours dans la zone; "
        "copiez-le en lieu sûr et prévenez la personne responsable du cours."
    ),
    "status.restored_missing": (
        "Votre réponse précédente, « {value} », ne fait plus partie des choix. "
        "Veuillez choisir de nouveau."
    ),
    "status.callback_failed": (
        "Un problème est survenu avec cet élément ({reason}). Vos réponses enregistrées sont "
        "en sécurité; exécutez de nouveau cette cellule, et prévenez la personne responsable "
        "du cours si le problème se répète."
    ),
    # control labels (the accessible names)
    "control.choice": "{label} : votre réponse",
    "control.choices": "{label} : vos réponses (cochez tout ce qui s'applique)",
    "control.reflection": "{label} : votre réponse",
    "control.rewrite": "{label} : votre reformulation",
    "control.check": "Vérifier ma réponse",
    "control.check_framing": "Vérifier ma formulation",
    "hint.select_all": "Cochez tout ce qui s'applique.",
    "hint.alternative": "Si vous préférez, répondez plutôt à ceci :",
    "hint.placeholder": "Écrivez ici. Votre texte est enregistré pendant que vous tapez.",
    "hint.graded": "Cet élément sera noté après la soumission de votre travail.",
    "hint.practice": "Entraînement : non noté. Vous voyez la rétroaction tout de suite.",
    # practice feedback: a word first, so meaning never rests on colour alone
    "feedback.correct": "Bonne réponse.",
    "feedback.incorrect": "Pas tout à fait.",
    "feedback.partly": "En partie juste.",
    "feedback.choose_first": "Choisissez au moins une réponse, puis vérifiez.",
    "feedback.option_yes": "Vous avez choisi « {option} » : {why}",
    "feedback.option_missed": "Vous n'avez pas choisi « {option} », qui convient aussi : {why}",
    # intentional-framing self-check
    "framing.stem_found": "Votre texte part d'une formulation intentionnelle : « {stem}… ».",
    "framing.no_stem": (
        "Votre texte ne part pas encore de l'une des trois formulations. Essayez de commencer "
        "par « Nous témoignons notre soutien à… », « Nous montrons notre engagement à mettre "
        "fin à… en… » ou « Nous utilisons notre privilège pour aider en… »."
    ),
    "framing.identity_claim": (
        "Votre texte présente quelqu'un comme une personne alliée (« {phrase} »). L'alliance "
        "est reconnue par les personnes avec qui l'on travaille; elle ne se proclame pas. "
        "Décrivez plutôt le travail."
    ),
    "framing.too_short": "Écrivez d'abord une phrase complète, puis vérifiez-la.",
    "framing.no_action": (
        "Votre texte dit pour qui est le travail, mais pas encore ce que vous faites. Ajoutez "
        "« en… » et une action que d'autres personnes pourraient voir se réaliser."
    ),
    # plain-text rendering under autograde (what formgrader and the feedback page show)
    "plain.choice": "{label} : {prompt}\nRéponse donnée : {answer}",
    "plain.no_answer": "(aucune réponse)",
    "plain.text": "{label} : {prompt}\nTexte écrit (mots : {words}) :\n\n{text}",
    "plain.no_text": "(rien d'écrit)",
    # checks (nbgrader test cells): learner-facing AssertionError messages
    "check.unanswered": (
        "{label} n'a pas encore de réponse. Retournez à {label} et choisissez une réponse : "
        "elle est enregistrée automatiquement."
    ),
    "check.empty_text": (
        "{label} est vide. Écrivez dans sa zone de texte (consigne principale ou autre "
        "consigne) : votre texte est enregistré pendant que vous tapez."
    ),
    "check.too_short": (
        "{label} : nombre de mots pour l'instant, {words}; il en faut au moins {minimum}. "
        "Écrivez à votre façon."
    ),
    "check.incorrect": (
        "{label} : la réponse donnée n'est pas celle qu'attend le cours. Le résumé et les "
        "lectures du module expliquent pourquoi."
    ),
    # nbgrader's Validate (the toolbar button, the Assignment List, `nbgrader validate`)
    "validate.not_yet": "Il reste des éléments sans réponse. Avant de soumettre votre travail :",
    "validate.all_answered": "Chaque élément a une réponse. Vous pouvez soumettre votre travail.",
    "validate.changed": (
        "Certaines cellules propres à ce module ont été modifiées. Rien n'est perdu : vos "
        "réponses sont dans responses.json, et les cellules d'origine sont remises en place "
        "quand votre travail est noté."
    ),
    "validate.could_not_check": (
        "Impossible de vérifier {label}. Exécutez de nouveau tout le module (menu Exécution, "
        "puis Exécuter toutes les cellules), puis relancez la validation (bouton Valider); "
        "si le problème persiste, prévenez la personne responsable du cours."
    ),
    # the feedback page (nbgrader generate_feedback; allyship/grading/feedback_page.py)
    "page.title": "Rétroaction : {module}",
    "page.intro": (
        "Chaque question notée et chaque réflexion, avec votre réponse, si c'est la réponse "
        "qu'attend le cours, et les notes et commentaires de la personne qui a corrigé votre "
        "travail."
    ),
    "page.total": "Votre note : {score} sur {max_score} points.",
    "page.late": "Soumis en retard : {penalty} points retirés.",
    "page.points": "{score} sur {points} points",
    "page.right": "Bonne réponse.",
    "page.right_why": "C'est la réponse qu'attend le cours.",
    "page.wrong": "Ce n'est pas la réponse attendue.",
    "page.unanswered": "Aucune réponse.",
    "page.unanswered_why": "Aucune réponse n'a été donnée.",
    "page.your_answer": "Votre réponse :",
    "page.your_answers": "Vos réponses :",
    "page.you_wrote": "Ce que vous avez écrit (mots : {words}) :",
    "page.nothing_written": "Rien n'a été écrit.",
    "page.alternative": "Ou l'autre consigne :",
    "page.criteria_caption": "La note de la personne qui a corrigé, critère par critère",
    "page.rubric_score": (
        "Notée par une personne avec la grille d'évaluation : {score} sur {points} points."
    ),
    "page.not_graded_yet": (
        "Pas encore notée : une personne la lira en suivant la grille d'évaluation."
    ),
    "page.written_check": (
        "Texte présent (la vérification que la zone n'est pas vide) : {score} sur {points} points."
    ),
    "page.comment": "Commentaire de la personne qui a corrigé :",
    "page.no_comment": "La personne qui a corrigé n'a laissé aucun commentaire.",
    "page.added_title": "Autres cellules de votre module",
    "page.added_intro": (
        "Ces cellules ont été ajoutées à la main au module. Elles sont montrées telles qu'elles "
        "ont été écrites; aucune n'a été exécutée ni notée."
    ),
    "page.rubric_title": "Comment les réflexions sont notées",
    "page.rubric_intro": (
        "Une personne note quatre critères de 0 à 2 ({points} points en tout), selon votre "
        "façon de réfléchir, jamais selon ce que vous révélez :"
    ),
    # the responses file
    "store.damaged": (
        "Votre fichier de réponses enregistrées ({name}) n'a pas pu être lu ({reason}). Il a "
        "été conservé, sans modification, sous le nom {aside}, et un nouveau fichier a été "
        "créé. La personne responsable du cours peut y récupérer vos réponses précédentes."
    ),
    "store.partly_damaged": (
        "Certaines réponses enregistrées n'ont pas pu être lues ({items}) et ont été laissées "
        "de côté. Une copie du fichier complet a été conservée sous le nom {aside}."
    ),
    "store.reason.not_utf8": "ce n'est pas du texte simple",
    "store.reason.not_json": "il n'est pas dans le format attendu",
    "store.reason.not_object": "il ne contient pas un ensemble de réponses",
    "store.reason.too_large": (
        "il est beaucoup plus gros que ne pourrait l'être un ensemble de réponses"
    ),
    "store.reason.unreadable": "l'ordinateur n'a pas permis au cours de le lire",
    "store.bad_value": (
        "Pour {label}, seul un texte ou une liste de textes peut être enregistré, pas une "
        "valeur de type {kind}."
    ),
    "store.ready": (
        "Vos réponses sont enregistrées dans {name}, dans le même dossier que ce module."
    ),
    # nbgrader's own panels, in the course's words (the course's CSS, allyship/instructor/lab.py)
    "lab.validate_success": (
        "Chaque élément a une réponse. Quand vous le souhaitez, remettez le module : dans la "
        "liste des travaux (onglet Travaux), cliquez sur le bouton Soumettre à côté du module."
    ),
    "lab.handed_in": "Remis. Reçu par le cours le ",
    # nbgrader's front-end labels in French (allyship/instructor/lab_words.py); the words
    # docs/glossaire.md chose, and the ones the modules and the start-here notebook cite
    "lab.nbgrader.assignment_list": "Liste des travaux",
    "lab.nbgrader.assignments": "Travaux",
    "lab.nbgrader.for_course": "Travaux publiés, récupérés et soumis, pour le cours :",
    "lab.nbgrader.refresh": "Actualiser la liste des travaux",
    "lab.nbgrader.released": "Travaux publiés",
    "lab.nbgrader.downloaded": "Travaux récupérés",
    "lab.nbgrader.submitted": "Travaux soumis",
    "lab.nbgrader.none_released": "Aucun travail à récupérer pour le moment.",
    "lab.nbgrader.none_downloaded": "Aucun travail récupéré pour le moment.",
    "lab.nbgrader.none_submitted": "Aucun travail soumis pour le moment.",
    "lab.nbgrader.fetch": "Récupérer",
    "lab.nbgrader.fetching": "Récupération…",
    "lab.nbgrader.validate": "Valider",
    "lab.nbgrader.validating": "Validation…",
    "lab.nbgrader.submit": "Soumettre",
    "lab.nbgrader.submitting": "Soumission…",
    "lab.nbgrader.fetch_feedback": "Récupérer la rétroaction",
    "lab.nbgrader.fetching_feedback": "Récupération de la rétroaction…",
    "lab.nbgrader.view_feedback": "(voir la rétroaction)",
    "lab.nbgrader.feedback_to_fetch": "(rétroaction à récupérer)",
    "lab.nbgrader.validation_results": "Résultat de la validation",
    "lab.nbgrader.validation_failed": "La validation n'a pas abouti",
    "lab.nbgrader.validate_error": "La validation n'a pas pu se faire :",
    "lab.nbgrader.not_submitted": "Travail non soumis :",
    "lab.nbgrader.invalid_submission": "Soumission impossible",
    "lab.nbgrader.error_fetching": "Le travail n'a pas pu être récupéré.",
    "lab.nbgrader.error_submitting": "Le travail n'a pas pu être soumis.",
    "lab.nbgrader.error_validating": "Le travail n'a pas pu être validé.",
    "lab.nbgrader.error_feedback": "La rétroaction n'a pas pu être récupérée.",
    "lab.nbgrader.error_courses": "La liste des cours n'a pas pu être chargée.",
    "lab.nbgrader.no_courses": "Aucun cours trouvé.",
    "lab.nbgrader.loading": "Chargement en cours…",
    "lab.nbgrader.course_list": "Liste des cours",
    "lab.nbgrader.create_tab": "Créer un travail",
    "lab.nbgrader.create_command": "Créer un travail",
    "lab.nbgrader.courses": "Cours",
    # a widget's place in a notebook, until Run all draws it (course/placeholders.py)
    "lab.press_run_all": "*Cette partie apparaît quand vous exécutez toutes les cellules (menu "
    "**Exécution**, puis **Exécuter toutes les cellules**). Vos réponses sont conservées.*",
    # -- records: several answers in one widget (self-audit, land record, action plan) --------
    "record.progress": "Parties remplies : {done} sur {total} · enregistré.",
    "control.check_record": "Vérifier ma fiche",
    "plain.record": "{label} : {prompt}",
    "plain.field": "- {label} : {value}",
    # everyday-practice self-audit (module 05); the questions are adapted from IPAC's
    # "About Allyship", Building Trust section
    "audit.title": "Autoévaluation de la pratique quotidienne",
    "audit.title_take": "Autoévaluation de la pratique quotidienne, {take}e fois",
    "audit.prompt": (
        "Pour chaque énoncé, choisissez à quelle fréquence il décrit votre travail en ce "
        "moment. Il n'y a pas de bonne réponse, et vos cotes ne sont pas notées."
    ),
    "audit.short1": "1. L'espace que j'occupe",
    "audit.short2": "2. L'accessibilité",
    "audit.short3": "3. L'espace que prennent mes identités",
    "audit.short4": "4. Mes présupposés",
    "audit.short5": "5. Qui est laissé de côté",
    "audit.q1": (
        "Je remarque la place que j'occupe dans les conversations, dans les lieux où je me "
        "trouve et dans l'organisation du travail (une rencontre d'équipe, une réunion, un "
        "comité), et je laisse de la place aux autres."
    ),
    "audit.q2": (
        "Je prends des mesures concrètes pour que les réunions et les actions auxquelles je "
        "participe soient plus faciles d'accès (horaire, lieu, coût, langue, personnes "
        "invitées)."
    ),
    "audit.q3": (
        "Je fais attention à la place que prennent mes identités (par exemple ma profession, "
        "mon rôle, ma race ou mon genre), physiquement et dans ma façon de parler."
    ),
    "audit.q4": (
        "Je vérifie ce que je sais réellement des personnes avec qui je travaille, et d'où "
        "viennent mes présupposés à leur sujet."
    ),
    "audit.q5": (
        "Je me demande qui est laissé de côté par un plan, un service ou une activité, et "
        "j'agis en fonction de la réponse."
    ),
    "audit.scale.1": "Rarement",
    "audit.scale.2": "Parfois",
    "audit.scale.3": "Souvent",
    "audit.scale.4": "Presque toujours",
    "audit.scale.5": "Je ne sais pas encore",
    "audit.progress": "Énoncés cotés : {done} sur {total} · enregistré.",
    "audit.earlier": "À votre première autoévaluation, vous aviez choisi : {value}.",
    "audit.earlier_none": (
        "Vous n'aviez pas coté cet énoncé lors de votre première autoévaluation."
    ),
    "audit.compare_wait": (
        "Cotez les cinq énoncés pour comparer avec votre première autoévaluation."
    ),
    "audit.no_earlier": (
        "Votre première autoévaluation ne contient aucune cote; il n'y a donc rien à "
        "comparer pour l'instant."
    ),
    "audit.compare": (
        "Par rapport à votre première autoévaluation, nombre d'énoncés cotés plus souvent : "
        "{higher}; au même niveau : {same}; moins souvent : {lower}; non comparables "
        "(« Je ne sais pas encore » ou non cotés) : {other}. Une cote plus basse peut "
        "vouloir dire que vous remarquez davantage, et non que vous en faites moins."
    ),
    # land-acknowledgement research record (module 07)
    "land.title": "Fiche de recherche pour une reconnaissance territoriale",
    "land.place": "Lieu (facultatif)",
    "land.nations": "Nations",
    "land.pronunciation": "Prononciation",
    "land.status": "Territoire visé par un traité ou non cédé",
    "land.treaty": "Traité ou entente",
    "land.sources": "Où j'ai cherché",
    "land.relationship": "Mon lien avec ce territoire (facultatif)",
    "land.commitment": "Un engagement concret",
    "land.checklist": (
        "Une reconnaissance significative, et non de façade : cochez ce qui s'applique à "
        "votre fiche"
    ),
    "land.help.place": "Une ville ou une région suffit. Vous pouvez laisser ce champ vide.",
    "land.help.nations": (
        "Les peuples dont c'est le territoire, avec les noms qu'ils se donnent eux-mêmes."
    ),
    "land.help.pronunciation": (
        "Comment prononcer chaque nom, et où vous l'avez appris (par exemple le site Web d'une "
        "nation ou un enregistrement)."
    ),
    "land.help.status": "Ce qu'en disent les cartes et les sources des nations elles-mêmes.",
    "land.help.treaty": (
        "Quel traité ou quelle entente, s'il y a lieu, et où vous l'avez vérifié."
    ),
    "land.help.sources": (
        "Les cartes ou les pages que vous avez consultées. Les cartes sont un point de départ; "
        "ce sont les nations elles-mêmes qui font autorité."
    ),
    "land.help.relationship": (
        "Pourquoi vous êtes ici, et comment la colonisation y a joué un rôle. N'écrivez que ce "
        "que vous choisissez d'écrire."
    ),
    "land.help.commitment": (
        "Quelque chose que vous ferez, pas seulement que vous direz : précis, à votre portée, "
        "avec une première étape."
    ),
    "land.help.checklist": (
        "Il s'agit d'une vérification personnelle. Rien ici n'est évalué pour son exactitude."
    ),
    "land.status.historic": "Visé par un traité historique",
    "land.status.modern": (
        "Visé par un traité moderne ou une entente sur une revendication territoriale"
    ),
    "land.status.unceded": "Non cédé : aucun traité n'a été signé",
    "land.status.mixed": "Plus d'une de ces situations, ou la question est contestée",
    "land.status.unknown": "Je n'ai pas encore pu le savoir",
    "land.check.1": "J'ai employé les noms que les nations se donnent elles-mêmes.",
    "land.check.2": "J'ai appris à prononcer les noms avant de les dire.",
    "land.check.3": (
        "Je sais si le territoire est visé par un traité ou non cédé, et de quel traité il s'agit."
    ),
    "land.check.4": (
        "J'ai nommé avec exactitude les peuples présents ici (Premières Nations, Inuit, Métis)."
    ),
    "land.check.5": "Ma reconnaissance dit quelque chose de mon propre lien avec ce territoire.",
    "land.check.6": (
        "Ma reconnaissance mène à une action concrète, et non à des mots qui remplacent l'action."
    ),
    "land.check.7": (
        "Je prévois d'y revenir, et de la valider auprès des nations quand je le peux."
    ),
    "land.feedback.empty": "Encore vide : {fields}.",
    "land.feedback.unticked": "Pas encore coché : « {item} »",
    "land.feedback.complete": "Chaque partie est remplie et chaque point est coché.",
    "land.feedback.note": (
        "Cette vérification regarde seulement ce qui est rempli et coché. Personne ne vérifie "
        "si les nations, les noms ou le traité sont exacts; confirmez-les auprès des nations "
        "quand vous le pouvez."
    ),
    # personal action plan (module 08)
    "plan.title": "Mon plan d'action",
    "plan.found": "Réponses enregistrées trouvées dans ces modules : {modules}.",
    "plan.none_found": (
        "Aucune réponse enregistrée des modules précédents n'a été trouvée à côté de ce module "
        "(recherche dans {folder}). Vous pouvez quand même rédiger votre plan ci-dessous."
    ),
    "plan.no_file": (
        "Dossier présent, mais aucune réponse enregistrée pour l'instant (modules : {modules})."
    ),
    "plan.damaged": (
        "Le fichier des réponses enregistrées n'a pas pu être lu; il a donc été laissé "
        "exactement tel quel (modules : {modules})."
    ),
    "plan.absent": "Aucun dossier trouvé (modules : {modules}).",
    "plan.no_commitments": "Les réponses trouvées ne contiennent encore aucun engagement.",
    "plan.commitments_from": "Vos engagements du module {module} :",
    "plan.reflections_from": "Relire vos réflexions du module {module} ({count})",
    "plan.commitment_option": "Module {module} : {text}",
    "plan.carried": "Engagements à poursuivre",
    "plan.action": "Ma prochaine action",
    "plan.when": "Quand",
    "plan.whose": "Qui oriente ma démarche",
    "plan.support": "Ce qui m'aidera à tenir mon engagement",
    "plan.review": "Quand je reverrai ce plan",
    "plan.help.carried": (
        "Cochez les engagements précédents sur lesquels vous voulez continuer de travailler. "
        "Laissez ceux qui ne conviennent plus."
    ),
    "plan.help.action": "Une chose précise que vous ferez ensuite, et pour qui.",
    "plan.help.when": "Une date, ou une occasion comme votre prochaine réunion d'équipe.",
    "plan.help.whose": (
        "Les personnes ou l'organisation dont les conseils orientent cette action (et comment "
        "vous les suivrez)."
    ),
    "plan.help.support": (
        "Un rappel, un ou une collègue qui partage votre privilège, un cours. Pas le travail "
        "non rémunéré de collègues autochtones."
    ),
    "plan.help.review": "Une date pour revenir à ce plan et à votre autoévaluation.",
    # consent to share reflections, unnamed, in the facilitator's cohort view (widgets/consent.py)
    "consent.title": "Partager vos réflexions (facultatif)",
    "consent.prompt": (
        "La personne qui anime votre groupe peut voir un portrait anonyme de l'ensemble du "
        "groupe. Si vous cochez la case ci-dessous, de courts extraits (280 caractères au plus) "
        "de vos réflexions dans ce module pourront y figurer, sans votre nom. Ils ne "
        "s'affichent que si au moins cinq personnes de votre groupe ont coché cette case dans "
        "ce module; personne ne peut donc être reconnu. Les personnes qui corrigent lisent de "
        "toute façon vos réflexions quand vous soumettez votre travail; cette case concerne "
        "seulement la vue de groupe."
    ),
    "consent.hint": (
        "Case non cochée : rien n'est partagé. Vous pouvez changer d'avis en tout temps avant "
        "de soumettre votre travail; rien d'autre à votre sujet n'est partagé."
    ),
    "consent.control": (
        "Oui, la personne qui anime mon groupe peut montrer à mon groupe des extraits de mes "
        "réflexions de ce module, sans mon nom"
    ),
    "consent.state_yes": (
        "Enregistré : vos réflexions de ce module peuvent être partagées, sans votre nom."
    ),
    "consent.state_no": (
        "Non partagé. Vos réponses enregistrées restent entre vous et les personnes qui corrigent."
    ),
    "consent.yes": "oui",
    "consent.no": "non",
    "consent.plain": "Partage des réflexions dans la vue de groupe anonyme : {answer}",
    # handing a module in without a hub: the browser edition (widgets/handin.py, handin.js)
    "handin.title": "Remettre ce module",
    "handin.intro": (
        "Quand vous avez terminé, téléchargez vos réponses dans un seul fichier et remettez-le "
        "comme l'a demandé la personne responsable du cours (par courriel, ou en le déposant "
        "sur le site Web du cours). Le fichier contient ce module et vos réponses, rien d'autre."
    ),
    "handin.name": (
        "Votre nom ou votre identifiant (la personne responsable du cours le voit dans le nom "
        "du fichier)"
    ),
    "handin.name_hint": "Tapez-le une fois : chaque module s'en souvient.",
    "handin.download": "Télécharger mes réponses pour la remise",
    "handin.load": "Charger mes réponses",
    "handin.load_hint": (
        "Vous travaillez dans un autre navigateur ou sur un autre ordinateur? Chargez ici un "
        "fichier que vous avez déjà téléchargé, et vos réponses reviennent."
    ),
    "handin.need_name": (
        "Tapez d'abord votre nom ou votre identifiant, puis appuyez de nouveau sur le bouton."
    ),
    "handin.bad_name": (
        "Utilisez des lettres ou des chiffres dans votre nom ou votre identifiant (par exemple "
        "Marie Tremblay ou mtremblay42)."
    ),
    "handin.preparing": "Préparation de votre fichier…",
    "handin.downloaded": (
        "Fichier {file} téléchargé (réponses : {answers}). Trouvez-le dans les téléchargements "
        "de votre navigateur et remettez-le. Vous pouvez le télécharger de nouveau en tout "
        "temps; c'est le fichier le plus récent qui compte."
    ),
    "handin.loaded": (
        "Réponses chargées à partir de {file} : {answers}. Exécutez toutes les cellules (menu "
        "Exécution) pour les voir dans ce module."
    ),
    "handin.kept_aside": " Vos réponses précédentes ont été conservées dans {aside}.",
    "handin.not_a_file": (
        "{file} n'est pas un fichier téléchargé depuis ce cours (ce n'est pas un fichier ZIP, "
        "ou il est endommagé). Choisissez le fichier dont le nom ressemble à {example}."
    ),
    "handin.wrong_module": (
        "{file} contient vos réponses au module {other}, pas à celui-ci. Ouvrez le module "
        "{other} et chargez-y le fichier."
    ),
    "handin.no_answers": (
        "{file} ne contient aucune réponse que ce cours peut lire. Rien n'a été modifié."
    ),
    "handin.not_saved": (
        "Impossible de préparer le fichier : {reason}. Vos réponses sont toujours ici; "
        "prévenez la personne responsable du cours."
    ),
    # the browser edition: where answers are kept (widgets/handin.py; lite/contents.py)
    "lite.start_here": (
        "**Vous suivez le cours dans votre navigateur.** Rien n'est installé, et rien de ce que "
        "vous écrivez ne quitte cet ordinateur : le cours, et le programme qui fait fonctionner "
        "ses questions, se trouvent dans ce navigateur. Les modules sont les dossiers de "
        "l'explorateur de fichiers, à gauche (`fr-01_etre_allie`, etc.) : double-cliquez sur un "
        "dossier, puis sur le fichier qu'il contient. La première fois que vous exécutez toutes "
        "les cellules d'un module, comptez jusqu'à une minute de démarrage. Vos réponses sont "
        "conservées dans ce navigateur, pour cette adresse Web seulement. Pour remettre un "
        "module, utilisez **Télécharger mes réponses pour la remise** à la fin du module, et "
        "envoyez le fichier comme le demande la personne responsable du cours; **Charger mes "
        "réponses** récupère un fichier téléchargé, dans ce navigateur ou dans un autre."
    ),
    "lite.site_title": "Le cours sur l'alliance",
    "lite.open_course": "Ouvrir le cours",
    "lite.opening": (
        "Le cours sur l'alliance s'ouvre. Il fonctionne dans votre navigateur : la première "
        "fois, cela peut prendre une minute."
    ),
    "lite.needs_javascript": (
        "Ce cours fonctionne dans votre navigateur et a besoin de JavaScript, qui est désactivé "
        "ici."
    ),
    "lite.starting": (
        "Le programme du cours démarre dans votre navigateur. Sur un ordinateur lent, cela "
        "prend jusqu'à une minute. Vous pouvez exécuter toutes les cellules maintenant ou à "
        "tout moment : les questions apparaissent dès qu'il est prêt, et rien de ce que vous "
        "faites n'est perdu pendant l'attente."
    ),
    "lite.keeps_files": (
        "Ce navigateur conserve vos réponses, pour l'adresse Web de ce cours seulement, même "
        "après sa fermeture. Pour remettre un module, ou pour continuer dans un autre "
        "navigateur, utilisez le téléchargement à la fin du module."
    ),
    "lite.no_files": (
        "Cette fenêtre de navigateur ne peut pas conserver vos réponses : il s'agit peut-être "
        "d'une fenêtre de navigation privée, ou d'un navigateur qui bloque le stockage dont ce "
        "cours a besoin. Vous pouvez quand même faire le module, mais téléchargez vos réponses "
        "(à la fin du module) avant de fermer cette page, sinon elles seront perdues. La "
        "prochaine fois, ouvrez le cours dans une fenêtre ordinaire et chargez le fichier."
    ),
}


def _typeset(text: str) -> str:
    """French spacing: a non-breaking space before « : » and « % » and inside « »."""
    for plain, tied in ((" :", _NBSP + ":"), (" %", _NBSP + "%"), ("« ", "«" + _NBSP)):
        text = text.replace(plain, tied)
    return text.replace(" »", _NBSP + "»")


TEXT: dict[str, str] = {key: _typeset(value) for key, value in _TEXT.items()}
