"""``InstanceConnection``: queries, algorithms and NetworkX export on a running instance."""

from __future__ import annotations

import re
from typing import Any

from graph_olap.exceptions import ValidationError
from graph_olap.http import HTTPClient
from graph_olap.instance.algorithms import AlgorithmManager
from graph_olap.instance.frames import ARROW_STREAM, arrow_to_frame, csv_to_frame, have_pyarrow
from graph_olap.models import Instance, LockStatus, QueryResult

_GREMLIN = re.compile(r"^\s*g\s*\.")
EXPORT_PAGE_ROWS = 50_000


def detect_language(text: str) -> str:
    """``gremlin`` for a traversal (``g.V()…``), otherwise ``cypher``."""
    return "gremlin" if _GREMLIN.match(text) else "cypher"


class InstanceConnection:
    """A running instance's data plane: ``query``, ``query_df``, ``query_scalar``, ``query_one``,
    ``algo.<name>``, ``networkx()``, ``schema()`` and ``lock_status()``.

    Queries are Gremlin (``g.V()…``) or Cypher: the text is sent as it is, and anything that is not
    a Gremlin traversal goes with ``"language": "cypher"``; a server that does not take Cypher
    answers a ValidationError saying so.
    """

    def __init__(self, http: HTTPClient, instance: Instance):
        self._http = http
        self.instance = instance
        self.instance_id = instance.id
        # The data plane is served by the same server as the control plane, under the instance's
        # path; its instance_url names the host the server saw, which a proxy may have rewritten.
        self._base = f"/api/instances/{instance.id}"
        self.algo = AlgorithmManager(self)

    # -- queries ----------------------------------------------------------------------------------
    def _body(self, query: str, parameters: dict[str, Any] | None, timeout: float | None,
              language: str | None) -> dict[str, Any]:
        body: dict[str, Any] = {"query": query}
        if parameters:
            body["parameters"] = parameters
        if timeout is not None:
            body["timeout_ms"] = int(timeout * 1000)
        language = language or detect_language(query)
        if language != "gremlin":
            body["language"] = language
        return body

    def _post_query(self, body: dict[str, Any], accept: str, timeout: float | None):
        call_timeout = max(self._http.config.timeout, (timeout or 60) + 10)
        try:
            return self._http.raw("POST", f"{self._base}/query", json=body, headers={"Accept": accept},
                                  idempotent=True, timeout=call_timeout)
        except ValidationError as e:
            if e.field == "language":
                raise ValidationError(f"this server does not accept {body.get('language')} queries yet; "
                                      f"send Gremlin (g.V()…) ({e.message})", e.details, code=e.code,
                                      status_code=e.status_code) from e
            raise

    def query(self, query: str, parameters: dict[str, Any] | None = None, *, timeout: float | None = None,
              language: str | None = None) -> QueryResult:
        """Run a query; answers a QueryResult (``columns``, ``rows``, iterable as dicts).

        ``timeout`` is in seconds (the server's default otherwise; past it: QueryTimeoutError).
        """
        response = self._post_query(self._body(query, parameters, timeout, language), "application/json", timeout)
        return QueryResult.from_dict(response.json()["data"])

    def query_df(self, query: str, parameters: dict[str, Any] | None = None, *, backend: str = "pandas",
                 timeout: float | None = None, language: str | None = None, format: str | None = None):
        """Run a query and answer a DataFrame with typed columns.

        Read from the server's Arrow answer when pyarrow is installed, from its CSV answer otherwise
        (``format="arrow"`` or ``"csv"`` chooses). ``backend="polars"`` answers a polars DataFrame.
        A single column of maps (``project``, ``elementMap``) becomes one column per key.
        """
        fmt = format or ("arrow" if have_pyarrow() else "csv")
        if fmt not in ("arrow", "csv"):
            raise ValueError(f"format must be 'arrow' or 'csv', got {format!r}")
        accept = ARROW_STREAM if fmt == "arrow" else "text/csv"
        response = self._post_query(self._body(query, parameters, timeout, language), accept, timeout)
        frame = arrow_to_frame(response.content, backend) if fmt == "arrow" else csv_to_frame(response.text, backend)
        if backend == "pandas":
            frame.attrs.update({"engine": response.headers.get("X-Grapholap-Engine"),
                                "truncated": response.headers.get("X-Grapholap-Truncated") == "true",
                                "row_count": int(response.headers.get("X-Grapholap-Row-Count", len(frame))),
                                "format": fmt})
        return frame

    def query_scalar(self, query: str, parameters: dict[str, Any] | None = None, **kwargs: Any) -> Any:
        """The first value of the first row (None when there is no row)."""
        return self.query(query, parameters, **kwargs).scalar()

    def query_one(self, query: str, parameters: dict[str, Any] | None = None, **kwargs: Any) -> dict[str, Any] | None:
        """The first row as a dict (a map result is that map), or None when there is no row."""
        result = self.query(query, parameters, **kwargs)
        if not result.rows:
            return None
        row = result.rows[0]
        if len(row) == 1 and isinstance(row[0], dict):
            return dict(row[0])
        return dict(zip(result.columns, row))

    # -- instance views ---------------------------------------------------------------------------
    def schema(self) -> dict[str, Any]:
        """Labels, edge types, their properties and counts."""
        return self._http.get(f"{self._base}/schema")["data"]

    def lock_status(self) -> LockStatus:
        """Which algorithm, if any, holds the instance."""
        return LockStatus.from_dict(self._http.get(f"{self._base}/lock")["data"])

    def status(self) -> Instance:
        """The instance as it stands now."""
        self.instance = Instance.from_dict(self._http.get(f"/api/instances/{self.instance_id}")["data"])
        return self.instance

    # -- NetworkX ---------------------------------------------------------------------------------
    def networkx(self, query: str | None = None, *, parameters: dict[str, Any] | None = None):
        """The instance's graph, or a sub-graph, as a ``networkx.MultiDiGraph``.

        Each vertex is a node named by its identity (``"Customer:1"``: label and key) with
        attributes ``label``, ``key`` and its properties; each edge an edge keyed by its id with
        ``label`` and its properties. Without ``query`` the whole graph is read in pages. With a
        ``query`` (Gremlin ending in ``elementMap()``, or Cypher where the server takes it) the
        rows that are edges become edges (their end vertices become nodes) and the rows that are
        vertices become nodes.
        """
        import networkx as nx

        graph = nx.MultiDiGraph(instance_id=self.instance_id)
        if query is None:
            for row in self._paged("g.V().range(a, b).elementMap()"):
                _add_element(graph, row)
            for row in self._paged("g.E().range(a, b).elementMap()"):
                _add_element(graph, row)
        else:
            for row in self.query(query, parameters):
                for value in row.values():
                    if isinstance(value, dict):
                        _add_element(graph, value)
        return graph

    def _paged(self, template: str):
        start = 0
        while True:
            result = self.query(template, {"a": start, "b": start + EXPORT_PAGE_ROWS})
            for row in result.rows:
                yield row[0]
            if len(result.rows) < EXPORT_PAGE_ROWS:
                return
            start += EXPORT_PAGE_ROWS

    def close(self) -> None:
        """Nothing to release: the connection shares the client's HTTP connections."""

    def __enter__(self) -> "InstanceConnection":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"InstanceConnection(instance_id={self.instance_id}, engine={self.instance.engine!r})"


_ELEMENT_KEYS = ("id", "label", "IN", "OUT", "type", "properties")


def vertex_name(label: Any, key: Any) -> str:
    """A vertex's identity: the server's string id when it sends one (``"Customer:1"``), else label:key."""
    if isinstance(key, str) and label is not None and key.startswith(f"{label}:"):
        return key
    return f"{label}:{key}"


def vertex_key(label: Any, vertex_id: Any) -> Any:
    """The original key of a vertex named by its identity ``"Label:key"``: the text after the label,
    as an integer when it is one (the identity writes keys as text; docs/identity.md)."""
    if isinstance(vertex_id, str) and label is not None and vertex_id.startswith(f"{label}:"):
        text = vertex_id[len(label) + 1:]
        return int(text) if text.lstrip("-").isdigit() else text
    return vertex_id


def _add_element(graph, element: dict[str, Any]) -> None:
    props = dict(element.get("properties") or {})
    props.update({k: v for k, v in element.items() if k not in _ELEMENT_KEYS})
    label = element.get("label")
    if isinstance(element.get("IN"), dict) and isinstance(element.get("OUT"), dict):
        source, target = element["OUT"], element["IN"]
        u, v = vertex_name(source.get("label"), source.get("id")), vertex_name(target.get("label"), target.get("id"))
        for name, end in ((u, source), (v, target)):
            if name not in graph:
                graph.add_node(name, label=end.get("label"), key=vertex_key(end.get("label"), end.get("id")))
        graph.add_edge(u, v, key=element.get("id"), label=label, **props)
    elif "id" in element:
        name = vertex_name(label, element.get("id"))
        graph.add_node(name, label=label, key=vertex_key(label, element.get("id")), **props)
