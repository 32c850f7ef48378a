"""``client.schema``: the source database's catalog, for designing mappings."""

from __future__ import annotations

from urllib.parse import quote

from graph_olap.http import HTTPClient
from graph_olap.models import CacheStats, Catalog, Column, Schema, Table


def _seg(name: str) -> str:
    return quote(name, safe="")


class SchemaResource:
    def __init__(self, http: HTTPClient):
        self._http = http

    def list_catalogs(self) -> list[Catalog]:
        return [Catalog.from_dict(x) for x in self._http.get("/api/schema/catalogs")["data"]]

    def list_schemas(self, catalog: str) -> list[Schema]:
        return [Schema.from_dict(x) for x in self._http.get(f"/api/schema/catalogs/{_seg(catalog)}/schemas")["data"]]

    def list_tables(self, catalog: str, schema: str) -> list[Table]:
        path = f"/api/schema/catalogs/{_seg(catalog)}/schemas/{_seg(schema)}/tables"
        return [Table.from_dict(x) for x in self._http.get(path)["data"]]

    def list_columns(self, catalog: str, schema: str, table: str) -> list[Column]:
        """A table's columns in ordinal order."""
        path = f"/api/schema/catalogs/{_seg(catalog)}/schemas/{_seg(schema)}/tables/{_seg(table)}/columns"
        return [Column.from_dict(x) for x in self._http.get(path)["data"]]

    def search_tables(self, pattern: str, limit: int = 100) -> list[Table]:
        """Tables whose name starts with ``pattern`` (case-insensitive)."""
        response = self._http.get("/api/schema/search/tables", params={"q": pattern, "limit": limit})
        return [Table.from_dict(x) for x in response["data"]]

    def search_columns(self, pattern: str, limit: int = 100) -> list[Column]:
        response = self._http.get("/api/schema/search/columns", params={"q": pattern, "limit": limit})
        return [Column.from_dict(x) for x in response["data"]]

    def admin_refresh(self) -> dict:
        """Reload the catalog now (admin)."""
        return self._http.post("/api/schema/admin/refresh")["data"]

    def get_stats(self) -> CacheStats:
        """Counts and the last refresh of the catalog cache (admin)."""
        return CacheStats.from_dict(self._http.get("/api/schema/stats")["data"])
