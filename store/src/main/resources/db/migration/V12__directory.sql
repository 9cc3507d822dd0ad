-- The navigator's public service directory. It shares nothing with the case data: no person, no
-- organisation of the case tables, no key. Each resource is kept as its HSDS 3.0 JSON (with Haven's
-- translation extension), and each change as an HSDS metadata row.
CREATE TABLE directory_resources (
    resource_type VARCHAR(32) NOT NULL,
    id            VARCHAR(36) NOT NULL,
    body          TEXT        NOT NULL,
    PRIMARY KEY (resource_type, id)
);
CREATE TABLE directory_changes (
    seq               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id                VARCHAR(36)  NOT NULL UNIQUE,
    resource_id       VARCHAR(36)  NOT NULL,
    resource_type     VARCHAR(32)  NOT NULL,
    last_action_date  VARCHAR(40)  NOT NULL,
    last_action_type  VARCHAR(40)  NOT NULL,
    field_name        VARCHAR(100) NOT NULL,
    previous_value    TEXT         NOT NULL,
    replacement_value TEXT         NOT NULL,
    updated_by        VARCHAR(200) NOT NULL
);
CREATE INDEX directory_changes_resource ON directory_changes (resource_id, seq);
