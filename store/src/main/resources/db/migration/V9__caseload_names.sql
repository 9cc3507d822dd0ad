-- The caseload's filter by name, without names: for each organisation and person, keyed hashes
-- (HMAC under a key derived from the master key, salted with the organisation) of the folded
-- words of the names the organisation's own identity records hold, and of their prefixes. The
-- same name in two organisations gives different hashes, so the table links nobody across them.
CREATE TABLE caseload_names (
    organisation_id VARCHAR(64) NOT NULL,
    person_id       UUID NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
    term_hash       VARCHAR(64) NOT NULL,
    PRIMARY KEY (organisation_id, term_hash, person_id)
);
CREATE INDEX caseload_names_person ON caseload_names (person_id);
CREATE INDEX relationships_organisation_since ON relationships (organisation_id, since);
