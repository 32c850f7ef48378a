-- Function libraries (seed 003). Global libraries have an empty bucket and scope; a scoped
-- library's bucket is an organisation name and its scope a namespace inside it.
CREATE TABLE function_libraries (
    bucket      VARCHAR(64)  NOT NULL,
    scope       VARCHAR(64)  NOT NULL,
    name        VARCHAR(64)  NOT NULL,
    language    VARCHAR(16)  NOT NULL,
    code        TEXT         NOT NULL,
    updated_by  VARCHAR(255) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (bucket, scope, name)
);

CREATE INDEX function_libraries_name ON function_libraries (name);
