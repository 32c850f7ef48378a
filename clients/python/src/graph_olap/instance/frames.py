"""Query and algorithm answers as DataFrames (pandas by default, polars on request)."""

from __future__ import annotations

import io
import json
import re
from typing import Any

ARROW_STREAM = "application/vnd.apache.arrow.stream"
_ISO_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$")


def have_pyarrow() -> bool:
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        return False
    return True


def _check_backend(backend: str) -> None:
    if backend not in ("pandas", "polars"):
        raise ValueError(f"backend must be 'pandas' or 'polars', got {backend!r}")


def _expand_maps(columns: list[str], rows: list[list[Any]]) -> tuple[list[str], list[list[Any]]]:
    """A single column holding maps (Gremlin ``project``, ``elementMap``, ``valueMap``) becomes one
    column per key, in the order the keys first appear; other answers are left as they are."""
    if len(columns) != 1 or not rows or not all(isinstance(r[0], dict) for r in rows):
        return columns, rows
    keys: list[str] = []
    seen: set[str] = set()
    for r in rows:
        for k in r[0]:
            if k not in seen:
                seen.add(k)
                keys.append(str(k))
    return keys, [[r[0].get(k) for k in keys] for r in rows]


def rows_to_frame(columns: list[str], rows: list[list[Any]], backend: str = "pandas"):
    _check_backend(backend)
    columns, rows = _expand_maps(list(columns), [list(r) for r in rows])
    if backend == "polars":
        import polars as pl

        return pl.DataFrame(rows, schema=columns, orient="row")
    import pandas as pd

    frame = pd.DataFrame(rows, columns=columns)
    return frame.infer_objects()


def _decode_json_cells(frame):
    """In a CSV answer, lists and maps are JSON text: a column whose every value is such text is decoded."""
    import pandas as pd

    for name in frame.columns:
        column = frame[name]
        if column.dtype != object:
            continue
        values = column.dropna()
        if values.empty or not all(isinstance(v, str) and v[:1] in "[{" for v in values):
            continue
        try:
            frame[name] = column.map(lambda v: json.loads(v) if isinstance(v, str) else v)
        except ValueError:
            continue
    if len(frame.columns) == 1 and len(frame) and all(isinstance(v, dict) for v in frame.iloc[:, 0]):
        cols, rows = _expand_maps([frame.columns[0]], [[v] for v in frame.iloc[:, 0]])
        frame = pd.DataFrame(rows, columns=cols).infer_objects()
    return _parse_times(frame)


def _parse_times(frame):
    """Columns whose every value is an ISO-8601 date or timestamp become datetime columns (UTC when
    the values carry an offset)."""
    import pandas as pd

    for name in frame.columns:
        column = frame[name]
        if column.dtype != object:
            continue
        values = column.dropna()
        if values.empty or not all(isinstance(v, str) and _ISO_TIME.match(v) for v in values):
            continue
        aware = any(v.endswith("Z") or re.search(r"[+-]\d{2}:?\d{2}$", v) for v in values)
        try:
            frame[name] = pd.to_datetime(column, utc=aware)
        except (ValueError, TypeError):
            continue
    return frame


def csv_to_frame(text: str, backend: str = "pandas"):
    """A CSV answer (header row, RFC 4180) as a typed DataFrame."""
    _check_backend(backend)
    if backend == "polars":
        import polars as pl

        return pl.read_csv(io.StringIO(text), try_parse_dates=True)
    import pandas as pd

    if not text.strip():
        return pd.DataFrame()
    return _decode_json_cells(pd.read_csv(io.StringIO(text)))


def arrow_to_frame(data: bytes, backend: str = "pandas"):
    """An Arrow IPC stream answer as a DataFrame (needs pyarrow)."""
    _check_backend(backend)
    import pyarrow.ipc as ipc

    table = ipc.open_stream(data).read_all()
    if backend == "polars":
        import polars as pl

        return pl.from_arrow(table)
    return _decode_json_cells(table.to_pandas())
