"""InstanceConnection: queries, DataFrames, algorithms and the NetworkX export."""

from __future__ import annotations

import importlib.util
import os

import pytest

from graph_olap import NotFoundError, ValidationError
from graph_olap.instance import frames
from graph_olap.instance.connection import vertex_name
from graph_olap.models import AlgorithmExecution, QueryResult

# The NetworkX exports read the whole graph through the data plane, which no metadata database
# takes part in: they run once per CI run, against H2 metadata, to keep .ci/python-sdk short.
data_plane_only = pytest.mark.skipif(os.environ.get("GRAPH_OLAP_TEST_METADATA") == "postgres",
                                     reason="data plane only (no metadata database involved): runs in the H2 pass")

CUSTOMERS = "g.V().hasLabel('Customer').has('country', c).order().by('name').limit(5)" \
            ".project('name', 'country', 'risk_score', 'is_verified').by('name').by('country').by('risk_score').by('is_verified')"


def test_query_answers_rows_as_dicts(conn):
    result = conn.query("g.V().hasLabel('Customer').has('country', c).count()", {"c": "FR"})
    assert isinstance(result, QueryResult) and result.engine == "cpu" and result.row_count == 1
    assert result.scalar() > 0 and list(result) == [{"result": result.scalar()}]
    frame = conn.query(CUSTOMERS, {"c": "DE"}).to_df()
    assert list(frame.columns) == ["name", "country", "risk_score", "is_verified"] and set(frame["country"]) == {"DE"}


def test_query_scalar_and_query_one(conn):
    assert conn.query_scalar("g.V().count()") == 35000
    assert conn.query_scalar("g.E().hasLabel('TRANSFER').count()") == 30000
    one = conn.query_one("g.V().hasLabel('Merchant').limit(1).project('name', 'category').by('name').by('category')")
    assert set(one) == {"name", "category"}
    assert conn.query_one("g.V().hasLabel('Nobody')") is None


def test_query_df_with_pandas_from_csv(conn, monkeypatch):
    monkeypatch.setattr(frames, "have_pyarrow", lambda: False)
    from graph_olap.instance import connection

    monkeypatch.setattr(connection, "have_pyarrow", lambda: False)
    df = conn.query_df(CUSTOMERS, {"c": "FR"})
    assert df.attrs["format"] == "csv" and df.attrs["engine"] == "cpu"
    assert list(df.columns) == ["name", "country", "risk_score", "is_verified"] and len(df) == 5
    assert set(df["country"]) == {"FR"}
    assert str(df["risk_score"].dtype) == "float64" and str(df["is_verified"].dtype) == "bool"
    assert list(df["name"]) == sorted(df["name"])
    times = conn.query_df("g.V().hasLabel('Customer').limit(3).project('created_at', 'name').by('created_at').by('name')")
    assert str(times["created_at"].dtype) == "datetime64[ns, UTC]" and times["created_at"].iloc[0].year == 2022
    dates = conn.query_df("g.V().hasLabel('Account').limit(3).values('opened_on')")
    assert str(dates.iloc[:, 0].dtype) == "datetime64[ns]"
    counts = conn.query_df("g.V().hasLabel('Customer').groupCount().by('country')")
    assert counts.iloc[0].sum() == 10000


@pytest.mark.skipif(importlib.util.find_spec("pyarrow") is None,
                    reason="pyarrow is not installed (not packaged in Debian 12): the CSV path is what runs here")
def test_query_df_with_pandas_from_arrow(conn):
    df = conn.query_df(CUSTOMERS, {"c": "FR"}, format="arrow")
    assert df.attrs["format"] == "arrow" and len(df) == 5 and str(df["risk_score"].dtype) == "float64"


@pytest.mark.skipif(importlib.util.find_spec("polars") is None, reason="polars is not installed (not packaged in Debian)")
def test_query_df_with_polars(conn):
    df = conn.query_df("g.V().hasLabel('Customer').limit(3).values('name')", backend="polars")
    assert df.height == 3


def test_query_df_rejects_unknown_backend_and_format(conn):
    with pytest.raises(ValueError):
        conn.query_df("g.V().limit(1)", backend="spark")
    with pytest.raises(ValueError):
        conn.query_df("g.V().limit(1)", format="xml")


def test_cypher_goes_as_is_with_its_language(conn):
    assert conn.query_scalar("MATCH (c:Customer) RETURN count(c)") == 10000
    top = conn.query_df("MATCH (c:Customer)-[:OWNS]->(a:Account) RETURN c.country AS country, count(a) AS accounts "
                        "ORDER BY accounts DESC LIMIT 3")
    assert list(top.columns) == ["country", "accounts"] and len(top) == 3
    assert top["accounts"].is_monotonic_decreasing
    one = conn.query_one("MATCH (c:Customer) WHERE id(c) = $id RETURN c.name AS name, id(c) AS id", {"id": "Customer:1"})
    assert one["id"] == "Customer:1"
    ranks = conn.query_df("CALL grapholap.pagerank({iterations: 5}) YIELD id, rank RETURN id, rank ORDER BY rank DESC LIMIT 10")
    assert len(ranks) == 10 and ranks["rank"].is_monotonic_decreasing


def test_algorithms_stream_stats_and_mutate(conn):
    ranks = conn.algo.pagerank(damping=0.85, iterations=20)
    assert len(ranks) == 35000 and "rank" in ranks.columns and ranks.attrs["engine"] == "cpu"
    assert abs(ranks["rank"].sum() - 1.0) < 1e-3
    stats = conn.algo.wcc(mode="stats")
    assert stats["count"] == 35000 and "components" in stats
    execution = conn.algo.degree(mode="mutate", mutate_property="sdk_degree")
    assert isinstance(execution, AlgorithmExecution) and execution.status == "completed"
    assert conn.query_scalar("g.V().has('sdk_degree', gt(0)).count()") > 0
    assert any(p["name"] == "sdk_degree" for p in conn.schema()["node_labels"][0]["properties"])
    generic = conn.algo.run("pagerank", mode="stats", iterations=5)
    assert generic["iterations"] == 5
    with pytest.raises(ValidationError) as e:
        conn.algo.pagerank(dampin=0.85)
    assert e.value.field == "dampin"
    with pytest.raises(ValueError):
        conn.algo.pagerank(mode="everything")


def test_algorithm_methods_come_from_the_catalog(conn):
    catalog = conn.algo.catalog()
    if catalog is None:
        with pytest.raises(NotFoundError):
            conn.algo.list()
        pytest.skip("the server has no GET /api/algorithms yet (issue 15): methods are not checked against a catalog")
    names = conn.algo.list()
    assert "pagerank" in names and "pagerank" in dir(conn.algo)
    assert "pagerank" in conn.algo.pagerank.__doc__
    with pytest.raises(AttributeError):
        conn.algo.no_such_algorithm


def test_lock_status_when_idle(conn):
    lock = conn.lock_status()
    assert lock.locked is False and lock.holder_id is None


@data_plane_only
def test_networkx_export_matches_the_graph(conn):
    nx = pytest.importorskip("networkx")
    graph = conn.networkx()
    assert isinstance(graph, nx.MultiDiGraph)
    assert graph.number_of_nodes() == 35000 and graph.number_of_edges() == 83000
    customer = graph.nodes["Customer:1"]
    assert customer["label"] == "Customer" and customer["key"] == 1 and customer["name"]
    owns = [d for _, _, d in graph.out_edges("Customer:1", data=True) if d["label"] == "OWNS"]
    assert owns and all("role" in d for d in owns)


def test_networkx_subgraph_from_a_query(conn):
    pytest.importorskip("networkx")
    sub = conn.networkx("g.E().hasLabel('PAID').limit(100).elementMap()")
    assert sub.number_of_edges() == 100
    assert {d["label"] for _, d in sub.nodes(data=True)} == {"Account", "Merchant"}


@data_plane_only
@pytest.mark.filterwarnings("ignore:networkx.pagerank_scipy is deprecated:DeprecationWarning")
def test_networkx_pagerank_agrees_with_the_server(account_conn):
    nx = pytest.importorskip("networkx")
    pytest.importorskip("scipy")
    ours = account_conn.algo.pagerank(damping=0.85, iterations=100)
    graph = account_conn.networkx()
    theirs = nx.pagerank(graph, alpha=0.85, tol=1e-12, max_iter=1000)
    assert len(theirs) == len(ours) == 15000
    worst = max(abs(theirs[vertex_name("Account", key)] - rank) for key, rank in zip(ours["id"], ours["rank"]))
    assert worst < 1e-6


def test_algorithm_without_waiting_then_its_execution(conn):
    execution = conn.algo.pagerank(mode="stats", wait=False, iterations=3)
    assert execution.status in ("running", "completed") and execution.execution_id
    assert conn.algo.get_execution(execution.execution_id).algorithm == "pagerank"
    done = conn.algo.wait(execution.execution_id, poll_interval=0.05)
    assert done.status == "completed" and done.stats["iterations"] == 3
    assert conn.algo.get_result(execution.execution_id).stats == done.stats


def test_connection_status_and_schema(conn):
    assert conn.status().status == "running"
    schema = conn.schema()
    assert schema["vertex_count"] == 35000 and {n["label"] for n in schema["node_labels"]} == {
        "Customer", "Account", "Device", "Merchant"}
