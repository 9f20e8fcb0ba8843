"""Certificates of completion on a copy of the synthetic cohort (synthetic.py), under the rule
in nbgrader_config.py (every module submitted, 80% of the automatic points, each reflection at
50% of its points or more), printed by real chromium and checked with `allyship verify`.

The automatic points, by hand: 01_alpha q1 2 + q2 2 + r1's written check 1 = 5; 05_audit q1 2 +
written 1 = 3; 8 in all. L01-L04 score 8/8; L05-L12 miss 05's q1: 6/8 = 75%; L13-L20 never
submitted 05: 5/8 = 62.5%; L21-L30 also miss 01's q1: 3/8 = 37.5%; L31-L36 miss both questions:
1/8 = 12.5%, and their reflection r1 is not graded yet. Reflections are scored 6 of 8 (75%).
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import warnings
from datetime import date

import nbformat
import pytest
from nbgrader.api import Gradebook

from allyship.cli import main
from allyship.errors import CertificateError
from allyship.instructor import certificate_codes as K
from allyship.instructor.certificates import issue, verify
from allyship.instructor.completion import read_rule, standings
from allyship.instructor.gradebook import gradebook_url, load

from .synthetic import LEARNERS, M1, M5, reflection_text

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("analytics-synthetic")]
TIMES = {M1: "about 45\u201360 minutes", M5: "about 30\u201340 minutes"}  # least: 45 + 30


def _with_times(course):
    for module, time in TIMES.items():
        path = course / "source" / module / f"{module}.ipynb"
        nb = nbformat.read(str(path), as_version=4)
        title = next(c for c in nb.cells if c.metadata["nbgrader"]["grade_id"] == "title")
        title.source += f"\n\n**Time:** {time}."
        nbformat.write(nb, str(path))


@pytest.fixture(scope="module")
def course(synthetic, tmp_path_factory):
    work = tmp_path_factory.mktemp("certificates") / "course"
    shutil.copytree(synthetic, work)
    with open(work / "nbgrader_config.py", "a", encoding="utf-8") as f:
        f.write('\nc.CertificateRule.issuer = "Example Health Authority, Learning Services"\n')
    _with_times(work)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with Gradebook(f"sqlite:///{work / 'gradebook.db'}") as gb:
            gb.update_or_create_student("L01", first_name="Ada", last_name="Lovelace")
    return work


@pytest.fixture(scope="module")
def issued(course, tmp_path_factory):
    out = tmp_path_factory.mktemp("issued")
    done, waiting = issue(course, out, today=date(2026, 12, 1))
    return out, {i.learner: i for i in done}, {s.learner: s for s in waiting}


def pdf_text(path) -> str:
    proc = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def test_who_completed_and_what_is_missing_in_plain_words(course):
    data = load(gradebook_url(course))
    by = {s.learner: s for s in standings(course, data, read_rule(course))}
    assert [k for k, s in by.items() if s.complete] == ["L01", "L02", "L03", "L04"]
    assert by["L01"].name == "Ada Lovelace" and by["L02"].name == "L02"
    assert by["L05"].missing == [
        "Your automatically checked points are 75% of the course's; 80% are needed."
    ]
    assert by["L13"].missing == [
        "Module 05 \u2014 Audit has not been submitted.",
        "Your automatically checked points are 62.5% of the course's; 80% are needed.",
    ]
    assert by["L31"].missing[-1] == (
        "Reflection 1 in Module 01 \u2014 Alpha has not been graded yet (nothing for you to "
        "do: a grader will)."
    )
    assert by["L40"].missing[:2] == [
        "Module 01 \u2014 Alpha has not been submitted.",
        "Module 05 \u2014 Audit has not been submitted.",
    ]
    assert by["L01"].hours == 1.25  # (45 + 30) minutes, the least each module states


def test_one_pdf_per_completer_with_everything_a_certificate_says(issued):
    out, done, waiting = issued
    assert sorted(p.name for p in out.glob("*.pdf")) == [f"L0{n}.pdf" for n in range(1, 5)]
    assert not list(out.glob("*.html"))  # the pages are printed, then removed
    text = " ".join(pdf_text(out / "L01.pdf").split())
    for expected in (
        "Certificate of completion", "Ada Lovelace",
        "The allyship course, for health professionals",
        "Module 01 \u2014 Alpha", "Module 05 \u2014 Audit", "1 March 2026",
        "Study time: 1.25 hours (the least time the modules state).",
        "Issued by Example Health Authority, Learning Services on 1 December 2026.",
        K.shown(done["L01"].code), "It is not an accreditation",
        "IPAC did not write it and has not reviewed or endorsed it.",
    ):  # fmt: skip
        assert expected in text, expected
    assert not any(reflection_text(who, m) in text for who in LEARNERS for m in (M1, M5))
    png = out / "L01-page"
    subprocess.run(["pdftoppm", "-png", "-r", "30", "-singlefile", str(out / "L01.pdf"), str(png)])
    assert png.with_suffix(".png").read_bytes().startswith(b"\x89PNG")
    register = (out / "issued.csv").read_text(encoding="utf-8").splitlines()
    assert register[0] == "learner,name,code,issued,file" and len(register) == 5
    assert (out / "not-yet-complete" / "L05.txt").read_text(encoding="utf-8") == (
        "You have not completed the course yet, so no certificate was issued. What is missing:\n"
        "- Your automatically checked points are 75% of the course's; 80% are needed.\n"
        "If anything here looks wrong, tell your instructor.\n"
    )
    assert len(waiting) == 36


def test_the_secret_lives_outside_git(course, issued):
    secret = course / ".allyship" / "certificate-secret"
    assert stat.S_IMODE(secret.stat().st_mode) == 0o600
    assert (course / ".allyship" / ".gitignore").read_text().splitlines()[-1] == "*"
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    subprocess.run(["git", "init", "-q", str(course)], check=True, env=env)
    ignored = subprocess.run(
        ["git", "-C", str(course), "check-ignore", "-q", ".allyship/certificate-secret"], env=env
    )
    assert ignored.returncode == 0
    shutil.rmtree(course / ".git")


def test_a_code_verifies_until_regraded_or_revoked(course, issued, tmp_path):
    _, done, _ = issued
    ok, text = verify(course, done["L01"].code.lower())
    assert ok and "Valid:" in text and "Ada Lovelace (learner L01)" in text
    assert "Module 05 \u2014 Audit (1 March 2026)" in text
    # a code made with any other secret matches nothing
    data = load(gradebook_url(course))
    record = K.records(data, [M1, M5], {"L01": "Ada Lovelace"}, "allyship")["L01"]
    forged = K.code_of(b"not the course's secret at all, 64 chars long....", record)
    assert verify(course, forged)[0] is False
    # a regrade changes the record: the old code no longer verifies
    copy = tmp_path / "course"
    shutil.copytree(course, copy)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with Gradebook(f"sqlite:///{copy / 'gradebook.db'}") as gb:
            gb.find_grade("q1", M5, M5, "L03").manual_score = 1
            gb.db.commit()
    ok, text = verify(copy, done["L03"].code)
    assert not ok and "has changed since it was issued" in text
    assert verify(copy, done["L02"].code)[0]  # the others still do
    # a revoked code never verifies
    K.revoke(copy, K.shown(done["L02"].code), "issued by mistake")
    ok, text = verify(copy, done["L02"].code)
    assert not ok and text.startswith(f"Not valid: certificate {K.shown(done['L02'].code)} was")
    assert "(issued by mistake)" in text


def test_no_issuer_no_secret_and_a_malformed_code_are_plain_errors(synthetic, tmp_path):
    with pytest.raises(CertificateError, match="Set who issues the certificates first"):
        issue(synthetic, tmp_path / "out", pdf=False)
    with pytest.raises(CertificateError, match="has no certificate secret yet"):
        verify(synthetic, "ABCD-EFGH-IJKL-MNOP")
    with pytest.raises(CertificateError, match="is not a certificate code"):
        K.normal("ABCD-1234")
    assert not (synthetic / ".allyship" / "certificate-secret").exists()


def test_the_verbs(course, tmp_path, capsys):
    out = tmp_path / "certs"
    argv = ["--course", str(course), "certificates", "--out", str(out), "--html-only"]
    assert main([*argv, "--learner", "L01", "--learner", "L05"]) == 0
    printed = capsys.readouterr().out
    assert "wrote 1 certificate(s)" in printed
    assert "  L05: Your automatically checked points are 75%" in printed
    code = (out / "issued.csv").read_text().splitlines()[1].split(",")[2]
    assert main(["--course", str(course), "verify", *code.split("-")]) == 0
    assert "Valid:" in capsys.readouterr().out
    assert main(["--course", str(course), "verify", "AAAA-AAAA-AAAA-AAAA"]) == 2
    assert "matches no learner" in capsys.readouterr().out
