-- A deleted staff account keeps its id and username (people's histories name who did what) but
-- can never sign in again.
ALTER TABLE staff_users ADD COLUMN deleted_at TIMESTAMP WITH TIME ZONE;
