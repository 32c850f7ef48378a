-- The server node an instance is placed on (holds or loads its graph); NULL while it waits for its
-- snapshot (placed when the snapshot is ready) and for instances made before nodes were recorded.
ALTER TABLE instances ADD COLUMN node_id VARCHAR(255);
CREATE INDEX instances_node_status ON instances (node_id, status);
