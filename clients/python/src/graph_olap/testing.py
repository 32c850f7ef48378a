"""Fixtures for tests and notebooks that create resources and must leave none behind.

    from graph_olap.testing import test_context

    with test_context() as (client, fixtures):
        instance = fixtures.create_instance(name="test-instance")
        ...   # everything the fixtures created is deleted on the way out
"""

from __future__ import annotations

import contextlib
import secrets
from typing import Any, Iterator

from graph_olap.client import GraphOLAPClient
from graph_olap.exceptions import GraphOLAPError, NotFoundError
from graph_olap.models import Instance, Mapping, Snapshot

__test__ = False  # not a pytest module, although its names start with "test"


def random_name(prefix: str = "test") -> str:
    """``prefix`` and a random suffix: ``test-3f9a1c2b``."""
    return f"{prefix}-{secrets.token_hex(4)}"


def connect(**kwargs: Any) -> GraphOLAPClient:
    """A client from the GRAPH_OLAP_* environment variables."""
    return GraphOLAPClient.from_env(**kwargs)


class TestFixtures:
    """Creates mappings, snapshots and instances, and deletes them all in ``cleanup()``
    (instances first, then snapshots, then mappings)."""

    __test__ = False

    def __init__(self, client: GraphOLAPClient, *, prefix: str = "test"):
        self.client = client
        self.prefix = prefix
        self.mappings: list[int] = []
        self.snapshots: list[int] = []
        self.instances: list[int] = []
        self.cleanup_errors: list[GraphOLAPError] = []

    def create_mapping(self, **kwargs: Any) -> Mapping:
        """``client.mappings.create``; ``name`` defaults to a random one."""
        kwargs.setdefault("name", random_name(self.prefix))
        mapping = self.client.mappings.create(**kwargs)
        self.mappings.append(mapping.id)
        return mapping

    def create_snapshot(self, *, wait: bool = True, **kwargs: Any) -> Snapshot:
        """A snapshot of ``mapping_id`` (default: the last mapping created here), ready unless ``wait=False``."""
        kwargs.setdefault("name", random_name(self.prefix))
        if "mapping_id" not in kwargs:
            kwargs["mapping_id"] = self._last(self.mappings, "mapping")
        snapshot = self.client.snapshots.create(**kwargs)
        self.snapshots.append(snapshot.id)
        return self.client.snapshots.wait_until_ready(snapshot.id, poll_interval=0.5) if wait else snapshot

    def create_instance(self, *, wait: bool = True, **kwargs: Any) -> Instance:
        """An instance of ``snapshot_id`` (default: the last snapshot created here), running unless ``wait=False``."""
        kwargs.setdefault("name", random_name(self.prefix))
        if "snapshot_id" not in kwargs:
            kwargs["snapshot_id"] = self._last(self.snapshots, "snapshot")
        instance = self.client.instances.create(**kwargs)
        self.instances.append(instance.id)
        return self.client.instances.wait_until_running(instance.id, poll_interval=0.5) if wait else instance

    def track(self, resource: Mapping | Snapshot | Instance) -> None:
        """Have ``cleanup()`` delete a resource created elsewhere."""
        target = {Mapping: self.mappings, Snapshot: self.snapshots, Instance: self.instances}[type(resource)]
        target.append(resource.id)

    def cleanup(self) -> None:
        """Delete everything created or tracked here; errors are collected in ``cleanup_errors``."""
        for ids, delete in ((self.instances, self.client.instances.delete),
                            (self.snapshots, self.client.snapshots.delete),
                            (self.mappings, self.client.mappings.delete)):
            for resource_id in reversed(ids):
                try:
                    delete(resource_id)
                except NotFoundError:
                    pass
                except GraphOLAPError as e:
                    self.cleanup_errors.append(e)
            ids.clear()

    @staticmethod
    def _last(ids: list[int], what: str) -> int:
        if not ids:
            raise ValueError(f"no {what} was created by these fixtures: pass {what}_id")
        return ids[-1]


@contextlib.contextmanager
def test_context(client: GraphOLAPClient | None = None, *, prefix: str = "test") -> Iterator[tuple[GraphOLAPClient, TestFixtures]]:
    """``(client, fixtures)``; the fixtures' resources are deleted on exit, and a client made here is closed."""
    own = client is None
    client = client or connect()
    fixtures = TestFixtures(client, prefix=prefix)
    try:
        yield client, fixtures
    finally:
        fixtures.cleanup()
        if own:
            client.close()


test_context.__test__ = False  # type: ignore[attr-defined]


@contextlib.contextmanager
def instance_context(name: str, *, snapshot_id: int, client: GraphOLAPClient | None = None) -> Iterator[Any]:
    """A running instance of ``snapshot_id``, connected; deleted on exit."""
    with test_context(client) as (c, fixtures):
        instance = fixtures.create_instance(name=name, snapshot_id=snapshot_id)
        yield c.instances.connect(instance.id)
