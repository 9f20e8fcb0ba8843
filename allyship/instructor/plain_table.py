"""Frames as plain-text tables for the terminal: what ``allyship report`` and ``allyship cohort``
print.

pandas' ``DataFrame.to_string`` formats each cell through several layers of Python (a third of
a second for the report's table of points of ten thousand learners); this writes each column's
cells in one pass and pads them once. The layout:

* one header line, then one line per row; columns two spaces apart;
* the row labels first when they say something (a named or non-numbered index; the 0, 1, 2 ...
  of a plain list of rows is left out);
* numbers right-aligned, with ``digits`` decimals for fractional ones (a column of numbers and
  missing values too, however it is stored); text left-aligned, kept on one line (a line break
  or tab inside it shows as a space);
* an empty cell (missing, NaN, NaT, None) as ``-``.
"""

from __future__ import annotations

import math
import numbers

import numpy as np
import pandas as pd

GAP = "  "


def plain_table(
    frame: pd.DataFrame, *, index: bool | None = None, na: str = "-", digits: int = 2
) -> str:
    """``frame`` as a text table (see the module's docstring); ``index`` None shows the row
    labels unless they are the plain 0, 1, 2 ... of a ``RangeIndex``."""
    if index is None:
        index = not _plain_numbering(frame.index)
    columns: list[tuple[str, list[str], bool]] = []  # header, cells, right-aligned
    if index:
        labels = frame.index
        header = " / ".join(str(n) for n in labels.names if n is not None)
        if isinstance(labels, pd.MultiIndex):
            values = [" ".join(_one(v, na, digits) for v in row) for row in labels]
            columns.append((header, values, False))
        else:
            columns.append((header, *_cells(labels, na, digits)))
    for at, name in enumerate(frame.columns):
        heading = " ".join(map(str, name)) if isinstance(name, tuple) else str(name)
        columns.append((heading, *_cells(frame.iloc[:, at], na, digits)))
    padded = []
    for header, cells, right in columns:
        width = max([len(header), *map(len, cells)])
        pad = str.rjust if right else str.ljust
        padded.append([pad(header, width), *(pad(c, width) for c in cells)])
    if not padded:
        return ""
    return "\n".join(GAP.join(row).rstrip() for row in zip(*padded, strict=True))


def _plain_numbering(labels: pd.Index) -> bool:
    return (
        isinstance(labels, pd.RangeIndex)
        and labels.name is None
        and labels.start == 0
        and labels.step == 1
    )


def _cells(values, na: str, digits: int) -> tuple[list[str], bool]:
    """One column's cells as text, and whether it is right-aligned (numbers)."""
    dtype = values.dtype
    kind = getattr(dtype, "kind", "O")
    if isinstance(dtype, pd.CategoricalDtype):
        return _cells(values.astype(object), na, digits)
    if kind == "f":
        array = np.asarray(values, dtype=float)
        form = f"{{:.{digits}f}}".format
        return [na if x != x else form(x) for x in array.tolist()], True
    if kind in "iub" and not pd.api.types.is_extension_array_dtype(dtype):
        return [str(x) for x in np.asarray(values).tolist()], True
    if kind == "M" and isinstance(dtype, np.dtype):  # times with no time zone
        written = _whole_seconds(np.asarray(values), na)
        if written is not None:
            return written, False
    items = list(values)
    if all(type(v) is str for v in items):  # the common case, all text: checked in one pass
        joined = "".join(items)
        if "\n" not in joined and "\r" not in joined and "\t" not in joined:
            return items, bool(items) and all(v == na for v in items)
    right = bool(items) and all(_is_number(v) or _missing(v) or v == na for v in items)
    return [_one(v, na, digits) for v in items], right


def _whole_seconds(times: np.ndarray, na: str) -> list[str] | None:
    """Times to the second as a Timestamp writes them (``2026-03-01 09:00:00``), in one pass;
    None if any has a fraction of a second (each is then written as a Timestamp writes it)."""
    known = times[~np.isnat(times)]
    if (known.astype("datetime64[s]") != known).any():
        return None
    text = np.datetime_as_string(times, unit="s").tolist()
    return [na if t == "NaT" else t.replace("T", " ") for t in text]


def _is_number(value) -> bool:
    return isinstance(value, numbers.Number) and not isinstance(value, complex)


def _missing(value) -> bool:
    if value is None or value is pd.NaT or value is pd.NA:
        return True
    return isinstance(value, float) and math.isnan(value)


def _one(value, na: str, digits: int) -> str:
    if _missing(value):
        return na
    if isinstance(value, str):
        return value.replace("\r\n", " ").replace("\n", " ").replace("\r", " ").replace("\t", " ")
    if isinstance(value, (bool, np.bool_)):
        return str(bool(value))
    if isinstance(value, numbers.Integral):
        return str(int(value))
    if isinstance(value, numbers.Real):
        number = float(value)
        return na if math.isnan(number) else f"{number:.{digits}f}"
    if isinstance(value, pd.Timestamp):
        return na if pd.isna(value) else str(value)
    return _one(str(value), na, digits)
