"""Models of what the SDK's methods return; each keeps every field of the server's JSON."""

from graph_olap.models.common import Favorite, HealthStatus, LockStatus, Model, parse_datetime
from graph_olap.models.execution import AlgorithmExecution, QueryResult
from graph_olap.models.instance import Instance, InstanceProgress
from graph_olap.models.mapping import EdgeDefinition, Mapping, MappingVersion, NodeDefinition, PropertyDefinition
from graph_olap.models.ops import (CacheStats, Catalog, ClusterHealth, ClusterInstances, Column, ConcurrencyConfig,
                                   ExportConfig, InstanceLimits, LifecycleConfig, MaintenanceMode,
                                   ResourceLifecycleConfig, Schema, Table)
from graph_olap.models.snapshot import Snapshot, SnapshotProgress

__all__ = [
    "AlgorithmExecution", "CacheStats", "Catalog", "ClusterHealth", "ClusterInstances", "Column",
    "ConcurrencyConfig", "EdgeDefinition", "ExportConfig", "Favorite", "HealthStatus", "Instance",
    "InstanceLimits", "InstanceProgress", "LifecycleConfig", "LockStatus", "MaintenanceMode", "Mapping",
    "MappingVersion", "Model", "NodeDefinition", "PropertyDefinition", "QueryResult", "ResourceLifecycleConfig",
    "Schema", "Snapshot", "SnapshotProgress", "Table", "parse_datetime",
]
