"""Progress callbacks, the text progress bar, quick_start and the graph_olap.testing module."""

from __future__ import annotations

import io

import pytest

from graph_olap import GraphOLAPClient, NotFoundError, ProgressBar
from graph_olap.testing import TestFixtures, random_name, test_context

from conftest import ADMIN_PASSWORD, URL


def test_snapshot_create_and_wait_reports_progress(admin, demo_mapping):
    seen: list[tuple[str, int, int]] = []
    with test_context(admin) as (client, fixtures):
        snapshot = client.snapshots.create_and_wait(demo_mapping.id, random_name("sdk"), poll_interval=0.05,
                                                    on_progress=lambda *args: seen.append(args))
        fixtures.track(snapshot)
        assert snapshot.status == "ready"
    assert seen[-1] == ("ready", 8, 8)
    assert all(total in (0, 8) for _, _, total in seen)
    assert [c for _, c, _ in seen] == sorted(c for _, c, _ in seen)


def test_instance_create_and_wait_reports_progress(admin, demo_snapshot):
    seen: list[tuple[str, int, int]] = []
    with test_context(admin) as (client, fixtures):
        instance = client.instances.create_and_wait(demo_snapshot.id, random_name("sdk"), poll_interval=0.05,
                                                    on_progress=lambda *args: seen.append(args))
        fixtures.track(instance)
        assert instance.status == "running"
    assert seen[-1] == ("ready", 4, 4)


@pytest.mark.offline
def test_progress_bar_lines():
    out = io.StringIO()
    bar = ProgressBar("snapshot 1", width=8, stream=out)
    bar("exporting", 2, 8)
    bar("exporting", 2, 8)
    bar("ready", 8, 8)
    bar.close()
    lines = out.getvalue().splitlines()
    assert len(lines) == 2 and bar.updates == 2
    assert lines[0].startswith("snapshot 1: [##------] 2/8 exporting")
    assert lines[1].startswith("snapshot 1: [########] 8/8 ready")


def test_quick_start_with_a_progress_bar(admin, demo_mapping, capsys):
    conn = admin.quick_start(demo_mapping.id, snapshot_name=random_name("sdk-quick"), on_progress=True)
    try:
        assert conn.query_scalar("g.V().hasLabel('Merchant').count()") == 2000
        assert "ready" in capsys.readouterr().err
    finally:
        snapshot_id = admin.instances.get(conn.instance_id).snapshot_id
        admin.instances.delete(conn.instance_id)
        admin.snapshots.delete(snapshot_id)


def test_test_context_cleans_up(monkeypatch, demo_definitions):
    monkeypatch.setenv("GRAPH_OLAP_API_URL", URL)
    monkeypatch.setenv("GRAPH_OLAP_USERNAME", "admin")
    monkeypatch.setenv("GRAPH_OLAP_PASSWORD", ADMIN_PASSWORD)
    with test_context() as (client, fixtures):
        assert isinstance(fixtures, TestFixtures)
        mapping = fixtures.create_mapping(node_definitions=demo_definitions["node_definitions"][:1])
        assert mapping.name.startswith("test-")
        snapshot = fixtures.create_snapshot()
        instance = fixtures.create_instance()
        assert instance.snapshot_id == snapshot.id and instance.status == "running"
    with GraphOLAPClient(URL, username="admin", password=ADMIN_PASSWORD) as check:
        for get, resource_id in ((check.instances.get, instance.id), (check.snapshots.get, snapshot.id),
                                 (check.mappings.get, mapping.id)):
            with pytest.raises(NotFoundError):
                get(resource_id)


@pytest.mark.offline
def test_random_name():
    a, b = random_name(), random_name("E2E")
    assert a.startswith("test-") and b.startswith("E2E-") and a != random_name()


def test_instance_context_connects_and_cleans_up(admin, demo_snapshot):
    from graph_olap.testing import instance_context

    with instance_context(random_name("sdk-ctx"), snapshot_id=demo_snapshot.id, client=admin) as conn:
        assert conn.query_scalar("g.V().hasLabel('Device').count()") == 8000
        instance_id = conn.instance_id
    with pytest.raises(NotFoundError):
        admin.instances.get(instance_id)


def test_the_pytest_plugin_fixtures(monkeypatch, request, demo_definitions):
    monkeypatch.setenv("GRAPH_OLAP_API_URL", URL)
    monkeypatch.setenv("GRAPH_OLAP_USERNAME", "admin")
    monkeypatch.setenv("GRAPH_OLAP_PASSWORD", ADMIN_PASSWORD)
    if not request.config.pluginmanager.has_plugin("graph_olap"):
        pytest.skip("the package is not installed (PYTHONPATH=src): its pytest11 entry point is not registered")
    fixtures = request.getfixturevalue("graph_olap_fixtures")
    mapping = fixtures.create_mapping(node_definitions=demo_definitions["node_definitions"][:1])
    assert fixtures.client.mappings.get(mapping.id).id == mapping.id
