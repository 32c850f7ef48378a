"""``client.ops``: platform configuration, cluster views, background jobs (ops role)."""

from __future__ import annotations

from typing import Any

from graph_olap.http import HTTPClient
from graph_olap.models import (ClusterHealth, ClusterInstances, ConcurrencyConfig, ExportConfig, LifecycleConfig,
                               MaintenanceMode, ResourceLifecycleConfig)


def _lifecycle(value: ResourceLifecycleConfig | dict) -> dict[str, Any]:
    if isinstance(value, ResourceLifecycleConfig):
        return {"default_ttl": value.default_ttl, "default_inactivity": value.default_inactivity,
                "max_ttl": value.max_ttl}
    return dict(value)


class OpsResource:
    def __init__(self, http: HTTPClient):
        self._http = http

    # -- configuration --------------------------------------------------------------------------
    def get_lifecycle_config(self) -> LifecycleConfig:
        return LifecycleConfig.from_dict(self._http.get("/api/config/lifecycle")["data"])

    def update_lifecycle_config(self, mapping: ResourceLifecycleConfig | dict | None = None,
                                snapshot: ResourceLifecycleConfig | dict | None = None,
                                instance: ResourceLifecycleConfig | dict | None = None) -> bool:
        """Replace the lifecycle settings of the kinds given; the others are kept."""
        body = {k: _lifecycle(v) for k, v in (("mapping", mapping), ("snapshot", snapshot), ("instance", instance))
                if v is not None}
        self._http.put("/api/config/lifecycle", json=body)
        return True

    def get_concurrency_config(self) -> ConcurrencyConfig:
        return ConcurrencyConfig.from_dict(self._http.get("/api/config/concurrency")["data"])

    def update_concurrency_config(self, per_analyst: int | None = None,
                                  cluster_total: int | None = None) -> ConcurrencyConfig:
        body = {k: v for k, v in (("per_analyst", per_analyst), ("cluster_total", cluster_total)) if v is not None}
        return ConcurrencyConfig.from_dict(self._http.put("/api/config/concurrency", json=body)["data"])

    def get_maintenance_mode(self) -> MaintenanceMode:
        return MaintenanceMode.from_dict(self._http.get("/api/config/maintenance")["data"])

    def set_maintenance_mode(self, enabled: bool, message: str = "") -> MaintenanceMode:
        """While enabled, calls that create resources answer MaintenanceError with ``message``."""
        body = {"enabled": enabled, "message": message}
        return MaintenanceMode.from_dict(self._http.put("/api/config/maintenance", json=body)["data"])

    def get_export_config(self) -> ExportConfig:
        return ExportConfig.from_dict(self._http.get("/api/config/export")["data"])

    def update_export_config(self, max_duration_seconds: int) -> ExportConfig:
        body = {"max_duration_seconds": max_duration_seconds}
        return ExportConfig.from_dict(self._http.put("/api/config/export", json=body)["data"])

    # -- cluster ----------------------------------------------------------------------------------
    def get_cluster_health(self) -> ClusterHealth:
        return ClusterHealth.from_dict(self._http.get("/api/cluster/health")["data"])

    def get_cluster_instances(self) -> ClusterInstances:
        return ClusterInstances.from_dict(self._http.get("/api/cluster/instances")["data"])

    # -- background jobs, state, exports, metrics -------------------------------------------------
    def trigger_job(self, job_name: str, reason: str = "manual-trigger") -> dict[str, Any]:
        """Run a background job now (RateLimitError within a minute of the last trigger)."""
        return self._http.post("/api/ops/jobs/trigger", json={"job_name": job_name, "reason": reason})["data"]

    def get_job_status(self) -> dict[str, Any]:
        """``{"jobs": [...]}`` with each job's schedule, last runs and ``health_status``."""
        return self._http.get("/api/ops/jobs/status")["data"]

    def get_state(self) -> dict[str, Any]:
        """Counts of mappings, snapshots, instances and export jobs by status."""
        return self._http.get("/api/ops/state")["data"]

    def get_export_jobs(self, status: str | None = None, limit: int = 100) -> list[dict[str, Any]]:
        """Exports queued or running, oldest first."""
        return self._http.get("/api/ops/export-jobs", params={"status": status, "limit": limit})["data"]

    def get_metrics(self) -> str:
        """The Prometheus metrics text of ``/metrics``."""
        return self._http.raw("GET", "/metrics", headers={"Accept": "text/plain"}).text
