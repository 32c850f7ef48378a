"""``client.favorites``: the caller's bookmarks of mappings, snapshots and instances."""

from __future__ import annotations

from graph_olap.http import HTTPClient
from graph_olap.models import Favorite


class FavoriteResource:
    def __init__(self, http: HTTPClient):
        self._http = http

    def list(self, resource_type: str | None = None) -> list[Favorite]:
        response = self._http.get("/api/favorites", params={"resource_type": resource_type})
        return [Favorite.from_dict(f) for f in response["data"]]

    def add(self, resource_type: str, resource_id: int) -> Favorite:
        """NotFoundError for an unknown resource, ConflictError when already a favorite."""
        body = {"resource_type": resource_type, "resource_id": resource_id}
        return Favorite.from_dict(self._http.post("/api/favorites", json=body)["data"])

    def remove(self, resource_type: str, resource_id: int) -> None:
        self._http.delete(f"/api/favorites/{resource_type}/{resource_id}")
