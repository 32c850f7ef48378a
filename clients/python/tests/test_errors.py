"""Every exception class of the hierarchy, each from a real error answer of the server."""

from __future__ import annotations

import threading
import time

import pytest

from graph_olap import (AlgorithmFailedError, AuthenticationError, ConcurrencyLimitError, ConflictError,
                        DependencyError, ForbiddenError, GraphOLAPClient, GraphOLAPError, InstanceFailedError,
                        InvalidStateError, MaintenanceError, MemoryLimitError, NotFoundError, PermissionDeniedError, QueryTimeoutError,
                        RateLimitError, ResourceLockedError, ServerError, ServiceUnavailableError, SnapshotFailedError,
                        TimeoutError, ValidationError)
from graph_olap.testing import random_name, test_context

from conftest import URL

FAILING_EXPORT = {
    # The zero-row probe at creation passes; the export divides by zero at customer 5.
    "node_definitions": [{"label": "C", "sql": "SELECT customer_id, 10 / (customer_id - 5) AS x FROM customers",
                          "primary_key": {"name": "customer_id", "type": "INT64"},
                          "properties": [{"name": "x", "type": "INT64"}]}],
    "edge_definitions": [],
}


def test_authentication_error():
    with GraphOLAPClient(URL, api_key="gok_not_a_key") as client, pytest.raises(AuthenticationError) as e:
        client.mappings.list()
    assert e.value.status_code == 401 and e.value.code == "UNAUTHORIZED"


def test_permission_denied_is_forbidden(analyst):
    with pytest.raises(PermissionDeniedError) as e:
        analyst.ops.get_state()
    assert ForbiddenError is PermissionDeniedError
    assert e.value.status_code == 403 and e.value.code == "PERMISSION_DENIED"


def test_not_found_error(admin):
    with pytest.raises(NotFoundError) as e:
        admin.mappings.get(987654321)
    assert e.value.code == "NOT_FOUND" and "987654321" in e.value.message
    assert e.value.details["resource_type"] == "mapping"


def test_validation_error_names_the_field(admin):
    with pytest.raises(ValidationError) as e:
        admin.snapshots.create(mapping_id=0, name="x")
    assert e.value.status_code == 400 and e.value.field == "mapping_id"


def test_conflict_error(admin, demo_mapping):
    admin.favorites.add("mapping", demo_mapping.id)
    try:
        with pytest.raises(ConflictError) as e:
            admin.favorites.add("mapping", demo_mapping.id)
        assert type(e.value) is ConflictError and e.value.status_code == 409
    finally:
        admin.favorites.remove("mapping", demo_mapping.id)


def test_dependency_error(admin, demo_mapping, demo_snapshot):
    with pytest.raises(DependencyError) as e:
        admin.mappings.delete(demo_mapping.id)
    assert e.value.code == "RESOURCE_HAS_DEPENDENCIES"


def test_memory_limit_error(admin, demo_snapshot):
    # .ci/python-sdk starts the server with a 1-byte budget for the datasets UDF runs keep loaded, so the
    # first run that reads a dataset is refused: 409 MEMORY_LIMIT_EXCEEDED.
    org, name, password = "sdkmem", random_name("mem"), "memory-pw-123"
    admin.admin.create_user(name, password, roles=["analyst"], organizations=[org])
    with GraphOLAPClient(URL, username=name, password=password) as user:
        user._http.post(f"/api/v2/o/{org}/functions/js/pr-{name}",
                        json={"is_enabled": True, "execute": "function task(g, args) { return g.pagerank({}).data.rank.length; }"})
        with pytest.raises(MemoryLimitError) as e:
            user._http.post(f"/api/v2/o/{org}/run/js/pr-{name}/dataset/snapshot-{demo_snapshot.id}", json={"execute_args": {}})
    assert isinstance(e.value, ConflictError) and e.value.status_code == 409 and e.value.code == "MEMORY_LIMIT_EXCEEDED"
    assert e.value.details["needed_bytes"] > e.value.details["available_bytes"]


def test_invalid_state_error(admin, demo_snapshot):
    with pytest.raises(InvalidStateError) as e:
        admin.snapshots.retry(demo_snapshot.id)
    assert e.value.code == "INVALID_STATE"


def test_query_timeout_is_a_timeout_error(conn):
    with pytest.raises(QueryTimeoutError) as e:
        conn.query("g.V().out().out().out().out().count()", timeout=0.001)
    assert isinstance(e.value, TimeoutError) and e.value.status_code == 408


def test_wait_past_its_timeout_is_a_timeout_error(admin, demo_mapping):
    with test_context(admin) as (client, fixtures):
        snapshot = fixtures.create_snapshot(mapping_id=demo_mapping.id, wait=False)
        with pytest.raises(TimeoutError) as e:
            client.snapshots.wait_until_ready(snapshot.id, timeout=0, poll_interval=0.1)
        assert e.value.details["snapshot_id"] == snapshot.id
        client.snapshots.wait_until_ready(snapshot.id, poll_interval=0.2)


def test_rate_limit_error_carries_retry_after(admin):
    admin.ops.trigger_job("schema_cache", reason="sdk test")
    with pytest.raises(RateLimitError) as e:
        admin.ops.trigger_job("schema_cache", reason="sdk test again")
    assert e.value.status_code == 429 and e.value.retry_after and e.value.retry_after > 0


def test_maintenance_mode_is_a_server_error(admin, demo_definitions):
    admin.ops.set_maintenance_mode(True, "sdk test maintenance")
    try:
        with pytest.raises(MaintenanceError) as e:
            admin.mappings.create(random_name("sdk"), "", demo_definitions["node_definitions"], [])
        assert isinstance(e.value, ServiceUnavailableError) and isinstance(e.value, ServerError)
        assert e.value.status_code == 503 and "sdk test maintenance" in e.value.message
    finally:
        assert admin.ops.set_maintenance_mode(False).enabled is False


def test_engine_unavailable_is_service_unavailable(admin, demo_snapshot):
    gpu = admin.health.ready().components.get("engine-gpu", {})
    if gpu.get("status") == "up":
        pytest.skip("this machine has a usable GPU: starting a GPU instance succeeds")
    with pytest.raises(ServiceUnavailableError) as e:
        admin.instances.create(demo_snapshot.id, random_name("sdk"), engine="gpu")
    assert e.value.code == "ENGINE_UNAVAILABLE" and e.value.status_code == 503


def test_concurrency_limit_error(admin, analyst, demo_snapshot):
    before = admin.ops.get_concurrency_config()
    admin.ops.update_concurrency_config(per_analyst=1)
    try:
        with test_context(analyst) as (client, fixtures):
            fixtures.create_instance(snapshot_id=demo_snapshot.id, wait=False)
            with pytest.raises(ConcurrencyLimitError) as e:
                fixtures.create_instance(snapshot_id=demo_snapshot.id, wait=False)
            assert e.value.code == "CONCURRENCY_LIMIT_EXCEEDED" and e.value.details["scope"] == "analyst"
    finally:
        admin.ops.update_concurrency_config(per_analyst=before.per_analyst)


def test_resource_locked_and_algorithm_failed(conn):
    holder = threading.Thread(target=lambda: _swallow(conn.algo.betweenness, mode="stats"), daemon=True)
    holder.start()
    deadline = time.monotonic() + 20
    lock = conn.lock_status()
    while not lock.locked and time.monotonic() < deadline:
        time.sleep(0.05)
        lock = conn.lock_status()
    assert lock.locked and lock.algorithm == "betweenness" and lock.holder_name == "admin"
    with pytest.raises(ResourceLockedError) as e:
        conn.algo.pagerank()
    assert e.value.details["algorithm"] == "betweenness"
    conn.algo.cancel(lock.execution_id)
    with pytest.raises(AlgorithmFailedError) as e:
        conn.algo.wait(lock.execution_id, poll_interval=0.05)
    assert e.value.details["execution_id"] == lock.execution_id
    holder.join(30)
    assert not conn.lock_status().locked


def _swallow(call, **kwargs):
    try:
        call(**kwargs)
    except GraphOLAPError:
        pass  # cancelled by the test: the error is what AlgorithmFailedError is checked against


def test_snapshot_failed_and_instance_failed(admin):
    with test_context(admin) as (client, fixtures):
        mapping = fixtures.create_mapping(description="fails at export", **FAILING_EXPORT)
        with pytest.raises(SnapshotFailedError) as e:
            client.snapshots.create_and_wait(mapping.id, random_name("sdk"), poll_interval=0.2)
        assert "node:C" in e.value.message
        fixtures.snapshots += [s.id for s in client.mappings.list_snapshots(mapping.id)]
        with pytest.raises(InstanceFailedError) as e:
            client.instances.create_from_mapping_and_wait(mapping.id, random_name("sdk"), poll_interval=0.2)
        assert e.value.details["status"] == "failed"
        fixtures.instances.append(e.value.details["instance_id"])
        fixtures.snapshots += [s.id for s in client.mappings.list_snapshots(mapping.id) if s.id not in fixtures.snapshots]
