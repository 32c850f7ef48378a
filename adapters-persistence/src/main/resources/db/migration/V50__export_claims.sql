-- Export claims: any server node sharing this database claims a snapshot's export by setting
-- claimed_by (its node id) and lease_expires_at, renews the lease while it exports, and loses the
-- claim when the lease runs out; attempts counts the claims of the current export (a retry resets it).
ALTER TABLE snapshots ADD COLUMN claimed_by VARCHAR(255);
ALTER TABLE snapshots ADD COLUMN lease_expires_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE snapshots ADD COLUMN attempts INTEGER DEFAULT 0 NOT NULL;
