-- What people do themselves with their access code: sessions, corrections, erasure requests.
-- Free text a person or caseworker writes here is sealed under the person's data key.

CREATE TABLE person_sessions (
    token_hash  CHAR(64) PRIMARY KEY,
    person_id   UUID NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX person_sessions_person ON person_sessions(person_id);
CREATE INDEX person_sessions_expiry ON person_sessions(expires_at);

CREATE TABLE corrections (
    id              UUID PRIMARY KEY,
    person_id       UUID NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
    organisation_id VARCHAR(64) NOT NULL REFERENCES organisations(id),
    record_id       UUID,
    request         BYTEA NOT NULL,
    status          VARCHAR(12) NOT NULL,
    answer          BYTEA,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    answered_at     TIMESTAMP WITH TIME ZONE,
    answered_by     UUID
);
CREATE INDEX corrections_person ON corrections(person_id);
CREATE INDEX corrections_queue ON corrections(organisation_id, status);

-- An erasure that waits for a holding organisation because the framework names a retention
-- obligation for its records. `reason` is the framework's text of that obligation.
CREATE TABLE erasure_requests (
    person_id       UUID NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
    organisation_id VARCHAR(64) NOT NULL REFERENCES organisations(id),
    reason          VARCHAR(1000) NOT NULL,
    status          VARCHAR(12) NOT NULL,
    answer          BYTEA,
    requested_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    answered_at     TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (person_id, organisation_id)
);
CREATE INDEX erasure_requests_queue ON erasure_requests(organisation_id, status);

CREATE INDEX records_created ON records(created_at);
