"""``client.admin``: privileged operations (admin role)."""

from __future__ import annotations

from typing import Any

from graph_olap.http import HTTPClient


class AdminResource:
    def __init__(self, http: HTTPClient):
        self._http = http

    def bulk_delete(self, resource_type: str, filters: dict[str, Any], reason: str,
                    expected_count: int | None = None, dry_run: bool = False) -> dict[str, Any]:
        """Delete up to 100 resources matching ``filters`` (``name_prefix``, ``owner``/``created_by``,
        ``older_than_hours``, ``created_before``, ``status``). Run with ``dry_run=True`` first and pass its
        ``matched_count`` as ``expected_count``. Answers ``matched_ids``, ``deleted_ids``, ``failed_ids``,
        ``errors``."""
        body: dict[str, Any] = {"resource_type": resource_type, "filters": filters, "reason": reason,
                                "dry_run": dry_run}
        if expected_count is not None:
            body["expected_count"] = expected_count
        return self._http.delete("/api/admin/resources/bulk", json=body)["data"]
