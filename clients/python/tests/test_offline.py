"""The SDK's own logic on answers that the server does not give today: a 500 with its reference,
an algorithm catalog (GET /api/algorithms, issue 15). Served by httpx.MockTransport, no server."""

from __future__ import annotations

import inspect

import httpx
import pytest

from graph_olap import GraphOLAPClient, InstanceConnection, ServerError
from graph_olap.models import Instance, Snapshot

pytestmark = pytest.mark.offline

CATALOG = {"data": [
    {"name": "pagerank", "description": "PageRank",
     "parameters": [{"name": "damping", "type": "DOUBLE", "default": 0.85, "min": 0, "max": 1},
                    {"name": "iterations", "type": "INT", "default": 20}],
     "result_columns": [{"name": "id"}, {"name": "rank"}], "engines": ["cpu", "gpu"]},
    {"name": "bfs", "parameters": [{"name": "source", "type": "VERTEX_KEY", "required": True}],
     "result_columns": ["id", "depth"], "engines": ["cpu"]},
]}


def _client(handler) -> GraphOLAPClient:
    return GraphOLAPClient("http://sdk.test", api_key="k", transport=httpx.MockTransport(handler))


def test_a_server_error_keeps_its_reference():
    def handler(request):
        return httpx.Response(500, json={"error": {"code": "INTERNAL_ERROR", "message": "internal error",
                                                   "details": {"reference": "ref-42"}}})

    with _client(handler) as client, pytest.raises(ServerError) as e:
        client.mappings.get(1)
    assert e.value.reference == "ref-42" and "ref-42" in str(e.value) and e.value.status_code == 500


def test_models_keep_fields_they_do_not_declare():
    data = {"id": 3, "status": "ready", "created_at": "2026-12-07T11:35:24.637401Z", "new_field": {"a": 1}}
    snapshot = Snapshot.from_dict(data)
    assert snapshot.new_field == {"a": 1} and snapshot.to_dict() == data
    assert snapshot.created_at.year == 2026 and snapshot["status"] == "ready"
    with pytest.raises(AttributeError):
        snapshot.no_such_field


def test_algorithm_methods_are_generated_from_the_catalog():
    calls = []

    def handler(request):
        calls.append((request.method, request.url.path, request.content))
        if request.url.path == "/api/algorithms":
            return httpx.Response(200, json=CATALOG)
        return httpx.Response(200, json={"data": {"execution_id": "e1", "status": "completed", "algorithm": "pagerank",
                                                  "result": {"columns": ["id", "rank"], "rows": [[1, 0.5], [2, 0.5]]}}})

    with _client(handler) as client:
        conn = InstanceConnection(client._http, Instance.from_dict({"id": 7, "status": "running", "engine": "cpu"}))
        assert conn.algo.list() == ["pagerank", "bfs"] and {"pagerank", "bfs"} <= set(dir(conn.algo))
        signature = inspect.signature(conn.algo.pagerank)
        assert signature.parameters["damping"].default == 0.85 and signature.parameters["iterations"].default == 20
        assert inspect.signature(conn.algo.bfs).parameters["source"].default is inspect.Parameter.empty
        assert "damping (DOUBLE), default 0.85, min 0, max 1" in conn.algo.pagerank.__doc__
        assert "Engines: cpu, gpu" in conn.algo.pagerank.__doc__
        with pytest.raises(AttributeError, match="has: pagerank, bfs"):
            conn.algo.louvain
        frame = conn.algo.pagerank(damping=0.9)
        assert list(frame.columns) == ["id", "rank"] and len(frame) == 2
    assert calls[-1][:2] == ("POST", "/api/instances/7/algo/pagerank")
    assert b'"damping": 0.9' in calls[-1][2] or b'"damping":0.9' in calls[-1][2]


@pytest.mark.parametrize("status, code, expected", [
    (400, "VALIDATION_FAILED", "ValidationError"), (401, "UNAUTHORIZED", "AuthenticationError"),
    (403, "PERMISSION_DENIED", "PermissionDeniedError"), (404, "NOT_FOUND", "NotFoundError"),
    (408, "TIMEOUT", "QueryTimeoutError"), (409, "CONFLICT", "ConflictError"),
    (409, "RESOURCE_LOCKED", "ResourceLockedError"), (409, "CONCURRENCY_LIMIT_EXCEEDED", "ConcurrencyLimitError"),
    (429, "CONCURRENCY_LIMIT_EXCEEDED", "ConcurrencyLimitError"), (409, "RESOURCE_HAS_DEPENDENCIES", "DependencyError"),
    (409, "INVALID_STATE", "InvalidStateError"), (409, "MEMORY_LIMIT_EXCEEDED", "MemoryLimitError"),
    (429, "RATE_LIMITED", "RateLimitError"), (503, "MAINTENANCE_MODE", "MaintenanceError"),
    (503, "ENGINE_UNAVAILABLE", "ServiceUnavailableError"), (502, None, "ServerError"),
    (413, "PAYLOAD_TOO_LARGE", "ValidationError"), (418, None, "GraphOLAPError"),
])
def test_error_answers_map_to_the_hierarchy(status, code, expected):
    from graph_olap.exceptions import error_for

    body = {"error": {"code": code, "message": "m", "details": {"field": "f"}}} if code else None
    error = error_for(status, body)
    assert type(error).__name__ == expected and error.status_code == status and error.code == code
