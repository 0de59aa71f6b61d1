-- Which outbox instance drained last (one row). Each hub instance keeps the canonical state
-- it publishes from in memory and patches it with the rows it drains itself; when another
-- instance drained in between, that state misses changes, and the drain reloads it first.
-- Runs unchanged on H2 and PostgreSQL.

CREATE TABLE sts_outbox_drainer (
  id INT NOT NULL PRIMARY KEY,
  drainer VARCHAR(36),
  drained_at TIMESTAMP(6) WITH TIME ZONE
);

INSERT INTO sts_outbox_drainer (id, drainer, drained_at) VALUES (1, NULL, NULL);
