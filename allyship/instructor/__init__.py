"""Instructors' and facilitators' tools, run on the instructor's machine or the hub's grader
account, never in a learner's module notebook.

Gradebook frames (pandas over nbgrader's gradebook and the autograded answers), the report and
its plots, the per-item CSV export plugin for ``nbgrader export``, the anonymous cohort view
(consent and a group threshold), the facilitator guide and its per-module plans, printable
handouts, and their verbs. What it may import: pandas and matplotlib (inside the functions that
draw), nbgrader's API, the course package and the kit (handouts draw the kit's widgets as
paper), and the grading package's release step (launching the course registers and
releases modules); reports read what grading wrote through the gradebook.
"""
