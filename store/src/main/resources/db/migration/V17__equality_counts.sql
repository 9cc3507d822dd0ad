-- The equality body's counts: outcomes by month, language and age group, with the days answers took.
-- Counted as each outcome happens; no person in them.
CREATE TABLE equality_counts (
    report_month VARCHAR(7)  NOT NULL,
    outcome      VARCHAR(40) NOT NULL,
    language     VARCHAR(16) NOT NULL,
    age_group    VARCHAR(10) NOT NULL,
    n            BIGINT      NOT NULL,
    days         BIGINT      NOT NULL,
    PRIMARY KEY (report_month, outcome, language, age_group)
);
