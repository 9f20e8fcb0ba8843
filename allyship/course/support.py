"""Course text that every module shows the same way, kept in one place.

Support lines are from Indigenous Services Canada's list of mental-health supports
(https://www.sac-isc.gc.ca/eng/1576089519527/1576089566478 and
https://isc.gc.ca/eng/1581971225188/1581971250953), Hope for Wellness
(https://www.hopeforwellness.ca) and 9-8-8 (https://988.ca). Check them again before each
offering of the course: numbers change.
"""

from __future__ import annotations

SUPPORT_MARKDOWN = """\
<a id="support"></a>
### If this material weighs on you

This module talks about racism, colonization and harm in health care. Take breaks; you do not
have to finish in one sitting, and nothing here asks you to share your own story. If you need to
talk to someone:

- **Hope for Wellness Help Line** (for all Indigenous people in Canada, 24 hours, in English and
  French, and on request in Cree, Ojibway and Inuktitut): **1-855-242-3310**, or chat at
  [hopeforwellness.ca](https://www.hopeforwellness.ca).
- **National Indian Residential School Crisis Line** (24 hours): **1-866-925-4419**.
- **Missing and Murdered Indigenous Women and Girls crisis line** (24 hours): **1-844-413-6649**.
- **9-8-8 Suicide Crisis Helpline** (24 hours, call or text): **9-8-8** ([988.ca](https://988.ca)).
- Your workplace's employee assistance programme, or a physician health programme.

Sources: [Indigenous Services Canada, mental health and wellness
supports](https://isc.gc.ca/eng/1581971225188/1581971250953); [988.ca](https://988.ca).
"""


def support_markdown(language: str | None = None) -> str:
    """The support lines in ``language`` (default: the kit's current one)."""
    from ..kit.strings import current_language

    if (language or current_language()) == "fr":
        from .support_fr import SUPPORT_MARKDOWN as french

        return french
    return SUPPORT_MARKDOWN
