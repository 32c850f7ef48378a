-- Operator settings of /api/config/*: one row per section (lifecycle, concurrency, maintenance,
-- export), its settings as JSON text. A section without a row has the server's configured defaults.
CREATE TABLE platform_config (
    section    VARCHAR(32)   NOT NULL PRIMARY KEY,
    settings   VARCHAR(8000) NOT NULL,
    updated_by VARCHAR(255),
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
