-- Access codes are activated by the person with a secret of their own before anything is shown;
-- a code not activated in time expires. A new code for someone who lost theirs needs a second
-- person's approval. Alerts for the data protection officer name no person.

ALTER TABLE persons ADD COLUMN code_issued_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE persons ADD COLUMN code_activated_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE persons ADD COLUMN secret_hash VARCHAR(200);
ALTER TABLE persons ADD COLUMN secret_failures INTEGER DEFAULT 0 NOT NULL;
-- Codes issued before activation existed: the person has the usual time from now to activate.
UPDATE persons SET code_issued_at = CURRENT_TIMESTAMP WHERE code_issued_at IS NULL;

CREATE TABLE access_code_requests (
    id                      UUID PRIMARY KEY,
    person_id               UUID NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
    organisation_id         VARCHAR(64) NOT NULL REFERENCES organisations(id),
    requested_by            UUID NOT NULL,
    requested_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    status                  VARCHAR(12) NOT NULL,
    approved_by             UUID,
    approver_organisation   VARCHAR(64),
    approved_at             TIMESTAMP WITH TIME ZONE,
    issued_at               TIMESTAMP WITH TIME ZONE
);
CREATE INDEX access_code_requests_person ON access_code_requests(person_id);
CREATE INDEX access_code_requests_status ON access_code_requests(status);

CREATE TABLE alerts (
    id              UUID PRIMARY KEY,
    kind            VARCHAR(40) NOT NULL,
    organisation_id VARCHAR(64),
    target_id       UUID,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    acknowledged_at TIMESTAMP WITH TIME ZONE,
    acknowledged_by UUID
);
CREATE INDEX alerts_open ON alerts(acknowledged_at);
