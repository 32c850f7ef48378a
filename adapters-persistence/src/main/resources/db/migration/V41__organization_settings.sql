-- Per-organisation switches set by admins; an organisation without a row has the defaults
-- (UDF creation on).
CREATE TABLE organization_settings (
    organization          VARCHAR(64)  NOT NULL PRIMARY KEY,
    udf_creation_enabled  BOOLEAN      NOT NULL,
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by            VARCHAR(64)  NOT NULL
);
