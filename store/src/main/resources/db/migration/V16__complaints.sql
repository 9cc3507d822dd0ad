-- People's complaints to the data protection officer: text and answer sealed under the person's key;
-- they leave with the person's erasure.
CREATE TABLE complaints (
    id          UUID PRIMARY KEY,
    person_id   UUID NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    language    VARCHAR(16) NOT NULL,
    text        BYTEA NOT NULL,
    status      VARCHAR(20) NOT NULL,
    answer      BYTEA,
    answered_at TIMESTAMP WITH TIME ZONE,
    handed_to   VARCHAR(40),
    handed_at   TIMESTAMP WITH TIME ZONE
);
CREATE INDEX complaints_person ON complaints(person_id);
CREATE INDEX complaints_waiting ON complaints(status, created_at);
