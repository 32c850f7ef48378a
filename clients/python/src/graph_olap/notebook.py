"""Zero-configuration use from Jupyter: ``from graph_olap import notebook; client = notebook.connect()``."""

from __future__ import annotations

from typing import Any

from graph_olap.client import GraphOLAPClient

_current_client: GraphOLAPClient | None = None


def _setup_itables() -> None:
    """Interactive DataFrame tables when ``itables`` is installed; nothing otherwise."""
    try:
        import itables  # type: ignore
    except ImportError:
        return
    try:
        itables.init_notebook_mode(all_interactive=False)
    except Exception:
        return


def connect(api_url: str | None = None, api_key: str | None = None, **kwargs: Any) -> GraphOLAPClient:
    """The notebook's client, configured from the GRAPH_OLAP_* variables (arguments override them).

    Without GRAPH_OLAP_API_URL: ``GRAPH_OLAP_IN_CLUSTER_MODE=true`` uses the control plane's
    in-cluster address, otherwise ``http://localhost:8080`` (``./grapholap serve``).
    """
    global _current_client
    _setup_itables()
    if _current_client is not None:
        _current_client.close()
    _current_client = GraphOLAPClient.from_env(api_url=api_url, api_key=api_key, **kwargs)
    return _current_client


def init(api_url: str | None = None, api_key: str | None = None, **kwargs: Any) -> GraphOLAPClient:
    """Alias for connect()."""
    return connect(api_url=api_url, api_key=api_key, **kwargs)


def get_client() -> GraphOLAPClient | None:
    """The client of the last connect(), or None."""
    return _current_client
