"""Every resource method against the server: mappings, snapshots, instances, favorites, schema, ops, admin."""

from __future__ import annotations

import pytest

from graph_olap import InvalidStateError, NotFoundError, ValidationError
from graph_olap.models import Mapping, MappingVersion, NodeDefinition, PropertyDefinition, Snapshot
from graph_olap.pagination import PaginatedList
from graph_olap.testing import random_name, test_context


def test_mappings_every_method(admin, demo_definitions):
    with test_context(admin) as (client, fixtures):
        nodes = demo_definitions["node_definitions"]
        mapping = fixtures.create_mapping(description="sdk", node_definitions=nodes,
                                          edge_definitions=demo_definitions["edge_definitions"])
        assert isinstance(mapping, Mapping) and mapping.current_version == 1 and mapping.owner == "admin"
        assert mapping.node_definitions[0].label == "Customer" and mapping.created_at.tzinfo is not None
        assert mapping.to_dict()["node_definitions"][0]["sql"].startswith("SELECT")
        assert client.mappings.get(mapping.id).name == mapping.name
        customer = NodeDefinition("Customer", "SELECT customer_id, name FROM customers",
                                  {"name": "customer_id", "type": "INT64"}, [PropertyDefinition("name")])
        updated = client.mappings.update(mapping.id, "customers only", node_definitions=[customer], edge_definitions=[])
        assert updated.current_version == 2
        versions = client.mappings.list_versions(mapping.id)
        assert [v.version for v in versions] == [1, 2] and isinstance(versions[0], MappingVersion)
        assert client.mappings.get_version(mapping.id, 2).change_description == "customers only"
        diff = client.mappings.diff_versions(mapping.id, from_version=1, to_version=2)
        assert diff["summary"]["nodes_removed"] == 3 and diff["summary"]["edges_removed"] == 4
        with_lifecycle = client.mappings.set_lifecycle(mapping.id, ttl="P7D", inactivity_timeout="PT24H")
        assert with_lifecycle.ttl == "PT168H" and with_lifecycle.inactivity_timeout == "PT24H"
        copy = client.mappings.copy(mapping.id, random_name("sdk-copy"))
        fixtures.track(copy)
        assert copy.id != mapping.id and len(copy.node_definitions) == 1
        tree = client.mappings.get_tree(mapping.id, include_instances=True)
        assert tree["mapping_id"] == mapping.id and [v["version"] for v in tree["versions"]] == [1, 2]
        assert client.mappings.list_snapshots(mapping.id).total == 0
        found = client.mappings.list(search=mapping.name, sort_by="name", sort_order="asc")
        assert [m.id for m in found] == [mapping.id]
        assert client.mappings.list(owner="admin", created_after="2000-01-01T00:00:00Z").total >= 2
        client.mappings.delete(copy.id)
        with pytest.raises(NotFoundError):
            client.mappings.get(copy.id)


def test_pagination_walks_every_page(admin, demo_definitions):
    prefix = random_name("sdk-page")
    with test_context(admin) as (client, fixtures):
        made = [fixtures.create_mapping(name=f"{prefix}-{i}", node_definitions=demo_definitions["node_definitions"][:1])
                for i in range(5)]
        page = client.mappings.list(search=prefix, sort_by="name", sort_order="asc", limit=2)
        assert isinstance(page, PaginatedList) and page.total == 5 and len(page) == 2 and page.has_more
        assert [m.name for m in page.items] == [f"{prefix}-0", f"{prefix}-1"]
        assert [m.id for m in page] == [m.id for m in made]
        pages = list(page.pages())
        assert [len(p) for p in pages] == [2, 2, 1] and [p.offset for p in pages] == [0, 2, 4]
        assert pages[-1].next_page() is None
        assert list(page.to_df()["name"]) == [f"{prefix}-{i}" for i in range(5)]


def test_snapshots_every_method(admin, demo_mapping, demo_snapshot):
    assert isinstance(demo_snapshot, Snapshot) and demo_snapshot.status == "ready"
    assert demo_snapshot.node_counts == {"Customer": 10000, "Account": 15000, "Device": 8000, "Merchant": 2000}
    got = admin.snapshots.get(demo_snapshot.id)
    assert got.size_bytes > 0 and got.mapping_version == 1
    progress = admin.snapshots.get_progress(demo_snapshot.id)
    assert progress.phase == "ready" and progress.completed_steps == progress.total_steps == 8
    assert progress.steps[0]["rows"] == 10000
    assert [s.id for s in admin.snapshots.list(mapping_id=demo_mapping.id, status="ready")] == [demo_snapshot.id]
    assert admin.mappings.list_snapshots(demo_mapping.id)[0].id == demo_snapshot.id
    renamed = admin.snapshots.update(demo_snapshot.id, description="sdk described")
    assert renamed.description == "sdk described"
    assert admin.snapshots.set_lifecycle(demo_snapshot.id, ttl="P30D").ttl == "PT720H"
    with test_context(admin) as (client, fixtures):
        snapshot = fixtures.create_snapshot(mapping_id=demo_mapping.id, wait=False, description="made by the sdk")
        assert snapshot.status in ("pending", "creating", "ready")
        ready = client.snapshots.wait_until_ready(snapshot.id, poll_interval=0.2)
        assert ready.edge_counts["TRANSFER"] == 30000
        client.snapshots.delete(snapshot.id)
        with pytest.raises(NotFoundError):
            client.snapshots.get(snapshot.id)


def test_instances_every_method(admin, demo_snapshot, demo_mapping):
    with test_context(admin) as (client, fixtures):
        instance = fixtures.create_instance(snapshot_id=demo_snapshot.id, wait=False, description="sdk")
        assert instance.status == "starting" and instance.engine == "cpu"
        running = client.instances.wait_until_running(instance.id, poll_interval=0.2)
        assert running.status == "running" and running.memory_bytes > 0
        progress = client.instances.get_progress(instance.id)
        assert progress.phase == "ready" and progress.total_steps == 4
        assert client.instances.update(instance.id, name="sdk renamed").name == "sdk renamed"
        assert client.instances.set_lifecycle(instance.id, inactivity_timeout="PT2H").inactivity_timeout == "PT2H"
        extended = client.instances.extend_ttl(instance.id, hours=1)
        assert extended.expires_at > running.expires_at
        assert client.instances.update_cpu(instance.id, cpu_cores=1).cpu_cores == 1
        with pytest.raises(ValidationError) as e:
            client.instances.update_cpu(instance.id, cpu_cores=0)
        assert e.value.field == "cpu_cores"
        assert instance.id in [i.id for i in client.instances.list(snapshot_id=demo_snapshot.id, status="running")]
        client.instances.terminate(instance.id)
        assert client.instances.get(instance.id).status in ("stopping", "terminated")
        with pytest.raises(InvalidStateError):
            client.instances.connect(instance.id)
        made = client.instances.create_from_mapping(demo_mapping.id, random_name("sdk"), snapshot_name="sdk-from-mapping")
        fixtures.track(made)
        assert made.status == "waiting_for_snapshot"
        seen: list[tuple[str, int, int]] = []
        waited = client.instances.create_from_mapping_and_wait(demo_mapping.id, random_name("sdk"), poll_interval=0.2,
                                                               on_progress=lambda *a: seen.append(a))
        fixtures.track(waited)
        assert waited.status == "running" and seen and seen[-1] == ("ready", 4, 4)
        client.instances.wait_until_running(made.id, poll_interval=0.2)
        for snap in client.snapshots.list(mapping_id=demo_mapping.id):
            if snap.id != demo_snapshot.id:
                fixtures.snapshots.append(snap.id)


def test_favorites(admin, demo_mapping, demo_snapshot):
    favorite = admin.favorites.add("snapshot", demo_snapshot.id)
    assert favorite.resource_type == "snapshot" and favorite.resource_id == demo_snapshot.id
    assert [f.resource_id for f in admin.favorites.list("snapshot")] == [demo_snapshot.id]
    admin.favorites.remove("snapshot", demo_snapshot.id)
    assert admin.favorites.list("snapshot") == []
    with pytest.raises(NotFoundError):
        admin.favorites.remove("snapshot", demo_snapshot.id)


def test_schema_discovery(admin):
    catalogs = admin.schema.list_catalogs()
    catalog = catalogs[0].catalog_name
    schema = admin.schema.list_schemas(catalog)[0]
    assert schema.table_count == 8
    tables = {t.table_name for t in admin.schema.list_tables(catalog, schema.schema_name)}
    assert {"customers", "transfers"} <= {t.lower() for t in tables}
    table = next(t for t in tables if t.lower() == "transfers")
    columns = admin.schema.list_columns(catalog, schema.schema_name, table)
    assert [c.column_name.lower() for c in columns][:2] == ["transfer_id", "from_account_id"]
    assert {t.table_name.lower() for t in admin.schema.search_tables("cust")} == {"customers"}
    assert admin.schema.search_columns("amount", limit=50)
    assert admin.schema.admin_refresh()
    assert admin.schema.get_stats().total_tables == 8


def test_ops_configuration(admin):
    lifecycle = admin.ops.get_lifecycle_config()
    assert lifecycle.instance.max_ttl
    assert admin.ops.update_lifecycle_config(mapping={"default_ttl": None, "default_inactivity": None, "max_ttl": None})
    concurrency = admin.ops.get_concurrency_config()
    updated = admin.ops.update_concurrency_config(cluster_total=concurrency.cluster_total + 1)
    assert updated.cluster_total == concurrency.cluster_total + 1
    admin.ops.update_concurrency_config(cluster_total=concurrency.cluster_total)
    assert admin.ops.get_maintenance_mode().enabled is False
    export = admin.ops.get_export_config()
    assert admin.ops.update_export_config(export.max_duration_seconds).max_duration_seconds == export.max_duration_seconds


def test_ops_cluster_jobs_state_exports_metrics(admin, demo_instance):
    assert admin.ops.get_cluster_health().status in ("healthy", "degraded")
    instances = admin.ops.get_cluster_instances()
    assert instances.by_status["running"] >= 1 and instances.limits.cluster_total >= 1
    jobs = {j["name"]: j for j in admin.ops.get_job_status()["jobs"]}
    assert "schema_cache" in jobs and "export_reconciliation" in jobs
    state = admin.ops.get_state()
    assert state["snapshots"]["total"] >= 1
    assert isinstance(admin.ops.get_export_jobs(limit=10), list)
    assert "snapshots_by_status" in admin.ops.get_metrics()


def test_admin_bulk_delete(admin, demo_definitions):
    prefix = random_name("sdk-bulk")
    with test_context(admin) as (client, fixtures):
        for i in range(3):
            fixtures.create_mapping(name=f"{prefix}-{i}", node_definitions=demo_definitions["node_definitions"][:1])
        dry = client.admin.bulk_delete("mapping", {"name_prefix": prefix}, reason="sdk test", dry_run=True)
        assert dry["dry_run"] is True and dry["matched_count"] == 3
        done = client.admin.bulk_delete("mapping", {"name_prefix": prefix}, reason="sdk test",
                                        expected_count=dry["matched_count"])
        assert sorted(done["deleted_ids"]) == sorted(dry["matched_ids"]) and done["failed_ids"] == []
        assert client.mappings.list(search=prefix).total == 0


def test_admin_users_and_audit(admin):
    name = random_name("sdk-user")
    made = admin.admin.create_user(name, "sdk-user-pw-1", roles=["ops"])
    assert made["username"] == name and "ops" in made["roles"]
    assert admin.admin.update_user(name, enabled=False)["enabled"] is False
    assert name in [u["username"] for u in admin.admin.list_users(limit=100)]
    entries = admin.admin.audit(actor="admin", action="POST /api/admin/users", limit=5)
    assert entries.total >= 1 and all(e["actor"] == "admin" for e in entries.items)
