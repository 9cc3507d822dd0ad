-- The public algorithm register as the data protection officer edits it: every version kept, with
-- its date and author. Haven's own entries ship with the code; a row here is an edit or a city's entry.
CREATE TABLE algorithm_entries (
    id         VARCHAR(63)  NOT NULL,
    version    INT          NOT NULL,
    body       TEXT         NOT NULL,
    changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    changed_by VARCHAR(100) NOT NULL,
    PRIMARY KEY (id, version)
);
