-- SPDX-License-Identifier: GPL-3.0-or-later
-- Fidelis schema, version 2: the account manager's workspace (issue 3).
-- Applied in one transaction by FidStore, which also provides fid_fold()
-- (the accent- and case-folding of fid_text_fold) to this script only:
-- nothing stored in the schema (triggers, generated columns) calls it, so
-- the file stays readable and writable by any SQLite.

-- Sorting the customer list by advisor --------------------------------------
-- advisors.sort_key is the folded display name "first last", as the list
-- shows it; writers of advisors set it (FidBulkLoader does), and a trigger
-- fills an ASCII approximation for rows written without it. customers
-- carries a copy (advisor_key) so the list pages through one index.
ALTER TABLE advisors ADD COLUMN sort_key TEXT NOT NULL DEFAULT '';
UPDATE advisors SET sort_key = fid_fold (first_name || ' ' || last_name);

ALTER TABLE customers ADD COLUMN advisor_key TEXT NOT NULL DEFAULT '';
UPDATE customers SET advisor_key = (SELECT a.sort_key FROM advisors a WHERE a.id = customers.advisor_id)
WHERE advisor_id IS NOT NULL;

CREATE TRIGGER advisors_sort_key_ai AFTER INSERT ON advisors WHEN new.sort_key = '' BEGIN
  UPDATE advisors SET sort_key = lower (new.first_name || ' ' || new.last_name) WHERE id = new.id;
END;
CREATE TRIGGER advisors_sort_key_au AFTER UPDATE OF sort_key ON advisors BEGIN
  UPDATE customers SET advisor_key = new.sort_key WHERE advisor_id = new.id;
END;
-- Inserters that already give the right key (FidBulkLoader) pay one
-- primary-key probe; the others get it written here.
CREATE TRIGGER customers_advisor_key_ai AFTER INSERT ON customers
WHEN new.advisor_key IS NOT coalesce ((SELECT sort_key FROM advisors WHERE id = new.advisor_id), '') BEGIN
  UPDATE customers SET advisor_key = coalesce ((SELECT sort_key FROM advisors WHERE id = new.advisor_id), '')
  WHERE id = new.id;
END;
CREATE TRIGGER customers_advisor_key_au AFTER UPDATE OF advisor_id, advisor_key ON customers
WHEN new.advisor_key IS NOT coalesce ((SELECT sort_key FROM advisors WHERE id = new.advisor_id), '') BEGIN
  UPDATE customers SET advisor_key = coalesce ((SELECT sort_key FROM advisors WHERE id = new.advisor_id), '')
  WHERE id = new.id;
END;

-- Sort keys that keyset paging can compare: never NULL, and the lifecycle
-- in its own order rather than alphabetical. Virtual: no storage, only
-- their index entries.
ALTER TABLE customers ADD COLUMN segment_key TEXT
  GENERATED ALWAYS AS (coalesce (segment, '')) VIRTUAL;
ALTER TABLE customers ADD COLUMN lifecycle_rank INTEGER
  GENERATED ALWAYS AS (CASE lifecycle_stage
                         WHEN 'unknown' THEN 0 WHEN 'prospect' THEN 1 WHEN 'new' THEN 2
                         WHEN 'satisfied' THEN 3 WHEN 'dissatisfied' THEN 4 WHEN 'inactive' THEN 5
                         WHEN 'lost' THEN 6 WHEN 'reactivated' THEN 7 ELSE 8 END) VIRTUAL;

CREATE INDEX customers_advisor_key ON customers (advisor_key, id);
CREATE INDEX customers_segment_key ON customers (segment_key, id);
CREATE INDEX customers_lifecycle_rank ON customers (lifecycle_rank, id);
-- "Segment X by name"; advisor, branch and lifecycle by name have theirs
-- since version 1 (customers_advisor, customers_branch, customers_lifecycle).
CREATE INDEX customers_segment ON customers (segment, sort_name, id);

-- Revenue and margin over 12 months, refreshed once a day by
-- fid_store_refresh_revenue_12m; the as-of date is fidelis_meta's
-- 'revenue_12m_as_of'.
ALTER TABLE customer_stats ADD COLUMN revenue_12m_cents INTEGER NOT NULL DEFAULT 0;
ALTER TABLE customer_stats ADD COLUMN margin_12m_cents INTEGER NOT NULL DEFAULT 0;
CREATE INDEX customer_stats_revenue_12m ON customer_stats (revenue_12m_cents, customer_id);

-- Interactions: channel-specific data for channel plugins (a JSON object).
ALTER TABLE interactions ADD COLUMN details TEXT CHECK (details IS NULL OR json_valid (details));

-- Tickets: row version (concurrent edits), and the open tickets of one advisor.
ALTER TABLE tickets ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
CREATE INDEX tickets_advisor_open ON tickets (advisor_id, due_on) WHERE status IN ('open', 'in_progress');

-- The trash: what "delete" removed, so that "undo" can put it back with
-- the same ids. One entry per deleted customer; its rows are copies of
-- the deleted rows, table by table, column by column. The value columns
-- have no type, so every value keeps its exact storage class; cols names
-- the columns v0, v1… hold, so a row trashed before a later migration
-- adds a column still restores.
CREATE TABLE trash (
  id         INTEGER PRIMARY KEY,
  entity     TEXT NOT NULL,
  entity_id  INTEGER NOT NULL,
  label      TEXT NOT NULL,
  trashed_at TEXT NOT NULL,
  actor      TEXT NOT NULL
) STRICT;
CREATE INDEX trash_at ON trash (trashed_at);

CREATE TABLE trash_rows (
  trash_id INTEGER NOT NULL REFERENCES trash (id) ON DELETE CASCADE,
  tbl      TEXT NOT NULL,
  cols     TEXT NOT NULL,
  v0, v1, v2, v3, v4, v5, v6, v7, v8, v9,
  v10, v11, v12, v13, v14, v15, v16, v17, v18, v19,
  v20, v21, v22, v23, v24, v25, v26, v27, v28, v29,
  v30, v31, v32, v33, v34, v35, v36, v37, v38, v39
);
CREATE INDEX trash_rows_entry ON trash_rows (trash_id, tbl);
