"""One small hub world shared by the hub tests (marked xdist_group "hub"; each worker that runs
one of them builds its own, so each test file holds one test and the world stays cheap):
three real unix accounts (the course's grader/instructor account and learners A and B), the
exchange and course folder made by deploy/setup_course.py, and module 01 generated and released
by the instructor account. Everything is removed at the end, accounts and homes included."""

from __future__ import annotations

import importlib.util
import os
import shutil
import tempfile
from pathlib import Path

import pytest

from ..helpers import MODULES, REPO, make_course
from .runtime import as_user, create_accounts, remove_accounts, shared_bin

ROLES = ["inst", "a", "b"]


ROOT_ONLY = pytest.mark.skipif(
    os.geteuid() != 0,
    reason="hub tests need root: they create unix accounts and run a hub that spawns servers "
    "as those accounts (CI runs as root)",
)


def load_setup_course():
    """deploy/setup_course.py, the script an administrator runs (not a package)."""
    path = REPO / "deploy" / "setup_course.py"
    spec = importlib.util.spec_from_file_location("setup_course", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class World:
    """Paths and names the hub tests share."""

    def __init__(self, base: Path, bin_dir: Path, users: dict[str, str]):
        self.base = base
        self.bin = bin_dir
        self.python = bin_dir / "python"
        self.users = users
        self.module = MODULES[0]
        self.exchange = base / "exchange"
        self.config_dir = base / "jupyter-config"  # deploy/nbgrader_config.py, as /etc/jupyter
        self.course = Path(os.path.expanduser(f"~{users['inst']}")) / "allyship"

    def env(self) -> dict[str, str]:
        return {
            "PATH": f"{self.bin}:/usr/local/bin:/usr/bin:/bin",
            "JUPYTER_CONFIG_PATH": str(self.config_dir),
            "ALLYSHIP_EXCHANGE": str(self.exchange),
        }

    def nbgrader(self, role: str, *args: str, cwd: Path | None = None):
        """A real nbgrader command run as one of the accounts; fails loudly."""
        proc = as_user(
            self.users[role], [str(self.bin / "nbgrader"), *args], env=self.env(), cwd=cwd
        )
        assert proc.returncode == 0, f"nbgrader {' '.join(args)} as {role}:\n{proc.stderr}"
        return proc


@pytest.fixture(scope="session")
def world():
    if os.geteuid() != 0:
        pytest.skip("needs root")
    base = Path(tempfile.mkdtemp(prefix="allyship-hub-"))
    base.chmod(0o755)
    users: dict[str, str] = {}
    try:
        bin_dir, how = shared_bin(base)
        if bin_dir is None:
            pytest.skip(f"no Python that the test accounts can run: {how}")
        users = create_accounts(ROLES)
        w = World(base, bin_dir, users)
        w.config_dir.mkdir()
        shutil.copy(REPO / "deploy" / "nbgrader_config.py", w.config_dir)
        copy = w.course_from = make_course(base / "course-copy", [w.module])
        load_setup_course().setup(
            w.exchange,
            w.course,
            users["inst"],
            [users["a"], users["b"]],
            course_from=copy,
            jupyter=bin_dir / "jupyter",
        )
        w.nbgrader("inst", "generate_assignment", w.module, cwd=w.course)
        w.nbgrader("inst", "release_assignment", w.module, cwd=w.course)
        yield w
    finally:
        remove_accounts(list(users.values()))
        shutil.rmtree(base, ignore_errors=True)
