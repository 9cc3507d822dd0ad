-- PostgreSQL only (several servers may share its database): every change to a person's records,
-- relationships, consents or referrals raises the person's version in the same transaction, so a server
-- that kept the person's facts in memory sees the change at its next read, whichever server made it,
-- and a change made by hand in SQL too. Versions after 19 in db/migration must stay above 19.1.
CREATE FUNCTION haven_person_changed() RETURNS trigger AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        UPDATE persons SET version = version + 1 WHERE id = OLD.person_id;
    END IF;
    IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW.person_id IS DISTINCT FROM OLD.person_id) THEN
        UPDATE persons SET version = version + 1 WHERE id = NEW.person_id;
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER records_person_changed AFTER INSERT OR UPDATE OR DELETE ON records
    FOR EACH ROW EXECUTE FUNCTION haven_person_changed();
CREATE TRIGGER relationships_person_changed AFTER INSERT OR UPDATE OR DELETE ON relationships
    FOR EACH ROW EXECUTE FUNCTION haven_person_changed();
CREATE TRIGGER consents_person_changed AFTER INSERT OR UPDATE OR DELETE ON consents
    FOR EACH ROW EXECUTE FUNCTION haven_person_changed();
CREATE TRIGGER referrals_person_changed AFTER INSERT OR UPDATE OR DELETE ON referrals
    FOR EACH ROW EXECUTE FUNCTION haven_person_changed();
