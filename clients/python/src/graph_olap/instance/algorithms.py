"""``conn.algo``: every algorithm of the server's catalog as a method.

``conn.algo.<name>(**params, mode="stream")`` runs ``POST /api/instances/{id}/algo/{name}``. The
methods come from the server: when it publishes its catalog (``GET /api/algorithms``) the names,
parameters and result columns are read from it (``conn.algo.list()``, ``help(conn.algo.pagerank)``
and ``dir(conn.algo)`` show them, and a name outside it is refused before any call); a server without
the catalog route checks names and parameters itself and answers a ValidationError naming the
field. Either way a new algorithm on the server needs no change here.
"""

from __future__ import annotations

import inspect
import time
from typing import TYPE_CHECKING, Any, Callable

from graph_olap.exceptions import AlgorithmFailedError, NotFoundError, TimeoutError
from graph_olap.models import AlgorithmExecution

if TYPE_CHECKING:
    from graph_olap.instance.connection import InstanceConnection

MODES = ("stream", "stats", "mutate")


class AlgorithmManager:
    def __init__(self, connection: "InstanceConnection"):
        self._conn = connection
        self._catalog: list[dict[str, Any]] | None = None
        self._catalog_known = False

    # -- the catalog ------------------------------------------------------------------------------
    def catalog(self) -> list[dict[str, Any]] | None:
        """The server's algorithm catalog (``GET /api/algorithms``), or None when the server has none."""
        if not self._catalog_known:
            try:
                answer = self._conn._http.get("/api/algorithms")
            except NotFoundError:
                self._catalog = None
            else:
                data = answer.get("data", answer) if isinstance(answer, dict) else answer
                if isinstance(data, dict):
                    data = data.get("algorithms", list(data.values()))
                self._catalog = [a if isinstance(a, dict) else {"name": str(a)} for a in data or []]
            self._catalog_known = True
        return self._catalog

    def list(self) -> list[str]:
        """Names of the algorithms the server's catalog lists (NotFoundError when it has no catalog route)."""
        catalog = self.catalog()
        if catalog is None:
            raise NotFoundError("this server publishes no algorithm catalog (GET /api/algorithms is 404)")
        return [a["name"] for a in catalog]

    def describe(self, name: str) -> dict[str, Any] | None:
        """The catalog entry of one algorithm: parameters, result columns, engines."""
        for entry in self.catalog() or []:
            if entry.get("name") == name:
                return entry
        return None

    def __dir__(self):
        names = [a.get("name") for a in (self.catalog() or []) if a.get("name")]
        return sorted(set(list(super().__dir__()) + names))

    def __getattr__(self, name: str) -> Callable[..., Any]:
        if name.startswith("_"):
            raise AttributeError(name)
        catalog = self.catalog()
        entry = None
        if catalog is not None:
            entry = self.describe(name)
            if entry is None:
                raise AttributeError(f"the server has no algorithm {name!r}; it has: "
                                     + ", ".join(a.get("name", "?") for a in catalog))

        def run(mode: str = "stream", **params: Any):
            return self.run(name, mode=mode, **params)

        run.__name__ = name
        run.__doc__ = _docstring(name, entry)
        if entry is not None:
            run.__signature__ = _signature(entry)  # type: ignore[attr-defined]
        return run

    # -- running ----------------------------------------------------------------------------------
    def run(self, name: str, mode: str = "stream", *, mutate_property: str | None = None,
            timeout_ms: int | None = None, engine: str | None = None, wait: bool = True,
            poll_interval: float = 1.0, backend: str = "pandas", **params: Any):
        """Run one algorithm.

        ``mode="stream"`` answers a DataFrame of the result rows (``backend`` pandas or polars; a
        QueryResult when pandas is not installed), ``"stats"`` the figures as a dict, ``"mutate"``
        the AlgorithmExecution (the values are stored as property ``mutate_property``, default
        the algorithm's name). A run longer than the server's synchronous wait is polled until it
        ends unless ``wait=False``, which answers the AlgorithmExecution at once.
        """
        if mode not in MODES:
            raise ValueError(f"mode must be one of {', '.join(MODES)}, got {mode!r}")
        body: dict[str, Any] = {"params": params, "mode": mode}
        if mode == "mutate":
            body["mutate_property"] = mutate_property or name
        if timeout_ms is not None:
            body["timeout_ms"] = timeout_ms
        if engine is not None:
            body["engine"] = engine
        # The server answers within its synchronous wait (30 s by default), then 202 with the
        # execution still running: the call's timeout leaves room for that wait.
        answer = self._conn._http.post(f"{self._conn._base}/algo/{name}", json=body,
                                       timeout=self._conn._http.config.timeout + 60)
        execution = AlgorithmExecution.from_dict(answer["data"])
        if wait and execution.status == "running":
            execution = self.wait(execution.execution_id, poll_interval=poll_interval)
        if not wait or mode == "mutate":
            return execution
        if mode == "stats":
            return execution.stats
        return _stream_frame(execution, backend)

    def wait(self, execution_id: str, *, timeout: float | None = None, poll_interval: float = 1.0) -> AlgorithmExecution:
        """Poll an execution until it ends; answers it with its result (AlgorithmFailedError when it
        failed or was cancelled)."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            execution = self.get_execution(execution_id)
            if execution.status == "completed":
                return self.get_result(execution_id)
            if execution.status in ("failed", "cancelled"):
                raise AlgorithmFailedError(f"algorithm {execution.algorithm} {execution.status}: {execution.error}",
                                           {"execution_id": execution_id, "error": execution.error})
            if deadline is not None and time.monotonic() >= deadline:
                raise TimeoutError(f"execution {execution_id} still running after {timeout}s",
                                   {"execution_id": execution_id})
            time.sleep(poll_interval)

    def get_execution(self, execution_id: str) -> AlgorithmExecution:
        return AlgorithmExecution.from_dict(
            self._conn._http.get(f"{self._conn._base}/algo/executions/{execution_id}")["data"])

    def get_result(self, execution_id: str) -> AlgorithmExecution:
        return AlgorithmExecution.from_dict(
            self._conn._http.get(f"{self._conn._base}/algo/executions/{execution_id}/result")["data"])

    def cancel(self, execution_id: str) -> None:
        self._conn._http.delete(f"{self._conn._base}/algo/executions/{execution_id}")


def _stream_frame(execution: AlgorithmExecution, backend: str):
    result = execution.result or {}
    columns, rows = result.get("columns") or [], result.get("rows") or []
    try:
        from graph_olap.instance.frames import rows_to_frame

        frame = rows_to_frame(columns, rows, backend)
    except ImportError:
        from graph_olap.models import QueryResult

        return QueryResult.from_dict({"columns": columns, "rows": rows, "row_count": len(rows),
                                      "engine": execution.engine})
    if backend == "pandas":
        frame.attrs.update({"execution_id": execution.execution_id, "engine": execution.engine,
                            "stats": dict(result.get("stats") or {}), "truncated": result.get("truncated"),
                            "total_rows": result.get("total_rows")})
    return frame


def _parameters(entry: dict[str, Any]) -> list[dict[str, Any]]:
    params = entry.get("parameters") or entry.get("params") or []
    if isinstance(params, dict):  # {"damping": {"type": …}, …}
        params = [{"name": k, **(v if isinstance(v, dict) else {})} for k, v in params.items()]
    return [p for p in params if isinstance(p, dict) and p.get("name")]


def _signature(entry: dict[str, Any]) -> inspect.Signature:
    """``(mode='stream', *, damping=0.85, iterations=20, …)`` from a catalog entry, for help() and editors."""
    parameters = [inspect.Parameter("mode", inspect.Parameter.POSITIONAL_OR_KEYWORD, default="stream")]
    for p in _parameters(entry):
        if not str(p["name"]).isidentifier() or p["name"] == "mode":
            continue
        default = p["default"] if "default" in p else (inspect.Parameter.empty if p.get("required") else None)
        parameters.append(inspect.Parameter(p["name"], inspect.Parameter.KEYWORD_ONLY, default=default))
    for option in ("mutate_property", "timeout_ms", "engine"):
        parameters.append(inspect.Parameter(option, inspect.Parameter.KEYWORD_ONLY, default=None))
    return inspect.Signature(parameters)


def _docstring(name: str, entry: dict[str, Any] | None) -> str:
    if entry is None:
        return (f"Run the server's algorithm {name!r}: {name}(mode='stream'|'stats'|'mutate', **params).\n"
                "The server checks the parameters (ValidationError names a wrong one).")
    lines = [f"{name}: {entry.get('description', '')}".rstrip(": "), "", "Parameters:"]
    for p in _parameters(entry):
        bits = [f"  {p.get('name')} ({p.get('type', '?')})"]
        if "default" in p:
            bits.append(f"default {p['default']!r}")
        for key in ("min", "max", "range", "required"):
            if key in p:
                bits.append(f"{key} {p[key]!r}")
        lines.append(", ".join(bits))
    if entry.get("result_columns") or entry.get("columns"):
        lines += ["", "Result columns: " + ", ".join(
            str(c.get("name", c)) if isinstance(c, dict) else str(c)
            for c in entry.get("result_columns") or entry.get("columns"))]
    if entry.get("engines"):
        lines += ["", "Engines: " + ", ".join(map(str, entry["engines"]))]
    lines += ["", "mode: 'stream' (DataFrame), 'stats' (dict) or 'mutate' (stores mutate_property)."]
    return "\n".join(lines)
