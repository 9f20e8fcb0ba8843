"""Every version the browser edition is built from, pinned in one place.

Two kinds of parts come in at build time, both from PyPI and npm only:

* the build tools (``jupyterlite-core``, ``jupyterlite-pyodide-kernel``), the ``lite`` extra of
  ``pyproject.toml``, installed apart from the course's own environment (``fetch.py`` says why);
* what runs in the browser: Pyodide's runtime (npm ``pyodide``, at the one version the kernel
  package expects), the pure-Python wheels the in-browser kernel loads (:data:`WHEELS`), and the
  JupyterLab extensions that draw widgets (:data:`EXTENSIONS`, whose wheels serve both sides).

Where Pyodide's own lock file names a package, the version here is the one it names (PyPI's
wheel of it replaces Pyodide's CDN copy); the others are the versions the course is tested with.
"""

from __future__ import annotations

#: Pyodide, as ``jupyterlite-pyodide-kernel`` 0.8.6 expects it (its PYODIDE_VERSION)
PYODIDE = "314.0.6"
#: the Python inside that Pyodide, for ``pip download`` and for evaluating wheel markers
PYTHON = "3.14"
PYTHON_FULL = "3.14.2"

#: the in-browser kernel's pure-Python wheels: IPython and its kin, the widgets, the kit's needs
WHEELS = {
    # Pyodide's own package manager and the kernel's IPython (versions as in Pyodide's lock)
    "micropip": "0.11.1",
    "packaging": "26.1",
    "ipython": "9.12.0",
    "jedi": "0.19.2",
    "parso": "0.8.6",
    "traitlets": "5.14.3",
    "pygments": "2.20.0",
    "prompt-toolkit": "3.0.52",
    "asttokens": "3.0.1",
    "executing": "2.2.1",
    "pure-eval": "0.2.3",
    "stack-data": "0.6.3",
    "six": "1.17.0",
    "wcwidth": "0.6.0",
    "decorator": "5.2.1",
    "matplotlib-inline": "0.2.1",
    "typing-extensions": "4.15.0",
    "attrs": "26.1.0",
    "platformdirs": "4.9.4",
    # not in Pyodide's lock
    "ipython-pygments-lexers": "1.1.1",
    "comm": "0.2.3",
    "ipywidgets": "8.1.9",
    "anywidget": "0.11.0",
    "psygnal": "0.16.1",
    "nbformat": "5.11.1",
    "fastjsonschema": "2.22.3",
    "jupyter-core": "5.9.1",
    # jsonschema 4.18+ needs rpds-py, which has no browser wheel on PyPI; 4.17 uses pyrsistent,
    # whose pure-Python wheel is there
    "jsonschema": "4.17.3",
    "pyrsistent": "0.20.0",
}

#: JupyterLab extensions the site carries (each wheel holds a prebuilt extension); anywidget's
#: wheel is also the kernel's anywidget, so the two sides always agree
EXTENSIONS = {
    "jupyterlab-widgets": "3.0.17",  # the widget manager for ipywidgets 8.1
    "anywidget": WHEELS["anywidget"],
    "jupyterlite-pyodide-kernel": "0.8.6",
}

#: requirements a wheel declares that the browser never needs (front-end packages, served as
#: extensions instead)
NOT_IN_BROWSER = {"widgetsnbextension", "jupyterlab-widgets"}

#: what the kernel loads as it starts (the rest loads when a cell imports it); the kernel skips
#: its own network installs for anything named here
PRELOAD = [
    "micropip",
    "piplite",
    "ipykernel",
    "comm",
    "pyodide-kernel",
    "jedi",
    "ipython",
    "allyship",
]

#: what the kit needs in the browser (the allyship wheel's own metadata names the instructor's
#: libraries too, which never run there)
KIT_NEEDS = ["ipywidgets", "anywidget", "nbformat"]


def normalize(name: str) -> str:
    """A distribution name as Pyodide's lock spells its keys."""
    return name.lower().replace("_", "-").replace(".", "-")
