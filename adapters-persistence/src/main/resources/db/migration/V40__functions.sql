-- User-defined functions (seed 000). language is the wire name (js, python), the seed's `type`; parameters are JSON text ([{"name","type"}]);
-- editors and runners are comma-separated usernames; imports (the libraries the code imports, found
-- at save time) is ',a,b,' so that one library is found with LIKE '%,name,%'. An alias is unique within its organisation
-- (NULL aliases do not collide). Portable between H2 (PostgreSQL mode) and PostgreSQL.
CREATE TABLE functions (
    uuid          VARCHAR(36)   NOT NULL PRIMARY KEY,
    alias         VARCHAR(64),
    organization  VARCHAR(64)   NOT NULL,
    language      VARCHAR(16)   NOT NULL,
    author        VARCHAR(64)   NOT NULL,
    enabled       BOOLEAN       NOT NULL,
    load_dataset  VARCHAR(255),
    load_data_code VARCHAR(200000),
    execute_code  VARCHAR(200000) NOT NULL,
    engine        VARCHAR(8)    NOT NULL,
    output_type   VARCHAR(8)    NOT NULL,
    output_format VARCHAR(8)    NOT NULL,
    parameters    VARCHAR(100000) NOT NULL,
    editors       VARCHAR(20000) NOT NULL,
    runners       VARCHAR(20000) NOT NULL,
    imports       VARCHAR(20000) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE UNIQUE INDEX functions_org_alias ON functions (organization, alias);
CREATE INDEX functions_org_created ON functions (organization, created_at);
