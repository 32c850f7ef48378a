"""``client.health``: liveness and readiness."""

from __future__ import annotations

from graph_olap.http import HTTPClient
from graph_olap.models import HealthStatus


class HealthResource:
    def __init__(self, http: HTTPClient):
        self._http = http

    def check(self) -> HealthStatus:
        """``/health``: status and version."""
        return HealthStatus.from_dict(self._http.get("/health"))

    def ready(self) -> HealthStatus:
        """``/ready``: status, version and each dependency (``components``; ``database``)."""
        return HealthStatus.from_dict(self._http.get("/ready"))
