-- The data protection officer's register of requests for data from authorities. A request names no
-- person; the people it concerns are matched one by one and kept apart, and leave with their erasure.
CREATE TABLE authority_requests (
    id               UUID PRIMARY KEY,
    received_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    registered_by    UUID         NOT NULL,
    organisation_id  VARCHAR(64)  NOT NULL,
    body             VARCHAR(300) NOT NULL,
    body_type        VARCHAR(20)  NOT NULL,
    legal_reference  VARCHAR(300) NOT NULL,
    purpose          VARCHAR(300) NOT NULL,
    firewall_root    VARCHAR(300),
    categories       VARCHAR(2000) NOT NULL,
    letter_language  VARCHAR(8)   NOT NULL,
    status           VARCHAR(30)  NOT NULL,
    decided_at       TIMESTAMP WITH TIME ZONE,
    decided_by       UUID,
    decision_note    VARCHAR(2000),
    granted          VARCHAR(2000) NOT NULL,
    postponed_until  DATE,
    postpone_reason  VARCHAR(300)
);
CREATE INDEX authority_requests_received ON authority_requests(received_at);
CREATE TABLE authority_request_persons (
    request_id UUID NOT NULL REFERENCES authority_requests(id),
    person_id  UUID NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
    added_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (request_id, person_id)
);
CREATE INDEX authority_request_persons_person ON authority_request_persons(person_id);

-- The transparency report's counts, kept as the ledger's events are appended (in the same
-- transaction), so that they outlive the openings an erasure blanks. No person in them.
CREATE TABLE report_counts (
    report_month VARCHAR(7) NOT NULL,
    measure VARCHAR(40)  NOT NULL,
    dim1    VARCHAR(300) NOT NULL,
    dim2    VARCHAR(300) NOT NULL,
    n       BIGINT       NOT NULL,
    PRIMARY KEY (report_month, measure, dim1, dim2)
);
-- How far the counts have read the ledger: events below this index are counted.
CREATE TABLE report_state (
    id              INT PRIMARY KEY,
    counted_through BIGINT NOT NULL
);
-- Who was already counted as served this month, so that each person counts once per
-- organisation type; rows of earlier months are dropped, and a person's rows leave with their erasure.
CREATE TABLE report_served (
    report_month VARCHAR(7) NOT NULL,
    org_type  VARCHAR(64) NOT NULL,
    person_id UUID        NOT NULL,
    PRIMARY KEY (report_month, org_type, person_id)
);
CREATE INDEX report_served_person ON report_served(person_id);
