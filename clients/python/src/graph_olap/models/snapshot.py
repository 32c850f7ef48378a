"""Snapshots and their export progress."""

from __future__ import annotations

import dataclasses
from datetime import datetime
from typing import Any

from graph_olap.models.common import Model


@dataclasses.dataclass
class Snapshot(Model):
    id: int | None = None
    mapping_id: int | None = None
    mapping_version: int | None = None
    name: str | None = None
    description: str | None = None
    owner: str | None = None
    status: str | None = None
    error_message: str | None = None
    node_counts: dict[str, int] | None = None
    edge_counts: dict[str, int] | None = None
    size_bytes: int | None = None
    ttl: str | None = None
    inactivity_timeout: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None


@dataclasses.dataclass
class _Progress(Model):
    id: int | None = None
    status: str | None = None
    phase: str | None = None
    started_at: datetime | None = None
    steps: list[dict[str, Any]] = dataclasses.field(default_factory=list)
    current_step: str | None = None
    progress_percent: int = 0
    estimated_remaining_seconds: int | None = None
    error_message: str | None = None

    @property
    def completed_steps(self) -> int:
        """Number of completed steps."""
        return sum(1 for s in self.steps or [] if s.get("status") == "completed")

    @property
    def total_steps(self) -> int:
        """Total number of steps."""
        return len(self.steps or [])


@dataclasses.dataclass
class SnapshotProgress(_Progress):
    """Export progress: one step per node and edge definition (``node:Customer``, with ``rows``)."""
