"""``GraphOLAPClient``: the entry point to every resource of the platform."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import httpx

from graph_olap.config import Config
from graph_olap.http import HTTPClient
from graph_olap.resources import (AdminResource, AuthResource, FavoriteResource, HealthResource, InstanceResource,
                                  MappingResource, OpsResource, SchemaResource, SnapshotResource)

if TYPE_CHECKING:
    from graph_olap.instance.connection import InstanceConnection


class GraphOLAPClient:
    """Main client for the Graph OLAP Platform.

    Example:
        >>> client = GraphOLAPClient("http://localhost:8080", api_key="gok_…")
        >>> mappings = client.mappings.list()
        >>> instance = client.instances.create_and_wait(snapshot_id=1, name="My Graph")

    Authentication, in priority order: ``internal_api_key`` (``X-Internal-Api-Key``), ``api_key``
    (``Authorization: Bearer``: an API key or an access token), ``username`` with ``password``
    (logged in, renewed when the token expires), ``username`` alone (``X-Username``, for servers
    in development mode).
    """

    def __init__(self, api_url: str, api_key: str | None = None, internal_api_key: str | None = None,
                 username: str | None = None, *, timeout: float = 30.0, max_retries: int = 3,
                 password: str | None = None, transport: httpx.BaseTransport | None = None):
        self._config = Config(api_url=api_url.rstrip("/"), api_key=api_key, internal_api_key=internal_api_key,
                              username=username, password=password, timeout=timeout, max_retries=max_retries)
        self._http = HTTPClient(self._config, transport=transport)
        self.mappings = MappingResource(self._http)
        self.snapshots = SnapshotResource(self._http)
        self.instances = InstanceResource(self._http)
        self.favorites = FavoriteResource(self._http)
        self.schema = SchemaResource(self._http)
        self.ops = OpsResource(self._http)
        self.admin = AdminResource(self._http)
        self.health = HealthResource(self._http)
        self.auth = AuthResource(self._http)

    @property
    def config(self) -> Config:
        return self._config

    @classmethod
    def from_env(cls, api_url: str | None = None, api_key: str | None = None, internal_api_key: str | None = None,
                 username: str | None = None, **kwargs: Any) -> "GraphOLAPClient":
        """A client configured from ``GRAPH_OLAP_API_URL``, ``GRAPH_OLAP_API_KEY``,
        ``GRAPH_OLAP_INTERNAL_API_KEY``, ``GRAPH_OLAP_USERNAME`` (with ``GRAPH_OLAP_PASSWORD``: logged
        in), ``GRAPH_OLAP_IN_CLUSTER_MODE`` and ``GRAPH_OLAP_NAMESPACE``; arguments override them.
        ``kwargs``: ``timeout``, ``max_retries``, ``password``."""
        transport = kwargs.pop("transport", None)
        config = Config.from_env(api_url=api_url, api_key=api_key, internal_api_key=internal_api_key,
                                 username=username, **kwargs)
        return cls(config.api_url, config.api_key, config.internal_api_key, config.username,
                   timeout=config.timeout, max_retries=config.max_retries, password=config.password,
                   transport=transport)

    @classmethod
    def login(cls, api_url: str, username: str, password: str, **kwargs: Any) -> "GraphOLAPClient":
        """A client that logs in with a username and password (``POST /api/auth/login``)."""
        client = cls(api_url, username=username, password=password, **kwargs)
        client.auth.me()
        return client

    def quick_start(self, mapping_id: int, *, snapshot_name: str | None = None, instance_name: str | None = None,
                    wait_timeout: int = 600, on_progress: Any = None) -> "InstanceConnection":
        """From a mapping to a connected instance: export a snapshot, start an instance on it, connect.

        Remember to terminate the instance when done (``client.instances.terminate(conn.instance_id)``).
        """
        snapshot = self.snapshots.create_and_wait(mapping_id, snapshot_name or "Quick Snapshot",
                                                  timeout=wait_timeout, poll_interval=1, on_progress=on_progress)
        instance = self.instances.create_and_wait(snapshot.id, instance_name or "Quick Instance",
                                                  timeout=wait_timeout, poll_interval=1, on_progress=on_progress)
        return self.instances.connect(instance.id)

    def close(self) -> None:
        """Close the HTTP client and release its connections."""
        self._http.close()

    def __enter__(self) -> "GraphOLAPClient":
        return self

    def __exit__(self, *args: Any) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"GraphOLAPClient({self._config.api_url!r})"
