-- The data protection officer acknowledges an alert with a note of what was found and done.
ALTER TABLE alerts ADD COLUMN acknowledged_note VARCHAR(2000);
