"""The course and its authoring: finding the course and its modules on disk, the cell factory
that builds module notebooks, the answer key read back from ``source/``, the published rubric,
and text every module shows the same way (support lines).

It serves course authors and every other package (instructor tools and grading find modules
and keys here). What it may import: the standard library, nbformat, :mod:`allyship.errors` and
the learner's kit (the cell factory uses the kit's strings; the key has the store's shape). Not
pandas, not nbgrader, nothing from :mod:`allyship.grading` or :mod:`allyship.instructor`.
"""

from .layout import MODULE_NAME, find_course, list_modules, resolve_module, source_notebook

__all__ = ["MODULE_NAME", "find_course", "list_modules", "resolve_module", "source_notebook"]
