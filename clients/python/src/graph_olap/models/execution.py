"""Algorithm executions and query results."""

from __future__ import annotations

import dataclasses
from datetime import datetime
from typing import Any, Iterator

from graph_olap.models.common import Model


@dataclasses.dataclass
class AlgorithmExecution(Model):
    execution_id: str | None = None
    instance_id: int | None = None
    algorithm: str | None = None
    mode: str | None = None
    status: str | None = None
    phase: str | None = None
    progress_percent: int | None = None
    engine: str | None = None
    origin: str | None = None
    started_by: str | None = None
    started_at: datetime | None = None
    finished_at: datetime | None = None
    duration_ms: int | None = None
    result: dict[str, Any] | None = None
    error: Any = None

    @property
    def stats(self) -> dict[str, Any]:
        """The run's figures (``result.stats``)."""
        return dict((self.result or {}).get("stats") or {})


@dataclasses.dataclass
class QueryResult(Model):
    """The answer of a query: ``columns`` and ``rows`` (lists), iterable as dicts."""

    instance_id: int | None = None
    engine: str | None = None
    columns: list[str] = dataclasses.field(default_factory=list)
    rows: list[list[Any]] = dataclasses.field(default_factory=list)
    row_count: int = 0
    execution_time_ms: int | None = None
    truncated: bool = False

    def __iter__(self) -> Iterator[dict[str, Any]]:
        for row in self.rows:
            yield dict(zip(self.columns, row))

    def __len__(self) -> int:
        return len(self.rows)

    def records(self) -> list[dict[str, Any]]:
        return list(self)

    def scalar(self) -> Any:
        """The first column of the first row (None when there is no row)."""
        return self.rows[0][0] if self.rows and self.rows[0] else None

    def to_df(self, backend: str = "pandas"):
        """The rows as a DataFrame; a single column of maps (``project``, ``elementMap``) becomes one column per key."""
        from graph_olap.instance.frames import rows_to_frame

        return rows_to_frame(self.columns, self.rows, backend)
