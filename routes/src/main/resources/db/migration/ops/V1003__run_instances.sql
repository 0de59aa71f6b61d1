-- The hub instances (processes) sharing the database, so that an instance that starts
-- ends the runs a crashed one left behind: each instance's host, process id and process
-- start, and a heartbeat it writes while it lives. Each run names the instance running it.
CREATE TABLE ops_instance (
  id VARCHAR(36) PRIMARY KEY,
  host VARCHAR(255) NOT NULL,
  pid BIGINT NOT NULL,
  process_started TIMESTAMP(6) WITH TIME ZONE,
  started_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  heartbeat TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

ALTER TABLE ops_run ADD COLUMN instance_id VARCHAR(36);
CREATE INDEX ops_run_running ON ops_run (status, instance_id);
