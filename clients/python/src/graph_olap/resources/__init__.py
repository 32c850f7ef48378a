"""The resources a GraphOLAPClient exposes."""

from graph_olap.resources.admin import AdminResource
from graph_olap.resources.auth import AuthResource
from graph_olap.resources.favorites import FavoriteResource
from graph_olap.resources.health import HealthResource
from graph_olap.resources.instances import InstanceResource
from graph_olap.resources.mappings import MappingResource
from graph_olap.resources.ops import OpsResource
from graph_olap.resources.schema import SchemaResource
from graph_olap.resources.snapshots import SnapshotResource

__all__ = ["AdminResource", "AuthResource", "FavoriteResource", "HealthResource", "InstanceResource",
           "MappingResource", "OpsResource", "SchemaResource", "SnapshotResource"]
