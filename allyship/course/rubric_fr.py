"""The reflection rubric in French: the same public names as :mod:`allyship.course.rubric`.

:func:`allyship.course.rubric.edition` returns this module for the French edition, so the
French modules publish this table and their graders read this mark scheme. Same criteria, in
the same order, same levels and same points as the English rubric (a test checks it): a
reflection is graded the same way in either language.

Adapted from REFLECT (Wald, Borkan, Taylor, Anthony & Reis, *Academic Medicine*
2012;87(1):41-50, doi:10.1097/ACM.0b013e31823b55fa) and its three-level adaptation with an
*Action* row (PMC7485666, Table 1), as the English rubric is; the descriptors are the course's
own words, written in French rather than translated word for word. Like the English one, it
grades *how* someone reflects, never what they disclose.

The ``=== BEGIN MARK SCHEME ===`` / ``=== END MARK SCHEME ===`` lines stay in English: they are
nbgrader's markers (the release removes what lies between them), not text for a person.
"""

from __future__ import annotations

LEVELS = ("Description (0)", "Réflexion (1)", "Remise en question (2)")

#: (criterion, [descriptor per level]), in the English rubric's order
CRITERIA: list[tuple[str, list[str]]] = [
    (
        "Lien avec la consigne",
        [
            "Reprend la consigne ou la lecture en termes généraux.",
            "Répond à la consigne (ou à l'autre consigne) à partir d'une situation précise, "
            "réelle ou imaginée.",
            "Répond à partir d'une situation précise et explique pourquoi elle compte dans son "
            "travail.",
        ],
    ),
    (
        "Points de vue et présupposés",
        [
            "Un seul point de vue; les présupposés ne sont pas examinés.",
            "Se demande comment une autre personne voit la situation, par exemple un membre de "
            "la patientèle ou de l'équipe.",
            "Nomme un présupposé (le sien, ou un présupposé inscrit dans un système) et se "
            "demande d'où il vient.",
        ],
    ),
    (
        "Réactions et sens",
        [
            "Aucune réaction relevée, ou aucun sens dégagé.",
            "Relève une réaction (comme un malaise ou une attitude défensive), qui n'est pas "
            "forcément la sienne, et tire un certain sens de la situation.",
            "Explore ce que la réaction révèle et la relie aux idées du module sur l'alliance.",
        ],
    ),
    (
        "Passage à l'action",
        [
            "Aucune intention d'agir, ou une intention vague.",
            "Une intention claire d'agir autrement.",
            "Une intention claire et concrète, avec une première étape, en précisant pour qui.",
        ],
    ),
]

RUBRIC_POINTS = 2 * len(CRITERIA)
#: le nom court de chaque critère, que la personne qui corrige écrit avec sa note en tête de son
#: commentaire (« Consigne 2, Points de vue 1, Réactions 1, Action 1 »)
SHORT = ("Consigne", "Points de vue", "Réactions", "Action")


def rubric_markdown() -> str:
    """The rubric as a Markdown table, for the learner-facing cell of every French module."""
    from .rubric import table

    return (
        '<a id="rubric"></a>\n### Comment les réflexions sont notées\n\n'
        "Une personne lit chaque réflexion et note quatre critères de 0 à 2, pour un total de "
        f"{RUBRIC_POINTS}\u00a0points. La grille d'évaluation est adaptée de REFLECT (Wald et "
        'collab., <span lang="en">*Academic Medicine*</span>, 2012). Elle porte sur **la '
        "façon** dont vous réfléchissez, jamais sur **ce que** vous révélez\u00a0: vous n'avez "
        "jamais à écrire sur vous-même, votre identité ou votre histoire. Une réflexion sur "
        "une situation fictive, sur un cas que vous avez lu ou sur une situation dont vous avez "
        "été témoin peut obtenir tous les points. La longueur ne rapporte rien à elle seule."
        "\n\n" + table("Critère", LEVELS, CRITERIA)
    )


MARK_SCHEME = (
    "=== BEGIN MARK SCHEME ===\n"
    "Notez avec la grille d'évaluation du module\u00a0: quatre critères, de 0 à 2 chacun, "
    f"{RUBRIC_POINTS}\u00a0points. Évaluez uniquement la démarche réflexive. Ne récompensez ni "
    "ne pénalisez jamais ce qui est révélé (identité, histoire, traumatismes, opinions)\u00a0: "
    "une situation fictive ou observée peut obtenir tous les points. Ne notez ni l'orthographe "
    "ni la longueur. Laissez une phrase de rétroaction qui nomme une force et une prochaine "
    "étape.\n"
    "Commencez le commentaire par les quatre notes, sur sa première ligne, par exemple "
    "« Consigne 2, Points de vue 1, Réactions 1, Action 1 »\u00a0: la page de rétroaction de la "
    "personne apprenante montre alors la note de chaque critère (si leur somme égale la note "
    "donnée).\n"
    "=== END MARK SCHEME ==="
)
