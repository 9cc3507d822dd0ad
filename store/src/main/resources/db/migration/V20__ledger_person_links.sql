-- A person's events are found by following links: each event naming a person holds the index of the
-- previous one naming them (person_prev), and ledger_person_heads holds each person's newest. The
-- index on (person_id, idx) made every append an insert at a random place in a tree as large as
-- the ledger; a batch now writes one head per person it names. Neither is part of any opening: the
-- audit checks both against the openings.
ALTER TABLE ledger_events ADD COLUMN person_prev BIGINT;
UPDATE ledger_events e SET person_prev = (SELECT MAX(x.idx) FROM ledger_events x
    WHERE x.person_id = e.person_id AND x.idx < e.idx) WHERE e.person_id IS NOT NULL;
CREATE TABLE ledger_person_heads (
    person_id UUID PRIMARY KEY,
    last_idx  BIGINT NOT NULL
);
INSERT INTO ledger_person_heads (person_id, last_idx)
    SELECT person_id, MAX(idx) FROM ledger_events WHERE person_id IS NOT NULL GROUP BY person_id;
DROP INDEX ledger_events_person_idx;
