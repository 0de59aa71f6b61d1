-- The store refuses a second person with a CPR number another person holds (rule
-- unique-cpr); it looks persons up by their number.
CREATE INDEX person_cpr ON person (cpr);
