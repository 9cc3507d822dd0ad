-- Re-indexing one person's names deletes their rows first, by organisation and person. The primary
-- key leads with the organisation and the term, so without this index PostgreSQL answered that
-- delete by reading every row of the organisation: indexing 100,000 people took quadratic time.
CREATE INDEX caseload_names_organisation_person ON caseload_names (organisation_id, person_id);
