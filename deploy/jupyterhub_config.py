"""JupyterHub configuration for one nbgrader course ("allyship") with an instructor, a grader
account and learners.

Why each part is here (nbgrader's `demos/demo_one_class_multiple_graders` and
`configuration/jupyterhub_config.rst` are the models):

- formgrader runs in a **shared server started by the hub as a service**, named after the
  course and run as the grader account, so every grader sees one course folder and one
  gradebook. nbgrader requires the service name to equal the course id.
- the group ``formgrade-allyship`` holds who may open that service (instructors and the grader
  account); ``nbgrader-allyship`` holds the learners. nbgrader reads these names.
- JupyterHub RBAC (2+): the ``formgrade-allyship`` role grants access to the service; the
  ``server`` role keeps ``inherit`` so the Course List extension can see the service.
- JupyterHub >= 4.1 forbids framing (CSP ``frame-ancestors 'none'``), which leaves
  formgrader's iframe blank (nbgrader #1870). The course service is started with
  ``course_service_config.py``, which allows framing by the same origin, as nbgrader's demos do.

Everything a site changes is read from the environment, so the same file serves a single
server, The Littlest JupyterHub (copy it to /opt/tljh/config/jupyterhub_config.d/) and the
loopback tests. Unset variables give the documented defaults (docs/deploy.md).
"""

import os
import shlex
from pathlib import Path

c = get_config()  # noqa: F821 - provided by JupyterHub when it loads this file

HERE = Path(__file__).resolve().parent
COURSE = "allyship"  # the course id; the service, the groups and nbgrader_config.py use it


def _names(variable: str, default: str = "") -> list[str]:
    return os.environ.get(variable, default).split()


INSTRUCTORS = _names("ALLYSHIP_INSTRUCTORS", "instructor")
GRADER = os.environ.get("ALLYSHIP_GRADER", f"grader-{COURSE}")  # the unix account of the service
LEARNERS = _names("ALLYSHIP_LEARNERS")
COURSE_ROOT = os.environ.get("ALLYSHIP_COURSE_ROOT", f"/home/{GRADER}/{COURSE}")
EXCHANGE = os.environ.get("ALLYSHIP_EXCHANGE", "/srv/nbgrader/exchange")
SERVICE_PORT = int(os.environ.get("ALLYSHIP_SERVICE_PORT", "9999"))
# How a server is started: the environment that holds JupyterLab, nbgrader and the kit.
# TLJH: /opt/tljh/user/bin/jupyterhub-singleuser (the hub's own PATH does not include it).
SINGLEUSER = shlex.split(os.environ.get("ALLYSHIP_SINGLEUSER", "jupyterhub-singleuser"))
# Unix name = prefix + hub name: "" with LocalProcessSpawner, "jupyter-" on TLJH.
UNIX_PREFIX = os.environ.get("ALLYSHIP_UNIX_PREFIX", "")

# Hub names of accounts who may log in, added to whatever the site already allows (TLJH's
# tljh-config, the admin page). Instructors are not made hub admins: the role below is all
# they need, and an admin can open every learner's server.
if LEARNERS:  # an explicit roster; without one the site's own rules stand
    c.Authenticator.allowed_users.update(INSTRUCTORS + LEARNERS)

c.JupyterHub.load_groups = {
    f"formgrade-{COURSE}": list(dict.fromkeys([*INSTRUCTORS, GRADER])),
    f"nbgrader-{COURSE}": LEARNERS,
}

c.JupyterHub.load_roles = [
    {
        "name": f"formgrade-{COURSE}",
        "groups": [f"formgrade-{COURSE}"],
        "scopes": [
            f"access:services!service={COURSE}",
            "list:services",  # the Course List extension discovers the service
            f"read:services!service={COURSE}",
        ],
    },
    {
        # learners: see that the course exists; they never reach the grading server
        "name": f"nbgrader-{COURSE}",
        "groups": [f"nbgrader-{COURSE}"],
        "scopes": ["list:services", f"read:services!service={COURSE}"],
    },
    {"name": "server", "scopes": ["inherit"]},
]

c.JupyterHub.services = [
    {
        "name": COURSE,
        "url": f"http://127.0.0.1:{SERVICE_PORT}",
        "command": [
            *SINGLEUSER,
            f"--ServerApp.root_dir={COURSE_ROOT}",
            f"--config={HERE / 'course_service_config.py'}",
        ],
        "user": GRADER,
        "cwd": COURSE_ROOT,
        "oauth_no_confirm": True,
        "environment": {"JUPYTERHUB_DEFAULT_URL": "/lab"},
    }
]

# Every server (learners', instructors') reads the course-wide nbgrader settings (course id,
# exchange) from deploy/nbgrader_config.py when ALLYSHIP_JUPYTER_CONFIG points at a folder
# holding it; on TLJH the file is copied to /etc/jupyter/ instead and this stays unset.
# The exchange is always passed on: the course's own nbgrader_config.py (read last, from the
# course folder) would otherwise fall back to a private exchange inside the course folder.
_extra_env = {"ALLYSHIP_EXCHANGE": EXCHANGE}
if os.environ.get("ALLYSHIP_JUPYTER_CONFIG"):
    _extra_env["JUPYTER_CONFIG_PATH"] = os.environ["ALLYSHIP_JUPYTER_CONFIG"]
c.Spawner.environment.update(_extra_env)  # added to the site's own settings
if "ALLYSHIP_SINGLEUSER" in os.environ:  # otherwise keep the site's (TLJH sets its PATH)
    c.Spawner.cmd = SINGLEUSER
for service in c.JupyterHub.services:
    service["environment"].update(_extra_env)

# Learners' answers (responses.json) live in their home folders. Debian's useradd makes homes
# readable by every account unless /etc/login.defs sets HOME_MODE: close each home before its
# server starts. The hub runs as root on a single machine (LocalProcessSpawner, TLJH's
# SystemdSpawner).


def _close_home(spawner) -> None:
    import pwd

    try:
        home = pwd.getpwnam(UNIX_PREFIX + spawner.user.name).pw_dir
    except KeyError:
        return  # not created yet (TLJH creates it at first start): see docs/deploy.md
    if os.path.isdir(home) and os.geteuid() == 0:
        os.chmod(home, 0o700)


c.Spawner.pre_spawn_hook = _close_home
