-- What was last sent of each object, as text (StsObjectText), so a preview and the run
-- log can show old and new values. CPR numbers are kept masked. Rows written before this
-- version have none until the object is sent again.
ALTER TABLE sts_sent ADD COLUMN content VARCHAR(1000000);
