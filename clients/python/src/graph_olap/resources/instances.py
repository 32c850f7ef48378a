"""``client.instances``: graphs loaded into an engine, and connections to them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from graph_olap.exceptions import InstanceFailedError, InvalidStateError
from graph_olap.http import HTTPClient
from graph_olap.models import Instance, InstanceProgress
from graph_olap.pagination import PaginatedList, paginated
from graph_olap.progress import ProgressCallback, poll_until

if TYPE_CHECKING:
    from graph_olap.instance.connection import InstanceConnection

_ENDED = ("failed", "terminated")


class InstanceResource:
    """Manage graph instances."""

    def __init__(self, http: HTTPClient):
        self._http = http

    def list(self, snapshot_id: int | None = None, owner: str | None = None, status: str | None = None,
             search: str | None = None, created_after: str | None = None, created_before: str | None = None,
             sort_by: str = "created_at", sort_order: str = "desc", offset: int = 0,
             limit: int = 50) -> PaginatedList[Instance]:
        params = {"snapshot_id": snapshot_id, "owner": owner, "status": status, "search": search,
                  "created_after": created_after, "created_before": created_before, "sort_by": sort_by,
                  "sort_order": sort_order, "offset": offset, "limit": min(limit, 100)}
        return paginated(self._http, "/api/instances", params, Instance.from_dict)

    def get(self, instance_id: int) -> Instance:
        return Instance.from_dict(self._http.get(f"/api/instances/{instance_id}")["data"])

    def create(self, snapshot_id: int, name: str, description: str | None = None, ttl: str | None = None,
               inactivity_timeout: str | None = None, *, engine: str | None = None,
               cpu_cores: int | None = None) -> Instance:
        """Load a ``ready`` snapshot into an engine (``cpu``, ``gpu`` or ``auto``); comes back ``starting``."""
        body: dict[str, Any] = {"snapshot_id": snapshot_id, "name": name}
        for key, value in (("description", description), ("ttl", ttl), ("inactivity_timeout", inactivity_timeout),
                           ("engine", engine), ("cpu_cores", cpu_cores)):
            if value is not None:
                body[key] = value
        return Instance.from_dict(self._http.post("/api/instances", json=body)["data"])

    def wait_until_running(self, instance_id: int, timeout: int = 300, poll_interval: float = 5,
                           on_progress: ProgressCallback | bool | None = None) -> Instance:
        """Poll until the instance is ``running``; InstanceFailedError when it fails or ends,
        TimeoutError past ``timeout``."""
        def ended(instance: Instance):
            if instance.status not in _ENDED:
                return None
            return InstanceFailedError(f"instance {instance_id} {instance.status}: {instance.error_message}",
                                       {"instance_id": instance_id, "status": instance.status,
                                        "error_message": instance.error_message})

        return poll_until(f"instance {instance_id}", lambda: self.get(instance_id), lambda: self.get_progress(instance_id),
                          "running", ended, on_progress, timeout, poll_interval, {"instance_id": instance_id})

    def terminate(self, instance_id: int) -> None:
        """Free the instance's graph; it stays listed as ``terminated``."""
        self._http.post(f"/api/instances/{instance_id}/terminate")

    def delete(self, instance_id: int) -> None:
        """Terminate the instance if it lives, then remove it."""
        self._http.delete(f"/api/instances/{instance_id}")

    def update(self, instance_id: int, *, name: str | None = None, description: str | None = None) -> Instance:
        body = {k: v for k, v in (("name", name), ("description", description)) if v is not None}
        return Instance.from_dict(self._http.put(f"/api/instances/{instance_id}", json=body)["data"])

    def set_lifecycle(self, instance_id: int, ttl: str | None = None,
                      inactivity_timeout: str | None = None) -> Instance:
        """Set lifecycle durations (ISO-8601); a value left as None is kept."""
        body = {k: v for k, v in (("ttl", ttl), ("inactivity_timeout", inactivity_timeout)) if v is not None}
        return Instance.from_dict(self._http.put(f"/api/instances/{instance_id}/lifecycle", json=body)["data"])

    def get_progress(self, instance_id: int) -> InstanceProgress:
        return InstanceProgress.from_dict(self._http.get(f"/api/instances/{instance_id}/progress")["data"])

    def extend_ttl(self, instance_id: int, hours: int = 24) -> Instance:
        """Move ``expires_at`` ``hours`` later (from now if it had passed)."""
        return Instance.from_dict(self._http.post(f"/api/instances/{instance_id}/extend", json={"hours": hours})["data"])

    def update_cpu(self, instance_id: int, cpu_cores: int) -> Instance:
        """Change the cores of a running instance's graph (ValidationError out of range,
        InvalidStateError when not running)."""
        return Instance.from_dict(self._http.put(f"/api/instances/{instance_id}/cpu",
                                                 json={"cpu_cores": cpu_cores})["data"])

    def create_and_wait(self, snapshot_id: int, name: str, *, description: str | None = None,
                        ttl: str | None = None, inactivity_timeout: str | None = None, engine: str | None = None,
                        cpu_cores: int | None = None, timeout: int = 300, poll_interval: float = 5,
                        on_progress: ProgressCallback | bool | None = None) -> Instance:
        """Create an instance and wait until it runs, calling ``on_progress(phase, completed, total)``."""
        instance = self.create(snapshot_id, name, description, ttl, inactivity_timeout, engine=engine,
                               cpu_cores=cpu_cores)
        return self.wait_until_running(instance.id, timeout=timeout, poll_interval=poll_interval,
                                       on_progress=on_progress)

    def connect(self, instance_id: int) -> "InstanceConnection":
        """A connection for queries and algorithms (InvalidStateError when the instance is not running)."""
        from graph_olap.instance.connection import InstanceConnection

        instance = self.get(instance_id)
        if instance.status != "running":
            raise InvalidStateError(f"instance {instance_id} is not running (status: {instance.status})",
                                    {"instance_id": instance_id, "status": instance.status})
        return InstanceConnection(self._http, instance)

    def create_from_mapping(self, mapping_id: int, name: str, *, description: str | None = None,
                            mapping_version: int | None = None, snapshot_name: str | None = None,
                            ttl: str | None = None, inactivity_timeout: str | None = None,
                            engine: str | None = None, cpu_cores: int | None = None) -> Instance:
        """Export a snapshot of the mapping and start an instance on it when ready; comes back
        ``waiting_for_snapshot``."""
        body: dict[str, Any] = {"mapping_id": mapping_id, "name": name}
        for key, value in (("description", description), ("mapping_version", mapping_version),
                           ("snapshot_name", snapshot_name), ("ttl", ttl),
                           ("inactivity_timeout", inactivity_timeout), ("engine", engine), ("cpu_cores", cpu_cores)):
            if value is not None:
                body[key] = value
        return Instance.from_dict(self._http.post("/api/instances/from-mapping", json=body)["data"])

    def create_from_mapping_and_wait(self, mapping_id: int, name: str, *, description: str | None = None,
                                     mapping_version: int | None = None, snapshot_name: str | None = None,
                                     ttl: str | None = None, inactivity_timeout: str | None = None,
                                     engine: str | None = None, cpu_cores: int | None = None, timeout: int = 900,
                                     poll_interval: float = 5,
                                     on_progress: ProgressCallback | bool | None = None) -> Instance:
        """create_from_mapping, then wait until the instance runs (snapshot export included)."""
        instance = self.create_from_mapping(mapping_id, name, description=description,
                                            mapping_version=mapping_version, snapshot_name=snapshot_name, ttl=ttl,
                                            inactivity_timeout=inactivity_timeout, engine=engine,
                                            cpu_cores=cpu_cores)
        return self.wait_until_running(instance.id, timeout=timeout, poll_interval=poll_interval,
                                       on_progress=on_progress)
