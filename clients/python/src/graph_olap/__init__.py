"""GraphOLAP Python SDK: mappings, snapshots, instances, queries and algorithms from Python.

    from graph_olap import GraphOLAPClient
    client = GraphOLAPClient.from_env()
"""

__version__ = "0.1.0"

from graph_olap.client import GraphOLAPClient  # noqa: E402
from graph_olap.exceptions import (AlgorithmFailedError, AuthenticationError, ConcurrencyLimitError,  # noqa: E402
                                   ConflictError, DependencyError, ForbiddenError, GraphOLAPError,
                                   InstanceFailedError, InvalidStateError, MaintenanceError, MemoryLimitError,
                                   NotFoundError, PermissionDeniedError, QueryTimeoutError, RateLimitError,
                                   ResourceLockedError, ServerError, ServiceUnavailableError, SnapshotFailedError,
                                   TimeoutError, ValidationError)
from graph_olap.instance.connection import InstanceConnection  # noqa: E402
from graph_olap.pagination import PaginatedList  # noqa: E402
from graph_olap.progress import ProgressBar  # noqa: E402

__all__ = [
    "AlgorithmFailedError", "AuthenticationError", "ConcurrencyLimitError", "ConflictError", "DependencyError",
    "ForbiddenError", "GraphOLAPClient", "GraphOLAPError", "InstanceConnection", "InstanceFailedError",
    "InvalidStateError", "MaintenanceError", "MemoryLimitError", "NotFoundError", "PaginatedList",
    "PermissionDeniedError", "ProgressBar", "QueryTimeoutError", "RateLimitError", "ResourceLockedError",
    "ServerError", "ServiceUnavailableError", "SnapshotFailedError", "TimeoutError", "ValidationError",
    "__version__",
]
