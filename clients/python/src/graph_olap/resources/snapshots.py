"""``client.snapshots``: exports of a mapping version into Arrow files."""

from __future__ import annotations

from typing import Any

from graph_olap.exceptions import SnapshotFailedError
from graph_olap.http import HTTPClient
from graph_olap.models import Snapshot, SnapshotProgress
from graph_olap.pagination import PaginatedList, paginated
from graph_olap.progress import ProgressCallback, poll_until


class SnapshotResource:
    """Manage data snapshots."""

    def __init__(self, http: HTTPClient):
        self._http = http

    def list(self, mapping_id: int | None = None, mapping_version: int | None = None, owner: str | None = None,
             status: str | None = None, search: str | None = None, created_after: str | None = None,
             created_before: str | None = None, sort_by: str = "created_at", sort_order: str = "desc",
             offset: int = 0, limit: int = 50) -> PaginatedList[Snapshot]:
        params = {"mapping_id": mapping_id, "mapping_version": mapping_version, "owner": owner, "status": status,
                  "search": search, "created_after": created_after, "created_before": created_before,
                  "sort_by": sort_by, "sort_order": sort_order, "offset": offset, "limit": min(limit, 100)}
        return paginated(self._http, "/api/snapshots", params, Snapshot.from_dict)

    def get(self, snapshot_id: int) -> Snapshot:
        return Snapshot.from_dict(self._http.get(f"/api/snapshots/{snapshot_id}")["data"])

    def create(self, mapping_id: int, name: str, description: str | None = None, version: int | None = None,
               ttl: str | None = None, inactivity_timeout: str | None = None) -> Snapshot:
        """Start an export; the snapshot comes back ``pending``."""
        body: dict[str, Any] = {"mapping_id": mapping_id, "name": name}
        if description:
            body["description"] = description
        if version is not None:
            body["version"] = version
        if ttl:
            body["ttl"] = ttl
        if inactivity_timeout:
            body["inactivity_timeout"] = inactivity_timeout
        return Snapshot.from_dict(self._http.post("/api/snapshots", json=body)["data"])

    def wait_until_ready(self, snapshot_id: int, timeout: int = 600, poll_interval: float = 5,
                         on_progress: ProgressCallback | bool | None = None) -> Snapshot:
        """Poll until the snapshot is ``ready``; SnapshotFailedError when it fails, TimeoutError past ``timeout``."""
        def failed(snapshot: Snapshot):
            if snapshot.status != "failed":
                return None
            return SnapshotFailedError(f"snapshot {snapshot_id} failed: {snapshot.error_message}",
                                       {"snapshot_id": snapshot_id, "error_message": snapshot.error_message})

        return poll_until(f"snapshot {snapshot_id}", lambda: self.get(snapshot_id), lambda: self.get_progress(snapshot_id),
                          "ready", failed, on_progress, timeout, poll_interval, {"snapshot_id": snapshot_id})

    def delete(self, snapshot_id: int) -> None:
        """Delete a snapshot and its files (DependencyError while live instances use it)."""
        self._http.delete(f"/api/snapshots/{snapshot_id}")

    def update(self, snapshot_id: int, name: str | None = None, description: str | None = None) -> Snapshot:
        body = {k: v for k, v in (("name", name), ("description", description)) if v is not None}
        return Snapshot.from_dict(self._http.put(f"/api/snapshots/{snapshot_id}", json=body)["data"])

    def set_lifecycle(self, snapshot_id: int, ttl: str | None = None, inactivity_timeout: str | None = None) -> Snapshot:
        """Set lifecycle durations (ISO-8601); a value left as None is kept."""
        body = {k: v for k, v in (("ttl", ttl), ("inactivity_timeout", inactivity_timeout)) if v is not None}
        return Snapshot.from_dict(self._http.put(f"/api/snapshots/{snapshot_id}/lifecycle", json=body)["data"])

    def get_progress(self, snapshot_id: int) -> SnapshotProgress:
        return SnapshotProgress.from_dict(self._http.get(f"/api/snapshots/{snapshot_id}/progress")["data"])

    def retry(self, snapshot_id: int) -> Snapshot:
        """Export a ``failed`` snapshot again (InvalidStateError for any other status)."""
        return Snapshot.from_dict(self._http.post(f"/api/snapshots/{snapshot_id}/retry")["data"])

    def create_and_wait(self, mapping_id: int, name: str, *, description: str | None = None,
                        version: int | None = None, ttl: str | None = None, inactivity_timeout: str | None = None,
                        timeout: int = 600, poll_interval: float = 5,
                        on_progress: ProgressCallback | bool | None = None) -> Snapshot:
        """Create a snapshot and wait until it is ready, calling ``on_progress(phase, completed, total)``
        at each poll (``on_progress=True`` shows a text progress bar)."""
        snapshot = self.create(mapping_id=mapping_id, name=name, description=description, version=version,
                               ttl=ttl, inactivity_timeout=inactivity_timeout)
        return self.wait_until_ready(snapshot.id, timeout=timeout, poll_interval=poll_interval,
                                     on_progress=on_progress)
