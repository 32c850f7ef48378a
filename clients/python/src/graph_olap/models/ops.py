"""Platform configuration, cluster views and schema-discovery models."""

from __future__ import annotations

import dataclasses
from datetime import datetime
from typing import Any

from graph_olap.models.common import Model


@dataclasses.dataclass
class ResourceLifecycleConfig(Model):
    default_ttl: str | None = None
    default_inactivity: str | None = None
    max_ttl: str | None = None


@dataclasses.dataclass
class LifecycleConfig(Model):
    mapping: ResourceLifecycleConfig | None = None
    snapshot: ResourceLifecycleConfig | None = None
    instance: ResourceLifecycleConfig | None = None

    _nested = {"mapping": ResourceLifecycleConfig, "snapshot": ResourceLifecycleConfig,
               "instance": ResourceLifecycleConfig}


@dataclasses.dataclass
class ConcurrencyConfig(Model):
    per_analyst: int | None = None
    cluster_total: int | None = None


@dataclasses.dataclass
class MaintenanceMode(Model):
    enabled: bool = False
    message: str | None = None
    updated_by: str | None = None
    updated_at: datetime | None = None


@dataclasses.dataclass
class ExportConfig(Model):
    max_duration_seconds: int | None = None


@dataclasses.dataclass
class ClusterHealth(Model):
    status: str | None = None
    components: dict[str, Any] = dataclasses.field(default_factory=dict)
    checked_at: datetime | None = None


@dataclasses.dataclass
class InstanceLimits(Model):
    per_analyst: int | None = None
    cluster_total: int | None = None
    cluster_used: int | None = None
    cluster_available: int | None = None


@dataclasses.dataclass
class ClusterInstances(Model):
    total: int | None = None
    by_status: dict[str, int] = dataclasses.field(default_factory=dict)
    by_owner: list[dict[str, Any]] = dataclasses.field(default_factory=list)
    limits: InstanceLimits | None = None
    census_available: bool | None = None

    _nested = {"limits": InstanceLimits}


@dataclasses.dataclass
class Catalog(Model):
    catalog_name: str | None = None
    schema_count: int | None = None


@dataclasses.dataclass
class Schema(Model):
    catalog_name: str | None = None
    schema_name: str | None = None
    table_count: int | None = None


@dataclasses.dataclass
class Table(Model):
    catalog_name: str | None = None
    schema_name: str | None = None
    table_name: str | None = None
    table_type: str | None = None
    column_count: int | None = None


@dataclasses.dataclass
class Column(Model):
    catalog_name: str | None = None
    schema_name: str | None = None
    table_name: str | None = None
    column_name: str | None = None
    data_type: str | None = None
    ordinal_position: int | None = None
    is_nullable: bool | None = None


@dataclasses.dataclass
class CacheStats(Model):
    total_catalogs: int | None = None
    total_schemas: int | None = None
    total_tables: int | None = None
    total_columns: int | None = None
    last_refresh: datetime | None = None
    refresh_count: int | None = None
    last_error: str | None = None
