"""The data plane of a running instance."""

from graph_olap.instance.algorithms import AlgorithmManager
from graph_olap.instance.connection import InstanceConnection

__all__ = ["AlgorithmManager", "InstanceConnection"]
