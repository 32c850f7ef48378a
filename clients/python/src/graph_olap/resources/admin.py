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

    def create_user(self, username: str, password: str, roles: list[str] | None = None,
                    organizations: list[str] | None = None) -> dict[str, Any]:
        """Create an account (roles ``analyst``, ``ops``, ``admin``; default ``analyst``)."""
        body: dict[str, Any] = {"username": username, "password": password,
                                "roles": roles or ["analyst"], "organizations": organizations or []}
        return self._http.post("/api/admin/users", json=body)["data"]

    def update_user(self, username: str, **changes: Any) -> dict[str, Any]:
        """Change ``roles``, ``organizations``, ``enabled`` or ``password`` of an account."""
        return self._http.put(f"/api/admin/users/{username}", json=changes)["data"]

    def list_users(self, offset: int = 0, limit: int = 50):
        """Accounts, ordered by username."""
        from graph_olap.pagination import paginated

        return paginated(self._http, "/api/admin/users", {"offset": offset, "limit": min(limit, 100)},
                         lambda u: u)

    def audit(self, actor: str | None = None, action: str | None = None, since: str | None = None,
              until: str | None = None, offset: int = 0, limit: int = 50):
        """Audit entries, newest first."""
        from graph_olap.pagination import paginated

        params = {"actor": actor, "action": action, "since": since, "until": until, "offset": offset,
                  "limit": min(limit, 100)}
        return paginated(self._http, "/api/admin/audit", params, lambda e: e)
