"""Retries: a proxy in front of the real server answers 503 / 429 first, then lets calls through."""

from __future__ import annotations

import http.server
import socket
import threading
import urllib.parse
import urllib.request

import pytest

from graph_olap import GraphOLAPClient, ServerError, ServiceUnavailableError
from graph_olap.http import parse_retry_after

from conftest import ADMIN_PASSWORD, URL


class FlakyProxy:
    """Forwards to the server; the next ``failures`` requests get ``status`` with ``Retry-After`` instead."""

    def __init__(self, target: str):
        self.target = target
        self.failures: list[tuple[int, str | None]] = []
        self.seen: list[str] = []
        proxy = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _handle(self):
                proxy.seen.append(f"{self.command} {self.path}")
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else None
                if proxy.failures:
                    status, retry_after = proxy.failures.pop(0)
                    payload = b'{"error":{"code":"UNAVAILABLE","message":"injected by the test proxy","details":{}}}'
                    self.send_response(status)
                    if retry_after is not None:
                        self.send_header("Retry-After", retry_after)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(payload)))
                    self.end_headers()
                    self.wfile.write(payload)
                    return
                headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "content-length")}
                request = urllib.request.Request(proxy.target + self.path, data=body, headers=headers,
                                                 method=self.command)
                try:
                    with urllib.request.urlopen(request) as answer:
                        status, answer_headers, payload = answer.status, answer.headers, answer.read()
                except urllib.error.HTTPError as e:
                    status, answer_headers, payload = e.code, e.headers, e.read()
                self.send_response(status)
                for k, v in answer_headers.items():
                    if k.lower() not in ("transfer-encoding", "connection", "content-length"):
                        self.send_header(k, v)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            do_GET = do_POST = do_PUT = do_DELETE = _handle

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def proxy():
    p = FlakyProxy(URL)
    yield p
    p.close()


def _client(url: str, **kwargs) -> tuple[GraphOLAPClient, list[float]]:
    client = GraphOLAPClient(url, username="admin", password=ADMIN_PASSWORD, **kwargs)
    sleeps: list[float] = []
    client._http._sleep = sleeps.append
    client.auth.me()  # logs in before failures are injected
    return client, sleeps


def test_a_get_is_retried_after_503_honouring_retry_after(proxy, demo_mapping):
    client, sleeps = _client(proxy.url)
    proxy.failures += [(503, "2"), (502, None)]
    mapping = client.mappings.get(demo_mapping.id)
    assert mapping.id == demo_mapping.id
    assert sleeps[0] == 2.0 and 0 < sleeps[1] <= 30 and len(sleeps) == 2
    assert len([s for s in proxy.seen if s.startswith(f"GET /api/mappings/{demo_mapping.id}")]) == 3


def test_retries_stop_at_max_retries(proxy, demo_mapping):
    client, sleeps = _client(proxy.url, max_retries=2)
    proxy.failures += [(503, "0")] * 3
    with pytest.raises(ServiceUnavailableError) as e:
        client.mappings.get(demo_mapping.id)
    assert e.value.status_code == 503 and len(sleeps) == 2


def test_a_post_is_not_retried_after_503_but_after_429(proxy, demo_definitions):
    client, sleeps = _client(proxy.url)
    proxy.failures += [(503, "1")]
    with pytest.raises(ServiceUnavailableError):
        client.mappings.create("sdk-never-made", "", demo_definitions["node_definitions"], [])
    assert sleeps == []
    proxy.failures += [(429, "1")]
    assert client.auth.create_api_key("sdk-after-429")["key"]
    assert sleeps == [1.0]


def test_connection_errors_are_retried_then_raised():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    client = GraphOLAPClient(f"http://127.0.0.1:{port}", max_retries=2)
    sleeps: list[float] = []
    client._http._sleep = sleeps.append
    with pytest.raises(ServerError) as e:
        client.health.check()
    assert "cannot reach" in e.value.message and len(sleeps) == 2


@pytest.mark.offline
def test_retry_after_as_seconds_or_http_date():
    assert parse_retry_after("7") == 7.0
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0
    assert parse_retry_after("soon") is None
