-- The data protection officer counts decisions by period.
CREATE INDEX ledger_events_at ON ledger_events(at);
