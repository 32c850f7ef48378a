"""``client.auth``: the caller's account and API keys."""

from __future__ import annotations

from typing import Any

from graph_olap.http import HTTPClient


class AuthResource:
    def __init__(self, http: HTTPClient):
        self._http = http

    def me(self) -> dict[str, Any]:
        """The caller's ``username``, ``roles`` and ``organizations``."""
        return self._http.get("/api/auth/me")["data"]

    def create_api_key(self, name: str) -> dict[str, Any]:
        """A new API key; its ``key`` is in this answer only."""
        return self._http.post("/api/auth/api-keys", json={"name": name})["data"]

    def list_api_keys(self) -> list[dict[str, Any]]:
        return self._http.get("/api/auth/api-keys")["data"]

    def revoke_api_key(self, key_id: int) -> None:
        self._http.delete(f"/api/auth/api-keys/{key_id}")
