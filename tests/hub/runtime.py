"""Real unix accounts for the hub tests, and a Python every one of them can run.

The project's virtual environment usually points at an interpreter under /root (pyenv), which no
other account may enter. Rather than open /root, the tests build a tiny venv in /tmp from a
system interpreter of the same version (Debian's /usr/bin/python3.X) and point it at the
project's site-packages with one .pth line: same packages, same kit, no copy, no download.
"""

from __future__ import annotations

import json
import os
import pwd
import secrets
import signal
import subprocess
import sys
import sysconfig
from pathlib import Path

from ..helpers import BIN, REPO

VERSION = f"{sys.version_info.major}.{sys.version_info.minor}"
PROBE = "import nbgrader, jupyterhub, allyship"


def as_user(user: str, args: list[str], **kw) -> subprocess.CompletedProcess:
    """Run ``args`` as ``user`` (runuser), with exactly the environment given in ``env``."""
    env = kw.pop("env", {})
    home = pwd.getpwnam(user).pw_dir
    base = {"HOME": home, "USER": user, "LOGNAME": user, "PYTHONDONTWRITEBYTECODE": "1"}
    assignments = [f"{k}={v}" for k, v in {**base, **env}.items()]
    kw.setdefault("capture_output", True)
    kw.setdefault("text", True)
    kw.setdefault("timeout", 300)
    kw.setdefault("cwd", home)
    return subprocess.run(["runuser", "-u", user, "--", "env", "-i", *assignments, *args], **kw)


def _runs_as_nobody(args: list[str]) -> bool:
    try:
        return as_user("nobody", args, cwd="/", env={"HOME": "/"}).returncode == 0
    except (KeyError, OSError):
        return False


def shared_bin(base: Path) -> tuple[Path | None, str]:
    """A bin/ folder whose ``python`` and scripts any account can run with the project's
    packages; (None, reason) when this machine offers no way to build one."""
    if _runs_as_nobody([str(BIN / "python"), "-c", PROBE]):
        return BIN, "the project's environment is readable by all"
    site_packages = Path(sysconfig.get_paths()["purelib"])
    if not _runs_as_nobody(["/bin/ls", str(site_packages)]):
        return None, f"{site_packages} is not readable by other accounts"
    candidates = [f"/usr/bin/python{VERSION}", f"/usr/local/bin/python{VERSION}"]
    system = next((p for p in candidates if _runs_as_nobody([p, "-c", "pass"])), None)
    if system is None:
        return None, f"no Python {VERSION} that every account may run ({', '.join(candidates)})"
    venv = base / "venv"
    subprocess.run([system, "-m", "venv", "--without-pip", str(venv)], check=True)
    target = Path(sysconfig.get_paths(vars={"base": str(venv), "platbase": str(venv)})["purelib"])
    (target / "allyship_project.pth").write_text(
        f"import site; site.addsitedir({str(site_packages)!r})\n"
    )
    for name in ("etc", "share"):  # server-extension switches and lab extensions
        if (BIN.parent / name).exists():
            (venv / name).symlink_to(BIN.parent / name)
    for script in BIN.iterdir():
        if script.name.startswith("python") or not script.is_file():
            continue
        try:
            first, rest = script.read_text().split("\n", 1)
        except (UnicodeDecodeError, ValueError):
            continue
        if first.startswith(f"#!{BIN}/python"):
            (venv / "bin" / script.name).write_text(f"#!{venv}/bin/python\n{rest}")
            (venv / "bin" / script.name).chmod(0o755)
    if not _runs_as_nobody([str(venv / "bin" / "python"), "-c", PROBE]):
        return None, f"a venv from {system} could not import the project's packages"
    return venv / "bin", f"a venv from {system} over {site_packages}"


def create_accounts(roles: list[str]) -> dict[str, str]:
    """Fresh unix accounts ``allyship-t-<random>-<role>`` with their homes."""
    tag = secrets.token_hex(3)
    names = {role: f"allyship-t-{tag}-{role}" for role in roles}
    for name in names.values():
        subprocess.run(
            ["useradd", "--create-home", "--shell", "/bin/sh", name],
            check=True,
            capture_output=True,
        )
    return names


def processes_of(users: list[str]) -> list[tuple[int, str]]:
    """(pid, command line) of every live process owned by these accounts."""
    uids = {pwd.getpwnam(u).pw_uid for u in users if _exists(u)}
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if entry.stat().st_uid in uids:
                cmd = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode().strip()
                found.append((int(entry.name), cmd))
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
    return found


def _exists(user: str) -> bool:
    try:
        pwd.getpwnam(user)
        return True
    except KeyError:
        return False


def remove_accounts(users: list[str]) -> None:
    """Stop what the test left running under these accounts (by pid), then delete the
    accounts and their homes."""
    for pid, _ in processes_of(users):
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    for user in users:
        if _exists(user):
            subprocess.run(["userdel", "--remove", user], capture_output=True)


def probe_as(user: str, python: Path, ops: list[list[str]]) -> dict[str, str]:
    """Try file operations as ``user``; each result is "ok", "ok:<entries>" or an errno name.
    ops: [label, "list"|"read"|"rename"|"glob", path, (new path)]."""
    code = r"""
import errno, glob, json, os, sys
out = {}
for label, op, path, *rest in json.loads(sys.argv[1]):
    try:
        if op == "list":
            out[label] = "ok:" + ",".join(sorted(os.listdir(path)))
        elif op == "glob":
            out[label] = "ok:" + ",".join(sorted(glob.glob(path)))
        elif op == "read":
            open(path, "rb").read(1)
            out[label] = "ok"
        elif op == "rename":
            os.rename(path, rest[0])
            out[label] = "ok"
    except OSError as e:
        out[label] = errno.errorcode.get(e.errno, str(e.errno))
print(json.dumps(out))
"""
    proc = as_user(user, [str(python), "-c", code, json.dumps(ops)], cwd="/")
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


ANSWER_SCRIPT = f"""
import json, sys
sys.path.insert(0, {str(REPO)!r})
from pathlib import Path
from tests.helpers import give_answers, open_widgets

notebook, answers_file, flip = sys.argv[1], sys.argv[2], sys.argv[3:]
answers = json.loads(Path(answers_file).read_text())
widgets = open_widgets(Path(notebook))
for item in flip:  # answer these wrongly, with the first option that is not the key's
    w, right = widgets[item], answers[item]
    if getattr(w, "multiple", False):
        answers[item] = [o for o in w.options if o not in right][:1]
    else:
        answers[item] = next(o for o in w.options if o != right)
give_answers(widgets, answers)
"""
