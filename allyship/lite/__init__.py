"""The browser edition: the course as a static JupyterLite site, and hand-ins through any LMS.

* :mod:`.build` — ``allyship lite --out DIR``: the site (``fetch``, ``contents``, ``pyodide``,
  ``wheels`` are its steps; ``pins`` holds every version it is built from);
* :mod:`.collect` — ``nbgrader zip_collect``'s plugins for the learners' hand-in files, and for
  Canvas's and Moodle's "download all submissions" archives;
* :mod:`.lms` — ``allyship export-lms --to canvas|moodle``: grades as each gradebook imports them.

The learner's side of a hand-in (the download and load controls) is part of the kit
(:mod:`allyship.kit.widgets.handin`): it runs in the learner's kernel.
"""
