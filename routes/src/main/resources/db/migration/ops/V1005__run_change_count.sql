-- How many lines each run's change log holds, kept in the same transaction as the lines are
-- written or deleted, so that reading a run (polled while it goes) does not count its log.
ALTER TABLE ops_run ADD COLUMN change_count BIGINT DEFAULT 0 NOT NULL;
UPDATE ops_run SET change_count = (SELECT COUNT(*) FROM ops_run_change c WHERE c.run_id = ops_run.id);
