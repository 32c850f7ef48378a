-- The server node that ran each background job last (nodes sharing this database record their runs here).
ALTER TABLE background_jobs ADD COLUMN last_node VARCHAR(255);
