"""On-screen wording turned into paper wording, for printed handouts.

A module notebook tells its reader what to do on screen ("Press Run all", "submit through the
Assignment List", 'then press "Check my answer"'). On paper those sentences are wrong. The
module's text is the content authors' (and changes), so the handout does not rewrite it by hand:

1. the module's "How to use this notebook" section is replaced by the kit's paper version
   (``facilitator/paper_how_to.md``);
2. a clause that only names a button ('..., then press "Check my answer"') is cut from its
   sentence, and "is saved ... but not graded" becomes "is not graded";
3. any sentence still speaking of the screen (:data:`SCREEN`) is left out, and a list item left
   empty goes with it.

:func:`screen_wording` finds what is left, so tests (and authors) can check a handout.

A French module (the kit's current language ``"fr"``) is read with French patterns: its how-to
section is "Comment utiliser ce module", its buttons « Vérifier ma réponse », its menu
« Exécuter toutes les cellules », and "saved but not graded" reads « est enregistrée avec vos
réponses, mais n'est pas notée ».
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .kit_text import kit_text

#: words that only make sense on screen
SCREEN = re.compile(
    r"\bRun[ -]?all\b|\bRun All Cells\b|\bRun menu\b|\*\*Run\*\* menu|Assignment List|"
    r"JupyterLab|\bsidebar\b|\btoolbar\b|\bValidate\b|responses\.json|\bnotebook\b|"
    r"\bclick(?:s|ed|ing)?\b|\bpress(?:es|ed|ing)?\s+(?:\*\*|\"|\u201c|Run\b)|\bbutton\b|\bscroll|"
    r"\bCheck my (?:answer|framing|record)\b|\bsubmi(?:t|ts|tted|tting|ssion)\b|\bsaved\b",
    re.I,
)
#: a clause naming a button: ", then press "Check my answer"" / " and press **Run all**,"
BUTTON_CLAUSE = re.compile(
    r",?\s*(?:and\s+|then\s+)*press\s+(?:\*\*[^*]+\*\*|\"[^\"]+\"|\u201c[^\u201d]+\u201d),?",
    re.I,
)
#: "It is saved with your answers but not graded" -> "It is not graded"
SAVED_BUT_NOT = re.compile(r"\b(is|are) saved\b[^.;:]*?\b(?:but|and)(?: (?:is|are))? not\b", re.I)
#: a sentence that starts with an on-screen action is left out whole
SCREEN_START = re.compile(r"^[*_\s]*(?:then\s+)?(?:press|click)\b", re.I)
HOW_TO = re.compile(r"^(#{2,4})\s+How to use this notebook\s*$", re.I | re.M)
LIST_ITEM = re.compile(r"^(\s*(?:\d+\.|[-*+])\s+)(.*)$", re.S)
#: a sentence ends after . ! or ?, and after a closing quotation mark that follows one (« ... »)
SENTENCE_END = re.compile(r"((?<=[.!?])(?:[\u00a0 ]?»)?[\"\u201d\u2019)*_]*\s+)")


@dataclass(frozen=True)
class Wording:
    """One edition's patterns for on-screen wording (see the module's doc)."""

    screen: re.Pattern
    button_clause: re.Pattern
    saved_but_not: re.Pattern
    not_graded: str  # what ``saved_but_not`` becomes, with ``{verb}`` from its first group
    screen_start: re.Pattern
    how_to: re.Pattern
    #: the space a cut clause leaves before punctuation (French keeps its space before ":";
    #: a sentence nothing was cut from is left as written)
    gap: re.Pattern = re.compile(r"\s+([,.;:])")


ENGLISH = Wording(SCREEN, BUTTON_CLAUSE, SAVED_BUT_NOT, "{verb} not", SCREEN_START, HOW_TO)
FRENCH = Wording(
    screen=re.compile(
        r"Exécuter toutes les cellules|\bmenu\s+(?:\*\*)?Exécution\b|"
        r"\bexécut\w*\s+(?:de nouveau\s+)?toutes les cellules|"
        r"liste des travaux|\bAssignments\b|JupyterLab|barre latérale|barre d'outils|"
        r"[«*]\s*Valider\b|\bbouton Valider\b|responses\.json|\bnotebook\b|"
        r"\bcliqu(?:ez|er|ant)\b|"
        r"\bappuy(?:ez|er)\s+sur\b|\bbouton\b|\bfaites défiler\b|"
        r"\bVérifier ma (?:réponse|formulation|fiche)\b|"
        r"\bsoum(?:ettre|ettez|ettiez|is|ise|ission)\b|\benregistr(?:é|ée|és|ées|ez)\b",
        re.I,
    ),
    #: ", puis cliquez sur « Vérifier ma réponse »" / " et cliquez sur **Vérifier ma fiche**"
    button_clause=re.compile(
        r",?\s*(?:et\s+|puis\s+)*(?:cliquez|appuyez)(?:\s+ensuite)?\s+sur\s+"
        r"(?:\*\*[^*]+\*\*|«[^»]+»|\"[^\"]+\"),?",
        re.I,
    ),
    #: "Elle est enregistrée avec vos réponses, mais n'est pas notée" -> "Elle n'est pas notée"
    saved_but_not=re.compile(
        r"\b(?:est|sont)\s+enregistré(?:e|s|es)?\b[^.;:]*?,?\s+mais\s+(?:(?:il|elle)s?\s+)?"
        r"(n'(?:est|sont))\s+pas\b",
        re.I,
    ),
    not_graded="{verb} pas",
    screen_start=re.compile(r"^[*_\s]*(?:puis\s+|ensuite\s+)?(?:cliquez|appuyez|lancez)\b", re.I),
    how_to=re.compile(r"^(#{2,4})\s+Comment utiliser ce module\s*$", re.I | re.M),
    gap=re.compile(r"\s+([,.;])"),
)
WORDING = {"en": ENGLISH, "fr": FRENCH}


def wording(language: str | None = None) -> Wording:
    """The patterns of ``language`` (default: the kit's current language)."""
    from ..kit.strings import current_language

    return WORDING[language or current_language()]


def screen_wording(text: str) -> list[str]:
    """The on-screen words left in ``text`` (empty when it reads right on paper)."""
    return [m.group(0) for m in wording().screen.finditer(text)]


def sentence_to_paper(sentence: str) -> str:
    """One sentence on paper: the sentence, shortened, or ``""`` when it only fits a screen."""
    words = wording()
    if words.screen_start.match(sentence):
        return ""
    cut = words.button_clause.sub("", sentence)
    cut = words.saved_but_not.sub(lambda m: words.not_graded.format(verb=m.group(1)), cut)
    sentence = words.gap.sub(r"\1", cut) if cut != sentence else sentence  # the cut's gap only
    return "" if words.screen.search(sentence) else sentence


def text_to_paper(text: str) -> str:
    """Running text (a paragraph, a list item's text, a widget's prompt) on paper."""
    pieces = SENTENCE_END.split(text)
    kept: list[str] = []
    for n in range(0, len(pieces), 2):
        sentence = sentence_to_paper(pieces[n])
        gap = pieces[n + 1] if n + 1 < len(pieces) else ""
        if sentence:
            kept.append(sentence + gap)
    return "".join(kept).rstrip()


def _item_blocks(block: str) -> list[str]:
    """A Markdown block split into its list items (or the block itself when it is no list)."""
    lines = block.split("\n")
    if not LIST_ITEM.match(lines[0]):
        return [block]
    items: list[str] = []
    for line in lines:
        if LIST_ITEM.match(line) or not items:
            items.append(line)
        else:
            items[-1] += "\n" + line
    return items


def block_to_paper(block: str) -> str:
    """One Markdown block (paragraph, list, table, heading) on paper."""
    stripped = block.lstrip()
    if not stripped or stripped.startswith(("|", "<", "```")):
        return block
    if stripped.startswith("#"):
        return "" if wording().screen.search(stripped) else block
    out = []
    for item in _item_blocks(block):
        match = LIST_ITEM.match(item)
        marker, body = (match.group(1), match.group(2)) if match else ("", item)
        paper = text_to_paper(body)
        if paper.strip():
            out.append(marker + paper)
    return "\n".join(out)


def _blocks_to_paper(markdown: str) -> list[str]:
    return [p for p in (block_to_paper(b) for b in re.split(r"\n\s*\n", markdown)) if p.strip()]


def markdown_to_paper(markdown: str) -> str:
    """A Markdown cell on paper: the how-to section replaced, screen sentences left out."""
    heading = wording().how_to.search(markdown)
    if not heading:
        return "\n\n".join(_blocks_to_paper(markdown))
    rest = markdown[heading.end() :]
    after = re.search(rf"^#{{1,{len(heading.group(1))}}}\s", rest, re.M)
    blocks = _blocks_to_paper(markdown[: heading.start()])
    blocks.append(kit_text("paper_how_to").strip())
    blocks += _blocks_to_paper(rest[after.start() :]) if after else []
    return "\n\n".join(blocks)
