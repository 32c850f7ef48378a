"""Mappings: node and edge definitions over SQL, and their versions."""

from __future__ import annotations

import dataclasses
from datetime import datetime
from typing import Any

from graph_olap.models.common import Model


@dataclasses.dataclass
class PropertyDefinition:
    name: str
    type: str = "STRING"

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "type": self.type}


def _prop(p: Any) -> dict[str, Any]:
    if isinstance(p, PropertyDefinition):
        return p.to_dict()
    if isinstance(p, (tuple, list)):
        return {"name": p[0], "type": p[1]}
    return dict(p)


@dataclasses.dataclass
class NodeDefinition:
    """One node label: its SQL, primary key ``{name, type}`` and properties."""

    label: str
    sql: str
    primary_key: dict[str, Any]
    properties: list[Any] = dataclasses.field(default_factory=list)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "NodeDefinition":
        return cls(label=d.get("label"), sql=d.get("sql"), primary_key=d.get("primary_key") or {},
                   properties=[PropertyDefinition(**p) for p in d.get("properties") or []])

    def to_dict(self) -> dict[str, Any]:
        return {"label": self.label, "sql": self.sql, "primary_key": dict(self.primary_key),
                "properties": [_prop(p) for p in self.properties]}


@dataclasses.dataclass
class EdgeDefinition:
    """One edge type: its SQL, the labels it joins and the key columns naming them."""

    type: str
    from_node: str
    to_node: str
    sql: str
    from_key: str
    to_key: str
    properties: list[Any] = dataclasses.field(default_factory=list)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "EdgeDefinition":
        return cls(type=d.get("type"), from_node=d.get("from_node"), to_node=d.get("to_node"), sql=d.get("sql"),
                   from_key=d.get("from_key"), to_key=d.get("to_key"),
                   properties=[PropertyDefinition(**p) for p in d.get("properties") or []])

    def to_dict(self) -> dict[str, Any]:
        return {"type": self.type, "from_node": self.from_node, "to_node": self.to_node, "sql": self.sql,
                "from_key": self.from_key, "to_key": self.to_key,
                "properties": [_prop(p) for p in self.properties]}


@dataclasses.dataclass
class Mapping(Model):
    id: int | None = None
    name: str | None = None
    description: str | None = None
    owner: str | None = None
    current_version: int | None = None
    node_definitions: list[NodeDefinition] = dataclasses.field(default_factory=list)
    edge_definitions: list[EdgeDefinition] = dataclasses.field(default_factory=list)
    ttl: str | None = None
    inactivity_timeout: str | None = None
    change_description: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None

    _nested = {"node_definitions": NodeDefinition, "edge_definitions": EdgeDefinition}


@dataclasses.dataclass
class MappingVersion(Model):
    mapping_id: int | None = None
    version: int | None = None
    change_description: str | None = None
    node_definitions: list[NodeDefinition] = dataclasses.field(default_factory=list)
    edge_definitions: list[EdgeDefinition] = dataclasses.field(default_factory=list)
    created_by: str | None = None
    created_at: datetime | None = None

    _nested = {"node_definitions": NodeDefinition, "edge_definitions": EdgeDefinition}
