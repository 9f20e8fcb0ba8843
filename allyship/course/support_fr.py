"""The support lines in French: :data:`SUPPORT_MARKDOWN`, the French edition's version of
:mod:`allyship.course.support` (``support_markdown("fr")`` returns it).

Same lines as the English text, with each line's French name and whether it answers in French,
plus Québec's Info-Social 811. Sources, in French where the organisation has a French page:

- Ligne d'écoute d'espoir pour le mieux-être (24 h, English and French, Cree, Ojibway and
  Inuktitut on request; chat at espoirpourlemieuxetre.ca): Indigenous Services Canada,
  https://sac-isc.gc.ca/fra/1594067962949 (the box at the top of the page), and the Prime
  Minister's Office, https://pm.gc.ca/fr/node/20146, which also gives the residential school
  crisis line (24 h, 1-866-925-4419);
- the MMIWG crisis line (24 h, 1-844-413-6649) and the whole list: Indigenous Services Canada's
  page in English, https://isc.gc.ca/eng/1581971225188/1581971250953 (its French version could
  not be confirmed, so the text links the English page and says so);
- 9-8-8 : Ligne d'aide en cas de crise de suicide (its own French name; 24 h, French and
  English, call or text): https://988.ca/fr;
- Info-Social 811 (Québec, 24 h, 811 then option 2): Gouvernement du Québec,
  https://www.quebec.ca/sante/trouver-une-ressource/info-social-811.

Check them again before each offering of the course: numbers change.
"""

from __future__ import annotations

SUPPORT_MARKDOWN = """\
<a id="support"></a>
### Si ce contenu vous pèse

Ce module parle de racisme, de colonisation et de torts causés dans les soins de santé. Prenez
des pauses : vous n'avez pas à tout terminer d'un coup, et rien ici ne vous demande de raconter
votre propre histoire. Si vous avez besoin de parler à quelqu'un :

- **Ligne d'écoute d'espoir pour le mieux-être** (pour toutes les personnes autochtones au
  Canada, 24 h sur 24, **en français** et en anglais, et sur demande en cri, en ojibwé et en
  inuktitut) : **1-855-242-3310**, ou par clavardage à
  [espoirpourlemieuxetre.ca](https://www.espoirpourlemieuxetre.ca).
- **Ligne d'écoute téléphonique de crise relative aux pensionnats indiens** (24 h sur 24) :
  **1-866-925-4419**.
- **Ligne d'écoute téléphonique d'urgence pour les femmes et les filles autochtones disparues et
  assassinées** (24 h sur 24) : **1-844-413-6649**.
- **9-8-8 : Ligne d'aide en cas de crise de suicide** (24 h sur 24, **en français** et en
  anglais, par téléphone ou par texto) : **9-8-8** ([988.ca/fr](https://988.ca/fr)).
- Au Québec, **Info-Social 811** (24 h sur 24, **en français**) : composez le **811**, puis
  l'option 2, pour parler à une personne en intervention psychosociale.
- Le programme d'aide aux employés de votre milieu de travail, ou un programme d'aide aux
  médecins.

Les lignes marquées « en français » vous répondent en français. Pour les autres, demandez si une
personne peut vous répondre en français.

Sources : [Services aux Autochtones Canada, Ligne d'écoute
d'espoir](https://sac-isc.gc.ca/fra/1594067962949) (encadré en haut de la page); [Cabinet du
premier ministre du Canada, lignes d'écoute](https://pm.gc.ca/fr/node/20146) (en haut de la
page); [Services aux Autochtones Canada, liste des services de soutien en santé mentale et en
mieux-être](https://isc.gc.ca/eng/1581971225188/1581971250953) (en anglais);
[988.ca/fr](https://988.ca/fr); [Gouvernement du Québec,
Info-Social 811](https://www.quebec.ca/sante/trouver-une-ressource/info-social-811).
"""
