-- Whether an engagement's primary flag was chosen by hand, and the unit payroll gave when a
-- rule placed the engagement elsewhere (lifted from a too-deep level).
ALTER TABLE engagement ADD COLUMN primary_by_hand BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE engagement ADD COLUMN original_unit UUID;
