"""``allyship lite --out DIR``: the whole course as a static site, for any web server, offline.

The steps: fetch what is pinned (``fetch.py``, cached), write the site's notebooks
(``contents.py``), assemble Pyodide with every wheel beside it (``pyodide.py``), configure
JupyterLite (no PyPI, no CDN, the packages the kernel starts with, the course's JupyterLab
settings), run ``jupyter lite build``, and put a plain opening page at the site's root.

The site must be served over HTTP (``python -m http.server`` is enough): browsers run none of it
from ``file://``. Answers are kept per web address (scheme, host and port) in the browser's
storage, and only where the page may use a service worker: on ``localhost``/``127.0.0.1`` or over
HTTPS. The README and docs/lite.md say so to whoever serves it.
"""

from __future__ import annotations

import html
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from .. import __version__
from ..course.layout import EDITION_NOTEBOOKS
from ..errors import LiteBuildError
from ..kit.strings import in_language, t
from .contents import prepare_contents
from .fetch import browser_wheels, build_tools, pyodide_tarball
from .pins import PRELOAD, WHEELS
from .pyodide import assemble
from .wheels import kit_wheel

PYODIDE_PLUGIN = "@jupyterlite/pyodide-kernel-extension:kernel"


def start_page(language: str = "en") -> str:
    """The page a learner opens first: the lab, at the edition's start-here notebook."""
    return f"lab/index.html?path={EDITION_NOTEBOOKS[language][1]}"


@dataclass
class Site:
    out: Path
    modules: list[str]
    seconds: float
    size: int  #: bytes on disk
    files: int


def default_cache(course: Path) -> Path:
    return course / ".venv" / "lite-cache"


def _settings() -> dict:
    """The course's JupyterLab settings (no news, no update check, autosave), for the site."""
    from ..instructor.lab import SETTINGS

    return {k: v for k, v in SETTINGS.items() if "extensionmanager" not in k}


def _configure(lite_dir: Path, out: Path, extensions: list[Path]) -> None:
    config = {
        "LiteBuildConfig": {
            "contents": ["files"],
            "apps": ["lab"],
            "output_dir": str(out),
            "no_sourcemaps": True,
            "no_unused_shared_packages": True,
            "ignore_sys_prefix": True,
            "federated_extensions": [str(p) for p in extensions],
        }
    }
    page = {
        "jupyter-lite-schema-version": 0,
        "jupyter-config-data": {
            "appName": "Allyship course",
            # window.jupyterapp, as the course's JupyterLab tests expose it: the browser tests
            # wait on the kernel through it
            "exposeAppInBrowser": "true",
            "litePluginSettings": {
                PYODIDE_PLUGIN: {
                    "disablePyPIFallback": True,
                    "loadPyodideOptions": {"packages": PRELOAD},
                }
            },
        },
    }
    for name, data in (
        ("jupyter_lite_config.json", config),
        ("jupyter-lite.json", page),
        ("overrides.json", _settings()),
    ):
        (lite_dir / name).write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")


def _jupyter_lite(tools: Path, lite_dir: Path) -> None:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(tools), env.get("PYTHONPATH")) if p)
    env["JUPYTER_PLATFORM_DIRS"] = "1"
    argv = [sys.executable, "-m", "jupyterlite_core", "build", "--lite-dir", str(lite_dir)]
    proc = subprocess.run(argv, cwd=lite_dir, env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        tail = "\n".join((proc.stdout + proc.stderr).strip().splitlines()[-15:])
        raise LiteBuildError(f"`jupyter lite build` failed:\n{tail}")


def _cell_style(out: Path) -> None:
    """The course's JupyterLab style (hidden code shows nothing, not a "•••" line), added to
    each theme of the site: JupyterLite has no custom.css of its own."""
    from ..instructor.lab import CUSTOM_CSS

    themes = sorted((out / "build" / "themes").glob("*/*/index.css"))
    if not themes:
        raise LiteBuildError("the built site has no themes to style")
    for css in themes:
        css.write_text(css.read_text(encoding="utf-8") + "\n" + CUSTOM_CSS, encoding="utf-8")


def _opening_page(out: Path, language: str = "en") -> None:
    """The site's root: one plain sentence, then the course (no blank page while it loads)."""
    e, start = html.escape, start_page(language)
    with in_language(language):
        text, no_js = e(t("lite.opening")), e(t("lite.needs_javascript"))
        title, link = e(t("lite.site_title")), e(t("lite.open_course"))
    (out / "index.html").write_text(
        f'<!doctype html>\n<html lang="{language}"><head><meta charset="utf-8">\n'
        f"<title>{title}</title>\n"
        # the lab reads each parent folder's page config from here (JupyterLite's config-utils)
        '<script id="jupyter-config-data" type="application/json" '
        'data-jupyter-lite-root=".">{}</script>\n'
        f'<meta http-equiv="refresh" content="0; url={start}">\n</head>\n'
        f'<body><p>{text} <a href="{start}">{link}</a>.</p>\n'
        f"<noscript><p>{no_js}</p></noscript></body></html>\n",
        encoding="utf-8",
    )


def _size(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files), len(files)


def _check_out(course: Path, out: Path) -> None:
    """``out`` is replaced: never the course, nor a folder holding anything but a built site."""
    if out == course or course.is_relative_to(out):
        raise LiteBuildError(f"--out {out} holds the course itself: choose a new folder")
    if out.is_dir() and any(out.iterdir()) and not (out / "jupyter-lite.json").is_file():
        raise LiteBuildError(
            f"{out} is not empty and is not a site this command built: choose a new folder, "
            "or empty it first"
        )


def build_site(course: Path, out: Path, cache: Path | None = None, language: str = "en") -> Site:
    """Build the site of one edition from the course at ``course`` into ``out`` (replaced if
    it exists)."""
    began = time.monotonic()
    course, out = course.resolve(), out.resolve()
    cache = (cache or default_cache(course)).resolve()
    _check_out(course, out)
    tools = build_tools(course, cache)
    wheels = browser_wheels(cache)
    tarball = pyodide_tarball(cache)
    with tempfile.TemporaryDirectory(prefix="allyship-lite-") as work:
        modules = _build(course, out, Path(work), wheels, tools, tarball, language)
    _cell_style(out)
    _opening_page(out, language)
    size, files = _size(out)
    return Site(out, modules, time.monotonic() - began, size, files)


def _build(
    course: Path,
    out: Path,
    lite_dir: Path,
    wheels: dict,
    tools: Path,
    tarball: Path,
    language: str = "en",
):
    """JupyterLite's own build, from a folder assembled for it (``lite_dir``, thrown away)."""
    modules = prepare_contents(course, lite_dir / "files", language)
    kit = kit_wheel(course, lite_dir / "kit", __version__)
    kernel_extension = wheels["jupyterlite-pyodide-kernel"]
    browser = {n: w for n, w in wheels.items() if n in WHEELS}
    assemble(lite_dir / "static" / "pyodide", tarball, browser, kernel_extension, kit)
    extensions = [wheels["jupyterlab-widgets"], wheels["anywidget"], kernel_extension]
    if out.exists():
        shutil.rmtree(out)
    _configure(lite_dir, out, extensions)
    _jupyter_lite(tools, lite_dir)
    return modules
