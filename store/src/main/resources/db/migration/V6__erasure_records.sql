-- An erasure record (an event naming nobody) carries a note signed with the ledger's key listing
-- the indices whose openings the erasure blanks; the start-up audit accepts a blank opening only
-- where such a record lists it.
ALTER TABLE ledger_events ADD COLUMN erasure VARCHAR(100000);
