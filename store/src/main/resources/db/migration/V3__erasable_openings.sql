-- Erasing a person removes the openings of their access events (the event fields and the salt)
-- and keeps the public entries, which then cannot be linked to anyone.
ALTER TABLE ledger_events ALTER COLUMN salt DROP NOT NULL;
ALTER TABLE ledger_events ALTER COLUMN id DROP NOT NULL;
ALTER TABLE ledger_events ALTER COLUMN at DROP NOT NULL;
ALTER TABLE ledger_events ALTER COLUMN action DROP NOT NULL;
ALTER TABLE ledger_events ALTER COLUMN purpose DROP NOT NULL;
ALTER TABLE ledger_events ALTER COLUMN categories DROP NOT NULL;
ALTER TABLE ledger_events ALTER COLUMN permitted DROP NOT NULL;
