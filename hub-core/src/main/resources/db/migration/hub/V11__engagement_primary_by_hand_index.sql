-- The rules read the engagements whose primary flag was chosen by hand (usually none) on
-- every import; without an index that read went through every current engagement.
CREATE INDEX engagement_primary_by_hand ON engagement (primary_by_hand, reg_to);
