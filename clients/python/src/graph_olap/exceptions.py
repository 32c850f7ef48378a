"""The SDK's exception hierarchy (seed 001), mapped from the server's error envelope.

Every error the server answers becomes one of these classes, chosen by the envelope's ``code``
first and the HTTP status second. Each carries what the server said: ``code``, ``message``,
``details`` (for validation errors ``details["field"]`` names the field), the HTTP
``status_code`` and, for server errors, the ``reference`` that the server log repeats.
"""

from __future__ import annotations

import builtins
from typing import Any


class GraphOLAPError(Exception):
    """Base class of every error raised by the SDK."""

    def __init__(
        self,
        message: str,
        details: dict[str, Any] | None = None,
        *,
        code: str | None = None,
        status_code: int | None = None,
        reference: str | None = None,
    ):
        super().__init__(message)
        self.message = message
        self.details = details or {}
        self.code = code
        self.status_code = status_code
        self.reference = reference

    @property
    def field(self) -> str | None:
        """The request field the server named, when it named one."""
        value = self.details.get("field")
        return value if isinstance(value, str) else None

    def __str__(self) -> str:
        parts = [self.message]
        if self.code:
            parts.insert(0, f"[{self.code}]")
        if self.reference:
            parts.append(f"(reference {self.reference})")
        return " ".join(parts)


class AuthenticationError(GraphOLAPError):
    """401: no valid credential came with the call."""


class PermissionDeniedError(GraphOLAPError):
    """403: the caller's roles do not allow the call."""


ForbiddenError = PermissionDeniedError
"""The seed names the 403 error both ways; they are one class."""


class NotFoundError(GraphOLAPError):
    """404: the resource does not exist (or the route is unknown)."""


class ValidationError(GraphOLAPError):
    """400 (and 406, 413, 415): the request is not acceptable; ``field`` names what is wrong."""


class ConflictError(GraphOLAPError):
    """409: the request conflicts with the resource's current state."""


class ResourceLockedError(ConflictError):
    """409 RESOURCE_LOCKED: another algorithm runs on the instance (``details`` names the holder)."""


class ConcurrencyLimitError(ConflictError):
    """409 or 429 CONCURRENCY_LIMIT_EXCEEDED: too many instances or queries at once."""


class DependencyError(ConflictError):
    """409 RESOURCE_HAS_DEPENDENCIES: other resources still depend on this one."""


class InvalidStateError(ConflictError):
    """409 INVALID_STATE: the resource is not in a state that allows the operation."""


class MemoryLimitError(ConflictError):
    """409 MEMORY_LIMIT_EXCEEDED: the graph or the algorithm does not fit in the memory budget."""


class TimeoutError(GraphOLAPError, builtins.TimeoutError):
    """408 from the server, or a wait (``wait_until_ready`` …) that ran past its timeout."""


class QueryTimeoutError(TimeoutError):
    """408 TIMEOUT on a query or an algorithm run."""


class RateLimitError(GraphOLAPError):
    """429: too many requests; ``retry_after`` is the server's Retry-After in seconds."""

    @property
    def retry_after(self) -> float | None:
        value = self.details.get("retry_after")
        return float(value) if isinstance(value, (int, float)) else None


class ServerError(GraphOLAPError):
    """5xx: the server failed; ``reference`` points at the server log line."""


class ServiceUnavailableError(ServerError):
    """503: a dependency is down, an engine is unavailable or maintenance mode is on."""


class MaintenanceError(ServiceUnavailableError):
    """503 MAINTENANCE_MODE: the platform refuses new work for now (``message`` says why)."""


class SnapshotFailedError(GraphOLAPError):
    """A snapshot being waited for ended ``failed``."""


class InstanceFailedError(GraphOLAPError):
    """An instance being waited for ended ``failed`` (or ``terminated``)."""


class AlgorithmFailedError(GraphOLAPError):
    """An algorithm execution being waited for ended ``failed`` or ``cancelled``."""


_BY_CODE: dict[str, type[GraphOLAPError]] = {
    "UNAUTHORIZED": AuthenticationError,
    "PERMISSION_DENIED": PermissionDeniedError,
    "FORBIDDEN": PermissionDeniedError,
    "NOT_FOUND": NotFoundError,
    "VALIDATION_FAILED": ValidationError,
    "RESOURCE_LOCKED": ResourceLockedError,
    "CONCURRENCY_LIMIT_EXCEEDED": ConcurrencyLimitError,
    "RESOURCE_HAS_DEPENDENCIES": DependencyError,
    "INVALID_STATE": InvalidStateError,
    "MEMORY_LIMIT_EXCEEDED": MemoryLimitError,
    "CONFLICT": ConflictError,
    "TIMEOUT": QueryTimeoutError,
    "RATE_LIMITED": RateLimitError,
    "MAINTENANCE_MODE": MaintenanceError,
}

_BY_STATUS: dict[int, type[GraphOLAPError]] = {
    400: ValidationError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    406: ValidationError,
    408: QueryTimeoutError,
    409: ConflictError,
    413: ValidationError,
    415: ValidationError,
    422: ValidationError,
    429: RateLimitError,
    503: ServiceUnavailableError,
}


def error_for(status_code: int, body: Any, *, retry_after: float | None = None) -> GraphOLAPError:
    """The exception for an error answer: ``body`` is the decoded JSON (or None when it was not JSON)."""
    error = body.get("error") if isinstance(body, dict) else None
    if not isinstance(error, dict):
        error = {}
    code = error.get("code") if isinstance(error.get("code"), str) else None
    message = error.get("message") if isinstance(error.get("message"), str) else None
    details = error.get("details") if isinstance(error.get("details"), dict) else {}
    details = dict(details)
    reference = error.get("reference") or details.get("reference")
    if retry_after is not None:
        details.setdefault("retry_after", retry_after)
    cls = _BY_CODE.get(code or "")
    if cls is None:
        cls = _BY_STATUS.get(status_code)
    if cls is None:
        cls = ServerError if status_code >= 500 else GraphOLAPError
    if message is None:
        message = f"HTTP {status_code}"
    return cls(message, details, code=code, status_code=status_code,
               reference=str(reference) if reference is not None else None)
