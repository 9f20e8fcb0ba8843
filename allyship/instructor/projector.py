"""The projector view of one module's session: one screen per step of the session plan, in
large type, from the same objects as the guide (:func:`~allyship.instructor.facilitation.
plan_steps`) and the module's own text (:mod:`allyship.instructor.module_text`).

One self-contained HTML file: system fonts, a few lines of inline script for the keys (arrows,
space, Page Up/Down, Home/End) and nothing fetched. Without the script every screen shows, one
under the other; printed, each screen is one landscape page. Its words are in the kit's current
language (``facilitator/fr/projector.md``, :mod:`.text_fr` and the French support lines in
French), which the kit sets from the module.
"""

from __future__ import annotations

import html
import re

from ..course.support import support_markdown
from ..kit.strings import current_language
from .facilitation import ModuleGuide, Step, plan_steps
from .kit_text import kit_text, sections
from .module_text import Agreements, ModuleText
from .paper import text_to_paper
from .text import say

STYLE = """
html, body { margin: 0; background: #fff; color: #111; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif;
  font-size: clamp(20px, 2.9vw, 60px); line-height: 1.3; }
section.screen { box-sizing: border-box; min-height: 100vh; padding: 3vh 5vw 2vh;
  display: flex; flex-direction: column; border-bottom: 4px solid #ddd; }
header { display: flex; justify-content: space-between; gap: 1em; font-size: 0.5em;
  color: #333; border-bottom: 3px solid #7a2e0e; padding-bottom: 0.3em; }
h1 { font-size: 1.45em; margin: 0.4em 0 0.2em; } h2 { font-size: 1.2em; margin: 0.5em 0 0.3em; }
ol, ul { margin: 0.2em 0; padding-left: 1.3em; } li { margin: 0.2em 0; }
blockquote { margin: 0.3em 0; padding-left: 0.6em; border-left: 0.25em solid #7a2e0e; }
.small { font-size: 0.62em; } .plan { margin-top: auto; font-size: 0.45em; color: #333; }
footer { font-size: 0.42em; color: #444; display: flex; justify-content: space-between; }
@media screen { html.deck section.screen { display: none; border: 0; height: 100vh;
  overflow: hidden; }
  html.deck section.screen.current { display: flex; } }
@media print { @page { size: A4 landscape; margin: 12mm; }
  body { font-size: 19pt; } section.screen { min-height: 0; height: 180mm; border: 0;
  break-after: page; overflow: hidden; } section.screen:last-child { break-after: auto; }
  footer .keys { display: none; } }
"""

SCRIPT = """
(function () {
  var screens = Array.prototype.slice.call(document.querySelectorAll("section.screen"));
  var at = 0;
  document.documentElement.classList.add("deck");
  function fit(s) {  // the largest type, from the base size down, at which the screen fits
    var size = parseFloat(getComputedStyle(document.body).fontSize);
    s.style.fontSize = "";
    while (s.scrollHeight > s.clientHeight + 1 && size > 12) {
      size -= 1;
      s.style.fontSize = size + "px";
    }
  }
  function show(n) {
    at = Math.max(0, Math.min(screens.length - 1, n));
    screens.forEach(function (s, k) {
      s.classList.toggle("current", k === at);
      s.setAttribute("aria-hidden", k === at ? "false" : "true");
    });
    fit(screens[at]);
    if (location.hash !== "#" + (at + 1)) history.replaceState(null, "", "#" + (at + 1));
  }
  document.addEventListener("keydown", function (e) {
    var next = ["ArrowRight", "ArrowDown", "PageDown", " ", "Enter"];
    var back = ["ArrowLeft", "ArrowUp", "PageUp", "Backspace"];
    if (next.indexOf(e.key) >= 0) show(at + 1);
    else if (back.indexOf(e.key) >= 0) show(at - 1);
    else if (e.key === "Home") show(0);
    else if (e.key === "End") show(screens.length - 1);
    else return;
    e.preventDefault();
  });
  window.addEventListener("resize", function () { fit(screens[at]); });
  var start = parseInt(location.hash.slice(1), 10);
  show(isNaN(start) ? 0 : start - 1);
})();
"""

LINK = re.compile(r"\[([^\]]+)\]\([^)]+\)")


def _md(text: str) -> str:
    import mistune  # nbconvert's Markdown renderer, already installed with it

    return mistune.html(LINK.sub(r"\1", text))  # no links on a screen: nothing to fetch


def _lead(item: str) -> str:
    """An agreement's bold opening ("**Listen more, speak less.**"), or the whole item."""
    match = re.match(r"\s*\*\*(.+?)\*\*", item)
    return match.group(1) if match else item


def support_lines() -> str:
    """The support lines' heading and list, without links (the course's shared support text, in
    the kit's current language)."""
    lines = support_markdown().splitlines()
    heading = next((ln.lstrip("# ") for ln in lines if ln.startswith("#")), "")
    items = "\n".join(ln for ln in lines if ln.startswith(("- ", "  ")))
    return f"**{heading}**\n\n{items}" if heading else items


def _content(step: Step, guide: ModuleGuide, text: ModuleText, agreed: Agreements) -> str:
    words = sections(kit_text("projector"))
    esc = html.escape
    if step.kind == "welcome":
        leads = "\n".join(f"{n}. {_lead(a)}" for n, a in enumerate(agreed.items, 1))
        return (
            f"<h1>{esc(guide.title)}</h1><h2>{esc(agreed.heading)}</h2>{_md(leads)}"
            f'<p class="small">{esc(words["welcome"])}</p>'
        )
    if step.kind == "recap":
        goals = "\n".join(f"{n}. {g}" for n, g in enumerate(guide.goals, 1))
        return f"<h2>{esc(words['recap'])}</h2>{_md(goals)}"
    if step.kind == "activity":
        out = f"<h2>{esc(words['activity'])}</h2><p>{esc(_sentence(guide.activity))}</p>"
        claims = text.claims() if text.rewrites else []
        if claims:
            out += f'<p class="small">{esc(words["statement"])}</p>'
            out += f"<blockquote>{esc(say('projector.quoted', text=claims[0]))}</blockquote>"
        return out
    if step.kind == "break":
        return f"<h1>{esc(words['break'].format(minutes=step.minutes))}</h1>"
    if step.kind in ("discussion", "practice"):
        chosen = [(n, guide.prompts[n - 1]) for n in step.prompts if n <= len(guide.prompts)]
        items = "".join(f'<li value="{n}">{esc(p)}</li>' for n, p in chosen)
        out = f"<h2>{esc(words['discussion'])}</h2><ol>{items}</ol>"
        if step.kind == "practice" and text.practice:
            out += f'<p class="small">{esc(words["practice"])}</p>'
        return out
    if step.kind == "close":
        prompts = "".join(f"<p>{esc(text_to_paper(c.prompt))}</p>" for c in text.commitments)
        return (
            f"<h2>{esc(words['close'])}</h2>{prompts}"
            f'<p class="small">{esc(words["close-note"])}</p>'
            f'<p class="small"><strong>{esc(words["feedback"])}</strong></p>'
            f'<div class="small">{_md(support_lines())}</div>'
        )
    return f"<h2>{esc(step.what)}</h2>"


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + ("" if text.endswith((".", "?", "!")) else ".")


def projector_html(guide: ModuleGuide, text: ModuleText, agreed: Agreements, minutes: int) -> str:
    """The projector view: one ``<section class="screen">`` per step of the plan."""
    steps = plan_steps(guide, minutes)
    keys = sections(kit_text("projector"))["keys"]
    screens = []
    title = say("projector.session", title=guide.title, minutes=minutes)
    for n, step in enumerate(steps, 1):
        label = say("projector.step", n=n, total=len(steps), span=step.span)
        plan = say("projector.plan", what=step.what, minutes=step.minutes)
        screens.append(
            f'<section class="screen" id="step-{n}" data-kind="{step.kind}" '
            f'aria-label="{html.escape(label)}">'
            f"<header><span>{html.escape(title)}</span>"
            f"<span>{html.escape(label)}</span></header>"
            f"{_content(step, guide, text, agreed)}"
            f'<p class="plan">{html.escape(plan)}</p>'
            f'<footer><span class="keys">{html.escape(keys)}</span>'
            f"<span>{n} / {len(steps)}</span></footer></section>"
        )
    return (
        f'<!DOCTYPE html>\n<html lang="{current_language()}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(title)}</title><style>{STYLE}</style></head><body><main>\n"
        + "\n".join(screens)
        + f"\n</main><script>{SCRIPT}</script></body></html>\n"
    )
