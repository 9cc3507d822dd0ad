-- A person's history is read a page at a time, newest first: by person, then ledger index.
CREATE INDEX ledger_events_person_idx ON ledger_events(person_id, idx DESC);
DROP INDEX ledger_events_person;
