"""``client.mappings``: mapping definitions and their versions."""

from __future__ import annotations

from typing import Any

from graph_olap.http import HTTPClient
from graph_olap.models import EdgeDefinition, Mapping, MappingVersion, NodeDefinition, Snapshot
from graph_olap.pagination import PaginatedList, paginated


def _defs(definitions: list[Any]) -> list[dict[str, Any]]:
    return [d.to_dict() if hasattr(d, "to_dict") else dict(d) for d in definitions]


class MappingResource:
    """Manage mapping definitions."""

    def __init__(self, http: HTTPClient):
        self._http = http

    def list(self, owner: str | None = None, search: str | None = None, created_after: str | None = None,
             created_before: str | None = None, sort_by: str = "created_at", sort_order: str = "desc",
             offset: int = 0, limit: int = 50) -> PaginatedList[Mapping]:
        """List mappings with optional filters; iterating the answer walks every page."""
        params = {"owner": owner, "search": search, "created_after": created_after,
                  "created_before": created_before, "sort_by": sort_by, "sort_order": sort_order,
                  "offset": offset, "limit": min(limit, 100)}
        return paginated(self._http, "/api/mappings", params, Mapping.from_dict)

    def get(self, mapping_id: int) -> Mapping:
        """A mapping with its current version's definitions."""
        return Mapping.from_dict(self._http.get(f"/api/mappings/{mapping_id}")["data"])

    def get_version(self, mapping_id: int, version: int) -> MappingVersion:
        return MappingVersion.from_dict(self._http.get(f"/api/mappings/{mapping_id}/versions/{version}")["data"])

    def list_versions(self, mapping_id: int) -> list[MappingVersion]:
        """Every version of a mapping, oldest first."""
        return [MappingVersion.from_dict(v) for v in self._http.get(f"/api/mappings/{mapping_id}/versions")["data"]]

    def list_snapshots(self, mapping_id: int, offset: int = 0, limit: int = 50) -> PaginatedList[Snapshot]:
        """The mapping's snapshots, across its versions."""
        return paginated(self._http, f"/api/mappings/{mapping_id}/snapshots",
                         {"offset": offset, "limit": min(limit, 100)}, Snapshot.from_dict)

    def create(self, name: str, description: str = "", node_definitions: list[NodeDefinition] | list[dict] = (),
               edge_definitions: list[EdgeDefinition] | list[dict] = (), ttl: str | None = None,
               inactivity_timeout: str | None = None) -> Mapping:
        """Create a mapping (validated against the source: ValidationError names the definition and column)."""
        body: dict[str, Any] = {"name": name, "description": description,
                                "node_definitions": _defs(list(node_definitions)),
                                "edge_definitions": _defs(list(edge_definitions))}
        if ttl:
            body["ttl"] = ttl
        if inactivity_timeout:
            body["inactivity_timeout"] = inactivity_timeout
        return Mapping.from_dict(self._http.post("/api/mappings", json=body)["data"])

    def update(self, mapping_id: int, change_description: str,
               node_definitions: list[NodeDefinition] | list[dict] | None = None,
               edge_definitions: list[EdgeDefinition] | list[dict] | None = None) -> Mapping:
        """Update a mapping: a new version; definitions left as None stay as they are."""
        body: dict[str, Any] = {"change_description": change_description}
        if node_definitions is not None:
            body["node_definitions"] = _defs(list(node_definitions))
        if edge_definitions is not None:
            body["edge_definitions"] = _defs(list(edge_definitions))
        return Mapping.from_dict(self._http.put(f"/api/mappings/{mapping_id}", json=body)["data"])

    def delete(self, mapping_id: int) -> None:
        """Delete a mapping (DependencyError while it has snapshots)."""
        self._http.delete(f"/api/mappings/{mapping_id}")

    def copy(self, mapping_id: int, new_name: str) -> Mapping:
        """A new mapping, owned by the caller, with the definitions of this one."""
        return Mapping.from_dict(self._http.post(f"/api/mappings/{mapping_id}/copy", json={"name": new_name})["data"])

    def set_lifecycle(self, mapping_id: int, ttl: str | None = None, inactivity_timeout: str | None = None) -> Mapping:
        """Set both lifecycle durations (ISO-8601); one given as None is cleared."""
        body = {"ttl": ttl, "inactivity_timeout": inactivity_timeout}
        return Mapping.from_dict(self._http.put(f"/api/mappings/{mapping_id}/lifecycle", json=body)["data"])

    def get_tree(self, mapping_id: int, *, include_instances: bool = True, status: str | None = None) -> dict:
        """Versions → snapshots → instances of a mapping."""
        params = {"include_instances": include_instances, "status": status}
        return self._http.get(f"/api/mappings/{mapping_id}/tree", params=params)["data"]

    def diff_versions(self, mapping_id: int, from_version: int, to_version: int) -> dict:
        """``summary`` and per-definition ``changes`` between two versions."""
        return self._http.get(f"/api/mappings/{mapping_id}/versions/{from_version}/diff/{to_version}")["data"]
