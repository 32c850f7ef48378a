-- Per-user bookmarks of mappings, snapshots and instances. The resource is not a foreign key:
-- favorites point at several tables, and listing skips resources deleted since.
CREATE TABLE favorites (
    username      VARCHAR(255) NOT NULL,
    resource_type VARCHAR(32)  NOT NULL,
    resource_id   BIGINT       NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (username, resource_type, resource_id)
);
