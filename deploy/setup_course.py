"""Create the nbgrader exchange and the course folder for a multi-user hub, with owners and
modes that keep learners apart. Run as root, once, and again whenever learners are added:

    sudo python3 deploy/setup_course.py --grader grader-allyship
        --learners jupyter-ana jupyter-ben --jupyter /opt/tljh/user/bin/jupyter   (one line)

Why these modes (measured on nbgrader 0.9.6; docs/deploy.md has the table):

- nbgrader requires the exchange root to be writable by everyone (its ``ensure_root`` resets
  any other mode to 0777), which lets any account rename or delete another's folders there
  (nbgrader #1225). The sticky bit (1777) keeps the required ``rwx`` for everyone but allows
  only an entry's owner to rename or delete it, and nbgrader accepts it.
- the course folder in the exchange is created here, owned by the grader account, so no
  learner can create a look-alike ``allyship/`` with an inbox they can read.
- ``inbound/`` is write-and-enter but not list (nbgrader's own 2733): a learner cannot see
  others' submission names. The sticky bit is added so that a learner who learned a name still
  cannot rename or delete someone else's submission.
- the course folder (source/, gradebook.db) and every home are closed (0700): Debian's default
  leaves homes readable by all, and a learner's home holds responses.json and nbgrader's cache
  of each submission. So is the source/ of the copy the course comes from (the clone).
"""

from __future__ import annotations

import argparse
import os
import pwd
import shutil
import stat
import subprocess
import sys
from pathlib import Path

COURSE_ID = "allyship"
REPO = Path(__file__).resolve().parent.parent

# path inside the exchange -> mode; owner is the grader account except for the root (root).
EXCHANGE_MODES = {
    ".": 0o1777,
    COURSE_ID: 0o755,
    f"{COURSE_ID}/outbound": 0o755,
    f"{COURSE_ID}/inbound": 0o3733,  # setgid (submissions get the grader's group) + sticky
    f"{COURSE_ID}/feedback": 0o711,
}


# nbgrader's extension matrix gives learners the Assignment List; these are for graders.
HIDDEN_FROM_LEARNERS = (
    "@jupyter/nbgrader:formgrader",
    "@jupyter/nbgrader:create-assignment",
    "@jupyter/nbgrader:course-list",
)
# ... and the server extensions behind them (Create Assignment has none). nbgrader 0.9.6's
# `jupyter server extension disable --user nbgrader.server_extensions.formgrader` prints "could
# not be found", exits 0 and writes nothing, so the learner's own config file is written
# instead, as that learner.
SERVER_HIDDEN_FROM_LEARNERS = (
    "nbgrader.server_extensions.formgrader",
    "nbgrader.server_extensions.course_list",
)
SERVER_CONFIG = "jupyter_server_config.d/allyship-learner.json"
_WRITE_SERVER_CONFIG = """
import json, pathlib, sys
from jupyter_core.paths import jupyter_config_dir
path = pathlib.Path(jupyter_config_dir(), sys.argv[1])
path.parent.mkdir(parents=True, exist_ok=True)
off = dict.fromkeys(sys.argv[2:], False)
path.write_text(json.dumps({"ServerApp": {"jpserver_extensions": off}}, indent=1) + "\\n")
"""


class SetupError(RuntimeError):
    """A step that cannot be done as asked; the message says what to do."""


def _account(name: str) -> pwd.struct_passwd:
    try:
        return pwd.getpwnam(name)
    except KeyError:
        raise SetupError(f"There is no account named {name!r}: create it first.") from None


def prepare_exchange(root: Path, grader: str) -> None:
    """The exchange root and this course's folders in it, with EXCHANGE_MODES."""
    owner = _account(grader)
    for rel, mode in EXCHANGE_MODES.items():
        path = root / rel
        path.mkdir(parents=True, exist_ok=True)
        if rel == ".":
            os.chown(path, 0, 0)
        else:
            os.chown(path, owner.pw_uid, owner.pw_gid)
        os.chmod(path, mode)  # mkdir honours the umask and drops setgid and sticky bits


def prepare_course(course_root: Path, grader: str, course_from: Path = REPO) -> None:
    """The grader's course folder: the course's nbgrader_config.py and source/, closed to
    everyone else. An existing folder keeps its content (gradebook, submissions)."""
    owner = _account(grader)
    if not (course_root / "nbgrader_config.py").exists():
        course_root.mkdir(parents=True, exist_ok=True)
        shutil.copy(course_from / "nbgrader_config.py", course_root / "nbgrader_config.py")
        shutil.copytree(course_from / "source", course_root / "source", dirs_exist_ok=True)
    for folder, _, files in os.walk(course_root):
        os.chown(folder, owner.pw_uid, owner.pw_gid)
        for name in files:
            os.chown(os.path.join(folder, name), owner.pw_uid, owner.pw_gid)
    os.chmod(course_root, 0o700)
    # The copy it came from (a clone every account can read, for the hub's files) holds the
    # answers too: its source/ is closed to all but its owner.
    source = course_from / "source"
    if source.is_dir() and source.resolve() != (course_root / "source").resolve():
        os.chmod(source, 0o700)


def close_home(user: str) -> None:
    """Only the account itself may enter its home (responses.json, nbgrader's cache)."""
    home = Path(_account(user).pw_dir)
    if home.is_dir():
        os.chmod(home, stat.S_IRWXU)


def hide_grading_tools(user: str, jupyter: Path) -> None:
    """Disable formgrader, Create Assignment and Course List in this learner's JupyterLab and
    the formgrader and course-list server extensions in their server (user level, as the
    learner, as nbgrader's demos do), leaving the Assignment List and Validate. The learner's
    own settings win because the shared environment is not theirs (jupyter_core's rule)."""
    account = _account(user)
    env = [f"HOME={account.pw_dir}", f"PATH={jupyter.parent}:/usr/bin:/bin"]
    python = jupyter.parent / "python"
    for args in (
        [str(jupyter), "labextension", "disable", "--level=user", *HIDDEN_FROM_LEARNERS],
        [str(python), "-c", _WRITE_SERVER_CONFIG, SERVER_CONFIG, *SERVER_HIDDEN_FROM_LEARNERS],
    ):
        proc = subprocess.run(
            ["runuser", "-u", user, "--", "env", "-i", *env, *args], capture_output=True, text=True
        )
        if proc.returncode != 0:
            raise SetupError(f"Could not hide the grading tools from {user}: {proc.stderr.strip()}")


SEALED = 'c.Execute.kernel_name = "allyship-sealed"  # setup_course.py --seal-kernels\n'


def seal_kernels(course_root: Path, grader: str, python: Path) -> None:
    """Grade in sealed kernels (allyship/grading/sealed.py, docs/deploy.md): the kernelspec,
    installed as the grader account, and named in the course folder's nbgrader_config.py."""
    account = _account(grader)
    env = [f"HOME={account.pw_dir}", f"PATH={python.parent}:/usr/bin:/bin"]
    args = [str(python), "-P", "-m", "allyship.grading.sealed", "--install"]
    proc = subprocess.run(
        ["runuser", "-u", grader, "--", "env", "-i", *env, *args], capture_output=True, text=True
    )
    if proc.returncode != 0:
        raise SetupError(f"Could not install the sealed kernel for {grader}: {proc.stderr.strip()}")
    config = course_root / "nbgrader_config.py"
    text = config.read_text(encoding="utf-8")
    if SEALED not in text:
        config.write_text(text.rstrip("\n") + "\n\n" + SEALED, encoding="utf-8")


def setup(
    exchange: Path,
    course_root: Path,
    grader: str,
    learners: list[str],
    course_from: Path = REPO,
    jupyter: Path | None = None,
    seal: bool = False,
) -> None:
    if os.geteuid() != 0:
        raise SetupError("Run this as root (sudo): it sets owners of other accounts' folders.")
    if seal and jupyter is None:
        raise SetupError("--seal-kernels needs --jupyter: the sealed kernel runs on that Python.")
    prepare_exchange(exchange, grader)
    prepare_course(course_root, grader, course_from)
    for user in [grader, *learners]:
        close_home(user)
    for user in learners if jupyter else []:
        hide_grading_tools(user, jupyter)
    if seal:
        seal_kernels(course_root, grader, jupyter.parent / "python")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--exchange", type=Path, default=Path("/srv/nbgrader/exchange"))
    parser.add_argument("--grader", default=f"grader-{COURSE_ID}", help="the course's account")
    parser.add_argument("--course-root", type=Path, help="default: ~GRADER/allyship")
    parser.add_argument("--course-from", type=Path, default=REPO, help="a copy of the course")
    parser.add_argument("--learners", nargs="*", default=[], help="unix names of learners")
    parser.add_argument(
        "--jupyter",
        type=Path,
        help="the users' jupyter command (TLJH: /opt/tljh/user/bin/jupyter); when given, "
        "Formgrader, Create Assignment and Course List are hidden from the learners",
    )
    parser.add_argument(
        "--seal-kernels",
        action="store_true",
        help="autograde in kernels that cannot see the course folder, the exchange or the "
        "grader's home (Linux user namespaces; docs/deploy.md); needs --jupyter",
    )
    args = parser.parse_args(argv)
    try:
        course_root = args.course_root or Path(_account(args.grader).pw_dir) / COURSE_ID
        setup(
            args.exchange,
            course_root,
            args.grader,
            args.learners,
            args.course_from,
            args.jupyter,
            args.seal_kernels,
        )
    except SetupError as e:
        print(e, file=sys.stderr)
        return 1
    print(f"exchange ready at {args.exchange}; course folder at {course_root}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
