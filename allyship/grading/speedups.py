"""Process-local shortcuts for ``allyship grade``; they change no result, only the time.

Profiling the single writer and the workers' sanitizing showed most of their time in these:

- nbgrader checks every cell's metadata with ``jsonschema.validate(meta, schema)``, which
  re-checks the (constant) schema itself on every call: about 40 % of the writer's time. The
  shim below checks the schema once and then validates each instance exactly as
  ``jsonschema.validate`` does (same validator class, same ``best_match`` error); a cell's
  metadata found valid is remembered by its ``repr`` (made only of dicts, lists, strings,
  numbers, booleans and None), since every learner's copy of a course cell carries the same
  metadata (an invalid one is checked, and its error raised, each time).
- nbgrader opens the gradebook about nine times per submission, each time with a new
  SQLAlchemy engine, so every query is compiled afresh, and closes it by disposing of the
  engine's connections. Reusing one engine per URL, and its pooled connection, keeps
  SQLAlchemy's compiled-statement cache; sessions, transactions and commits are unchanged.
- each of those openings first lists the database's tables and runs ``create_all`` (a dozen
  queries) to create missing tables, then looks the course up (adding it if missing) and
  commits: once an engine's tables and course have been checked in this process, they exist,
  and the checks are not repeated (``Gradebook()`` ignores what the course check returns).
- ``RestoreReleasedCells`` and ``OverwriteCells`` look up every cell's source in the gradebook,
  one joined query per cell, twice per cell: the first lookup for a notebook now loads all of
  that notebook's source cells in one query, in the same session, and later lookups are served
  from it. They are the very objects the per-cell query returns (one object per row in a
  session); a cell not among them goes to nbgrader's own query and its own error. Autograde
  never adds, renames or removes source cells, so nothing can go stale in a session.

And one for start-up: importing nbgrader imports nbformat, which imports jsonschema, whose
optional format checkers import ``rfc3987_syntax``, which builds a grammar at import: more than a
second before anything is graded (``nbgrader autograde`` pays it on every command). Those
format checkers are consulted only when a validator is given a ``FormatChecker``; nbformat,
nbgrader, nbconvert and nbclient never give one (and nbformat validates with fastjsonschema,
which has its own). :func:`skip_format_grammar` lets jsonschema load without it.

They are applied only inside ``allyship grade``'s own processes (never in a learner's kernel,
never in ``nbgrader`` commands), and the grade-equality tests run with them on.
"""

from __future__ import annotations

import json
import sys
from typing import Any

_APPLIED = False


def skip_format_grammar() -> None:
    """Import jsonschema without ``rfc3987_syntax`` (see the module's docstring), if it is not
    imported yet; ``rfc3987_syntax`` itself stays importable afterwards."""
    if "jsonschema" in sys.modules or "rfc3987_syntax" in sys.modules:
        return
    sys.modules["rfc3987_syntax"] = None  # an import of it raises ImportError, which ...
    try:
        import jsonschema  # noqa: F401 - ... jsonschema's format module suppresses
    except ImportError:  # pragma: no cover - a jsonschema that needs it: load it as usual
        pass
    finally:
        if sys.modules.get("rfc3987_syntax", False) is None:
            del sys.modules["rfc3987_syntax"]


def _plain(value: Any) -> bool:
    """True if ``value`` is made of JSON's own Python types only (what notebooks hold)."""
    if value is None or type(value) in (str, int, float, bool):
        return True
    if isinstance(value, dict) and type(value).__repr__ is dict.__repr__:
        return all(type(k) is str and _plain(v) for k, v in value.items())
    if type(value) in (list, tuple):
        return all(_plain(v) for v in value)
    return False


class _CachedJsonschema:
    """Stands in for the ``jsonschema`` module inside nbgrader's metadata checks."""

    def __init__(self, real: Any):
        self._real = real
        self._by_id: dict[int, tuple[Any, tuple[Any, set[str]]]] = {}  # the schemas seen last
        self._by_text: dict[tuple[str, Any], tuple[Any, set[str]]] = {}  # (validator, valid)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)

    def _entry(self, schema: Any, cls: Any) -> tuple[Any, set[str]]:
        """The validator for ``schema`` (each nbgrader metadata validator loads its own copy of
        the same schema: found by its text), and the metadata already found valid against it."""
        seen = self._by_id.get(id(schema))
        if seen is not None and seen[0] is schema:
            return seen[1]
        key = (json.dumps(schema, sort_keys=True), cls)
        entry = self._by_text.get(key)
        if entry is None:
            klass = cls or self._real.validators.validator_for(schema)
            klass.check_schema(schema)
            entry = self._by_text[key] = (klass(schema), set())
        if len(self._by_id) > 16:
            self._by_id.clear()  # keep no schema alive for long
        self._by_id[id(schema)] = (schema, entry)
        return entry

    def validate(self, instance: Any, schema: Any, cls: Any = None, *args: Any, **kw: Any) -> None:
        if args or kw:  # not how nbgrader calls it
            return self._real.validate(instance, schema, cls, *args, **kw)
        validator, valid = self._entry(schema, cls)
        # every learner's copy of a course cell has the same metadata: checked once. The key is
        # its repr, which tells a list from a tuple and 1 from 1.0 or True, as jsonschema does.
        key = repr(instance) if _plain(instance) else None
        if key is not None and key in valid:
            return  # this very metadata was found valid against this very schema
        error = self._real.exceptions.best_match(validator.iter_errors(instance))
        if error is not None:
            raise error
        if key is not None:
            valid.add(key)


def apply() -> None:
    """Install both shortcuts in this process (idempotent)."""
    global _APPLIED
    if _APPLIED:
        return
    import jsonschema
    import nbgrader.api
    import nbgrader.nbgraderformat.common as common

    common.jsonschema = _CachedJsonschema(jsonschema)
    engines: dict[str, Any] = {}
    create = nbgrader.api.create_engine

    def create_engine(url: str, **kw: Any) -> Any:
        key = f"{url}|{sorted(kw.items())}"
        if key not in engines:
            engines[key] = create(url, **kw)
        return engines[key]

    nbgrader.api.create_engine = create_engine
    close = nbgrader.api.Gradebook.close

    def close_keeping_pool(self: Any) -> None:
        """``Gradebook.close`` without ``engine.dispose()`` for the engines kept here: the
        session is removed (its transaction ended) and its connection goes back to the pool,
        for the next opening to reuse, as a pool is for."""
        if self.engine in engines.values():
            self.db.remove()
        else:
            close(self)

    nbgrader.api.Gradebook.close = close_keeping_pool
    _check_tables_once(nbgrader.api)
    nbgrader.api.Gradebook.find_source_cell = _source_cells_by_notebook(
        nbgrader.api.Gradebook.find_source_cell
    )
    _APPLIED = True


def _check_tables_once(api: Any) -> None:
    """``Gradebook()``'s table listing, ``create_all`` and course check, once per engine and
    course (see module doc)."""
    checked: set[int] = set()
    courses: set[tuple[int, str]] = set()
    check_course = api.Gradebook.check_course

    def check_course_once(self: Any, course_id: str = "default_course", **kw: Any) -> Any:
        key = (id(self.engine), course_id)
        if kw or key not in courses or id(self.engine) not in checked:
            result = check_course(self, course_id, **kw)
            courses.add(key)
            return result
        return None  # it exists: this process checked it (nbgrader's own returns None too)

    api.Gradebook.check_course = check_course_once
    inspect, metadata = api.inspect, api.Base.metadata
    create_all = metadata.create_all

    class _Known:
        def get_table_names(self) -> list[str]:
            return ["(checked)"]  # only its length is read: the tables exist

    def inspect_once(engine: Any) -> Any:
        return _Known() if id(engine) in checked else inspect(engine)

    def create_all_once(bind: Any = None, **kw: Any) -> None:
        if id(bind) not in checked:
            create_all(bind=bind, **kw)
            checked.add(id(bind))

    api.inspect = inspect_once
    metadata.create_all = create_all_once


def _source_cells_by_notebook(find_source_cell: Any) -> Any:
    """``Gradebook.find_source_cell`` served from one query per notebook (see module doc)."""
    from nbgrader.api import Assignment, Notebook, SourceCell

    def find(self: Any, name: str, notebook: str, assignment: str) -> Any:
        cache = self.__dict__.setdefault("_allyship_source_cells", {})
        cells = cache.get((notebook, assignment))
        if cells is None:
            rows = (
                self.db.query(SourceCell)
                .join(Notebook, Notebook.id == SourceCell.notebook_id)
                .join(Assignment, Assignment.id == Notebook.assignment_id)
                .filter(Notebook.name == notebook, Assignment.name == assignment)
                .all()
            )
            cells = cache[(notebook, assignment)] = {row.name: row for row in rows}
        cell = cells.get(name)
        return cell if cell is not None else find_source_cell(self, name, notebook, assignment)

    find.__doc__ = find_source_cell.__doc__
    return find
