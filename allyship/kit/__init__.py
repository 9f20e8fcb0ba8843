"""The learner's kit: everything a module notebook runs in a learner's kernel.

It serves the learner (and nbgrader's Validate and autograde, which run the same cells): the
answers store (``responses.json``), the session's first cell, where the kit is running, the
graded checks, the widgets, the strings table and the learner's journal.

What it may import: the standard library, ipywidgets/traitlets (and anywidget, only when drawn),
nbformat (the journal reads module notebooks), IPython, and :mod:`allyship.errors`. Never pandas,
matplotlib, sqlalchemy or nbgrader, and nothing from :mod:`allyship.grading` or
:mod:`allyship.instructor`: a module must open fast, and nothing here may write to stderr (any
stderr output zeroes an nbgrader test cell). ``tests/unit/test_import_rule.py`` enforces both.
Module notebooks import the public names from :mod:`allyship` itself.
"""
