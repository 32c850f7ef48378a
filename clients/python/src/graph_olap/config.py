"""Client configuration and the GRAPH_OLAP_* environment variables (seed 001, ADR-073)."""

from __future__ import annotations

import os
from dataclasses import dataclass

DEFAULT_LOCAL_URL = "http://localhost:8080"
"""Where ``./grapholap serve`` listens; used when neither an URL nor in-cluster mode is given."""

IN_CLUSTER_URL_TEMPLATE = "http://control-plane.{namespace}.svc:8000"


@dataclass(frozen=True)
class Config:
    """Everything a client needs to reach the server.

    Authentication, in priority order: ``internal_api_key`` (``X-Internal-Api-Key``), ``api_key``
    (``Authorization: Bearer``; an API key or an access token), ``username`` with ``password``
    (logged in with ``POST /api/auth/login``; the token is renewed when it expires), ``username``
    alone (``X-Username``, honoured only by a server in development mode).
    """

    api_url: str
    api_key: str | None = None
    internal_api_key: str | None = None
    username: str | None = None
    password: str | None = None
    timeout: float = 30.0
    max_retries: int = 3
    in_cluster: bool = False
    namespace: str = "graph-olap-local"

    @classmethod
    def from_env(
        cls,
        api_url: str | None = None,
        api_key: str | None = None,
        internal_api_key: str | None = None,
        username: str | None = None,
        **kwargs,
    ) -> "Config":
        """Reads ``GRAPH_OLAP_API_URL``, ``_API_KEY``, ``_INTERNAL_API_KEY``, ``_USERNAME``,
        ``_PASSWORD``, ``_IN_CLUSTER_MODE`` and ``_NAMESPACE``; arguments override them.

        Without an URL, in-cluster mode uses the control plane's service name in the namespace and
        otherwise the local server's default address.
        """
        env = os.environ
        in_cluster = env.get("GRAPH_OLAP_IN_CLUSTER_MODE", "false").strip().lower() == "true"
        namespace = env.get("GRAPH_OLAP_NAMESPACE") or "graph-olap-local"
        url = api_url or env.get("GRAPH_OLAP_API_URL")
        if not url:
            url = IN_CLUSTER_URL_TEMPLATE.format(namespace=namespace) if in_cluster else DEFAULT_LOCAL_URL
        password = kwargs.pop("password", None) or env.get("GRAPH_OLAP_PASSWORD")
        return cls(
            api_url=url.rstrip("/"),
            api_key=api_key or env.get("GRAPH_OLAP_API_KEY") or None,
            internal_api_key=internal_api_key or env.get("GRAPH_OLAP_INTERNAL_API_KEY") or None,
            username=username or env.get("GRAPH_OLAP_USERNAME") or None,
            password=password or None,
            in_cluster=in_cluster,
            namespace=namespace,
            **kwargs,
        )
