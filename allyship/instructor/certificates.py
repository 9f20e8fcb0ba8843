"""Certificates of completion: one PDF per learner who completed the course, each with a code
``allyship verify`` checks against the gradebook; for everyone else, what is still missing.

The rule is the course's (:mod:`.completion`); the codes are HMACs of the gradebook's record
(:mod:`.certificate_codes`). A certificate carries the learner's name, the course, the modules
with the dates they were submitted, the least study time the modules state, the issuer, the
rule, the code, and says plainly that it is not an accreditation. It carries no answer and no
reflection. PDFs are printed by Debian's chromium, headless, as the handouts are.
"""

from __future__ import annotations

import csv
import html
import re
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..errors import CertificateError
from ..kit.strings import t
from . import certificate_codes as K
from . import gradebook as G
from .completion import CertificateRule, Standing, names, read_rule, standings

STYLE = (
    "@page{size:A4;margin:18mm}body{font-family:'DejaVu Serif',serif;color:#222;margin:0}"
    ".frame{border:3px double #3b6e8f;padding:14mm 16mm;min-height:240mm;box-sizing:border-box}"
    "h1{font-size:26pt;text-align:center;margin:0 0 8mm;color:#3b6e8f;letter-spacing:.04em}"
    ".center{text-align:center}.name{font-size:22pt;margin:4mm 0}"
    ".course{font-size:16pt;font-style:italic;margin:2mm 0 8mm}"
    "table{border-collapse:collapse;width:100%;margin:4mm 0;font-size:10.5pt}"
    "td,th{border-bottom:1px solid #ccc;padding:1.5mm 2mm;text-align:left}"
    ".code{font-family:'DejaVu Sans Mono',monospace;font-size:13pt;letter-spacing:.06em}"
    ".small{font-size:8.5pt;color:#444;margin-top:6mm}"
)


@dataclass
class Issued:
    learner: str
    name: str
    code: str
    path: Path


def safe_name(learner: str) -> str:
    """A learner id as a file name."""
    return re.sub(r"[^A-Za-z0-9._@-]", "_", learner) or "learner"


def _when(ts) -> str:
    return f"{ts.day} {ts:%B %Y}"


def certificate_html(s: Standing, rule: CertificateRule, code: str, issued: date) -> str:
    """One certificate as a self-contained HTML page (no script, nothing fetched)."""
    e = html.escape
    rows = "".join(f"<tr><td>{e(f.title)}</td><td>{e(_when(ts))}</td></tr>" for f, ts in s.modules)
    hours = (
        t("certificate.hours", hours=f"{s.hours:g}")
        if s.hours is not None
        else t("certificate.no_hours")
    )
    auto, refl = (f"{v:g}" for v in (rule.min_auto_percent, rule.min_reflection_percent))
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{e(t('certificate.title'))}: {e(s.name)}</title><style>{STYLE}</style></head>"
        f'<body><div class="frame"><h1>{e(t("certificate.title"))}</h1>'
        f'<p class="center">{e(t("certificate.certifies"))}</p>'
        f'<p class="center name">{e(s.name)}</p>'
        f'<p class="center">{e(t("certificate.completed"))}</p>'
        f'<p class="center course">{e(rule.course_title)}</p>'
        f"<table><tr><th>{e(t('certificate.modules'))}</th><th></th></tr>{rows}</table>"
        f"<p>{e(hours)}</p>"
        f"<p>{e(t('certificate.rule', auto=auto, reflection=refl))}</p>"
        f"<p>{e(t('certificate.issued', issuer=rule.issuer, date=_when(issued)))}</p>"
        f'<p>{e(t("certificate.code", code=""))}<span class="code">{e(K.shown(code))}</span></p>'
        f"<p>{e(t('certificate.verify'))}</p>"
        f'<p class="small">{e(t("certificate.not_accredited"))} {e(t("certificate.source"))}</p>'
        "</div></body></html>\n"
    )


def not_yet_text(s: Standing) -> str:
    """What a learner who has not completed reads: what is missing, in plain words."""
    lines = [
        t("certificate.not_yet"),
        *(f"- {m}" for m in s.missing),
        t("certificate.not_yet_next"),
    ]
    return "\n".join(lines) + "\n"


def course_id(course: Path) -> str:
    from traitlets.config.loader import PyFileConfigLoader

    config = PyFileConfigLoader("nbgrader_config.py", path=str(course)).load_config()
    return str(config.get("CourseDirectory", {}).get("course_id", "") or "allyship")


def current_codes(course: Path, data: G.CourseData, rule: CertificateRule, create: bool = False):
    """Each learner's code for their record as the gradebook holds it now."""
    secret = K.read_secret(course, rule.secret_file, create=create)
    modules = list(rule.modules) or list(data.modules)
    texts = K.records(data, modules, names(data), course_id(course))
    return {learner: K.code_of(secret, text) for learner, text in texts.items()}


def issue(
    course: Path,
    out: Path,
    *,
    db_url: str | None = None,
    learners: list[str] | None = None,
    pdf: bool = True,
    today: date | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[list[Issued], list[Standing]]:
    """Write a certificate for each learner who completed (``learners``: only these), and a
    note of what is missing for each who has not; return (issued, not yet complete)."""
    rule = read_rule(course)
    if not rule.issuer.strip():
        raise CertificateError(
            'Set who issues the certificates first: add `c.CertificateRule.issuer = "Your '
            'organisation"` to nbgrader_config.py (see docs/instructors-and-facilitators.md).'
        )
    data = G.load(G.gradebook_url(course, db_url))
    everyone = standings(course, data, rule)
    if learners:
        unknown = sorted(set(learners) - set(data.learners))
        if unknown:
            raise CertificateError(f"Not in the gradebook: {', '.join(unknown)}.")
        everyone = [s for s in everyone if s.learner in set(learners)]
    codes = current_codes(course, data, rule, create=True)
    out.mkdir(parents=True, exist_ok=True)
    done = [s for s in everyone if s.complete]
    waiting = [s for s in everyone if not s.complete]
    issued_on = today or date.today()
    pages = []
    for s in done:
        page = out / f"{safe_name(s.learner)}.html"
        page.write_text(certificate_html(s, rule, codes[s.learner], issued_on), encoding="utf-8")
        pages.append(page)
    if pdf:
        _print_all(pages, progress)
    issued = [
        Issued(s.learner, s.name, codes[s.learner], p.with_suffix(".pdf") if pdf else p)
        for s, p in zip(done, pages, strict=True)
    ]
    _write_notes(out, waiting)
    _write_register(out, issued, issued_on)
    return issued, waiting


def _print_all(pages: list[Path], progress) -> None:
    from .printing import find_chromium, print_pdf

    browser = find_chromium()

    def one(page: Path) -> None:
        print_pdf(page, page.with_suffix(".pdf"), browser)
        page.unlink()

    with ThreadPoolExecutor(max_workers=2) as pool:  # each print is its own chromium process
        for n, _ in enumerate(pool.map(one, pages), 1):
            if progress:
                progress(n, len(pages))


def _write_notes(out: Path, waiting: list[Standing]) -> None:
    folder = out / "not-yet-complete"
    if waiting:
        folder.mkdir(exist_ok=True)
    for s in waiting:
        (folder / f"{safe_name(s.learner)}.txt").write_text(not_yet_text(s), encoding="utf-8")


def _write_register(out: Path, issued: list[Issued], when: date) -> None:
    """``issued.csv``: who was issued which code when (for revoking one later)."""
    with open(out / "issued.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["learner", "name", "code", "issued", "file"])
        for i in issued:
            writer.writerow([i.learner, i.name, K.shown(i.code), when.isoformat(), i.path.name])


def verify(course: Path, code: str, db_url: str | None = None) -> tuple[bool, str]:
    """Whether ``code`` is a valid certificate of this course now, and what it attests."""
    plain = K.normal(code)
    rule = read_rule(course)
    data = G.load(G.gradebook_url(course, db_url))
    verdict = K.check(course, plain, current_codes(course, data, rule))
    shown = K.shown(plain)
    if verdict.status == "revoked":
        r = verdict.revocation
        return False, (
            f"Not valid: certificate {shown} was revoked on {r['when'][:10]}"
            + (f" ({r['reason']})" if r.get("reason") else "")
            + "."
        )
    if verdict.status == "unknown":
        return False, (
            f"Not valid: {shown} matches no learner's current record in this course's gradebook. "
            "It was not issued here, was mistyped, or the learner's record has changed since "
            "it was issued (a regrade or a new submission). A changed record needs a new "
            "certificate: run `allyship certificates` again."
        )
    s = next(x for x in standings(course, data, rule) if x.learner == verdict.learner)
    modules = "; ".join(f"{f.title} ({_when(ts)})" for f, ts in s.modules) or "none"
    lines = [
        f"Valid: {shown} matches the gradebook's current record of {s.name} "
        f"(learner {s.learner}) in {rule.course_title}, issued by {rule.issuer or 'the course'}.",
        f"Modules submitted: {modules}.",
        t("certificate.hours", hours=f"{s.hours:g}") if s.hours is not None else "",
    ]
    if not s.complete:
        lines.append(
            "Under the course's rule as it is now, this record would not complete the course: "
            + " ".join(s.missing)
        )
    return True, "\n".join(line for line in lines if line)
