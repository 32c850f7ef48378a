"""Fixtures of the SDK's suite: a real server named by GRAPH_OLAP_TEST_URL (.ci/python-sdk starts one).

Shared resources (the demo mapping, its snapshot and a running instance, and a small Account /
TRANSFER graph) are made once per session and deleted at its end.
"""

from __future__ import annotations

import json
import os
import pathlib

import pytest

from graph_olap import GraphOLAPClient
from graph_olap.testing import TestFixtures, random_name

URL = os.environ.get("GRAPH_OLAP_TEST_URL")
ADMIN_PASSWORD = os.environ.get("GRAPH_OLAP_TEST_ADMIN_PASSWORD", "")
INTERNAL_KEY = os.environ.get("GRAPH_OLAP_TEST_INTERNAL_API_KEY", "")
REPO = pathlib.Path(os.environ.get("GRAPH_OLAP_TEST_REPO", pathlib.Path(__file__).resolve().parents[3]))

ACCOUNT_GRAPH = {
    "node_definitions": [{
        "label": "Account", "sql": "SELECT account_id, balance FROM accounts",
        "primary_key": {"name": "account_id", "type": "INT64"},
        "properties": [{"name": "balance", "type": "DOUBLE"}]}],
    "edge_definitions": [{
        "type": "TRANSFER", "from_node": "Account", "to_node": "Account",
        "sql": "SELECT from_account_id, to_account_id, amount FROM transfers",
        "from_key": "from_account_id", "to_key": "to_account_id",
        "properties": [{"name": "amount", "type": "DOUBLE"}]}],
}


def pytest_collection_modifyitems(config, items):
    if URL:
        return
    skip = pytest.mark.skip(reason="no server: GRAPH_OLAP_TEST_URL is not set (.ci/python-sdk starts one)")
    for item in items:
        if "offline" not in item.keywords:
            item.add_marker(skip)


def pytest_configure(config):
    config.addinivalue_line("markers", "offline: runs without a server")


@pytest.fixture(scope="session")
def admin() -> GraphOLAPClient:
    with GraphOLAPClient(URL, username="admin", password=ADMIN_PASSWORD) as client:
        yield client


@pytest.fixture(scope="session")
def analyst_credentials(admin) -> tuple[str, str]:
    name, password = random_name("ana"), "analyst-pw-123"
    admin.admin.create_user(name, password, roles=["analyst"])
    return name, password


@pytest.fixture(scope="session")
def analyst(analyst_credentials) -> GraphOLAPClient:
    with GraphOLAPClient(URL, username=analyst_credentials[0], password=analyst_credentials[1]) as client:
        yield client


@pytest.fixture(scope="session")
def session_fixtures(admin):
    fixtures = TestFixtures(admin, prefix="sdk-session")
    yield fixtures
    fixtures.cleanup()
    assert not fixtures.cleanup_errors, fixtures.cleanup_errors


@pytest.fixture(scope="session")
def demo_definitions() -> dict:
    return json.loads((REPO / "docs" / "demo-mapping.json").read_text())


@pytest.fixture(scope="session")
def demo_mapping(session_fixtures, demo_definitions):
    return session_fixtures.create_mapping(name=random_name("sdk-demo"), description=demo_definitions["description"],
                                           node_definitions=demo_definitions["node_definitions"],
                                           edge_definitions=demo_definitions["edge_definitions"])


@pytest.fixture(scope="session")
def demo_snapshot(session_fixtures, demo_mapping):
    return session_fixtures.create_snapshot(mapping_id=demo_mapping.id)


@pytest.fixture(scope="session")
def demo_instance(session_fixtures, demo_snapshot):
    return session_fixtures.create_instance(snapshot_id=demo_snapshot.id)


@pytest.fixture(scope="session")
def conn(admin, demo_instance):
    return admin.instances.connect(demo_instance.id)


@pytest.fixture(scope="session")
def account_conn(admin, session_fixtures):
    """An instance of accounts and transfers only: vertex keys are unique, so results compare by key."""
    mapping = session_fixtures.create_mapping(name=random_name("sdk-accounts"), **ACCOUNT_GRAPH)
    snapshot = session_fixtures.create_snapshot(mapping_id=mapping.id)
    instance = session_fixtures.create_instance(snapshot_id=snapshot.id)
    return admin.instances.connect(instance.id)
