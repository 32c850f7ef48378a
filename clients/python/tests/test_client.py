"""The client itself: configuration, authentication modes, health."""

from __future__ import annotations

import pytest

from graph_olap import AuthenticationError, GraphOLAPClient, notebook
from graph_olap.config import DEFAULT_LOCAL_URL, Config

from conftest import ADMIN_PASSWORD, INTERNAL_KEY, URL


@pytest.mark.offline
def test_constructor_defaults_follow_the_seed():
    client = GraphOLAPClient("http://example.test:1234/")
    assert client.config.api_url == "http://example.test:1234"
    assert client.config.timeout == 30.0 and client.config.max_retries == 3
    for resource in ("mappings", "snapshots", "instances", "favorites", "schema", "ops", "admin", "health"):
        assert hasattr(client, resource)
    client.close()


@pytest.mark.offline
def test_from_env_reads_the_graph_olap_variables(monkeypatch):
    monkeypatch.setenv("GRAPH_OLAP_API_URL", "http://env.test:9/")
    monkeypatch.setenv("GRAPH_OLAP_API_KEY", "gok_env")
    monkeypatch.setenv("GRAPH_OLAP_USERNAME", "env-user")
    monkeypatch.setenv("GRAPH_OLAP_INTERNAL_API_KEY", "internal")
    with GraphOLAPClient.from_env(timeout=5, max_retries=1) as client:
        assert client.config == Config("http://env.test:9", "gok_env", "internal", "env-user", timeout=5,
                                       max_retries=1)
    with GraphOLAPClient.from_env(api_url="http://override.test", api_key="k2") as client:
        assert client.config.api_url == "http://override.test" and client.config.api_key == "k2"


@pytest.mark.offline
def test_without_url_the_local_default_or_the_cluster_address(monkeypatch):
    monkeypatch.delenv("GRAPH_OLAP_API_URL", raising=False)
    monkeypatch.delenv("GRAPH_OLAP_IN_CLUSTER_MODE", raising=False)
    assert Config.from_env().api_url == DEFAULT_LOCAL_URL
    monkeypatch.setenv("GRAPH_OLAP_IN_CLUSTER_MODE", "true")
    monkeypatch.setenv("GRAPH_OLAP_NAMESPACE", "analytics")
    assert Config.from_env().api_url == "http://control-plane.analytics.svc:8000"


def test_login_with_username_and_password(admin):
    me = admin.auth.me()
    assert me["username"] == "admin" and "admin" in me["roles"]


def test_login_classmethod_and_wrong_password():
    with GraphOLAPClient.login(URL, "admin", ADMIN_PASSWORD) as client:
        assert client.auth.me()["username"] == "admin"
    with pytest.raises(AuthenticationError) as e:
        GraphOLAPClient.login(URL, "admin", "not-the-password")
    assert e.value.status_code == 401


def test_api_key_internal_key_and_dev_username(admin):
    key = admin.auth.create_api_key("sdk-test")
    with GraphOLAPClient(URL, api_key=key["key"]) as client:
        assert client.auth.me()["username"] == "admin"
    assert any(k["id"] == key["id"] for k in admin.auth.list_api_keys())
    admin.auth.revoke_api_key(key["id"])
    with GraphOLAPClient(URL, api_key=key["key"]) as client, pytest.raises(AuthenticationError):
        client.auth.me()
    with GraphOLAPClient(URL, internal_api_key=INTERNAL_KEY) as client:
        assert client.auth.me()["username"] == "internal"
    with GraphOLAPClient(URL, username="dev-user") as client:
        assert client.auth.me()["username"] == "dev-user"


def test_context_manager_closes_the_client():
    client = GraphOLAPClient(URL)
    with client as c:
        assert c.health.check().status == "healthy"
    with pytest.raises(RuntimeError):
        client.health.check()


def test_health_check_and_ready(admin):
    health = admin.health.check()
    assert health.status == "healthy" and health.version
    ready = admin.health.ready()
    assert ready.status == "ready" and ready.database == "up"
    assert "source_database" in ready.components


def test_notebook_connect_init_and_get_client(monkeypatch):
    monkeypatch.setenv("GRAPH_OLAP_API_URL", URL)
    monkeypatch.setenv("GRAPH_OLAP_USERNAME", "admin")
    monkeypatch.setenv("GRAPH_OLAP_PASSWORD", ADMIN_PASSWORD)
    client = notebook.connect()
    assert notebook.get_client() is client
    assert client.auth.me()["username"] == "admin"
    again = notebook.init()
    assert notebook.get_client() is again and again is not client
    again.close()
