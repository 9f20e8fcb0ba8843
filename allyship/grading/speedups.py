"""Two process-local shortcuts for ``allyship grade``; they change no result, only the time.

Profiling the single writer showed most of its time outside execution in two places:

- nbgrader checks every cell's metadata with ``jsonschema.validate(meta, schema)``, which
  re-checks the (constant) schema itself on every call: about 40 % of the writer's time. The
  shim below checks the schema once and then validates each instance exactly as
  ``jsonschema.validate`` does (same validator class, same ``best_match`` error).
- nbgrader opens the gradebook about nine times per submission, each time with a new
  SQLAlchemy engine, so every query is compiled afresh. Reusing one engine per URL keeps
  SQLAlchemy's compiled-statement cache; sessions, transactions and commits are unchanged.

They are applied only inside ``allyship grade``'s own processes (never in a learner's kernel,
never in ``nbgrader`` commands), and the grade-equality tests run with them on.
"""

from __future__ import annotations

from typing import Any

_APPLIED = False


class _CachedJsonschema:
    """Stands in for the ``jsonschema`` module inside nbgrader's metadata checks."""

    def __init__(self, real: Any):
        self._real = real
        self._validators: dict[int, tuple[Any, Any]] = {}

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)

    def validate(self, instance: Any, schema: Any, cls: Any = None, *args: Any, **kw: Any) -> None:
        entry = self._validators.get(id(schema))
        if entry is None or entry[0] is not schema:
            klass = cls or self._real.validators.validator_for(schema)
            klass.check_schema(schema)
            entry = (schema, klass(schema, *args, **kw))
            self._validators[id(schema)] = entry
        error = self._real.exceptions.best_match(entry[1].iter_errors(instance))
        if error is not None:
            raise error


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
    _APPLIED = True
