"""Verification codes for certificates: an HMAC of the learner's record in the gradebook.

A code is the first 80 bits of HMAC-SHA256(secret, record), in base32 (``ABCD-EFGH-IJKL-MNOP``).
The record is what the certificate attests, as the gradebook holds it now: the course id, the
learner's id and name, each module's submission time and every grade in it. So

* a code cannot be made without the course's secret (a file created on first use, outside git:
  ``.allyship/certificate-secret`` in the course folder, beside a ``.gitignore`` of ``*``, or
  the file ``c.CertificateRule.secret_file`` names);
* a regraded or resubmitted record has a different code: the old certificate no longer
  verifies, and a new one must be issued;
* a revoked code (``allyship revoke``, kept in ``.allyship/revoked.json``) never verifies again.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd

from ..errors import CertificateError
from . import gradebook as G
from .private import FOLDER, private_folder

SECRET = "certificate-secret"
REVOKED = "revoked.json"
CODE = re.compile(r"^[A-Z2-7]{16}$")


def secret_path(course: Path, secret_file: str = "") -> Path:
    return Path(secret_file).expanduser() if secret_file else course / FOLDER / SECRET


def read_secret(course: Path, secret_file: str = "", create: bool = False) -> bytes:
    """The course's secret; made (32 random bytes, readable by its owner only) if ``create``."""
    path = secret_path(course, secret_file)
    if not path.is_file():
        if not create:
            raise CertificateError(
                f"This course has no certificate secret yet ({path}), so no certificate from it "
                "can be checked here. Certificates are checked on the machine that issued them "
                "(`allyship certificates` creates the secret)."
            )
        if not secret_file:
            private_folder(course)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as f:
            f.write(secrets.token_hex(32) + "\n")
    text = path.read_text().strip()
    if len(text) < 32:
        raise CertificateError(f"The certificate secret in {path} is too short; do not edit it.")
    return text.encode()


def records(data: G.CourseData, modules: list[str], names: dict[str, str], course_id: str):
    """Each learner's record (what a code signs), as canonical JSON text."""
    g = data.grades.loc[data.grades["module"].isin(modules), ["learner", "module", "item", "score"]]
    g = g.sort_values(["learner", "module", "item"])
    grades = {
        k: v[["module", "item", "score"]].values.tolist()
        for k, v in g.groupby("learner", observed=True)
    }
    s = data.submissions.loc[data.submissions["module"].isin(modules)]
    s = s.sort_values(["learner", "module"])
    stamps = {
        k: [
            [m, pd.Timestamp(ts).isoformat()]
            for m, ts in zip(v["module"], v["timestamp"], strict=True)
        ]
        for k, v in s.groupby("learner")
    }
    return {
        learner: json.dumps(
            {
                "course": course_id,
                "learner": learner,
                "name": names.get(learner, learner),
                "modules": stamps.get(learner, []),
                "grades": grades.get(learner, []),
            },
            sort_keys=True,
            separators=(",", ":"),
        )
        for learner in data.learners
    }


def code_of(secret: bytes, record: str) -> str:
    digest = hmac.new(secret, record.encode(), hashlib.sha256).digest()[:10]
    return base64.b32encode(digest).decode()


def shown(code: str) -> str:
    """``ABCDEFGHIJKLMNOP`` as ``ABCD-EFGH-IJKL-MNOP``."""
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def normal(code: str) -> str:
    """A code as typed (any case, dashes or spaces) in its plain form; an error if malformed."""
    plain = re.sub(r"[\s-]", "", code).upper()
    if not CODE.match(plain):
        raise CertificateError(
            f"'{code}' is not a certificate code: a code is 16 letters and digits 2-7, such as "
            "ABCD-EFGH-IJKL-MNOP."
        )
    return plain


def revoked(course: Path) -> dict[str, dict]:
    path = course / FOLDER / REVOKED
    try:
        return {r["code"]: r for r in json.loads(path.read_text(encoding="utf-8"))}
    except FileNotFoundError:
        return {}
    except (ValueError, KeyError, TypeError) as exc:
        raise CertificateError(f"{path} could not be read; fix or remove it.") from exc


def revoke(course: Path, code: str, reason: str) -> dict:
    """Add ``code`` to the course's revocations (kept, with the reason and the time)."""
    plain = normal(code)
    table = revoked(course)
    entry = {
        "code": plain,
        "reason": reason,
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    table.setdefault(plain, entry)
    path = private_folder(course) / REVOKED
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(json.dumps(list(table.values()), indent=1), encoding="utf-8")
    tmp.replace(path)
    return table[plain]


@dataclass
class Verdict:
    status: str  # "valid", "revoked" or "unknown"
    learner: str | None = None
    revocation: dict | None = None


def check(course: Path, code: str, codes: dict[str, str]) -> Verdict:
    """What ``code`` is: a revoked code, the code of a learner's current record, or neither."""
    plain = normal(code)
    gone = revoked(course)
    if plain in gone:
        return Verdict("revoked", revocation=gone[plain])
    for learner, theirs in codes.items():
        if hmac.compare_digest(theirs, plain):
            return Verdict("valid", learner)
    return Verdict("unknown")
