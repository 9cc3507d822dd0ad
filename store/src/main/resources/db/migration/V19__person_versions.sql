-- A number that grows with every change to what is kept in memory about a person (the person, their
-- records, relationships, consents and referrals). Servers sharing one PostgreSQL database compare it
-- before they use what they kept (triggers in db/postgresql raise it); one embedded server needs it not.
ALTER TABLE persons ADD COLUMN version BIGINT DEFAULT 0 NOT NULL;
