"""Instances and their start-up progress."""

from __future__ import annotations

import dataclasses
from datetime import datetime

from graph_olap.models.common import Model
from graph_olap.models.snapshot import _Progress


@dataclasses.dataclass
class Instance(Model):
    id: int | None = None
    snapshot_id: int | None = None
    dataset_id: str | None = None
    name: str | None = None
    description: str | None = None
    owner: str | None = None
    status: str | None = None
    engine: str | None = None
    cpu_cores: int | None = None
    instance_url: str | None = None
    error_message: str | None = None
    memory_bytes: int | None = None
    ttl: str | None = None
    inactivity_timeout: str | None = None
    expires_at: datetime | None = None
    last_activity_at: datetime | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None


@dataclasses.dataclass
class InstanceProgress(_Progress):
    """Start-up progress: steps ``estimate``, ``read_files``, ``build``, ``ready``."""
