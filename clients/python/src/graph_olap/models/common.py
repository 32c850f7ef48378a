"""The base of every model: typed fields from the server's JSON, and nothing of it lost."""

from __future__ import annotations

import dataclasses
import re
from datetime import datetime, timezone
from typing import Any, ClassVar

_FRACTION = re.compile(r"\.(\d+)")


def parse_datetime(value: Any) -> Any:
    """An ISO-8601 timestamp as an aware ``datetime`` (other values unchanged)."""
    if not isinstance(value, str):
        return value
    text = value.strip()
    if text.endswith("Z"):
        text = text[:-1] + "+00:00"
    # Python before 3.11 reads at most six fractional digits; the server writes up to nine.
    text = _FRACTION.sub(lambda m: "." + (m.group(1) + "000000")[:6], text, count=1)
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return value
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


@dataclasses.dataclass
class Model:
    """A resource as the server sent it.

    Declared fields are typed (timestamps named ``*_at`` become ``datetime``); every field of the
    JSON, declared or not, stays readable as an attribute and in ``to_dict()``, so fields the
    server adds later are never lost.
    """

    raw: dict[str, Any] = dataclasses.field(default_factory=dict, repr=False, compare=False)

    _nested: ClassVar[dict[str, Any]] = {}

    @classmethod
    def from_dict(cls, data: dict[str, Any]):
        data = dict(data or {})
        values: dict[str, Any] = {}
        for f in dataclasses.fields(cls):
            if f.name == "raw" or f.name not in data:
                continue
            value = data[f.name]
            nested = cls._nested.get(f.name)
            if nested is not None and value is not None:
                value = [nested.from_dict(v) for v in value] if isinstance(value, list) else nested.from_dict(value)
            elif f.name.endswith("_at") or f.name in ("last_refresh", "since"):
                value = parse_datetime(value)
            values[f.name] = value
        return cls(raw=data, **values)

    from_api_response = from_dict

    def to_dict(self) -> dict[str, Any]:
        """The JSON object the server sent."""
        return dict(self.raw)

    def __getattr__(self, name: str) -> Any:
        raw = self.__dict__.get("raw")
        if raw is not None and name in raw:
            return raw[name]
        raise AttributeError(f"{type(self).__name__} has no field {name!r}")

    def __getitem__(self, key: str) -> Any:
        return self.raw[key]

    def get(self, key: str, default: Any = None) -> Any:
        return self.raw.get(key, default)


@dataclasses.dataclass
class Favorite(Model):
    resource_type: str | None = None
    resource_id: int | None = None
    resource_name: str | None = None
    created_at: datetime | None = None


@dataclasses.dataclass
class HealthStatus(Model):
    status: str | None = None
    version: str | None = None
    components: dict[str, Any] | None = None

    @property
    def database(self) -> str | None:
        """The metadata database's status (``up``/``down``), from ``/ready``."""
        if "database" in self.raw:
            return self.raw["database"]
        component = (self.components or {}).get("metadata_database")
        return component.get("status") if isinstance(component, dict) else None


@dataclasses.dataclass
class LockStatus(Model):
    """Instance lock status for algorithm execution."""

    locked: bool = False
    holder_id: str | None = None
    holder_name: str | None = None
    algorithm: str | None = None
    execution_id: str | None = None
    locked_at: datetime | None = None
