"""The facilitator guide's text in French: :mod:`.facilitation_plans` (same shapes, same keys,
same step kinds, lengths and prompt numbers), for the French edition's guide, facilitator sheets
and projector views (issue 19).

Data only, like the English file; :func:`allyship.instructor.facilitation.plans` picks one or the
other by language. Written for Québec and Canadian health care, epicene wording first and no
point médian (docs/glossaire.md); no facts about Indigenous peoples beyond what the modules' cited
readings teach. Module titles are the French modules' own (``source/fr-*``), used only where a
module's source is missing; official names as their owners write them in French (« Initiative :
Les enfants inuits d'abord », Services aux Autochtones Canada). tests/analytics/
test_french_kit.py checks that this file keeps the English file's shape.
"""

from __future__ import annotations

_WELCOME = "Accueil, avertissement sur le contenu, ententes du groupe (au premier écran)"
_RECAP = "Rappel des lectures du module, par la personne qui anime : {focus}"
_ACTIVITY = "En équipes de deux ou en petits groupes \u2014 {activity}"
_CLOSE = (
    "Écriture en silence : chaque personne esquisse une prochaine action (qu'elle garde pour "
    "elle); le formulaire d'évaluation; clôture"
)

PLANS: dict[int, list[tuple[int, str, str, tuple[int, ...]]]] = {
    60: [
        (5, "welcome", _WELCOME, ()),
        (10, "recap", _RECAP, ()),
        (15, "activity", _ACTIVITY, ()),
        (20, "discussion", "En grand groupe : pistes de discussion 1 et 2", (1, 2)),
        (10, "close", _CLOSE, ()),
    ],
    90: [
        (10, "welcome", _WELCOME, ()),
        (15, "recap", _RECAP, ()),
        (20, "activity", _ACTIVITY, ()),
        (10, "break", "Pause", ()),
        (20, "discussion", "En grand groupe : pistes de discussion 1 à 3", (1, 2, 3)),
        (
            10,
            "practice",
            "Piste 4, ou les questions d'entraînement du module, reprises ensemble, à voix haute "
            "(les explications à lire figurent sur la fiche d'animation)",
            (4,),
        ),
        (5, "close", _CLOSE, ()),
    ],
}


#: number -> (title, focus, activity, fallback goals, prompts, module-specific safety notes)
CONTENT: dict[str, tuple[str, str, str, list[str], list[str], list[str]]] = {
    "01": (
        "Qu'est-ce que l'alliance?",
        "l'alliance comme processus de toute une vie plutôt que comme identité; qui la "
        "reconnaît; les trois formulations intentionnelles",
        "reformuler des affirmations du type « Je suis une personne alliée » à l'aide de l'une "
        "des trois formulations de la page de l'AMIC",
        [
            "Expliquer l'alliance comme un processus, et non une identité, que les autres "
            "reconnaissent.",
            "Se servir des trois formulations de la page pour décrire un travail plutôt que de "
            "revendiquer une étiquette.",
        ],
        [
            "Qu'est-ce qui change quand l'alliance est reconnue par les autres plutôt que "
            "revendiquée par nous? Pensez à votre propre milieu de travail.",
            "Laquelle des trois formulations convient à un travail que vous faites déjà, et que "
            "vous amènerait-elle à dire plus précisément?",
            "Si l'alliance ne se proclame pas, qu'est-ce que cela exige de nous, et non des "
            "personnes avec qui nous souhaitons travailler?",
            "Où avez-vous vu, dans les soins de santé, l'étiquette de personne alliée tenir lieu "
            "d'action?",
        ],
        [
            "Demandez des exemples tirés du travail, jamais de l'identité ou de l'histoire "
            "personnelle de quelqu'un."
        ],
    ),
    "02": (
        "Responsabilités I : le pouvoir, l'écoute et la direction",
        "la responsabilité plutôt que la culpabilité; nommer le privilège et le pouvoir; écouter "
        "davantage; se laisser guider; faire nos propres recherches",
        "dresser la carte des formes de pouvoir que porte un rôle en clinique ou en classe, puis "
        "trouver une façon d'en parler ouvertement",
        [
            "Distinguer agir par responsabilité et agir par culpabilité.",
            "Nommer le pouvoir que porte un rôle en santé et en parler ouvertement.",
            "Planifier ses propres apprentissages plutôt que d'attendre que d'autres les "
            "prennent en charge.",
        ],
        [
            "À quoi ressemble, en réunion d'équipe, le fait d'agir par culpabilité, et à quoi "
            "ressemblerait plutôt le fait d'agir par responsabilité?",
            "Quelles habitudes de tous les jours (le vocabulaire des dossiers, les politiques "
            "courantes) pourraient perpétuer un système sans que personne le veuille?",
            "Qu'est-ce qui vous empêche, dans votre milieu, d'écouter davantage et de parler "
            "moins?",
            "Où ferez-vous vos propres recherches ce mois-ci, pour que personne parmi vos "
            "collègues n'ait à vous l'enseigner?",
        ],
        [
            "La culpabilité peut envahir la salle : ramenez l'attention des sentiments sur soi "
            "vers des actions pour les autres.",
            "Si quelqu'un se tourne vers une personne autochtone présente pour obtenir une "
            "réponse, renvoyez la question aux lectures ou à la personne qui anime.",
        ],
    ),
    "03": (
        "Responsabilités II : rendre des comptes, émotions et soins",
        "recevoir la critique; se faire interpeller, une marque de confiance; accueillir le "
        "malaise; nos besoins passent après; prendre soin de soi est notre propre "
        "responsabilité",
        "l'exercice de l'interpellation : classer des réponses entre celles qui ramènent "
        "l'attention sur la personne alliée et celles qui réparent, à partir d'une mise en "
        "situation du module",
        [
            "Recevoir la critique et rendre des comptes de ses erreurs.",
            "Réagir à une interpellation d'une façon qui répare plutôt que de ramener "
            "l'attention sur soi.",
            "Prendre la responsabilité de ses propres soins et de ses émotions.",
        ],
        [
            "Qu'est-ce qui rend difficile d'entendre « cela a causé du tort » sans se défendre?",
            "Dans les mises en situation du module, quelles réponses réparent, et lesquelles "
            "demandent à l'autre personne de s'occuper de nous?",
            "Où déposez-vous le malaise que ce travail suscite, pour qu'il ne retombe pas sur les "
            "personnes avec qui vous travaillez?",
            "Quand on vous remercie ou vous félicite pour ce travail, comment pourriez-vous "
            "rediriger l'attention?",
        ],
        [
            "Servez-vous des mises en situation du module; ne demandez à personne de raconter une "
            "interpellation vécue ni un tort causé.",
            "Des émotions vont surgir : dites que c'est normal, et offrez une pause.",
        ],
    ),
    "04": (
        "Rôles",
        "remettre en question les grandes structures de pouvoir; se servir de son privilège "
        "pour les autres; tourner les projecteurs vers d'autres; parler avec les personnes qui "
        "partagent notre privilège",
        "prendre une situation du module et noter ce qui ne changerait qu'une seule interaction "
        "et ce qui changerait une structure",
        [
            "Distinguer le travail qui remet en question des structures de celui qui change une "
            "seule interaction.",
            "Mettre son privilège et son pouvoir au service des autres, sous leur direction.",
            "Tourner les projecteurs vers les autres, et rendre à chacun le mérite qui lui "
            "revient.",
        ],
        [
            "Pensez à un comité ou à une politique que vous connaissez : à quoi ressemblerait une "
            "remise en question de sa structure, plutôt qu'une seule conversation mieux menée?",
            "Quand on vous offre une tribune, comment pourriez-vous la tourner vers des personnes "
            "qu'on n'entend pas, sans inclusion de façade?",
            "Comment pourriez-vous soulever l'oppression auprès de collègues qui partagent votre "
            "privilège, sur le moment et après coup?",
            "Quel mérite faut-il reconnaître, et à qui, pour le travail accompli dans votre "
            "propre milieu?",
        ],
        [
            "Les conversations entre pairs reviennent aux personnes qui partagent un privilège : "
            "personne ne doit ces conversations à qui que ce soit."
        ],
    ),
    "05": (
        "Bâtir la confiance et pratiquer l'alliance au quotidien",
        "pourquoi « être une personne alliée », vécu comme une identité, tourne mal; le "
        "ressentiment n'est pas personnel; la confiance prend du temps; les cinq questions de la "
        "pratique quotidienne",
        "l'autoévaluation : chaque personne cote les cinq questions en privé, puis le groupe "
        "parle des questions (jamais des cotes de quiconque)",
        [
            "Expliquer comment des idées bien intentionnées sur le fait d'« être une personne "
            "alliée » peuvent recréer l'oppression.",
            "Réagir à la méfiance ou à la résistance sans la prendre personnellement.",
            "Se servir des cinq questions de la pratique quotidienne, et refaire "
            "l'autoévaluation plus tard.",
        ],
        [
            "Pourquoi les personnes avec qui nous souhaitons travailler pourraient-elles se méfier "
            "de nous, et qu'est-ce que cela nous demande?",
            "À quoi ressemblerait le fait d'accepter qu'une offre d'aide n'est pas nécessaire pour "
            "le moment?",
            "Laquelle des cinq questions de la pratique quotidienne a été la plus difficile, et "
            "pourquoi? (Parlez de la question, pas de votre cote.)",
            "Qui votre équipe laisse-t-elle peut-être de côté, et comment le sauriez-vous?",
        ],
        [
            "Les cotes de l'autoévaluation sont personnelles : ne demandez jamais à quelqu'un de "
            "communiquer les siennes. Le portrait du groupe ne montre que des moyennes, et "
            "seulement pour les groupes de cinq personnes ou plus."
        ],
    ),
    "06": (
        "La colonisation et les soins de santé au Canada",
        "la Loi sur les Indiens et le statut; les pensionnats autochtones et les hôpitaux "
        "indiens; la stérilisation contrainte; Brian Sinclair, le rapport In Plain Sight et "
        "Joyce Echaquan; le principe de Jordan, l'Initiative : Les enfants inuits d'abord et le "
        "Programme des services de santé non assurés (SSNA); les soins dirigés par les "
        "Premières Nations, les Inuit et les Métis",
        "en petits groupes, prendre un moment ordinaire tiré des mises en situation du module "
        "(une attente au triage, un formulaire de consentement, un appel pour un déplacement "
        "médical, une question à l'accueil) et noter ce que l'histoire derrière ce moment "
        "demande à l'équipe de faire autrement (on ne demande à personne son histoire)",
        [
            "Expliquer comment la Loi sur les Indiens, les pensionnats autochtones et les hôpitaux "
            "indiens ont façonné les soins que reçoivent aujourd'hui les Premières Nations et les "
            "Inuit.",
            "Décrire la stérilisation contrainte comme un fait récent et documenté, et dire ce "
            "qu'exige un consentement éclairé.",
            "Dire ce que couvrent le principe de Jordan, l'Initiative : Les enfants inuits d'abord "
            "et le Programme des SSNA, et pour qui, et corriger le mythe selon lequel tout est "
            "gratuit.",
        ],
        [
            "Une ou un collègue dit : « Tout ça, c'est de l'histoire ancienne. » Quelles dates et "
            "quels faits du module y répondent, et comment le diriez-vous en réunion d'équipe?",
            "Lors des décès de Brian Sinclair et de Joyce Echaquan, le personnel a présumé le "
            "pire. Par où un tel présupposé pourrait-il entrer dans votre propre milieu, et "
            "qui la remarquerait?",
            "Qu'est-ce que le consentement éclairé demande à une équipe quand une patiente vient "
            "d'accoucher, ou quand une personne parle surtout le cri ou l'inuktitut?",
            "Quel service dirigé par des Premières Nations, des Inuit ou des Métis, près de chez "
            "vous, votre équipe pourrait-elle apprendre à connaître, et comment vous "
            "renseigneriez-vous en respectant les façons de faire de ces peuples?",
        ],
        [
            "Ce module décrit la mort de personnes nommées, des torts causés à des enfants et des "
            "stérilisations sans consentement : donnez l'avertissement sur le contenu et les "
            "ressources de soutien avant le rappel des lectures, et annoncez la pause.",
            "Certaines personnes présentes peuvent être des survivantes ou des survivants, des "
            "membres de leur famille ou des personnes que cette histoire touche directement. Ne "
            "demandez jamais à quelqu'un si c'est son cas, et ne demandez jamais de récit.",
            "Tenez-vous-en aux faits des lectures citées dans le module; quand une question va "
            "au-delà, renvoyez aux sources et aux récits des personnes concernées dont le module "
            "donne les liens.",
        ],
    ),
    "07": (
        "L'alliance avec les peuples autochtones",
        "la colonisation comme contexte; reconnaître les peuples d'origine; associer les "
        "communautés dès le départ; les lignes directrices de l'AMIC sur la mobilisation; les "
        "appels à l'action de la CVR en matière de santé; la sécurisation culturelle",
        "l'exercice de recherche sur le territoire : ce qu'il faut à une reconnaissance "
        "territoriale significative, à l'aide de la liste de vérification du module (personne "
        "ne lit sa propre fiche à voix haute)",
        [
            "Expliquer pourquoi la page désigne la colonisation comme le contexte, et ce que "
            "demande le fait d'associer les communautés locales dès le départ.",
            "Suivre les lignes directrices de l'AMIC sur la mobilisation pour inviter des "
            "médecins ou des personnes en formation médicale autochtones.",
            "Distinguer sécurisation culturelle et compétence culturelle; traiter les Premières "
            "Nations, les Inuit et les Métis comme des peuples distincts.",
        ],
        [
            "Que voudrait dire, pour votre organisation, associer les communautés autochtones "
            "locales dès le début d'un projet plutôt qu'à la fin?",
            "Pourquoi les lignes directrices de l'AMIC sur la mobilisation existent-elles, et que "
            "changerait le fait de les suivre dans la façon dont votre organisation demande des "
            "avis?",
            "Quelle est la différence entre une reconnaissance territoriale significative et une "
            "reconnaissance de façade?",
            "Lequel des appels à l'action de la CVR en matière de santé, tels que le module les "
            "présente, rejoint le plus votre propre milieu?",
        ],
        [
            "Tenez-vous-en aux faits des lectures citées dans le module; quand une question va "
            "au-delà, renvoyez aux sources plutôt que de répondre de mémoire.",
            "Ne questionnez personne sur sa propre identité, son territoire ou ses ancêtres; "
            "l'exercice sur le territoire est personnel et n'est jamais noté selon l'exactitude.",
            "Ce module peut être lourd pour les personnes autochtones présentes : rappelez à tout "
            "le monde les pauses et les ressources de soutien avant le rappel des lectures.",
        ],
    ),
    "08": (
        "Poursuivre le travail",
        "l'alliance, un travail de toute une vie; suivre et amplifier les organisations et les "
        "événements dirigés par des Autochtones; faire ses propres recherches; un plan d'action "
        "personnel",
        "en équipes de deux, chaque personne décrit (seulement si elle le souhaite) une étape "
        "de son plan d'action et le moment où elle le révisera",
        [
            "Expliquer ce qui fait durer la pratique après un cours.",
            "Trouver des organisations dirigées par des Autochtones à suivre, et amplifier leur "
            "travail sans se placer au centre.",
            "Bâtir un plan d'action personnel avec une première étape, une date et un moment de "
            "révision.",
        ],
        [
            "Quelle organisation ou quel événement dirigé par des Autochtones, parmi ceux du "
            "module, pourriez-vous suivre, et comment pourriez-vous l'amplifier sans vous placer "
            "au centre?",
            "Comment vous tiendrez-vous au courant de l'actualité sans demander à vos collègues "
            "de vous instruire?",
            "Qu'est-ce qui rendrait votre plan d'action difficile à tenir, et qu'est-ce qui vous "
            "aiderait?",
            "Que pourrait faire votre équipe, et pas seulement vous, comme prochaine étape?",
        ],
        [
            "Présenter son plan est facultatif; une équipe de deux peut plutôt parler des plans "
            "en général."
        ],
    ),
}

GENERAL_SAFETY = [
    "On ne demande à personne de parler au nom d'un groupe, ni de sa propre identité ou de son "
    "histoire. La participation se fait sur invitation; passer son tour est toujours permis, "
    "sans avoir à se justifier.",
    "On n'attend pas des personnes autochtones présentes qu'elles instruisent les autres, "
    "corrigent leurs pairs ou se portent garantes du contenu. La personne qui anime répond à "
    "partir des lectures; si quelqu'un choisit de parler de son expérience, remerciez cette "
    "personne et ne lui posez pas de questions auxquelles elle devrait répondre au nom d'autres "
    "personnes.",
    "Rythme : un module par séance, en espaçant les séances sur plusieurs semaines si possible. "
    "Commencez par un court avertissement sur le contenu, annoncez la pause et faites en sorte "
    "qu'il soit normal de sortir à tout moment.",
    "Les réflexions sont personnelles. Ne demandez jamais à quelqu'un de lire la sienne à voix "
    "haute. Le portrait du groupe ne montre des extraits, sans nom, que des personnes qui ont "
    "coché la case de partage, et seulement dans les groupes de cinq personnes ou plus.",
    "Quand un commentaire cause du tort (un stéréotype, une résistance dirigée contre un "
    "groupe), nommez-le calmement, ramenez la discussion à la lecture et prenez ensuite des "
    "nouvelles des personnes touchées.",
]
