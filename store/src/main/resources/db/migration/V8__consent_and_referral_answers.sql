-- Who registered a withdrawal (an organisation; NULL with withdrawn_at set: the person), the
-- guardian who gave a consent (relationship in clear, name sealed under the person's key), and
-- the reason a referral was declined (sealed under the person's key).
ALTER TABLE consents ADD COLUMN withdrawn_by VARCHAR(64);
ALTER TABLE consents ADD COLUMN guardian_relationship VARCHAR(40);
ALTER TABLE consents ADD COLUMN sealed_guardian_name BYTEA;
ALTER TABLE referrals ADD COLUMN sealed_decline_reason BYTEA;
