-- SPDX-License-Identifier: GPL-3.0-or-later
-- Fidelis schema, version 3: segmentation (issue 5).

-- The analysis column cache (app/core/analytics/fid-tx-columns.c) -----------
-- The cache file holds every transaction as compact arrays; it is named by
-- fidelis_meta 'columns_token'. Every write to transactions lists its
-- customer here, with a sequence number, so that loading the cache
-- re-reads only those customers and folding it into a new file removes
-- only the entries it has seen (seq <= the seq it read).
CREATE TABLE analytics_dirty (
  customer_id INTEGER PRIMARY KEY,
  seq         INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX analytics_dirty_seq ON analytics_dirty (seq);

CREATE TRIGGER transactions_dirty_ai AFTER INSERT ON transactions BEGIN
  INSERT OR REPLACE INTO analytics_dirty (customer_id, seq)
  VALUES (new.customer_id, (SELECT coalesce (max (seq), 0) + 1 FROM analytics_dirty));
END;
CREATE TRIGGER transactions_dirty_ad AFTER DELETE ON transactions BEGIN
  INSERT OR REPLACE INTO analytics_dirty (customer_id, seq)
  VALUES (old.customer_id, (SELECT coalesce (max (seq), 0) + 1 FROM analytics_dirty));
END;
CREATE TRIGGER transactions_dirty_au AFTER UPDATE ON transactions BEGIN
  INSERT OR REPLACE INTO analytics_dirty (customer_id, seq)
  VALUES (old.customer_id, (SELECT coalesce (max (seq), 0) + 1 FROM analytics_dirty));
  INSERT OR REPLACE INTO analytics_dirty (customer_id, seq)
  VALUES (new.customer_id, (SELECT coalesce (max (seq), 0) + 1 FROM analytics_dirty));
END;

-- Segment snapshots: what was saved, with its parameters ------------------
-- (the rows are in segment_snapshots, since version 1).
CREATE TABLE segment_snapshot_info (
  scheme      TEXT NOT NULL,
  taken_on    TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  window_days INTEGER NOT NULL,
  parameters  TEXT CHECK (parameters IS NULL OR json_valid (parameters)),
  customers   INTEGER NOT NULL,
  PRIMARY KEY (scheme, taken_on)
) STRICT, WITHOUT ROWID;
CREATE INDEX segment_snapshots_segment ON segment_snapshots (scheme, taken_on, segment, customer_id);
