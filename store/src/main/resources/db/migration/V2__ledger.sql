-- The access ledger replaces the plain access_events table (no release ever shipped it).
DROP TABLE access_events;

-- One row per access event, in ledger order. `entry` is the public leaf (a commitment, no
-- personal data); the other columns and `salt` are the private event store: the opening.
CREATE TABLE ledger_events (
    idx             BIGINT PRIMARY KEY,
    entry           BYTEA NOT NULL,
    salt            BYTEA NOT NULL,
    id              UUID NOT NULL,
    at              TIMESTAMP WITH TIME ZONE NOT NULL,
    actor_user      UUID,
    organisation_id VARCHAR(64),
    role            VARCHAR(20),
    action          VARCHAR(40)  NOT NULL,
    purpose         VARCHAR(300) NOT NULL,
    person_id       UUID,
    categories      VARCHAR(2000) NOT NULL,
    permitted       BOOLEAN NOT NULL,
    reason          VARCHAR(40),
    target_id       UUID
);
CREATE INDEX ledger_events_person ON ledger_events(person_id);

-- Full hash tiles (c2sp.org/tlog-tiles): 256 hashes of tree level 8 * tile_level. Never change.
CREATE TABLE ledger_tiles (
    tile_level INT    NOT NULL,
    idx        BIGINT NOT NULL,
    hashes     BYTEA  NOT NULL,
    PRIMARY KEY (tile_level, idx)
);

-- Signed checkpoints (c2sp.org/tlog-checkpoint), the latest ones.
CREATE TABLE ledger_checkpoints (
    tree_size BIGINT PRIMARY KEY,
    note      VARCHAR(4000) NOT NULL,
    signed_at TIMESTAMP WITH TIME ZONE NOT NULL
);
