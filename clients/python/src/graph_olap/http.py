"""The one HTTP client every resource uses: authentication, retries and error mapping."""

from __future__ import annotations

import email.utils
import random
import threading
import time
from typing import Any, Callable

import httpx

from graph_olap import __version__
from graph_olap.config import Config
from graph_olap.exceptions import GraphOLAPError, ServerError, TimeoutError, error_for

RETRY_STATUSES = frozenset({429, 502, 503, 504})
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS"})
MAX_BACKOFF_SECONDS = 30.0


def parse_retry_after(value: str | None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


class HTTPClient:
    """Sends requests to the server and turns answers into data or exceptions.

    A call is retried up to ``max_retries`` times, with exponential backoff and jitter (or the
    server's ``Retry-After`` when it sends one), when it failed on a connection error or answered
    429, 502, 503 or 504. Only calls that may be repeated are retried: GET, PUT and DELETE, POSTs the
    caller marks ``idempotent`` (queries), and any call that never reached the server (a refused
    connection, or 429, which the server answers before doing any work).
    """

    def __init__(self, config: Config, *, transport: httpx.BaseTransport | None = None,
                 sleep: Callable[[float], None] = time.sleep):
        self._config = config
        self._sleep = sleep
        self._token_lock = threading.Lock()
        self._token: str | None = None
        headers = {"Accept": "application/json", "User-Agent": f"graph-olap-sdk/{__version__}"}
        self._client = httpx.Client(base_url=config.api_url, headers=headers,
                                    timeout=config.timeout, transport=transport)

    @property
    def config(self) -> Config:
        return self._config

    def close(self) -> None:
        self._client.close()

    # -- authentication ---------------------------------------------------------------------
    def _auth_headers(self) -> dict[str, str]:
        c = self._config
        if c.internal_api_key:
            return {"X-Internal-Api-Key": c.internal_api_key}
        if c.api_key:
            return {"Authorization": f"Bearer {c.api_key}"}
        if c.username and c.password:
            return {"Authorization": f"Bearer {self._access_token()}"}
        if c.username:
            return {"X-Username": c.username}
        return {}

    def _access_token(self, *, renew: bool = False) -> str:
        with self._token_lock:
            if self._token is None or renew:
                self._token = self.login(self._config.username or "", self._config.password or "")["access_token"]
            return self._token

    def login(self, username: str, password: str) -> dict[str, Any]:
        """``POST /api/auth/login``: the access token answer (``access_token``, ``expires_in`` …)."""
        response = self._send("POST", "/api/auth/login", params=None,
                              json={"username": username, "password": password}, headers={}, idempotent=True)
        if not response.is_success:
            raise self._error(response)
        return self._decode(response)

    # -- requests -----------------------------------------------------------------------------
    def request(self, method: str, path: str, *, params: dict | None = None, json: Any = None,
                headers: dict[str, str] | None = None, idempotent: bool | None = None,
                timeout: float | None = None) -> Any:
        """Sends one call and answers its decoded JSON body ({} for 204)."""
        return self._decode(self.raw(method, path, params=params, json=json, headers=headers,
                                     idempotent=idempotent, timeout=timeout))

    def raw(self, method: str, path: str, *, params: dict | None = None, json: Any = None,
            headers: dict[str, str] | None = None, idempotent: bool | None = None,
            timeout: float | None = None) -> httpx.Response:
        """Sends one call and answers the successful ``httpx.Response`` (errors are raised);
        ``timeout`` (seconds) replaces the client's for this call."""
        all_headers = dict(self._auth_headers())
        if headers:
            all_headers.update(headers)
        response = self._send(method, path, params=params, json=json, headers=all_headers, idempotent=idempotent,
                              timeout=timeout)
        if response.status_code == 401 and self._config.password and not self._config.api_key \
                and not self._config.internal_api_key:
            # An access token lasts an hour: log in again once and repeat the call.
            all_headers["Authorization"] = f"Bearer {self._access_token(renew=True)}"
            response = self._send(method, path, params=params, json=json, headers=all_headers,
                                  idempotent=idempotent, timeout=timeout)
        if response.is_success:
            return response
        raise self._error(response)

    def _send(self, method: str, path: str, *, params: dict | None, json: Any, headers: dict[str, str],
              idempotent: bool | None, timeout: float | None = None) -> httpx.Response:
        repeatable = method.upper() in IDEMPOTENT_METHODS if idempotent is None else idempotent
        params = {k: _param(v) for k, v in (params or {}).items() if v is not None}
        attempt = 0
        while True:
            try:
                response = self._client.request(method, path, params=params or None, json=json, headers=headers,
                                                timeout=self._config.timeout if timeout is None else timeout)
            except (httpx.ConnectError, httpx.ConnectTimeout) as e:
                # The request never reached the server: repeating it is always safe.
                if attempt >= self._config.max_retries:
                    raise ServerError(f"cannot reach {self._config.api_url}: {e}") from e
                self._backoff(attempt, None)
                attempt += 1
                continue
            except (httpx.ReadError, httpx.RemoteProtocolError, httpx.ReadTimeout, httpx.WriteError) as e:
                if not repeatable or attempt >= self._config.max_retries:
                    if isinstance(e, httpx.ReadTimeout):
                        raise TimeoutError(f"{method} {path}: no answer within the client's timeout") from e
                    raise ServerError(f"{method} {path} failed: {e!r}") from e
                self._backoff(attempt, None)
                attempt += 1
                continue
            retry_after = parse_retry_after(response.headers.get("Retry-After"))
            if response.status_code in RETRY_STATUSES and attempt < self._config.max_retries \
                    and (repeatable or response.status_code == 429) \
                    and (retry_after is None or retry_after <= MAX_BACKOFF_SECONDS):
                # A server that asks for a longer wait than MAX_BACKOFF_SECONDS gets its error
                # raised (RateLimitError.retry_after says how long) rather than a blocked caller.
                self._backoff(attempt, retry_after)
                attempt += 1
                continue
            return response

    def _backoff(self, attempt: int, retry_after: float | None) -> None:
        if retry_after is not None:
            delay = retry_after
        else:
            delay = min(MAX_BACKOFF_SECONDS, 0.5 * (2 ** attempt)) * (0.5 + random.random() / 2)
        self._sleep(min(delay, MAX_BACKOFF_SECONDS))

    @staticmethod
    def _decode(response: httpx.Response) -> Any:
        if response.status_code == 204 or not response.content:
            return {}
        content_type = response.headers.get("Content-Type", "")
        if "json" not in content_type:
            return response.text
        try:
            return response.json()
        except ValueError as e:
            raise ServerError(f"the server answered invalid JSON: {response.text[:200]!r}",
                              status_code=response.status_code) from e

    @staticmethod
    def _error(response: httpx.Response) -> GraphOLAPError:
        try:
            body = response.json()
        except ValueError:
            body = None
        error = error_for(response.status_code, body,
                          retry_after=parse_retry_after(response.headers.get("Retry-After")))
        if body is None and response.text:
            error.details.setdefault("body", response.text[:500])
        return error

    # -- shortcuts ----------------------------------------------------------------------------
    def get(self, path: str, params: dict | None = None) -> Any:
        return self.request("GET", path, params=params)

    def post(self, path: str, json: Any = None, *, params: dict | None = None, idempotent: bool | None = None,
             timeout: float | None = None) -> Any:
        return self.request("POST", path, json=json, params=params, idempotent=idempotent, timeout=timeout)

    def put(self, path: str, json: Any = None) -> Any:
        return self.request("PUT", path, json=json)

    def delete(self, path: str, json: Any = None) -> Any:
        return self.request("DELETE", path, json=json)


def _param(value: Any) -> Any:
    if isinstance(value, bool):
        return "true" if value else "false"
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value

