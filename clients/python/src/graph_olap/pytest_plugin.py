"""pytest fixtures for code that uses the SDK, registered as a pytest plugin when the package is
installed: ``graph_olap_client`` (a client from the GRAPH_OLAP_* variables, one per session) and
``graph_olap_fixtures`` (a TestFixtures whose resources are deleted after each test)."""

from __future__ import annotations

import pytest

from graph_olap.client import GraphOLAPClient
from graph_olap.testing import TestFixtures


@pytest.fixture(scope="session")
def graph_olap_client():
    with GraphOLAPClient.from_env() as client:
        yield client


@pytest.fixture
def graph_olap_fixtures(graph_olap_client):
    fixtures = TestFixtures(graph_olap_client)
    yield fixtures
    fixtures.cleanup()
